"""Coordination register pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clearinghouse.access import policy
from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.coordination import selectors, services
from clearinghouse.coordination.iati_export import iati_stream
from clearinghouse.coordination.models import Activity
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.web.lists import bind_filters, render_list


class ActivityFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    source = forms.ChoiceField(choices=[("", "Any"), *Activity.Source.choices], required=False)
    state = forms.CharField(required=False, label="Beneficiary (ISO alpha-3)")


COLUMNS = [
    Column("Identifier", lambda a: a.identifier,
           lambda a: reverse("coordination:activity_detail", args=[a.pk])),
    Column("Title", lambda a: a.title),
    Column("Implementer", lambda a: str(a.implementer or a.implementer_name)),
    Column("Beneficiary", lambda a: str(a.beneficiary or "")),
    Column("Themes", lambda a: a.themes),
    Column("Source", lambda a: a.get_source_display()),
    Column("Status", lambda a: a.get_status_display()),
    Column("Start", lambda a: a.start),
    Column("End", lambda a: a.end),
]


@login_required
def activity_list(request: HttpRequest) -> HttpResponseBase:
    """List the activities in the register, with filters and CSV/XLSX export."""
    form, filters = bind_filters(ActivityFilterForm, request)
    return render_list(request, title="Activities", rows=selectors.activity_list(
        user=request.user, **filters), columns=COLUMNS, filename="activities",
        filter_form=form,
        intro="The coordination register: activities born of clearing-house commitments and "
              "those of other entities.")


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an activity, its inputs (commitments) and its history."""
    activity = record_visible_or_404(request.user, Activity, pk=pk)
    facts = [
        ("Identifier", activity.identifier, None),
        ("Implementing organization", activity.implementer or activity.implementer_name, None),
        ("Beneficiary State", activity.beneficiary, None),
        ("Request", activity.request, reverse("assistance:request_detail",
                                              args=[activity.request_id])
         if activity.request and policy.can_view(request.user, activity.request) else None),
        ("Published in the IATI file", "yes" if activity.published else "no", None),
        ("Themes", ", ".join(activity.themes), None),
        ("Provisions served", ", ".join(str(p) for p in activity.provisions), None),
        ("Dates", f"{activity.start or '…'} – {activity.end or '…'}", None),
        ("Source", activity.get_source_display(), None),
    ]
    inputs = [(c.request_line.get_kind_display(), c.request_line.theme_id, c.requested,
               c.committed, c.delivered) for c in activity.commitments.select_related(
        "request_line")]
    actions = [] if not policy.actor_for(request.user).secretariat else [
        ("Withdraw from IATI" if activity.published else "Publish in IATI",
         reverse("coordination:activity_publish", args=[activity.pk]))]
    return render(request, "detail.html", {
        "title": activity.title, "facts": facts, "post_actions": actions, "sections": [{
            "title": "Inputs", "headers": ["Kind", "Theme", "Requested", "Committed",
                                           "Delivered"],
            "rows": inputs, "empty": "No inputs recorded."}],
        "history": audit_history_shown(user=request.user, instance=activity),
    })


def iati_feed(request: HttpRequest) -> StreamingHttpResponse:
    """Publish the programme's activities as IATI 2.03 XML at a stable, open URL, streamed."""
    parts = (part for part, _count in iati_stream())
    return StreamingHttpResponse(parts, content_type="application/xml; charset=utf-8")


@login_required
@require_POST
def activity_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the activity in the open IATI file, or withdraw it."""
    activity = record_visible_or_404(request.user, Activity, pk=pk)
    try:
        services.activity_publish(user=request.user, activity=activity,
                                  published=not activity.published)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(reverse("coordination:activity_detail", args=[pk]))
