"""Read resolutions and mandates, through the policy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from clearinghouse.access import policy
from clearinghouse.mandates.models import Mandate, Provision, Resolution

REVIEW_BELOW = 1.0


def resolution_list(*, user: Any, q: str = "", body: str = "", year: int | None = None
                    ) -> QuerySet[Resolution]:
    """Return ingested resolutions, filtered by words, body and year of adoption."""
    qs = policy.visible(user, Resolution.objects.all())
    if q:
        qs = qs.filter(Q(symbol__icontains=q) | Q(title__icontains=q))
    if body:
        qs = qs.filter(body=body)
    if year:
        qs = qs.filter(adopted__year=year)
    return qs


def mandate_list(
    *, user: Any, actor: str = "", status: str = "", body: str = "",
    due_after: dt.date | None = None, due_before: dt.date | None = None, resolution: str = "",
) -> QuerySet[Mandate]:
    """Return the mandates the user may follow, filtered for the tracker."""
    qs = policy.visible(user, Mandate.objects.select_related(
        "provision__resolution", "responsible_organization"))
    if actor:
        qs = qs.filter(actor__icontains=actor)
    if status:
        qs = qs.filter(status=status)
    if body:
        qs = qs.filter(provision__resolution__body=body)
    if resolution:
        qs = qs.filter(provision__resolution__symbol=resolution)
    if due_after:
        qs = qs.filter(due_to__gte=due_after)
    if due_before:
        qs = qs.filter(due_from__lte=due_before)
    return qs.order_by("due_from", "provision__resolution__symbol", "provision__position")


def mandates_due(*, user: Any, months: int, today: dt.date | None = None) -> QuerySet[Mandate]:
    """Return open mandates whose deadline falls within the next ``months`` months."""
    start = today or dt.date.today()
    end = start + dt.timedelta(days=round(months * 30.44))
    return mandate_list(user=user, due_after=start, due_before=end).exclude(
        status__in=[Mandate.Status.COMPLETED, Mandate.Status.NOT_APPLICABLE])


def review_queue(*, user: Any) -> QuerySet[Provision]:
    """Return provisions where the parser was unsure, least sure first, uncorrected only."""
    qs = policy.visible(user, Provision.objects.select_related("resolution"))
    unsure = Q(confidence__lt=REVIEW_BELOW) | Q(complete=False) | Q(
        mandates__confidence__lt=REVIEW_BELOW)
    return qs.filter(unsure, corrected_text="").distinct().order_by("confidence", "resolution")
