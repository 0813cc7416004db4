"""The rule objects the policy applies, one per kind of record, and the actor they judge.

``policy.RULES`` maps each model to its rule; only ``policy`` calls them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

Values = Mapping[str, Any]

SECRETARIAT = "secretariat"
FINANCE = "finance"
STATE_FOCAL_POINT = "state_focal_point"
PROVIDER_FOCAL_POINT = "provider_focal_point"
COMMISSION_READER = "commission_reader"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking, reduced to what the rules need."""

    user_id: int | None
    kind: str | None
    state_id: int | None = None
    organization_id: int | None = None
    superuser: bool = False

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def secretariat(self) -> bool:
        return self.superuser or self.kind == SECRETARIAT

    @property
    def staff(self) -> bool:
        """Return whether the actor sees every non-public record (Secretariat or finance)."""
        return self.secretariat or self.kind == FINANCE


ANONYMOUS = Actor(user_id=None, kind=None)


def _value(values: Values | None, obj: models.Model | None, name: str) -> Any:
    """Return the proposed value of a field, falling back to the object's current value."""
    if values is not None and name in values:
        return values[name]
    return getattr(obj, name, None) if obj is not None else None


class Rule:
    """Default rule: the Secretariat does everything, nobody else anything."""

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        return qs if actor.staff else qs.none()

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return actor.staff

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        """Return whether the actor may write a record with these (proposed) values."""
        return actor.secretariat

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.secretariat


class ReferenceRule(Rule):
    """Reference data: public to read, the Secretariat writes."""

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        return qs

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return True


class OrganizationRule(Rule):
    """Published organizations are public; a State's focal point drafts its government bodies.

    A State focal point writes only its own State's unpublished government bodies: once the
    Secretariat publishes a record, changes to it are the Secretariat's. A provider focal
    point may keep its own organization's descriptive fields (website, note, names in other
    languages) up to date, but not its identity, type, place or publication.
    """

    PROVIDER_EDITABLE = frozenset({"website", "note", "names", "acronyms"})

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        if actor.staff:
            return qs
        scope = Q(published=True)
        if actor.kind == STATE_FOCAL_POINT:
            scope |= Q(country_id=actor.state_id)
        if actor.kind == PROVIDER_FOCAL_POINT:
            scope |= Q(pk=actor.organization_id)
        return qs.filter(scope)

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return (
            actor.staff
            or obj.published
            or (actor.kind == STATE_FOCAL_POINT and obj.country_id == actor.state_id)
            or (actor.kind == PROVIDER_FOCAL_POINT and obj.pk == actor.organization_id)
        )

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        if actor.secretariat:
            return True
        if actor.kind == STATE_FOCAL_POINT:

            def own_draft(o: Any | None, v: Values | None) -> bool:
                return bool(not _value(v, o, "published")
                            and _value(v, o, "country_id") == actor.state_id
                            and _value(v, o, "type") == "government")

            # Both the record as it is and as it would become must be an own-State draft.
            return own_draft(obj, values) and (obj is None or own_draft(obj, None))
        if actor.kind == PROVIDER_FOCAL_POINT and obj is not None:
            return bool(obj.pk == actor.organization_id
                        and set(values or {}) <= self.PROVIDER_EDITABLE)
        return False

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        if actor.secretariat:
            return True
        return bool(
            actor.kind == STATE_FOCAL_POINT
            and not obj.published
            and obj.country_id == actor.state_id
        )


