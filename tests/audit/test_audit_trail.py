"""Every create, update and delete of a domain record is audited, and the trail is read-only."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from clearinghouse.audit.models import AuditEntry
from clearinghouse.audit.selectors import audit_history_for
from clearinghouse.registry import services
from clearinghouse.registry.models import Organization, State
from tests.conftest import bearer, login


def test_create_update_delete_each_record_who_when_fields_and_reason(secretariat: Any) -> None:
    organization = services.organization_create(
        user=secretariat, values={"type": "ngo", "name": "Prison Fellowship International",
                                  "acronym": "PFI"}, reason="registered at the Commission")
    services.organization_update(user=secretariat, organization=organization,
                                 values={"acronym": "PF Intl"}, reason="acronym corrected")
    pk = organization.pk
    services.organization_delete(user=secretariat, organization=organization,
                                 reason="entered in error")
    entries = list(AuditEntry.objects.filter(model="registry.organization", object_id=str(pk))
                   .order_by("id"))
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert all(e.actor == secretariat and e.at is not None for e in entries)
    created, updated, deleted = entries
    assert created.changes["name"] == {"before": None, "after": "Prison Fellowship International"}
    assert updated.changes == {"acronym": {"before": "PFI", "after": "PF Intl"}}
    assert deleted.changes["acronym"] == {"before": "PF Intl", "after": None}
    assert [e.reason for e in entries] == ["registered at the Commission", "acronym corrected",
                                           "entered in error"]


def test_save_without_changes_writes_no_entry(secretariat: Any) -> None:
    state = State.objects.get(iso3="KEN")
    count = AuditEntry.objects.count()
    services.state_update(user=secretariat, state=state, values={"name": state.name})
    assert AuditEntry.objects.count() == count


def test_reference_load_is_audited_as_system(ref: None) -> None:
    kenya = State.objects.get(iso3="KEN")
    created = audit_history_for(instance=kenya).get(action="create")
    assert created.actor is None and created.actor_name == "system"
    assert created.reason == "reference data load"


def test_audit_entries_cannot_be_edited_or_deleted_through_the_orm(secretariat: Any) -> None:
    services.state_update(user=secretariat, state=State.objects.get(iso3="KEN"),
                          values={"names": {"fr": "Kenya"}})
    entry = AuditEntry.objects.first()
    assert entry is not None
    entry.reason = "rewritten"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).delete()


def test_no_interface_edits_or_deletes_audit_entries(admin_user: Any, secretariat: Any) -> None:
    services.state_update(user=secretariat, state=State.objects.get(iso3="KEN"),
                          values={"names": {"fr": "Kenya"}})
    entry = AuditEntry.objects.first()
    assert entry is not None
    client = login(admin_user)
    client_plain = Client()
    client_plain.force_login(admin_user)
    change = client_plain.get(f"/admin/audit/auditentry/{entry.pk}/change/")
    assert change.status_code == 200 and b'name="_save"' not in change.content
    assert client_plain.post(f"/admin/audit/auditentry/{entry.pk}/delete/",
                             {"post": "yes"}).status_code == 403
    assert client_plain.get("/admin/audit/auditentry/add/").status_code == 403
    headers = bearer(admin_user)
    url = f"/api/audit/registry.state/{State.objects.get(iso3='KEN').pk}"
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(url, headers=headers).status_code == 405
    assert AuditEntry.objects.filter(pk=entry.pk, reason=entry.reason).exists()


def test_history_is_shown_on_the_record_page_and_through_the_api(secretariat: Any) -> None:
    organization = services.organization_create(
        user=secretariat,
        values={"type": "ngo", "name": "Victim Support Alliance", "acronym": "VSA"})
    services.organization_update(user=secretariat, organization=organization,
                                 values={"note": "Consultative status"}, reason="ECOSOC status")
    page = login(secretariat).get(f"/registry/organizations/{organization.pk}/").content.decode()
    assert "ECOSOC status" in page and "Consultative status" in page
    assert secretariat.username in page
    api = login(secretariat).get(f"/api/registry/organizations/{organization.pk}/history",
                                 headers=bearer(secretariat)).json()
    assert api[0]["action"] == "update" and api[0]["reason"] == "ECOSOC status"
    assert api[0]["changes"]["note"] == {"before": "", "after": "Consultative status"}
    assert api[0]["actor"] == secretariat.username
    assert [e.action for e in audit_history_for(instance=organization)] == ["update", "create"]


def test_changed_relation_is_shown_by_name_beside_its_id(secretariat: Any) -> None:
    kenya, peru = State.objects.get(iso3="KEN"), State.objects.get(iso3="PER")
    focal_point = services.focal_point_create(user=secretariat, values={
        "name": "Wanjiru Kamau", "email": "w.k@example.go.ke", "state_id": kenya.pk})
    services.focal_point_update(user=secretariat, focal_point=focal_point,
                                values={"state_id": peru.pk}, reason="moved post")
    change = audit_history_for(instance=focal_point).first().changes["state"]
    assert change == {"before": kenya.pk, "after": peru.pk, "before_label": "Kenya",
                      "after_label": "Peru"}
    page = login(secretariat).get(f"/registry/focal-points/{focal_point.pk}/").content.decode()
    assert "<td>Kenya</td>" in page and "<td>Peru</td>" in page


def test_admin_edit_is_audited_with_its_author(admin_user: Any) -> None:
    client = Client()
    client.force_login(admin_user)
    kenya = State.objects.get(iso3="KEN")
    url = f"/admin/registry/state/{kenya.pk}/change/"
    form = {"name": "Kenya", "names": '{"sw": "Kenya"}', "status": "member",
            "un_admission": "1963-12-16", "region": kenya.region_id,
            "subregion": kenya.subregion_id, "intermediate_region": kenya.intermediate_region_id,
            "_save": "Save"}
    refused = client.post(url, form)  # Swahili is not an official UN language
    assert refused.status_code == 200 and "Not an official UN language: sw" in refused.text
    response = client.post(url, {**form, "names": '{"fr": "Kenya"}'})
    assert response.status_code == 302
    entry = audit_history_for(instance=kenya).first()
    assert entry.actor == admin_user and entry.changes["names"]["after"] == {"fr": "Kenya"}


def test_audit_entries_cannot_be_rewritten_through_the_base_manager(secretariat: Any) -> None:
    services.state_update(user=secretariat, state=State.objects.get(iso3="KEN"),
                          values={"names": {"fr": "Kenya"}})
    with pytest.raises(TypeError):
        AuditEntry._base_manager.all().update(reason="rewritten")


@pytest.mark.django_db(transaction=True)
def test_database_refuses_to_rewrite_audit_entries_on_postgresql(ref: None) -> None:
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's; SQLite relies on the model guards")
    entry = AuditEntry.objects.first()
    assert entry is not None
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET reason = 'x' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])


def test_fixture_loads_are_audited(ref: None, tmp_path: Any) -> None:
    from django.core.management import call_command

    fixture = tmp_path / "org.json"
    fixture.write_text(json.dumps([{"model": "registry.expertisearea", "pk": 9001,
                                    "fields": {"code": "maritime-crime",
                                               "name": "Maritime crime"}}]))
    call_command("loaddata", str(fixture), verbosity=0)
    entry = AuditEntry.objects.get(model="registry.expertisearea", object_id="9001")
    assert entry.action == "create" and entry.changes["code"]["after"] == "maritime-crime"


def test_anonymous_readers_see_changes_but_not_who_made_them(secretariat: Any) -> None:
    unicri = Organization.objects.get(key="unicri")
    services.organization_update(user=secretariat, organization=unicri,
                                 values={"note": "PNI member"})
    public = Client().get(f"/api/registry/organizations/{unicri.pk}/history").json()
    assert public[0]["changes"]["note"]["after"] == "PNI member"
    assert public[0]["actor"] == "a registered user"
    page = Client().get(f"/registry/organizations/{unicri.pk}/").content.decode()
    assert secretariat.username not in page and "PNI member" in page
    staff = login(secretariat).get(f"/api/registry/organizations/{unicri.pk}/history",
                                   headers=bearer(secretariat)).json()
    assert staff[0]["actor"] == secretariat.username
