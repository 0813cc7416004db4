"""Random sequences of postings: the ledger's invariants always hold, the statement ties out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearinghouse.coordination.models import Activity
from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance import services
from clearinghouse.finance.models import BudgetPeriod, Entry
from clearinghouse.finance.reconcile import ledger_reconcile
from clearinghouse.finance.statement import statement_build
from clearinghouse.registry.models import State
from tests.finance.factories import area, donor, post

pytestmark = pytest.mark.django_db

AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)
FUNDS = st.sampled_from(["regular-budget", "crime-fund", "undp-projects", "bilateral"])
AREAS = st.sampled_from(["priority-areas", "urgent-need", "programme-organization"])
OBJECTS = st.sampled_from(["posts", "consultants", "travel", "contractual", "operating",
                           "supplies", "grants"])
STEP = st.tuples(st.sampled_from(["pledge", "receipt", "allotment", "obligation",
                                  "expenditure", "liquidation", "adjustment"]),
                 AMOUNTS, FUNDS, AREAS, OBJECTS, st.integers(0, 10_000), st.booleans(),
                 st.integers(0, 700))


def _activities() -> list[Activity]:
    found = []
    for code in ("KEN", "HTI", "PER", None):
        state = State.objects.get(iso3=code) if code else None
        found.append(Activity.objects.create(identifier=f"T-{code}", title="t",
                                             source="manual", beneficiary=state))
    return found


def _apply(user: Any, step: tuple[Any, ...], activities: list[Activity]) -> None:
    kind, amount, fund, area_code, obj, pick, override, day_offset = step
    day = dt.date(2026, 1, 1) + dt.timedelta(days=day_offset)
    period = str(day.year)
    same = Entry.objects.filter(fund__code=fund)
    common = {"fund": fund, "period": period, "day": day}
    reason = "approved by the Controller" if override else ""
    if kind == "pledge":
        post(user, "pledge", amount, donor=donor(), **common)
    elif kind == "receipt":
        pledges = list(same.filter(kind="pledge"))
        if pledges:
            post(user, "receipt", amount, pledge=pledges[pick % len(pledges)], override=reason,
                 **common)
    elif kind == "allotment":
        post(user, "allotment", amount, area=area(area_code),
             activity=activities[pick % len(activities)], **common)
    elif kind in ("obligation", "expenditure"):
        allotments = list(same.filter(kind="allotment"))
        if allotments:
            post(user, kind, amount, allotment=allotments[pick % len(allotments)], object=obj,
                 override=reason, **common)
    elif kind == "liquidation":
        obligations = list(same.filter(kind="obligation"))
        if obligations:
            obligation = obligations[pick % len(obligations)]
            post(user, "expenditure", amount, allotment=obligation.allotment_id, object=obj,
                 obligation=obligation, **common)
    else:
        entries = list(Entry.objects.exclude(kind="psc"))
        if entries:
            entry = entries[pick % len(entries)]
            services.entry_adjust(user=user, entry=entry, amount=-amount, date=day,
                                  period=BudgetPeriod.objects.get(code=period),
                                  note="correction", override=reason)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=25))
def test_invariants_hold_and_the_statement_ties_out_after_any_postings(
        finance: Any, steps: list[tuple[Any, ...]]) -> None:
    with transaction.atomic():
        activities = _activities()
        for step in steps:
            try:
                with transaction.atomic():
                    _apply(finance, step, activities)
            except ApplicationError:
                pass  # a refused posting writes nothing; the invariants must still hold
        assert ledger_reconcile() == []  # every invariant, and every statement ties out
        biennium = statement_build(period=BudgetPeriod.objects.get(code="2026-2027"))
        years = [statement_build(period=BudgetPeriod.objects.get(code=c))
                 for c in ("2026", "2027")]
        assert biennium.spent == sum(y.spent for y in years)
        assert biennium.income == sum(y.income for y in years)
        assert years[1].opening == years[0].closing
        assert biennium.closing == years[1].closing
        transaction.set_rollback(True)
