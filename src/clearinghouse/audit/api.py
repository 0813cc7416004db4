"""The audit trail through the API: the history of any record the caller may read."""


import datetime as dt
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from ninja import Router, Schema

from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.core.errors import NotFound

router = Router(tags=["audit"])


class AuditEntryOut(Schema):
    at: dt.datetime
    actor: str
    action: str
    model: str
    object_id: str
    object_repr: str
    changes: dict[str, Any]
    reason: str

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return str(obj.actor_name)


def history(user: Any, instance: Any) -> list[Any]:
    """Return a record's audit entries once the policy lets the user read the record."""
    return audit_history_shown(user=user, instance=instance)


@router.get("/{model}/{object_id}", response=list[AuditEntryOut],
            summary="History of one record")
def record_history(request: HttpRequest, model: str, object_id: str) -> list[Any]:
    """Return who changed the record, when, which fields (before and after) and why.

    ``model`` is ``app_label.model_name``, as in ``registry.organization``.
    """
    try:
        instance = apps.get_model(model)._default_manager.filter(pk=object_id).first()
    except (LookupError, ValueError) as error:
        raise NotFound() from error
    if instance is None:
        raise NotFound()
    return history(request.user, instance)
