"""Brokerage pages: runs, their proposals with explanations, decisions on proposals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clearinghouse.access import policy
from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.models import BrokerageRun, Proposal, RequestLine
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_visible_or_404
from clearinghouse.core.tables import Column
from clearinghouse.jobs import services as job_services
from clearinghouse.web.lists import render_list


def _link(run: BrokerageRun) -> str:
    return reverse("assistance:run_detail", args=[run.pk])


RUN_COLUMNS = [
    Column("Run", lambda r: r.pk, _link),
    Column("As of", lambda r: r.as_of),
    Column("Status", lambda r: r.get_status_display()),
    Column("Solver", lambda r: r.solver_status),
    Column("Objective", lambda r: f"{r.objective:.2f}" if r.objective is not None else ""),
    Column("Gap to bound", lambda r: f"{r.gap:.2%}" if r.gap is not None else ""),
    Column("Request lines", lambda r: r.request_lines),
    Column("Offer lines", lambda r: r.offer_lines),
    Column("Started", lambda r: r.created_at),
]


@login_required
def run_list(request: HttpRequest) -> HttpResponseBase:
    """List brokerage runs; the Secretariat starts a new one from here."""
    if not policy.actor_for(request.user).staff:
        raise Http404
    return render_list(request, title="Brokerage runs", rows=selectors.run_list(
        user=request.user), columns=RUN_COLUMNS, filename="brokerage-runs", filter_form=None,
        intro="Each run matches the open requests' remaining needs with the open offers' "
              "remaining capacity (model v1, see docs/brokerage.md). Its proposals wait for "
              "an officer's decision.",
        actions=[("Run brokerage now", reverse("assistance:run_start"))])


@login_required
def run_start(request: HttpRequest) -> HttpResponse:
    """Confirm, then start a brokerage run as a background job and show its progress."""
    if not policy.actor_for(request.user).secretariat:
        raise Http404
    if request.method != "POST":
        return render(request, "assistance/run_start.html", {"title": "Run brokerage"})
    try:
        job = job_services.job_start(user=request.user, kind="assistance.brokerage_run",
                                     params={"as_of": request.POST.get("as_of", "")})
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(reverse("assistance:run_list"))
    return redirect(reverse("jobs:job_detail", args=[job.pk]))


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a run: its figures, its proposals with their reasons, and the unserved lines."""
    run = record_visible_or_404(request.user, BrokerageRun, pk=pk)
    line_ids = [int(u["request_line"][2:]) for u in run.unserved]
    lines = RequestLine.objects.select_related("request__state").in_bulk(line_ids)
    unserved = [(lines.get(int(u["request_line"][2:])), u["why"]) for u in run.unserved]
    return render(request, "assistance/run_detail.html", {
        "title": str(run), "run": run,
        "proposals": selectors.proposal_list(user=request.user, run=run),
        "unserved": unserved,
        "can_decide": policy.actor_for(request.user).secretariat,
    })


@login_required
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or reject one proposal; a refusal (capacity taken) is shown, not hidden."""
    proposal = record_visible_or_404(request.user, Proposal, pk=pk)
    try:
        if request.POST.get("decision") == "accept":
            services.proposal_accept(user=request.user, proposal=proposal)
            messages.success(request, f"Proposal {proposal.pk} accepted: commitment recorded.")
        else:
            services.proposal_reject(user=request.user, proposal=proposal,
                                     reason=request.POST.get("reason", ""))
            messages.success(request, f"Proposal {proposal.pk} rejected.")
    except ApplicationError as error:
        detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.fields.items())
        messages.error(request, f"{error.message} {detail}".strip())
    return redirect(reverse("assistance:run_detail", args=[proposal.run_id]))
