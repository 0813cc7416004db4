"""A focal point of State A can neither read nor change State B's unpublished records.

Every read path (selectors, web lists and pages, CSV and Excel exports, API lists, details,
histories, the duplicate check, the admin) and every write path (API, web forms, services,
the admin) is tried as Kenya's focal point against Peru's records. The same reads as Peru's
own focal point are the control: they prove each path does show the record to its owner,
so a hidden record is hidden by the policy, not by a broken path.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from clearinghouse.core.errors import NotFound, PermissionDenied
from clearinghouse.registry import selectors, services
from clearinghouse.registry.models import Expert, FocalPoint, Organization, State
from tests.conftest import bearer, login

KINDS = {
    # record key: (web list, web detail prefix, API prefix, audit model, selector)
    "organization": ("/registry/organizations/", "/registry/organizations/",
                     "/api/registry/organizations/", "registry.organization",
                     selectors.organization_list),
    "expert": ("/registry/experts/", "/registry/experts/", "/api/registry/experts/",
               "registry.expert", selectors.expert_list),
    "focal_point": ("/registry/focal-points/", "/registry/focal-points/",
                    "/api/registry/focal-points/", "registry.focalpoint",
                    selectors.focal_point_list),
}


def _reads(user: Any, kind: str, record: Any) -> dict[str, bool]:
    """Return, per read path, whether the user saw the record through it."""
    web_list, web_detail, api_prefix, audit_model, selector = KINDS[kind]
    client, headers = login(user), bearer(user)
    name = record.name
    seen = {"selector": selector(user=user).filter(pk=record.pk).exists()}
    seen["web list"] = name in client.get(web_list).content.decode()
    seen["web detail"] = client.get(f"{web_detail}{record.pk}/").status_code == 200
    seen["csv export"] = name in b"".join(
        client.get(web_list, {"format": "csv"}).streaming_content).decode()
    sheet = load_workbook(io.BytesIO(client.get(web_list, {"format": "xlsx"}).content)).active
    seen["xlsx export"] = any(name == c.value for row in sheet.iter_rows() for c in row)
    api_list = client.get(api_prefix.rstrip("/"), headers=headers).json()
    seen["api list"] = any(item["id"] == record.pk for item in api_list["items"])
    seen["api detail"] = client.get(f"{api_prefix}{record.pk}", headers=headers).status_code == 200
    seen["api history"] = client.get(f"{api_prefix}{record.pk}/history",
                                     headers=headers).status_code == 200
    seen["api audit"] = client.get(f"/api/audit/{audit_model}/{record.pk}",
                                   headers=headers).status_code == 200
    if kind == "organization":
        similar = client.get("/api/registry/organizations/similar",
                             {"name": name, "acronym": record.acronym}, headers=headers).json()
        seen["duplicate check"] = any(s["id"] == record.pk for s in similar)
        seen["state page"] = name in client.get("/registry/states/PER/").content.decode()
    return seen


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_focal_point_cannot_read_another_states_unpublished_record_by_any_path(
    kind: str, kenya_fp: Any, peru_fp: Any, peru_records: dict[str, Any]
) -> None:
    record = peru_records[kind]
    owner_sees = _reads(peru_fp, kind, record)
    other_sees = _reads(kenya_fp, kind, record)
    assert all(owner_sees.values()), f"control failed, owner blind on: {owner_sees}"
    leaks = [path for path, seen in other_sees.items() if seen]
    assert leaks == [], f"leaked through: {leaks}"


def test_anonymous_public_sees_no_unpublished_record(client: Any,
                                                       peru_records: dict[str, Any]) -> None:
    draft = peru_records["organization"]
    assert draft.name not in client.get("/registry/organizations/").content.decode()
    assert client.get(f"/registry/organizations/{draft.pk}/").status_code == 404
    assert client.get(f"/api/registry/organizations/{draft.pk}").status_code == 404
    assert client.get("/registry/experts/").status_code == 302  # login required
    assert client.get("/api/registry/experts").json()["count"] == 0
    assert client.get("/api/registry/focal-points").json()["count"] == 0


def _api_write(user: Any, method: str, url: str, body: dict[str, Any] | None = None) -> int:
    client = login(user)
    response = getattr(client, method)(url, data=json.dumps(body or {}),
                                       content_type="application/json", headers=bearer(user))
    return int(response.status_code)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_focal_point_cannot_change_another_states_record_by_any_path(
    kind: str, kenya_fp: Any, peru_records: dict[str, Any]
) -> None:
    record = peru_records[kind]
    _, web_detail, api_prefix, _, _ = KINDS[kind]
    model = type(record)
    before = model.objects.filter(pk=record.pk).values().get()

    assert _api_write(kenya_fp, "patch", f"{api_prefix}{record.pk}", {"name": "Changed"}) == 404
    assert _api_write(kenya_fp, "delete", f"{api_prefix}{record.pk}") == 404
    client = login(kenya_fp)
    if kind != "focal_point":
        assert client.get(f"{web_detail}{record.pk}/edit/").status_code == 404
    update, delete = {
        "organization": (services.organization_update, services.organization_delete),
        "expert": (services.expert_update, services.expert_delete),
        "focal_point": (services.focal_point_update, services.focal_point_delete),
    }[kind]
    with pytest.raises(NotFound):
        update(user=kenya_fp, values={"name": "Changed"}, **{kind: record})
    with pytest.raises(NotFound):
        delete(user=kenya_fp, **{kind: record})
    admin_url = f"/admin/registry/{model._meta.model_name}/{record.pk}/change/"
    admin_client = Client()  # without CSRF enforcement: the admin itself must refuse
    admin_client.force_login(kenya_fp)
    response = admin_client.post(admin_url, {"name": "Changed"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert model.objects.filter(pk=record.pk).values().get() == before


def test_focal_point_cannot_create_records_for_another_state(kenya_fp: Any) -> None:
    peru = State.objects.get(iso3="PER")
    with pytest.raises(PermissionDenied):
        services.organization_create(user=kenya_fp, values={
            "type": "government", "name": "Ministerio de Justicia", "country_id": peru.pk})
    with pytest.raises(PermissionDenied):
        services.expert_create(user=kenya_fp, values={"name": "X", "nominated_by_id": peru.pk})
    assert _api_write(kenya_fp, "post", "/api/registry/experts",
                      {"name": "X", "nominated_by": "PER"}) == 403
    assert not Expert.objects.filter(name="X").exists()


def test_focal_point_cannot_move_own_record_to_another_state(kenya_fp: Any) -> None:
    kenya = State.objects.get(iso3="KEN")
    expert = services.expert_create(user=kenya_fp, values={"name": "Joseph Otieno",
                                                           "nominated_by_id": kenya.pk})
    assert _api_write(kenya_fp, "patch", f"/api/registry/experts/{expert.pk}",
                      {"nominated_by": "PER"}) == 403
    expert.refresh_from_db()
    assert expert.nominated_by_id == kenya.pk


def test_focal_point_cannot_publish_its_own_draft(kenya_fp: Any) -> None:
    kenya = State.objects.get(iso3="KEN")
    draft = services.organization_create(user=kenya_fp, values={
        "type": "government", "name": "National Police Service", "country_id": kenya.pk})
    assert draft.published is False
    assert _api_write(kenya_fp, "patch", f"/api/registry/organizations/{draft.pk}",
                      {"published": True}) == 403
    draft.refresh_from_db()
    assert draft.published is False


def test_focal_point_record_lists_show_only_own_state(
    kenya_fp: Any, secretariat: Any, peru_records: dict[str, Any]
) -> None:
    kenya = State.objects.get(iso3="KEN")
    services.focal_point_create(user=secretariat, values={
        "name": "Wanjiru Kamau", "email": "w.k@example.go.ke", "state_id": kenya.pk})
    seen = {fp.state.iso3 for fp in selectors.focal_point_list(user=kenya_fp)}
    assert seen == {"KEN"}
    assert FocalPoint.objects.count() == 2


def test_provider_focal_point_edits_own_organization_only(unicri_fp: Any) -> None:
    unicri = Organization.objects.get(key="unicri")
    heuni = Organization.objects.get(key="heuni")
    services.organization_update(user=unicri_fp, organization=unicri,
                                 values={"website": "https://unicri.org"})
    with pytest.raises(PermissionDenied):
        services.organization_update(user=unicri_fp, organization=heuni,
                                     values={"website": "https://example.org"})
