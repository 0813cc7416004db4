"""Stage 2, blocks: group lines into paragraphs and join each into one repaired text.

Reads ``Line`` records. Writes ``Block`` records with the joined text, the source line range
and the blank lines before each (a page break shows as a long blank run). A paragraph starts
at a short blank run, at a numbered or lettered paragraph, a heading, the adoption lines, a
line indented by a lost blank line, or a preambular opening word; a long blank run inside a
sentence is a page break, and the paragraph carries on across it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from clearinghouse.mandates.parser.lexicon import Vocabulary
from clearinghouse.mandates.parser.lines import Line
from clearinghouse.mandates.parser.model import Block, Repair
from clearinghouse.mandates.parser.rules.breaks import HYPHEN, JOIN, decide

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
NUMBERED = re.compile(r"^(\d{1,3})\.\s+\S")
LETTERED = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)\s+\S")
ROMAN = re.compile(r"^([IVXLC]{1,7})\.?$")
LETTER = re.compile(r"^([A-Z])\.?$")
MEETING = re.compile(r"^\d{1,3}(?:st|nd|rd|th) (?:plenary )?meeting\b", re.IGNORECASE)
DATE = re.compile(rf"^\d{{1,2}} (?:{MONTHS}) \d{{4}}$")
PAGE_BREAK = 3
OPENERS = frozenset("""
Also Further Deeply Aware Mindful Conscious Cognizant Desirous Fully Gravely Seriously Strongly
Having Taking Bearing Keeping Noting Recalling Recognizing Reaffirming Welcoming Emphasizing
Stressing Acknowledging Expressing Convinced Concerned Alarmed Determined Guided Affirming
Underlining Highlighting Considering Believing Reiterating Appreciating Commending Persuaded
Regretting Deploring Condemning Encouraged Acting Observing Underscoring Cognisant Realizing
Deeming Confident
""".split())


STRONG = re.compile("|".join(f"(?:{p.pattern})" for p in (NUMBERED, LETTERED, ROMAN, LETTER,
                                                         DATE))
                    + r"|(?i:^\d{1,3}(?:st|nd|rd|th) (?:plenary )?meeting\b)")


def is_strong_start(text: str) -> bool:
    """Return whether a line can only be the first line of a paragraph or heading."""
    return STRONG.match(text) is not None


def is_opener(text: str) -> bool:
    """Return whether a line starts like a preambular paragraph ("Recalling", "Deeply ...")."""
    word = text.split(" ", 1)[0].rstrip(",")
    return word in OPENERS or (word[:1].isupper() and word.endswith("ing") and len(word) > 5
                               and word[1:].islower())


def _ends_sentence(text: str) -> bool:
    return text.endswith((",", ";", ".", ":"))


# What a line is, judged once: only the first character decides whether a pattern may match.
_CLOSES = re.compile(r"^(?:[IVXLC]{1,7}|[A-Z])\.?$|" + MEETING.pattern.lstrip("^") + "|"
                     + DATE.pattern.lstrip("^"), re.IGNORECASE)


def _starts_block(line: Line, previous: Line | None, blanks: int, strong: bool,
                  previous_closes: bool) -> bool:
    """Decide whether ``line`` starts a new paragraph.

    ``strong`` says the line is a numbered or lettered paragraph, a heading label or an
    adoption line; ``previous_closes`` that the line before stands alone (a label, the
    meeting or the date).
    """
    if previous is None or strong or previous_closes:
        return True
    if previous.text.endswith("-") and not previous.trailing:
        return False  # the word goes on: "assist-" / " ance"
    if 0 < blanks < PAGE_BREAK:
        return True  # a blank line ends a paragraph; a page break is a longer blank run
    if blanks >= PAGE_BREAK:
        return (_ends_sentence(previous.text) and not line.text[:1].islower()) or is_opener(
            line.text)
    if line.leading:
        return True
    # Without a blank line, only a listed opening word starts a preambular paragraph: a
    # capitalized "-ing" word after a comma is as often a title ("Securing Our Common Future").
    first = line.text.split(" ", 1)[0]
    return previous.text.endswith((",", ";")) and first in OPENERS


def group_lines(lines: list[Line]) -> list[tuple[int, list[Line]]]:
    """Group non-blank lines into paragraphs; return each with the blank lines before it."""
    groups: list[tuple[int, list[Line]]] = []
    blanks, previous, previous_closes = 0, None, False
    for line in lines:
        text = line.text
        if not text:
            blanks += 1
            continue
        first = text[0]
        strong = (first.isdigit() or first == "(" or first.isupper()) and is_strong_start(text)
        if strong and first in "(0123456789" and not blanks and previous is not None and (
            not previous.text.endswith((";", ":", ".", ",")) and not MEETING.match(text)
        ):
            # Mid-sentence, "(b) of resolution ..." or "5. of" at a line start is a wrapped
            # reference, not a new item: a list item follows a line that ends a clause.
            strong = False
        if _starts_block(line, previous, blanks, strong, previous_closes) or not groups:
            groups.append((blanks, [line]))
        else:
            groups[-1][1].append(line)
        previous_closes = (first.isdigit() or first.isupper()) and len(text) < 40 and bool(
            _CLOSES.match(text))
        blanks, previous = 0, line
    return groups


def join_lines(
    group: list[Line], *, signal: bool, vocabulary: Vocabulary, repairs: list[Repair]
) -> tuple[str, Callable[[int], int]]:
    """Join a paragraph's lines into one text, mending broken words.

    Return the text and a function giving the source line of a character offset.
    """
    parts = [group[0].text]
    joints = []  # (index in parts after which the line starts, source line number)
    for previous, line in itertools.pairwise(group):
        if previous.trailing and signal and previous.text[-1] != "-":
            parts.append(" ")  # the common case, decided without looking words up
        else:
            left = previous.text.rsplit(" ", 1)[-1]
            right = line.text.split(" ", 1)[0]
            how = decide(left, right, spaced=previous.trailing, signal=signal,
                         vocabulary=vocabulary)
            if how == JOIN:
                repairs.append(Repair("join", previous.no, f"{left}|{right}",
                                      left.removesuffix("-") + right))
                if left.endswith("-"):
                    parts[-1] = parts[-1][:-1]
            elif how != HYPHEN:
                parts.append(" ")
        joints.append((len(parts), line.no))
        parts.append(line.text)
    text = "".join(parts)
    first = group[0].no

    def line_at(offset: int) -> int:
        """Return the source line of a character offset (worked out only when asked)."""
        found, length, done = first, 0, 0
        for index, no in joints:
            length += sum(len(p) for p in parts[done:index])
            done = index
            if length > offset:
                break
            found = no
        return found

    return text, line_at


def build_blocks(lines: list[Line], *, signal: bool, vocabulary: Vocabulary,
                 repairs: list[Repair]) -> tuple[list[Block], list[Callable[[int], int]]]:
    """Return the paragraphs of the text as blocks, with their line locators."""
    blocks, locators = [], []
    for blanks, group in group_lines(lines):
        text, line_at = join_lines(group, signal=signal, vocabulary=vocabulary, repairs=repairs)
        blocks.append(Block(text=text, first_line=group[0].no, last_line=group[-1].no,
                            blank_before=blanks))
        locators.append(line_at)
    return blocks, locators
