"""Read the coordination register."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from clearinghouse.access import policy
from clearinghouse.coordination.models import Activity


def activity_list(*, user: Any, source: str = "", state: str = "", q: str = ""
                  ) -> QuerySet[Activity]:
    """Return the activities the user may see, filtered."""
    qs = policy.visible(user, Activity.objects.select_related("implementer", "beneficiary"))
    if source:
        qs = qs.filter(source=source)
    if state:
        qs = qs.filter(beneficiary__iso3=state.upper())
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(identifier__icontains=q))
    return qs
