"""Invariants: the parser never crashes, and repairing clean text changes nothing."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from clearinghouse.mandates.parser import parse

WORDS = ("the of and to in Member States United Nations programme crime prevention criminal "
         "justice resolution report Secretary-General technical cooperation advisory services "
         "training Commission session urgent need developing countries may be into within "
         "follow-up non-governmental organizations 2030 Agenda 46/152 (XV) co-operation "
         "assistance international community into account beyond shall should").split()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_parser_never_crashes_on_arbitrary_text(text: str) -> None:
    document = parse(text)
    assert isinstance(document.to_json(), dict)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=80), min_size=1,
                max_size=6),
       st.integers(min_value=30, max_value=70))
def test_repairing_clean_text_changes_nothing(paragraphs: list[list[str]], width: int) -> None:
    sentences = [" ".join(words) + "," for words in paragraphs]
    wrapped = "\n\n".join(
        "\n".join(line + " " for line in textwrap.wrap(s, width, break_on_hyphens=False,
                                                        break_long_words=False))
        for s in sentences)
    document = parse(wrapped)
    assert document.text.split() == " ".join(sentences).split()
    assert document.repairs == []
