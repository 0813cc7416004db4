"""The greedy baseline: heaviest request lines first, each served by its best-fitting offers."""

from __future__ import annotations

from typing import Any

from clearinghouse.assistance.brokerage.problem import Problem
from clearinghouse.assistance.brokerage.rules import (
    MAX_PROVIDERS,
    compatible,
    fit,
    minimum_lot,
    value,
    weight,
)


def solve_greedy(problem: Problem) -> dict[str, Any]:
    """Return a feasible solution by the greedy rule (highest weight first, best fit first)."""
    remaining = {line.id: line.capacity for offer in problem.offers for line in offer.lines}
    offer_lines = [line for offer in problem.offers for line in offer.lines]
    queue = sorted(((weight(r, line, problem), r, line) for r in problem.requests
                    for line in r.lines), key=lambda item: (-item[0], item[2].quantity))
    allocations, objective = [], 0.0
    for _, request, line in queue:
        need, providers = line.quantity, 0
        candidates = sorted((o for o in offer_lines if compatible(request, line, o)),
                            key=lambda o: (-fit(line, o), -remaining[o.id]))
        for offer in candidates:
            if need <= 0 or providers == MAX_PROVIDERS:
                break
            units = min(need, remaining[offer.id])
            if units < minimum_lot(line, offer):
                continue
            remaining[offer.id] -= units
            need -= units
            providers += 1
            gain = value(problem, request, line, offer, units)
            objective += gain
            allocations.append({"request_line": line.id, "offer_line": offer.id,
                                "quantity": units, "value": gain})
    return {"status": "feasible", "objective": objective, "allocations": allocations}
