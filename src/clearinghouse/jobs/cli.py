"""Follow a job in the terminal with a rich progress bar."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from clearinghouse.jobs import services
from clearinghouse.jobs.models import Job


def _bar(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[message]}", style="dim"), TimeElapsedColumn(),
        console=console, transient=False,
    )


def run_with_bar(job: Job, *, console: Console, title: str) -> Job:
    """Run or follow ``job`` to its end, drawing its progress.

    Without a broker the job runs here, feeding the bar directly; with one, a worker runs
    it and the bar follows the job record.
    """
    with _bar(console) as bar:
        task = bar.add_task(title, total=None, message="")

        def listen(done: int, total: int, message: str) -> None:
            bar.update(task, completed=done, total=total or None, message=message[:40])

        if not services.broker_configured():
            job = services.job_execute(job_id=job.pk, listener=listen)
        else:
            from clearinghouse.jobs.tasks import job_run

            job_run.delay(job.pk)
            while job.running:
                time.sleep(0.5)
                job.refresh_from_db()
                listen(job.done, job.total, job.message)
        listen(job.done, job.total, job.status)
    return job


def follow(job_id: int, *, console: Console, title: str, poll: float = 0.5) -> Job:
    """Follow an existing job's record until it ends."""
    job = Job.objects.get(pk=job_id)
    with _bar(console) as bar:
        task = bar.add_task(title, total=None, message="")
        while True:
            bar.update(task, completed=job.done, total=job.total or None,
                       message=job.message[:40])
            if not job.running:
                break
            time.sleep(poll)
            job.refresh_from_db()
    return job


def summary(job: Job) -> dict[str, Any]:
    """Return the fields of a finished job worth printing."""
    return {"id": job.pk, "status": job.status, "result": job.result, "error": job.error}
