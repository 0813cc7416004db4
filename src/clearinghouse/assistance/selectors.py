"""Read the clearing-house: requests and their clocks, offers, runs, commitments, problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from clearinghouse.access import policy
from clearinghouse.assistance.models import (
    BrokerageRun,
    Commitment,
    Kind,
    Offer,
    OfferLine,
    PriorityThemeList,
    Proposal,
    Request,
    RequestLine,
    Theme,
)

OPEN_FOR_BROKERAGE = (Request.Status.SUBMITTED, Request.Status.SCREENED, Request.Status.MATCHED)
AWAITING_RESPONSE = (Request.Status.SUBMITTED, Request.Status.SCREENED)
PROBLEM_KINDS = {Kind.EXPERT_DAYS: "expert_days", Kind.TRAINING_PLACES: "training_places",
                 Kind.FUNDS: "funds_usd"}


def response_target_days(*, urgent: bool) -> int:
    """Return the configured number of days to respond to a request."""
    return int(settings.RESPONSE_TARGET_DAYS_URGENT if urgent else settings.RESPONSE_TARGET_DAYS)


@dataclass(frozen=True, slots=True)
class Clock:
    """How long a request has waited for a response, against its target."""

    days_waiting: int | None
    target_days: int
    overdue: bool


def request_clock(*, request: Request, now: dt.datetime | None = None) -> Clock:
    """Return the request's clock: days from submission to response (or to now)."""
    target = response_target_days(urgent=request.urgent)
    if request.submitted_at is None:
        return Clock(None, target, False)
    end = request.responded_at or now or timezone.now()
    days = (end - request.submitted_at).days
    return Clock(days, target, request.responded_at is None and days > target)


def _overdue(now: dt.datetime) -> Q:
    urgent = now - dt.timedelta(days=response_target_days(urgent=True))
    other = now - dt.timedelta(days=response_target_days(urgent=False))
    return Q(status__in=AWAITING_RESPONSE) & (
        Q(urgent=True, submitted_at__lt=urgent) | Q(urgent=False, submitted_at__lt=other))


def request_list(*, user: Any, status: str = "", type: str = "", urgent: bool | None = None,
                 state: str = "", theme: str = "", overdue: bool = False, q: str = "",
                 now: dt.datetime | None = None) -> QuerySet[Request]:
    """Return the requests the user may see, filtered."""
    qs = policy.visible(user, Request.objects.select_related("state"))
    if status:
        qs = qs.filter(status=status)
    if type:
        qs = qs.filter(type=type)
    if urgent is not None:
        qs = qs.filter(urgent=urgent)
    if state:
        qs = qs.filter(state__iso3=state.upper())
    if theme:
        qs = qs.filter(pk__in=[r.pk for r in qs.only("pk", "themes") if theme in r.themes])
    if overdue:
        qs = qs.filter(_overdue(now or timezone.now()))
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(reference__icontains=q)
                       | Q(description__icontains=q))
    return qs


def escalation_queue(*, user: Any, now: dt.datetime | None = None) -> QuerySet[Request]:
    """Return the requests past their response target, longest waiting first."""
    return request_list(user=user, overdue=True, now=now).order_by("submitted_at")


def unmatched_urgent(*, user: Any) -> QuerySet[Request]:
    """Return urgent requests still waiting for a match."""
    return request_list(user=user, urgent=True).filter(
        status__in=AWAITING_RESPONSE).order_by("submitted_at")


def request_lines_served(*, request: Request) -> list[tuple[RequestLine, int, int]]:
    """Return each line of the request with the units committed and delivered so far."""
    lines = request.lines.select_related("theme", "expertise").annotate(
        committed_units=Coalesce(Sum("commitments__committed"), 0),
        delivered_units=Coalesce(Sum("commitments__delivered"), 0))
    return [(line, line.committed_units, line.delivered_units) for line in lines]


def offer_list(*, user: Any, status: str = "", kind: str = "", provider: str = "",
               q: str = "") -> QuerySet[Offer]:
    """Return the offers the user may see, filtered."""
    qs = policy.visible(user, Offer.objects.select_related("provider"))
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(lines__kind=kind).distinct()
    if provider:
        qs = qs.filter(provider__key=provider)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(reference__icontains=q))
    return qs


def offer_lines_unused(*, user: Any) -> QuerySet[OfferLine]:
    """Return the open offers' lines with capacity not yet committed, most unused first."""
    lines: QuerySet[OfferLine] = policy.visible(
        user, OfferLine.objects.select_related("offer__provider"))
    return lines.filter(
        offer__status=Offer.Status.OPEN, committed__lt=F("capacity")).annotate(
        unused=F("capacity") - F("committed")).order_by("-unused")


def run_list(*, user: Any) -> QuerySet[BrokerageRun]:
    """Return the brokerage runs the user may see, newest first."""
    return policy.visible(user, BrokerageRun.objects.all())


