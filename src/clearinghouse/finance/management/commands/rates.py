"""clearinghouse rates import FILE.csv --as USER: record a month's operational rates."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clearinghouse.core.commands import acting_user, readable_file
from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance.services import exchange_rates_import


class Command(BaseCommand):
    help = "Import UN operational rates of exchange (CSV: currency,month,per_usd)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["import"])
        parser.add_argument("file")
        parser.add_argument("--as", dest="username", required=True,
                            help="the finance officer the rates are recorded as")

    def handle(self, *args: Any, **options: Any) -> None:
        user = acting_user(options["username"])
        path = readable_file(options["file"])
        try:
            count = exchange_rates_import(user=user, content=path.read_bytes())
        except ApplicationError as error:
            lines = [f"{k}: {' '.join(v)}" for k, v in error.fields.items()]
            raise CommandError("\n".join([f"{path}: {error.message}", *lines])) from error
        self.stdout.write(f"{path}: {count} rates recorded.")
