"""With a broker, a job goes through the real Redis to a real Celery worker."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from celery.contrib.testing.worker import start_worker

from clearinghouse.celery import app
from clearinghouse.jobs import services
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.models import Job
from clearinghouse.jobs.progress import Progress

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@register("tests.where", title="Say which thread ran the job", secretariat_only=False)
def _where(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, str]:
    progress.start(1)
    progress.advance(1)
    return {"thread": threading.current_thread().name}


@pytest.fixture
def redis_broker() -> Iterator[str]:
    """Point Celery at the real Redis for one test; CI (REQUIRE_REDIS=1) fails if it is down."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("REQUIRE_REDIS"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL}")
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    _drop_connection_pools()  # made for the in-memory broker by earlier eager runs
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    try:
        yield REDIS_URL
    finally:
        _drop_connection_pools()
        app.conf.update(saved)


def _drop_connection_pools() -> None:
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_job_goes_through_redis_to_a_celery_worker(redis_broker: str, ref: None,
                                                   make_user: Any) -> None:
    user = make_user("secretariat")
    assert services.broker_configured()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        scan = services.job_start(user=user, kind="registry.duplicate_scan")
        where = services.job_start(user=user, kind="tests.where")
        deadline = time.monotonic() + 60
        while (scan.running or where.running) and time.monotonic() < deadline:
            time.sleep(0.2)
            scan.refresh_from_db()
            where.refresh_from_db()
    assert scan.status == Job.Status.SUCCEEDED, scan.error
    assert scan.done == scan.total > 40
    assert scan.result["compared"] == scan.total
    # The worker's thread ran it: the job crossed Redis instead of running eagerly here.
    assert where.result["thread"] != threading.current_thread().name
