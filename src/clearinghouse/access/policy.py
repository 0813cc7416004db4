"""The one authorization module: it decides every read and every write, object by object.

Views, the API, exports, jobs and the admin all ask it. Reads go through ``visible`` (lists)
and ``can_view``/``require_view`` (one object). Writes go through ``require_add``,
``require_change`` and ``require_delete``, which services call before touching anything.
A change is checked twice: the actor must be allowed to change the record as it is, and
allowed to hold the record as it would become, so nobody can move a record out of scope.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

from clearinghouse.core.errors import NotFound, PermissionDenied

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


def actor_for(user: Any) -> Actor:
    """Return the Actor for a Django user (anonymous or None included), cached on the user."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_clearinghouse_actor", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from clearinghouse.access.models import Role

    role = Role.objects.filter(user=user).first()
    actor = Actor(
        user_id=user.pk,
        kind=role.kind if role else None,
        state_id=role.state_id if role else None,
        organization_id=role.organization_id if role else None,
        superuser=user.is_superuser,
    )
    user._clearinghouse_actor = actor
    return actor


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
        parents = RULES[self.parent_label].visible(actor, model._default_manager.all())
        return qs.filter(**{self.parent_field + "__in": parents})

    def can_view(self, actor: Actor, obj: Any) -> bool:
        return RULES[self.parent_label].can_view(actor, getattr(obj, self.parent_field))

    def can_hold(self, actor: Actor, obj: Any | None, values: Values | None) -> bool:
        parent = self._parent(obj, values)
        if parent is None or (obj is not None and self._parent(obj, None) is None):
            return False
        rule = RULES[self.parent_label]
        # Moving a part between parents needs the right to change both.
        old = self._parent(obj, None) if obj is not None else parent
        return all(rule.can_view(actor, p) and rule.can_hold(actor, p, None)
                   for p in (parent, old))

    def can_delete(self, actor: Actor, obj: Any) -> bool:
        return self.can_hold(actor, obj, None)


RULES: dict[str, Rule] = {
    "registry.area": ReferenceRule(),
    "registry.state": ReferenceRule(),
    "registry.groupmembership": ReferenceRule(),
    "registry.expertisearea": ReferenceRule(),
    "registry.organization": OrganizationRule(),
    "registry.expert": ScopedRule(
        state_field="nominated_by", organization_field="organization", scoped_writes=True
    ),
    "registry.focalpoint": ScopedRule(
        state_field="state", organization_field="organization", scoped_writes=False
    ),
    "jobs.job": OwnRecordRule("created_by"),
    # Resolutions are public UN documents; following up their mandates is the Secretariat's.
    "mandates.resolution": ReferenceRule(),
    "mandates.provision": ReferenceRule(),
    "mandates.citation": ReferenceRule(),
    "mandates.session": ReferenceRule(),
    # The clearing-house: a State's requests are its own; a provider's offers are its own.
    "assistance.theme": ReferenceRule(),
    "assistance.prioritythemelist": ReferenceRule(),
    "assistance.request": ScopedRule(
        state_field="state", organization_field=None, scoped_writes=True
    ),
    "assistance.requestline": ParentRule("assistance.request", "request"),
    "assistance.offer": ScopedRule(
        state_field=None, organization_field="provider", scoped_writes=True
    ),
    "assistance.offerline": ParentRule("assistance.offer", "offer"),
    # Runs and proposals are the Secretariat's working papers (default rule); commitments and
    # activities are seen by their beneficiary State and their provider.
    "assistance.commitment": ScopedRule(
        state_field="state", organization_field="provider", scoped_writes=False
    ),
    "finance.budgetperiod": FinanceReferenceRule(),
    "finance.allocationarea": FinanceReferenceRule(),
    "finance.fund": FinanceReferenceRule(),
    "finance.exchangerate": FinanceReferenceRule(),
    "finance.entry": LedgerRule(),
    "coordination.activity": ScopedRule(
        state_field="beneficiary", organization_field="implementer", scoped_writes=False
    ),
}


def rule_for(model: type[models.Model] | models.Model) -> Rule:
    """Return the rule for a model; models without one are Secretariat-only."""
    return RULES.get(model._meta.label_lower, Rule())


def visible(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    """Return the part of ``qs`` the user may read."""
    return rule_for(qs.model).visible(actor_for(user), qs)


def can_view(user: Any, obj: models.Model) -> bool:
    """Return whether the user may read ``obj``."""
    return rule_for(obj).can_view(actor_for(user), obj)


def can_add(user: Any, model: type[models.Model], values: Values) -> bool:
    """Return whether the user may create a ``model`` record with ``values``."""
    return rule_for(model).can_hold(actor_for(user), None, values)


def can_change(user: Any, obj: models.Model, values: Values | None = None) -> bool:
    """Return whether the user may change ``obj`` (into ``values``, when given)."""
    rule, actor = rule_for(obj), actor_for(user)
    return rule.can_view(actor, obj) and rule.can_hold(actor, obj, values)


def can_delete(user: Any, obj: models.Model) -> bool:
    """Return whether the user may delete ``obj``."""
    rule, actor = rule_for(obj), actor_for(user)
    return rule.can_view(actor, obj) and rule.can_delete(actor, obj)


def require_view(user: Any, obj: models.Model) -> None:
    """Raise NotFound (never revealing that the record exists) unless the user may read it."""
    if not can_view(user, obj):
        raise NotFound()


def require_add(user: Any, model: type[models.Model], values: Values) -> None:
    """Raise PermissionDenied unless the user may create such a record."""
    if not can_add(user, model, values):
        raise PermissionDenied()


def require_change(user: Any, obj: models.Model, values: Values | None = None) -> None:
    """Raise NotFound if the user may not read ``obj``, PermissionDenied if not change it."""
    require_view(user, obj)
    if not can_change(user, obj, values):
        raise PermissionDenied()


def require_delete(user: Any, obj: models.Model) -> None:
    """Raise NotFound if the user may not read ``obj``, PermissionDenied if not delete it."""
    require_view(user, obj)
    if not can_delete(user, obj):
        raise PermissionDenied()
