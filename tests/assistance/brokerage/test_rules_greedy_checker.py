"""Model v1's rules, the greedy baseline, and the independent checker that judges solutions."""

from __future__ import annotations

import copy
import random
from typing import Any

from clearinghouse.assistance.brokerage.checker import check_solution
from clearinghouse.assistance.brokerage.greedy import solve_greedy
from clearinghouse.assistance.brokerage.problem import load_problem
from clearinghouse.assistance.brokerage.rules import compatible, fit, weight
from tests.assistance.brokerage.test_problem import GOOD


def _problem(**changes: Any) -> Any:
    data = copy.deepcopy(GOOD)
    data["offers"][0]["lines"][0].update(changes)
    return load_problem(data)


def test_compatibility_follows_kind_theme_language_region_and_country() -> None:
    assert compatible(_problem().requests[0], _problem().requests[0].lines[0],
                      _problem().offers[0].lines[0])
    for change in ({"kind": "training_places"}, {"themes": ["T2"]}, {"languages": ["es"]},
                   {"regions": ["150"]}, {"countries": ["PER"]}):
        problem = _problem(**change)
        assert not compatible(problem.requests[0], problem.requests[0].lines[0],
                              problem.offers[0].lines[0]), change
    open_offer = _problem(languages=None, regions=["002"], countries=["KEN"])
    assert compatible(open_offer.requests[0], open_offer.requests[0].lines[0],
                      open_offer.offers[0].lines[0])


def test_fit_and_weight() -> None:
    problem = _problem(expertise=["policing"])
    request, line = problem.requests[0], problem.requests[0].lines[0]
    assert fit(line, problem.offers[0].lines[0]) == 0.75
    # urgent (2) + priority theme (0.5) + 57 days waiting (57/365)
    assert abs(weight(request, line, problem) - (1 + 2 + 0.5 + 57 / 365)) < 1e-9


def _random_problem(seed: int, requests: int = 60, offers: int = 15) -> Any:
    rng = random.Random(seed)
    themes = [f"T{i}" for i in range(6)]
    kinds = ["expert_days", "training_places", "funds_usd"]
    data: dict[str, Any] = {"as_of": "2026-11-27", "priority_themes": themes[:2], "requests": [],
                            "offers": []}
    for i in range(requests):
        kind = rng.choice(kinds)
        data["requests"].append({
            "id": f"R{i}", "country": rng.choice(["KEN", "PER", "NPL"]),
            "region": rng.choice(["002", "019", "142"]), "ldc": rng.random() < 0.3,
            "urgent": rng.random() < 0.2, "submitted": f"2026-{rng.randint(1, 11):02d}-01",
            "lines": [{"id": f"R{i}a", "kind": kind, "theme": rng.choice(themes),
                       "expertise": None, "language": rng.choice([None, "en", "fr"]),
                       "quantity": {"expert_days": rng.randint(5, 60),
                                    "training_places": rng.randint(1, 20),
                                    "funds_usd": rng.randint(5000, 80000)}[kind]}]})
    for i in range(offers):
        kind = rng.choice(kinds)
        data["offers"].append({"id": f"O{i}", "provider": f"P{i}", "lines": [{
            "id": f"O{i}a", "kind": kind, "themes": rng.sample(themes, 3), "expertise": None,
            "languages": rng.choice([None, ["en"], ["fr", "es"]]),
            "regions": rng.choice([None, ["002"]]), "countries": None,
            "capacity": {"expert_days": 120, "training_places": 40, "funds_usd": 200000}[kind]}]})
    return load_problem(data)


def test_greedy_solutions_pass_the_independent_checker() -> None:
    for seed in range(20):
        problem = _random_problem(seed)
        solution = solve_greedy(problem)
        assert check_solution(problem, solution) == [], seed
        assert solution["allocations"], seed


def test_checker_catches_every_kind_of_violation() -> None:
    problem = _random_problem(3)
    good = solve_greedy(problem)
    first = good["allocations"][0]
    broken = copy.deepcopy(good)
    broken["allocations"].append(dict(first))  # serves the line twice over
    broken["allocations"].append({**first, "offer_line": "nope"})
    broken["objective"] = good["objective"] + 1
    errors = check_solution(problem, broken)
    assert any("unknown" in e for e in errors)
    assert any("objective" in e for e in errors)
    assert any("more than" in e for e in errors)
    tiny = copy.deepcopy(good)
    line = next(a for a in tiny["allocations"] if a["quantity"] > 1)
    line["quantity"] = 0
    assert any("positive" in e for e in check_solution(problem, tiny))
