"""clearinghouse job run|watch|list: background jobs from the terminal, with a progress bar."""

from __future__ import annotations

import json
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console

from clearinghouse.core.commands import acting_user
from clearinghouse.core.errors import ApplicationError
from clearinghouse.jobs import cli, selectors, services
from clearinghouse.jobs.kinds import KINDS
from clearinghouse.jobs.models import Job


class Command(BaseCommand):
    help = "Run, watch or list background jobs, with a progress bar."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="Start a job and show its progress until it ends")
        run.add_argument("kind", help=f"One of: {', '.join(sorted(KINDS))}")
        run.add_argument("--as", dest="username", required=True,
                         help="User the job runs as (its permissions apply)")
        run.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
        watch = sub.add_parser("watch", help="Follow a running job's progress")
        watch.add_argument("job_id", type=int)
        sub.add_parser("list", help="List recent jobs")
        sub.add_parser("kinds", help="List the job kinds")

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(file=cast(IO[str], self.stdout._out))
        action = options["action"]
        if action == "kinds":
            for kind in sorted(KINDS.values(), key=lambda k: k.name):
                self.stdout.write(f"{kind.name:28} {kind.title}")
        elif action == "list":
            for job in Job.objects.all()[:20]:
                self.stdout.write(f"#{job.pk:<5} {job.kind:28} {job.status:9} "
                                  f"{job.done}/{job.total} {job.message}")
        elif action == "watch":
            if not Job.objects.filter(pk=options["job_id"]).exists():
                raise CommandError(f"job_id: no job #{options['job_id']}.")
            job = cli.follow(options["job_id"], console=console, title=f"job #{options['job_id']}")
            self._finish(job)
        else:
            self._run(options, console)

    def _run(self, options: dict[str, Any], console: Console) -> None:
        user = acting_user(options["username"])
        params: dict[str, str] = {}
        for item in options["param"]:
            key, sep, value = item.partition("=")
            if not sep or not key:
                raise CommandError(f"--param: {item!r} is not KEY=VALUE.")
            params[key] = value
        try:
            job = services.job_create(user=user, kind=options["kind"], params=params)
        except ApplicationError as error:
            raise CommandError(f"{error.message} {json.dumps(error.fields)}") from error
        job = cli.run_with_bar(job, console=console, title=KINDS[job.kind].title)
        self._finish(selectors.job_get(user=user, job_id=job.pk))

    def _finish(self, job: Job) -> None:
        self.stdout.write(json.dumps(cli.summary(job), indent=2, default=str))
        if job.status == Job.Status.FAILED:
            raise CommandError(f"job #{job.pk} failed: {job.error.strip().splitlines()[-1]}")
