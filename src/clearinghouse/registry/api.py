"""Registry API: States, areas, group memberships, organizations, experts and focal points.

Handlers validate with schemas, call one selector or service, and return its result.
"""


import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from clearinghouse.audit.api import AuditEntryOut, history
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.registry import schemas as s
from clearinghouse.registry import selectors, services
from clearinghouse.registry.models import (
    Expert,
    FocalPoint,
    GroupMembership,
    Organization,
    State,
)

router = Router(tags=["registry"])


def _values(payload: Schema, *, partial: bool, states: tuple[str, ...] = (),
            blank_strings: tuple[str, ...] = ()) -> dict[str, Any]:
    """Map a payload to service values: State codes become ``<field>_id``, None becomes ""."""
    values = s.as_values(payload, states=states, partial=partial)
    for field in states:
        if field in values:
            code = values.pop(field)
            state = State.objects.filter(iso3=str(code).upper()).first() if code else None
            if code and state is None:
                raise ApplicationError("The input is not valid.",
                                       fields={field: [f"Unknown ISO alpha-3 code: {code}."]})
            values[f"{field}_id"] = state.pk if state else None
    for field in blank_strings:
        if field in values and values[field] is None:
            values[field] = ""
    return values


# States and areas ------------------------------------------------------------------------

@router.get("/areas", response=list[s.AreaOut], summary="M49 areas")
@paginate(PageNumberPagination)
def area_list(request: HttpRequest, level: str = "") -> Any:
    return selectors.area_list(user=request.user, level=level)


@router.get("/states", response=list[s.StateOut], summary="Member and observer States")
@paginate(PageNumberPagination)
def state_list(request: HttpRequest, filters: Query[s.StateFilters]) -> Any:
    return selectors.state_list(user=request.user, **filters.dict())


@router.get("/states/{iso3}", response=s.StateOut)
def state_detail(request: HttpRequest, iso3: str) -> Any:
    return record_visible_or_404(request.user, State, iso3=iso3.upper())


@router.get("/states/{iso3}/groups", response=s.StateGroupsOut,
            summary="Groups (LDC, LLDC, SIDS) of a State on a date")
def state_groups(request: HttpRequest, iso3: str, on: dt.date | None = None) -> Any:
    """Answer "was this State an LDC on this date" and the like; ``on`` defaults to today."""
    state = record_visible_or_404(request.user, State, iso3=iso3.upper())
    day = on or dt.date.today()
    return {"iso3": state.iso3, "on": day,
            "groups": selectors.state_groups_on(state=state, on=day)}


@router.patch("/states/{iso3}", response=s.StateOut)
def state_update(request: HttpRequest, iso3: str, payload: s.StatePatch) -> Any:
    state = record_visible_or_404(request.user, State, iso3=iso3.upper())
    return services.state_update(user=request.user, state=state,
                                 values=_values(payload, partial=True), reason=payload.reason)


@router.get("/states/{iso3}/history", response=list[AuditEntryOut])
def state_history(request: HttpRequest, iso3: str) -> Any:
    return history(request.user, record_visible_or_404(request.user, State, iso3=iso3.upper()))


# Group memberships -----------------------------------------------------------------------

@router.get("/memberships", response=list[s.MembershipOut], summary="LDC, LLDC, SIDS")
@paginate(PageNumberPagination)
def membership_list(request: HttpRequest, filters: Query[s.MembershipFilters]) -> Any:
    return selectors.membership_list(user=request.user, **filters.dict())


@router.post("/memberships", response={201: s.MembershipOut})
def membership_create(request: HttpRequest, payload: s.MembershipIn) -> Any:
    values = _values(payload, partial=False, states=("state",))
    membership = services.membership_create(user=request.user, values=values,
                                            reason=payload.reason)
    return Status(201, membership)


@router.patch("/memberships/{membership_id}", response=s.MembershipOut)
def membership_update(request: HttpRequest, membership_id: int,
                      payload: s.MembershipPatch) -> Any:
    membership = record_visible_or_404(request.user, GroupMembership, pk=membership_id)
    return services.membership_update(user=request.user, membership=membership,
                                      values=_values(payload, partial=True),
                                      reason=payload.reason)


@router.delete("/memberships/{membership_id}", response={204: None})
def membership_delete(request: HttpRequest, membership_id: int, reason: str = "") -> Any:
    membership = record_visible_or_404(request.user, GroupMembership, pk=membership_id)
    services.membership_delete(user=request.user, membership=membership, reason=reason)
    return Status(204, None)


# Organizations ---------------------------------------------------------------------------

@router.get("/organizations", response=list[s.OrganizationOut])
@paginate(PageNumberPagination)
def organization_list(request: HttpRequest, filters: Query[s.OrganizationFilters]) -> Any:
    return selectors.organization_list(user=request.user, **filters.dict())


@router.get("/organizations/similar", response=list[s.SimilarOut],
            summary="Organizations resembling a proposed name or acronym")
def organization_similar(request: HttpRequest, name: str = "", acronym: str = "",
                         country: str = "") -> Any:
    state = State.objects.filter(iso3=country.upper()).first() if country else None
    return selectors.organization_similar(user=request.user, name=name, acronym=acronym,
                                          country_id=state.pk if state else None)


@router.post("/organizations", response={201: s.OrganizationOut})
def organization_create(request: HttpRequest, payload: s.OrganizationIn) -> Any:
    """Register an organization; a likely duplicate is a 409 listing the similar ones.

    Send it again with ``confirm_not_duplicate: true`` once checked.
    """
    values = _values(payload, partial=False, states=("country",))
    organization = services.organization_create(
        user=request.user, values=values,
        confirm_not_duplicate=payload.confirm_not_duplicate, reason=payload.reason,
    )
    return Status(201, organization)


