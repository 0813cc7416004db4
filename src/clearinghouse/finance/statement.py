"""The statement of expenditure for a period, built from one grouped scan of its entries.

Every figure carries the filter of the entries behind it, so pages link each figure to the
ledger. Totals tie out across every breakdown by construction of the same grouped rows, and
``Statement.tie_out`` checks it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, Q, Sum

from clearinghouse.finance import selectors
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Entry, Fund

K = Entry.Kind
ZERO = Decimal("0.00")
SPENT = (K.EXPENDITURE, K.SUPPORT_COST)


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of a breakdown: its label, its USD amount, the ledger filter behind it."""

    label: str
    usd: Decimal
    filters: dict[str, str]


@dataclass(slots=True)
class Statement:
    period: BudgetPeriod
    income_by_donor: list[Figure] = field(default_factory=list)
    income_by_fund: list[Figure] = field(default_factory=list)
    spent_by_fund: list[Figure] = field(default_factory=list)
    spent_by_area: list[Figure] = field(default_factory=list)
    spent_by_object: list[Figure] = field(default_factory=list)
    spent_by_region: list[Figure] = field(default_factory=list)
    spent_by_ldc: list[Figure] = field(default_factory=list)
    unliquidated_by_fund: list[Figure] = field(default_factory=list)
    outstanding_by_donor: list[Figure] = field(default_factory=list)
    balances: list[dict[str, Any]] = field(default_factory=list)  # per fund
    income: Decimal = ZERO
    spent: Decimal = ZERO
    opening: Decimal = ZERO
    closing: Decimal = ZERO
    memo_bilateral: Decimal = ZERO

    def tie_out(self) -> list[str]:
        """Return every breakdown whose total differs from the statement's total."""
        problems = []
        for name, figures, total in [
            ("income by donor", self.income_by_donor, self.income),
            ("income by fund", self.income_by_fund, self.income),
            ("expenditure by fund", self.spent_by_fund, self.spent),
            ("expenditure by area", self.spent_by_area, self.spent),
            ("expenditure by object", self.spent_by_object, self.spent),
            ("expenditure by region", self.spent_by_region, self.spent),
            ("expenditure by LDC status", self.spent_by_ldc, self.spent),
        ]:
            if sum((f.usd for f in figures), ZERO) != total:
                problems.append(f"{name} adds up to {sum(f.usd for f in figures)}, not {total}")
        if self.opening + self.income - self.spent != self.closing:
            problems.append("opening + income - expenditure != closing")
        for row in self.balances:
            if row["opening"] + row["income"] - row["spent"] != row["closing"]:
                problems.append(f"fund {row['fund']} does not balance")
        return problems


def _figures(totals: dict[Any, Decimal], label: dict[Any, str], base: dict[str, str],
             key: str, order: Iterable[Any] | None = None) -> list[Figure]:
    """Return a breakdown's figures; each filters the ledger by ``key`` = its own value."""
    keys = list(order) if order is not None else sorted(totals, key=lambda k: label.get(k, ""))
    return [Figure(label.get(k, str(k)), totals[k],
                   {**base, key: "none" if k in (None, "") else str(k).lower()
                    if isinstance(k, bool) else str(k)})
            for k in keys if k in totals]


