"""Resolutions, their provisions, citations and mandates, and the calendar of sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from clearinghouse.audit.models import AuditedModel


class Resolution(AuditedModel):
    """An ingested resolution, identified by its symbol (E/RES/1992/22)."""

    symbol = models.CharField(max_length=60, unique=True)
    body = models.CharField(max_length=120)
    number = models.CharField(max_length=30)
    title = models.TextField(blank=True)
    adopted = models.DateField(null=True, blank=True)
    meeting = models.CharField(max_length=80, blank=True)
    source = models.CharField(max_length=300, help_text="File it was ingested from")
    text = models.TextField(blank=True, help_text="The repaired text")
    lacunae = models.JSONField(default=list, blank=True)
    repairs = models.JSONField(default=list, blank=True)
    ingested = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-adopted", "symbol"]

    def __str__(self) -> str:
        return f"{self.symbol}: {self.title[:80]}"


class Provision(AuditedModel):
    """A preambular paragraph, operative paragraph or sub-paragraph of a resolution.

    ``text`` is what the parser read; ``corrected_text`` is an officer's correction, which a
    later ingestion never overwrites.
    """

    class Kind(models.TextChoices):
        PREAMBULAR = "preambular", "Preambular paragraph"
        OPERATIVE = "operative", "Operative paragraph"
        SUBPARAGRAPH = "subparagraph", "Sub-paragraph"

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE,
                                   related_name="provisions")
    ref = models.CharField(max_length=40, help_text='"preamble 3", "VII.4", "VI.3(b)"')
    kind = models.CharField(max_length=12, choices=Kind.choices)
    position = models.PositiveIntegerField()
    section = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    corrected_text = models.TextField(blank=True)
    complete = models.BooleanField(default=True)
    confidence = models.FloatField(default=1.0)

    class Meta:
        ordering = ["resolution", "position"]
        constraints = [models.UniqueConstraint(fields=["resolution", "ref"],
                                               name="provision_unique_ref")]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.ref}"

    @property
    def shown_text(self) -> str:
        """Return the officer's correction if there is one, else the parsed text."""
        return self.corrected_text or self.text


class Citation(models.Model):
    """A resolution cited by a provision; linked to the cited resolution once ingested.

    Derived from the text at every ingestion, so not audited itself.
    """

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE,
                                   related_name="citations")
    where = models.CharField(max_length=40)
    cited_symbol = models.CharField(max_length=60, db_index=True)
    cited_body = models.CharField(max_length=120)
    cited_number = models.CharField(max_length=30)
    cited_date = models.DateField(null=True, blank=True)
    consistent = models.BooleanField(default=True)
    cited = models.ForeignKey(Resolution, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="cited_by")

    class Meta:
        ordering = ["resolution", "id"]

    def __str__(self) -> str:
        return f"{self.resolution.symbol} {self.where} cites {self.cited_symbol}"


class Mandate(AuditedModel):
    """Who a provision asks to do what, by when; and how its follow-up stands."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        NOT_APPLICABLE = "not_applicable", "Not applicable"
        NO_INDICATION = "no_indication", "No indication"

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="mandates")
    index = models.PositiveSmallIntegerField(default=0, help_text="Order within the provision")
    actor = models.CharField(max_length=300)
    action = models.CharField(max_length=80)
    addressee = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    due_text = models.CharField(max_length=200, blank=True)
    due_from = models.DateField(null=True, blank=True)
    due_to = models.DateField(null=True, blank=True)
    confidence = models.FloatField(default=1.0)
    status = models.CharField(max_length=16, choices=Status.choices,
                              default=Status.NO_INDICATION)
    responsible_organization = models.ForeignKey(
        "registry.Organization", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_person = models.CharField(max_length=200, blank=True)
    evidence = models.JSONField(default=list, blank=True, help_text="Links to documents")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["due_to", "provision"]
        constraints = [models.UniqueConstraint(fields=["provision", "index"],
                                               name="mandate_unique_index")]

    def __str__(self) -> str:
        return f"{self.provision}: {self.actor} to {self.action}"


class Session(AuditedModel):
    """When a numbered session of a body met, for resolving deadlines ("at its second session")."""

    body = models.CharField(max_length=120)
    session = models.PositiveIntegerField(help_text="Number, or the year for ECOSOC")
    start = models.DateField()
    end = models.DateField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["body", "session"]
        constraints = [models.UniqueConstraint(fields=["body", "session"],
                                               name="session_unique")]

    def __str__(self) -> str:
        return f"{self.body}, session {self.session}"
