"""Paragraph grouping and the structure rules, each alone and as an ordered table."""

from __future__ import annotations

from clearinghouse.mandates.parser import parse
from clearinghouse.mandates.parser.blocks import build_blocks, group_lines
from clearinghouse.mandates.parser.lexicon import Vocabulary
from clearinghouse.mandates.parser.lines import split_lines
from clearinghouse.mandates.parser.model import Document
from clearinghouse.mandates.parser.structure import (
    RULES,
    _label_kind,
    build_structure,
    roman,
    roman_value,
)

LINES = [
    '75/99. A test resolution',
    '',
    'The General Assembly,',
    '',
    'Recalling its resolution 74/1 of 1 October 2019,',
    ' Noting with concern the report,',
    '',
    'I',
    '',
    'COOPERATION',
    '',
    '1. Requests the Secretary-General to report to the General',
    'Assembly at its seventy-sixth session;',
    '',
    '2. Decides that:',
    '',
    '(a) The first item;',
    '',
    '(b) The second item, including:',
    '',
    '(i) a detail;',
    '',
    '(ii) another detail;',
    '',
    '60th plenary meeting',
    '7 December 2020',
    '',
]
# As printed: every line that ends a word ends with a space, as in the scans.
TEXT = "\n".join(line + " " if line.strip() else line for line in LINES)


def test_lost_blank_line_before_an_indented_paragraph_starts_a_new_one() -> None:
    groups = group_lines(split_lines(TEXT))
    texts = [" ".join(line.text for line in group) for _, group in groups]
    assert "Noting with concern the report," in texts


def test_page_break_inside_a_sentence_does_not_split_the_paragraph() -> None:
    text = ("Recalling its resolution 74/1, in which it \n\n\n\n\n\nrequested the "
            "Secretary-General to act, \n")
    groups = group_lines(split_lines(text))
    assert len(groups) == 1


def test_structure_of_a_small_resolution() -> None:
    document = parse(TEXT)
    assert (document.number, document.body, document.adopted) == (
        "75/99", "General Assembly", "2020-12-07")
    assert len(document.preamble) == 2
    assert [(s.num, s.heading) for s in document.sections] == [("I", "Cooperation")]
    two = document.operative[1]
    assert [s.num for s in two.subparagraphs] == ["a", "b"]
    assert [s.num for s in two.subparagraphs[1].subparagraphs] == ["i", "ii"]
    mandate = document.mandates[0]
    assert (mandate.paragraph, mandate.actor, mandate.due and mandate.due.start) == (
        "I.1", "Secretary-General", "2021-09-01")


def test_i_after_h_is_a_letter_and_after_e_a_roman_numeral() -> None:
    assert _label_kind("i", "h") == "letter"
    assert _label_kind("i", "e") == "roman"
    assert _label_kind("v", "u") == "letter"


def test_rules_table_can_switch_a_rule_off() -> None:
    without_headings = [(name, rule) for name, rule in RULES if name != "section heading"]
    document = parse(TEXT)
    lines = split_lines(TEXT)
    blocks, _ = build_blocks(lines, signal=True, vocabulary=Vocabulary.of_lines([]), repairs=[])
    bare = build_structure(blocks, Document(), rules=without_headings)
    assert document.sections[0].heading == "Cooperation"
    assert bare.sections[0].heading is None


def test_roman_numerals_round_trip() -> None:
    assert [roman_value(roman(n)) for n in range(1, 60)] == list(range(1, 60))
