"""Jobs through the API: start one, follow its progress."""


import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from clearinghouse.jobs import selectors, services

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    params: dict[str, Any]
    status: str
    done: int
    total: int
    percent: int
    message: str
    result: Any = None
    error: str
    created: dt.datetime
    started: dt.datetime | None
    finished: dt.datetime | None


class JobIn(Schema):
    kind: str
    params: dict[str, Any] = {}


@router.get("", response=list[JobOut])
@paginate(PageNumberPagination)
def job_list(request: HttpRequest, kind: str = "", status: str = "") -> Any:
    return selectors.job_list(user=request.user, kind=kind, status=status)


@router.post("", response={202: JobOut})
def job_start(request: HttpRequest, payload: JobIn) -> Any:
    """Start a job; poll ``GET /api/jobs/{id}`` for its progress."""
    job = services.job_start(user=request.user, kind=payload.kind, params=payload.params)
    return Status(202, job)


@router.get("/{job_id}", response=JobOut)
def job_detail(request: HttpRequest, job_id: int) -> Any:
    return selectors.job_get(user=request.user, job_id=job_id)
