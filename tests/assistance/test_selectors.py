"""Clocks, the escalation queue and the dashboard panels."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.models import Request

pytestmark = pytest.mark.django_db


def _age(request: Request, days: int) -> None:
    Request.objects.filter(pk=request.pk).update(
        submitted_at=timezone.now() - dt.timedelta(days=days))
    request.refresh_from_db()


def test_the_clock_counts_days_waiting_against_the_urgency_target(
        kenya_fp: Any, make_request: Any, settings: Any) -> None:
    urgent, other = make_request(kenya_fp), make_request(kenya_fp, urgent=False)
    _age(urgent, 15)
    _age(other, 15)
    assert selectors.request_clock(request=urgent) == selectors.Clock(15, 14, True)
    assert selectors.request_clock(request=other) == selectors.Clock(15, 60, False)
    settings.RESPONSE_TARGET_DAYS = 10
    assert selectors.request_clock(request=other).overdue is True


def test_the_escalation_queue_holds_overdue_unanswered_requests_only(
        kenya_fp: Any, peru_fp: Any, secretariat: Any, make_request: Any) -> None:
    late_urgent, fresh_urgent = make_request(kenya_fp), make_request(kenya_fp)
    late_other = make_request(peru_fp, state="PER", urgent=False)
    answered = make_request(kenya_fp)
    _age(late_urgent, 20)
    _age(late_other, 61)
    _age(answered, 30)
    services.request_transition(user=secretariat, request=answered, action="decline",
                                reason="Outside the programme")
    assert list(selectors.escalation_queue(user=secretariat)) == [late_other, late_urgent]
    assert list(selectors.escalation_queue(user=kenya_fp)) == [late_urgent]
    assert fresh_urgent not in selectors.escalation_queue(user=secretariat)
    # A response stops the clock where it was.
    answered.refresh_from_db()
    assert selectors.request_clock(request=answered).days_waiting == 30


def test_dashboard_panels_list_unmatched_urgent_requests_and_unused_capacity(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    urgent = make_request(kenya_fp)
    make_request(kenya_fp, urgent=False)
    offer = make_offer(unicri_fp)
    assert list(selectors.unmatched_urgent(user=secretariat)) == [urgent]
    unused = list(selectors.offer_lines_unused(user=secretariat))
    assert [(line.offer_id, line.unused) for line in unused] == [(offer.pk, 30)]
    assert list(selectors.offer_lines_unused(user=kenya_fp)) == []  # not Kenya's offers
