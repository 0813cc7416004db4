"""Brokerage runs, the proposals they make, and the commitments accepted proposals become."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from clearinghouse.assistance.models.needs import OfferLine, RequestLine
from clearinghouse.audit.models import AuditedModel
from clearinghouse.registry.models import Organization, State


class BrokerageRun(AuditedModel):
    """One run of the brokerage engine over the open requests and offers on a day."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL,
                            related_name="+")
    as_of = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.RUNNING)
    solver_status = models.CharField(max_length=12, blank=True,
                                     help_text="optimal, feasible or infeasible")
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    request_lines = models.PositiveIntegerField(default=0)
    offer_lines = models.PositiveIntegerField(default=0)
    unserved = models.JSONField(default=list, blank=True,
                                help_text="[{request_line, why}] for lines left unserved")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Brokerage run {self.pk} as of {self.as_of.isoformat()}"

    @property
    def gap(self) -> float | None:
        if self.objective is None or not self.bound:
            return None
        return (self.bound - self.objective) / self.bound


class Proposal(AuditedModel):
    """The engine's proposal to serve a request line from an offer line, with its reason."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    run = models.ForeignKey(BrokerageRun, on_delete=models.CASCADE, related_name="proposals")
    request_line = models.ForeignKey(RequestLine, on_delete=models.CASCADE, related_name="+")
    offer_line = models.ForeignKey(OfferLine, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(
        help_text="Days or places; for funds, US dollars at the run's operational rates")
    value = models.FloatField(help_text="Its share of the objective")
    why = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["run", "-value", "id"]

    def __str__(self) -> str:
        return f"Proposal {self.pk}: {self.quantity} of {self.offer_line} to {self.request_line}"


class Commitment(AuditedModel):
    """An accepted proposal: a provider commits units of an offer line to a request line.

    Tracked as requested (the line's quantity), committed, and delivered so far.
    """

    proposal = models.OneToOneField(Proposal, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="commitment")
    request_line = models.ForeignKey(RequestLine, on_delete=models.PROTECT,
                                     related_name="commitments")
    offer_line = models.ForeignKey(OfferLine, on_delete=models.PROTECT,
                                   related_name="commitments")
    # Beneficiary and provider are copied from the lines so the access policy can scope
    # commitments with a plain field, like every other record.
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    activity = models.ForeignKey("coordination.Activity", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="commitments")
    requested = models.PositiveIntegerField()
    committed = models.PositiveIntegerField(help_text="In the request line's units")
    provider_units = models.PositiveIntegerField(
        default=0, help_text="What the offer line gives, in its units (its currency for funds)")
    delivered = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(delivered__lte=models.F("committed")),
                                   name="commitment_delivered_within_committed"),
        ]

    def __str__(self) -> str:
        return f"{self.offer_line.offer.provider} → {self.request_line}"
