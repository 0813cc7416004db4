"""API schemas of the registry: one input and one output schema per operation."""


import datetime as dt
from typing import Any

from ninja import Field, Schema


class AreaRef(Schema):
    code: str
    name: str


class AreaOut(AreaRef):
    level: str
    parent: str | None = Field(None, alias="parent.code")


class StateOut(Schema):
    iso2: str
    iso3: str
    m49: str
    name: str
    names: dict[str, str]
    status: str
    un_admission: dt.date | None
    region: AreaRef
    subregion: AreaRef
    intermediate_region: AreaRef | None


class StateFilters(Schema):
    q: str = ""
    region: str = Field("", description="M49 region code, e.g. 002 for Africa")
    subregion: str = Field("", description="M49 sub-region or intermediate region code")
    group: str = Field("", description="LDC, LLDC or SIDS, judged on the date `on`")
    on: dt.date | None = Field(None, description="Date for the group filter (default today)")
    status: str = Field("", description="member or observer")


class StateGroupsOut(Schema):
    iso3: str
    on: dt.date
    groups: list[str]


class StatePatch(Schema):
    name: str | None = None
    names: dict[str, str] | None = None
    status: str | None = None
    un_admission: dt.date | None = None
    reason: str = ""


class MembershipOut(Schema):
    id: int
    group: str
    state: str = Field(..., alias="state.iso3")
    start: dt.date
    end: dt.date | None
    note: str


class MembershipFilters(Schema):
    group: str = ""
    state: str = Field("", description="ISO alpha-3 code")
    on: dt.date | None = Field(None, description="Only memberships in force on this date")


class MembershipIn(Schema):
    group: str
    state: str = Field(..., description="ISO alpha-3 code")
    start: dt.date
    end: dt.date | None = None
    note: str = ""
    reason: str = ""


class MembershipPatch(Schema):
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None
    reason: str = ""


class OrganizationOut(Schema):
    id: int
    key: str
    type: str
    name: str
    acronym: str
    names: dict[str, str]
    acronyms: dict[str, str]
    parent_id: int | None
    country: str | None = Field(None, alias="country.iso3")
    website: str
    note: str
    published: bool


class OrganizationFilters(Schema):
    q: str = ""
    type: str = ""
    country: str = Field("", description="ISO alpha-3 code")
    published: bool | None = None


class OrganizationIn(Schema):
    key: str = ""
    type: str
    name: str
    acronym: str = ""
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    parent_id: int | None = None
    country: str | None = Field(None, description="ISO alpha-3 code")
    website: str = ""
    note: str = ""
    published: bool | None = Field(None, description="Default: published if Secretariat")
    confirm_not_duplicate: bool = False
    reason: str = ""


class OrganizationPatch(Schema):
    key: str | None = None
    type: str | None = None
    name: str | None = None
    acronym: str | None = None
    names: dict[str, str] | None = None
    acronyms: dict[str, str] | None = None
    parent_id: int | None = None
    country: str | None = None
    website: str | None = None
    note: str | None = None
    published: bool | None = None
    confirm_not_duplicate: bool = False
    reason: str = ""


class SimilarOut(Schema):
    id: int
    name: str
    score: float
    reason: str


class ExpertOut(Schema):
    id: int
    name: str
    email: str
    nationality: str | None = Field(None, alias="nationality.iso3")
    nominated_by: str | None = Field(None, alias="nominated_by.iso3")
    organization_id: int | None
    expertise: list[str]
    languages: list[str]
    regions: list[str]
    available_from: dt.date | None
    available_until: dt.date | None
    notes: str


class ExpertFilters(Schema):
    q: str = ""
    expertise: str = ""
    language: str = Field("", description="ISO 639-1 code")
    region: str = Field("", description="M49 code")
    available_on: dt.date | None = None


class ExpertIn(Schema):
    name: str
    email: str | None = None
    nationality: str | None = None
    nominated_by: str | None = None
    organization_id: int | None = None
    expertise: list[str] = []
    languages: list[str] = []
    regions: list[str] = []
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    notes: str = ""
    reason: str = ""


class ExpertPatch(Schema):
    name: str | None = None
    email: str | None = None
    nationality: str | None = None
    nominated_by: str | None = None
    organization_id: int | None = None
    expertise: list[str] | None = None
    languages: list[str] | None = None
    regions: list[str] | None = None
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    notes: str | None = None
    reason: str = ""


class FocalPointOut(Schema):
    id: int
    name: str
    title: str
    email: str
    phone: str
    state: str | None = Field(None, alias="state.iso3")
    organization_id: int | None
    active: bool


class FocalPointFilters(Schema):
    q: str = ""
    state: str = ""
    organization: str = Field("", description="Organization key")


class FocalPointIn(Schema):
    name: str
    title: str = ""
    email: str
    phone: str = ""
    state: str | None = None
    organization_id: int | None = None
    active: bool = True
    reason: str = ""


class FocalPointPatch(Schema):
    name: str | None = None
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    state: str | None = None
    organization_id: int | None = None
    active: bool | None = None
    reason: str = ""


def as_values(payload: Schema, *, states: tuple[str, ...] = (), partial: bool) -> dict[str, Any]:
    """Return a service's ``values`` from a payload; State codes stay for the caller to map.

    Control fields (``reason``, ``confirm_not_duplicate``) are left out.
    """
    data = payload.dict(exclude_unset=partial)
    for control in ("reason", "confirm_not_duplicate"):
        data.pop(control, None)
    if not partial:
        data = {k: v for k, v in data.items() if v is not None or k in states}
    return data
