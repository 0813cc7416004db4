"""clearinghouse load_reference: load the shipped reference data, with a progress bar."""

from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from clearinghouse.jobs import cli, services


class Command(BaseCommand):
    help = "Load States, M49 areas, country groups, organizations and expertise areas."

    def handle(self, *args: Any, **options: Any) -> None:
        job = services.job_create_for_system(kind="registry.load_reference")
        console = Console(file=cast(IO[str], self.stdout._out))
        job = cli.run_with_bar(job, console=console, title="Reference data")
        if not job.finished_ok:
            raise CommandError(f"Reference data load failed: {job.error}")
        counts = ", ".join(f"{name}: {n}" for name, n in (job.result or {}).items())
        from clearinghouse.assistance.reference import themes_load
        from clearinghouse.mandates.services import session_calendar_load

        sessions = session_calendar_load()
        themes = themes_load()
        from clearinghouse.finance.reference import finance_seed_load

        finance_seed_load()
        self.stdout.write(f"Reference data loaded ({counts}; {sessions} new sessions; "
                          f"{themes['themes.csv']} themes).")
