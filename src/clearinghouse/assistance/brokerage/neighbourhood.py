"""Improve an allocation on a piece too large for one MIP: re-solve small neighbourhoods.

The lines where the allocation falls short of the relaxed flow are where value was lost when
the flow was repaired. Batches of them are freed, each with its few most promising pairs
(least negative reduced cost) and its current ones, and re-solved exactly by HiGHS against
the capacity that the other lines leave; every batch starts from the allocation in hand, so
nothing gets worse. Freed capacity is then offered again by ``heuristic.fill``.
"""

from __future__ import annotations

import time

import numpy as np

from clearinghouse.assistance.brokerage.exact import solve_mip
from clearinghouse.assistance.brokerage.heuristic import fill
from clearinghouse.assistance.brokerage.pairs import Ints, Pairs
from clearinghouse.assistance.brokerage.relaxation import Relaxation

CANDIDATES = 6  # pairs offered to each freed line, besides those it already uses
BATCH_PAIRS = 2_000  # about the size HiGHS solves or nearly solves in a second
BATCH_SECONDS = 2.0


def polish(pairs: Pairs, relaxed: Relaxation, units: Ints, piece: Ints,
           deadline: float) -> Ints:
    """Return ``units`` improved on the lines of ``piece`` (pair indexes) until ``deadline``."""
    units = units.copy()
    line = pairs.line[piece]
    loss = (np.bincount(line, weights=pairs.value[piece] * relaxed.units[piece],
                        minlength=len(pairs.lines))
            - np.bincount(line, weights=pairs.value[piece] * units[piece],
                          minlength=len(pairs.lines)))
    freed = np.flatnonzero(loss > 1e-12)
    freed = freed[np.argsort(-loss[freed], kind="stable")]
    order = piece[np.lexsort((-relaxed.reduced[piece], line))]
    first = np.searchsorted(pairs.line[order], pairs.line[order])
    promising = np.zeros(len(pairs), dtype=np.bool_)
    promising[order[np.arange(len(order)) - first < CANDIDATES]] = True
    in_piece = np.zeros(len(pairs), dtype=np.bool_)
    in_piece[piece] = True
    starts = np.searchsorted(pairs.line, np.arange(len(pairs.lines) + 1))
    batches: list[list[int]] = [[]]
    size = 0
    for number in freed.tolist():
        size += min(int(starts[number + 1] - starts[number]), CANDIDATES) + 2
        batches[-1].append(number)
        if size >= BATCH_PAIRS:
            batches.append([])
            size = 0
    for count, batch in enumerate(batches):
        now = time.perf_counter()
        if not batch or now >= deadline:
            break
        ranges = [np.arange(starts[n], starts[n + 1]) for n in batch]
        candidates = np.concatenate(ranges)
        sub = candidates[in_piece[candidates] & (promising[candidates]
                                                 | (units[candidates] > 0))]
        used = np.bincount(pairs.offer, weights=units, minlength=len(pairs.offers))
        used -= np.bincount(pairs.offer[sub], weights=units[sub], minlength=len(pairs.offers))
        capacity = pairs.capacity - used.astype(np.int64)
        share = min(BATCH_SECONDS, (deadline - now) / (len(batches) - count))
        solved = solve_mip(pairs, sub, pairs.upper[sub], units[sub], time_limit=share,
                           capacity=capacity)
        if solved is not None and solved.objective > float(pairs.value[sub] @ units[sub]):
            units[sub] = solved.units
    return fill(pairs, units)
