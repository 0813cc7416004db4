"""Read the audit trail."""

from typing import Any

from django.db import models
from django.db.models import QuerySet

from clearinghouse.access import policy
from clearinghouse.audit.models import AuditEntry


def audit_history_for(*, instance: models.Model) -> QuerySet[AuditEntry]:
    """Return the audit entries of one record, newest first."""
    return AuditEntry.objects.filter(
        model=instance._meta.label_lower, object_id=str(instance.pk)
    ).select_related("actor")


def audit_history_shown(*, user: Any, instance: models.Model) -> list[AuditEntry]:
    """Return a record's history as the user may see it.

    Raises NotFound unless the user may read the record. Anonymous readers of a public
    record see what changed and when, but not the usernames of who changed it.
    """
    policy.require_view(user, instance)
    entries = list(audit_history_for(instance=instance))
    if not policy.actor_for(user).authenticated:
        for entry in entries:
            entry.actor_name = "a registered user"  # in memory only: entries never save twice
    return entries
