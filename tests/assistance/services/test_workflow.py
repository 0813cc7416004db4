"""The request workflow: who may take each step, from which status, with audit and e-mail."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail

from clearinghouse.assistance import services
from clearinghouse.audit.models import AuditEntry
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.registry import services as registry_services
from clearinghouse.registry.models import State

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenya_contact(secretariat: Any) -> Any:
    return registry_services.focal_point_create(user=secretariat, values={
        "name": "Wanjiru Kamau", "email": "w.kamau@example.go.ke",
        "state_id": State.objects.get(iso3="KEN").pk})


def test_submission_stamps_the_date_and_derives_ldc_status_from_the_registry(
        make_user: Any, make_request: Any, kenya_fp: Any) -> None:
    ethiopia_fp = make_user("state_focal_point", state="ETH")
    ethiopia = make_request(ethiopia_fp, state="ETH")
    kenya = make_request(kenya_fp)
    assert ethiopia.status == kenya.status == "submitted"
    assert ethiopia.submitted_at is not None
    assert ethiopia.ldc is True and kenya.ldc is False


def test_every_transition_is_audited_and_emails_the_states_focal_points(
        kenya_fp: Any, secretariat: Any, make_request: Any, kenya_contact: Any,
        django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(kenya_fp)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_transition(user=secretariat, request=request, action="screen")
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [f"[Clearinghouse] {request.reference} is now submitted",
                        f"[Clearinghouse] {request.reference} is now screened"]
    assert mail.outbox[0].to == ["w.kamau@example.go.ke"]
    changes = [e.changes["status"]["after"] for e in AuditEntry.objects.filter(
        model="assistance.request", object_id=str(request.pk), action="update").order_by("id")]
    assert changes == ["submitted", "screened"]


def test_the_whole_path_to_evaluation_is_open_to_the_secretariat(
        kenya_fp: Any, secretariat: Any, make_request: Any) -> None:
    request = make_request(kenya_fp)
    for action in ("screen", "match", "approve", "start", "complete", "evaluate"):
        request = services.request_transition(user=secretariat, request=request, action=action)
    assert request.status == "evaluated"
    assert request.responded_at is not None


def test_a_focal_point_may_submit_and_withdraw_but_not_screen(
        kenya_fp: Any, make_request: Any) -> None:
    request = make_request(kenya_fp)
    with pytest.raises(PermissionDenied):
        services.request_transition(user=kenya_fp, request=request, action="screen")
    withdrawn = services.request_transition(user=kenya_fp, request=request, action="withdraw",
                                            reason="Solved nationally")
    assert withdrawn.status == "withdrawn" and withdrawn.status_reason == "Solved nationally"


def test_another_states_focal_point_cannot_touch_the_request(
        kenya_fp: Any, peru_fp: Any, make_request: Any) -> None:
    request = make_request(kenya_fp)
    with pytest.raises(ApplicationError) as refused:
        services.request_transition(user=peru_fp, request=request, action="withdraw",
                                    reason="x")
    assert refused.value.status == 404  # never reveal that it exists


def test_wrong_status_unknown_action_and_missing_reason_are_refused(
        kenya_fp: Any, secretariat: Any, make_request: Any) -> None:
    request = make_request(kenya_fp)
    with pytest.raises(ApplicationError) as wrong:
        services.request_transition(user=secretariat, request=request, action="complete")
    assert wrong.value.status == 409
    with pytest.raises(ApplicationError) as unknown:
        services.request_transition(user=secretariat, request=request, action="teleport")
    assert "action" in unknown.value.fields
    with pytest.raises(ApplicationError) as reasonless:
        services.request_transition(user=secretariat, request=request, action="decline")
    assert "reason" in reasonless.value.fields
    request.refresh_from_db()
    assert request.status == "submitted"
