"""Words with junk inside them are mended; correct words and punctuation are not."""

from __future__ import annotations

import pytest

from clearinghouse.mandates.parser.lexicon import Vocabulary
from clearinghouse.mandates.parser.model import Repair
from clearinghouse.mandates.parser.rules.misreads import repair_text

VOCABULARY = Vocabulary.of_lines(["x the specific needs of advisory services x"])


@pytest.mark.parametrize(("before", "after"), [
    ("the objectives, specifo: activities", "the objectives, specific activities"),
    ("and ad_visory services", "and advisory services"),
    ("the various provi-;ions of", "the various provisions of"),
    ("in int_ernational law", "in international law"),
    ("technical c0operation", "technical cooperation"),
    ("the Gen_eral Assembly", "the General Assembly"),
    ("by INT_ERPOL and", "by INTERPOL and"),
])
def test_misread_word_is_mended(before: str, after: str) -> None:
    repairs: list[Repair] = []
    assert repair_text(before, lambda offset: 5, repairs, VOCABULARY) == after
    assert repairs[0].kind == "misread"


@pytest.mark.parametrize("text", [
    "decides as follows: the Commission", "the COVID-19 pandemic", "the H1N1 virus",
    "document A/75/L.1", "well-being and follow-up", "http://www.un.org/en",
    "paragraph 3: decides", "its 2030 Agenda",
])
def test_correct_text_is_unchanged(text: str) -> None:
    assert repair_text(text, lambda offset: 1, [], VOCABULARY) == text
