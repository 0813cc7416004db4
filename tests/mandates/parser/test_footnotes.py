"""Footnote markers glued to the text are dropped; lists of years and numbers stay."""

from __future__ import annotations

import pytest

from clearinghouse.mandates.parser.model import Repair
from clearinghouse.mandates.parser.rules.footnotes import repair_text


@pytest.mark.parametrize(("before", "after"), [
    ("resolution 11 (XXXV) of 15 April 1992,49", "resolution 11 (XXXV) of 15 April 1992,"),
    ("of 28 February 1992, 2 and emphasizing", "of 28 February 1992, and emphasizing"),
    ("of 26 July 2006, 17 2007/13 of", "of 26 July 2006, 2007/13 of"),
    ("of 9 June 202131 and", "of 9 June 2021 and"),
])
def test_marker_is_dropped(before: str, after: str) -> None:
    repairs: list[Repair] = []
    assert repair_text(before, lambda offset: 3, repairs) == after
    assert repairs[0].kind == "footnote" and repairs[0].line == 3


@pytest.mark.parametrize("text", [
    "in the years 1990, 1991 and 1992",
    "of 14 December 1990, in which the Assembly",
    "adopted on 10 December 1948, 70 years ago",
])
def test_text_without_markers_is_unchanged(text: str) -> None:
    assert repair_text(text, lambda offset: 1, []) == text
