"""Read jobs."""

from typing import Any

from django.db.models import QuerySet

from clearinghouse.access import policy
from clearinghouse.core.errors import NotFound
from clearinghouse.jobs.models import Job


def job_list(*, user: Any, kind: str = "", status: str = "") -> QuerySet[Job]:
    """Return the jobs the user may see, newest first."""
    qs = policy.visible(user, Job.objects.select_related("created_by"))
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs


def job_get(*, user: Any, job_id: int) -> Job:
    """Return one job the user may see, or raise NotFound."""
    job = job_list(user=user).filter(pk=job_id).first()
    if job is None:
        raise NotFound()
    return job
