"""clearinghouse statement --period P --format json|pdf|xlsx|html [--output FILE]."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clearinghouse.finance.models import BudgetPeriod
from clearinghouse.finance.report import RENDERERS
from clearinghouse.finance.statement import statement_build


class Command(BaseCommand):
    help = "Render the statement of expenditure of a period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help='e.g. "2026" or "2026-2027"')
        parser.add_argument("--format", default="json", choices=sorted(RENDERERS))
        parser.add_argument("--output", help="file to write (default: standard output for "
                                             "json and html, statement-P.FORMAT otherwise)")

    def handle(self, *args: Any, **options: Any) -> None:
        period = BudgetPeriod.objects.filter(code=options["period"]).first()
        if period is None:
            known = ", ".join(BudgetPeriod.objects.values_list("code", flat=True))
            raise CommandError(f"--period: no period {options['period']!r}; known: {known}.")
        fmt = options["format"]
        content = RENDERERS[fmt][1](statement_build(period=period))
        output = options.get("output")
        if output is None and fmt in ("json", "html"):
            self.stdout.write(content.decode())
            return
        path = Path(output or f"statement-{period.code}.{fmt}")
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({len(content):,} bytes).")
