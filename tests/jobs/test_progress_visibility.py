"""On PostgreSQL, progress is visible to readers while an all-or-nothing job is mid-transaction."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from django.db import connection, transaction

from clearinghouse.jobs import services
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.progress import Progress

seen_from_outside: list[tuple[Any, ...]] = []


def _outside_view(job_id: int) -> tuple[Any, ...]:
    """Read the job row through a brand-new connection, as the web page would."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as other:
        row = other.execute("SELECT status, done, total, message FROM jobs_job WHERE id = %s",
                            [job_id]).fetchone()
    assert row is not None
    return tuple(row)


@register("tests.atomic_import", title="Import inside one transaction", secretariat_only=False)
def _atomic_import(progress: Progress, params: dict[str, Any], user: Any) -> None:
    with transaction.atomic():
        progress.start(10, "validating rows")
        seen_from_outside.append(_outside_view(progress.job.pk))


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_progress_of_a_job_inside_a_transaction_is_visible_outside(make_user: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer: progress shares the job's connection there")
    user = make_user("secretariat")
    job = services.job_create(user=user, kind="tests.atomic_import")
    services.job_execute(job_id=job.pk)
    assert seen_from_outside == [("running", 0, 10, "validating rows")]
