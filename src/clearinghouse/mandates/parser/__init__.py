"""The resolution parser: plain text (OCR scans included) in, structured provisions out.

A pipeline of small stages, each testable alone, none importing Django:

1. ``lines``: split and normalize the text; note which lines end with a space.
2. line rules (``LINE_RULES``): mend symbols and numbers on each line.
3. ``blocks``: group lines into paragraphs and join them, mending broken words.
4. text rules (``TEXT_RULES``): mend misread words, drop footnote markers.
5. ``structure``: title, formula, preamble, sections, operative paragraphs, adoption, lacunae.
6. ``citations`` and 7. ``mandates``.

``parse_text(text)`` returns the JSON object of ``clearinghouse parse --format json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from clearinghouse.mandates.parser.blocks import build_blocks
from clearinghouse.mandates.parser.citations import BODY_PREFIX, find_citations
from clearinghouse.mandates.parser.lexicon import Vocabulary
from clearinghouse.mandates.parser.lines import (
    indexes_hit,
    split_lines,
    trailing_space_signal,
)
from clearinghouse.mandates.parser.mandates import find_mandates
from clearinghouse.mandates.parser.model import Document, Repair
from clearinghouse.mandates.parser.rules import footnotes, misreads, symbols
from clearinghouse.mandates.parser.structure import build_structure, reference

LineRule = Callable[[str, int, list[Repair]], str]
TextRule = Callable[[str, Callable[[int], int], list[Repair], Vocabulary], str]

LINE_RULES: list[tuple[str, LineRule]] = [("symbols", symbols.repair_line)]
# Each text rule comes with a pattern that finds where it may apply; a whole-page scan with
# it picks the paragraphs worth the rule's slower look.
TEXT_RULES: list[tuple[str, TextRule, re.Pattern[str]]] = [
    ("misreads", misreads.repair_text, misreads.ANCHOR),
    ("footnotes", lambda text, line_at, repairs, _v: footnotes.repair_text(text, line_at,
                                                                           repairs),
     footnotes.ANCHOR),
]


class NotAResolution(ValueError):
    """The input is not the text of a resolution."""


def parse(text: str, source: str = "", *, line_rules: list[tuple[str, LineRule]] | None = None,
          text_rules: list[tuple[str, TextRule, re.Pattern[str]]] | None = None,
          sessions: dict[Any, Any] | None = None) -> Document:
    """Parse a resolution's text into a Document. Never raises on odd text.

    ``sessions`` replaces the shipped session calendar (see ``calendar.read_listed``).
    """
    document = Document(source=source, sessions=sessions)
    repairs = document.repairs
    lines = split_lines(text)
    # Line rules run only where a fast scan of the whole page saw something to mend.
    suspects = indexes_hit([line.text for line in lines], symbols.ANCHOR,
                           symbols.PARAGRAPH_ANCHOR)
    for _name, line_rule in line_rules if line_rules is not None else LINE_RULES:
        for index in sorted(suspects):
            line = lines[index]
            line.text = line_rule(line.text, line.no, repairs)
    vocabulary = Vocabulary.of_lines([line.text for line in lines])
    signal = trailing_space_signal(lines)
    blocks, locators = build_blocks(lines, signal=signal, vocabulary=vocabulary,
                                    repairs=repairs)
    texts = [block.text for block in blocks]
    for _name, text_rule, anchor in text_rules if text_rules is not None else TEXT_RULES:
        for index in sorted(indexes_hit(texts, anchor)):
            block = blocks[index]
            block.text = texts[index] = text_rule(block.text, locators[index], repairs,
                                                  vocabulary)
    repairs.sort(key=lambda repair: repair.line)  # in page order, whichever rule made them
    build_structure(blocks, document)
    if document.number and document.body in BODY_PREFIX:
        document.symbol = f"{BODY_PREFIX[document.body]}/RES/{document.number.replace(' ', '')}"
    document.citations = find_citations(_texts(document), document.body)
    document.mandates = find_mandates(document)
    document.text = "\n\n".join(block.text for block in blocks)
    return document


def _texts(document: Document) -> list[tuple[str, str]]:
    texts = [("title", document.title)]
    texts += [(f"preamble {i}", p.text) for i, p in enumerate(document.preamble, start=1)]
    for paragraph in document.operative:
        texts.append((reference(paragraph), paragraph.text))
        for sub in paragraph.subparagraphs:
            texts.append((reference(paragraph, sub), sub.text))
            texts += [(reference(paragraph, sub, d), d.text) for d in sub.subparagraphs]
    return texts


def parse_text(text: str, source: str = "") -> dict[str, Any]:
    """Parse a resolution's text and return its JSON object."""
    return parse(text, source).to_json()
