"""Report a running job's progress to its record, without flooding the database."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import connections

from clearinghouse.jobs.models import Job

Listener = Callable[[int, int, str], None]


def progress_alias() -> str:
    """Return the database alias that a job's progress is written through.

    On PostgreSQL the "progress" connection writes outside the job's own transaction, so
    readers see progress while an all-or-nothing job is still running. When the caller is
    already inside a transaction (which may hold the job row's lock), it must be "default".
    """
    if "progress" in connections.databases and not connections["default"].in_atomic_block:
        return "progress"
    return "default"


class Progress:
    """Count work done against a total; write to the job row at most every ``interval`` s.

    A listener (the CLI's progress bar) hears every step, not just the written ones.
    """

    def __init__(self, job: Job, *, listener: Listener | None = None,
                 interval: float = 0.25, using: str = "default") -> None:
        self.job = job
        self.using = using
        self.listener = listener
        self.interval = interval
        self._written = 0.0

    def start(self, total: int, message: str = "") -> None:
        """Declare how many steps the job has."""
        self.job.total = total
        self.job.done = 0
        self.job.message = message[:300]
        self._flush(force=True)

    def advance(self, steps: int = 1, message: str | None = None) -> None:
        """Record ``steps`` more steps done, with an optional status message."""
        self.job.done = min(self.job.done + steps, self.job.total or self.job.done + steps)
        if message is not None:
            self.job.message = message[:300]
        self._flush()

    def _flush(self, *, force: bool = False) -> None:
        if self.listener:
            self.listener(self.job.done, self.job.total, self.job.message)
        now = time.monotonic()
        if force or now - self._written >= self.interval or self.job.done >= self.job.total:
            Job.objects.using(self.using).filter(pk=self.job.pk).update(
                done=self.job.done, total=self.job.total, message=self.job.message
            )
            self._written = now
