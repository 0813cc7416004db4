"""The audit trail in the admin: readable by staff, writable by no one."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clearinghouse.access import policy
from clearinghouse.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["at", "actor_name", "action", "model", "object_repr", "reason"]
    list_filter = ["action", "model"]
    search_fields = ["object_repr", "actor_name", "reason", "object_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.actor_for(request.user).secretariat

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return policy.actor_for(request.user).secretariat

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
