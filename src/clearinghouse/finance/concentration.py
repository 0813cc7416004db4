"""The concentration check of VI.3(a): are resources concentrated where the resolution says?

- the share of programme spending on training, advisory services and technical cooperation
  in priority areas of recognized need (allocation areas marked ``priority``), against the
  rule that it be "the majority";
- the number of distinct areas of need (themes) funded, against a configurable limit
  ("a limited number of areas");
- the share going to developing countries, and to the least developed among them.

"Developing" follows the M49 convention of developed regions (Europe, Northern America,
Australia and New Zealand, Japan); every other State counts as developing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Sum

from clearinghouse.coordination.models import Activity
from clearinghouse.finance import selectors
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Fund

SPENT = ("expenditure", "psc")
DEVELOPED_AREAS = {"150", "021", "053"}  # Europe, Northern America, Australia and New Zealand
DEVELOPED_STATES = {"JPN"}
ZERO = Decimal("0.00")


@dataclass(slots=True)
class Indicator:
    """One figure of the check, with the activities behind it and their spending."""

    label: str
    value: Decimal | int
    target: str
    met: bool
    activities: list[tuple[Activity | None, Decimal]] = field(default_factory=list)


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * 100).quantize(Decimal("0.1")) if whole else ZERO


def concentration_check(*, period: BudgetPeriod) -> list[Indicator]:
    """Return the three indicators for a period, each with its drill-down."""
    in_accounts = [f.pk for f in Fund.objects.all() if f.in_un_accounts]
    rows = selectors.period_entries(period=period).filter(
        kind__in=SPENT, fund_id__in=in_accounts).values("area_id", "activity_id").annotate(
        usd=Sum("usd")).order_by()
    priority = set(AllocationArea.objects.filter(priority=True).values_list("pk", flat=True))
    by_activity: defaultdict[Any, Decimal] = defaultdict(Decimal)
    in_priority: defaultdict[Any, Decimal] = defaultdict(Decimal)
    for row in rows:
        usd = selectors.cents(row["usd"])
        by_activity[row["activity_id"]] += usd
        if row["area_id"] in priority:
            in_priority[row["activity_id"]] += usd
    activities = Activity.objects.select_related("beneficiary__region", "beneficiary__subregion"
                                                 ).in_bulk([k for k in by_activity if k])
    total = sum(by_activity.values(), ZERO)
    ldc = set(selectors.ldc_state_ids(on=period.end))

    def listed(amounts: dict[Any, Decimal]) -> list[tuple[Activity | None, Decimal]]:
        return sorted(((activities.get(k), v) for k, v in amounts.items() if v),
                      key=lambda pair: -pair[1])

    limit = int(getattr(settings, "CONCENTRATION_MAX_AREAS", 5))
    themes: defaultdict[str, Decimal] = defaultdict(Decimal)
    developing: dict[Any, Decimal] = {}
    least: dict[Any, Decimal] = {}
    for key, usd in by_activity.items():
        activity = activities.get(key)
        for theme in (activity.themes if activity else []):
            themes[theme] += usd
        state = activity.beneficiary if activity else None
        if state is not None and not _developed(state):
            developing[key] = usd
            if state.pk in ldc:
                least[key] = usd
    priority_share = _share(sum(in_priority.values(), ZERO), total)
    return [
        Indicator("Share of spending on training, advisory services and technical "
                  "cooperation in priority areas", priority_share, "more than 50% (the "
                  "majority)", priority_share > 50, listed(in_priority)),
        Indicator("Distinct areas of need funded", len(themes), f"at most {limit}",
                  0 < len(themes) <= limit,
                  listed({k: v for k, v in by_activity.items()
                          if activities.get(k) and activities[k].themes})),
        Indicator("Share going to developing countries", _share(
            sum(developing.values(), ZERO), total), "reported", True, listed(developing)),
        Indicator("Share going to least developed countries", _share(
            sum(least.values(), ZERO), total), "reported", True, listed(least)),
    ]


def _developed(state: Any) -> bool:
    return bool(state.iso3 in DEVELOPED_STATES or state.region.code in DEVELOPED_AREAS
                or state.subregion.code in DEVELOPED_AREAS)
