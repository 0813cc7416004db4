"""Finance API: the ledger, rates, statements, the concentration check, donor traces."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from clearinghouse.access import policy
from clearinghouse.coordination.models import Activity
from clearinghouse.core.errors import ApplicationError, NotFound
from clearinghouse.core.records import record_pk
from clearinghouse.finance import selectors, services
from clearinghouse.finance.concentration import concentration_check
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, ExchangeRate, Fund
from clearinghouse.finance.report import statement_json
from clearinghouse.finance.statement import statement_build
from clearinghouse.registry.models import Organization, State

router = Router(tags=["finance"])


class EntryOut(Schema):
    id: int
    kind: str
    fund: str = Field(..., alias="fund.code")
    period: str = Field(..., alias="period.code")
    area: str | None = Field(None, alias="area.code")
    activity: str | None = Field(None, alias="activity.identifier")
    object: str
    donor: str | None = Field(None, alias="donor.key")
    donor_state: str | None = Field(None, alias="donor_state.iso3")
    date: dt.date
    amount: Decimal
    currency: str
    rate: Decimal
    usd: Decimal
    pledge: int | None = Field(None, alias="pledge_id")
    allotment: int | None = Field(None, alias="allotment_id")
    obligation: int | None = Field(None, alias="obligation_id")
    adjusts: int | None = Field(None, alias="adjusts_id")
    note: str
    override: str


class EntryIn(Schema):
    kind: str
    fund: str = Field(..., description="Fund code")
    period: str = Field(..., description="Year code, e.g. 2026")
    date: dt.date
    amount: Decimal
    currency: str = "USD"
    donor: str | None = Field(None, description="Organization key (pledges)")
    donor_state: str | None = Field(None, description="ISO alpha-3 (pledges by Governments)")
    pledge: int | None = None
    area: str | None = Field(None, description="Allocation area code")
    activity: str | None = Field(None, description="Activity identifier")
    allotment: int | None = None
    obligation: int | None = None
    object: str = ""
    note: str = ""
    override: str = Field("", description="Why a limit is overridden (audited)")


class EntryFilters(Schema):
    period: str = ""
    fund: str = ""
    kind: str = ""
    area: str = ""
    object: str = ""
    donor: str = ""
    region: str = ""
    ldc: str = ""
    on_or_before: dt.date | None = None
    accounts: str = Field("", description='"un" for the statement\'s scope (no bilateral)')


class RateIn(Schema):
    currency: str
    month: dt.date
    per_usd: Decimal


class RateOut(RateIn):
    pass


@router.get("/entries", response=list[EntryOut], summary="Ledger entries")
@paginate(PageNumberPagination)
def entry_list(request: HttpRequest, filters: Query[EntryFilters]) -> Any:
    return selectors.entry_list(user=request.user, **filters.dict())


@router.post("/entries", response={201: EntryOut}, summary="Post a ledger entry")
def entry_post(request: HttpRequest, payload: EntryIn) -> Any:
    """Post an entry; a broken rule is a 409 naming it, a bad field a 400 naming the field."""
    values = {
        "kind": payload.kind, "date": payload.date, "amount": payload.amount,
        "currency": payload.currency, "object": payload.object, "note": payload.note,
        "fund_id": record_pk(Fund, "fund", payload.fund, key="code"),
        "period_id": record_pk(BudgetPeriod, "period", payload.period, key="code"),
        "donor_id": record_pk(Organization, "donor", payload.donor, key="key"),
        "donor_state_id": record_pk(State, "donor_state", payload.donor_state, key="iso3"),
        "area_id": record_pk(AllocationArea, "area", payload.area, key="code"),
        "activity_id": record_pk(Activity, "activity", payload.activity, key="identifier"),
        "pledge_id": payload.pledge, "allotment_id": payload.allotment,
        "obligation_id": payload.obligation}
    try:
        entry = services.entry_post(user=request.user, values=values, override=payload.override)
    except ApplicationError as error:  # name the payload's fields, not the model's
        error.fields = {k.removesuffix("_id"): v for k, v in error.fields.items()}
        raise
    return Status(201, entry)


@router.get("/rates", response=list[RateOut], summary="UN operational rates of exchange")
@paginate(PageNumberPagination)
def rate_list(request: HttpRequest) -> Any:
    return ExchangeRate.objects.all()


@router.post("/rates", response={201: RateOut})
def rate_create(request: HttpRequest, payload: RateIn) -> Any:
    return Status(201, services.exchange_rate_set(user=request.user, **payload.dict()))


def _period(request: HttpRequest, code: str) -> BudgetPeriod:
    if not policy.actor_for(request.user).staff:
        raise NotFound()
    return get_object_or_404(BudgetPeriod, code=code)


@router.get("/statements/{code}", response=dict[str, Any],
            summary="Statement of expenditure of a period")
def statement(request: HttpRequest, code: str) -> Any:
    """Return every figure (USD, as exact strings) with the ledger link behind it."""
    return statement_json(statement_build(period=_period(request, code)))


@router.get("/concentration/{code}", response=list[dict[str, Any]],
            summary="The VI.3(a) concentration check")
def concentration(request: HttpRequest, code: str) -> Any:
    return [{"label": i.label, "value": str(i.value), "target": i.target, "met": i.met,
             "activities": [{"identifier": a.identifier if a else None, "usd": str(usd)}
                            for a, usd in i.activities]}
            for i in concentration_check(period=_period(request, code))]
