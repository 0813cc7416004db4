"""Finance pages and API: the concentration check, the donor view, posting, scoping."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from clearinghouse.coordination.models import Activity
from clearinghouse.finance.concentration import concentration_check
from clearinghouse.finance.models import BudgetPeriod, Entry
from clearinghouse.registry.models import Organization, State
from tests.conftest import bearer
from tests.finance.factories import area, donor, post

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def spending(finance: Any) -> None:
    """600 USD on prisons in Haiti (LDC, priority area), 400 on policing in France."""
    haiti = Activity.objects.create(identifier="A-HTI", title="Prisons", source="manual",
                                    beneficiary=State.objects.get(iso3="HTI"),
                                    themes=["prisons"], published=True)
    france = Activity.objects.create(identifier="A-FRA", title="Policing", source="manual",
                                     beneficiary=State.objects.get(iso3="FRA"),
                                     themes=["policing"], published=True)
    for activity, code, amount in ((haiti, "priority-areas", "600"),
                                   (france, "urgent-need", "400")):
        allotment = post(finance, "allotment", amount, area=area(code), activity=activity,
                         fund="regular-budget")
        post(finance, "expenditure", amount, allotment=allotment, object="travel",
             fund="regular-budget")


def test_the_concentration_check_measures_the_majority_rule_areas_and_ldc_share(
        spending: None) -> None:
    majority, areas, developing, least = concentration_check(
        period=BudgetPeriod.objects.get(code="2026"))
    assert (majority.value, majority.met) == (Decimal("60.0"), True)
    assert (areas.value, areas.met) == (2, True)
    assert developing.value == Decimal("60.0") and least.value == Decimal("60.0")
    assert [a.identifier for a, _ in majority.activities] == ["A-HTI"]


def test_dashboard_and_drill_down_pages_show_the_check_to_staff_only(
        spending: None, secretariat: Any, kenya_fp: Any, settings: Any) -> None:
    page = _client(secretariat).get("/finance/concentration/?period=2026").content.decode()
    assert "60.0%" in page and "A-HTI" in page
    assert _client(kenya_fp).get("/finance/concentration/?period=2026").status_code == 404
    assert _client(kenya_fp).get("/finance/statements/2026/").status_code == 404


def test_a_donor_follows_its_contribution_to_the_activity_and_nobody_elses(
        finance: Any, make_user: Any) -> None:
    haiti = Activity.objects.create(identifier="A-HTI", title="Prisons", source="manual",
                                    beneficiary=State.objects.get(iso3="HTI"))
    commission = donor("european_commission")
    pledge = post(finance, "pledge", "1000", donor=commission)
    post(finance, "receipt", "1000", pledge=pledge)
    allotment = post(finance, "allotment", "800", area=area(), activity=haiti, pledge=pledge)
    post(finance, "expenditure", "100", allotment=allotment, object="grants")
    other = post(finance, "pledge", "999", donor=donor("world_bank"))
    ec_user = make_user("provider_focal_point", organization="european_commission")
    page = _client(ec_user).get("/finance/donors/").content.decode()
    assert "A-HTI" in page and "Haiti" in page and "113.00" in page  # 100 + 13% support
    assert "999" not in page
    entries = json.loads(Client().get("/api/finance/entries?page_size=100", **{
        f"HTTP_{k.upper()}": v for k, v in bearer(ec_user).items()}).content)["items"]
    assert other.pk not in {e["id"] for e in entries} and pledge.pk in {e["id"] for e in entries}
    assert Organization.objects.get(key="european_commission") == commission


def test_the_api_posts_entries_with_field_errors_and_serves_the_statement(
        finance: Any) -> None:
    headers = {f"HTTP_{k.upper()}": v for k, v in bearer(finance).items()}
    client = Client()
    bad = client.post("/api/finance/entries", json.dumps({
        "kind": "allotment", "fund": "nope", "period": "2026", "date": "2026-02-01",
        "amount": "10"}), content_type="application/json", **headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "fund"
    good = client.post("/api/finance/entries", json.dumps({
        "kind": "allotment", "fund": "regular-budget", "period": "2026",
        "date": "2026-02-01", "amount": "10", "area": "urgent-need"}),
        content_type="application/json", **headers)
    assert good.status_code == 201 and good.json()["usd"] == "10.00"
    over = client.post("/api/finance/entries", json.dumps({
        "kind": "obligation", "fund": "regular-budget", "period": "2026",
        "date": "2026-02-02", "amount": "11", "allotment": good.json()["id"],
        "object": "travel"}), content_type="application/json", **headers)
    assert over.status_code == 409
    statement = client.get("/api/finance/statements/2026", **headers).json()
    assert statement["expenditure"] == "0.00" and Entry.objects.count() == 1
    assert dt.date.today() is not None


def test_the_iati_feed_is_open_and_streams_valid_xml(spending: None) -> None:
    from lxml import etree

    from clearinghouse.coordination.iati_schema import activity_schema

    response = Client().get("/iati/activities.xml")
    assert response.status_code == 200 and response.streaming
    document = etree.fromstring(b"".join(response.streaming_content))
    assert activity_schema().validate(etree.ElementTree(document))
    assert len(document.findall("iati-activity")) == 2


def test_the_posting_page_is_for_finance_officers_and_offers_only_visible_choices(
        finance: Any, kenya_fp: Any, peru_fp: Any) -> None:
    from clearinghouse.registry import services as registry_services

    registry_services.organization_create(user=peru_fp, values={
        "type": "government", "name": "Instituto Nacional Penitenciario",
        "country_id": State.objects.get(iso3="PER").pk})
    assert _client(kenya_fp).get("/finance/entries/new/").status_code == 404
    assert _client(kenya_fp).get("/finance/rates/new/").status_code == 404
    page = _client(finance).get("/finance/entries/new/").content.decode()
    assert "Instituto Nacional Penitenciario" not in page  # a State's draft is no donor


def test_a_receipt_always_comes_from_its_pledges_donor(finance: Any) -> None:
    headers = {f"HTTP_{k.upper()}": v for k, v in bearer(finance).items()}
    pledge = post(finance, "pledge", "1000", donor=donor())
    receipt = Client().post("/api/finance/entries", json.dumps({
        "kind": "receipt", "fund": "crime-fund", "period": "2026", "date": "2026-03-01",
        "amount": "400", "pledge": pledge.pk}), content_type="application/json", **headers)
    assert receipt.status_code == 201 and receipt.json()["donor"] == "european_commission"
    odd = Client().post("/api/finance/entries", json.dumps({
        "kind": "pledge", "fund": "crime-fund", "period": "2026", "date": "2026-03-01",
        "amount": "5", "donor": "world_bank", "obligation": pledge.pk}),
        content_type="application/json", **headers)
    assert odd.status_code == 400 and odd.json()["errors"][0]["field"] == "obligation"


def test_an_invalid_list_filter_is_named_and_never_exports_everything(finance: Any) -> None:
    post(finance, "pledge", "1000", donor=donor())
    client = _client(finance)
    page = client.get("/finance/entries/?kind=pledge&before=notadate")
    assert page.status_code == 400 and "Enter a valid date." in page.content.decode()
    export = client.get("/finance/entries/?kind=pledge&before=notadate&format=csv")
    assert export.status_code == 400 and "before" in export.content.decode()