def statement_build(*, period: BudgetPeriod) -> Statement:
    """Return the statement of expenditure of a period (UN accounts; bilateral as a memo)."""
    funds = {f.pk: f for f in Fund.objects.all()}
    in_accounts = [pk for pk, f in funds.items() if f.in_un_accounts]
    areas = {a.pk: a for a in AllocationArea.objects.all()}
    within = selectors.period_entries(period=period).filter(fund_id__in=in_accounts)
    rows: list[Any] = list(within.values(
        "kind", "fund_id", "donor_id", "donor_state_id", "area_id", "object",
        beneficiary=F("activity__beneficiary_id"),
        region=F("activity__beneficiary__region__code"),
    ).annotate(usd=Sum("usd")).order_by())
    donor_codes, donor_labels = _donors(rows)
    totals: dict[str, defaultdict[Any, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    beneficiaries: defaultdict[tuple[Any, Any], Decimal] = defaultdict(Decimal)
    for row in rows:
        usd, kind, fund = selectors.cents(row["usd"]), row["kind"], funds[row["fund_id"]].code
        if kind == K.RECEIPT:
            totals["income_donor"][donor_codes[_donor_key(row)]] += usd
            totals["income_fund"][fund] += usd
        elif kind in SPENT:
            totals["spent_fund"][fund] += usd
            area = areas[row["area_id"]].code if row["area_id"] else None
            totals["spent_area"][area] += usd
            totals["spent_object"][row["object"] if kind == K.EXPENDITURE else "psc"] += usd
            beneficiaries[row["beneficiary"], row["region"]] += usd
    statement = Statement(period=period)
    base = {"period": period.code, "accounts": "un"}
    fund_label = {f.code: f.name for f in funds.values()}
    receipts = {**base, "kind": K.RECEIPT}
    statement.income_by_fund = _figures(totals["income_fund"], fund_label, receipts, "fund")
    statement.income_by_donor = _figures(totals["income_donor"], donor_labels, receipts,
                                         "donor")
    spent_base = {**base, "kind": ",".join(SPENT)}
    statement.spent_by_fund = _figures(totals["spent_fund"], fund_label, spent_base, "fund")
    area_label = {a.code: a.name for a in areas.values()} | {None: "(no area)"}
    statement.spent_by_area = _figures(totals["spent_area"], area_label, spent_base, "area",
                                       order=[*area_label])
    statement.spent_by_object = [
        Figure(label, totals["spent_object"][code],
               {**base, "kind": K.SUPPORT_COST} if code == "psc" else
               {**base, "kind": K.EXPENDITURE, "object": code})
        for code, label in [*Entry.Object.choices, ("psc", "Programme support costs")]
        if code in totals["spent_object"]]
    _by_beneficiary(statement, beneficiaries, spent_base)
    statement.income = sum(totals["income_fund"].values(), ZERO)
    statement.spent = sum(totals["spent_fund"].values(), ZERO)
    _balances(statement, period, funds, in_accounts)
    statement.memo_bilateral = selectors.cents(selectors.period_entries(period=period).filter(
        kind__in=SPENT).exclude(fund_id__in=in_accounts).aggregate(t=Sum("usd"))["t"])
    return statement


def _donor_key(row: Mapping[str, Any]) -> tuple[str, int | None]:
    if row["donor_id"]:
        return ("org", row["donor_id"])
    if row["donor_state_id"]:
        return ("state", row["donor_state_id"])
    return ("none", None)


def _donors(rows: Iterable[Mapping[str, Any]]) -> tuple[dict[Any, str], dict[str, str]]:
    """Map each row's donor to its ledger filter code, and each code to the donor's name."""
    from clearinghouse.registry.models import Organization, State

    keys = {_donor_key(row) for row in rows}
    orgs = Organization.objects.in_bulk([k[1] for k in keys if k[0] == "org"])
    states = State.objects.in_bulk([k[1] for k in keys if k[0] == "state"])
    codes: dict[Any, str] = {}
    labels: dict[str, str] = {}
    for kind, pk in keys:
        if kind == "org" and pk in orgs:
            codes[(kind, pk)] = orgs[pk].key
            labels[orgs[pk].key] = str(orgs[pk])
        elif kind == "state" and pk in states:
            codes[(kind, pk)] = states[pk].iso3
            labels[states[pk].iso3] = f"Government of {states[pk]}"
        else:
            codes[(kind, pk)] = ""
            labels[""] = "(no donor)"
    return codes, labels


def _by_beneficiary(statement: Statement, spent: dict[tuple[Any, Any], Decimal],
                    base: dict[str, str]) -> None:
    """Split expenditure by the beneficiary's M49 region and LDC status at the period's end."""
    from clearinghouse.registry.models import Area

    ldc = set(selectors.ldc_state_ids(on=statement.period.end))
    labels: dict[Any, str] = {None: "(no beneficiary State)"} | dict(
        Area.objects.filter(level=Area.Level.REGION).values_list("code", "name"))
    regions: defaultdict[Any, Decimal] = defaultdict(Decimal)
    status: defaultdict[Any, Decimal] = defaultdict(Decimal)
    for (state, code), usd in spent.items():
        regions[code] += usd
        status[None if state is None else state in ldc] += usd
    statement.spent_by_region = _figures(regions, labels, base, "region")
    statement.spent_by_ldc = _figures(status, {True: "Least developed countries",
                                               False: "Other countries",
                                               None: "(no beneficiary State)"},
                                      {**base, "ldc_on": statement.period.end.isoformat()},
                                      "ldc", order=[True, False, None])


def _balances(statement: Statement, period: BudgetPeriod, funds: dict[int, Fund],
              in_accounts: list[int]) -> None:
    """Fill opening and closing balances, unliquidated obligations and outstanding pledges."""
    up_to_end = Entry.objects.filter(fund_id__in=in_accounts, date__lte=period.end)
    before = up_to_end.filter(date__lt=period.start).values("fund_id", "kind").annotate(
        usd=Sum("usd")).order_by()
    opening: defaultdict[int, Decimal] = defaultdict(Decimal)
    for step in before:
        sign = 1 if step["kind"] == K.RECEIPT else -1 if step["kind"] in SPENT else 0
        opening[step["fund_id"]] += sign * selectors.cents(step["usd"])
    income = {f.filters["fund"]: f.usd for f in statement.income_by_fund}
    spent = {f.filters["fund"]: f.usd for f in statement.spent_by_fund}
    by_code = {f.code: pk for pk, f in funds.items()}
    present = {funds[pk].code for pk in opening} | set(income) | set(spent)
    for code in sorted(present):
        pk = by_code[code]
        row: dict[str, Any] = {"fund": funds[pk].name, "code": code, "opening": opening[pk],
               "income": income.get(code, ZERO), "spent": spent.get(code, ZERO)}
        row["closing"] = row["opening"] + row["income"] - row["spent"]
        statement.balances.append(row)
    statement.opening = sum((r["opening"] for r in statement.balances), ZERO)
    statement.closing = sum((r["closing"] for r in statement.balances), ZERO)
    owed = up_to_end.filter(Q(kind=K.OBLIGATION) | Q(kind=K.EXPENDITURE,
                                                      obligation__isnull=False))
    unliquidated: defaultdict[int, Decimal] = defaultdict(Decimal)
    for charge in owed.values("fund_id", "kind").annotate(usd=Sum("usd")).order_by():
        sign = 1 if charge["kind"] == K.OBLIGATION else -1
        unliquidated[charge["fund_id"]] += selectors.cents(charge["usd"]) * sign
    end = {"on_or_before": period.end.isoformat(), "accounts": "un"}
    statement.unliquidated_by_fund = _figures(
        {funds[k].code: v for k, v in unliquidated.items() if v},
        {f.code: f.name for f in funds.values()}, {**end, "kind": "obligation,expenditure"},
        "fund")
    promised: list[Any] = list(up_to_end.filter(
        kind__in=(K.PLEDGE, K.RECEIPT)).values("kind", "donor_id", "donor_state_id").annotate(
        usd=Sum("usd")).order_by())
    codes, labels = _donors(promised)
    pledges: defaultdict[str, Decimal] = defaultdict(Decimal)
    for item in promised:
        sign = 1 if item["kind"] == K.PLEDGE else -1
        pledges[codes[_donor_key(item)]] += selectors.cents(item["usd"]) * sign
    statement.outstanding_by_donor = _figures(
        {k: v for k, v in pledges.items() if v}, labels, {**end, "kind": "pledge,receipt"},
        "donor")
