"""clearinghouse ingest PATH...: load resolution files into the app, with a progress bar."""

from __future__ import annotations

from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console

from clearinghouse.core.commands import acting_user
from clearinghouse.core.errors import ApplicationError
from clearinghouse.jobs import cli, services


class Command(BaseCommand):
    help = "Ingest resolution files or folders (.txt, OCR scans included, and AKN .xml)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--as", dest="username", required=True,
                            help="Secretariat user the ingestion is recorded under")

    def handle(self, *args: Any, **options: Any) -> None:
        user = acting_user(options["username"])
        try:
            job = services.job_create(user=user, kind="mandates.ingest",
                                      params={"paths": options["paths"]})
        except ApplicationError as error:
            raise CommandError(error.message) from error
        console = Console(file=cast(IO[str], self.stdout._out))
        job = cli.run_with_bar(job, console=console, title="Ingesting resolutions")
        if not job.finished_ok:
            raise CommandError(f"Ingestion failed: {job.error}")
        result = job.result or {}
        self.stdout.write(f"{result.get('files', 0)} files: {result.get('created', 0)} new, "
                          f"{result.get('updated', 0)} updated, "
                          f"{len(result.get('failed', []))} refused.")
        for failure in result.get("failed", []):
            self.stderr.write(f"  {failure['error']}")
        if result.get("failed"):
            raise CommandError("Some files were refused; the others were ingested.")
