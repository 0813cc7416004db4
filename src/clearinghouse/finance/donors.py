"""Trace a donor's contributions: pledge -> receipts -> allotments -> activities -> spending."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from clearinghouse.access import policy
from clearinghouse.finance.models import Entry

K = Entry.Kind


@dataclass(slots=True)
class AllotmentTrace:
    allotment: Entry
    activity: Any
    beneficiary: Any
    obligated: Decimal
    spent: Decimal


@dataclass(slots=True)
class ContributionTrace:
    pledge: Entry
    pledged: Decimal
    receipts: list[Entry] = field(default_factory=list)
    received: Decimal = Decimal("0.00")
    allotments: list[AllotmentTrace] = field(default_factory=list)


def contributions_traced(*, user: Any, donor: Any) -> list[ContributionTrace]:
    """Return the donor's pledges with what followed from each, as far as the user may see."""
    from clearinghouse.finance import selectors

    visible = policy.visible(user, Entry.objects.all())
    traces = []
    for pledge in visible.filter(kind=K.PLEDGE, donor=donor, adjusts__isnull=True).select_related(
            "fund").order_by("date", "pk"):
        trace = ContributionTrace(pledge, selectors.pledged(pledge=pledge))
        trace.receipts = list(visible.filter(kind=K.RECEIPT, pledge=pledge).order_by("date"))
        trace.received = sum((r.usd for r in trace.receipts), Decimal("0.00"))
        for allotment in visible.filter(kind=K.ALLOTMENT, pledge=pledge).select_related(
                "activity__beneficiary"):
            charges = {kind: selectors.cents(total) for kind, total in
                       visible.filter(allotment=allotment).values_list("kind").annotate(
                           total=Sum("usd")).order_by()}
            trace.allotments.append(AllotmentTrace(
                allotment, allotment.activity,
                allotment.activity.beneficiary if allotment.activity else None,
                charges.get(K.OBLIGATION, Decimal("0.00")),
                charges.get(K.EXPENDITURE, Decimal("0.00"))
                + charges.get(K.SUPPORT_COST, Decimal("0.00"))))
        traces.append(trace)
    return traces
