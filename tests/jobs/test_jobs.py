"""Background jobs: eager without a broker, progress recorded, visible to their owner only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.jobs import selectors, services
from clearinghouse.jobs.kinds import register
from clearinghouse.jobs.models import Job
from clearinghouse.jobs.progress import Progress
from tests.conftest import bearer, login


@register("tests.count", title="Count to N", secretariat_only=False)
def _count(progress: Progress, params: dict[str, Any], user: Any) -> dict[str, int]:
    n = int(params.get("n", 3))
    progress.start(n, "counting")
    for i in range(n):
        progress.advance(1, f"step {i + 1}")
    return {"counted": n}


@register("tests.fail", title="Fail halfway", secretariat_only=False)
def _fail(progress: Progress, params: dict[str, Any], user: Any) -> None:
    progress.start(2)
    progress.advance(1)
    raise ApplicationError("The input is not valid.", fields={"line 2": ["bad value"]})


def test_job_runs_eagerly_without_a_broker_and_records_its_result(
    kenya_fp: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_start(user=kenya_fp, kind="tests.count", params={"n": 5})
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert (job.done, job.total, job.percent) == (5, 5, 100)
    assert job.result == {"counted": 5}
    assert job.started is not None and job.finished is not None


def test_progress_is_reported_step_by_step_to_a_listener(kenya_fp: Any) -> None:
    job = services.job_create(user=kenya_fp, kind="tests.count", params={"n": 4})
    heard: list[tuple[int, int]] = []
    services.job_execute(job_id=job.pk, listener=lambda d, t, m: heard.append((d, t)))
    assert heard == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_failed_job_keeps_its_error_and_field_messages(kenya_fp: Any) -> None:
    job = services.job_create(user=kenya_fp, kind="tests.fail")
    job = services.job_execute(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "The input is not valid."
    assert job.result == {"fields": {"line 2": ["bad value"]}}


def test_unknown_kind_names_the_field(kenya_fp: Any) -> None:
    with pytest.raises(ApplicationError) as raised:
        services.job_create(user=kenya_fp, kind="nope")
    assert "kind" in raised.value.fields


def test_secretariat_only_job_refused_to_focal_point(kenya_fp: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.job_create(user=kenya_fp, kind="registry.duplicate_scan")


def test_jobs_are_visible_to_their_owner_and_the_secretariat_only(
    kenya_fp: Any, peru_fp: Any, secretariat: Any
) -> None:
    job = services.job_create(user=kenya_fp, kind="tests.count")
    assert list(selectors.job_list(user=kenya_fp)) == [job]
    assert list(selectors.job_list(user=peru_fp)) == []
    assert list(selectors.job_list(user=secretariat)) == [job]
    assert login(peru_fp).get(f"/jobs/{job.pk}/").status_code == 404
    assert Client().get(f"/api/jobs/{job.pk}").status_code == 404


def test_api_starts_a_job_and_reports_its_progress(
    secretariat: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, headers = login(secretariat), bearer(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/jobs", data={"kind": "registry.duplicate_scan"},
                               content_type="application/json", headers=headers)
    assert response.status_code == 202
    job = client.get(f"/api/jobs/{response.json()['id']}", headers=headers).json()
    assert job["status"] == "succeeded" and job["percent"] == 100
    assert job["total"] == job["done"] > 40
    assert job["result"]["compared"] == job["total"]
    bad = client.post("/api/jobs", data={"kind": "nope"}, content_type="application/json",
                      headers=headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "kind"


def test_progress_page_polls_while_running_and_stops_when_done(secretariat: Any) -> None:
    running = services.job_create(user=secretariat, kind="tests.count")
    Job.objects.filter(pk=running.pk).update(status="running", done=1, total=4)
    client = login(secretariat)
    partial = client.get(f"/jobs/{running.pk}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in partial and 'value="25"' in partial
    done = services.job_execute(job_id=services.job_create(user=secretariat,
                                                           kind="tests.count").pk)
    partial = client.get(f"/jobs/{done.pk}/progress/").content.decode()
    assert "hx-trigger" not in partial and 'value="100"' in partial


def test_duplicate_scan_finds_a_planted_duplicate(secretariat: Any) -> None:
    from clearinghouse.registry import services as registry

    planted = registry.organization_create(
        user=secretariat, values={"type": "pni_institute", "name":
                                  "UN Interregional Crime & Justice Research Institute"},
        confirm_not_duplicate=True)
    job = services.job_execute(job_id=services.job_create(
        user=secretariat, kind="registry.duplicate_scan").pk)
    pairs = {(p["a"], p["b"]) for p in job.result["pairs"]}
    unicri = planted.__class__.objects.get(key="unicri").pk
    assert (min(unicri, planted.pk), max(unicri, planted.pk)) in pairs


@pytest.mark.django_db(transaction=True)
def test_job_that_cannot_be_queued_fails_instead_of_waiting(make_user: Any) -> None:
    from clearinghouse.celery import app

    user = make_user("secretariat")
    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager", "task_publish_retry")}
    app.conf.update(broker_url="redis://127.0.0.1:1/0", task_always_eager=False,
                    task_publish_retry=False)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        job = services.job_start(user=user, kind="tests.count")
    finally:
        app.conf.update(saved)
        app._pool = None
        app.amqp._producer_pool = None
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "could not be queued" in job.error
