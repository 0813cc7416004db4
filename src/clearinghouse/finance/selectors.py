"""Read the ledger: rates, balances of pledges, allotments and obligations, entry lists."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum

from clearinghouse.access import policy
from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance.models import BudgetPeriod, Entry, ExchangeRate

K = Entry.Kind
ZERO = Decimal("0.00")


def rate_on(*, currency: str, day: dt.date) -> Decimal:
    """Return the operational rate (units per USD) of a currency for the month of ``day``."""
    if currency == "USD":
        return Decimal(1)
    found = ExchangeRate.objects.filter(currency=currency, month=day.replace(day=1)).first()
    if found is None:
        raise ApplicationError("The input is not valid.", fields={"currency": [
            f"No UN operational rate of exchange for {currency or '(blank)'} in "
            f"{day:%Y-%m}: record it first."]})
    return found.per_usd


def cents(value: Decimal | float | None) -> Decimal:
    """Return a database sum to the cent: SQLite sums decimals with extra places."""
    return Decimal(value or 0).quantize(ZERO)


def _sum(qs: QuerySet[Entry]) -> Decimal:
    return cents(qs.aggregate(total=Sum("usd"))["total"])


def with_adjustments(*, entry: Entry) -> Decimal:
    """Return an entry's USD value with the adjusting entries that point to it."""
    return entry.usd + _sum(Entry.objects.filter(adjusts=entry, kind=entry.kind))


def pledged(*, pledge: Entry) -> Decimal:
    """Return a pledge's USD value with its adjustments."""
    return with_adjustments(entry=pledge)


def received_on(*, pledge: Entry) -> Decimal:
    """Return the USD received so far against a pledge."""
    return _sum(Entry.objects.filter(pledge=pledge, kind=K.RECEIPT))


def allotted(*, allotment: Entry) -> Decimal:
    """Return an allotment's USD value with its adjustments."""
    return with_adjustments(entry=allotment)


def charged_to(*, allotment: Entry) -> Decimal:
    """Return the allotment's charges: obligations plus expenditure not liquidating one."""
    return _sum(Entry.objects.filter(allotment=allotment).filter(
        Q(kind=K.OBLIGATION) | Q(kind=K.EXPENDITURE, obligation__isnull=True)))


def unliquidated(*, obligation: Entry) -> Decimal:
    """Return what remains of an obligation after the expenditure that liquidated it."""
    return with_adjustments(entry=obligation) - liquidated(obligation=obligation)


def liquidated(*, obligation: Entry) -> Decimal:
    """Return the expenditure that liquidated an obligation so far."""
    return _sum(Entry.objects.filter(obligation=obligation, kind=K.EXPENDITURE))


def period_entries(*, period: BudgetPeriod) -> QuerySet[Entry]:
    """Return the entries of a period: a year's own, or a biennium's years'."""
    ids = [period.pk, *BudgetPeriod.objects.filter(parent=period).values_list("pk", flat=True)]
    return Entry.objects.filter(period_id__in=ids)  # a plain IN uses the (period, kind) index


def entry_list(*, user: Any, period: str = "", fund: str = "", kind: str = "", area: str = "",
               object: str = "", donor: str = "", region: str = "", ldc: str = "",
               before: dt.date | None = None, on_or_before: dt.date | None = None,
               liquidating: bool | None = None, activity: int | None = None,
               ldc_on: dt.date | None = None, accounts: str = "") -> QuerySet[Entry]:
    """Return the entries the user may see, filtered as a statement figure's link says."""
    qs = policy.visible(user, Entry.objects.select_related(
        "fund", "period", "area", "donor", "donor_state", "activity"))
    if period:
        found = BudgetPeriod.objects.filter(code=period).first()
        qs = period_entries(period=found) & qs if found else qs.none()
    if fund:
        qs = qs.filter(fund__code=fund)
    if accounts == "un":  # the statement's own scope: bilateral financing stays outside
        qs = qs.exclude(fund__kind="bilateral")
    if kind:
        qs = qs.filter(kind__in=kind.split(","))
    # "none" selects the entries without the attribute, as the statement's "(none)" rows do.
    if area:
        qs = qs.filter(area__isnull=True) if area == "none" else qs.filter(area__code=area)
    if object:
        qs = qs.filter(object=object)
    if donor:
        qs = qs.filter(donor__isnull=True, donor_state__isnull=True) if donor == "none" else (
            qs.filter(Q(donor__key=donor) | Q(donor_state__iso3=donor)))
    no_beneficiary = Q(activity__isnull=True) | Q(activity__beneficiary__isnull=True)
    if region:
        qs = qs.filter(no_beneficiary) if region == "none" else qs.filter(
            activity__beneficiary__region__code=region)
    if ldc == "none":
        qs = qs.filter(no_beneficiary)
    elif ldc in ("true", "false"):
        ldc_ids = ldc_state_ids(on=ldc_on or dt.date.today())
        qs = qs.filter(activity__beneficiary__isnull=False)
        qs = qs.filter(activity__beneficiary_id__in=ldc_ids) if ldc == "true" else qs.exclude(
            activity__beneficiary_id__in=ldc_ids)
    if before:
        qs = qs.filter(date__lt=before)
    if on_or_before:
        qs = qs.filter(date__lte=on_or_before)
    if liquidating is not None:
        qs = qs.filter(obligation__isnull=not liquidating)
    if activity:
        qs = qs.filter(activity_id=activity)
    return qs


def ldc_state_ids(*, on: dt.date) -> list[int]:
    """Return the ids of the States that were least developed countries on a day."""
    from clearinghouse.registry.models import GroupMembership

    return list(GroupMembership.objects.filter(
        Q(end__isnull=True) | Q(end__gt=on), group="LDC", start__lte=on,
    ).values_list("state_id", flat=True))


def period_list(*, user: Any) -> QuerySet[BudgetPeriod]:
    return BudgetPeriod.objects.all()
