"""Benchmark the brokerage solver against the greedy and plain-MIP baselines on seeded problems.

Sizes: small (200 requests, 50 offers), medium (2,000, 400), large (20,000, 4,000).
Prints the objective, the proven upper bound and the gap, the status, seconds and peak memory
(ru_maxrss), and both baselines in the same run. Targets (issue 4): small proven optimal
within 5 s, medium gap <= 0.5% within 10 s, large gap <= 1% within 120 s, peak memory under
4 GB; beat greedy and the plain MIP.

The plain-MIP baseline hands model v1 as written (every pair with its x and z, every row) to
HiGHS with the same time limit, counting the time to build the model, and no start. It runs
in a child process capped at 4 GB of address space, so that the large model (millions of
pairs) is tried without risking the benchmark: its own peak memory is printed, or the
reason it failed.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "src"))

from bench.brokerage.generate import generate  # noqa: E402
from clearinghouse.assistance.brokerage.checker import check_solution  # noqa: E402
from clearinghouse.assistance.brokerage.exact import solve_mip  # noqa: E402
from clearinghouse.assistance.brokerage.greedy import solve_greedy  # noqa: E402
from clearinghouse.assistance.brokerage.pairs import index_pairs  # noqa: E402
from clearinghouse.assistance.brokerage.problem import load_problem  # noqa: E402
from clearinghouse.assistance.brokerage.solver import solve  # noqa: E402

LIMITS = {"small": (5.0, 0.0), "medium": (10.0, 0.005), "large": (120.0, 0.01)}
MIP_MEMORY = 4 * 1024**3


def _plain_mip(size: str, limit: float, answer: Any) -> None:
    """Child process: build and solve the plain MIP; send back what happened."""
    resource.setrlimit(resource.RLIMIT_AS, (MIP_MEMORY, MIP_MEMORY))
    try:
        problem = load_problem(generate(size))
        start = time.perf_counter()
        pairs = index_pairs(problem)
        import numpy as np

        everything = np.arange(len(pairs), dtype=np.int64)
        result = solve_mip(pairs, everything, pairs.upper, None, trim=False,
                           time_limit=limit - (time.perf_counter() - start))
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        scale = f"{len(pairs):,} pairs, peak {peak:.2f} GB"
        answer.send((f"{result.objective:.2f} in {seconds:.1f} s"
                     + (" (optimal)" if result.optimal else "") + f", {scale}", result.objective)
                    if result else (f"no solution in {seconds:.1f} s, {scale}", None))
    except MemoryError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        answer.send((f"out of memory: building or solving it needs more than the 4 GB "
                     f"budget (MemoryError at peak {peak:.2f} GB)", None))


def plain_mip(size: str, limit: float) -> tuple[str, float | None]:
    """Return an account of the plain MIP on ``size`` (run in a capped child), and its
    objective if it found a solution."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_plain_mip, args=(size, limit, send))
    child.start()
    send.close()
    child.join(limit + 120)
    if child.is_alive():
        child.kill()
        child.join()
        return "did not stop within its time limit (killed)", None
    if receive.poll():
        text, objective = receive.recv()
        return str(text), objective
    return f"failed (exit code {child.exitcode}; 4 GB address-space cap)", None


def _gain(solution: dict[str, Any], baseline: float) -> str:
    return f"engine {solution['objective'] / max(baseline, 1e-9) - 1:+.2%}"


def run(sizes: tuple[str, ...] = ("small", "medium", "large")) -> dict[str, float]:
    """Solve each size; return figures with *_over_target ratios (<= 1 means met)."""
    figures: dict[str, float] = {}
    for size in sizes:
        limit_seconds, limit_gap = LIMITS[size]
        mip, mip_objective = plain_mip(size, limit_seconds)
        problem = load_problem(generate(size))
        start = time.perf_counter()
        solution = solve(problem, time_limit=limit_seconds)
        seconds = time.perf_counter() - start
        errors = check_solution(problem, solution)
        start = time.perf_counter()
        greedy = solve_greedy(problem)
        greedy_seconds = time.perf_counter() - start
        gap = (solution["bound"] - solution["objective"]) / max(solution["bound"], 1e-9)
        peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
        print(f"{size}: {solution['status']}, objective {solution['objective']:.2f}, bound "
              f"{solution['bound']:.2f}, gap {gap:.3%}, {seconds:.2f} s, peak {peak_gb:.2f} GB, "
              f"feasible {not errors}; greedy {greedy['objective']:.2f} in "
              f"{greedy_seconds:.2f} s ({_gain(solution, greedy['objective'])}); "
              f"plain MIP {mip}" + (f" ({_gain(solution, mip_objective)})"
                                    if mip_objective is not None else ""), flush=True)
        figures[f"{size}_gap"] = gap
        figures[f"{size}_seconds"] = seconds
        figures[f"{size}_seconds_over_target"] = seconds / limit_seconds
        figures[f"{size}_gap_over_target"] = (
            gap / limit_gap if limit_gap else
            (0.0 if gap <= 1e-9 and solution["status"] == "optimal" else float("inf")))
        figures[f"{size}_infeasible_over_target"] = float(bool(errors)) * 2
        figures[f"{size}_greedy_over_target"] = (
            greedy["objective"] / solution["objective"] if solution["objective"] else 2.0)
        figures[f"{size}_plain_mip_over_target"] = (
            (mip_objective or 0.0) / solution["objective"] if solution["objective"] else 2.0)
    figures["peak_gb_over_target"] = resource.getrusage(
        resource.RUSAGE_SELF).ru_maxrss / 1e6 / 4
    return figures


if __name__ == "__main__":
    print(run(tuple(sys.argv[1:]) or ("small", "medium", "large")))
