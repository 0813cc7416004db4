"""The audit trail: an append-only record of every change to a domain record."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class AppendOnlyQuerySet(models.QuerySet["AuditEntry"]):
    """Refuse bulk updates and deletes, so no code path can rewrite history."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise TypeError("The audit trail is append-only.")

    def delete(self) -> NoReturn:
        raise TypeError("The audit trail is append-only.")


class AuditEntry(models.Model):
    """One create, update or delete of one domain record."""

    class Action(models.TextChoices):
        CREATE = "create", "created"
        UPDATE = "update", "updated"
        DELETE = "delete", "deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept beside the foreign key so the entry still names its author if the user goes.
    actor_name = models.CharField(max_length=150, default="system")
    action = models.CharField(max_length=6, choices=Action.choices)
    model = models.CharField(max_length=100, db_index=True, help_text="app_label.model_name")
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, help_text="field -> {before, after}")
    reason = models.TextField(blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        # The base manager is used for related lookups and by Django internals; it must be
        # append-only too.
        base_manager_name = "objects"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id", "-at"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("The audit trail is append-only.")


class AuditedModel(models.Model):
    """Base for domain records: every save and delete of a subclass writes an AuditEntry."""

    class Meta:
        abstract = True
