"""The API's contract: OpenAPI 3, authentication, pagination and RFC 9457 problem details."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from clearinghouse.access.models import ApiToken
from clearinghouse.access.services import api_token_revoke
from clearinghouse.audit.models import AuditEntry
from clearinghouse.registry.models import Organization
from tests.conftest import bearer, login

PROBLEM = "application/problem+json"


def _post(client: Client, url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json",
                       headers=headers or {})


def test_openapi_document_and_interactive_docs_are_served(client: Client, ref: None) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/registry/organizations" in spec["paths"]
    assert "/api/jobs/{job_id}" in spec["paths"]
    schemes = spec["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    assert client.get("/api/docs").status_code == 200


def test_lists_are_paginated_and_filtered(client: Client, ref: None) -> None:
    page = client.get("/api/registry/states", {"page_size": 10, "page": 2}).json()
    assert page["count"] == 195 and len(page["items"]) == 10
    africa = client.get("/api/registry/states", {"region": "002", "page_size": 100}).json()
    assert africa["count"] == 54
    assert {s["region"]["code"] for s in africa["items"]} == {"002"}
    ldc_1990 = client.get("/api/registry/states", {"group": "LDC", "on": "1990-06-01",
                                                   "page_size": 100}).json()
    assert "BWA" in {s["iso3"] for s in ldc_1990["items"]}  # Botswana graduated in 1994


def test_validation_errors_are_problem_details_with_field_pointers(secretariat: Any) -> None:
    client = login(secretariat)
    response = _post(client, "/api/registry/organizations", {"type": "ngo"},
                     headers=bearer(secretariat))
    assert response.status_code == 422 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422 and body["title"] and body["detail"]
    assert {"field": "name", "pointer": "/name", "message": "Field required"} in body["errors"]


def test_domain_errors_name_the_field_and_write_nothing(secretariat: Any) -> None:
    client, headers = login(secretariat), bearer(secretariat)
    before = (Organization.objects.count(), AuditEntry.objects.count())
    response = _post(client, "/api/registry/organizations",
                     {"type": "charity", "name": "Good Works", "country": "XXX"}, headers)
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert response.json()["errors"][0]["field"] == "country"
    response = _post(client, "/api/registry/organizations",
                     {"type": "charity", "name": "Good Works", "website": "not a url"}, headers)
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"type", "website"}
    response = _post(client, "/api/registry/organizations",
                     {"type": "ngo", "name": "Good Works", "names": {"xx": "Bonnes oeuvres"}},
                     headers)
    assert response.json()["errors"][0]["field"] == "names"
    assert (Organization.objects.count(), AuditEntry.objects.count()) == before


def test_likely_duplicate_is_a_conflict_until_confirmed(secretariat: Any) -> None:
    client, headers = login(secretariat), bearer(secretariat)
    body = {"type": "un_entity", "name": "UN Development Programme", "acronym": "U.N.D.P."}
    response = _post(client, "/api/registry/organizations", body, headers)
    assert response.status_code == 409 and response["Content-Type"] == PROBLEM
    similar = response.json()["similar"]
    assert similar[0]["id"] == Organization.objects.get(key="undp").pk
    confirmed = _post(client, "/api/registry/organizations",
                      {**body, "confirm_not_duplicate": True}, headers)
    assert confirmed.status_code == 201 and confirmed.json()["published"] is True


def test_bad_or_revoked_token_is_401_never_anonymous(secretariat: Any) -> None:
    client = Client()
    response = client.get("/api/registry/experts", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    headers = bearer(secretariat)
    assert client.get("/api/registry/experts", headers=headers).status_code == 200
    api_token_revoke(token=ApiToken.objects.get(user=secretariat))
    assert client.get("/api/registry/experts", headers=headers).status_code == 401


def test_anonymous_write_is_401(client: Client, ref: None) -> None:
    response = _post(client, "/api/registry/organizations", {"type": "ngo", "name": "Anon"})
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM


def test_session_writes_need_the_csrf_token(secretariat: Any) -> None:
    client = login(secretariat)
    body = {"type": "ngo", "name": "Friends of the Court", "acronym": "FOC"}
    refused = _post(client, "/api/registry/organizations", body)
    assert refused.status_code == 403 and refused["Content-Type"] == PROBLEM
    client.get("/registry/organizations/new/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = _post(client, "/api/registry/organizations", body, {"X-CSRFToken": token})
    assert accepted.status_code == 201


def test_unknown_record_is_404_problem(client: Client, ref: None) -> None:
    response = client.get("/api/registry/organizations/999999")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
