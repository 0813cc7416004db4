"""Reconcile the ledger: recompute every invariant from the entries and report each breach."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q

from clearinghouse.finance import selectors
from clearinghouse.finance.models import BudgetPeriod, Entry
from clearinghouse.finance.statement import statement_build

K = Entry.Kind


def ledger_reconcile() -> list[str]:
    """Return every breach found; an empty list means the ledger reconciles.

    Checks, per fund and period, opening + income - expenditure = closing and that each
    year opens where the previous one closed; that no charges exceed their allotment and no
    receipts their pledge without a recorded override; that no obligation is over-liquidated;
    that no entry sits in a locked period after the lock; and that every statement ties out.
    """
    problems: list[str] = []
    previous: dict[str, Decimal] = {}
    for period in BudgetPeriod.objects.order_by("start", "-end"):
        statement = statement_build(period=period)
        problems += [f"{period.code}: {p}" for p in statement.tie_out()]
        if period.kind == BudgetPeriod.Kind.YEAR:
            for row in statement.balances:
                if row["code"] in previous and previous[row["code"]] != row["opening"]:
                    problems.append(f"{period.code}: fund {row['code']} opens at "
                                    f"{row['opening']}, not at last year's closing "
                                    f"{previous[row['code']]}")
                previous[row["code"]] = row["closing"]
        if period.locked_at is not None:
            late = Entry.objects.filter(period=period, created_at__gt=period.locked_at)
            problems += [f"{period.code}: entry {e.pk} was posted after the statement was "
                         "issued" for e in late]
    for allotment in Entry.objects.filter(kind=K.ALLOTMENT, adjusts__isnull=True):
        over = selectors.charged_to(allotment=allotment) > selectors.allotted(
            allotment=allotment)
        if over and not _overridden(allotment, "allotment"):
            problems.append(f"allotment {allotment.pk} is overspent without an override")
    for pledge in Entry.objects.filter(kind=K.PLEDGE, adjusts__isnull=True):
        above = selectors.received_on(pledge=pledge) > selectors.pledged(pledge=pledge)
        if above and not _overridden(pledge, "pledge"):
            problems.append(f"pledge {pledge.pk} received more than pledged, without a note")
    for obligation in Entry.objects.filter(kind=K.OBLIGATION, adjusts__isnull=True):
        if selectors.unliquidated(obligation=obligation) < 0:
            problems.append(f"obligation {obligation.pk} is liquidated beyond its amount")
    return problems


def _overridden(entry: Entry, link: str) -> bool:
    """Return whether an entry drawing on ``entry``, or adjusting it, records an override."""
    return Entry.objects.filter(Q(**{link: entry}) | Q(adjusts=entry)).exclude(
        override="").exists()
