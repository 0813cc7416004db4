"""Characters misread inside symbols, numbers and ordinals are mended, and nothing else."""

from __future__ import annotations

import pytest

from clearinghouse.mandates.parser.model import Repair
from clearinghouse.mandates.parser.rules.symbols import repair_line


@pytest.mark.parametrize(("before", "after"), [
    ("resolution 46/1S2 concerning", "resolution 46/152 concerning"),
    ("resolution l990/19 of", "resolution 1990/19 of"),
    ("of 13 August l948,", "of 13 August 1948,"),
    ("in 20I8 and", "in 2018 and"),
    ("of l5 April 1992", "of 15 April 1992"),
    ("41 st plenary meeting", "41st plenary meeting"),
    ("S. Decides to", "5. Decides to"),
])
def test_misread_number_is_mended_and_recorded(before: str, after: str) -> None:
    repairs: list[Repair] = []
    assert repair_line(before, 7, repairs) == after
    assert repairs and repairs[0].line == 7


@pytest.mark.parametrize("text", [
    "the COVID-19 pandemic", "resolution S-32/1 of", "resolution 1514 (XV) of",
    "the Group of 77 and China", "document A/75/L.1", "I. Organizational matters",
    "ISO standards", "in 2030 Agenda", "SOS Children",
])
def test_correct_text_is_left_alone(text: str) -> None:
    repairs: list[Repair] = []
    assert repair_line(text, 1, repairs) == text
    assert repairs == []
