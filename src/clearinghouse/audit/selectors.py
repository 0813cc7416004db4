"""Read the audit trail."""

from django.db import models
from django.db.models import QuerySet

from clearinghouse.audit.models import AuditEntry


def audit_history_for(*, instance: models.Model) -> QuerySet[AuditEntry]:
    """Return the audit entries of one record, newest first."""
    return AuditEntry.objects.filter(
        model=instance._meta.label_lower, object_id=str(instance.pk)
    ).select_related("actor")
