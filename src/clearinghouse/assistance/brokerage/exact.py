"""Model v1 as a mixed-integer program, solved by HiGHS from a given starting allocation.

Used on problems small enough to prove optimality in the time limit, and by the benchmark as
the plain-MIP baseline. The start (the flow-based solution) means it can only improve on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np

INF = highspy.kHighsInf


@dataclass(frozen=True, slots=True)
class MipResult:
    units: dict[int, int]
    objective: float
    bound: float
    optimal: bool


def solve_mip(pairs: list[Any], lots: list[int], capacities: dict[str, int],
              start: dict[int, int] | None, *, time_limit: float) -> MipResult | None:
    """Solve the MIP over ``pairs`` (request line, offer line, value per unit).

    Columns: x_p (whole units) then z_p (pair used). Rows: x_p - U_p z_p <= 0,
    x_p - L_p z_p >= 0, per request line sum x <= quantity and sum z <= 2, per offer line
    sum x <= capacity. Returns None if HiGHS finds nothing.
    """
    n = len(pairs)
    if n == 0:
        return MipResult({}, 0.0, 0.0, True)
    upper = np.array([min(p.line.quantity, p.offer.capacity) for p in pairs], dtype=float)
    rows_i: list[int] = []
    cols_j: list[int] = []
    vals: list[float] = []
    lower_b: list[float] = []
    upper_b: list[float] = []

    def row(entries: list[tuple[int, float]], low: float, high: float) -> None:
        r = len(lower_b)
        for col, value in entries:
            rows_i.append(r)
            cols_j.append(col)
            vals.append(value)
        lower_b.append(low)
        upper_b.append(high)

    for p in range(n):
        row([(p, 1.0), (n + p, -upper[p])], -INF, 0.0)
        row([(p, 1.0), (n + p, -float(lots[p]))], 0.0, INF)
    by_line: defaultdict[str, list[int]] = defaultdict(list)
    by_offer: defaultdict[str, list[int]] = defaultdict(list)
    for p, pair in enumerate(pairs):
        by_line[pair.line.id].append(p)
        by_offer[pair.offer.id].append(p)
    for indexes in by_line.values():
        quantity = pairs[indexes[0]].line.quantity
        row([(p, 1.0) for p in indexes], -INF, float(quantity))
        row([(n + p, 1.0) for p in indexes], -INF, 2.0)
    for offer_id, indexes in by_offer.items():
        row([(p, 1.0) for p in indexes], -INF, float(capacities[offer_id]))

    model = highspy.HighsModel()
    lp = model.lp_
    lp.num_col_ = 2 * n
    lp.num_row_ = len(lower_b)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.array([p.per_unit for p in pairs]), np.zeros(n)])
    lp.col_lower_ = np.zeros(2 * n)
    lp.col_upper_ = np.concatenate([upper, np.ones(n)])
    lp.row_lower_ = np.array(lower_b)
    lp.row_upper_ = np.array(upper_b)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * (2 * n)
    order = np.lexsort((np.array(rows_i), np.array(cols_j)))
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.index_ = np.array(rows_i)[order]
    matrix.value_ = np.array(vals)[order]
    counts = np.bincount(np.array(cols_j), minlength=2 * n)
    matrix.start_ = np.concatenate([[0], np.cumsum(counts)])
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", float(max(time_limit, 0.1)))
    solver.setOptionValue("threads", 1)
    solver.passModel(model)
    if start:
        values = np.zeros(2 * n)
        for p, amount in start.items():
            values[p], values[n + p] = amount, 1.0
        solution = highspy.HighsSolution()
        solution.col_value = list(values)
        solution.value_valid = True
        solver.setSolution(solution)
    solver.run()
    info = solver.getInfo()
    if info.primal_solution_status != 2:  # kSolutionStatusFeasible
        return None
    found = solver.getSolution().col_value
    units = {p: round(found[p]) for p in range(n) if round(found[p]) > 0}
    objective = sum(pairs[p].per_unit * u for p, u in units.items())
    optimal = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return MipResult(units, objective, float(info.mip_dual_bound), optimal)
