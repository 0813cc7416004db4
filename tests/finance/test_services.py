"""Ledger rules: rates, pledges and receipts, allotments and charges, support costs, locks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from clearinghouse.audit.models import AuditEntry
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.finance import selectors, services
from clearinghouse.finance.models import BudgetPeriod, Entry
from tests.finance.factories import DAY, area, donor, post

pytestmark = pytest.mark.django_db


def test_a_pledge_in_euros_is_valued_at_the_months_operational_rate(finance: Any) -> None:
    services.exchange_rate_set(user=finance, currency="EUR", month=dt.date(2026, 3, 1),
                               per_usd="0.9200")
    pledge = post(finance, "pledge", "100000.00", currency="EUR", donor=donor())
    assert (pledge.rate, pledge.usd) == (Decimal("0.920000"), Decimal("108695.65"))
    with pytest.raises(ApplicationError) as missing:
        post(finance, "pledge", "10", currency="EUR", day=dt.date(2026, 4, 2), donor=donor())
    assert "No UN operational rate of exchange for EUR in 2026-04" in str(
        missing.value.fields["currency"])


def test_a_receipt_above_its_pledge_needs_an_audited_reason(finance: Any) -> None:
    pledge = post(finance, "pledge", "1000", donor=donor())
    post(finance, "receipt", "600", pledge=pledge)
    before = Entry.objects.count()
    with pytest.raises(ApplicationError) as refused:
        post(finance, "receipt", "500", pledge=pledge)
    assert refused.value.code == "above_pledge" and Entry.objects.count() == before
    extra = post(finance, "receipt", "500", pledge=pledge, override="Donor topped up by letter")
    entry = AuditEntry.objects.get(model="finance.entry", object_id=str(extra.pk))
    assert entry.reason == "Donor topped up by letter"
    assert selectors.received_on(pledge=pledge) == Decimal("1100.00")


def test_charges_never_exceed_the_allotment_without_an_override(finance: Any) -> None:
    allotment = post(finance, "allotment", "10000", area=area())
    obligation = post(finance, "obligation", "6000", allotment=allotment, object="travel")
    post(finance, "expenditure", "2500", allotment=allotment, object="travel",
         obligation=obligation)  # liquidates: adds no charge
    post(finance, "expenditure", "4000", allotment=allotment, object="consultants")
    assert selectors.charged_to(allotment=allotment) == Decimal("10000.00")
    assert selectors.unliquidated(obligation=obligation) == Decimal("3500.00")
    with pytest.raises(ApplicationError) as refused:
        post(finance, "obligation", "0.01", allotment=allotment, object="travel")
    assert refused.value.code == "over_allotment"
    with pytest.raises(ApplicationError) as too_much:
        post(finance, "expenditure", "3500.01", allotment=allotment, object="travel",
             obligation=obligation)
    assert "amount" in too_much.value.fields


def test_expenditure_on_the_fund_carries_its_programme_support_cost(finance: Any) -> None:
    allotment = post(finance, "allotment", "10000", area=area())
    spent = post(finance, "expenditure", "1000", allotment=allotment, object="travel")
    psc = Entry.objects.get(kind="psc", allotment=allotment)
    assert psc.usd == Decimal("130.00") and psc.date == spent.date  # 13% on the Fund
    regular = post(finance, "allotment", "500", area=area(), fund="regular-budget")
    post(finance, "expenditure", "100", allotment=regular, object="travel",
         fund="regular-budget")
    assert not Entry.objects.filter(kind="psc", allotment=regular).exists()


def test_a_locked_period_takes_no_entry_and_corrections_are_adjustments(
        finance: Any) -> None:
    allotment = post(finance, "allotment", "1000", area=area(), period="2026")
    year = BudgetPeriod.objects.get(code="2026")
    services.statement_issue(user=finance, period=year)
    with pytest.raises(ApplicationError) as locked:
        post(finance, "allotment", "5", area=area(), period="2026")
    assert locked.value.code == "period_locked"
    with pytest.raises(ApplicationError) as no_note:
        services.entry_adjust(user=finance, entry=allotment, amount="-200",
                              date=dt.date(2027, 1, 10),
                              period=BudgetPeriod.objects.get(code="2027"), note="")
    assert "note" in no_note.value.fields
    fix = services.entry_adjust(user=finance, entry=allotment, amount="-200",
                                date=dt.date(2027, 1, 10),
                                period=BudgetPeriod.objects.get(code="2027"),
                                note="Allotment reduced")
    assert fix.adjusts == allotment and selectors.allotted(allotment=allotment) == Decimal(
        "800.00")


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "gift"}, "kind"),
    ({"amount": "abc"}, "amount"),
    ({"amount": "-5"}, "amount"),
    ({"day": dt.date(2025, 12, 31)}, "date"),
    ({"period": "2026-2027"}, "period_id"),
    ({"currency": "XYZ"}, "currency"),
])
def test_bad_entries_are_refused_by_field_and_nothing_is_written(
        finance: Any, change: dict[str, Any], field: str) -> None:
    before = (Entry.objects.count(), AuditEntry.objects.count())
    arguments: dict[str, Any] = {"kind": "allotment", "amount": "100"}
    arguments.update(change)
    with pytest.raises(ApplicationError) as refused:
        post(finance, arguments.pop("kind"), arguments.pop("amount"), area=area(), **arguments)
    assert field in refused.value.fields
    assert (Entry.objects.count(), AuditEntry.objects.count()) == before


def test_only_finance_officers_post_and_nobody_deletes(
        finance: Any, secretariat: Any, kenya_fp: Any) -> None:
    with pytest.raises(PermissionDenied):
        post(secretariat, "allotment", "100", area=area())
    with pytest.raises(PermissionDenied):
        post(kenya_fp, "allotment", "100", area=area())
    from clearinghouse.access import policy

    entry = post(finance, "allotment", "100", area=area())
    assert not policy.can_delete(finance, entry)
    assert DAY.year == 2026


def test_monthly_rates_import_names_bad_lines_and_records_nothing(
        finance: Any, tmp_path: Any) -> None:
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from clearinghouse.finance.models import ExchangeRate

    bad = tmp_path / "bad.csv"
    bad.write_text("currency,month,per_usd\nEUR,2026-04-01,0.91\nXYZ,2026-04-01,2\n"
                   "GBP,April,0.8\nJPY,2026-04-01,abc\n")
    with pytest.raises(CommandError) as refused:
        call_command("rates", "import", str(bad), "--as", finance.username,
                     stdout=io.StringIO())
    message = str(refused.value)
    assert "line 3: currency" in message and "line 4: month" in message
    assert "line 5: per_usd" in message
    assert ExchangeRate.objects.count() == 0
    good = tmp_path / "good.csv"
    good.write_text("currency,month,per_usd\nEUR,2026-04-01,0.91\nGBP,2026-04-01,0.79\n")
    call_command("rates", "import", str(good), "--as", finance.username, stdout=io.StringIO())
    assert ExchangeRate.objects.count() == 2


def test_only_finance_officers_import_rates(kenya_fp: Any) -> None:
    from clearinghouse.finance.services import exchange_rates_import

    with pytest.raises(PermissionDenied):
        exchange_rates_import(user=kenya_fp, content=b"currency,month,per_usd\nEUR,2026-04-01,1\n")
