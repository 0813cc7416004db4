"""The statement of expenditure: figures by hand, every format, links, and reconciliation."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from openpyxl import load_workbook

from clearinghouse.coordination.models import Activity
from clearinghouse.finance import services
from clearinghouse.finance.models import BudgetPeriod, Entry
from clearinghouse.finance.reconcile import ledger_reconcile
from clearinghouse.finance.statement import statement_build
from clearinghouse.registry.models import State
from tests.finance.factories import area, donor, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger(finance: Any) -> dict[str, Entry]:
    """2025: 500 USD received. 2026: 1,000 EUR at 0.80 received; 400 spent in Haiti (LDC)."""
    services.exchange_rate_set(user=finance, currency="EUR", month=dt.date(2026, 3, 1),
                               per_usd="0.80")
    haiti = Activity.objects.create(identifier="A-HTI", title="Prisons", source="manual",
                                    beneficiary=State.objects.get(iso3="HTI"),
                                    themes=["prisons"])
    old = post(finance, "pledge", "500", period="2025", day=dt.date(2025, 6, 1),
               donor=donor("world_bank"))
    post(finance, "receipt", "500", period="2025", day=dt.date(2025, 6, 2), pledge=old)
    pledge = post(finance, "pledge", "2000", currency="EUR", donor=donor())
    post(finance, "receipt", "1000", currency="EUR", pledge=pledge)
    allotment = post(finance, "allotment", "900", area=area(), activity=haiti)
    obligation = post(finance, "obligation", "600", allotment=allotment, object="travel")
    post(finance, "expenditure", "400", allotment=allotment, object="travel",
         obligation=obligation)
    post(finance, "allotment", "50", area=area("urgent-need"), fund="bilateral")
    outside = post(finance, "pledge", "5000", donor=donor(), fund="bilateral")
    post(finance, "receipt", "5000", pledge=outside, fund="bilateral")
    return {"pledge": pledge, "allotment": allotment, "obligation": obligation}


def test_the_statement_adds_up_as_a_finance_officer_would_by_hand(
        ledger: dict[str, Entry]) -> None:
    s = statement_build(period=BudgetPeriod.objects.get(code="2026"))
    assert (s.opening, s.income, s.spent, s.closing) == (
        Decimal("500.00"), Decimal("1250.00"), Decimal("452.00"), Decimal("1298.00"))
    assert [(f.label, f.usd) for f in s.spent_by_object] == [
        ("Travel", Decimal("400.00")), ("Programme support costs", Decimal("52.00"))]
    assert [(f.label, f.usd) for f in s.spent_by_ldc] == [
        ("Least developed countries", Decimal("452.00"))]
    assert [(f.label, f.usd) for f in s.unliquidated_by_fund] == [
        ("United Nations Crime Prevention and Criminal Justice Fund", Decimal("200.00"))]
    assert [f.usd for f in s.outstanding_by_donor] == [Decimal("1250.00")]  # 2,500 - 1,250
    assert s.memo_bilateral == Decimal("0.00")  # the bilateral receipt is no expenditure
    assert s.tie_out() == []


def test_every_figure_links_to_exactly_the_entries_behind_it(
        ledger: dict[str, Entry], finance: Any) -> None:
    from clearinghouse.finance import selectors

    s = statement_build(period=BudgetPeriod.objects.get(code="2026"))
    for figures in (s.income_by_donor, s.spent_by_fund, s.spent_by_area, s.spent_by_object,
                    s.spent_by_region, s.spent_by_ldc):
        for figure in figures:
            behind = selectors.entry_list(user=finance, **figure.filters)
            assert sum(e.usd for e in behind) == figure.usd, figure


def test_the_statement_renders_as_page_pdf_xlsx_json_and_on_the_command_line(
        ledger: dict[str, Entry], finance: Any, tmp_path: Any) -> None:
    client = Client()
    client.force_login(finance)
    page = client.get("/finance/statements/2026/")
    assert page.status_code == 200 and "Statement of expenditure for 2026" in page.content.decode()
    assert "/finance/entries/?period=2026" in page.content.decode()
    pdf = client.get("/finance/statements/2026/?format=pdf")
    assert pdf.content.startswith(b"%PDF")
    book = load_workbook(io.BytesIO(client.get("/finance/statements/2026/?format=xlsx").content))
    assert book["Balances"]["E3"].value == 1298
    out = io.StringIO()
    call_command("statement", "--period", "2026", "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["closing"] == "1298.00"
    call_command("statement", "--period", "2026", "--format", "pdf",
                 "--output", str(tmp_path / "s.pdf"), stdout=io.StringIO())
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(CommandError, match="--period"):
        call_command("statement", "--period", "1999", stdout=io.StringIO())


def test_reconciliation_passes_and_names_a_breach_made_behind_the_services_back(
        ledger: dict[str, Entry]) -> None:
    assert ledger_reconcile() == []
    call_command("reconcile", stdout=io.StringIO())
    # A direct database write bypasses every rule, as a faulty script would.
    Entry.objects.filter(pk=ledger["obligation"].pk).update(usd=Decimal("5000.00"))
    problems = ledger_reconcile()
    assert any(f"allotment {ledger['allotment'].pk} is overspent" in p for p in problems)
    with pytest.raises(CommandError, match="does not reconcile"):
        call_command("reconcile", stdout=io.StringIO(), stderr=io.StringIO())


def test_issuing_a_statement_locks_the_period_for_everyone(
        ledger: dict[str, Entry], finance: Any, secretariat: Any) -> None:
    client = Client()
    client.force_login(secretariat)
    client.post("/finance/statements/2026/issue/")
    assert BudgetPeriod.objects.get(code="2026").locked_at is None  # not the Secretariat's
    client.force_login(finance)
    client.post("/finance/statements/2026/issue/")
    assert BudgetPeriod.objects.get(code="2026").locked_at is not None
