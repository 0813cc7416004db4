"""The registry's back-office: reference data maintained by the Secretariat."""

from django.contrib import admin

from clearinghouse.access.admin_mixins import PolicyAdmin
from clearinghouse.registry.models import (
    Area,
    Expert,
    ExpertiseArea,
    FocalPoint,
    GroupMembership,
    Organization,
    State,
)


@admin.register(Area)
class AreaAdmin(PolicyAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = GroupMembership
    extra = 0


@admin.register(State)
class StateAdmin(PolicyAdmin):
    list_display = ["name", "iso2", "iso3", "m49", "status", "region", "subregion"]
    list_filter = ["status", "region"]
    search_fields = ["name", "iso2", "iso3", "m49"]
    readonly_fields = ["iso2", "iso3", "m49"]


@admin.register(GroupMembership)
class GroupMembershipAdmin(PolicyAdmin):
    list_display = ["state", "group", "start", "end", "note"]
    list_filter = ["group"]
    search_fields = ["state__name", "state__iso3"]


@admin.register(Organization)
class OrganizationAdmin(PolicyAdmin):
    list_display = ["name", "acronym", "type", "country", "published"]
    list_filter = ["type", "published"]
    search_fields = ["name", "acronym", "key"]
    autocomplete_fields = ["parent"]


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(PolicyAdmin):
    list_display = ["code", "name"]


@admin.register(Expert)
class ExpertAdmin(PolicyAdmin):
    list_display = ["name", "nominated_by", "organization", "available_from", "available_until"]
    search_fields = ["name", "email"]


@admin.register(FocalPoint)
class FocalPointAdmin(PolicyAdmin):
    list_display = ["name", "email", "state", "organization", "active"]
    search_fields = ["name", "email"]
