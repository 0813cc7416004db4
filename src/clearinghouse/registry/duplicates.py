"""Fuzzy detection of organizations that may already be registered under another spelling.

Pure functions over plain tuples: no database, so the matcher is tested and timed alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

NAME_THRESHOLD = 88.0
# Words too common in organization names to tell two apart.
STOP_WORDS = frozenset((
    "the of and for in on de la le du des el los las del y et "
    "united nations national international institute"
).split())
_WORD = re.compile(r"[a-z0-9]+")


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
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_WORD.findall(text.lower()))


@lru_cache(maxsize=1 << 16)
def significant(text: str) -> str:
    """Return the normalized words of a name without the stop words every UN body shares.

    Cached: a server compares the same registry names again and again.
    """
    words = normalize(text).split()
    return " ".join(w for w in words if w not in STOP_WORDS) or " ".join(words)


@lru_cache(maxsize=1 << 16)
def acronym_key(text: str) -> str:
    """Return an acronym without case, dots, dashes or spaces: "U.N.D.P." -> "undp"."""
    return normalize(text).replace(" ", "")


def _name_score(wanted: str, key: str, score: float) -> float:
    """Correct rapidfuzz's token-set score where one name is a single word.

    Token-set ratio scores 100 whenever one name's words are a subset of the other's, which
    is right for "Crime Prevention Institute" in "European Crime Prevention Institute" but
    wrong for "Justice" in "Justice Without Borders": single words fall back to edit ratio.
    """
    if min(len(wanted.split()), len(key.split())) < 2:
        return float(fuzz.ratio(wanted, key))
    return score


def find_similar(
    name: str, acronym: str, candidates: Iterable[Candidate], *, limit: int = 5
) -> list[Similar]:
    """Return up to ``limit`` candidates whose name or acronym resembles the proposal, best first.

    An acronym matches when equal after normalization. A name matches when rapidfuzz's
    token-set ratio reaches NAME_THRESHOLD against any known name of the candidate, both
    compared without the stop words that every UN body shares ("United Nations", "of").
    """
    wanted_core = significant(name) if name.strip() else ""
    wanted_acronym = acronym_key(acronym) if acronym.strip() else ""
    found: dict[int, Similar] = {}
    keys: list[str] = []
    owners: list[Candidate] = []
    for candidate in candidates:
        acronyms = (candidate.acronym, *candidate.other_acronyms)
        if wanted_acronym and any(acronym_key(a) == wanted_acronym for a in acronyms if a):
            found[candidate.id] = Similar(candidate.id, candidate.name, 100.0, "same acronym")
            continue
        for other in (candidate.name, *candidate.other_names):
            keys.append(significant(other))
            owners.append(candidate)
    if wanted_core:
        matches = process.extract(wanted_core, keys, scorer=fuzz.token_set_ratio,
                                  score_cutoff=NAME_THRESHOLD, limit=None)
        for key, raw, index in matches:
            score = _name_score(wanted_core, key, raw)
            owner = owners[index]
            if score >= NAME_THRESHOLD and (
                owner.id not in found or found[owner.id].score < score
            ):
                found[owner.id] = Similar(owner.id, owner.name, round(score, 1), "similar name")
    ranked = sorted(found.values(), key=lambda s: (-s.score, s.name))
    return ranked[:limit]
