"""Template context shared by every page."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from clearinghouse.access import policy
from clearinghouse.access.models import Role

ROLE_LABELS = dict(Role.Kind.choices)

# The areas of the product, in the order of the golden thread. Areas not built yet show as
# such in the navigation rather than vanish, so the map of the product stays whole.
AREAS = [
    ("Mandates", "/mandates/"),
    ("Requests", "/assistance/requests/"),
    ("Offers", "/assistance/offers/"),
    ("Resources", "/finance/entries/"),
    ("Coordination", "/coordination/activities/"),
    ("Surveys", None),
    ("Reports", None),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Provide the navigation and the user's role to every template."""
    actor = policy.actor_for(getattr(request, "user", None))
    registry = [
        ("States", reverse("registry:state_list")),
        ("Organizations", reverse("registry:organization_list")),
    ]
    if actor.authenticated:
        registry += [
            ("Experts", reverse("registry:expert_list")),
            ("Focal points", reverse("registry:focal_point_list")),
        ]
    areas = list(AREAS)
    if actor.staff:
        areas.insert(3, ("Brokerage", reverse("assistance:run_list")))
    return {
        "nav_areas": areas,
        "nav_registry": registry,
        "actor": actor,
        "role_label": ROLE_LABELS.get(actor.kind or "", ""),
    }
