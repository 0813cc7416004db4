"""Clearing-house pages: lists with exports, forms with inline errors, scoped detail pages."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from clearinghouse.assistance.models import Proposal, Request
from clearinghouse.jobs import services as job_services


def login(user: Any) -> Client:
    """Return a logged-in client; CSRF is proven by the API contract tests."""
    client = Client()
    client.force_login(user)
    return client

pytestmark = pytest.mark.django_db

FORM = {"type": "training", "state": "KEN", "title": "Training of prosecutors",
        "themes": ["corruption"], "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "30",
        "lines-0-kind": "training_places", "lines-0-theme": "corruption",
        "lines-0-quantity": "12", "lines-0-language": "en"}


def test_a_focal_point_drafts_and_submits_a_request_from_the_form(kenya_fp: Any) -> None:
    client = login(kenya_fp)
    response = client.post("/assistance/requests/new/", {**FORM, "submit_now": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    request = Request.objects.get(title="Training of prosecutors")
    assert request.status == "submitted" and request.lines.get().quantity == 12
    page = client.get(response["Location"]).content.decode()
    assert "Submitted" in page and "of 60 days" not in page and "target 60 days" in page


def test_a_bad_line_is_shown_beside_its_field_and_nothing_is_saved(kenya_fp: Any) -> None:
    response = login(kenya_fp).post("/assistance/requests/new/", {
        **FORM, "lines-0-kind": "funds", "lines-0-currency": "ZZZ"})
    assert response.status_code == 400
    assert "Not an ISO 4217 currency code: ZZZ." in response.content.decode()
    assert not Request.objects.filter(title="Training of prosecutors").exists()


def test_lists_export_csv_and_never_show_another_states_requests(
        kenya_fp: Any, peru_fp: Any, make_request: Any) -> None:
    kenya = make_request(kenya_fp, title="Kenya's request")
    make_request(peru_fp, state="PER", title="Peru's request")
    client = login(kenya_fp)
    exported = client.get("/assistance/requests/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert [r["Title"] for r in rows] == ["Kenya's request"]
    assert rows[0]["Waiting"].startswith("0 of 14 days")
    peru = Request.objects.get(title="Peru's request")
    assert client.get(f"/assistance/requests/{peru.pk}/").status_code == 404
    assert client.get(f"/assistance/requests/{kenya.pk}/").status_code == 200
    xlsx = client.get("/assistance/requests/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_import_page_lists_refused_rows(kenya_fp: Any) -> None:
    content = (b"request,type,title,themes,kind,theme,quantity\n"
               b"A,training,T,corruption,training_places,corruption,lots\n")
    response = login(kenya_fp).post("/assistance/requests/import/", {
        "file": SimpleUploadedFile("r.csv", content, content_type="text/csv")})
    assert response.status_code == 400
    page = response.content.decode()
    assert "import-errors" in page and "Give a whole number." in page


def test_officer_runs_brokerage_and_decides_from_the_run_page(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    request = make_request(kenya_fp)
    make_offer(unicri_fp)
    client = login(secretariat)
    dashboard = client.get("/").content.decode()
    assert "unmatched-urgent" in dashboard and request.reference in dashboard
    assert "unused-capacity" in dashboard
    job = job_services.job_create(user=secretariat, kind="assistance.brokerage_run")
    job = job_services.job_execute(job_id=job.pk)
    run_page = client.get(f"/assistance/brokerage/{job.result['run_id']}/").content.decode()
    assert "compatible" in run_page  # the explanation is shown
    proposal = Proposal.objects.get(request_line__request=request).pk
    decided = client.post(f"/assistance/proposals/{proposal}/decide/", {"decision": "accept"})
    assert decided.status_code == 302
    request.refresh_from_db()
    assert request.status == "matched"
    assert login(kenya_fp).get("/assistance/brokerage/").status_code == 404
    assert "No urgent request is waiting for a match." in client.get("/").content.decode()


def test_offer_and_activity_pages_export_and_are_scoped(
        unicri_fp: Any, kenya_fp: Any, make_offer: Any) -> None:
    offer = make_offer(unicri_fp)
    assert login(unicri_fp).get(f"/assistance/offers/{offer.pk}/").status_code == 200
    assert login(kenya_fp).get(f"/assistance/offers/{offer.pk}/").status_code == 404
    exported = login(unicri_fp).get("/assistance/offers/unused/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert [r["Unused"] for r in rows] == ["30"]
    assert login(kenya_fp).get("/coordination/activities/?format=csv").status_code == 200


def test_the_secretariat_adopts_a_new_version_of_the_priority_themes(
        secretariat: Any, kenya_fp: Any) -> None:
    from clearinghouse.assistance.models import PriorityThemeList

    page = login(kenya_fp).get("/assistance/priority-themes/").content.decode()
    assert "Adopt a new version" not in page and "Money laundering" in page
    refused = login(kenya_fp).post("/assistance/priority-themes/", {
        "themes": ["prisons"], "effective_from": "2031-01-01"})
    assert refused.status_code == 400
    saved = login(secretariat).post("/assistance/priority-themes/", {
        "themes": ["prisons", "policing"], "effective_from": "2031-01-01",
        "note": "Commission decision"})
    assert saved.status_code == 302
    assert PriorityThemeList.objects.first().themes == ["prisons", "policing"]
    bad = login(secretariat).post("/assistance/priority-themes/", {
        "themes": ["prisons"], "effective_from": "2030-01-01"})
    assert bad.status_code == 400 and "Must be on or after 2031-01-01" in bad.content.decode()


def test_the_offer_list_exports_csv_with_its_lines(unicri_fp: Any, make_offer: Any) -> None:
    make_offer(unicri_fp)
    exported = login(unicri_fp).get("/assistance/offers/?format=csv")
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert len(rows) == 1 and "30 expert-days" in rows[0]["Lines"]


def test_a_provider_closes_its_offer_and_it_is_no_longer_brokered(
        unicri_fp: Any, kenya_fp: Any, make_offer: Any) -> None:
    import datetime as dt

    from clearinghouse.assistance.selectors import brokerage_problem

    offer = make_offer(unicri_fp)
    assert login(kenya_fp).post(f"/assistance/offers/{offer.pk}/close/").status_code == 404
    closed = login(unicri_fp).post(f"/assistance/offers/{offer.pk}/close/",
                                   {"reason": "Experts reassigned"})
    assert closed.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "closed"
    assert brokerage_problem(as_of=dt.date.today())[0]["offers"] == []
