"""Mandate pages: resolutions, the tracker, the review queue, follow-up and corrections."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from clearinghouse.access import policy
from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.mandates import forms, selectors, services
from clearinghouse.mandates.models import Mandate, Provision, Resolution
from clearinghouse.mandates.report import progress_report_build, render_html
from clearinghouse.web.lists import bind_filters, render_list, service_form_page

RESOLUTION_COLUMNS = [
    Column("Symbol", lambda r: r.symbol,
           lambda r: reverse("mandates:resolution_detail", args=[r.pk])),
    Column("Title", lambda r: r.title),
    Column("Body", lambda r: r.body),
    Column("Adopted", lambda r: r.adopted),
]

TRACKER_COLUMNS = [
    Column("Provision", lambda m: f"{m.provision.resolution.symbol} {m.provision.ref}",
           lambda m: reverse("mandates:mandate_edit", args=[m.pk])),
    Column("Actor", lambda m: m.actor),
    Column("Action", lambda m: m.action),
    Column("Addressee", lambda m: m.addressee),
    Column("Due", lambda m: m.due_text),
    Column("Due from", lambda m: m.due_from),
    Column("Due to", lambda m: m.due_to),
    Column("Status", lambda m: m.get_status_display()),
    Column("Responsible", lambda m: m.responsible_organization or m.responsible_person),
]

REVIEW_COLUMNS = [
    Column("Provision", lambda p: f"{p.resolution.symbol} {p.ref}",
           lambda p: reverse("mandates:provision_correct", args=[p.pk])),
    Column("Confidence", lambda p: f"{p.confidence:.2f}"),
    Column("Complete", lambda p: p.complete),
    Column("Text", lambda p: p.text[:160]),
]


def resolution_list(request: HttpRequest) -> HttpResponseBase:
    """List ingested resolutions (public)."""
    form, filters = bind_filters(forms.ResolutionFilterForm, request)
    return render_list(request, title="Resolutions", rows=selectors.resolution_list(
        user=request.user, **filters), columns=RESOLUTION_COLUMNS, filename="resolutions",
        filter_form=form, intro="Resolutions ingested into Clearinghouse, with their provisions.")


def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a resolution's structured text, its citations both ways and its lacunae."""
    resolution = get_object_or_404(Resolution, pk=pk)
    policy.require_view(request.user, resolution)
    provisions = list(resolution.provisions.all())
    staff = policy.actor_for(request.user).staff
    return render(request, "mandates/resolution_detail.html", {
        "title": f"{resolution.symbol}", "resolution": resolution,
        "preamble": [p for p in provisions if p.kind == Provision.Kind.PREAMBULAR],
        "operative": [p for p in provisions if p.kind != Provision.Kind.PREAMBULAR],
        "citations": resolution.citations.select_related("cited"),
        "cited_by": resolution.cited_by.select_related("resolution"),
        "can_correct": staff,
        "report_formats": [("pdf", "Report as PDF"), ("docx", "Report as Word")],
        "history": audit_history_shown(user=request.user, instance=resolution),
    })


@login_required
def progress_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the progress report on a resolution as a page (PDF and Word come from a job)."""
    resolution = get_object_or_404(Resolution, pk=pk)
    if not policy.actor_for(request.user).staff:
        raise Http404
    return HttpResponse(render_html(progress_report_build(resolution=resolution)))


@login_required
def tracker(request: HttpRequest) -> HttpResponseBase:
    """The mandate tracker: filter by actor, status, body and due window; export."""
    form, filters = bind_filters(forms.TrackerFilterForm, request)
    return render_list(request, title="Mandate tracker", rows=selectors.mandate_list(
        user=request.user, **filters), columns=TRACKER_COLUMNS, filename="mandates",
        filter_form=form, intro="Who each provision asks to act, by when, and how it stands.")


@login_required
def review_queue(request: HttpRequest) -> HttpResponseBase:
    """Provisions where the parser was unsure, for an officer to check and correct."""
    return render_list(request, title="Review queue", rows=selectors.review_queue(
        user=request.user), columns=REVIEW_COLUMNS, filename="review-queue", filter_form=None,
        intro="Provisions the parser was unsure of: incomplete, or read with low confidence.")


def _mandate_or_404(request: HttpRequest, pk: int) -> Mandate:
    mandate: Mandate = record_visible_or_404(
        request.user, Mandate.objects.select_related("provision__resolution"), pk=pk)
    return mandate


@login_required
def mandate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a mandate's follow-up."""
    mandate = _mandate_or_404(request, pk)
    initial: dict[str, Any] = {
        "status": mandate.status, "responsible_organization": mandate.responsible_organization_id,
        "responsible_person": mandate.responsible_person,
        "evidence": "\n".join(mandate.evidence)}
    return service_form_page(
        request, form_class=forms.FollowUpForm,
        title=f"Follow-up of {mandate.provision}: {mandate.actor} to {mandate.action}",
        cancel_url=reverse("mandates:tracker"), initial=initial,
        save=lambda f: services.mandate_follow_up(user=request.user, mandate=mandate,
                                                  values=f.values(),
                                                  reason=f.cleaned_data["reason"]),
        success=lambda m: reverse("mandates:tracker"),
        history=audit_history_shown(user=request.user, instance=mandate),
    )


@login_required
def provision_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a provision's text by hand; later ingestions keep the correction."""
    provision = get_object_or_404(Provision.objects.select_related("resolution"), pk=pk)
    policy.require_view(request.user, provision)
    return service_form_page(
        request, form_class=forms.CorrectionForm, title=f"Correct {provision}",
        cancel_url=reverse("mandates:resolution_detail", args=[provision.resolution_id]),
        initial={"text": provision.shown_text},
        save=lambda f: services.provision_correct(user=request.user, provision=provision,
                                                  text=f.cleaned_data["text"],
                                                  reason=f.cleaned_data["reason"]),
        success=lambda p: reverse("mandates:resolution_detail", args=[p.resolution_id]),
    )
