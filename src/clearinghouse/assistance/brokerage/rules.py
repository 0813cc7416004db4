"""Model v1's rules: which lines are compatible, how well they fit, how much a request weighs.

See docs/brokerage.md. Each rule is a small function over plain data.
"""

from __future__ import annotations

from clearinghouse.assistance.brokerage.problem import OfferLine, Problem, Request, RequestLine

# Smallest useful allocation of each kind.
LOT = {"expert_days": 5, "training_places": 1, "funds_usd": 5000}
MAX_PROVIDERS = 2


def compatible(request: Request, line: RequestLine, offer: OfferLine) -> bool:
    """Return whether an offer line can serve a request line (same kind, theme, language,
    region and country earmarks)."""
    return (
        line.kind == offer.kind
        and line.theme in offer.themes
        and (line.language is None or offer.languages is None
             or line.language in offer.languages)
        and (offer.regions is None or request.region in offer.regions)
        and (offer.countries is None or request.country in offer.countries)
    )


def fit(line: RequestLine, offer: OfferLine) -> float:
    """Return s(r, o): 1, less 0.25 for expert-days when the offer lacks the expertise asked."""
    if line.kind == "expert_days" and line.expertise is not None and (
        offer.expertise is None or line.expertise not in offer.expertise
    ):
        return 0.75
    return 1.0


def weight(request: Request, line: RequestLine, problem: Problem) -> float:
    """Return w(r) = 1 + 2 urgent + 1 LDC + 0.5 priority theme + min(1, days waiting / 365)."""
    waiting = max(0, (problem.as_of - request.submitted).days)
    return (1.0 + 2.0 * request.urgent + 1.0 * request.ldc
            + 0.5 * (line.theme in problem.priority_themes) + min(1.0, waiting / 365))


def minimum_lot(line: RequestLine, offer: OfferLine) -> int:
    """Return the least a used pair must carry: min(quantity, lot)."""
    return min(line.quantity, LOT[line.kind])


def value(problem: Problem, request: Request, line: RequestLine, offer: OfferLine,
          units: int) -> float:
    """Return the objective contribution w(r) s(r,o) x / quantity(r)."""
    return weight(request, line, problem) * fit(line, offer) * units / line.quantity
