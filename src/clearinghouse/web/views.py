"""The dashboard."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clearinghouse.access import policy
from clearinghouse.assistance import selectors as assistance_selectors
from clearinghouse.finance.concentration import concentration_check
from clearinghouse.finance.models import BudgetPeriod
from clearinghouse.jobs import selectors as job_selectors
from clearinghouse.jobs.kinds import KINDS
from clearinghouse.mandates import selectors as mandate_selectors
from clearinghouse.registry import selectors


def dashboard(request: HttpRequest) -> HttpResponse:
    """Show the registry's key figures, and the user's recent jobs."""
    today = dt.date.today()
    user = request.user
    figures = [
        ("Member and observer States", selectors.state_list(user=user).count(),
         "registry:state_list", ""),
        ("Least developed countries today", selectors.state_list(user=user, group="LDC").count(),
         "registry:state_list", "group=LDC"),
        ("Organizations", selectors.organization_list(user=user).count(),
         "registry:organization_list", ""),
    ]
    if user.is_authenticated:
        figures.append(("Experts on the roster", selectors.expert_list(user=user).count(),
                        "registry:expert_list", ""))
    actor = policy.actor_for(user)
    try:
        months = max(1, min(int(request.GET.get("months", 6)), 60))
    except ValueError:
        months = 6
    due = mandate_selectors.mandates_due(user=user, months=months)[:10] if actor.staff else []
    authenticated = actor.authenticated
    year = BudgetPeriod.objects.filter(kind="year", start__lte=today, end__gte=today).first()
    return render(request, "web/dashboard.html", {
        "concentration": concentration_check(period=year) if actor.staff and year else [],
        "year": year,
        "urgent": assistance_selectors.unmatched_urgent(user=user)[:10] if authenticated else [],
        "unused": assistance_selectors.offer_lines_unused(user=user)[:10]
        if authenticated else [],
        "months": months,
        "due": due,
        "title": "Dashboard",
        "today": today,
        "figures": figures,
        "jobs": job_selectors.job_list(user=user)[:5] if actor.authenticated else [],
        "job_kinds": [k for k in KINDS.values() if actor.secretariat or not k.secretariat_only]
        if actor.authenticated else [],
    })
