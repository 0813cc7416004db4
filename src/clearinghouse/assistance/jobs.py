"""Clearing-house job kinds: a brokerage run over the open requests and offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.brokerage.problem import load_problem
from clearinghouse.assistance.brokerage.solver import solve
from clearinghouse.core.errors import ApplicationError
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.progress import Progress


@register("assistance.brokerage_run", title="Brokerage run")
def brokerage_run(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, Any]:
    """Match the open requests with the open offers; record the proposals on a new run."""
    try:
        as_of = dt.date.fromisoformat(str(params.get("as_of") or timezone.localdate()))
    except ValueError as error:
        raise ApplicationError("The input is not valid.",
                               fields={"as_of": ["Give a date as YYYY-MM-DD."]}) from error
    progress.start(3, "Gathering the open requests and offers")
    run = services.brokerage_run_create(user=user, as_of=as_of, job_id=progress.job.pk)
    try:
        data, excluded = selectors.brokerage_problem(as_of=as_of)
        problem = load_problem(data)
        request_lines = sum(len(r.lines) for r in problem.requests)
        offer_lines = sum(len(o.lines) for o in problem.offers)
        progress.advance(1, f"Solving: {request_lines} request lines, {offer_lines} offer lines")
        solution = solve(problem, time_limit=float(settings.BROKERAGE_TIME_LIMIT))
        progress.advance(1, f"Recording {len(solution['allocations'])} proposals")
        services.brokerage_run_record(user=user, run=run, solution=solution, excluded=excluded,
                                      request_lines=request_lines, offer_lines=offer_lines)
    except Exception:
        services.brokerage_run_fail(user=user, run=run)  # never leave a run "running"
        raise
    progress.advance(1, "Done")
    return {"run_id": run.pk, "status": solution["status"],
            "proposals": len(solution["allocations"]), "unserved": len(solution["unserved"])}
