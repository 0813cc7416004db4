"""Fixtures for the parser tests: the seed, and corpus files rendered to text."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED = FIXTURES / "seed_E_RES_1992_22.txt"
CORPUS = FIXTURES / "corpus"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def corpus_sample(n: int) -> list[Path]:
    """Return up to n of the corpus files kept as fixtures (sorted, so stable)."""
    return sorted(CORPUS.glob("*/*.xml"))[:n]
