"""Start and run background jobs."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from django.db import transaction
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.audit.context import acting_as
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.jobs.kinds import KINDS
from clearinghouse.jobs.models import Job
from clearinghouse.jobs.progress import Listener, Progress, progress_alias

logger = logging.getLogger(__name__)


def job_create(*, user: Any, kind: str, params: dict[str, Any] | None = None) -> Job:
    """Record a new queued job after checking the kind exists and the user may start it."""
    if kind not in KINDS:
        raise ApplicationError(
            "Unknown job kind.", fields={"kind": [f"Choose one of: {', '.join(sorted(KINDS))}."]}
        )
    actor = policy.actor_for(user)
    if not actor.authenticated or (KINDS[kind].secretariat_only and not actor.secretariat):
        raise PermissionDenied("Only the Secretariat may start this job.")
    return Job.objects.create(
        kind=kind, params=params or {}, created_by=user if actor.authenticated else None
    )


def job_create_for_system(*, kind: str, params: dict[str, Any] | None = None) -> Job:
    """Record a queued job run by the system itself (set-up commands), with no user."""
    if kind not in KINDS:
        raise ApplicationError("Unknown job kind.", fields={"kind": [kind]})
    return Job.objects.create(kind=kind, params=params or {})


def job_start(*, user: Any, kind: str, params: dict[str, Any] | None = None) -> Job:
    """Create a job and hand it to Celery once the creating transaction commits.

    Without a broker Celery runs the task at once, in this process.
    """
    job = job_create(user=user, kind=kind, params=params)
    transaction.on_commit(lambda: _enqueue(job.pk))
    if not broker_configured() and not transaction.get_connection().in_atomic_block:
        job.refresh_from_db()  # the eager run has already finished it
    return job


def _enqueue(job_id: int) -> None:
    """Hand a job to Celery; if the broker refuses it, fail the job instead of stranding it."""
    from clearinghouse.jobs.tasks import job_run

    try:
        job_run.delay(job_id)
    except Exception as error:
        if not broker_configured():
            raise  # an eager run's own failure is recorded by job_execute
        logger.exception("Could not queue job %s", job_id)
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.FAILED, error=f"The job could not be queued: {error}",
            finished=timezone.now())


def broker_configured() -> bool:
    """Return whether jobs go to a real broker rather than running eagerly."""
    from clearinghouse.celery import app

    return not app.conf.task_always_eager


def job_execute(*, job_id: int, listener: Listener | None = None) -> Job:
    """Run a queued job to the end, recording its result or its error on the job row.

    Never raises for a failure of the job itself: the failure is the job's outcome.
    """
    job = Job.objects.select_related("created_by").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return job
    job.status, job.started = Job.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started"])
    progress = Progress(job, listener=listener, using=progress_alias())
    try:
        with acting_as(job.created_by):
            result = KINDS[job.kind].function(progress, dict(job.params), job.created_by)
    except ApplicationError as error:
        job.status, job.error = Job.Status.FAILED, error.message
        if error.fields:
            job.result = {"fields": error.fields}
    except Exception:
        logger.exception("Job %s failed", job.pk)
        job.status = Job.Status.FAILED
        job.error = traceback.format_exc(limit=5)
    else:
        job.status, job.result = Job.Status.SUCCEEDED, result
        job.done = job.total
    job.finished = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=job.status, error=job.error, result=job.result, done=job.done,
        total=job.total, message=job.message, finished=job.finished,
    )
    return job
