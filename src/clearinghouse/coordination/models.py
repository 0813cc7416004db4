"""The coordination register: activities of the programme and of other entities."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from clearinghouse.audit.models import AuditedModel
from clearinghouse.registry.models import Organization, State


class Activity(AuditedModel):
    """An activity: who implements it, for whom, on what themes, with which inputs and dates.

    Activities born of the clearing-house come from commitments (``source`` clearinghouse);
    the register also holds other entities' activities, entered or imported, so the
    Secretariat can coordinate the whole system's work in a country.
    """

    class Source(models.TextChoices):
        CLEARINGHOUSE = "clearinghouse", "Clearing-house commitment"
        MANUAL = "manual", "Entered by the Secretariat"
        IATI = "iati", "Imported from IATI"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ONGOING = "ongoing", "Ongoing"
        COMPLETED = "completed", "Completed"
        CANCELLED = "cancelled", "Cancelled"

    identifier = models.CharField(max_length=120, unique=True,
                                  help_text="Stable identifier, e.g. the IATI identifier")
    title = models.CharField(max_length=250)
    source = models.CharField(max_length=14, choices=Source.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    implementer = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="activities",
                                    verbose_name="implementing organization")
    implementer_name = models.CharField(max_length=250, blank=True,
                                        help_text="For implementers outside the registry")
    beneficiary = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="activities", verbose_name="beneficiary State")
    request = models.ForeignKey("assistance.Request", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="activities")
    themes = models.JSONField(default=list, blank=True, help_text="Theme codes")
    sectors = models.JSONField(default=list, blank=True,
                               help_text="DAC purpose codes (from IATI, or from the themes)")
    reporting_org = models.CharField(max_length=120, blank=True,
                                     help_text="IATI reporting organisation, for imports")
    description = models.TextField(blank=True)
    provisions = models.JSONField(default=list, blank=True, help_text="Provision ids served")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    published = models.BooleanField(
        default=False, help_text="Published in the open IATI file; the Secretariat decides, "
                                 "as a State's request is not public by default")

    class Meta:
        ordering = ["-start", "identifier"]
        verbose_name_plural = "activities"
        constraints = [models.CheckConstraint(
            condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
            name="activity_end_after_start")]

    def __str__(self) -> str:
        return f"{self.identifier} {self.title}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Ends before it starts."})


class ExternalTransaction(AuditedModel):
    """A transaction of another publisher's activity, as its IATI file reported it."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE,
                                 related_name="external_transactions")
    type = models.CharField("IATI transaction type", max_length=2)
    date = models.DateField()
    value = models.DecimalField(max_digits=18, decimal_places=2)
    currency = models.CharField(max_length=3)
    value_date = models.DateField(null=True, blank=True)
    provider = models.CharField(max_length=250, blank=True)
    receiver = models.CharField(max_length=250, blank=True)
    description = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["activity", "date", "id"]

    def __str__(self) -> str:
        return f"{self.activity.identifier} type {self.type} {self.currency} {self.value}"
