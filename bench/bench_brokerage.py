"""Benchmark the brokerage solver against the greedy baseline on seeded problems.

Sizes: small (200 requests, 50 offers), medium (2,000, 400), large (20,000, 4,000).
Prints the objective, the relaxation's upper bound and the gap, seconds and peak memory, and
the greedy baseline in the same run. Targets (issue 4): small optimal within 5 s, medium gap
<= 0.5% within 10 s, large gap <= 1% within 120 s, peak memory under 4 GB; beat greedy.
The plain-MIP baseline hands model v1 to HiGHS with the same time limit and no start
(small and medium only so far: the large model's millions of pairs are not built yet).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "src"))

from bench.brokerage.generate import generate  # noqa: E402
from clearinghouse.assistance.brokerage import solver  # noqa: E402
from clearinghouse.assistance.brokerage.checker import check_solution  # noqa: E402
from clearinghouse.assistance.brokerage.exact import solve_mip  # noqa: E402
from clearinghouse.assistance.brokerage.greedy import solve_greedy  # noqa: E402
from clearinghouse.assistance.brokerage.problem import load_problem  # noqa: E402
from clearinghouse.assistance.brokerage.rules import minimum_lot  # noqa: E402
from clearinghouse.assistance.brokerage.solver import solve  # noqa: E402

LIMITS = {"small": (5.0, 0.0), "medium": (10.0, 0.005), "large": (120.0, 0.01)}


def run(sizes: tuple[str, ...] = ("small", "medium", "large")) -> dict[str, float]:
    """Solve each size; return figures with *_over_target ratios (<= 1 means met)."""
    figures: dict[str, float] = {}
    for size in sizes:
        problem = load_problem(generate(size))
        start = time.perf_counter()
        solution = solve(problem, time_limit=LIMITS[size][0])
        seconds = time.perf_counter() - start
        errors = check_solution(problem, solution)
        start = time.perf_counter()
        greedy = solve_greedy(problem)
        greedy_seconds = time.perf_counter() - start
        gap = (solution["bound"] - solution["objective"]) / max(solution["bound"], 1e-9)
        mip = "skipped"
        if size != "large":
            pairs = solver._pairs(problem)
            capacities = {o.id: o.capacity for offer in problem.offers for o in offer.lines}
            start = time.perf_counter()
            result = solve_mip(pairs, [minimum_lot(p.line, p.offer) for p in pairs],
                               capacities, None, time_limit=LIMITS[size][0])
            mip = (f"{result.objective:.2f} in {time.perf_counter() - start:.1f} s"
                   + (" (optimal)" if result.optimal else "")) if result else "no solution"
        peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        print(f"{size}: objective {solution['objective']:.2f}, bound {solution['bound']:.2f}, "
              f"gap {gap:.3%}, {seconds:.2f} s, peak {peak_gb:.2f} GB, feasible "
              f"{not errors}; greedy {greedy['objective']:.2f} in {greedy_seconds:.2f} s "
              f"({solution['objective'] / max(greedy['objective'], 1e-9) - 1:+.2%}); "
              f"plain MIP {mip}")
        limit_seconds, limit_gap = LIMITS[size]
        figures[f"{size}_gap"] = gap
        figures[f"{size}_seconds"] = seconds
        figures[f"{size}_seconds_over_target"] = seconds / limit_seconds
        figures[f"{size}_gap_over_target"] = (gap / limit_gap if limit_gap else
                                              (0.0 if gap <= 1e-9 else float("inf")))
        figures[f"{size}_infeasible_over_target"] = float(bool(errors)) * 2
        figures[f"{size}_greedy_over_target"] = (
            greedy["objective"] / solution["objective"] if solution["objective"] else 2.0)
    figures["peak_gb_over_target"] = resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss / 1e6 / 4
    return figures


if __name__ == "__main__":
    print(run(tuple(sys.argv[1:]) or ("small", "medium", "large")))
