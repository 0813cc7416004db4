"""Stage 4, structure: recognize the parts of a resolution among the repaired blocks.

Reads ``Block`` records. Writes the document's number, title, enacting formula, preambular
paragraphs, sections, operative paragraphs with their nested sub-paragraphs, the adoption
meeting and date, and the lacunae. Each block is offered to the rules of ``RULES`` in order;
the first that matches classifies it. A missing section heading is inferred and flagged;
missing text is flagged, never invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from clearinghouse.mandates.parser.blocks import (
    DATE,
    LETTER,
    LETTERED,
    MEETING,
    NUMBERED,
    ROMAN,
    is_opener,
)
from clearinghouse.mandates.parser.citations import parse_date
from clearinghouse.mandates.parser.model import (
    Block,
    Document,
    Lacuna,
    Operative,
    Preambular,
    Section,
    SubParagraph,
)

TITLE = re.compile(
    r"^(?P<number>\d{1,4}/\d{1,4}(?: [A-Z])?|S-\d{1,2}/\d{1,3}|ES-\d{1,2}/\d{1,3}"
    r"|\d{1,4}(?: [A-Z])? \([IVXLC]+\))\.\s*(?P<title>.*)$"
)
FORMULA = re.compile(r"^The (?P<body>[A-Z][A-Za-z ,]+?)\s*,?$")
OPERATIVE_VERB = re.compile(
    r"^(?:(?:Also|Further|Further also|Once again|Strongly|Again|Hereby|Formally) )?"
    r"(?:[A-Z][a-z]+s|Takes note|Calls upon|Calls on)\b"
)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def roman_value(numeral: str) -> int:
    """Return the value of a Roman numeral."""
    total = 0
    for char, following in zip(numeral, numeral[1:] + " ", strict=False):
        value = ROMAN_VALUES[char]
        total += -value if following != " " and ROMAN_VALUES[following] > value else value
    return total


def roman(value: int) -> str:
    """Return the Roman numeral of a positive integer."""
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                (4, "IV"), (1, "I")]
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


@dataclass(slots=True)
class State:
    """What the structure rules have seen so far."""

    document: Document
    phase: str = "head"  # head -> preamble -> operative -> end
    section: Section | None = None
    pending_heading: bool = False
    last_sub: list[SubParagraph] = field(default_factory=list)
    previous_kind: str = ""


Rule = Callable[[State, Block], bool]
PART_OPENERS = {"section label", "section heading", "bare heading"}


def _title(state: State, block: Block) -> bool:
    match = TITLE.match(block.text)
    if state.phase != "head" or state.document.number or not match:
        return False
    state.document.number = match.group("number")
    state.document.title = match.group("title").strip()
    return True


def _formula(state: State, block: Block) -> bool:
    """Recognize the enacting formula, at the head or opening a part ("A", its title, formula)."""
    match = FORMULA.match(block.text)
    opens_part = state.phase == "operative" and state.previous_kind in PART_OPENERS
    if (state.phase != "head" and not opens_part) or not match or len(block.text) > 80:
        return False
    state.document.formula = state.document.formula or block.text
    state.document.body = state.document.body or match.group("body").strip()
    state.phase = "preamble"
    return True


def _embedded(state: State, block: Block) -> bool:
    """Keep a quoted draft ("the following draft resolution:") inside its paragraph.

    It starts with its own enacting formula and runs to the adoption lines.
    """
    operative = state.document.operative
    if state.phase == "embedded":
        if MEETING.match(block.text):
            return False
        operative[-1].embedded.append(block.text)
        return True
    if state.phase == "operative" and operative and operative[-1].text.endswith(":") and (
        state.previous_kind in {"operative", "unnumbered operative", "subparagraph"}
        and FORMULA.match(block.text) and len(block.text) <= 80
    ):
        state.phase = "embedded"
        operative[-1].embedded.append(block.text)
        return True
    return False


def _section_label(state: State, block: Block) -> bool:
    match = ROMAN.match(block.text) or LETTER.match(block.text)
    if not match or state.phase == "end":
        return False
    section = Section(num=match.group(1), heading=None)
    state.document.sections.append(section)
    state.section, state.pending_heading = section, True
    state.phase = "operative"
    return True


def _bare_heading(state: State, block: Block) -> bool:
    """Recognize a heading printed in capitals without a numeral ("FOLLOW-UP")."""
    text = block.text
    if state.phase not in {"preamble", "operative"} or len(text) > 250 or text.endswith(
        (",", ";")
    ) or not any(c.isalpha() for c in text) or text != text.upper():
        return False
    section = Section(num="", heading=_sentence_case(text))
    state.document.sections.append(section)
    state.section, state.pending_heading = section, False
    state.phase = "operative"
    return True


def _section_heading(state: State, block: Block) -> bool:
    if not state.pending_heading:
        return False
    state.pending_heading = False
    if NUMBERED.match(block.text) or LETTERED.match(block.text) or len(block.text) > 200:
        return False
    assert state.section is not None
    state.section.heading = _sentence_case(block.text) if block.text.isupper() else block.text
    return True


def _sentence_case(text: str) -> str:
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def _meeting(state: State, block: Block) -> bool:
    match = MEETING.match(block.text)
    if not match or state.phase == "head":
        return False
    state.document.meeting = block.text.rstrip(".")
    state.phase = "end"
    return True


def _date(state: State, block: Block) -> bool:
    if not DATE.match(block.text) or state.phase != "end":
        return False
    try:
        state.document.adopted = parse_date(block.text).isoformat()
    except ValueError:
        return False
    return True


def _operative(state: State, block: Block) -> bool:
    match = NUMBERED.match(block.text)
    if not match or state.phase in {"head", "end"}:
        return False
    state.phase = "operative"
    num = match.group(1)
    text = block.text[len(num) + 1:].strip()
    state.document.operative.append(Operative(num=num, text=text, section=_section_num(state)))
    state.last_sub = []
    return True


def _section_num(state: State) -> str | None:
    return state.section.num if state.section else None


def _label_kind(label: str, previous: str | None) -> str:
    """Return "letter" or "roman" for a label; "(i)" after "(h)" is a letter."""
    if not re.fullmatch(r"[ivxl]+", label):
        return "letter"
    if previous and len(previous) == 1 and re.fullmatch(r"[a-z]", previous) and (
        LETTERS.index(previous) + 1 < len(LETTERS) and LETTERS[LETTERS.index(previous) + 1]
        == label
    ):
        return "letter"
    return "roman"


def _subparagraph(state: State, block: Block) -> bool:
    match = LETTERED.match(block.text)
    if not match or state.phase == "end":
        return False
    label = match.group(1)
    text = block.text[len(label) + 2:].strip()
    if state.phase in {"preamble", "head"} or not state.document.operative:
        if state.document.preamble:  # items of a preambular paragraph: part of its text
            state.document.preamble[-1].text += " " + block.text
            return True
        return False
    item = SubParagraph(num=label, text=text)
    parent = state.document.operative[-1]
    top = parent.subparagraphs
    kind = _label_kind(label, top[-1].num if top else None)
    # A roman item nests under the lettered item before it, or beside earlier roman items.
    if kind == "roman" and top and (not re.fullmatch(r"[ivxl]+", top[-1].num)
                                    or top[-1].subparagraphs):
        top[-1].subparagraphs.append(item)
    else:
        top.append(item)
    return True


def _unnumbered_operative(state: State, block: Block) -> bool:
    """Recognize an operative paragraph without a number.

    Either it opens the operative part ("Recommends to the General Assembly ..."), or it
    carries on after a list of sub-paragraphs in lower case ("and requests ...").
    """
    doc = state.document
    if state.phase == "operative" and doc.operative and doc.operative[-1].subparagraphs and (
        block.text[:1].islower()
    ):
        doc.operative.append(Operative(num="", text=block.text, section=_section_num(state)))
        return True
    in_section_start = state.phase == "operative" and _section_num(state) not in {
        o.section for o in doc.operative}
    if (state.phase != "preamble" and not in_section_start) or not OPERATIVE_VERB.match(
        block.text
    ):
        return False
    if is_opener(block.text) or block.text.endswith(","):
        return False
    state.phase = "operative"
    state.document.operative.append(Operative(num="", text=block.text,
                                              section=_section_num(state)))
    return True


def _preambular(state: State, block: Block) -> bool:
    # Preambular paragraphs may open a section, before its first operative paragraph.
    opens_section = (state.phase == "operative" and state.section is not None
                     and _section_num(state) not in {o.section for o in state.document.operative}
                     and is_opener(block.text) and block.text.endswith((",", ":")))
    if state.phase != "preamble" and not opens_section:
        return False
    state.document.preamble.append(Preambular(text=block.text))
    return True


def _continuation(state: State, block: Block) -> bool:
    """Attach a stray block to the paragraph before it (a page break split a sentence)."""
    doc = state.document
    if state.phase == "operative" and doc.operative:
        target = doc.operative[-1]
        if target.subparagraphs:
            sub = target.subparagraphs[-1]
            (sub.subparagraphs[-1] if sub.subparagraphs else sub).text += " " + block.text
        else:
            target.text += " " + block.text
        return True
    if state.phase == "head" and doc.number and not doc.formula:
        doc.title += " " + block.text
        return True
    return False


RULES: list[tuple[str, Rule]] = [
    ("title", _title),
    ("embedded draft", _embedded),
    ("formula", _formula),
    ("section label", _section_label),
    ("section heading", _section_heading),
    ("bare heading", _bare_heading),
    ("meeting", _meeting),
    ("date", _date),
    ("operative", _operative),
    ("subparagraph", _subparagraph),
    ("unnumbered operative", _unnumbered_operative),
    ("preambular", _preambular),
    ("continuation", _continuation),
]


def build_structure(blocks: list[Block], document: Document,
                    rules: list[tuple[str, Rule]] | None = None) -> Document:
    """Classify every block with the first rule that matches, then flag lacunae."""
    state = State(document)
    for block in blocks:
        for name, rule in rules or RULES:
            if rule(state, block):
                block.kind = name
                break
        else:
            block.kind = "unclassified"
        state.previous_kind = block.kind
    find_lacunae(document, blocks)
    return document


def find_lacunae(document: Document, blocks: list[Block]) -> None:
    """Flag visibly missing text: a paragraph that breaks off, and missing operative numbers.

    A missing section heading is inferred from the next section's numeral and flagged.
    """
    operative = document.operative
    last_preamble = document.preamble[-1] if document.preamble else None
    first = operative[0] if operative else None
    if last_preamble and not last_preamble.text.endswith((",", ";", ".", ":")):
        last_preamble.complete = False
        last_preamble.confidence = 0.5
        where = f"preamble {len(document.preamble)}"
        note = "The paragraph breaks off: text is missing here."
        if first and first.num not in {"", "1"}:
            note += f" The operative part resumes at paragraph {first.num}."
        document.lacunae.append(Lacuna(after=where, note=note))
    if first and first.num not in {"", "1"} and first.section is None:
        later = [s for s in document.sections if ROMAN.match(s.num)]
        numeral = roman(roman_value(later[0].num) - 1) if later and later[0].num != "I" else "I"
        inferred = Section(num=numeral, heading=None, inferred=True, confidence=0.5)
        document.sections.insert(0, inferred)
        for paragraph in operative:
            if paragraph.section is not None:
                break
            paragraph.section = numeral
        if not document.lacunae:
            document.lacunae.append(Lacuna(after="preamble", note=(
                f"Operative paragraphs before {numeral}.{first.num} are missing.")))
    previous: Operative | None = None
    for paragraph in operative:
        if previous and paragraph.section == previous.section and paragraph.num.isdigit() and (
            previous.num.isdigit() and int(paragraph.num) > int(previous.num) + 1
        ):
            document.lacunae.append(Lacuna(
                after=reference(previous),
                note=f"Paragraphs {int(previous.num) + 1} to {int(paragraph.num) - 1} are "
                     "missing."))
        previous = paragraph


def reference(paragraph: Operative, sub: SubParagraph | None = None,
              deeper: SubParagraph | None = None) -> str:
    """Return a provision's reference, such as "VII.4", "VI.3(b)" or "2(a)(i)"."""
    ref = f"{paragraph.section}.{paragraph.num}" if paragraph.section else paragraph.num
    if sub is not None:
        ref += f"({sub.num})"
    if deeper is not None:
        ref += f"({deeper.num})"
    return ref or "operative"
