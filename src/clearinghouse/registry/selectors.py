"""Read the registry, always through the policy's view of what the user may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from clearinghouse.access import policy
from clearinghouse.registry.duplicates import Candidate, Similar, find_similar
from clearinghouse.registry.models import (
    Area,
    Expert,
    ExpertiseArea,
    FocalPoint,
    GroupMembership,
    Organization,
    State,
)


def state_list(
    *, user: Any, q: str = "", region: str = "", subregion: str = "", group: str = "",
    on: dt.date | None = None, status: str = "",
) -> QuerySet[State]:
    """Return States matching the filters; ``group`` is judged on the date ``on`` (today)."""
    qs = policy.visible(user, State.objects.select_related("region", "subregion",
                                                          "intermediate_region"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(iso3__iexact=q) | Q(iso2__iexact=q)
                       | Q(m49=q))
    if region:
        qs = qs.filter(region__code=region)
    if subregion:
        qs = qs.filter(Q(subregion__code=subregion) | Q(intermediate_region__code=subregion))
    if status:
        qs = qs.filter(status=status)
    if group:
        qs = qs.filter(pk__in=_members_on(group, on or dt.date.today()))
    return qs


def _members_on(group: str, day: dt.date) -> QuerySet[GroupMembership, Any]:
    return GroupMembership.objects.filter(
        Q(end__isnull=True) | Q(end__gt=day), group=group, start__lte=day
    ).values("state_id")


def state_in_group(*, state: State, group: str, on: dt.date) -> bool:
    """Answer "was this State in this group (LDC, LLDC, SIDS) on this date"."""
    return _members_on(group, on).filter(state_id=state.pk).exists()


def state_groups_on(*, state: State, on: dt.date) -> list[str]:
    """Return the groups the State belonged to on a date."""
    return sorted(
        GroupMembership.objects.filter(
            Q(end__isnull=True) | Q(end__gt=on), state=state, start__lte=on
        ).values_list("group", flat=True)
    )


def state_get(*, user: Any, iso3: str) -> State:
    """Return a State by its alpha-3 code."""
    state: State = policy.visible(user, State.objects.all()).get(iso3=iso3.upper())
    return state


def area_list(*, user: Any, level: str = "") -> QuerySet[Area]:
    """Return M49 areas, optionally of one level."""
    qs = policy.visible(user, Area.objects.select_related("parent"))
    return qs.filter(level=level) if level else qs


def membership_list(
    *, user: Any, group: str = "", state: str = "", on: dt.date | None = None
) -> QuerySet[GroupMembership]:
    """Return group memberships, optionally of one group, one State, or in force on a date."""
    qs = policy.visible(user, GroupMembership.objects.select_related("state"))
    if group:
        qs = qs.filter(group=group)
    if state:
        qs = qs.filter(state__iso3=state.upper())
    if on:
        qs = qs.filter(Q(end__isnull=True) | Q(end__gt=on), start__lte=on)
    return qs


def organization_list(
    *, user: Any, q: str = "", type: str = "", country: str = "", published: bool | None = None
) -> QuerySet[Organization]:
    """Return the organizations the user may see, filtered."""
    qs = policy.visible(user, Organization.objects.select_related("country", "parent"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(acronym__icontains=q) | Q(key__icontains=q))
    if type:
        qs = qs.filter(type=type)
    if country:
        qs = qs.filter(country__iso3=country.upper())
    if published is not None:
        qs = qs.filter(published=published)
    return qs


def organization_similar(
    *, user: Any, name: str, acronym: str, country_id: int | None = None,
    exclude_id: int | None = None,
) -> list[Similar]:
    """Return visible organizations that resemble a proposed name and acronym.

    Only records the user may see are compared, so a warning never reveals another State's
    drafts. Government bodies are compared within their own country.
    """
    qs = policy.visible(user, Organization.objects.all())
    if country_id is not None:
        qs = qs.filter(Q(country_id=country_id) | ~Q(type=Organization.Type.GOVERNMENT))
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    candidates = (
        Candidate(
            id=o.pk, name=o.name, acronym=o.acronym,
            other_names=tuple(o.names.values()), other_acronyms=tuple(o.acronyms.values()),
        )
        for o in qs.only("id", "name", "acronym", "names", "acronyms")
    )
    return find_similar(name, acronym, candidates)


def expert_list(
    *, user: Any, q: str = "", expertise: str = "", language: str = "", region: str = "",
    available_on: dt.date | None = None,
) -> QuerySet[Expert]:
    """Return the roster entries the user may see, filtered."""
    qs = policy.visible(user, Expert.objects.select_related("nationality", "organization",
                                                           "nominated_by"))
    if q:
        qs = qs.filter(name__icontains=q)
    if available_on:
        qs = qs.filter(Q(available_from__isnull=True) | Q(available_from__lte=available_on),
                       Q(available_until__isnull=True) | Q(available_until__gte=available_on))
    # JSON list membership is filtered in Python: SQLite has no portable JSON containment.
    if expertise or language or region:
        ids = [
            e.pk for e in qs
            if (not expertise or expertise in e.expertise)
            and (not language or language in e.languages)
            and (not region or region in e.regions)
        ]
        qs = qs.filter(pk__in=ids)
    return qs


def expertise_list(*, user: Any) -> QuerySet[ExpertiseArea]:
    """Return the expertise vocabulary."""
    return policy.visible(user, ExpertiseArea.objects.all())


def focal_point_list(
    *, user: Any, q: str = "", state: str = "", organization: str = ""
) -> QuerySet[FocalPoint]:
    """Return the focal points the user may see, filtered."""
    qs = policy.visible(user, FocalPoint.objects.select_related("state", "organization"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(email__icontains=q))
    if state:
        qs = qs.filter(state__iso3=state.upper())
    if organization:
        qs = qs.filter(organization__key=organization)
    return qs
