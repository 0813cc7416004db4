"""The donor view: each contribution from pledge to expenditure, with the beneficiaries."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clearinghouse.access import policy
from clearinghouse.finance.donors import contributions_traced
from clearinghouse.registry.models import Organization


@login_required
def donor_view(request: HttpRequest) -> HttpResponse:
    """Follow a donor's contributions; a provider focal point sees its own organization's."""
    actor = policy.actor_for(request.user)
    key = request.GET.get("donor", "")
    if not actor.staff:
        donor = Organization.objects.filter(pk=actor.organization_id or 0).first()
    else:
        donor = Organization.objects.filter(key=key).first()
    return render(request, "finance/donor.html", {
        "title": f"Contributions of {donor}" if donor else "Contributions",
        "donor": donor, "traces": contributions_traced(user=request.user, donor=donor)
        if donor else [],
        "donors": Organization.objects.filter(contributions__kind="pledge").distinct()
        if actor.staff else []})
