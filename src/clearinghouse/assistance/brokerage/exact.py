"""Model v1 as a mixed-integer program over a set of pairs, solved by HiGHS.

The engine hands it one small piece of the problem at a time (see ``decompose``), trimmed
of the rows that cannot bind there; the benchmark hands it the whole problem as written, as
the plain-MIP baseline. Columns are the units x(p), then the use flags z(p) of the pairs that
need one; rows are x - U z <= 0, x - L z >= 0, per request line sum x <= quantity and
sum z <= 2, per offer line sum x <= capacity.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt

from clearinghouse.assistance.brokerage.pairs import Floats, Ints, Pairs
from clearinghouse.assistance.brokerage.rules import MAX_PROVIDERS

INF = highspy.kHighsInf


@dataclass(frozen=True, slots=True)
class MipResult:
    """Units per pair of the subset (in its order), their value, HiGHS's proven bound."""

    units: Ints
    objective: float
    bound: float
    optimal: bool


@dataclass(frozen=True, slots=True)
class _Matrix:
    start: npt.NDArray[np.int32]
    index: npt.NDArray[np.int32]
    value: Floats
    flagged: Ints  # the pairs (positions in the subset) that have a use flag z
    row_lower: Floats
    row_upper: Floats


def _relabel(values: Ints) -> tuple[Ints, Ints]:
    unique, inverse = np.unique(values, return_inverse=True)
    return inverse.astype(np.int64), unique.astype(np.int64)


def _matrix(pairs: Pairs, subset: Ints, upper: Ints, capacity: Ints, trim: bool) -> _Matrix:
    """Return the column-wise matrix; rows: lines, offers, x - U z, x - L z, sum z."""
    n = len(subset)
    line, lines = _relabel(pairs.line[subset])
    offer, offers = _relabel(pairs.offer[subset])
    n_lines, n_offers = len(lines), len(offers)
    lot = pairs.lot[subset]
    per_line = np.bincount(line, minlength=n_lines)
    crowded = per_line > MAX_PROVIDERS
    # A use flag is needed for a lot above one unit or a line with more than two candidates.
    flagged = np.flatnonzero((lot > 1) | crowded[line]) if trim else np.arange(n)
    lots_needed = flagged[lot[flagged] > 1] if trim else flagged
    two_lines = np.flatnonzero(crowded) if trim else np.arange(n_lines)
    k, m = len(flagged), len(lots_needed)
    row_upper_link = n_lines + n_offers
    row_lower_link = row_upper_link + k
    row_two = np.full(n_lines, -1, dtype=np.int64)
    row_two[two_lines] = row_lower_link + m + np.arange(len(two_lines))
    link_upper = np.full(n, -1, dtype=np.int64)
    link_upper[flagged] = row_upper_link + np.arange(k)
    link_lower = np.full(n, -1, dtype=np.int64)
    link_lower[lots_needed] = row_lower_link + np.arange(m)
    x_rows = np.stack([line, n_lines + offer, link_upper, link_lower], axis=1)
    x_count = (x_rows >= 0).sum(axis=1)
    x_index = x_rows[x_rows >= 0]
    z_rows = np.stack([link_upper[flagged], link_lower[flagged], row_two[line[flagged]]], 1)
    z_vals = np.stack([-upper[flagged].astype(np.float64), -lot[flagged].astype(np.float64),
                       np.ones(k)], axis=1)
    z_count = (z_rows >= 0).sum(axis=1)
    index = np.concatenate([x_index, z_rows[z_rows >= 0]])
    value = np.concatenate([np.ones(len(x_index)), z_vals[z_rows >= 0]])
    start = np.concatenate([[0], np.cumsum(np.concatenate([x_count, z_count]))])
    rows = row_lower_link + m + len(two_lines)
    row_lo = np.full(rows, -INF)
    row_lo[row_lower_link:row_lower_link + m] = 0.0
    row_hi = np.zeros(rows)
    row_hi[:n_lines] = pairs.quantity[lines]
    row_hi[n_lines:n_lines + n_offers] = capacity[offers]
    row_hi[row_lower_link:row_lower_link + m] = INF
    row_hi[row_lower_link + m:] = MAX_PROVIDERS
    return _Matrix(start.astype(np.int32), index.astype(np.int32), value, flagged,
                   row_lo, row_hi)


def solve_mip(pairs: Pairs, subset: Ints, upper: Ints, start: Ints | None, *,
              time_limit: float, trim: bool = True, capacity: Ints | None = None,
              gap: float = 0.0) -> MipResult | None:
    """Solve model v1 on the pairs ``subset`` with per-pair bounds ``upper``.

    ``start`` (units per pair of the subset) is handed to HiGHS as a first solution, so the
    result is never worse. With ``trim``, rows that cannot bind are left out. ``capacity``
    replaces the offer lines' capacities (e.g. by what other lines leave). ``gap`` is the
    relative gap at which HiGHS may stop; ``optimal`` is only set for a zero gap. Returns
    None when HiGHS finds no solution in time.
    """
    n = len(subset)
    if n == 0:
        return MipResult(np.zeros(0, dtype=np.int64), 0.0, 0.0, True)
    matrix = _matrix(pairs, subset, upper,
                     pairs.capacity if capacity is None else capacity, trim)
    k = len(matrix.flagged)
    cost = pairs.value[subset]
    scale = 1.0 / float(cost.max())  # costs near 1 keep HiGHS's tolerances meaningful
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", float(max(time_limit, 0.05)))
    solver.setOptionValue("mip_rel_gap", gap)
    solver.setOptionValue("mip_abs_gap", 1e-9)
    solver.passModel(
        n + k, len(matrix.row_lower), len(matrix.index), int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMaximize), 0.0,
        np.concatenate([cost * scale, np.zeros(k)]), np.zeros(n + k),
        np.concatenate([upper.astype(np.float64), np.ones(k)]), matrix.row_lower,
        matrix.row_upper, matrix.start, matrix.index, matrix.value,
        np.ones(n + k, dtype=np.int32))
    flagged = matrix.flagged
    del matrix  # HiGHS holds its own copy
    if start is not None:
        values = np.concatenate([start.astype(np.float64),
                                 (start[flagged] > 0).astype(np.float64)])
        solution = highspy.HighsSolution()
        solution.col_value = values.tolist()
        solution.value_valid = True
        solver.setSolution(solution)
    solver.run()
    info = solver.getInfo()
    if info.primal_solution_status != 2:  # kSolutionStatusFeasible
        return None
    found = np.rint(np.asarray(solver.getSolution().col_value)[:n]).astype(np.int64)
    optimal = gap == 0.0 and solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return MipResult(found, float(cost @ found), float(info.mip_dual_bound) / scale, optimal)
