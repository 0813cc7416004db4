"""Requests from Member States, offers from providers, and the Commission's priority themes."""

from __future__ import annotations

from typing import Any

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from clearinghouse.audit.models import AuditedModel
from clearinghouse.registry.models import Area, ExpertiseArea, Organization, State


class Kind(models.TextChoices):
    """What a request line asks for and an offer line gives; funds are in a currency."""

    EXPERT_DAYS = "expert_days", "Expert-days"
    TRAINING_PLACES = "training_places", "Training places"
    FUNDS = "funds", "Funds"


class Theme(AuditedModel):
    """A theme of the programme, such as prisons or anti-corruption."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=150)
    dac_sector = models.CharField("DAC sector", max_length=5, blank=True,
                                  help_text="OECD DAC CRS purpose code, for IATI")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PriorityThemeList(AuditedModel):
    """One version of the Commission's priority themes, kept "under review" (VI.4).

    A revision is a new version from a date; the version in force on a day is the latest one
    whose ``effective_from`` is on or before it, so past weights can be recomputed.
    """

    version = models.PositiveIntegerField(unique=True)
    effective_from = models.DateField()
    themes = models.JSONField(default=list, help_text="Theme codes")
    note = models.CharField(max_length=300, blank=True, help_text="e.g. the decision adopting it")

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Priority themes v{self.version} from {self.effective_from.isoformat()}"

    def clean(self) -> None:
        check_codes(self, "themes", Theme)


def check_codes(instance: Any, field: str, model: type[models.Model], *, key: str = "code",
                allow_null: bool = False) -> None:
    """Require ``field`` to be a list of known codes of ``model`` (or null when allowed)."""
    value = getattr(instance, field)
    if value is None and allow_null:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError({field: "Give a list of codes."})
    known = set(model._default_manager.filter(**{f"{key}__in": value})
                .values_list(key, flat=True))
    if bad := [c for c in value if c not in known]:
        raise ValidationError({field: f"Unknown code: {', '.join(bad)}."})


def check_language(code: str | None, field: str) -> None:
    if code and pycountry.languages.get(alpha_2=code) is None:
        raise ValidationError({field: f"Not an ISO 639-1 language code: {code}."})


def check_currency(code: str, field: str = "currency") -> None:
    if pycountry.currencies.get(alpha_3=code or "") is None:
        raise ValidationError({field: f"Not an ISO 4217 currency code: {code}."})


class Request(AuditedModel):
    """A Member State's request for technical cooperation, advice, training or urgent help."""

    class Type(models.TextChoices):
        TECHNICAL_COOPERATION = "technical_cooperation", "Technical cooperation project"
        ADVISORY_SERVICES = "advisory_services", "Advisory services"
        TRAINING = "training", "Training"
        URGENT_OPERATION = "urgent_operation", (
            "Special operational activity in a situation of urgent need")

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        SCREENED = "screened", "Screened"
        MATCHED = "matched", "Matched"
        APPROVED = "approved", "Approved"
        IN_IMPLEMENTATION = "in_implementation", "In implementation"
        COMPLETED = "completed", "Completed"
        EVALUATED = "evaluated", "Evaluated"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    type = models.CharField(max_length=24, choices=Type.choices)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="requests",
                              verbose_name="beneficiary State")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    urgent = models.BooleanField(default=False)
    themes = models.JSONField(default=list, help_text="Theme codes")
    provisions = models.JSONField(default=list, blank=True,
                                  help_text="Ids of the resolution provisions it serves")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    status_reason = models.CharField(max_length=300, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was first matched, declined or withdrawn")
    ldc = models.BooleanField("least developed country on submission", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-urgent", "submitted_at", "reference"]
        indexes = [models.Index(fields=["status", "urgent"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def clean(self) -> None:
        check_codes(self, "themes", Theme)
        if not self.themes:
            raise ValidationError({"themes": "Name at least one theme."})
        if not isinstance(self.provisions, list) or not all(
                isinstance(p, int) for p in self.provisions):
            raise ValidationError({"provisions": "Give a list of provision ids."})
        from clearinghouse.mandates.models import Provision

        known = set(Provision.objects.filter(pk__in=self.provisions).values_list("pk", flat=True))
        if bad := [str(p) for p in self.provisions if p not in known]:
            raise ValidationError({"provisions": f"Unknown provision id: {', '.join(bad)}."})


class RequestLine(AuditedModel):
    """One need of a request: expert-days, training places, or funds in a currency."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+", to_field="code",
                              db_column="theme_code")
    expertise = models.ForeignKey(ExpertiseArea, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", to_field="code", db_column="expertise_code")
    language = models.CharField(max_length=2, blank=True, help_text="ISO 639-1; blank if any")
    subject = models.CharField(max_length=200, blank=True, help_text="Training subject")
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)],
                                           help_text="Days, places, or whole currency units")
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217, for funds")

    class Meta:
        ordering = ["request", "id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1),
                                              name="request_line_quantity_positive")]

    def __str__(self) -> str:
        return f"{self.request.reference} · {self.quantity_text}"

    @property
    def quantity_text(self) -> str:
        if self.kind == Kind.FUNDS:
            return f"{self.currency} {self.quantity:,}"
        return f"{self.quantity} {self.get_kind_display().lower()}"

    def clean(self) -> None:
        check_language(self.language, "language")
        if self.kind == Kind.FUNDS:
            check_currency(self.currency)
        elif self.currency:
            raise ValidationError({"currency": "Only funds have a currency."})
        if self.expertise_id and self.kind != Kind.EXPERT_DAYS:
            raise ValidationError({"expertise": "Only expert-days name an expertise."})


class Offer(AuditedModel):
    """A provider's offer of expert-days, training places or funds."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    provider = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="offers")
    expert = models.ForeignKey("registry.Expert", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="offers",
                               help_text="A rostered expert offering their own time")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class OfferLine(AuditedModel):
    """One part of an offer with its capacity and earmarks; null earmarks mean "any"."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    themes = models.JSONField(default=list, help_text="Theme codes it may serve")
    expertise = models.JSONField(null=True, blank=True, help_text="Expertise codes; null: any")
    languages = models.JSONField(null=True, blank=True, help_text="ISO 639-1; null: any")
    regions = models.JSONField(null=True, blank=True, help_text="M49 region codes; null: any")
    countries = models.JSONField(null=True, blank=True, help_text="ISO alpha-3; null: any")
    subject = models.CharField(max_length=200, blank=True, help_text="Training subject")
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217, for funds")
    committed = models.PositiveIntegerField(default=0, editable=False,
                                            help_text="Capacity already committed")
    available_from = models.DateField(null=True, blank=True)
    available_until = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["offer", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(committed__lte=models.F("capacity")),
                                   name="offer_line_never_over_committed"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="offer_line_capacity"),
        ]

    def __str__(self) -> str:
        unit = self.currency if self.kind == Kind.FUNDS else self.get_kind_display().lower()
        return f"{self.offer.reference} · {self.capacity:,} {unit}"

    @property
    def remaining(self) -> int:
        return self.capacity - self.committed

    def clean(self) -> None:
        check_codes(self, "themes", Theme)
        if not self.themes:
            raise ValidationError({"themes": "Name at least one theme."})
        check_codes(self, "expertise", ExpertiseArea, allow_null=True)
        check_codes(self, "regions", Area, allow_null=True)
        if self.regions and Area.objects.filter(code__in=self.regions).exclude(
                level=Area.Level.REGION).exists():
            raise ValidationError({"regions": "Name M49 regions (002, 009, 019, 142, 150)."})
        check_codes(self, "countries", State, key="iso3", allow_null=True)
        for code in self.languages or []:
            check_language(code, "languages")
        if self.languages is not None and not isinstance(self.languages, list):
            raise ValidationError({"languages": "Give a list of codes."})
        if self.kind == Kind.FUNDS:
            check_currency(self.currency)
        elif self.currency:
            raise ValidationError({"currency": "Only funds have a currency."})
        if (self.available_from and self.available_until
                and self.available_until < self.available_from):
            raise ValidationError({"available_until": "Ends before it starts."})
        if self.pk is None and self.committed:
            raise ValidationError({"committed": "A new line has nothing committed."})
