"""IATI 2.03: the export validates against the official XSD; imports round-trip it safely."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from lxml import etree

from clearinghouse.coordination.iati_export import iati_export
from clearinghouse.coordination.iati_schema import activity_schema, safe_parser
from clearinghouse.coordination.models import Activity, ExternalTransaction
from clearinghouse.coordination.services import iati_import
from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance import services as finance_services
from clearinghouse.finance.models import Entry
from clearinghouse.registry.models import Organization, State
from tests.finance.factories import area, donor, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(finance: Any) -> list[Activity]:
    """Two activities with budgets and every kind of transaction the ledger makes."""
    kenya = Activity.objects.create(
        identifier="CH-REQ-2026-0001-unicri", title="Advice on prosecuting corruption",
        source="clearinghouse", implementer=Organization.objects.get(key="unicri"),
        beneficiary=State.objects.get(iso3="KEN"), themes=["corruption", "prisons"],
        start=dt.date(2026, 2, 1), end=dt.date(2026, 11, 30), published=True)
    haiti = Activity.objects.create(
        identifier="MAN-2026-7", title="Juvenile justice training", source="manual",
        implementer_name="Ministère de la Justice", beneficiary=State.objects.get(iso3="HTI"),
        themes=["juvenile-justice"], status="planned", start=dt.date(2026, 6, 1),
        published=True)
    finance_services.exchange_rate_set(user=finance, currency="EUR",
                                       month=dt.date(2026, 3, 1), per_usd="0.92")
    pledge = post(finance, "pledge", "50000", currency="EUR", donor=donor(), activity=kenya)
    post(finance, "receipt", "20000", currency="EUR", pledge=pledge, activity=kenya)
    allotment = post(finance, "allotment", "30000", area=area(), activity=kenya, pledge=pledge)
    obligation = post(finance, "obligation", "8000", allotment=allotment, object="travel")
    post(finance, "expenditure", "5000", allotment=allotment, object="travel",
         obligation=obligation)
    post(finance, "expenditure", "2000", allotment=allotment, object="grants")
    post(finance, "allotment", "4000", area=area("urgent-need"), activity=haiti,
         fund="regular-budget")
    return [kenya, haiti]


def _export() -> bytes:
    buffer = io.BytesIO()
    iati_export(buffer)
    return buffer.getvalue()


def test_the_export_validates_against_the_official_iati_203_schema(
        activities: list[Activity]) -> None:
    content = _export()
    document = etree.fromstring(content, safe_parser())
    schema = activity_schema()
    assert schema.validate(etree.ElementTree(document)), schema.error_log
    kenya = document.find("iati-activity")
    assert kenya is not None
    assert kenya.findtext("iati-identifier") == "XM-CLEARINGHOUSE-CH-REQ-2026-0001-unicri"
    assert kenya.find("recipient-country").get("code") == "KE"
    roles = [(o.get("role"), o.get("ref")) for o in kenya.iterfind("participating-org")]
    assert roles == [("1", "european_commission"), ("2", "XM-CLEARINGHOUSE"), ("4", "unicri")]
    assert sorted(s.get("code") for s in kenya.iterfind("sector")) == ["15113", "15137"]
    types = sorted(t.find("transaction-type").get("code") for t in kenya.iter("transaction"))
    assert types == ["1", "11", "13", "2", "3", "4", "4", "4"]  # psc 13% on two expenditures
    assert kenya.find("budget/value").text == "30000.00"


def test_a_broken_export_would_fail_the_schema(activities: list[Activity]) -> None:
    document = etree.fromstring(_export(), safe_parser())
    first = document.find("iati-activity")
    assert first is not None
    first.insert(0, first.find("title"))  # title before iati-identifier: out of schema order
    assert not activity_schema().validate(etree.ElementTree(document))


def test_a_round_trip_preserves_activities_and_transactions(
        activities: list[Activity], secretariat: Any) -> None:
    content = _export()
    before = {a.identifier: (a.title, a.beneficiary_id, a.start) for a in activities}
    money = sorted((t.find("transaction-type").get("code"), t.find("value").text)
                   for t in etree.fromstring(content).iter("transaction"))
    for entry in Entry.objects.order_by("-id"):  # a fresh database: no ledger, no register
        entry.delete()
    Activity.objects.all().delete()
    result = iati_import(user=secretariat, content=content)
    assert (result.created, result.updated) == (2, 0)
    after = {a.identifier.removeprefix("XM-CLEARINGHOUSE-"): (a.title, a.beneficiary_id,
                                                               a.start)
             for a in Activity.objects.all()}
    assert after == before
    imported = sorted((t.type, f"{t.value:.2f}") for t in ExternalTransaction.objects.all())
    assert imported == money
    again = iati_import(user=secretariat, content=content)
    assert (again.created, again.updated, ExternalTransaction.objects.count()) == (
        0, 2, len(money))
    assert Decimal(sum(t.value for t in ExternalTransaction.objects.all())) > 0


def test_an_invalid_file_is_refused_in_plain_words_and_nothing_is_written(
        activities: list[Activity], secretariat: Any) -> None:
    document = etree.fromstring(_export(), safe_parser())
    first = document.find("iati-activity")
    assert first is not None
    first.remove(first.find("reporting-org"))
    before = Activity.objects.count()
    with pytest.raises(ApplicationError) as refused:
        iati_import(user=secretariat, content=etree.tostring(document))
    message = refused.value.message
    assert "does not follow the IATI 2.03 activity schema" in message
    assert "reporting-org" in message and "line" in message
    assert Activity.objects.count() == before


@pytest.mark.parametrize("content", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
    b'"&lol;&lol;&lol;">]><iati-activities version="2.03">&lol2;</iati-activities>',
    b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.org/evil.dtd">'
    b'<iati-activities version="2.03"/>',
    b"<iati-activities version='2.03'><iati-activity>",
    b"<iati-organisations version='2.03'/>",
])
def test_hostile_or_foreign_files_are_refused_before_anything_is_read(
        secretariat: Any, content: bytes) -> None:
    with pytest.raises(ApplicationError) as refused:
        iati_import(user=secretariat, content=content)
    assert refused.value.fields["file"][0].startswith("line ")


def test_only_published_activities_go_out_and_draft_organizations_are_never_named(
        activities: list[Activity], peru_fp: Any) -> None:
    from clearinghouse.registry import services as registry_services

    draft = registry_services.organization_create(user=peru_fp, values={
        "type": "government", "name": "Instituto Nacional Penitenciario",
        "country_id": State.objects.get(iso3="PER").pk})
    Activity.objects.create(identifier="PER-SECRET", title="Peru's private need",
                            source="clearinghouse", beneficiary=State.objects.get(iso3="PER"))
    Activity.objects.filter(identifier="MAN-2026-7").update(implementer=draft)
    content = _export().decode()
    assert "PER-SECRET" not in content and "Peru's private need" not in content
    assert "Instituto Nacional Penitenciario" not in content and "Not disclosed" in content


def test_dates_with_a_timezone_and_identifiers_too_long_for_the_register(
        activities: list[Activity], secretariat: Any) -> None:
    document = etree.fromstring(_export(), safe_parser())
    value = document.find("iati-activity/transaction/value")
    assert value is not None
    value.set("value-date", "2026-03-15Z")
    iati_import(user=secretariat, content=etree.tostring(document))
    first = document.find("iati-activity/iati-identifier")
    assert first is not None
    first.text = "X" * 200
    with pytest.raises(ApplicationError) as refused:
        iati_import(user=secretariat, content=etree.tostring(document))
    assert refused.value.fields["file"][0].startswith("line ")


def test_a_clearing_house_commitment_of_funds_is_an_outgoing_pledge(
        kenya_fp: Any, secretariat: Any, make_request: Any, make_offer: Any) -> None:
    from clearinghouse.assistance import services as assistance_services
    from clearinghouse.assistance.models import BrokerageRun
    from clearinghouse.coordination.services import activity_publish
    from clearinghouse.jobs import services as job_services

    make_request(kenya_fp, lines=[{"kind": "funds", "theme_id": "corruption",
                                   "quantity": 25000, "currency": "USD"}])
    make_offer(secretariat, provider="undp", lines=[
        {"kind": "funds", "themes": ["corruption"], "capacity": 100000, "currency": "USD"}])
    job = job_services.job_execute(job_id=job_services.job_create(
        user=secretariat, kind="assistance.brokerage_run").pk)
    proposal = BrokerageRun.objects.get(pk=job.result["run_id"]).proposals.get()
    commitment = assistance_services.proposal_accept(user=secretariat, proposal=proposal)
    assert commitment.activity is not None
    activity_publish(user=secretariat, activity=commitment.activity)
    document = etree.fromstring(_export(), safe_parser())
    assert activity_schema().validate(etree.ElementTree(document))
    pledges = [(t.find("transaction-type").get("code"), t.find("value").text)
               for t in document.iter("transaction")]
    assert pledges == [("12", "25000.00")]
