"""Problems are read strictly: a malformed one is refused with the path of its fault."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from clearinghouse.assistance.brokerage.problem import ProblemError, load_problem

GOOD: dict[str, Any] = {
    "as_of": "2026-11-27", "priority_themes": ["T1"],
    "requests": [{"id": "R1", "country": "KEN", "region": "002", "ldc": False, "urgent": True,
                  "submitted": "2026-10-01",
                  "lines": [{"id": "R1a", "kind": "expert_days", "theme": "T1",
                             "expertise": "prosecution", "language": "en", "quantity": 20}]}],
    "offers": [{"id": "O1", "provider": "UNICRI",
                "lines": [{"id": "O1a", "kind": "expert_days", "themes": ["T1"],
                           "expertise": ["prosecution"], "languages": ["en", "fr"],
                           "regions": None, "countries": None, "capacity": 30}]}],
}


def test_good_problem_is_read() -> None:
    problem = load_problem(GOOD)
    assert problem.requests[0].lines[0].quantity == 20
    assert problem.offers[0].lines[0].languages == frozenset({"en", "fr"})


@pytest.mark.parametrize(("change", "path"), [
    (lambda p: p["requests"][0]["lines"][0].update(quantity=0),
     "requests[0].lines[0].quantity"),
    (lambda p: p["requests"][0]["lines"][0].update(kind="money"), "requests[0].lines[0].kind"),
    (lambda p: p["requests"][0].pop("country"), "requests[0].country"),
    (lambda p: p["requests"][0].update(submitted="yesterday"), "requests[0].submitted"),
    (lambda p: p["requests"][0].update(urgent="yes"), "requests[0].urgent"),
    (lambda p: p["offers"][0]["lines"][0].update(themes="T1"), "offers[0].lines[0].themes"),
    (lambda p: p["offers"][0]["lines"][0].update(id="R1a"), "offers[0].lines[0].id"),
    (lambda p: p.update(as_of=None), "as_of"),
])
def test_malformed_problem_names_the_path(change: Any, path: str) -> None:
    data = copy.deepcopy(GOOD)
    change(data)
    with pytest.raises(ProblemError) as raised:
        load_problem(data)
    assert raised.value.path == path
