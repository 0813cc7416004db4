"""Real resolutions from the corpus, rendered as print and damaged like the 1992 scan.

The AKN markup is the label: the parser must find the same preambular paragraphs, operative
paragraphs and sub-paragraphs, and the citations the markup links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.mandates.damage import damage
from bench.mandates.render import render_text
from clearinghouse.mandates.parser import parse_text
from clearinghouse.mandates.parser.akn_read import labels_from_akn
from tests.mandates.parser.conftest import corpus_sample


def _counts(operative: list[dict[str, Any]], preamble: list[Any]) -> tuple[int, int, int]:
    subs, stack = 0, [s for o in operative for s in o.get("subparagraphs") or []]
    while stack:
        subs += 1
        stack += stack.pop().get("subparagraphs") or []
    return len(preamble), len(operative), subs


@pytest.mark.parametrize("path", corpus_sample(20), ids=lambda p: p.name)
@pytest.mark.parametrize("damaged", [False, True], ids=["clean", "damaged"])
def test_counts_match_the_markup(path: Path, damaged: bool) -> None:
    labels = labels_from_akn(path)
    text = render_text(labels)
    if damaged:
        text, _ = damage(text, seed=len(path.name))
    parsed = parse_text(text)
    assert _counts(parsed["operative"], parsed["preamble"]) == _counts(
        labels["operative"], labels["preamble"])


@pytest.mark.parametrize("path", corpus_sample(20), ids=lambda p: p.name)
def test_linked_citations_are_found(path: Path) -> None:
    labels = labels_from_akn(path)
    parsed = parse_text(render_text(labels))
    found = {c["number"].split(" ")[0] for c in parsed["citations"]}
    wanted = [c["number"].split(" ")[0] for c in labels["citations"]]
    missing = [n for n in wanted if n not in found]
    assert len(missing) <= max(1, len(wanted) // 20), missing
