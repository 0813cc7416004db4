"""Requests and offers are created whole or not at all, within the creator's scope."""

from __future__ import annotations

from typing import Any

import pytest

from clearinghouse.assistance import services
from clearinghouse.assistance.models import Offer, OfferLine, Request, RequestLine
from clearinghouse.audit.models import AuditEntry
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.registry.models import Organization, State
from tests.assistance.factories import expert_line

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (Request.objects.count(), RequestLine.objects.count(), Offer.objects.count(),
            OfferLine.objects.count(), AuditEntry.objects.count())


def test_focal_point_creates_a_draft_request_with_lines_and_a_reference(
        kenya_fp: Any, make_request: Any) -> None:
    request = make_request(kenya_fp, submit=False, lines=[
        expert_line(), {"kind": "funds", "theme_id": "corruption", "quantity": 5000,
                        "currency": "EUR"}])
    assert request.status == "draft"
    assert request.reference.startswith("REQ-") and request.created_by == kenya_fp
    assert [line.quantity_text for line in request.lines.all()] == [
        "20 expert-days", "EUR 5,000"]
    assert AuditEntry.objects.filter(model="assistance.requestline").count() == 2


@pytest.mark.parametrize(("line", "field"), [
    ({"quantity": 0}, "lines[1].quantity"),
    ({"theme_id": "astrology"}, "lines[1].theme_id"),
    ({"language": "xx"}, "lines[1].language"),
    ({"kind": "funds", "expertise_id": None, "currency": "ZZZ"}, "lines[1].currency"),
    ({"kind": "training_places"}, "lines[1].expertise_id"),
])
def test_a_bad_need_line_is_refused_by_line_and_field_and_nothing_is_written(
        kenya_fp: Any, line: dict[str, Any], field: str) -> None:
    before = _counts()
    with pytest.raises(ApplicationError) as refused:
        services.request_create(user=kenya_fp, values={
            "type": "training", "state_id": State.objects.get(iso3="KEN").pk, "title": "T",
            "themes": ["corruption"]}, lines=[expert_line(), expert_line(**line)])
    assert field in refused.value.fields
    assert _counts() == before


def test_request_fields_are_checked_before_anything_is_written(kenya_fp: Any) -> None:
    before = _counts()
    with pytest.raises(ApplicationError) as refused:
        services.request_create(user=kenya_fp, values={
            "type": "wish", "state_id": State.objects.get(iso3="KEN").pk, "title": "",
            "themes": [], "provisions": [999999]}, lines=[expert_line()])
    assert {"type", "title"} <= set(refused.value.fields)
    assert _counts() == before
    with pytest.raises(ApplicationError) as no_lines:
        services.request_create(user=kenya_fp, values={
            "type": "training", "state_id": State.objects.get(iso3="KEN").pk, "title": "T",
            "themes": ["corruption"]}, lines=[])
    assert "lines" in no_lines.value.fields
    assert _counts() == before


def test_a_focal_point_cannot_request_for_another_state(kenya_fp: Any) -> None:
    before = _counts()
    with pytest.raises(PermissionDenied):
        services.request_create(user=kenya_fp, values={
            "type": "training", "state_id": State.objects.get(iso3="PER").pk, "title": "T",
            "themes": ["corruption"]}, lines=[expert_line()])
    assert _counts() == before


def test_only_drafts_can_be_edited(kenya_fp: Any, make_request: Any) -> None:
    draft = make_request(kenya_fp, submit=False)
    services.request_update(user=kenya_fp, request=draft, values={"title": "New title"},
                            lines=[expert_line(quantity=7)])
    draft.refresh_from_db()
    assert draft.title == "New title" and [n.quantity for n in draft.lines.all()] == [7]
    services.request_transition(user=kenya_fp, request=draft, action="submit")
    with pytest.raises(ApplicationError) as refused:
        services.request_update(user=kenya_fp, request=draft, values={"title": "Again"})
    assert refused.value.status == 409


def test_provider_posts_offers_for_its_own_organization_only(
        unicri_fp: Any, make_offer: Any) -> None:
    offer = make_offer(unicri_fp)
    assert offer.reference.startswith("OFR-") and offer.lines.get().capacity == 30
    before = _counts()
    with pytest.raises(PermissionDenied):
        make_offer(unicri_fp, provider="undp")
    assert _counts() == before


@pytest.mark.parametrize(("line", "field"), [
    ({"regions": ["014"]}, "lines[0].regions"),  # a sub-region, not a region
    ({"countries": ["XXX"]}, "lines[0].countries"),
    ({"themes": []}, "lines[0].themes"),
    ({"kind": "funds", "currency": ""}, "lines[0].currency"),
    ({"capacity": 0}, "lines[0].capacity"),
    ({"available_from": "2027-01-01", "available_until": "2026-01-01"},
     "lines[0].available_until"),
])
def test_a_bad_offer_line_is_refused_by_field_and_nothing_is_written(
        secretariat: Any, line: dict[str, Any], field: str) -> None:
    before = _counts()
    base = {"kind": "expert_days", "themes": ["corruption"], "capacity": 10}
    with pytest.raises(ApplicationError) as refused:
        services.offer_create(user=secretariat, values={
            "provider_id": Organization.objects.get(key="undp").pk, "title": "Funds"},
            lines=[{**base, **line}])
    assert field in refused.value.fields
    assert _counts() == before


def test_priority_themes_are_revised_as_new_versions_in_date_order(secretariat: Any) -> None:
    import datetime as dt

    from clearinghouse.assistance.selectors import priority_themes_on

    first = priority_themes_on(dt.date(2000, 1, 1))
    revised = services.priority_themes_revise(user=secretariat, themes=["prisons"],
                                              effective_from=dt.date(2030, 1, 1))
    assert revised.version == 2
    assert priority_themes_on(dt.date(2029, 12, 31)) == first
    assert priority_themes_on(dt.date(2030, 1, 1)) == ["prisons"]
    with pytest.raises(ApplicationError) as refused:
        services.priority_themes_revise(user=secretariat, themes=["prisons"],
                                        effective_from=dt.date(2029, 1, 1))
    assert "effective_from" in refused.value.fields
    with pytest.raises(ApplicationError) as unknown:
        services.priority_themes_revise(user=secretariat, themes=["astrology"],
                                        effective_from=dt.date(2031, 1, 1))
    assert "themes" in unknown.value.fields
