"""Demo finance records: a month's euro rate, a donor's pledge and receipt, an allotment."""

from __future__ import annotations

import datetime as dt
from typing import Any

from clearinghouse.finance import services
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Fund
from clearinghouse.registry.models import Organization


def demo_finance(*, finance: Any) -> None:
    """Record this month's EUR rate, a European Commission pledge paid in part, an allotment."""
    today = dt.date.today()
    year = BudgetPeriod.objects.filter(kind="year", start__lte=today, end__gte=today).first()
    if year is None:
        return  # no budget period covers today: the finance officer adds one first
    services.exchange_rate_set(user=finance, currency="EUR", month=today.replace(day=1),
                               per_usd="0.9200")
    fund = Fund.objects.get(code="crime-fund")
    pledge = services.entry_post(user=finance, values={
        "kind": "pledge", "fund_id": fund.pk, "period_id": year.pk, "date": today,
        "amount": "250000", "currency": "EUR",
        "donor_id": Organization.objects.get(key="european_commission").pk,
        "note": "Voluntary contribution, earmarked for urgent needs"})
    services.entry_post(user=finance, values={
        "kind": "receipt", "fund_id": fund.pk, "period_id": year.pk, "date": today,
        "amount": "100000", "currency": "EUR", "pledge_id": pledge.pk})
    services.entry_post(user=finance, values={
        "kind": "allotment", "fund_id": fund.pk, "period_id": year.pk, "date": today,
        "amount": "60000", "currency": "USD", "pledge_id": pledge.pk,
        "area_id": AllocationArea.objects.get(code="urgent-need").pk})
