"""Turn the relaxation's flow into a model v1 allocation: repair it, then fill freed capacity.

An optimal flow is a forest, so nearly every request line already has one or two providers
and lots hold almost everywhere; each line keeps its two most valuable pairs that carry a
full lot, and capacity freed this way is offered again to the most valuable pairs.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from clearinghouse.assistance.brokerage.pairs import Ints, Pairs
from clearinghouse.assistance.brokerage.rules import MAX_PROVIDERS


def repair(pairs: Pairs, units: Ints) -> Ints:
    """Return ``units`` with each line's pairs cut to its two best that carry a full lot."""
    kept = np.zeros(len(pairs), dtype=np.int64)
    by_line: defaultdict[int, list[int]] = defaultdict(list)
    for index in np.flatnonzero(units > 0).tolist():
        by_line[int(pairs.line[index])].append(index)
    for indexes in by_line.values():
        indexes.sort(key=lambda i: -float(units[i] * pairs.value[i]))
        for index in indexes[:MAX_PROVIDERS]:
            if units[index] >= pairs.lot[index]:
                kept[index] = units[index]
    return kept


def fill(pairs: Pairs, units: Ints) -> Ints:
    """Return ``units`` topped up greedily, most valuable pair first, within model v1."""
    units = units.copy()
    served = np.bincount(pairs.line, weights=units, minlength=len(pairs.lines)).astype(np.int64)
    used = np.bincount(pairs.offer, weights=units, minlength=len(pairs.offers)).astype(np.int64)
    providers = np.bincount(pairs.line, weights=units > 0, minlength=len(pairs.lines))
    open_pairs = np.flatnonzero((served[pairs.line] < pairs.quantity[pairs.line])
                                & (used[pairs.offer] < pairs.capacity[pairs.offer]))
    order = open_pairs[np.argsort(-pairs.value[open_pairs], kind="stable")]
    for index in order.tolist():
        line, offer = int(pairs.line[index]), int(pairs.offer[index])
        room = min(int(pairs.quantity[line] - served[line]),
                   int(pairs.capacity[offer] - used[offer]))
        if room <= 0 or units[index] + room < pairs.lot[index]:
            continue
        if units[index] == 0:
            if providers[line] >= MAX_PROVIDERS:
                continue
            providers[line] += 1
        units[index] += room
        served[line] += room
        used[offer] += room
    return units


def feasible(pairs: Pairs, units: Ints) -> bool:
    """Return whether ``units`` meets model v1: quantities, capacities, lots, two providers."""
    used = units > 0
    return bool(
        np.all(units[used] >= pairs.lot[used])
        and np.all(np.bincount(pairs.line, weights=units, minlength=len(pairs.lines))
                   <= pairs.quantity)
        and np.all(np.bincount(pairs.offer, weights=units, minlength=len(pairs.offers))
                   <= pairs.capacity)
        and np.all(np.bincount(pairs.line, weights=used, minlength=len(pairs.lines))
                   <= MAX_PROVIDERS))
