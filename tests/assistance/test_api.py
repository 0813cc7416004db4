"""The clearing-house API: the same services, with field-level problem details."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from clearinghouse.assistance.models import Request, RequestLine
from tests.conftest import bearer

pytestmark = pytest.mark.django_db

REQUEST = {"type": "advisory_services", "state": "KEN", "title": "Advice", "urgent": True,
           "themes": ["corruption"], "lines": [
               {"kind": "expert_days", "theme": "corruption", "expertise": "prosecution",
                "language": "en", "quantity": 10}]}


def _post(user: Any, path: str, body: dict[str, Any]) -> Any:
    return Client().post(f"/api/assistance{path}", json.dumps(body),
                         content_type="application/json", **_headers(user))


def _headers(user: Any) -> dict[str, str]:
    return {f"HTTP_{k.upper()}": v for k, v in bearer(user).items()}


def test_a_focal_point_submits_a_request_and_reads_its_clock(kenya_fp: Any) -> None:
    response = _post(kenya_fp, "/requests", {**REQUEST, "submit": True})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["clock"]["target_days"] == 14
    assert body["lines"][0]["expertise"] == "prosecution"
    detail = Client().get(f"/api/assistance/requests/{body['id']}", **_headers(kenya_fp))
    assert detail.json()["reference"] == body["reference"]


@pytest.mark.parametrize(("change", "status", "field"), [
    ({"lines": [{"kind": "expert_days", "theme": "corruption", "quantity": 0}]}, 422,
     "lines.0.quantity"),
    ({"type": "wish"}, 422, "type"),
    ({"state": "XXX"}, 400, "state"),
    ({"lines": [{"kind": "funds", "theme": "corruption", "quantity": 5, "currency": "ZZZ"}]},
     400, "lines[0].currency"),
])
def test_invalid_requests_are_refused_with_the_field_and_nothing_is_written(
        kenya_fp: Any, change: dict[str, Any], status: int, field: str) -> None:
    before = (Request.objects.count(), RequestLine.objects.count())
    response = _post(kenya_fp, "/requests", {**REQUEST, **change})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert field in [e["field"] for e in response.json()["errors"]]
    assert (Request.objects.count(), RequestLine.objects.count()) == before


def test_the_whole_brokerage_cycle_runs_through_the_api(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any) -> None:
    request_id = _post(kenya_fp, "/requests", {**REQUEST, "submit": True}).json()["id"]
    offer = _post(unicri_fp, "/offers", {"provider": "unicri", "title": "Experts", "lines": [
        {"kind": "expert_days", "themes": ["corruption"], "languages": ["en"],
         "capacity": 40}]})
    assert offer.status_code == 201, offer.content
    from clearinghouse.jobs import services as job_services

    started = _post(secretariat, "/brokerage/runs", {})
    assert started.status_code == 202
    job_services.job_execute(job_id=started.json()["job"])  # the test transaction defers it
    run = Client().get("/api/assistance/brokerage/runs", **_headers(secretariat)).json()
    run_id = run["items"][0]["id"]
    proposals = Client().get(f"/api/assistance/brokerage/runs/{run_id}/proposals",
                             **_headers(secretariat)).json()
    assert [p["quantity"] for p in proposals] == [10] and proposals[0]["why"]
    assert _post(kenya_fp, f"/proposals/{proposals[0]['id']}/decision",
                 {"decision": "accept"}).status_code == 404  # not the State's to see
    accepted = _post(secretariat, f"/proposals/{proposals[0]['id']}/decision",
                     {"decision": "accept"})
    assert accepted.json()["status"] == "accepted"
    commitments = Client().get(f"/api/assistance/requests/{request_id}/commitments",
                               **_headers(kenya_fp)).json()
    assert [(c["provider"], c["committed"]) for c in commitments] == [("unicri", 10)]
    delivered = _post(secretariat, f"/commitments/{commitments[0]['id']}/delivery",
                      {"delivered": 4})
    assert delivered.json()["delivered"] == 4
    too_many = _post(secretariat, f"/commitments/{commitments[0]['id']}/delivery",
                     {"delivered": 11})
    assert too_many.status_code == 400 and too_many.json()["errors"][0]["field"] == "delivered"
    detail = Client().get(f"/api/assistance/requests/{request_id}", **_headers(kenya_fp))
    assert detail.json()["status"] == "matched"
    activities = Client().get("/api/coordination/activities", **_headers(kenya_fp)).json()
    assert activities["items"][0]["request"] == request_id


def test_transitions_and_escalations_through_the_api(
        kenya_fp: Any, peru_fp: Any, secretariat: Any) -> None:
    request_id = _post(kenya_fp, "/requests", {**REQUEST, "submit": True}).json()["id"]
    wrong = _post(secretariat, f"/requests/{request_id}/transitions", {"action": "evaluate"})
    assert wrong.status_code == 409
    hidden = _post(peru_fp, f"/requests/{request_id}/transitions", {"action": "withdraw",
                                                                     "reason": "x"})
    assert hidden.status_code == 404
    declined = _post(secretariat, f"/requests/{request_id}/transitions",
                     {"action": "decline", "reason": "Out of scope"})
    assert declined.json()["status"] == "declined"
    queue = Client().get("/api/assistance/requests/escalations", **_headers(secretariat))
    assert queue.status_code == 200 and queue.json()["count"] == 0


def test_the_openapi_document_lists_the_clearing_house(kenya_fp: Any) -> None:
    paths = Client().get("/api/openapi.json").json()["paths"]
    for path in ("/api/assistance/requests", "/api/assistance/offers",
                 "/api/assistance/brokerage/runs", "/api/assistance/requests/import",
                 "/api/assistance/proposals/{proposal_id}/decision",
                 "/api/coordination/activities"):
        assert path in paths
