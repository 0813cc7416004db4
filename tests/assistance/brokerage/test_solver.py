"""The solver's allocations are feasible, bounded, explained, and better than greedy."""

from __future__ import annotations

import io
import json
from pathlib import Path

from clearinghouse.assistance.brokerage.checker import check_solution
from clearinghouse.assistance.brokerage.cli import main
from clearinghouse.assistance.brokerage.greedy import solve_greedy
from clearinghouse.assistance.brokerage.problem import load_problem
from clearinghouse.assistance.brokerage.solver import solve
from tests.assistance.brokerage.test_problem import GOOD
from tests.assistance.brokerage.test_rules_greedy_checker import _random_problem


def test_solutions_are_feasible_bounded_and_beat_greedy() -> None:
    better = 0
    for seed in range(8):
        problem = _random_problem(seed, requests=300, offers=60)
        solution = solve(problem)
        assert check_solution(problem, solution) == [], seed
        assert solution["bound"] >= solution["objective"] - 1e-9
        greedy = solve_greedy(problem)["objective"]
        assert solution["objective"] >= greedy - 1e-9, seed
        better += solution["objective"] > greedy
    assert better >= 6


def test_small_problem_is_proven_optimal_and_explained() -> None:
    solution = solve(load_problem(GOOD))
    assert solution["status"] == "optimal"
    assert solution["allocations"][0]["quantity"] == 20 and solution["allocations"][0]["why"]
    assert solution["unserved"] == []


def test_unserved_lines_say_why() -> None:
    data = json.loads(json.dumps(GOOD))
    data["requests"][0]["lines"][0]["theme"] = "T9"
    solution = solve(load_problem(data))
    assert solution["unserved"] == [{"request_line": "R1a", "why": "no compatible offer "
                                     "(kind, theme, language, region or country)"}]


def test_command_writes_the_solution_and_names_bad_paths(tmp_path: Path) -> None:
    problem = tmp_path / "problem.json"
    problem.write_text(json.dumps(GOOD))
    output = tmp_path / "solution.json"
    assert main(["solve", str(problem), "--output", str(output)]) == 0
    assert json.loads(output.read_text())["status"] == "optimal"
    bad = json.loads(json.dumps(GOOD))
    bad["requests"][0]["lines"][0]["quantity"] = -3
    problem.write_text(json.dumps(bad))
    err = io.StringIO()
    assert main(["solve", str(problem)], err=err) == 1
    assert "requests[0].lines[0].quantity" in err.getvalue()
    problem.write_text("{not json")
    err = io.StringIO()
    assert main(["solve", str(problem)], err=err) == 1 and "not JSON (line 1" in err.getvalue()
