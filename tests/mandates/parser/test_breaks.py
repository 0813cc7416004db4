"""Words broken across lines are joined; real spaces and real hyphens are kept."""

from __future__ import annotations

import pytest

from clearinghouse.mandates.parser.lexicon import Vocabulary
from clearinghouse.mandates.parser.rules.breaks import HYPHEN, JOIN, SPACE, decide

EMPTY = Vocabulary.of_lines([])


@pytest.mark.parametrize(("left", "right", "spaced", "signal", "expected"), [
    ("resolu", "tion", False, True, JOIN),
    ("pre", "vention", False, True, JOIN),
    ("co", "operation", False, True, JOIN),
    ("be", "tween", False, True, JOIN),
    ("assist-", "ance,", False, True, JOIN),
    ("follow-", "up", False, True, HYPHEN),
    ("age-", "and", True, True, SPACE),
    ("United", "Nations", True, True, SPACE),
    ("the", "programme", False, True, SPACE),   # a lost trailing space, not a broken word
    ("into", "account", False, False, SPACE),
    ("resolu", "tion", False, False, JOIN),
    ("in", "to", False, False, SPACE),
    ("1992,", "and", False, True, SPACE),
])
def test_line_break_decision(left: str, right: str, spaced: bool, signal: bool,
                             expected: str) -> None:
    assert decide(left, right, spaced=spaced, signal=signal, vocabulary=EMPTY) == expected


def test_documents_own_spelling_outvotes_the_dictionary() -> None:
    vocabulary = Vocabulary.of_lines(["x the non-governmental organizations x"])
    assert decide("non-", "governmental", spaced=False, signal=True,
                  vocabulary=vocabulary) == HYPHEN
    vocabulary = Vocabulary.of_lines(["x we may be able to x"])
    assert decide("may", "be", spaced=False, signal=False, vocabulary=vocabulary) == SPACE
