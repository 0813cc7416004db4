"""Write the registry. Every service authorizes first and validates everything before writing.

Invariants of a single record (official languages, known codes, no overlapping memberships)
live in the models' ``clean()``, so the admin enforces them too; services add the checks that
need the user (duplicates among the records the user may see).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from clearinghouse.access import policy
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import (
    Check,
    record_create,
    record_delete,
    record_update,
)
from clearinghouse.registry import selectors
from clearinghouse.registry.models import (
    Expert,
    FocalPoint,
    GroupMembership,
    Organization,
    State,
)

ORGANIZATION_FIELDS = (
    "key", "type", "name", "acronym", "names", "acronyms", "parent_id", "country_id",
    "website", "note", "published",
)
EXPERT_FIELDS = (
    "name", "email", "nationality_id", "nominated_by_id", "organization_id", "expertise",
    "languages", "regions", "available_from", "available_until", "notes",
)
FOCAL_POINT_FIELDS = ("name", "title", "email", "phone", "state_id", "organization_id", "active")
STATE_FIELDS = ("name", "names", "status", "un_admission")
MEMBERSHIP_FIELDS = ("group", "state_id", "start", "end", "note")


def _check_not_duplicate(user: Any, confirmed: bool) -> Check:
    """Return a check that refuses a likely duplicate unless the caller confirmed it."""

    def check(organization: Organization) -> None:
        if confirmed:
            return
        similar = selectors.organization_similar(
            user=user, name=organization.name, acronym=organization.acronym,
            country_id=organization.country_id, exclude_id=organization.pk,
        )
        if similar:
            raise ApplicationError(
                "This organization may already be registered. Check the similar ones, and "
                "confirm that it is a different organization to save it.",
                status=409, code="possible_duplicate",
                fields={"name": [f"Similar to {s.name} ({s.reason})." for s in similar]},
                extra={"similar": [{"id": s.id, "name": s.name, "score": s.score,
                                    "reason": s.reason} for s in similar]},
            )

    return check


def _unique_key(base: str) -> str:
    key = slugify(base)[:50] or "organization"
    candidate, n = key, 1
    while Organization.objects.filter(key=candidate).exists():
        n += 1
        candidate = f"{key}-{n}"
    return candidate


@transaction.atomic
def organization_create(
    *, user: Any, values: Mapping[str, Any], confirm_not_duplicate: bool = False,
    reason: str = "",
) -> Organization:
    """Register an organization. Unless confirmed, refuse one that resembles a visible one.

    A focal point's organization starts unpublished; only the Secretariat publishes.
    """
    values = dict(values)
    values.setdefault("published", policy.actor_for(user).secretariat)
    if not values.get("key"):
        values["key"] = _unique_key(values.get("acronym") or values.get("name") or "")
    return record_create(
        user=user, model=Organization, values=values, editable=ORGANIZATION_FIELDS,
        checks=[_check_not_duplicate(user, confirm_not_duplicate)],
        reason=reason,
    )


def organization_update(
    *, user: Any, organization: Organization, values: Mapping[str, Any],
    confirm_not_duplicate: bool = False, reason: str = "",
) -> Organization:
    """Change an organization; a new name or acronym is checked for duplicates again."""
    checks: list[Check] = []
    renamed = any(
        name in values and values[name] != getattr(organization, name)
        for name in ("name", "acronym")
    )
    if renamed:
        checks.append(_check_not_duplicate(user, confirm_not_duplicate))
    return record_update(
        user=user, instance=organization, values=values, editable=ORGANIZATION_FIELDS,
        checks=checks, reason=reason,
    )


def organization_delete(*, user: Any, organization: Organization, reason: str = "") -> None:
    """Delete an organization that no other record refers to."""
    record_delete(user=user, instance=organization, reason=reason)


def expert_create(*, user: Any, values: Mapping[str, Any], reason: str = "") -> Expert:
    """Put an expert on the roster."""
    return record_create(user=user, model=Expert, values=values, editable=EXPERT_FIELDS,
                         reason=reason)


def expert_update(
    *, user: Any, expert: Expert, values: Mapping[str, Any], reason: str = ""
) -> Expert:
    """Change an expert's roster entry."""
    return record_update(user=user, instance=expert, values=values, editable=EXPERT_FIELDS,
                         reason=reason)


def expert_delete(*, user: Any, expert: Expert, reason: str = "") -> None:
    """Take an expert off the roster."""
    record_delete(user=user, instance=expert, reason=reason)


def focal_point_create(*, user: Any, values: Mapping[str, Any], reason: str = "") -> FocalPoint:
    """Register the contact person of a State or an organization."""
    return record_create(user=user, model=FocalPoint, values=values,
                         editable=FOCAL_POINT_FIELDS, reason=reason)


def focal_point_update(
    *, user: Any, focal_point: FocalPoint, values: Mapping[str, Any], reason: str = ""
) -> FocalPoint:
    """Change a focal point's contact record."""
    return record_update(user=user, instance=focal_point, values=values,
                         editable=FOCAL_POINT_FIELDS, reason=reason)


def focal_point_delete(*, user: Any, focal_point: FocalPoint, reason: str = "") -> None:
    """Remove a focal point's contact record."""
    record_delete(user=user, instance=focal_point, reason=reason)


def state_update(
    *, user: Any, state: State, values: Mapping[str, Any], reason: str = ""
) -> State:
    """Change a State's names, status or admission date; its codes are fixed by ISO and M49."""
    return record_update(user=user, instance=state, values=values, editable=STATE_FIELDS,
                         reason=reason)


def membership_create(
    *, user: Any, values: Mapping[str, Any], reason: str = ""
) -> GroupMembership:
    """Record that a State joined a group (LDC, LLDC, SIDS) on a date."""
    return record_create(user=user, model=GroupMembership, values=values,
                         editable=MEMBERSHIP_FIELDS, reason=reason)


def membership_update(
    *, user: Any, membership: GroupMembership, values: Mapping[str, Any], reason: str = ""
) -> GroupMembership:
    """Change a membership, typically to record a graduation as its end date."""
    return record_update(user=user, instance=membership, values=values,
                         editable=MEMBERSHIP_FIELDS, reason=reason)


def membership_delete(*, user: Any, membership: GroupMembership, reason: str = "") -> None:
    """Delete a membership entered in error."""
    record_delete(user=user, instance=membership, reason=reason)
