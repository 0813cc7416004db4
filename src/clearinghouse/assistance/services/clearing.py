"""Record brokerage runs, and turn accepted proposals into commitments and activities."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.assistance.models import (
    BrokerageRun,
    Commitment,
    OfferLine,
    Proposal,
    Request,
    RequestLine,
)
from clearinghouse.assistance.selectors import OPEN_FOR_BROKERAGE
from clearinghouse.assistance.services.workflow import request_transition
from clearinghouse.audit.context import acting_as, because
from clearinghouse.coordination.models import Activity
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.core.records import (
    record_create,
    record_stamp,
    record_update,
    record_validate,
)


def _require_secretariat(user: Any) -> None:
    if not policy.actor_for(user).secretariat:
        raise PermissionDenied("Only the Secretariat brokers requests and offers.")


@transaction.atomic
def brokerage_run_create(*, user: Any, as_of: dt.date, job_id: int | None = None) -> BrokerageRun:
    """Open a brokerage run as of a day; the engine's result is recorded onto it later."""
    _require_secretariat(user)
    return record_create(user=user, model=BrokerageRun, values={
        "as_of": as_of, "job_id": job_id}, editable=("as_of", "job_id"),
        checks=[record_stamp("created_by", user)])


@transaction.atomic
def brokerage_run_record(*, user: Any, run: BrokerageRun, solution: dict[str, Any],
                         excluded: list[dict[str, str]], request_lines: int,
                         offer_lines: int) -> BrokerageRun:
    """Store the engine's solution as proposals, and its unserved lines with their reasons.

    ``solution`` uses the problem's ids (RL<pk>, OL<pk>); ``excluded`` lists request lines
    the problem could not hold (a currency without a rate), with the reason.
    """
    _require_secretariat(user)
    with acting_as(user), because(f"brokerage run {run.pk}"):
        for allocation in solution["allocations"]:  # saved one by one: each is audited
            Proposal(run=run, request_line_id=int(allocation["request_line"][2:]),
                     offer_line_id=int(allocation["offer_line"][2:]),
                     quantity=allocation["quantity"], value=allocation["value"],
                     why=allocation["why"]).save()
    return record_update(user=user, instance=run, values={
        "status": BrokerageRun.Status.DONE, "solver_status": solution["status"],
        "objective": solution["objective"], "bound": solution["bound"],
        "seconds": solution["seconds"], "request_lines": request_lines,
        "offer_lines": offer_lines, "unserved": [*solution["unserved"], *excluded],
    }, editable=("status", "solver_status", "objective", "bound", "seconds", "request_lines",
                 "offer_lines", "unserved"))


@transaction.atomic
def brokerage_run_fail(*, user: Any, run: BrokerageRun) -> BrokerageRun:
    """Mark a run failed (its job holds the error); it made no proposals."""
    return record_update(user=user, instance=run, values={"status": BrokerageRun.Status.FAILED},
                         editable=("status",))


def committed_to(request_line: RequestLine) -> int:
    """Return the units already committed to a request line."""
    total = request_line.commitments.aggregate(total=Sum("committed"))["total"]
    return int(total or 0)


