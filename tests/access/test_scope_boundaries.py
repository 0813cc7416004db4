"""Scope boundaries found in review: no take-over, no links into hidden records, no moves."""

from __future__ import annotations

import json
from typing import Any

import pytest

from clearinghouse.core.errors import ApplicationError
from clearinghouse.registry import services
from clearinghouse.registry.models import Expert, Organization, State
from tests.conftest import bearer, login


def _api(user: Any, method: str, url: str, body: Any) -> Any:
    return getattr(login(user), method)(url, data=json.dumps(body),
                                        content_type="application/json", headers=bearer(user))


def test_state_focal_point_cannot_take_over_a_published_organization(kenya_fp: Any) -> None:
    unodc = Organization.objects.get(key="unodc")
    response = _api(kenya_fp, "patch", f"/api/registry/organizations/{unodc.pk}", {
        "country": "KEN", "type": "government", "name": "Hijacked",
        "confirm_not_duplicate": True})
    assert response.status_code == 403
    unodc.refresh_from_db()
    assert unodc.name != "Hijacked" and unodc.country_id != State.objects.get(iso3="KEN").pk


def test_state_focal_point_edits_own_drafts_but_not_published_records(
    kenya_fp: Any, secretariat: Any
) -> None:
    kenya = State.objects.get(iso3="KEN")
    published = services.organization_create(user=secretariat, values={
        "type": "government", "name": "Judiciary of Kenya", "country_id": kenya.pk})
    assert published.published
    response = _api(kenya_fp, "patch", f"/api/registry/organizations/{published.pk}",
                    {"note": "changed live"})
    assert response.status_code == 403
    draft = services.organization_create(user=kenya_fp, values={
        "type": "government", "name": "Witness Protection Agency", "country_id": kenya.pk})
    response = _api(kenya_fp, "patch", f"/api/registry/organizations/{draft.pk}",
                    {"note": "draft detail"})
    assert response.status_code == 200


def test_provider_focal_point_changes_only_descriptive_fields(unicri_fp: Any) -> None:
    unicri = Organization.objects.get(key="unicri")
    url = f"/api/registry/organizations/{unicri.pk}"
    assert _api(unicri_fp, "patch", url, {"website": "https://unicri.org"}).status_code == 200
    assert _api(unicri_fp, "patch", url, {"name": "Renamed"}).status_code == 403
    assert _api(unicri_fp, "patch", url, {"country": "KEN"}).status_code == 403


def test_links_to_hidden_or_missing_records_are_field_errors(
    kenya_fp: Any, peru_records: dict[str, Any]
) -> None:
    peru_draft = peru_records["organization"]
    body = {"type": "government", "name": "Kenya Child Body", "country": "KEN",
            "parent_id": peru_draft.pk}
    response = _api(kenya_fp, "post", "/api/registry/organizations", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "parent_id"
    assert peru_draft.name not in response.content.decode()
    response = _api(kenya_fp, "post", "/api/registry/organizations",
                    {**body, "parent_id": 999_999})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "parent_id"
    with pytest.raises(ApplicationError):  # refused: another scope, and a hidden record
        services.expert_create(user=kenya_fp, values={
            "name": "Linked", "nominated_by_id": State.objects.get(iso3="KEN").pk,
            "organization_id": peru_draft.pk})
    assert not Organization.objects.filter(name="Kenya Child Body").exists()
    assert not Expert.objects.filter(name="Linked").exists()


def test_published_organization_cannot_sit_under_a_draft(
    secretariat: Any, peru_records: dict[str, Any]
) -> None:
    peru_draft = peru_records["organization"]
    with pytest.raises(ApplicationError) as raised:
        services.organization_create(user=secretariat, values={
            "type": "government", "name": "Regional Prison Office", "parent_id": peru_draft.pk,
            "country_id": State.objects.get(iso3="PER").pk, "published": True})
    assert "published" in raised.value.fields
    child = services.organization_create(user=secretariat, values={
        "type": "government", "name": "Regional Prison Office", "parent_id": peru_draft.pk,
        "country_id": State.objects.get(iso3="PER").pk, "published": False})
    services.organization_update(user=secretariat, organization=peru_draft,
                                 values={"published": True})
    services.organization_update(user=secretariat, organization=child, values={"published": True})
    with pytest.raises(ApplicationError) as raised:
        services.organization_update(user=secretariat, organization=peru_draft,
                                     values={"published": False})
    assert "published" in raised.value.fields


def test_provider_focal_point_cannot_move_an_expert_between_states(
    unicri_fp: Any, secretariat: Any
) -> None:
    peru, kenya = State.objects.get(iso3="PER"), State.objects.get(iso3="KEN")
    unicri = Organization.objects.get(key="unicri")
    shared = services.expert_create(user=secretariat, values={
        "name": "Shared Expert", "nominated_by_id": peru.pk, "organization_id": unicri.pk})
    response = _api(unicri_fp, "patch", f"/api/registry/experts/{shared.pk}",
                    {"nominated_by": "KEN"})
    assert response.status_code == 403
    response = _api(unicri_fp, "post", "/api/registry/experts",
                    {"name": "Planted", "nominated_by": "PER", "organization_id": unicri.pk})
    assert response.status_code == 403
    shared.refresh_from_db()
    assert shared.nominated_by_id == peru.pk != kenya.pk
    assert _api(unicri_fp, "patch", f"/api/registry/experts/{shared.pk}",
                {"notes": "Available for training missions"}).status_code == 200
