"""clearinghouse reconcile: check every ledger invariant; exit 1 and list breaches if any."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from clearinghouse.finance.reconcile import ledger_reconcile


class Command(BaseCommand):
    help = "Check the ledger's invariants and that every statement ties out."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = ledger_reconcile()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"The ledger does not reconcile: {len(problems)} breach(es).")
        self.stdout.write("The ledger reconciles: every invariant holds, every statement "
                          "ties out.")