@router.get("/organizations/{organization_id}", response=s.OrganizationOut)
def organization_detail(request: HttpRequest, organization_id: int) -> Any:
    return record_visible_or_404(request.user, Organization, pk=organization_id)


@router.patch("/organizations/{organization_id}", response=s.OrganizationOut)
def organization_update(request: HttpRequest, organization_id: int,
                        payload: s.OrganizationPatch) -> Any:
    organization = record_visible_or_404(request.user, Organization, pk=organization_id)
    return services.organization_update(
        user=request.user, organization=organization,
        values=_values(payload, partial=True, states=("country",),
                       blank_strings=("acronym", "website", "note")),
        confirm_not_duplicate=payload.confirm_not_duplicate, reason=payload.reason,
    )


@router.delete("/organizations/{organization_id}", response={204: None})
def organization_delete(request: HttpRequest, organization_id: int, reason: str = "") -> Any:
    organization = record_visible_or_404(request.user, Organization, pk=organization_id)
    services.organization_delete(user=request.user, organization=organization, reason=reason)
    return Status(204, None)


@router.get("/organizations/{organization_id}/history", response=list[AuditEntryOut])
def organization_history(request: HttpRequest, organization_id: int) -> Any:
    organization = record_visible_or_404(request.user, Organization, pk=organization_id)
    return history(request.user, organization)


# Experts ---------------------------------------------------------------------------------

EXPERT_STATES = ("nationality", "nominated_by")


@router.get("/experts", response=list[s.ExpertOut])
@paginate(PageNumberPagination)
def expert_list(request: HttpRequest, filters: Query[s.ExpertFilters]) -> Any:
    return selectors.expert_list(user=request.user, **filters.dict())


@router.post("/experts", response={201: s.ExpertOut})
def expert_create(request: HttpRequest, payload: s.ExpertIn) -> Any:
    values = _values(payload, partial=False, states=EXPERT_STATES, blank_strings=("email",))
    expert = services.expert_create(user=request.user, values=values, reason=payload.reason)
    return Status(201, expert)


@router.get("/experts/{expert_id}", response=s.ExpertOut)
def expert_detail(request: HttpRequest, expert_id: int) -> Any:
    return record_visible_or_404(request.user, Expert, pk=expert_id)


@router.patch("/experts/{expert_id}", response=s.ExpertOut)
def expert_update(request: HttpRequest, expert_id: int, payload: s.ExpertPatch) -> Any:
    expert = record_visible_or_404(request.user, Expert, pk=expert_id)
    values = _values(payload, partial=True, states=EXPERT_STATES,
                     blank_strings=("email", "notes", "name"))
    return services.expert_update(user=request.user, expert=expert, values=values,
                                  reason=payload.reason)


@router.delete("/experts/{expert_id}", response={204: None})
def expert_delete(request: HttpRequest, expert_id: int, reason: str = "") -> Any:
    expert = record_visible_or_404(request.user, Expert, pk=expert_id)
    services.expert_delete(user=request.user, expert=expert, reason=reason)
    return Status(204, None)


@router.get("/experts/{expert_id}/history", response=list[AuditEntryOut])
def expert_history(request: HttpRequest, expert_id: int) -> Any:
    return history(request.user, record_visible_or_404(request.user, Expert, pk=expert_id))


# Focal points ----------------------------------------------------------------------------

@router.get("/focal-points", response=list[s.FocalPointOut])
@paginate(PageNumberPagination)
def focal_point_list(request: HttpRequest, filters: Query[s.FocalPointFilters]) -> Any:
    return selectors.focal_point_list(user=request.user, **filters.dict())


@router.post("/focal-points", response={201: s.FocalPointOut})
def focal_point_create(request: HttpRequest, payload: s.FocalPointIn) -> Any:
    values = _values(payload, partial=False, states=("state",))
    focal_point = services.focal_point_create(user=request.user, values=values,
                                              reason=payload.reason)
    return Status(201, focal_point)


@router.get("/focal-points/{focal_point_id}", response=s.FocalPointOut)
def focal_point_detail(request: HttpRequest, focal_point_id: int) -> Any:
    return record_visible_or_404(request.user, FocalPoint, pk=focal_point_id)


@router.patch("/focal-points/{focal_point_id}", response=s.FocalPointOut)
def focal_point_update(request: HttpRequest, focal_point_id: int,
                       payload: s.FocalPointPatch) -> Any:
    focal_point = record_visible_or_404(request.user, FocalPoint, pk=focal_point_id)
    values = _values(payload, partial=True, states=("state",),
                     blank_strings=("title", "phone", "name"))
    return services.focal_point_update(user=request.user, focal_point=focal_point,
                                       values=values, reason=payload.reason)


@router.delete("/focal-points/{focal_point_id}", response={204: None})
def focal_point_delete(request: HttpRequest, focal_point_id: int, reason: str = "") -> Any:
    focal_point = record_visible_or_404(request.user, FocalPoint, pk=focal_point_id)
    services.focal_point_delete(user=request.user, focal_point=focal_point, reason=reason)
    return Status(204, None)


@router.get("/focal-points/{focal_point_id}/history", response=list[AuditEntryOut])
def focal_point_history(request: HttpRequest, focal_point_id: int) -> Any:
    return history(request.user, record_visible_or_404(request.user, FocalPoint, pk=focal_point_id))
