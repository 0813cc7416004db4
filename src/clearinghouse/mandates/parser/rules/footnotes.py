"""Drop footnote markers that OCR glued to the text.

Recognizes a small number run into a year or a citation, as in ``15 April 1992,49`` or
``28 February 1992, 2 and``: the marker follows a four-digit year (or a closing parenthesis
of a citation) and a comma, and is followed by a word, punctuation or the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from clearinghouse.mandates.parser.model import Repair

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
# What may follow a marker: the end, punctuation, a citation or a small word that goes on
# the sentence ("1992, 2 and emphasizing"); "1948, 70 years ago" is no marker.
FOLLOWER = (r"(?=$|[,;.:]|\s+(?:\d{1,4}/|and\b|or\b|in\b|by\b|which\b|the\b|on\b|of\b|as\b"
            r"|to\b|that\b|with\b|concerning\b|entitled\b|adopted\b|where\b|whereby\b))")
# "<year>,49" or "<year>, 2 and": a marker of 1-3 digits after a year and a comma.
AFTER_YEAR = re.compile(rf"((?:{MONTHS}) (?:1[89]|20)\d\d)(,? ?)(\d{{1,3}}){FOLLOWER}")
ANCHOR = re.compile(r"(?:1[89]|20)\d\d,? ?\d")
# "<year>49," glued with no comma at all.
GLUED = re.compile(rf"((?:{MONTHS}) (?:1[89]|20)\d\d)(\d{{1,3}}){FOLLOWER}")


def repair_text(text: str, line_at: Callable[[int], int], repairs: list[Repair]) -> str:
    """Remove footnote markers from a block's text."""

    def after_year(match: re.Match[str]) -> str:
        year, separator, marker = match.group(1), match.group(2), match.group(3)
        rest = text[match.end():match.end() + 12]
        # "1990, 1991 and" is a list of years, and "1992, 2 and 3" a list of numbers.
        if re.match(r"\s*(?:and|or|to)\s+\d", rest) or len(marker) == 4:
            return match.group(0)
        repairs.append(Repair("footnote", line_at(match.start(3)), match.group(0), year + ","
                              if separator.startswith(",") else year))
        return year + ("," if separator.startswith(",") else "")

    def glued(match: re.Match[str]) -> str:
        repairs.append(Repair("footnote", line_at(match.start(2)), match.group(0),
                              match.group(1)))
        return match.group(1)

    if not ANCHOR.search(text):
        return text
    text = GLUED.sub(glued, text)
    return AFTER_YEAR.sub(after_year, text)
