"""Clearing-house API: requests and their workflow, offers, brokerage runs, commitments.

Handlers validate with schemas, call one selector or service, and return its result.
"""

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import File, Query, Router, Status, UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from clearinghouse.assistance import schemas as s
from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.models import (
    BrokerageRun,
    Commitment,
    Offer,
    PriorityThemeList,
    Proposal,
    Request,
)
from clearinghouse.core.records import record_pk, record_visible_or_404
from clearinghouse.jobs import services as job_services
from clearinghouse.registry.models import Organization, State

router = Router(tags=["clearing-house"])


@router.get("/requests", response=list[s.RequestOut], summary="Requests")
@paginate(PageNumberPagination)
def request_list(request: HttpRequest, filters: Query[s.RequestFilters]) -> Any:
    return selectors.request_list(user=request.user, **filters.dict())


@router.get("/requests/escalations", response=list[s.RequestOut],
            summary="Requests past their response target")
@paginate(PageNumberPagination)
def escalation_queue(request: HttpRequest) -> Any:
    return selectors.escalation_queue(user=request.user)


@router.post("/requests", response={201: s.RequestDetailOut})
def request_create(request: HttpRequest, payload: s.RequestIn) -> Any:
    """Create a request with its need lines (a draft, or submitted with ``submit``)."""
    values = payload.dict(exclude={"lines", "submit", "state"})
    values["state_id"] = record_pk(State, "state", payload.state.upper(), key="iso3",
                                   required=True)
    lines = [{"kind": line.kind, "theme_id": line.theme, "expertise_id": line.expertise,
              "language": line.language.lower(), "subject": line.subject,
              "quantity": line.quantity, "currency": line.currency.upper()}
             for line in payload.lines]
    with transaction.atomic():  # a request that cannot be submitted is not kept as a draft
        found = services.request_create(user=request.user, values=values, lines=lines)
        if payload.submit:
            found = services.request_transition(user=request.user, request=found,
                                                action="submit")
    return Status(201, found)


@router.post("/requests/import", response={201: list[s.RequestOut]},
             summary="Import requests from CSV or XLSX")
def request_import(request: HttpRequest, file: File[UploadedFile], submit: bool = False) -> Any:
    """Import one row per need line; on any error nothing is written and every row is named."""
    return Status(201, services.request_import(user=request.user, content=file.read(),
                                               filename=file.name or "", submit=submit))


@router.get("/requests/{request_id}", response=s.RequestDetailOut)
def request_detail(request: HttpRequest, request_id: int) -> Any:
    return record_visible_or_404(request.user, Request, pk=request_id)


@router.post("/requests/{request_id}/transitions", response=s.RequestDetailOut)
def request_transition(request: HttpRequest, request_id: int, payload: s.TransitionIn) -> Any:
    """Take a workflow action; a wrong status is a 409, a missing reason a 400."""
    found = record_visible_or_404(request.user, Request, pk=request_id)
    return services.request_transition(user=request.user, request=found,
                                       action=payload.action, reason=payload.reason)


@router.get("/requests/{request_id}/commitments", response=list[s.CommitmentOut])
def request_commitments(request: HttpRequest, request_id: int) -> Any:
    found = record_visible_or_404(request.user, Request, pk=request_id)
    return selectors.commitment_list(user=request.user, request=found)


@router.get("/offers", response=list[s.OfferOut], summary="Offers")
@paginate(PageNumberPagination)
def offer_list(request: HttpRequest, status: str = "", kind: str = "", q: str = "") -> Any:
    return selectors.offer_list(user=request.user, status=status, kind=kind,
                                q=q).prefetch_related("lines")


@router.post("/offers", response={201: s.OfferOut})
def offer_create(request: HttpRequest, payload: s.OfferIn) -> Any:
    values = payload.dict(exclude={"lines", "provider"})
    values["provider_id"] = record_pk(Organization, "provider", payload.provider, key="key",
                                       required=True)
    lines = [line.dict() for line in payload.lines]
    return Status(201, services.offer_create(user=request.user, values=values, lines=lines))


