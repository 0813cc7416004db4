"""Background jobs and their progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    """One run of a background job: what it does, how far it is, and how it ended.

    Not an AuditedModel: progress is written many times a second and is not a domain change.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=60, db_index=True)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="jobs",
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def title(self) -> str:
        """Return the job kind's title, or its name if the kind is no longer registered."""
        from clearinghouse.jobs.kinds import KINDS

        kind = KINDS.get(self.kind)
        return kind.title if kind else self.kind

    @property
    def percent(self) -> int:
        """Return progress as a whole percentage; 100 once finished."""
        if self.status in {self.Status.SUCCEEDED, self.Status.FAILED}:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished_ok(self) -> bool:
        return self.status == self.Status.SUCCEEDED

    @property
    def running(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}
