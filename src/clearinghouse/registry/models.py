"""The registry: States and areas, country groups, organizations, experts and focal points."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from clearinghouse.audit.models import AuditedModel

OFFICIAL_LANGUAGES = ["en", "fr", "es", "ru", "zh", "ar"]


def validate_translations(instance: Any, *fields: str) -> None:
    """Require each field to map official UN language codes to texts."""
    for field in fields:
        mapping = getattr(instance, field)
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
        ):
            raise ValidationError({field: "Give an object of language code to text."})
        if unknown := sorted(set(mapping) - set(OFFICIAL_LANGUAGES)):
            raise ValidationError({field: f"Not an official UN language: {', '.join(unknown)}."})


class Area(AuditedModel):
    """A UN M49 geographic area: the world, a region, a sub-region or an intermediate region."""

    class Level(models.TextChoices):
        WORLD = "world", "World"
        REGION = "region", "Region"
        SUBREGION = "subregion", "Sub-region"
        INTERMEDIATE = "intermediate", "Intermediate region"

    code = models.CharField("M49 code", max_length=3, unique=True)
    name = models.CharField(max_length=100)
    level = models.CharField(max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class State(AuditedModel):
    """A UN Member State or non-member observer State."""

    class Status(models.TextChoices):
        MEMBER = "member", "Member State"
        OBSERVER = "observer", "Non-member observer State"

    iso2 = models.CharField("ISO 3166 alpha-2", max_length=2, unique=True)
    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, unique=True)
    m49 = models.CharField("M49 code", max_length=3, unique=True)
    name = models.CharField(max_length=120, unique=True)
    names = models.JSONField(default=dict, blank=True, help_text="Names by language code")
    status = models.CharField(max_length=8, choices=Status.choices)
    un_admission = models.DateField("admitted to the UN", null=True, blank=True)
    region = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    subregion = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    intermediate_region = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        validate_translations(self, "names")


class GroupMembership(AuditedModel):
    """A State's membership of a UN country group over a period; ``end`` is exclusive."""

    class Group(models.TextChoices):
        LDC = "LDC", "Least developed countries"
        LLDC = "LLDC", "Landlocked developing countries"
        SIDS = "SIDS", "Small island developing States"

    group = models.CharField(max_length=4, choices=Group.choices)
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="memberships")
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="First day outside the group")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["group", "state__name", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="membership_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["group", "state", "start"], name="membership_unique_start"
            ),
        ]

    def __str__(self) -> str:
        until = self.end.isoformat() if self.end else "…"
        return f"{self.state} in {self.group} {self.start.isoformat()}–{until}"

    def clean(self) -> None:
        """Refuse a period that overlaps another membership of the same State in the group."""
        if self.start is None or self.state_id is None:
            return
        others = GroupMembership.objects.filter(group=self.group, state_id=self.state_id)
        for other in others.exclude(pk=self.pk):
            ends_after_start = other.end is None or other.end > self.start
            starts_before_end = self.end is None or other.start < self.end
            if ends_after_start and starts_before_end:
                raise ValidationError({"start": f"Overlaps the membership {other}."})

    def covers(self, day: dt.date) -> bool:
        """Return whether the membership was in force on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


class Organization(AuditedModel):
    """A government body, UN entity, institute, NGO, funding agency or private provider."""

    class Type(models.TextChoices):
        GOVERNMENT = "government", "Member-State government body"
        SECRETARIAT_UNIT = "secretariat_unit", "UN Secretariat unit"
        UN_ENTITY = "un_entity", "UN fund, programme or specialized agency"
        PNI_INSTITUTE = "pni_institute", "Programme network institute"
        INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental organization"
        NGO = "ngo", "Non-governmental organization"
        FUNDING_AGENCY = "funding_agency", "Funding agency"
        PRIVATE = "private", "Private sector"

    key = models.SlugField(max_length=60, unique=True, help_text="Stable identifier")
    type = models.CharField(max_length=20, choices=Type.choices)
    name = models.CharField("name (English)", max_length=250)
    acronym = models.CharField("acronym (English)", max_length=60, blank=True)
    names = models.JSONField(default=dict, blank=True, help_text="Names by language code")
    acronyms = models.JSONField(default=dict, blank=True, help_text="Acronyms by language code")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    country = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="organizations"
    )
    website = models.URLField(blank=True)
    note = models.CharField(max_length=300, blank=True)
    published = models.BooleanField(
        default=True, help_text="Published records are public; drafts only for their State"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self) -> None:
        """Require official languages, no cycle of parents, and public parents of the public.

        A published organization under a draft one would put the draft's name on public pages.
        """
        validate_translations(self, "names", "acronyms")
        parent = Organization.objects.filter(pk=self.parent_id).first() if self.parent_id else None
        ancestor, seen = parent, {self.pk}
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError({"parent": "An organization cannot be its own ancestor."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        if self.published and parent is not None and not parent.published:
            raise ValidationError({"published": "Publish the parent organization first."})
        if not self.published and self.pk and self.children.filter(published=True).exists():
            raise ValidationError(
                {"published": "Published organizations sit under this one: unpublish them first."})


class ExpertiseArea(AuditedModel):
    """A field of expertise used by the experts roster and, later, by requests and offers."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Expert(AuditedModel):
    """A person on the experts roster. Personal data: never public."""

    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    nationality = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    nominated_by = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="nominated_experts",
        help_text="The State that put the expert on the roster",
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="experts"
    )
    expertise = models.JSONField(default=list, blank=True, help_text="Expertise area codes")
    languages = models.JSONField(default=list, blank=True, help_text="ISO 639-1 codes")
    regions = models.JSONField(default=list, blank=True, help_text="M49 area codes")
    available_from = models.DateField(null=True, blank=True)
    available_until = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(available_until__isnull=True)
                | Q(available_from__isnull=True)
                | Q(available_until__gte=models.F("available_from")),
                name="expert_availability_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Require known expertise areas, ISO 639-1 languages and M49 area codes."""
        for field in ("expertise", "languages", "regions"):
            value = getattr(self, field)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError({field: "Give a list of codes."})
        known = set(ExpertiseArea.objects.filter(code__in=self.expertise)
                    .values_list("code", flat=True))
        if bad := [c for c in self.expertise if c not in known]:
            raise ValidationError({"expertise": f"Unknown expertise area: {', '.join(bad)}."})
        if bad := [c for c in self.languages if pycountry.languages.get(alpha_2=c) is None]:
            raise ValidationError(
                {"languages": f"Not an ISO 639-1 language code: {', '.join(bad)}."})
        areas = set(Area.objects.filter(code__in=self.regions).values_list("code", flat=True))
        if bad := [c for c in self.regions if c not in areas]:
            raise ValidationError({"regions": f"Unknown M49 area code: {', '.join(bad)}."})

    def is_available(self, day: dt.date) -> bool:
        """Return whether the expert is available on ``day``."""
        after_start = self.available_from is None or self.available_from <= day
        before_end = self.available_until is None or day <= self.available_until
        return after_start and before_end


class FocalPoint(AuditedModel):
    """A contact person for a State or an organization. Contact data: never public."""

    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="focal_points"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT,
        related_name="focal_points",
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__isnull=False, organization__isnull=True)
                | Q(state__isnull=True, organization__isnull=False),
                name="focal_point_for_state_or_organization",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.state or self.organization})"