class ScopedRule(Rule):
    """Non-public records owned by a State or an organization through named fields.

    Staff see all. A State focal point sees and writes those whose ``state_field`` is its
    State; a provider focal point those whose ``organization_field`` is its organization.
    With ``scoped_writes`` off, only the Secretariat writes.
    """

    def __init__(
        self, *, state_field: str | None, organization_field: str | None, scoped_writes: bool
    ) -> None:
        self.state_field = state_field
        self.organization_field = organization_field
        self.scoped_writes = scoped_writes

    def _owns(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        if actor.kind == STATE_FOCAL_POINT and self.state_field:
            return bool(_value(values, obj, self.state_field + "_id") == actor.state_id)
        if actor.kind == PROVIDER_FOCAL_POINT and self.organization_field:
            owner = _value(values, obj, self.organization_field + "_id")
            return bool(owner == actor.organization_id)
        return False

    def _keeps_other_owner(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        """Return whether the other scope's owner field is left as it is (None on create).

        A record may belong to a State and an organization at once; neither focal point may
        move it into or out of the other's scope.
        """
        other = self.organization_field if actor.kind == STATE_FOCAL_POINT else self.state_field
        if other is None:
            return True
        key = other + "_id"
        current = getattr(obj, key) if obj is not None else None
        proposed = values.get(key, current) if values is not None else current
        return bool(proposed == current)

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        if actor.staff:
            return qs
        if actor.kind == STATE_FOCAL_POINT and self.state_field:
            return qs.filter(**{self.state_field + "_id": actor.state_id})
        if actor.kind == PROVIDER_FOCAL_POINT and self.organization_field:
            return qs.filter(**{self.organization_field + "_id": actor.organization_id})
        return qs.none()

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return actor.staff or self._owns(actor, obj, None)

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        if actor.secretariat:
            return True
        if not self.scoped_writes:
            return False
        return (
            self._owns(actor, obj, values)
            and (obj is None or self._owns(actor, obj, None))
            and self._keeps_other_owner(actor, obj, values)
        )

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return self.can_hold(actor, obj, None)


class OwnRecordRule(Rule):
    """Records that belong to the user who created them (jobs): theirs and the Secretariat's."""

    def __init__(self, owner_field: str) -> None:
        self.owner_field = owner_field

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        if actor.secretariat:
            return qs
        if not actor.authenticated:
            return qs.none()
        return qs.filter(**{self.owner_field + "_id": actor.user_id})

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return actor.secretariat or (
            actor.authenticated and getattr(obj, self.owner_field + "_id") == actor.user_id
        )

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        return actor.authenticated


class FinanceReferenceRule(ReferenceRule):
    """Funds, budget periods, allocation areas, rates: public to read; finance writes."""

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        return actor.superuser or actor.kind == FINANCE

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return actor.superuser


class LedgerRule(Rule):
    """Ledger entries: staff read; finance officers post; a donor follows its contributions.

    A provider focal point sees the entries of its organization's pledges: the pledges, their
    receipts, the allotments funded from them, and the charges to those allotments.
    """

    @staticmethod
    def _donor_scope(organization_id: int | None) -> Q:
        return (Q(donor_id=organization_id) | Q(pledge__donor_id=organization_id)
                | Q(allotment__pledge__donor_id=organization_id))

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        if actor.staff:
            return qs
        if actor.kind == PROVIDER_FOCAL_POINT and actor.organization_id:
            return qs.filter(self._donor_scope(actor.organization_id))
        return qs.none()

    def can_view(self, actor: Actor, obj: Any) -> bool:
        if actor.staff:
            return True
        return bool(actor.kind == PROVIDER_FOCAL_POINT and actor.organization_id and type(
            obj)._default_manager.filter(self._donor_scope(actor.organization_id),
                                         pk=obj.pk).exists())

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        return actor.superuser or actor.kind == FINANCE

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return False  # the ledger is corrected by adjusting entries, never by deletion


class ParentRule(Rule):
    """Parts of a record (request lines, offer lines): read and written as their parent is.

    ``parent_label`` names the parent model ("assistance.request"); ``parent_field`` the
    foreign key to it. Writing a part needs the right to change the parent as it stands.
    """

    def __init__(self, parent_label: str, parent_field: str) -> None:
        self.parent_label = parent_label
        self.parent_field = parent_field

    def _parent(self, obj: Any | None, values: Values | None) -> Any:
        from django.apps import apps

        parent_id = _value(values, obj, self.parent_field + "_id")
        if obj is not None and parent_id == getattr(obj, self.parent_field + "_id"):
            return getattr(obj, self.parent_field)
        model = apps.get_model(self.parent_label)
        return None if parent_id is None else model._default_manager.filter(pk=parent_id).first()

    def visible(self, actor: Actor, qs: QuerySet[Any]) -> QuerySet[Any]:
        from django.apps import apps

        model = apps.get_model(self.parent_label)
        from clearinghouse.access.policy import RULES

        parents = RULES[self.parent_label].visible(actor, model._default_manager.all())
        return qs.filter(**{self.parent_field + "__in": parents})

    def can_view(self, actor: Actor, obj: Any) -> bool:
        from clearinghouse.access.policy import RULES

        return RULES[self.parent_label].can_view(actor, getattr(obj, self.parent_field))

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        parent = self._parent(obj, values)
        if parent is None or (obj is not None and self._parent(obj, None) is None):
            return False
        from clearinghouse.access.policy import RULES

        rule = RULES[self.parent_label]
        # Moving a part between parents needs the right to change both.
        old = self._parent(obj, None) if obj is not None else parent
        return all(rule.can_view(actor, p) and rule.can_hold(actor, p, None)
                   for p in (parent, old))

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return self.can_hold(actor, obj, None)
