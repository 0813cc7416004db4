"""Roles with their scope, and API tokens."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q

from clearinghouse.audit.models import AuditedModel


class Role(AuditedModel):
    """The one role a user holds, with the State or organization it is scoped to."""

    class Kind(models.TextChoices):
        SECRETARIAT = "secretariat", "Secretariat officer"
        FINANCE = "finance", "Finance officer"
        STATE_FOCAL_POINT = "state_focal_point", "Member-State focal point"
        PROVIDER_FOCAL_POINT = "provider_focal_point", "Provider focal point"
        COMMISSION_READER = "commission_reader", "Commission reader"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    state = models.ForeignKey(
        "registry.State", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "registry.Organization", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="state_focal_point", state__isnull=False, organization__isnull=True)
                    | Q(kind="provider_focal_point", state__isnull=True,
                        organization__isnull=False)
                    | (
                        Q(kind__in=["secretariat", "finance", "commission_reader"])
                        & Q(state__isnull=True, organization__isnull=True)
                    )
                ),
                name="role_scope_matches_kind",
            )
        ]

    def __str__(self) -> str:
        scope = self.state or self.organization
        label = self.get_kind_display()
        return f"{self.user}: {label}" + (f" for {scope}" if scope else "")


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 digest is stored.

    A credential, not a domain record: not audited, so recording ``last_used`` stays quiet.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart")
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(raw: str) -> str:
        """Return the stored digest of a raw token."""
        return hashlib.sha256(raw.encode()).hexdigest()
