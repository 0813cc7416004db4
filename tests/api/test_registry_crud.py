"""CRUD of the registry through the API, as the Secretariat."""

from __future__ import annotations

import json
from typing import Any

from clearinghouse.registry.models import Expert, FocalPoint, GroupMembership, Organization
from tests.conftest import bearer, login


def _call(user: Any, method: str, url: str, body: Any = None) -> Any:
    client = login(user)
    return getattr(client, method)(url, data=json.dumps(body) if body is not None else None,
                                   content_type="application/json", headers=bearer(user))


def test_organization_create_read_update_delete(secretariat: Any) -> None:
    created = _call(secretariat, "post", "/api/registry/organizations", {
        "type": "ngo", "name": "Justice Without Borders", "acronym": "JWB", "country": "fra",
        "names": {"fr": "Justice sans frontières"}})
    assert created.status_code == 201, created.json()
    org = created.json()
    assert org["country"] == "FRA" and org["names"]["fr"] == "Justice sans frontières"
    assert org["key"] == "jwb"
    url = f"/api/registry/organizations/{org['id']}"
    assert _call(secretariat, "get", url).json()["name"] == "Justice Without Borders"
    patched = _call(secretariat, "patch", url, {"note": "Accredited 2026", "reason": "review"})
    assert patched.json()["note"] == "Accredited 2026"
    assert _call(secretariat, "delete", url).status_code == 204
    assert _call(secretariat, "get", url).status_code == 404


def test_organization_in_use_cannot_be_deleted(secretariat: Any) -> None:
    ecosoc = Organization.objects.get(key="ecosoc")  # parent of the Commission
    response = _call(secretariat, "delete", f"/api/registry/organizations/{ecosoc.pk}")
    assert response.status_code == 409
    assert Organization.objects.filter(key="ecosoc").exists()


def test_expert_crud_validates_codes(secretariat: Any) -> None:
    bad = _call(secretariat, "post", "/api/registry/experts", {
        "name": "Ana Silva", "expertise": ["alchemy"], "languages": ["pt"]})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "expertise"
    bad = _call(secretariat, "post", "/api/registry/experts", {
        "name": "Ana Silva", "languages": ["xx"]})
    assert bad.json()["errors"][0]["field"] == "languages"
    bad = _call(secretariat, "post", "/api/registry/experts", {
        "name": "Ana Silva", "available_from": "2027-01-01", "available_until": "2026-01-01"})
    assert bad.status_code == 400
    assert not Expert.objects.filter(name="Ana Silva").exists()
    created = _call(secretariat, "post", "/api/registry/experts", {
        "name": "Ana Silva", "nationality": "BRA", "expertise": ["judiciary"],
        "languages": ["pt", "es"], "regions": ["419"], "available_from": "2026-01-01"})
    assert created.status_code == 201, created.json()
    expert = created.json()
    assert expert["nationality"] == "BRA"
    listed = _call(secretariat, "get", "/api/registry/experts?language=pt&expertise=judiciary")
    assert [e["id"] for e in listed.json()["items"]] == [expert["id"]]
    none = _call(secretariat, "get", "/api/registry/experts?available_on=2025-06-01")
    assert none.json()["count"] == 0
    url = f"/api/registry/experts/{expert['id']}"
    assert _call(secretariat, "patch", url, {"regions": ["002"]}).json()["regions"] == ["002"]
    assert _call(secretariat, "delete", url).status_code == 204


def test_focal_point_crud(secretariat: Any) -> None:
    created = _call(secretariat, "post", "/api/registry/focal-points", {
        "name": "Ewa Nowak", "email": "e.nowak@example.gov.pl", "state": "POL"})
    assert created.status_code == 201, created.json()
    bad = _call(secretariat, "post", "/api/registry/focal-points", {
        "name": "Nobody", "email": "not-an-email", "state": "POL"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "email"
    neither = _call(secretariat, "post", "/api/registry/focal-points", {
        "name": "Nobody", "email": "n@example.org"})
    assert neither.status_code == 400
    assert FocalPoint.objects.filter(name="Nobody").count() == 0
    url = f"/api/registry/focal-points/{created.json()['id']}"
    assert _call(secretariat, "patch", url, {"active": False}).json()["active"] is False
    assert _call(secretariat, "delete", url).status_code == 204


def test_membership_graduation_is_recorded_and_overlaps_refused(secretariat: Any) -> None:
    open_ldc = GroupMembership.objects.get(group="LDC", state__iso3="TLS", end__isnull=True)
    url = f"/api/registry/memberships/{open_ldc.pk}"
    graduated = _call(secretariat, "patch", url, {"end": "2030-01-01", "reason": "graduation"})
    assert graduated.status_code == 200 and graduated.json()["end"] == "2030-01-01"
    overlap = _call(secretariat, "post", "/api/registry/memberships", {
        "group": "LDC", "state": "TLS", "start": "2020-01-01"})
    assert overlap.status_code == 400 and overlap.json()["errors"][0]["field"] == "start"
    backwards = _call(secretariat, "patch", url, {"end": "1990-01-01"})
    assert backwards.status_code == 400
    on = _call(secretariat, "get", "/api/registry/states/TLS/groups?on=2031-01-01").json()
    assert "LDC" not in on["groups"]


def test_state_codes_are_read_only(secretariat: Any) -> None:
    response = _call(secretariat, "patch", "/api/registry/states/KEN",
                     {"names": {"fr": "Kenya", "es": "Kenya"}})
    assert response.status_code == 200 and response.json()["names"]["es"] == "Kenya"
    unknown = _call(secretariat, "patch", "/api/registry/states/KEN", {"status": "colony"})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "status"


def test_only_the_secretariat_edits_reference_data(kenya_fp: Any, finance: Any) -> None:
    for user in (kenya_fp, finance):
        response = _call(user, "patch", "/api/registry/states/KEN", {"name": "Kenia"})
        assert response.status_code == 403
