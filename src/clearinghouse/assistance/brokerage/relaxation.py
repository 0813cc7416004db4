"""Solve model v1's transportation relaxation and price it: flow, duals, reduced costs, bound.

Without the minimum lots and the two-provider limit, model v1 is a transportation problem:
its constraint matrix is totally unimodular, so a min-cost flow solves it in whole units.
Its LP dual is: minimise sum q(r) u(r) + sum cap(o) v(o) subject to u(r) + v(o) >= value(r,o)
and u, v >= 0. Any such (u, v) bounds model v1 from above (weak duality), and
rc(r,o) = value(r,o) - u(r) - v(o) <= 0 says how much each unit on the pair would cost.
The duals are read off the optimal flow as shortest-path distances in its residual graph;
u is then recomputed from v in floating point, so the bound is valid whatever the rounding
of the flow's integer costs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from clearinghouse.assistance.brokerage.pairs import Floats, Ints, Pairs

LIMIT = 2**61  # keep every scaled cost, times the node count, well inside int64


@dataclass(frozen=True, slots=True)
class Relaxation:
    """The relaxation's flow (units per pair) and a feasible dual pricing of it."""

    units: Ints
    line_price: Floats
    offer_price: Floats
    reduced: Floats

    def bound(self, pairs: Pairs, lines: Ints | None = None,
              offers: Ints | None = None) -> float:
        """Return the dual bound sum q u + sum cap v, over the given lines and offers."""
        if lines is None or offers is None:
            return float(pairs.quantity @ self.line_price + pairs.capacity @ self.offer_price)
        return float(pairs.quantity[lines] @ self.line_price[lines]
                     + pairs.capacity[offers] @ self.offer_price[offers])


def _flow(pairs: Pairs, cost: Ints) -> Ints | None:
    nl, no = len(pairs.lines), len(pairs.offers)
    source, sink = nl + no, nl + no + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    total = int(pairs.quantity.sum())
    lines, offers = np.arange(nl), nl + np.arange(no)
    # The pair arcs get no binding capacity (min(q, cap) is implied by the nodes' arcs), so
    # that the residual graph prices the lines and offers rather than the arcs.
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        pairs.line, nl + pairs.offer, pairs.upper + 1, -cost)
    flow.add_arcs_with_capacity_and_unit_cost(
        np.full(nl, source), lines, pairs.quantity, np.zeros(nl, dtype=np.int64))
    flow.add_arcs_with_capacity_and_unit_cost(
        offers, np.full(no, sink), pairs.capacity, np.zeros(no, dtype=np.int64))
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total, 0)  # demand left unmet
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    if flow.solve() != flow.OPTIMAL:
        return None
    return np.asarray(flow.flows(arcs), dtype=np.int64)


def _distances(pairs: Pairs, units: Ints, cost: Ints) -> Ints:
    """Return shortest distances to every offer node in the flow's residual graph.

    Bellman-Ford from a virtual root joined to every node at cost 0; the optimal flow leaves
    no negative cycle, so it converges. Nodes: lines, offers, source, sink.
    """
    nl, no = len(pairs.lines), len(pairs.offers)
    served = np.bincount(pairs.line, weights=units, minlength=nl)
    given = np.bincount(pairs.offer, weights=units, minlength=no)
    backward = units > 0  # offer -> line at +cost; every line -> offer arc is residual
    f_line, f_offer, f_cost = pairs.line, pairs.offer, cost
    b_line, b_offer, b_cost = pairs.line[backward], pairs.offer[backward], cost[backward]
    d_line = np.zeros(nl, dtype=np.int64)
    d_offer = np.zeros(no, dtype=np.int64)
    d_source = d_sink = 0
    open_line, fed_line = served < pairs.quantity, served > 0
    open_offer, fed_offer = given < pairs.capacity, given > 0
    for _ in range(nl + no + 2):
        before = (d_line.copy(), d_offer.copy(), d_source, d_sink)
        np.minimum.at(d_offer, f_offer, d_line[f_line] - f_cost)
        d_offer[fed_offer] = np.minimum(d_offer[fed_offer], d_sink)
        d_sink = min(d_sink, int(d_offer[open_offer].min(initial=0)))
        if served.sum() > 0:
            d_sink = min(d_sink, d_source)
        np.minimum.at(d_line, b_line, d_offer[b_offer] + b_cost)
        d_line[open_line] = np.minimum(d_line[open_line], d_source)
        d_source = min(d_source, int(d_line[fed_line].min(initial=0)))
        if served.sum() < pairs.quantity.sum():
            d_source = min(d_source, d_sink)
        if (np.array_equal(before[0], d_line) and np.array_equal(before[1], d_offer)
                and before[2:] == (d_source, d_sink)):
            break
    return np.asarray(d_sink - d_offer, dtype=np.int64)


def price(pairs: Pairs, offer_price: Floats) -> tuple[Floats, Floats]:
    """Return the line prices u(r) = max(0, max_o value - v(o)) and the reduced costs.

    Whatever the offer prices v >= 0, this makes (u, v) dual feasible, hence a valid bound.
    """
    v = np.maximum(offer_price, 0.0)
    u = np.zeros(len(pairs.lines))
    np.maximum.at(u, pairs.line, pairs.value - v[pairs.offer])
    return u, pairs.value - u[pairs.line] - v[pairs.offer]


def relax(pairs: Pairs) -> Relaxation:
    """Solve the transportation relaxation exactly and price it."""
    nl, no = len(pairs.lines), len(pairs.offers)
    if not len(pairs):
        return Relaxation(np.zeros(0, np.int64), np.zeros(nl), np.zeros(no), np.zeros(0))
    scale = float(LIMIT / (float(pairs.value.max()) * (nl + no + 2)))
    scale = min(scale, 1e15)
    units = None
    while units is None and scale >= 1.0:
        cost = np.rint(pairs.value * scale).astype(np.int64)
        units = _flow(pairs, cost)
        if units is None:
            scale /= 1024
    if units is None:
        raise RuntimeError("the transportation relaxation could not be solved")
    offer_price = _distances(pairs, units, cost) / scale
    line_price, reduced = price(pairs, offer_price)
    return Relaxation(units, line_price, np.maximum(offer_price, 0.0), reduced)
