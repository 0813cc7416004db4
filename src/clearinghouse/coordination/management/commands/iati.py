"""clearinghouse iati export --output FILE | iati import FILE --as USER."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clearinghouse.coordination.iati_export import iati_export
from clearinghouse.coordination.services import iati_import
from clearinghouse.core.commands import acting_user, readable_file
from clearinghouse.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Export the programme's activities as IATI 2.03, or import another publisher's."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="write iati-activities XML")
        export.add_argument("--output", required=True)
        load = sub.add_parser("import", help="import an IATI 2.03 activity file")
        load.add_argument("file")
        load.add_argument("--as", dest="username", default="admin",
                          help="the Secretariat user the import is audited as")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            with Path(options["output"]).open("wb") as output:
                count = iati_export(output)
            self.stdout.write(f"Wrote {count} activities to {options['output']}.")
            return
        user = acting_user(options["username"])
        path = readable_file(options["file"])
        try:
            result = iati_import(user=user, content=path.read_bytes())
        except ApplicationError as error:
            details = "\n".join(error.extra.get("errors", [])[:20])
            raise CommandError(f"{path}: {error.message}\n{details}".strip()) from error
        self.stdout.write(f"{path}: {result.created} activities created, {result.updated} "
                          f"updated, {result.transactions} transactions.")
