"""Prove or improve an allocation piece by piece: components, reduced-cost fixing, small MIPs.

1. Split the compatible pairs into connected components (request lines and offer lines that
   can reach each other). Components share no line and no capacity, so each is a problem of
   its own; kind and theme cut the problem into a few of them.
2. In each component C, the relaxation's duals bound any allocation: value <= D(C) +
   sum rc(p) x(p), with rc <= 0. A pair used at all carries at least its lot, so if
   D(C) + rc(p) lot(p) falls below the allocation in hand, no better allocation uses that
   pair, and none puts more than (D(C) - incumbent) / -rc(p) units on it. Such pairs are
   removed and the others' upper bounds tightened, which cuts C into smaller pieces.
3. A piece whose relaxed flow already meets the lots and the two-provider limit is solved:
   the flow is optimal for the piece's relaxation. Every other piece goes to HiGHS as a MIP,
   started from the allocation in hand, with its share of the time left.

The bound reported for a component is the largest of the incumbent and the sum of its pieces'
bounds (a proven MIP bound, or the pieces' dual bound), so it is always valid.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from clearinghouse.assistance.brokerage.exact import solve_mip
from clearinghouse.assistance.brokerage.neighbourhood import polish
from clearinghouse.assistance.brokerage.pairs import Flags, Floats, Ints, Pairs
from clearinghouse.assistance.brokerage.relaxation import Relaxation
from clearinghouse.assistance.brokerage.rules import MAX_PROVIDERS

MIP_PAIRS = 5_000  # larger pieces are improved by neighbourhoods: HiGHS would not finish


@dataclass(frozen=True, slots=True)
class Outcome:
    units: Ints
    bound: float
    proven: bool


def components(pairs: Pairs, chosen: Flags) -> Ints:
    """Return, per pair, a label shared exactly by the chosen pairs connected to it (-1 for
    pairs not chosen): the smallest line index of its component."""
    line, offer = pairs.line[chosen], pairs.offer[chosen]
    label = np.arange(len(pairs.lines), dtype=np.int64)
    offer_label = np.full(len(pairs.offers), len(pairs.lines), dtype=np.int64)
    while True:
        np.minimum.at(offer_label, offer, label[line])
        before = label.copy()
        np.minimum.at(label, line, offer_label[offer])
        label = label[label]  # pointer jumping: a label is a line of the same component
        if np.array_equal(before, label):
            break
    result = np.full(len(pairs), -1, dtype=np.int64)
    result[chosen] = label[line]
    return result


def _sums(labels: Ints, weights: Floats, size: int) -> Floats:
    return np.bincount(labels, weights=weights, minlength=size).astype(np.float64)


def improve(pairs: Pairs, relaxed: Relaxation, units: Ints, deadline: float) -> Outcome:
    """Return a better (never worse) allocation than ``units``, and a valid bound.

    A first round, in half the time, lets HiGHS stop within 0.1% of optimal: the better
    allocation makes the second round's fixing much stronger, and its pieces small enough
    to prove optimal.
    """
    bound = float("inf")
    for gap in (1e-3, 0.0):
        now = time.perf_counter()
        until = deadline if gap == 0.0 else now + (deadline - now) / 2
        outcome = _round(pairs, relaxed, units, until, gap)
        units, bound = outcome.units, min(bound, outcome.bound)
        if outcome.proven:
            break
    return Outcome(units, bound, outcome.proven)


def _round(pairs: Pairs, relaxed: Relaxation, units: Ints, deadline: float,
           gap: float) -> Outcome:
    """Fix pairs by reduced costs against ``units``, then solve or improve each piece."""
    n_lines = len(pairs.lines)
    everything = np.ones(len(pairs), dtype=np.bool_)
    component = components(pairs, everything)
    offer_component = np.zeros(len(pairs.offers), dtype=np.int64)
    offer_component[pairs.offer] = component
    lines_in = np.zeros(n_lines, dtype=np.bool_)
    lines_in[pairs.line] = True
    offers_in = np.zeros(len(pairs.offers), dtype=np.bool_)
    offers_in[pairs.offer] = True
    line_dual = np.where(lines_in, pairs.quantity * relaxed.line_price, 0.0)
    offer_dual = np.where(offers_in, pairs.capacity * relaxed.offer_price, 0.0)
    line_label = np.arange(n_lines)
    line_label[pairs.line] = component
    dual = (_sums(line_label, line_dual, n_lines)
            + _sums(offer_component, offer_dual, n_lines))
    incumbent = _sums(component, pairs.value * units, n_lines)
    # Reduced-cost fixing, per component; tiny reduced costs count as zero (weaker, valid).
    slack = np.maximum(dual - incumbent, 0.0)[component] + 1e-9 * np.maximum(
        1.0, dual[component])
    cost = np.where(relaxed.reduced < -1e-12 * float(pairs.value.max(initial=1.0)),
                    -relaxed.reduced, 0.0)
    room = np.floor(slack / np.maximum(cost, 1e-300))
    upper = np.maximum(np.minimum(pairs.upper, room).astype(np.int64), units)
    kept = ((upper >= pairs.lot) & (cost * pairs.lot <= slack)) | (units > 0)
    pieces = components(pairs, kept)
    return _solve_pieces(pairs, relaxed, units, upper, pieces, component, incumbent,
                         deadline, gap)


def _solve_pieces(pairs: Pairs, relaxed: Relaxation, units: Ints, upper: Ints,
                  pieces: Ints, component: Ints, incumbent: Floats,
                  deadline: float, gap: float) -> Outcome:
    flow = relaxed.units
    bad_line = (np.bincount(pairs.line, weights=flow > 0, minlength=len(pairs.lines))
                > MAX_PROVIDERS)
    bad_line[pairs.line[(flow > 0) & (flow < pairs.lot)]] = True
    kept = np.flatnonzero(pieces >= 0)
    order = np.argsort(pieces[kept], kind="stable")
    labels, starts, sizes = np.unique(pieces[kept][order], return_index=True,
                                      return_counts=True)
    members = np.split(kept[order], starts[1:]) if len(kept) else []
    result = np.zeros(len(pairs), dtype=np.int64)
    piece_bound = np.zeros(len(pairs.lines))
    proven = True
    queue: list[int] = []
    for number, piece in enumerate(members):
        if not bad_line[pairs.line[piece]].any():
            result[piece] = flow[piece]
            piece_bound[labels[number]] = _dual(pairs, relaxed, piece)
        else:
            result[piece] = units[piece]
            piece_bound[labels[number]] = _dual(pairs, relaxed, piece)
            queue.append(number)
    queue.sort(key=lambda number: sizes[number])
    small = [number for number in queue if sizes[number] <= MIP_PAIRS]
    large = [number for number in queue if sizes[number] > MIP_PAIRS]
    # Exact pieces share the time in proportion to size, leaving half for any large ones.
    now = time.perf_counter()
    exact_until = now + (deadline - now) / (2 if large else 1)
    left = sum(int(sizes[number]) for number in small)
    for number in small:
        piece, size = members[number], int(sizes[number])
        now = time.perf_counter()
        left -= size
        if now >= exact_until:
            proven = False
            continue
        share = (exact_until - now) * size / (left + size)
        solved = solve_mip(pairs, piece, upper[piece], units[piece], time_limit=share,
                           gap=gap)
        if solved is None:
            proven = False
            continue
        if solved.objective >= float(pairs.value[piece] @ units[piece]):
            result[piece] = solved.units
        piece_bound[labels[number]] = min(piece_bound[labels[number]], solved.bound)
        proven = proven and solved.optimal
    for count, number in enumerate(large):
        piece = members[number]
        now = time.perf_counter()
        proven = False
        until = now + (deadline - now) / (len(large) - count)
        result[piece] = polish(pairs, relaxed, units, piece, until)[piece]
    # A component's bound: the incumbent, or the sum of its pieces' bounds if larger.
    by_component = np.zeros(len(pairs.lines))
    np.add.at(by_component, component[kept[order][starts]], piece_bound[labels])
    bound = float(np.maximum(by_component, incumbent).sum())
    return Outcome(result, bound, proven)


def _dual(pairs: Pairs, relaxed: Relaxation, piece: Ints) -> float:
    """Return the dual bound of a piece: its own lines' and offers' share of D."""
    return relaxed.bound(pairs, np.unique(pairs.line[piece]), np.unique(pairs.offer[piece]))
