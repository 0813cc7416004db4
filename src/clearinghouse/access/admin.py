"""Roles in the admin, for superusers."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clearinghouse.access.models import ApiToken, Role


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "kind", "state", "organization"]
    list_filter = ["kind"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]
    readonly_fields = ["digest", "prefix", "created", "last_used"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tokens are issued by `clearinghouse token create`, which shows the secret

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)
