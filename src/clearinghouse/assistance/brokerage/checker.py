"""Check a solution against its problem, independently of the code that produced it.

The rules are written out again here on purpose: a check that reused the solver's own
functions would repeat the solver's mistakes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from clearinghouse.assistance.brokerage.problem import Problem

LOTS = {"expert_days": 5, "training_places": 1, "funds_usd": 5000}


def check_solution(problem: Problem, solution: dict[str, Any]) -> list[str]:
    """Return every violation found (an empty list means the solution is feasible)."""
    errors: list[str] = []
    request_lines = {line.id: (request, line) for request in problem.requests
                     for line in request.lines}
    offer_lines = {line.id: line for offer in problem.offers for line in offer.lines}
    served: Counter[str] = Counter()
    used: Counter[str] = Counter()
    providers: defaultdict[str, set[str]] = defaultdict(set)
    objective = 0.0
    for n, allocation in enumerate(solution.get("allocations", [])):
        where = f"allocations[{n}]"
        pair = request_lines.get(allocation.get("request_line"))
        offer = offer_lines.get(allocation.get("offer_line"))
        units = allocation.get("quantity")
        if pair is None or offer is None:
            errors.append(f"{where}: unknown request or offer line")
            continue
        request, line = pair
        if not isinstance(units, int) or units <= 0:
            errors.append(f"{where}: quantity must be a positive whole number")
            continue
        if not (offer.kind == line.kind and line.theme in offer.themes
                and (offer.languages is None or line.language is None
                     or line.language in offer.languages)
                and (offer.regions is None or request.region in offer.regions)
                and (offer.countries is None or request.country in offer.countries)):
            errors.append(f"{where}: the lines are not compatible")
        if units < min(line.quantity, LOTS[line.kind]):
            errors.append(f"{where}: below the minimum lot")
        served[line.id] += units
        used[offer.id] += units
        providers[line.id].add(offer.id)
        waiting = max(0, (problem.as_of - request.submitted).days)
        w = 1 + 2 * request.urgent + request.ldc + 0.5 * (
            line.theme in problem.priority_themes) + min(1.0, waiting / 365)
        s = 0.75 if (line.kind == "expert_days" and line.expertise is not None and (
            offer.expertise is None or line.expertise not in offer.expertise)) else 1.0
        objective += w * s * units / line.quantity
    for line_id, total in served.items():
        if total > request_lines[line_id][1].quantity:
            errors.append(f"request line {line_id}: {total} allocated, more than asked")
        if len(providers[line_id]) > 2:
            errors.append(f"request line {line_id}: more than two providers")
    for line_id, total in used.items():
        if total > offer_lines[line_id].capacity:
            errors.append(f"offer line {line_id}: {total} allocated, more than its capacity")
    claimed = solution.get("objective")
    if isinstance(claimed, int | float) and abs(claimed - objective) > 1e-6 * max(1, objective):
        errors.append(f"objective: claimed {claimed}, recomputed {objective}")
    return errors
