"""The brokerage solver: relax, repair, then prove or improve piece by piece.

1. ``pairs`` indexes every compatible (request line, offer line) pair as numpy arrays.
2. ``relaxation`` solves the transportation relaxation (no lots, no two-provider limit) as a
   min-cost flow, and prices it: its duals give a valid upper bound and a reduced cost per
   pair.
3. ``heuristic`` repairs the flow to model v1 and fills freed capacity: a good allocation.
4. ``decompose`` splits the problem into independent components, removes the pairs that the
   reduced costs rule out of any better allocation, and solves each remaining piece exactly
   (HiGHS) while time allows; pieces the flow already solves need no search at all.

The status is "optimal" only when every piece was proven optimal; the bound is always a
proven one (dual or MIP bound), never an estimate.
"""

from __future__ import annotations

import time
from typing import Any

from clearinghouse.assistance.brokerage.decompose import improve
from clearinghouse.assistance.brokerage.explain import allocations, unserved
from clearinghouse.assistance.brokerage.heuristic import fill, repair
from clearinghouse.assistance.brokerage.pairs import index_pairs
from clearinghouse.assistance.brokerage.problem import Problem
from clearinghouse.assistance.brokerage.relaxation import relax

RESERVE = 0.05  # share of the time limit kept for writing the explanations


def solve(problem: Problem, *, time_limit: float = 60.0) -> dict[str, Any]:
    """Return the best allocation found within ``time_limit`` seconds, a proven upper bound
    on the best possible, and an explanation for every allocation and unserved line."""
    started = time.perf_counter()
    deadline = started + time_limit * (1 - RESERVE) - 0.05
    pairs = index_pairs(problem)
    relaxed = relax(pairs)
    units = fill(pairs, repair(pairs, relaxed.units))
    outcome = improve(pairs, relaxed, units, deadline)
    objective = float(pairs.value @ outcome.units)
    bound = max(outcome.bound, objective)
    gap = bound - objective
    status = "optimal" if outcome.proven and gap <= 1e-9 * max(1.0, bound) else "feasible"
    return {"status": status, "objective": objective, "bound": bound,
            "seconds": round(time.perf_counter() - started, 3),
            "allocations": allocations(pairs, outcome.units, status == "optimal"),
            "unserved": unserved(pairs, outcome.units)}
