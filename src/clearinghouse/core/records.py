"""Create, change and delete domain records: authorize, validate, then write, all or nothing.

Each app's named services (``organization_create``...) call these with their own checks."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404

from clearinghouse.access import policy
from clearinghouse.audit.context import acting_as, because
from clearinghouse.core.errors import ApplicationError

M = TypeVar("M", bound=models.Model)


def record_assign(instance: M, values: Mapping[str, Any], *, editable: Collection[str]) -> M:
    """Set ``values`` on ``instance``; refuse any field outside ``editable`` by name.

    Foreign keys are given by id, as ``<field>_id``.
    """
    unknown = sorted(set(values) - set(editable))
    if unknown:
        raise ApplicationError(
            "Unknown or read-only fields.",
            fields={name: ["This field cannot be set."] for name in unknown},
        )
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


def record_validate(instance: models.Model, *, exclude: Collection[str] = ()) -> None:
    """Run the model's full validation and raise ApplicationError with field messages."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise _with_id_names(ApplicationError.from_validation_error(error), instance) from error


def _with_id_names(error: ApplicationError, instance: models.Model) -> ApplicationError:
    """Name foreign-key errors after the ``<field>_id`` the caller sent, not the relation."""
    relations = {f.name for f in instance._meta.concrete_fields if f.is_relation}
    error.fields = {
        (f"{name}_id" if name in relations else name): messages
        for name, messages in error.fields.items()
    }
    return error


Check = Callable[[Any], None]


def record_stamp(field: str, user: Any) -> Check:
    """Return a check that sets ``<field>_id`` to the user before the save.

    For creator and decider fields: users are not records a caller may link to, so these
    are set by the service rather than passed through ``record_check_relations``.
    """

    def stamp(instance: Any) -> None:
        setattr(instance, f"{field}_id", user.pk)

    return stamp


def record_pk(model: type[models.Model], field: str, value: Any, *, key: str,
              required: bool = False) -> int | None:
    """Return the id of the ``model`` record whose ``key`` is ``value`` (a code, a key).

    A blank value gives None unless ``required``; an unknown one is refused, naming ``field``
    as the caller sent it.
    """
    if value in (None, "") and not required:
        return None
    found = model._default_manager.filter(**{key: value}).first()
    if found is None:
        raise ApplicationError("The input is not valid.", fields={field: [f"Unknown: {value}."]})
    return int(found.pk)


def record_visible_or_404(user: Any, model: Any, **lookup: Any) -> Any:
    """Return the one record of ``model`` (a model or queryset) matching ``lookup``.

    Raise Http404 if it does not exist or the user may not read it, never saying which;
    pages show Django's 404, the API turns it into a problem+json 404.
    """
    instance = get_object_or_404(model, **lookup)
    if not policy.can_view(user, instance):
        raise Http404
    return instance


def record_refresh(instance: models.Model, values: Mapping[str, Any]) -> list[str]:
    """Set the values that differ from the instance's, save only those fields, return them.

    For derived data (reference loads, ingestion) where an unchanged row must write nothing,
    so that the audit trail records real changes only.
    """
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return changed


def record_check_relations(
    *, user: Any, model: type[models.Model], values: Mapping[str, Any]
) -> None:
    """Refuse a link (``<field>_id``) to a record that does not exist or the user may not see.

    Without this, linking to another State's draft would print its name on the user's pages.
    """
    for field in model._meta.concrete_fields:
        target_id = values.get(field.attname) if field.is_relation else None
        if target_id is None or field.related_model is None:
            continue
        try:
            key = field.target_field.attname  # type: ignore[attr-defined]  # id or to_field
            target = field.related_model._default_manager.filter(**{key: target_id}).first()
        except (TypeError, ValueError):
            target = None
        if target is None or not policy.can_view(user, target):
            raise ApplicationError("The input is not valid.", fields={
                field.attname: [f"No {field.related_model._meta.verbose_name} with id "
                                f"{target_id}."]})


@transaction.atomic
def record_create(
    *, user: Any, model: type[M], values: Mapping[str, Any], editable: Collection[str],
    checks: Sequence[Check] = (), reason: str = "",
) -> M:
    """Create a record: assign, authorize, validate, run the domain checks, then save.

    Nothing is written unless every step passes; the save is audited as the user's.
    """
    instance = record_assign(model(), values, editable=editable)
    policy.require_add(user, model, values)
    record_check_relations(user=user, model=model, values=values)
    return _validated_save(instance, user=user, checks=checks, reason=reason)


@transaction.atomic
def record_update(
    *, user: Any, instance: M, values: Mapping[str, Any], editable: Collection[str],
    checks: Sequence[Check] = (), reason: str = "",
) -> M:
    """Change a record under a row lock: authorize against old and new values, validate, save."""
    instance = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    policy.require_change(user, instance, values)
    record_check_relations(user=user, model=type(instance), values=values)
    record_assign(instance, values, editable=editable)
    return _validated_save(instance, user=user, checks=checks, reason=reason)


def _validated_save(instance: M, *, user: Any, checks: Sequence[Check], reason: str) -> M:
    """Validate, run the checks, then save as the user's audited change."""
    record_validate(instance)
    for check in checks:
        check(instance)
    with acting_as(user), because(reason):
        instance.save()
    return instance


@transaction.atomic
def record_delete(
    *, user: Any, instance: models.Model, checks: Sequence[Check] = (), reason: str = ""
) -> None:
    """Delete a record once authorized and the checks pass; PROTECT errors become a 409.

    Locks and re-reads the row first, so the audit entry holds the values actually deleted.
    """
    instance = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    policy.require_delete(user, instance)
    for check in checks:
        check(instance)
    try:
        with acting_as(user), because(reason), transaction.atomic():
            instance.delete()
    except ProtectedError as error:
        raise ApplicationError(
            "This record is still referred to by other records.", status=409, code="in_use",
            # Name only the referring records the user may see: the others are not theirs.
            extra={"referred_by": sorted({str(o) for o in error.protected_objects
                                          if policy.can_view(user, o)})[:20]},
        ) from error
