"""Fuzzy detection of organizations that may already be registered under another spelling.

Pure functions over plain tuples: no database, so the matcher is tested and timed alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

NAME_THRESHOLD = 88.0
# Words too common in organization names to tell two apart.
STOP_WORDS = frozenset((
    "the of and for in on de la le du des el los las del y et "
    "united nations national international institute"
).split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing organization as the matcher sees it."""

    id: int
    name: str
    acronym: str
    other_names: tuple[str, ...] = ()
    other_acronyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Similar:
    """An existing organization that looks like the proposed one, and why."""

    id: int
    name: str
    score: float
    reason: str


def normalize(text: str) -> str:
    """Return text folded to lowercase ASCII words separated by single spaces."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", folded.lower()))


def _significant(text: str) -> str:
    return " ".join(w for w in normalize(text).split() if w not in STOP_WORDS)


def _name_score(a: str, b: str) -> float:
    """Score two significant-word strings; one shared word alone never counts as a match.

    Token-set ratio scores 100 whenever one name's words are a subset of the other's, which
    is right for "Crime Prevention Institute" in "European Crime Prevention Institute" but
    wrong for "Justice" in "Justice Without Borders": single words fall back to edit ratio.
    """
    if min(len(a.split()), len(b.split())) < 2:
        return float(fuzz.ratio(a, b))
    return float(fuzz.token_set_ratio(a, b))


def find_similar(
    name: str, acronym: str, candidates: Iterable[Candidate], *, limit: int = 5
) -> list[Similar]:
    """Return up to ``limit`` candidates whose name or acronym resembles the proposal, best first.

    An acronym matches when equal after normalization. A name matches when rapidfuzz's
    token-set ratio reaches NAME_THRESHOLD against any known name of the candidate, both
    compared without the stop words that every UN body shares ("United Nations", "of").
    """
    wanted_core = _significant(name) or normalize(name)
    wanted_acronym = normalize(acronym).replace(" ", "")
    found: list[Similar] = []
    for candidate in candidates:
        acronyms = {normalize(a).replace(" ", "") for a in (candidate.acronym,
                                                              *candidate.other_acronyms)}
        if wanted_acronym and wanted_acronym in acronyms:
            found.append(Similar(candidate.id, candidate.name, 100.0, "same acronym"))
            continue
        if not wanted_core:
            continue
        best = max(
            _name_score(wanted_core, _significant(other) or normalize(other))
            for other in (candidate.name, *candidate.other_names)
        )
        if best >= NAME_THRESHOLD:
            found.append(Similar(candidate.id, candidate.name, round(best, 1), "similar name"))
    found.sort(key=lambda s: (-s.score, s.name))
    return found[:limit]
