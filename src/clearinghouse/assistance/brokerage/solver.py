"""The brokerage solver: a min-cost-flow relaxation, repaired to model v1, then filled greedily.

Without the minimum lots and the two-provider limit, model v1 is a transportation problem:
its constraint matrix is totally unimodular, so a min-cost flow solves it exactly in whole
units, and its value is a valid upper bound on model v1. An optimal flow is a forest, so
nearly every request line already has one or two providers and lots hold almost everywhere;
the few violations are repaired, and freed capacity is offered again to the heaviest lines.
Plain branch and bound on the MIP, by contrast, drowns in the z variables.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ortools.graph.python import min_cost_flow

from clearinghouse.assistance.brokerage.problem import OfferLine, Problem, Request, RequestLine
from clearinghouse.assistance.brokerage.rules import (
    MAX_PROVIDERS,
    compatible,
    fit,
    minimum_lot,
    weight,
)

SCALE = 1_000_000  # costs are integers in the flow: value per unit, in millionths


@dataclass(slots=True)
class Pair:
    request: Request
    line: RequestLine
    offer: OfferLine
    per_unit: float


def _pairs(problem: Problem) -> list[Pair]:
    # Index offer lines by kind and theme, so each request line meets only its candidates.
    by_kind_theme: defaultdict[tuple[str, str], list[OfferLine]] = defaultdict(list)
    for offer_line in (line for offer in problem.offers for line in offer.lines):
        for theme in offer_line.themes:
            by_kind_theme[offer_line.kind, theme].append(offer_line)
    pairs = []
    for request in problem.requests:
        for line in request.lines:
            w = weight(request, line, problem)
            for offer in by_kind_theme[line.kind, line.theme]:
                if compatible(request, line, offer):
                    pairs.append(Pair(request, line, offer,
                                      w * fit(line, offer) / line.quantity))
    return pairs


def _relaxation(problem: Problem, pairs: list[Pair]) -> tuple[dict[int, int], float]:
    """Solve the transportation relaxation; return units per pair index and its value."""
    flow = min_cost_flow.SimpleMinCostFlow()
    line_node: dict[str, int] = {}
    offer_node: dict[str, int] = {}
    source = 0
    node = 1
    for pair in pairs:
        if pair.line.id not in line_node:
            line_node[pair.line.id] = node
            node += 1
        if pair.offer.id not in offer_node:
            offer_node[pair.offer.id] = node
            node += 1
    sink = node
    total = 0
    for request in problem.requests:
        for line in request.lines:
            if line.id in line_node:
                flow.add_arc_with_capacity_and_unit_cost(source, line_node[line.id],
                                                         line.quantity, 0)
                total += line.quantity
    arcs = [flow.add_arc_with_capacity_and_unit_cost(
        line_node[p.line.id], offer_node[p.offer.id], min(p.line.quantity, p.offer.capacity),
        -round(p.per_unit * SCALE)) for p in pairs]
    for offer_line in (line for offer in problem.offers for line in offer.lines):
        if offer_line.id in offer_node:
            flow.add_arc_with_capacity_and_unit_cost(offer_node[offer_line.id], sink,
                                                     offer_line.capacity, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total, 0)  # leave demand unmet
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    if flow.solve() != flow.OPTIMAL:
        return {}, 0.0
    units = {i: flow.flow(arc) for i, arc in enumerate(arcs) if flow.flow(arc) > 0}
    return units, sum(pairs[i].per_unit * u for i, u in units.items())


def _repair(pairs: list[Pair], units: dict[int, int]) -> dict[int, int]:
    """Enforce the lots and the two-provider limit: keep each line's two best pairs."""
    by_line: defaultdict[str, list[int]] = defaultdict(list)
    for index in units:
        by_line[pairs[index].line.id].append(index)
    kept: dict[int, int] = {}
    for indexes in by_line.values():
        indexes.sort(key=lambda i: -(units[i] * pairs[i].per_unit))
        for index in indexes[:MAX_PROVIDERS]:
            pair = pairs[index]
            if units[index] >= minimum_lot(pair.line, pair.offer):
                kept[index] = units[index]
    return kept


def _fill(pairs: list[Pair], kept: dict[int, int]) -> dict[int, int]:
    """Offer freed capacity again, heaviest value per unit first, within the rules."""
    used: defaultdict[str, int] = defaultdict(int)
    served: defaultdict[str, int] = defaultdict(int)
    providers: defaultdict[str, set[str]] = defaultdict(set)
    for index, amount in kept.items():
        pair = pairs[index]
        used[pair.offer.id] += amount
        served[pair.line.id] += amount
        providers[pair.line.id].add(pair.offer.id)
    for index in sorted(range(len(pairs)), key=lambda i: -pairs[i].per_unit):
        pair = pairs[index]
        room = min(pair.line.quantity - served[pair.line.id],
                   pair.offer.capacity - used[pair.offer.id])
        is_new = pair.offer.id not in providers[pair.line.id]
        if room <= 0 or (is_new and len(providers[pair.line.id]) >= MAX_PROVIDERS):
            continue
        if kept.get(index, 0) + room < minimum_lot(pair.line, pair.offer):
            continue
        kept[index] = kept.get(index, 0) + room
        used[pair.offer.id] += room
        served[pair.line.id] += room
        providers[pair.line.id].add(pair.offer.id)
    return kept


def solve(problem: Problem, *, time_limit: float = 60.0) -> dict[str, Any]:
    """Return a feasible allocation, its value, the relaxation's upper bound, explanations."""
    started = time.perf_counter()
    pairs = _pairs(problem)
    relaxed, bound = _relaxation(problem, pairs)
    chosen = _fill(pairs, _repair(pairs, relaxed))
    allocations, objective = [], 0.0
    for index, amount in sorted(chosen.items()):
        pair = pairs[index]
        gain = pair.per_unit * amount
        objective += gain
        allocations.append({
            "request_line": pair.line.id, "offer_line": pair.offer.id, "quantity": amount,
            "value": gain,
            "why": (f"weight {gain / amount * pair.line.quantity:.2f} per full line, fit "
                    f"{fit(pair.line, pair.offer):.2f}; {pair.offer.id} is compatible and "
                    "this use of its capacity is part of the best allocation found"),
        })
    status = "optimal" if bound - objective <= 1e-9 * max(1.0, bound) else "feasible"
    return {"status": status, "objective": objective, "bound": max(bound, objective),
            "seconds": round(time.perf_counter() - started, 3), "allocations": allocations,
            "unserved": _unserved(problem, pairs, chosen)}


def _unserved(problem: Problem, pairs: list[Pair], chosen: dict[int, int]) -> list[dict[str, str]]:
    served: defaultdict[str, int] = defaultdict(int)
    takers: defaultdict[str, list[str]] = defaultdict(list)
    for index, amount in chosen.items():
        served[pairs[index].line.id] += amount
        takers[pairs[index].offer.id].append(pairs[index].line.id)
    options: defaultdict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        options[pair.line.id].append(pair)
    result = []
    for request in problem.requests:
        for line in request.lines:
            if served[line.id] >= line.quantity:
                continue
            if not options[line.id]:
                why = "no compatible offer (kind, theme, language, region or country)"
            else:
                heavier = sorted({taker for pair in options[line.id]
                                  for taker in takers[pair.offer.id] if taker != line.id})
                why = ("the compatible offers' capacity went to requests that weigh more: "
                       + ", ".join(heavier[:10])) if heavier else (
                    "the remaining capacity is below the minimum lot")
            result.append({"request_line": line.id, "why": why})
    return result