@router.get("/offers/{offer_id}", response=s.OfferOut)
def offer_detail(request: HttpRequest, offer_id: int) -> Any:
    return record_visible_or_404(request.user, Offer, pk=offer_id)


@router.post("/offers/{offer_id}/close", response=s.OfferOut,
             summary="Close an offer: its remaining capacity is no longer brokered")
def offer_close(request: HttpRequest, offer_id: int, payload: s.ReasonIn) -> Any:
    offer = record_visible_or_404(request.user, Offer, pk=offer_id)
    return services.offer_close(user=request.user, offer=offer, reason=payload.reason)


@router.get("/brokerage/runs", response=list[s.RunOut])
@paginate(PageNumberPagination)
def run_list(request: HttpRequest) -> Any:
    return selectors.run_list(user=request.user)


@router.post("/brokerage/runs", response={202: dict[str, Any]},
             summary="Start a brokerage run (a background job)")
def run_start(request: HttpRequest, payload: s.RunIn) -> Any:
    """Start the run; follow it at /api/jobs/{job}; its result names the run."""
    job = job_services.job_start(user=request.user, kind="assistance.brokerage_run", params={
        "as_of": payload.as_of.isoformat() if payload.as_of else ""})
    return Status(202, {"job": job.pk, "status": job.status, "result": job.result})


@router.get("/brokerage/runs/{run_id}", response=s.RunOut)
def run_detail(request: HttpRequest, run_id: int) -> Any:
    return record_visible_or_404(request.user, BrokerageRun, pk=run_id)


@router.get("/brokerage/runs/{run_id}/proposals", response=list[s.ProposalOut])
def run_proposals(request: HttpRequest, run_id: int) -> Any:
    run = record_visible_or_404(request.user, BrokerageRun, pk=run_id)
    return selectors.proposal_list(user=request.user, run=run)


@router.post("/proposals/{proposal_id}/decision", response=s.ProposalOut)
def proposal_decide(request: HttpRequest, proposal_id: int, payload: s.DecisionIn) -> Any:
    """Accept (commit the capacity; 409 if it was taken meanwhile) or reject a proposal."""
    proposal = record_visible_or_404(request.user, Proposal, pk=proposal_id)
    if payload.decision == "accept":
        services.proposal_accept(user=request.user, proposal=proposal)
    else:
        services.proposal_reject(user=request.user, proposal=proposal, reason=payload.reason)
    return Proposal.objects.get(pk=proposal.pk)


@router.get("/commitments", response=list[s.CommitmentOut])
@paginate(PageNumberPagination)
def commitment_list(request: HttpRequest) -> Any:
    return selectors.commitment_list(user=request.user)


@router.post("/commitments/{commitment_id}/delivery", response=s.CommitmentOut,
             summary="Record how much of a commitment has been delivered")
def commitment_deliver(request: HttpRequest, commitment_id: int,
                       payload: s.DeliveryIn) -> Any:
    commitment = record_visible_or_404(request.user, Commitment, pk=commitment_id)
    return services.commitment_deliver(user=request.user, commitment=commitment,
                                       delivered=payload.delivered)


@router.get("/themes", response=list[s.ThemeOut], auth=None)
def theme_list(request: HttpRequest) -> Any:
    return selectors.theme_list()


@router.get("/priority-themes", response=list[s.PriorityThemesOut], summary="All versions")
def priority_theme_versions(request: HttpRequest) -> Any:
    return PriorityThemeList.objects.all()


@router.post("/priority-themes", response={201: s.PriorityThemesOut})
def priority_themes_revise(request: HttpRequest, payload: s.PriorityThemesIn) -> Any:
    return Status(201, services.priority_themes_revise(
        user=request.user, themes=payload.themes, effective_from=payload.effective_from,
        note=payload.note))
