"""Celery tasks: take an id, call a service."""

from celery import shared_task

from clearinghouse.jobs.services import job_execute


@shared_task(name="jobs.run")
def job_run(job_id: int) -> None:
    """Run the job ``job_id``."""
    job_execute(job_id=job_id)
