"""Ledger helpers for the finance tests: post entries the way a finance officer would."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from clearinghouse.finance import services
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Entry, Fund
from clearinghouse.registry.models import Organization

DAY = dt.date(2026, 3, 15)


def post(user: Any, kind: str, amount: str | Decimal, *, fund: str = "crime-fund",
         period: str = "2026", day: dt.date = DAY, currency: str = "USD", override: str = "",
         **links: Any) -> Entry:
    """Post an entry through the service; links are model instances or ids by field name."""
    values: dict[str, Any] = {
        "kind": kind, "fund_id": Fund.objects.get(code=fund).pk,
        "period_id": BudgetPeriod.objects.get(code=period).pk, "date": day,
        "amount": amount, "currency": currency}
    for name, value in links.items():
        if name in ("object", "note"):
            values[name] = value
        else:
            values[f"{name}_id"] = getattr(value, "pk", value)
    return services.entry_post(user=user, values=values, override=override)


def area(code: str = "priority-areas") -> AllocationArea:
    return AllocationArea.objects.get(code=code)


def donor(key: str = "european_commission") -> Organization:
    return Organization.objects.get(key=key)
