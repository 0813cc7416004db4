"""Request pages: list and export, escalation queue, detail with clocks, form, import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clearinghouse.access import policy
from clearinghouse.assistance import forms, selectors, services
from clearinghouse.assistance.models import Request
from clearinghouse.assistance.services.imports import COLUMNS
from clearinghouse.audit.selectors import audit_history_shown
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.web.forms import service_error_attach
from clearinghouse.web.lists import bind_filters, render_list


def _link(r: Request) -> str:
    return reverse("assistance:request_detail", args=[r.pk])


def _clock_text(r: Request) -> str:
    clock = selectors.request_clock(request=r)
    if clock.days_waiting is None:
        return ""
    late = " — overdue" if clock.overdue else ""
    return f"{clock.days_waiting} of {clock.target_days} days{late}"


REQUEST_COLUMNS = [
    Column("Reference", lambda r: r.reference, _link),
    Column("Title", lambda r: r.title),
    Column("Beneficiary State", lambda r: r.state.name),
    Column("Type", lambda r: r.get_type_display()),
    Column("Urgent", lambda r: r.urgent),
    Column("LDC", lambda r: r.ldc),
    Column("Themes", lambda r: r.themes),
    Column("Status", lambda r: r.get_status_display()),
    Column("Submitted", lambda r: r.submitted_at.date() if r.submitted_at else None),
    Column("Waiting", _clock_text),
]


def _get_visible(request: HttpRequest, pk: int) -> Request:
    found: Request = record_visible_or_404(
        request.user, Request.objects.select_related("state"), pk=pk)
    return found


@login_required
def request_list(request: HttpRequest) -> HttpResponseBase:
    """List the requests the user may see, with filters and CSV/XLSX export."""
    form, filters = bind_filters(forms.RequestFilterForm, request)
    actions = [("Escalation queue", reverse("assistance:escalation_queue")),
               ("Priority themes", reverse("assistance:priority_themes")),
               ("Import CSV/XLSX", reverse("assistance:request_import")),
               ("New request", reverse("assistance:request_create"))]
    return render_list(request, title="Requests", rows=selectors.request_list(
        user=request.user, **filters), columns=REQUEST_COLUMNS, filename="requests",
        filter_form=form, actions=actions,
        intro="Requests from Member States for technical cooperation, advisory services, "
              "training and special operational activities in situations of urgent need.")


@login_required
def escalation_queue(request: HttpRequest) -> HttpResponseBase:
    """List the requests past their response target, longest waiting first."""
    return render_list(request, title="Escalation queue", rows=selectors.escalation_queue(
        user=request.user), columns=REQUEST_COLUMNS, filename="escalations", filter_form=None,
        intro="Submitted or screened requests still without a response past their target "
              "(urgent and other requests have separate targets).")


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a request: facts, clock, need lines as requested/committed/delivered, history."""
    found = _get_visible(request, pk)
    return render(request, "assistance/request_detail.html", {
        "title": f"{found.reference} {found.title}", "r": found,
        "provisions": selectors.provisions_named(ids=found.provisions),
        "clock": selectors.request_clock(request=found),
        "lines": selectors.request_lines_served(request=found),
        "commitments": selectors.commitment_list(user=request.user, request=found),
        "transitions": services.transitions_open(user=request.user, request=found),
        "can_edit": found.status == Request.Status.DRAFT and policy.can_change(
            request.user, found),
        "history": audit_history_shown(user=request.user, instance=found),
    })


@login_required
@require_POST
def request_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a workflow action on a request from its page."""
    found = _get_visible(request, pk)
    try:
        services.request_transition(user=request.user, request=found,
                                    action=request.POST.get("action", ""),
                                    reason=request.POST.get("reason", ""))
    except ApplicationError as error:
        detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.fields.items())
        messages.error(request, f"{error.message} {detail}".strip())
    else:
        messages.success(request, "Done.")
    return redirect(_link(found))


def _request_form_page(request: HttpRequest, *, instance: Request | None) -> HttpResponse:
    initial: dict[str, Any] | None = None
    line_initial: list[dict[str, Any]] | None = None
    if instance is not None:
        initial = {"type": instance.type, "state": instance.state.iso3, "title": instance.title,
                   "description": instance.description, "urgent": instance.urgent,
                   "themes": instance.themes}
        line_initial = [{"kind": n.kind, "theme": n.theme_id, "expertise": n.expertise_id,
                         "language": n.language, "subject": n.subject, "quantity": n.quantity,
                         "currency": n.currency} for n in instance.lines.all()]
    form = forms.RequestForm(request.POST or None, initial=initial, user=request.user)
    lines = forms.RequestLineFormSet(request.POST or None, initial=line_initial, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        line_values = [f.values() for f in lines.forms if f.has_changed() and f.cleaned_data]
        try:
            saved = _save_request(request, instance, form, line_values)
        except ApplicationError as error:
            if error.status == 404:
                raise Http404 from error
            service_error_attach(form, lines, error)
        else:
            messages.success(request, "Saved.")
            return redirect(_link(saved))
    return render(request, "assistance/request_form.html", {
        "title": "New request" if instance is None else f"Edit {instance.reference}",
        "form": form, "lines": lines,
        "cancel_url": _link(instance) if instance else reverse("assistance:request_list"),
    }, status=400 if form.errors or any(lines.errors) or lines.non_form_errors() else 200)


@transaction.atomic
def _save_request(request: HttpRequest, instance: Request | None, form: Any,
                  line_values: list[dict[str, Any]]) -> Request:
    """Create or change the request, and submit it if asked: all of it, or none of it."""
    if instance is None:
        saved = services.request_create(user=request.user, values=form.values(),
                                        lines=line_values)
    else:
        saved = services.request_update(user=request.user, request=instance,
                                        values=form.values(), lines=line_values)
    if request.POST.get("submit_now"):
        saved = services.request_transition(user=request.user, request=saved, action="submit")
    return saved




@login_required
def request_create(request: HttpRequest) -> HttpResponse:
    """Draft a new request with its need lines; optionally submit it at once."""
    return _request_form_page(request, instance=None)


@login_required
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a draft request and its need lines; anything else goes through the workflow."""
    found = _get_visible(request, pk)
    if found.status != Request.Status.DRAFT or not policy.can_change(request.user, found):
        messages.error(request, "Only a draft request can be edited, by its State or the "
                                "Secretariat.")
        return redirect(_link(found))
    return _request_form_page(request, instance=found)


@login_required
def request_import(request: HttpRequest) -> HttpResponse:
    """Import requests from CSV or XLSX; list every faulty row by line and field."""
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    rows: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            created = services.request_import(user=request.user, content=upload.read(),
                                              filename=upload.name,
                                              submit=form.cleaned_data["submit"])
        except ApplicationError as error:
            rows = error.extra.get("rows") or [
                {"line": "", "field": k, "message": " ".join(v)} for k, v in error.fields.items()]
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Imported {len(created)} request(s).")
            return redirect(reverse("assistance:request_list"))
    return render(request, "assistance/request_import.html", {
        "title": "Import requests", "form": form, "rows": rows,
        "columns": COLUMNS,
    }, status=400 if form.errors else 200)