def proposal_list(*, user: Any, run: BrokerageRun) -> QuerySet[Proposal]:
    """Return a run's proposals with their lines, best value first."""
    return policy.visible(user, run.proposals.select_related(
        "request_line__request__state", "request_line__theme", "offer_line__offer__provider"))


def commitment_list(*, user: Any, request: Request | None = None) -> QuerySet[Commitment]:
    """Return the commitments the user may see (of one request, if given)."""
    qs = policy.visible(user, Commitment.objects.select_related(
        "request_line__request", "offer_line__offer", "provider", "state", "activity"))
    return qs.filter(request_line__request=request) if request is not None else qs


def priority_themes_on(day: dt.date) -> list[str]:
    """Return the priority themes in force on a day (none before the first version)."""
    version = PriorityThemeList.objects.filter(effective_from__lte=day).order_by(
        "-version").first()
    return list(version.themes) if version else []


def theme_list() -> QuerySet[Theme]:
    """Return the programme's themes."""
    return Theme.objects.all()


def provisions_named(*, ids: list[int]) -> list[str]:
    """Return "E/RES/1992/22 VI.3(b)" style names of the provisions, in the given order."""
    from clearinghouse.mandates.models import Provision

    found = Provision.objects.select_related("resolution").in_bulk(ids)
    return [str(found[i]) for i in ids if i in found]


def funds_in_usd(*, amount: int, currency: str, on: dt.date) -> int | None:
    """Return the whole US dollars an amount is worth at the month's rate (None: no rate)."""
    from clearinghouse.core.errors import ApplicationError
    from clearinghouse.finance.selectors import rate_on

    try:
        rate = rate_on(currency=currency, day=on)
    except ApplicationError:
        return None
    return int(Decimal(amount) / rate)  # whole dollars, rounded down: never over-counted


def brokerage_problem(*, as_of: dt.date) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Return the open requests' remaining needs and the open offers' remaining capacity.

    The dict is the engine's problem format (ids RL<pk>, OL<pk>). Funds are brokered in US
    dollars: a line in another currency counts the whole dollars its remaining amount is
    worth at the UN operational rate of the run's month (``funds_in_usd``); a request line
    whose currency has no rate that month is returned as excluded, with the reason.
    """
    excluded: list[dict[str, str]] = []
    requests: dict[int, dict[str, Any]] = {}
    lines = RequestLine.objects.filter(request__status__in=OPEN_FOR_BROKERAGE).select_related(
        "request__state__region").annotate(
        served=Coalesce(Sum("commitments__committed"), 0)).order_by("request_id", "id")
    for line in lines:
        remaining = line.quantity - line.served
        if remaining <= 0:
            continue
        if line.kind == Kind.FUNDS:
            usd = funds_in_usd(amount=remaining, currency=line.currency, on=as_of)
            if usd is None:
                excluded.append({"request_line": f"RL{line.pk}", "why": (
                    f"funds in {line.currency}: no UN operational rate of exchange for "
                    f"{as_of:%Y-%m}, so their value in US dollars is unknown")})
                continue
            if usd <= 0:
                continue
            remaining = usd
        request = line.request
        entry = requests.setdefault(request.pk, {
            "id": f"R{request.pk}", "country": request.state.iso3,
            "region": request.state.region.code, "ldc": request.ldc, "urgent": request.urgent,
            "submitted": timezone.localdate(request.submitted_at).isoformat()
            if request.submitted_at else as_of.isoformat(), "lines": []})
        entry["lines"].append({
            "id": f"RL{line.pk}", "kind": PROBLEM_KINDS[Kind(line.kind)], "theme": line.theme_id,
            "expertise": line.expertise_id, "language": line.language or None,
            "quantity": remaining})
    offers: dict[int, dict[str, Any]] = {}
    offer_lines = OfferLine.objects.filter(
        offer__status=Offer.Status.OPEN, committed__lt=F("capacity")).filter(
        Q(available_until__isnull=True) | Q(available_until__gte=as_of)).select_related(
        "offer__provider").order_by("offer_id", "id")
    for offer_line in offer_lines:
        capacity: int | None = offer_line.remaining
        if offer_line.kind == Kind.FUNDS:
            capacity = funds_in_usd(amount=offer_line.remaining, currency=offer_line.currency,
                                    on=as_of)
            if not capacity:
                continue  # no rate this month, or less than a dollar left
        offer = offer_line.offer
        entry = offers.setdefault(offer.pk, {"id": f"O{offer.pk}", "provider": offer.provider.key,
                                             "lines": []})
        entry["lines"].append({
            "id": f"OL{offer_line.pk}", "kind": PROBLEM_KINDS[Kind(offer_line.kind)],
            "themes": offer_line.themes, "expertise": offer_line.expertise,
            "languages": offer_line.languages, "regions": offer_line.regions,
            "countries": offer_line.countries, "capacity": capacity})
    return {"as_of": as_of.isoformat(), "priority_themes": priority_themes_on(as_of),
            "requests": list(requests.values()), "offers": list(offers.values())}, excluded
