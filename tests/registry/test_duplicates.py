"""Fuzzy detection of organizations that may already be registered (pure, no database)."""

from __future__ import annotations

import pytest

from clearinghouse.registry.duplicates import Candidate, find_similar, normalize

REGISTERED = [
    Candidate(1, "United Nations Development Programme", "UNDP",
              other_names=("Programme des Nations Unies pour le développement",),
              other_acronyms=("PNUD",)),
    Candidate(2, "United Nations Interregional Crime and Justice Research Institute", "UNICRI"),
    Candidate(3, "European Institute for Crime Prevention and Control, affiliated with the "
                 "United Nations", "HEUNI"),
    Candidate(4, "National Institute of Justice", "NIJ"),
]


@pytest.mark.parametrize(("name", "acronym", "expected"), [
    ("UN Development Program", "", 1),                      # spelling variant
    ("Some body", "U.N.D.P.", 1),                           # acronym with dots
    ("Some body", "pnud", 1),                               # acronym in another language
    ("Programme des Nations Unies pour le developpement", "", 1),  # accents dropped
    ("Interregional Crime & Justice Research Institute", "", 2),
    ("European Institute for Crime Prevention and Control", "", 3),
])
def test_similar_organization_is_found(name: str, acronym: str, expected: int) -> None:
    assert find_similar(name, acronym, REGISTERED)[0].id == expected


@pytest.mark.parametrize("name", [
    "United Nations Environment Programme",   # shares only the UN words
    "Justice Without Borders",                # one shared word is not a match
    "Institute for Security Studies",
])
def test_different_organization_is_not_flagged(name: str) -> None:
    assert find_similar(name, "", REGISTERED) == []


def test_results_are_ranked_and_limited() -> None:
    many = [Candidate(i, f"Crime Prevention Centre {i}", "") for i in range(10)]
    found = find_similar("Crime Prevention Centre 3", "", many, limit=3)
    assert len(found) == 3 and found[0].id == 3
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("  Côte d'Ivoire — Ministère ") == "cote d ivoire ministere"
