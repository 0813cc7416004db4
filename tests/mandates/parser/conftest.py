"""Fixtures for the parser tests: the seed, and corpus files rendered to text."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"
SEED = SHARED / "seeds" / "000_412b2c667c921353.txt"
CORPUS = SHARED / "corpus" / "akn"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def corpus_sample(n: int) -> list[Path]:
    """Return n corpus files spread evenly over both folders (stable across runs)."""
    files = sorted(CORPUS.glob("*/*.xml"))
    step = max(1, len(files) // n)
    return files[::step][:n]
