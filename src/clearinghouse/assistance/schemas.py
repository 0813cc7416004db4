"""API schemas of the clearing-house."""

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

KindName = Literal["expert_days", "training_places", "funds"]


class RequestLineIn(Schema):
    kind: KindName
    theme: str = Field(..., description="Theme code")
    expertise: str | None = Field(None, description="Expertise area code (expert-days)")
    language: str = Field("", description="ISO 639-1; blank if any")
    subject: str = ""
    quantity: int = Field(..., ge=1, description="Days, places, or whole currency units")
    currency: str = Field("", description="ISO 4217, for funds")


class RequestIn(Schema):
    type: Literal["technical_cooperation", "advisory_services", "training", "urgent_operation"]
    state: str = Field(..., description="Beneficiary State, ISO alpha-3")
    title: str = Field(..., max_length=200)
    description: str = ""
    urgent: bool = False
    themes: list[str]
    provisions: list[int] = Field([], description="Ids of the provisions it serves")
    lines: list[RequestLineIn]
    submit: bool = Field(False, description="Submit at once instead of keeping a draft")


class RequestLineOut(Schema):
    id: int
    kind: str
    theme: str = Field(..., alias="theme_id")
    expertise: str | None = Field(None, alias="expertise_id")
    language: str
    subject: str
    quantity: int
    currency: str


class ClockOut(Schema):
    days_waiting: int | None
    target_days: int
    overdue: bool


class RequestOut(Schema):
    id: int
    reference: str
    type: str
    state: str = Field(..., alias="state.iso3")
    title: str
    description: str
    urgent: bool
    ldc: bool
    themes: list[str]
    provisions: list[int]
    status: str
    status_reason: str
    submitted_at: dt.datetime | None
    responded_at: dt.datetime | None


class RequestDetailOut(RequestOut):
    lines: list[RequestLineOut]
    clock: ClockOut

    @staticmethod
    def resolve_lines(obj: Any) -> list[Any]:
        return list(obj.lines.all())

    @staticmethod
    def resolve_clock(obj: Any) -> Any:
        from clearinghouse.assistance.selectors import request_clock

        return request_clock(request=obj)


class TransitionIn(Schema):
    action: str = Field(..., description="submit, screen, match, approve, start, complete, "
                                         "evaluate, decline or withdraw")
    reason: str = ""


class ReasonIn(Schema):
    reason: str = ""


class RequestFilters(Schema):
    status: str = ""
    type: str = ""
    urgent: bool | None = None
    state: str = ""
    theme: str = ""
    overdue: bool = False
    q: str = ""


class OfferLineIn(Schema):
    kind: KindName
    themes: list[str]
    expertise: list[str] | None = None
    languages: list[str] | None = None
    regions: list[str] | None = Field(None, description="M49 region codes")
    countries: list[str] | None = Field(None, description="ISO alpha-3 codes")
    subject: str = ""
    capacity: int = Field(..., ge=1)
    currency: str = ""
    available_from: dt.date | None = None
    available_until: dt.date | None = None


class OfferIn(Schema):
    provider: str = Field(..., description="Organization key")
    title: str = Field(..., max_length=200)
    description: str = ""
    lines: list[OfferLineIn]


class OfferLineOut(Schema):
    id: int
    kind: str
    themes: list[str]
    expertise: list[str] | None
    languages: list[str] | None
    regions: list[str] | None
    countries: list[str] | None
    capacity: int
    committed: int
    currency: str
    available_from: dt.date | None
    available_until: dt.date | None


class OfferOut(Schema):
    id: int
    reference: str
    provider: str = Field(..., alias="provider.key")
    title: str
    description: str
    status: str
    lines: list[OfferLineOut]


class RunIn(Schema):
    as_of: dt.date | None = None


class ProposalOut(Schema):
    id: int
    request_line: int = Field(..., alias="request_line_id")
    offer_line: int = Field(..., alias="offer_line_id")
    quantity: int
    value: float
    why: str
    status: str
    reason: str


class RunOut(Schema):
    id: int
    as_of: dt.date
    status: str
    solver_status: str
    objective: float | None
    bound: float | None
    seconds: float | None
    request_lines: int
    offer_lines: int
    unserved: list[dict[str, str]]


class DecisionIn(Schema):
    decision: Literal["accept", "reject"]
    reason: str = ""


class CommitmentOut(Schema):
    id: int
    request_line: int = Field(..., alias="request_line_id")
    offer_line: int = Field(..., alias="offer_line_id")
    state: str = Field(..., alias="state.iso3")
    provider: str = Field(..., alias="provider.key")
    activity: str | None = Field(None, alias="activity.identifier")
    requested: int
    committed: int
    delivered: int


class DeliveryIn(Schema):
    delivered: int = Field(..., ge=0, description="Units delivered so far")


class ThemeOut(Schema):
    code: str
    name: str
    dac_sector: str


class PriorityThemesOut(Schema):
    version: int
    effective_from: dt.date
    themes: list[str]
    note: str


class PriorityThemesIn(Schema):
    themes: list[str]
    effective_from: dt.date
    note: str = ""
