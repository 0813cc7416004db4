"""Stage 1, lines: split the input into numbered, normalized lines.

Reads the raw text. Writes ``Line`` records: the stripped text, whether the line ended with a
space (in a scan, a line that ends without one usually breaks a word) and whether it began
with one (a paragraph whose blank line was lost).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass

_RUNS = re.compile(r" {2,}")
_SPACES = re.compile(r"[\t\u00a0\u202f\u2007\u2009\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]")


@dataclass(slots=True)
class Line:
    no: int
    text: str
    trailing: bool
    leading: bool

    @property
    def blank(self) -> bool:
        return not self.text


def normalize(text: str) -> str:
    """Return text in NFC with odd spaces as spaces, invisible marks dropped, and hyphens plain."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text)).replace("\u2011", "-")
    elif "\t" in text:
        text = text.replace("\t", " ")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def split_lines(text: str) -> list[Line]:
    """Return the text's lines, numbered from 1."""
    lines = []
    for no, raw in enumerate(normalize(text).split("\n"), start=1):
        stripped = raw.strip()
        if "  " in stripped:
            stripped = _RUNS.sub(" ", stripped)
        lines.append(Line(no, stripped, trailing=bool(stripped) and raw[-1] == " ",
                          leading=bool(stripped) and raw[0] == " "))
    return lines


def trailing_space_signal(lines: list[Line]) -> bool:
    """Return whether the scan marks real word ends with a trailing space, as the seed does.

    Judged on lines followed by another non-blank line: if most end with a space, a line that
    does not is a broken word; otherwise line ends say nothing.
    """
    inner = [a for a, b in itertools.pairwise(lines) if not a.blank and not b.blank]
    if len(inner) < 5:
        return False
    return sum(line.trailing for line in inner) / len(inner) >= 0.6


def indexes_hit(texts: list[str], *patterns: re.Pattern[str]) -> set[int]:
    """Return the indexes of the texts where any pattern matches, from one scan of them all.

    The texts are scanned joined by newlines, so a pattern may anchor on a line start with
    a leading newline; such a match counts for the text after it.
    """
    joined = "\n" + "\n".join(texts)
    starts, offset = [], 1
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return {bisect.bisect_right(starts, m.start() + (joined[m.start()] == "\n")) - 1
            for pattern in patterns for m in pattern.finditer(joined)}
