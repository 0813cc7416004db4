"""The table of job kinds: each app registers the functions its jobs run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from clearinghouse.jobs.progress import Progress

JobFunction = Callable[[Progress, dict[str, Any], Any], Any]


@dataclass(frozen=True, slots=True)
class JobKind:
    """A registered kind of job: its function, title and who may start it."""

    name: str
    title: str
    function: JobFunction
    secretariat_only: bool = True


KINDS: dict[str, JobKind] = {}


def register(
    name: str, *, title: str, secretariat_only: bool = True
) -> Callable[[JobFunction], JobFunction]:
    """Register ``function(progress, params, user)`` as the job kind ``name``."""

    def decorate(function: JobFunction) -> JobFunction:
        KINDS[name] = JobKind(name, title, function, secretariat_only)
        return function

    return decorate
