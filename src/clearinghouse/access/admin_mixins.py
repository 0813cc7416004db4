"""Make the admin ask the policy, like every other edge."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from clearinghouse.access import policy
from clearinghouse.audit.context import acting_as


class PolicyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A ModelAdmin whose reads and writes are decided by ``access.policy``.

    The admin is the Secretariat's back-office for reference data; a non-staff user never
    reaches it, and a staff user still sees and changes only what the policy allows.
    """

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return policy.visible(request.user, super().get_queryset(request))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policy.actor_for(request.user).staff

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        actor = policy.actor_for(request.user)
        return actor.staff and (obj is None or policy.can_view(request.user, obj))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return policy.actor_for(request.user).secretariat

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return policy.actor_for(request.user).secretariat
        return policy.can_change(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return policy.actor_for(request.user).secretariat
        return policy.can_delete(request.user, obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        values = {
            field.attname: getattr(obj, field.attname)
            for field in obj._meta.concrete_fields
            if field.name in form.changed_data
        }
        if change:
            policy.require_change(request.user, type(obj).objects.get(pk=obj.pk), values)
        else:
            policy.require_add(request.user, type(obj), values)
        with acting_as(request.user):
            super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        policy.require_delete(request.user, obj)
        with acting_as(request.user):
            super().delete_model(request, obj)
