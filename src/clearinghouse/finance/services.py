"""Post to the ledger under its rules; lock periods when their statement is issued.

Rules enforced here, under row locks so parallel postings cannot break them:
- an entry goes to an open year, dated inside it; a locked period takes no entry;
- a receipt never exceeds its pledge, and charges (open obligations plus expenditure)
  never exceed their allotment, unless the poster records why (an audited override);
- an expenditure on a fund with a support cost rate carries its programme support cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.audit.context import because
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_create, record_stamp, record_update
from clearinghouse.finance import selectors
from clearinghouse.finance.models import BudgetPeriod, Entry, ExchangeRate, Fund

K = Entry.Kind
CENT = Decimal("0.01")
ENTRY_FIELDS = ("kind", "fund_id", "period_id", "area_id", "activity_id", "object", "donor_id",
                "donor_state_id", "date", "amount", "currency", "rate", "usd", "pledge_id",
                "allotment_id", "obligation_id", "adjusts_id", "note", "override")


def _invalid(field: str, message: str) -> ApplicationError:
    return ApplicationError("The input is not valid.", fields={field: [message]})


def usd_of(amount: Decimal, rate: Decimal) -> Decimal:
    """Return the US dollar value of an amount at a rate (units per dollar), to the cent."""
    return (amount / rate).quantize(CENT, rounding=ROUND_HALF_UP)


def _decimal(value: Any, field: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise _invalid(field, "Give a decimal number, e.g. 1250.00.") from error
    if not number.is_finite():
        raise _invalid(field, "Give a finite number.")
    return number


@transaction.atomic
def entry_post(*, user: Any, values: Mapping[str, Any], override: str = "") -> Entry:
    """Post one entry after every rule holds; return it (its support cost is posted too).

    ``values`` hold the ledger fields (``kind``, ``fund_id``, ``period_id``, ``date``,
    ``amount``, ``currency`` and the links the kind needs). The rate and USD value are
    derived from the operational rate of the entry's month.
    """
    policy.require_add(user, Entry, values)
    data = dict(values)
    kind = data.get("kind")
    if kind not in K.values or kind == K.SUPPORT_COST:
        raise _invalid("kind", "Give pledge, receipt, allotment, obligation or expenditure.")
    amount = _decimal(data.get("amount"), "amount")
    if amount <= 0 and not data.get("adjusts_id"):
        raise _invalid("amount", "Give a positive amount; corrections are adjustments.")
    period = BudgetPeriod.objects.select_for_update().filter(pk=data.get("period_id") or 0).first()
    if period is None:
        raise _invalid("period_id", "No such budget period.")
    _check_period(period, data.get("date"))
    currency = str(data.get("currency") or "").upper()
    rate = selectors.rate_on(currency=currency, day=data["date"])
    data.update(amount=amount, currency=currency, rate=rate, usd=usd_of(amount, rate),
                override=override.strip()[:300])
    _link_rules(data)
    entry = record_create(user=user, model=Entry, values=data, editable=ENTRY_FIELDS,
                          checks=[record_stamp("created_by", user)],
                          reason=override or data.get("note", ""))
    if entry.kind == K.EXPENDITURE and entry.fund.psc_rate:
        support = (entry.usd * entry.fund.psc_rate).quantize(CENT, ROUND_HALF_UP)
        with because(f"support cost on entry {entry.pk}"):
            record_create(user=user, model=Entry, values={
                "kind": K.SUPPORT_COST, "fund_id": entry.fund_id, "period_id": entry.period_id,
                "area_id": entry.area_id, "activity_id": entry.activity_id, "date": entry.date,
                "amount": support, "currency": "USD", "rate": Decimal(1), "usd": support,
                "adjusts_id": None,
                "note": f"support cost at {entry.fund.psc_rate * 100:.2f}% of entry {entry.pk}",
                "allotment_id": entry.allotment_id}, editable=ENTRY_FIELDS,
                checks=[record_stamp("created_by", user)])
    return entry


def _check_period(period: BudgetPeriod, day: Any) -> None:
    if period.kind != BudgetPeriod.Kind.YEAR:
        raise _invalid("period_id", "Post to a year; a biennium adds up its years.")
    if period.locked:
        raise ApplicationError(
            f"Period {period.code} is locked: its statement was issued. Post an adjusting "
            "entry in an open period instead.", status=409, code="period_locked")
    if not isinstance(day, dt.date):
        raise _invalid("date", "Give a date.")
    if not period.start <= day <= period.end:
        raise _invalid("date", f"Must fall within {period.code} ({period.start} to "
                               f"{period.end}).")


# The links each kind may carry; any other link is refused, so no entry is attached to a
# pledge or allotment it does not belong to (which would also show it to that donor).
LINKS = {K.PLEDGE: {"donor_id", "donor_state_id", "activity_id"},
         K.RECEIPT: {"pledge_id", "donor_id", "donor_state_id", "activity_id"},
         K.ALLOTMENT: {"pledge_id", "area_id", "activity_id"},
         K.OBLIGATION: {"allotment_id", "area_id", "activity_id"},
         K.EXPENDITURE: {"allotment_id", "obligation_id", "area_id", "activity_id"}}


def _link_rules(data: dict[str, Any]) -> None:
    """Check the links each kind needs, lock what a charge draws on, and check the limits."""
    kind, usd = data["kind"], data["usd"]
    links = {"donor_id", "donor_state_id", "pledge_id", "area_id", "activity_id",
             "allotment_id", "obligation_id"}
    for name in sorted(links - LINKS[K(kind)]):
        if data.get(name):
            raise _invalid(name, f"A {K(kind).label.lower()} does not take this link.")
    fund = Fund.objects.filter(pk=data.get("fund_id") or 0).first()
    if fund is None:
        raise _invalid("fund_id", "No such fund.")
    if kind == K.PLEDGE and not (data.get("donor_id") or data.get("donor_state_id")):
        raise _invalid("donor_id", "Name the donor (an organization or a State).")
    if kind == K.RECEIPT:
        pledge = Entry.objects.select_for_update().filter(
            pk=data.get("pledge_id") or 0, kind=K.PLEDGE).first()
        if pledge is None:
            raise _invalid("pledge_id", "A receipt names the pledge it honours.")
        if pledge.fund_id != fund.pk:
            raise _invalid("fund_id", "A receipt goes to its pledge's fund.")
        # A receipt comes from its pledge's donor, whatever the caller sent.
        data["donor_id"], data["donor_state_id"] = pledge.donor_id, pledge.donor_state_id
        received = selectors.received_on(pledge=pledge)
        if received + usd > selectors.pledged(pledge=pledge) and not data["override"]:
            raise ApplicationError(
                f"This receipt would bring the pledge to {received + usd} USD, above the "
                f"{selectors.pledged(pledge=pledge)} USD pledged. Record why to accept it.",
                status=409, code="above_pledge", fields={"override": ["Give the reason."]})
    if kind == K.ALLOTMENT:
        if not data.get("area_id"):
            raise _invalid("area_id", "An allotment names its allocation area.")
        source = data.get("pledge_id")
        if source and not Entry.objects.filter(pk=source, kind=K.PLEDGE, fund=fund).exists():
            raise _invalid("pledge_id", "Fund an allotment from a pledge to the same fund.")
    if data.get("adjusts_id") and usd < 0:
        _reduction_rules(data)
    if kind in (K.OBLIGATION, K.EXPENDITURE) and usd > 0:
        _charge_rules(data, fund)
    elif kind in (K.OBLIGATION, K.EXPENDITURE) and not data.get("object"):
        raise _invalid("object", "Name the object of expenditure.")


def _reduction_rules(data: dict[str, Any]) -> None:
    """Refuse a reduction that would leave an entry below what already draws on it.

    A pledge cannot fall below its receipts, an allotment below its charges, an obligation
    below the expenditure that liquidated it, unless the poster records why.
    """
    original = Entry.objects.select_for_update().get(pk=data["adjusts_id"])
    after = selectors.with_adjustments(entry=original) + data["usd"]
    drawn = {K.PLEDGE: lambda: selectors.received_on(pledge=original),
             K.ALLOTMENT: lambda: selectors.charged_to(allotment=original),
             K.OBLIGATION: lambda: selectors.liquidated(obligation=original),
             }.get(K(original.kind))
    if drawn is None:
        return
    if after < drawn() and (original.kind == K.OBLIGATION or not data["override"]):
        raise ApplicationError(
            f"This reduction would leave the {original.get_kind_display().lower()} at {after} "
            f"USD, below the {drawn()} USD already drawn on it.", status=409,
            code="below_drawn", fields={"amount": ["Reduce it less."]})


def _charge_rules(data: dict[str, Any], fund: Fund) -> None:
    allotment = Entry.objects.select_for_update().filter(
        pk=data.get("allotment_id") or 0, kind=K.ALLOTMENT).first()
    if allotment is None:
        raise _invalid("allotment_id", "An obligation or expenditure is charged to an "
                                       "allotment.")
    if allotment.fund_id != fund.pk:
        raise _invalid("fund_id", "Charge the allotment's own fund.")
    data["area_id"] = allotment.area_id
    data["activity_id"] = data.get("activity_id") or allotment.activity_id
    if not data.get("object"):
        raise _invalid("object", "Name the object of expenditure.")
    if data.get("obligation_id"):
        obligation = Entry.objects.select_for_update().filter(
            pk=data["obligation_id"], kind=K.OBLIGATION, allotment=allotment).first()
        if obligation is None or data["kind"] != K.EXPENDITURE:
            raise _invalid("obligation_id", "Liquidate an obligation of the same allotment.")
        if data["usd"] > selectors.unliquidated(obligation=obligation):
            raise _invalid("amount", "More than the obligation's unliquidated balance.")
        return  # liquidating an obligation moves a charge, it adds none
    charged = selectors.charged_to(allotment=allotment)
    available = selectors.allotted(allotment=allotment)
    if charged + data["usd"] > available and not data["override"]:
        raise ApplicationError(
            f"This charge would bring the allotment to {charged + data['usd']} USD, above "
            f"the {available} USD allotted. Record why to accept it.", status=409,
            code="over_allotment", fields={"override": ["Give the reason."]})


@transaction.atomic
def entry_adjust(*, user: Any, entry: Entry, amount: Any, date: dt.date, period: BudgetPeriod,
                 note: str, override: str = "") -> Entry:
    """Correct an entry by a new adjusting entry (positive or negative) in an open period."""
    if not note.strip():
        raise _invalid("note", "Say what the adjustment corrects.")
    entry = entry.adjusts or entry  # adjustments always point at the entry first posted
    return entry_post(user=user, override=override, values={
        "kind": entry.kind, "fund_id": entry.fund_id, "period_id": period.pk,
        "area_id": entry.area_id, "activity_id": entry.activity_id, "object": entry.object,
        "donor_id": entry.donor_id, "donor_state_id": entry.donor_state_id, "date": date,
        "amount": amount, "currency": entry.currency, "pledge_id": entry.pledge_id,
        "allotment_id": entry.allotment_id, "obligation_id": entry.obligation_id,
        "adjusts_id": entry.pk, "note": note})


@transaction.atomic
def statement_issue(*, user: Any, period: BudgetPeriod) -> BudgetPeriod:
    """Issue the statement for a period: lock it (and its years), so entries can only adjust."""
    period = BudgetPeriod.objects.select_for_update().get(pk=period.pk)
    if period.locked:
        raise ApplicationError(f"The statement for {period.code} was already issued.",
                               status=409, code="period_locked")
    now = timezone.now()
    for year in period.years.filter(locked_at__isnull=True):
        record_update(user=user, instance=year, values={"locked_at": now},
                      editable=("locked_at",), reason=f"statement for {period.code} issued")
    return record_update(user=user, instance=period, values={"locked_at": now},
                         editable=("locked_at",), reason="statement issued")


@transaction.atomic
def exchange_rate_set(*, user: Any, currency: str, month: dt.date, per_usd: Any
                      ) -> ExchangeRate:
    """Record the operational rate of a currency for a month (a new month, never an edit)."""
    rate = _decimal(per_usd, "per_usd")
    if ExchangeRate.objects.filter(currency=currency.upper(), month=month).exists():
        raise ApplicationError("The input is not valid.", fields={"month": [
            f"{currency.upper()} already has a rate for {month:%Y-%m}."]}, status=409)
    return record_create(user=user, model=ExchangeRate, values={
        "currency": currency.upper(), "month": month, "per_usd": rate},
        editable=("currency", "month", "per_usd"))


@transaction.atomic
def exchange_rates_import(*, user: Any, content: bytes) -> int:
    """Record a month's operational rates from CSV (currency,month,per_usd); all or nothing.

    Every faulty row is named by line and field, and then nothing is recorded.
    """
    import csv
    import io

    policy.require_add(user, ExchangeRate, {})
    try:
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise _invalid("file", f"The file is not readable CSV text: {error}.") from error
    if not rows or not {"currency", "month", "per_usd"} <= set(rows[0]):
        raise _invalid("file", "Line 1: give the columns currency, month, per_usd.")
    errors: dict[str, list[str]] = {}
    for line, row in enumerate(rows, start=2):
        try:
            with transaction.atomic():
                exchange_rate_set(user=user, currency=(row["currency"] or "").strip(),
                                  month=dt.date.fromisoformat((row["month"] or "").strip()),
                                  per_usd=(row["per_usd"] or "").strip())
        except ValueError:
            errors.setdefault(f"line {line}: month", []).append("Give YYYY-MM-01.")
        except ApplicationError as error:
            for field, messages in error.fields.items():
                errors.setdefault(f"line {line}: {field}", []).extend(messages)
    if errors:
        raise ApplicationError(f"The rates were not recorded: {len(errors)} error(s).",
                               fields=errors)
    return len(rows)
