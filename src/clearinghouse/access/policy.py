"""The one authorization module: it decides every read and every write, object by object.

Views, the API, exports, jobs and the admin all ask it. Reads go through ``visible`` (lists)
and ``can_view``/``require_view`` (one object). Writes go through ``require_add``,
``require_change`` and ``require_delete``, which services call before touching anything.
A change is checked twice: the actor must be allowed to change the record as it is, and
allowed to hold the record as it would become, so nobody can move a record out of scope.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import QuerySet

from clearinghouse.access.rules import (  # noqa: F401  (the vocabulary, re-exported)
    ANONYMOUS,
    COMMISSION_READER,
    FINANCE,
    PROVIDER_FOCAL_POINT,
    SECRETARIAT,
    STATE_FOCAL_POINT,
    Actor,
    FinanceReferenceRule,
    LedgerRule,
    OrganizationRule,
    OwnRecordRule,
    ParentRule,
    ReferenceRule,
    Rule,
    ScopedRule,
    Values,
)
from clearinghouse.core.errors import NotFound, PermissionDenied


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
