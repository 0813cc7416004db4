"""Repair characters misread inside document symbols, numbers and ordinals.

Recognizes resolution numbers such as ``46/1S2`` or ``l990/19`` and years such as ``l992``,
where OCR read a digit as a look-alike letter, and split ordinals such as ``41 st``.
Letters are mapped back to digits only inside tokens that are otherwise numeric.
"""

from __future__ import annotations

import re

from clearinghouse.mandates.parser.model import Repair

LOOKALIKES = str.maketrans({"S": "5", "s": "5", "l": "1", "I": "1", "i": "1", "O": "0",
                            "o": "0", "B": "8", "Z": "2", "G": "6", "g": "9"})
_CONFUSABLE = "SslIiOoBZGg"
# A slash number like 46/152 with some digits read as letters; at least two real digits.
SLASH_NUMBER = re.compile(
    rf"(?<![\w/])([\d{_CONFUSABLE}]{{1,4}})/([\d{_CONFUSABLE}]{{1,4}})(?![\w/])"
)
YEAR = re.compile(rf"(?<![\w/])((?:[1lI]9|2[0O])[\d{_CONFUSABLE}]{{2}})(?![\w/])")
# A short number (a day, a paragraph number) with a digit read as l, I, O, S or B: "l5", "2O".
SHORT_NUMBER = re.compile(r"(?<![\w/.-])(?=[\dlIOSB]*\d)([\dlIOSB]{2,3})(?![\w/-])")
# A paragraph number at the start of a line: "l5. Urges", "S. Decides".
PARAGRAPH_NUMBER = re.compile(r"^([\dlIOSB]{1,3})(\.\s+[A-Z])")
_SHORT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "O": "0", "S": "5", "B": "8"})
ORDINAL = re.compile(r"\b(\d{1,3}) (st|nd|rd|th)\b")
_DIGIT = re.compile(r"\d")
# Where on a page a mend may be needed: a digit beside a look-alike letter, a split ordinal,
# or a look-alike paragraph number opening a line. Starting with a digit keeps the scan fast.
ANCHOR = re.compile(r"[0-9](?:[SslIiOoBZGg]| (?:st|nd|rd|th)\b|(?<=[SslIiOoBZGg][0-9]))")
PARAGRAPH_ANCHOR = re.compile(r"\n[lIOSB]{1,3}\. ")


def _numeric(token: str) -> str | None:
    """Return the token with look-alike letters as digits, if it really is a number."""
    digits = sum(c.isdigit() for c in token)
    if digits == len(token) or digits < max(1, len(token) - 2):
        return None
    return token.translate(LOOKALIKES)


def repair_line(text: str, line: int, repairs: list[Repair]) -> str:
    """Mend symbols, years and ordinals on one line."""

    def slash(match: re.Match[str]) -> str:
        whole = match.group(0)
        left, right = match.group(1), match.group(2)
        if sum(c.isdigit() for c in left + right) < 2:
            return whole
        fixed_left = _numeric(left) or left
        fixed_right = _numeric(right) or right
        if not (fixed_left + fixed_right).isdigit():
            return whole
        fixed = f"{fixed_left}/{fixed_right}"
        if fixed != whole:
            repairs.append(Repair("symbol", line, whole, fixed))
        return fixed

    def year(match: re.Match[str]) -> str:
        whole = match.group(0)
        fixed = _numeric(whole)
        if fixed is None or fixed == whole:
            return whole
        repairs.append(Repair("number", line, whole, fixed))
        return fixed

    def ordinal(match: re.Match[str]) -> str:
        fixed = match.group(1) + match.group(2)
        repairs.append(Repair("ordinal", line, match.group(0), fixed))
        return fixed

    def short(match: re.Match[str]) -> str:
        whole = match.group(1)
        fixed = whole.translate(_SHORT_LOOKALIKES)
        if fixed == whole or not fixed.isdigit():
            return whole
        repairs.append(Repair("number", line, whole, fixed))
        return fixed

    def paragraph(match: re.Match[str]) -> str:
        whole = match.group(1)
        fixed = whole.translate(_SHORT_LOOKALIKES)
        # A lone "I." may open a section in some layouts; only unambiguous look-alikes mend.
        if fixed == whole or not fixed.isdigit() or whole == "I":
            return match.group(0)
        repairs.append(Repair("number", line, whole, fixed))
        return fixed + match.group(2)

    if text.find(".", 0, 4) > 0:
        text = PARAGRAPH_NUMBER.sub(paragraph, text)
    if not _DIGIT.search(text):
        return text  # every other mend needs a digit nearby
    if "/" in text:
        text = SLASH_NUMBER.sub(slash, text)
    text = YEAR.sub(year, text)
    text = SHORT_NUMBER.sub(short, text)
    return ORDINAL.sub(ordinal, text)