@transaction.atomic
def proposal_accept(*, user: Any, proposal: Proposal) -> Commitment:
    """Accept a proposal: commit the offer's capacity, record the activity, mark the request.

    The proposal, the offer line and the request line are locked in that order, so two
    officers accepting proposals on one offer line at once never commit more than its
    capacity: the second sees the first's commitment and is refused.
    """
    _require_secretariat(user)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.PROPOSED:
        raise ApplicationError(f"This proposal was already {proposal.status}.", status=409,
                               code="decided")
    offer_line = OfferLine.objects.select_for_update().select_related("offer__provider").get(
        pk=proposal.offer_line_id)
    request_line = RequestLine.objects.select_for_update().select_related("request").get(
        pk=proposal.request_line_id)
    request = request_line.request
    if offer_line.offer.status != offer_line.offer.Status.OPEN:
        raise ApplicationError("The offer is no longer open.", status=409, code="offer_closed")
    if offer_line.available_until and offer_line.available_until < timezone.localdate():
        raise ApplicationError("The offer line's availability has ended: run the brokerage "
                               "again.", status=409, code="offer_expired")
    if request.status not in OPEN_FOR_BROKERAGE:
        raise ApplicationError(
            f"The request is {request.get_status_display().lower()}: it can no longer be "
            "matched.", status=409, code="request_closed")
    received, given = _units(proposal, request_line, offer_line)
    if given > offer_line.remaining:
        raise ApplicationError(
            f"The offer line has {offer_line.remaining} left, fewer than the {given} "
            "proposed: another proposal used its capacity. Run the brokerage again.",
            status=409, code="capacity_taken")
    if committed_to(request_line) + received > request_line.quantity:
        raise ApplicationError("The request line would receive more than it asked for.",
                               status=409, code="over_served")
    with acting_as(user), because(f"proposal {proposal.pk} accepted"):
        offer_line.committed += given
        offer_line.save(update_fields=["committed"])
        proposal.status = Proposal.Status.ACCEPTED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        activity = _activity_for(request, offer_line)
    commitment = record_create(user=user, model=Commitment, values={
        "proposal_id": proposal.pk, "request_line_id": request_line.pk,
        "offer_line_id": offer_line.pk, "state_id": request.state_id,
        "provider_id": offer_line.offer.provider_id, "activity_id": activity.pk,
        "requested": request_line.quantity, "committed": received, "provider_units": given,
    }, editable=("proposal_id", "request_line_id", "offer_line_id", "state_id", "provider_id",
                 "activity_id", "requested", "committed", "provider_units"))
    if request.status != Request.Status.MATCHED:
        request_transition(user=user, request=request, action="match",
                           reason=f"Proposal {proposal.pk} accepted")
    return commitment


def _units(proposal: Proposal, request_line: RequestLine, offer_line: OfferLine
           ) -> tuple[int, int]:
    """Return what the request line receives and the offer line gives, each in its units.

    Funds are proposed in US dollars at the run's month's operational rates: the request
    receives the whole units those dollars are worth in its currency (rounded down, so never
    more than asked), and the offer gives what they cost in its own (rounded up, so never
    less than proposed).
    """
    if request_line.kind != "funds":
        return proposal.quantity, proposal.quantity
    from clearinghouse.finance.selectors import rate_on

    day = proposal.run.as_of
    usd = Decimal(proposal.quantity)
    received = int(usd * rate_on(currency=request_line.currency, day=day))
    given = math.ceil(usd * rate_on(currency=offer_line.currency, day=day))
    return received, given


def _activity_for(request: Request, offer_line: OfferLine) -> Activity:
    """Return the request's activity with this provider, creating it on first commitment."""
    provider = offer_line.offer.provider
    identifier = f"CH-{request.reference}-{provider.key}"
    activity = Activity.objects.filter(identifier=identifier).first()
    if activity is None:
        suffix = f" ({provider.acronym or provider.name})"
        activity = Activity(
            identifier=identifier, title=(request.title[:250 - len(suffix)] + suffix)[:250],
            source=Activity.Source.CLEARINGHOUSE, implementer=provider,
            beneficiary_id=request.state_id, request=request, themes=list(request.themes),
            provisions=list(request.provisions), start=offer_line.available_from,
            end=offer_line.available_until)
        record_validate(activity)
        activity.save()
    return activity


@transaction.atomic
def proposal_reject(*, user: Any, proposal: Proposal, reason: str) -> Proposal:
    """Reject a proposal, with the reason; its capacity stays free for the next run."""
    _require_secretariat(user)
    if not reason.strip():
        raise ApplicationError("The input is not valid.", fields={"reason": ["Give the reason."]})
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.PROPOSED:
        raise ApplicationError(f"This proposal was already {proposal.status}.", status=409,
                               code="decided")
    return record_update(user=user, instance=proposal, values={
        "status": Proposal.Status.REJECTED, "reason": reason.strip()[:300],
        "decided_at": timezone.now(),
    }, editable=("status", "reason", "decided_at"), reason=reason,
        checks=[record_stamp("decided_by", user)])


@transaction.atomic
def commitment_deliver(*, user: Any, commitment: Commitment, delivered: int) -> Commitment:
    """Record how much of a commitment has been delivered so far."""
    _require_secretariat(user)
    if not 0 <= delivered <= commitment.committed:
        raise ApplicationError("The input is not valid.", fields={"delivered": [
            f"Give a number from 0 to the {commitment.committed} committed."]})
    return record_update(user=user, instance=commitment, values={"delivered": delivered},
                         editable=("delivered",))
