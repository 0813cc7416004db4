"""Write an AuditEntry for every create, update and delete of an AuditedModel.

Signals are used, not explicit calls, because the promise is "every change": the admin,
services, imports and the shell all save through the ORM, and none can forget to audit.
Bulk ``QuerySet.update``/``bulk_create`` bypass signals, so domain code never uses them.
Fixture loads (``loaddata``, raw saves) are recorded like any other save.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from clearinghouse.audit.context import current_actor, current_reason
from clearinghouse.audit.models import AuditedModel, AuditEntry

_SNAPSHOT = "_audit_before"


def snapshot(instance: models.Model) -> dict[str, Any]:
    """Return the JSON-safe values of the instance's concrete fields, keyed by field name."""
    values = {
        field.name: field.value_from_object(instance)
        for field in instance._meta.concrete_fields
    }
    result: dict[str, Any] = json.loads(json.dumps(values, cls=DjangoJSONEncoder))
    return result


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return {field: {before, after}} for every field whose value differs."""
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def label_relations(model: type[models.Model], changes: dict[str, dict[str, Any]]) -> None:
    """Add readable ``before_label``/``after_label`` to changed foreign keys (ids stay ids)."""
    for field in model._meta.concrete_fields:
        change = changes.get(field.name)
        if change is None or not field.is_relation or field.related_model is None:
            continue
        related = field.related_model._default_manager
        key = field.target_field.attname  # type: ignore[attr-defined]  # id or to_field
        for side in ("before", "after"):
            if change[side] is not None:
                target = related.filter(**{key: change[side]}).first()
                change[f"{side}_label"] = str(target) if target is not None else None


def _write(instance: models.Model, action: str, changes: dict[str, Any]) -> None:
    changes.pop(instance._meta.pk.name if instance._meta.pk else "id", None)
    label_relations(type(instance), changes)
    actor = current_actor()
    authenticated = bool(actor is not None and getattr(actor, "is_authenticated", False))
    AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "system",
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes,
        reason=current_reason(),
    )


def _before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    # Fixture loads (raw saves) are audited too: "every change" includes imports.
    old = sender._default_manager.filter(pk=instance.pk).first() if instance.pk else None
    setattr(instance, _SNAPSHOT, snapshot(old) if old is not None else None)


def _after_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    before = getattr(instance, _SNAPSHOT, None)
    after = snapshot(instance)
    if created or before is None:
        _write(instance, AuditEntry.Action.CREATE, diff({}, after))
        return
    changes = diff(before, after)
    if changes:
        _write(instance, AuditEntry.Action.UPDATE, changes)


def _after_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    _write(instance, AuditEntry.Action.DELETE, diff(snapshot(instance), {}))


def connect() -> None:
    """Connect the recorders to every concrete AuditedModel subclass."""
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, AuditedModel):
            uid = f"audit:{model._meta.label_lower}"
            pre_save.connect(_before_save, sender=model, dispatch_uid=uid + ":pre")
            post_save.connect(_after_save, sender=model, dispatch_uid=uid + ":post")
            post_delete.connect(_after_delete, sender=model, dispatch_uid=uid + ":del")
