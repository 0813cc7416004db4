"""Coordination register API."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from clearinghouse.coordination import selectors

router = Router(tags=["coordination"])


class ActivityOut(Schema):
    id: int
    identifier: str
    title: str
    source: str
    status: str
    implementer: str | None = Field(None, alias="implementer.key")
    implementer_name: str
    beneficiary: str | None = Field(None, alias="beneficiary.iso3")
    request: int | None = Field(None, alias="request_id")
    themes: list[str]
    provisions: list[int]
    start: dt.date | None
    end: dt.date | None


@router.get("/activities", response=list[ActivityOut], summary="The coordination register")
@paginate(PageNumberPagination)
def activity_list(request: HttpRequest, source: str = "", state: str = "", q: str = "") -> Any:
    return selectors.activity_list(user=request.user, source=source, state=state, q=q)
