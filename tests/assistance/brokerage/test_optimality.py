"""The engine's claims hold: pairs follow the rules, bounds are valid, "optimal" is proven.

The reference optimum is computed here by a MIP written independently of the engine: pairs
come straight from ``rules``, one monolithic model with every row, and a long time limit.
"""

from __future__ import annotations

from typing import Any

import highspy
import numpy as np
import pytest

from bench.brokerage.generate import generate
from clearinghouse.assistance.brokerage.checker import check_solution
from clearinghouse.assistance.brokerage.decompose import components
from clearinghouse.assistance.brokerage.pairs import index_pairs
from clearinghouse.assistance.brokerage.problem import Problem, load_problem
from clearinghouse.assistance.brokerage.relaxation import relax
from clearinghouse.assistance.brokerage.rules import LOT, compatible, fit, weight
from clearinghouse.assistance.brokerage.solver import solve
from tests.assistance.brokerage.test_rules_greedy_checker import _random_problem


def _reference_optimum(problem: Problem) -> float:
    """Solve model v1 as one MIP, x then z per pair, straight from the rules."""
    pairs = [(r, line, o) for r in problem.requests for line in r.lines
             for offer in problem.offers for o in offer.lines if compatible(r, line, o)]
    n = len(pairs)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 1e-9)
    h.setOptionValue("time_limit", 300.0)
    inf = highspy.kHighsInf
    for _, line, o in pairs:
        h.addVar(0.0, float(min(line.quantity, o.capacity)))
    for _ in pairs:
        h.addVar(0.0, 1.0)
    h.changeColsIntegrality(2 * n, np.arange(2 * n, dtype=np.int32),
                            np.ones(2 * n, dtype=np.uint8))
    h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(
        [-weight(r, line, problem) * fit(line, o) / line.quantity for r, line, o in pairs]))
    for p, (_, line, o) in enumerate(pairs):
        upper = float(min(line.quantity, o.capacity))
        lot = float(min(line.quantity, LOT[line.kind]))
        h.addRow(-inf, 0.0, 2, np.array([p, n + p], dtype=np.int32), np.array([1.0, -upper]))
        h.addRow(0.0, inf, 2, np.array([p, n + p], dtype=np.int32), np.array([1.0, -lot]))
    by_line: dict[str, list[int]] = {}
    by_offer: dict[str, list[int]] = {}
    for p, (_, line, o) in enumerate(pairs):
        by_line.setdefault(line.id, []).append(p)
        by_offer.setdefault(o.id, []).append(p)
    for ids in by_line.values():
        cols = np.array(ids, dtype=np.int32)
        h.addRow(-inf, float(pairs[ids[0]][1].quantity), len(ids), cols, np.ones(len(ids)))
        h.addRow(-inf, 2.0, len(ids), cols + n, np.ones(len(ids)))
    for ids in by_offer.values():
        cols = np.array(ids, dtype=np.int32)
        h.addRow(-inf, float(pairs[ids[0]][2].capacity), len(ids), cols, np.ones(len(ids)))
    h.run()
    assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return -float(h.getInfo().objective_function_value)


@pytest.mark.parametrize("seed", [1, 7, 1992])
def test_solve_proves_the_same_optimum_as_a_monolithic_mip(seed: int) -> None:
    problem = load_problem(generate("tiny", seed=seed))
    solution = solve(problem, time_limit=60)
    assert check_solution(problem, solution) == []
    optimum = _reference_optimum(problem)
    assert solution["status"] == "optimal"
    assert solution["objective"] == pytest.approx(optimum, rel=1e-7)
    assert solution["bound"] == pytest.approx(optimum, rel=1e-7)


def test_bounds_are_valid_and_optimal_is_never_claimed_without_proof() -> None:
    for seed in range(4):
        problem = _random_problem(seed, requests=30, offers=8)
        optimum = _reference_optimum(problem)
        rushed = solve(problem, time_limit=0.0)
        assert check_solution(problem, rushed) == []
        assert rushed["objective"] <= optimum + 1e-7
        assert rushed["bound"] >= optimum - 1e-7
        if rushed["status"] == "optimal":
            assert rushed["objective"] == pytest.approx(optimum, rel=1e-9)


def test_small_bench_problem_is_proven_optimal_within_five_seconds() -> None:
    problem = load_problem(generate("small"))
    solution = solve(problem, time_limit=5.0)
    assert solution["status"] == "optimal", solution["bound"] - solution["objective"]
    assert solution["seconds"] <= 5.0
    assert check_solution(problem, solution) == []


def _brute_pairs(problem: Problem) -> set[tuple[str, str, float]]:
    return {(line.id, o.id, round(weight(r, line, problem) * fit(line, o) / line.quantity, 12))
            for r in problem.requests for line in r.lines for offer in problem.offers
            for o in offer.lines if compatible(r, line, o)}


def test_indexed_pairs_follow_the_rules_exactly() -> None:
    for problem in (load_problem(generate("tiny", seed=3)), _random_problem(4)):
        pairs = index_pairs(problem)
        found = {(pairs.lines[int(li)].id, pairs.offers[int(o)].id, round(float(v), 12))
                 for li, o, v in zip(pairs.line, pairs.offer, pairs.value, strict=True)}
        assert found == _brute_pairs(problem)
        assert len(found) == len(pairs)


def test_relaxation_duals_are_feasible_and_tight() -> None:
    pairs = index_pairs(load_problem(generate("tiny", seed=5)))
    relaxed = relax(pairs)
    assert relaxed.reduced.max() <= 1e-12
    assert relaxed.offer_price.min() >= 0 and relaxed.line_price.min() >= 0
    flow_value = float(pairs.value @ relaxed.units)
    assert relaxed.bound(pairs) == pytest.approx(flow_value, rel=1e-9)
    served = np.bincount(pairs.line, weights=relaxed.units, minlength=len(pairs.lines))
    assert np.all(served <= pairs.quantity)


def test_components_join_exactly_the_connected_lines() -> None:
    pairs = index_pairs(_random_problem(2, requests=80, offers=20))
    labels = components(pairs, np.ones(len(pairs), dtype=np.bool_))
    parent = list(range(len(pairs.lines) + len(pairs.offers)))

    def find(a: int) -> int:
        while parent[a] != a:
            a = parent[a]
        return a

    for li, o in zip(pairs.line.tolist(), pairs.offer.tolist(), strict=True):
        parent[find(li)] = find(len(pairs.lines) + o)
    roots: dict[Any, set[int]] = {}
    for p, li in enumerate(pairs.line.tolist()):
        roots.setdefault(find(li), set()).add(int(labels[p]))
    assert all(len(v) == 1 for v in roots.values())
    assert len({next(iter(v)) for v in roots.values()}) == len(roots)
