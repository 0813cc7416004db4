"""Stage 5, citations: find every cited resolution or decision, with its body and date.

Reads the repaired texts of the title and paragraphs. Writes ``Citation`` records with a
normalized symbol (``A/RES/46/152``, ``E/RES/1990/19``, ``A/RES/1514(XV)``,
``S/RES/242(1967)``), the body that adopted it, the number as printed, the date that follows
it and whether that date agrees with the number.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable

from clearinghouse.mandates.parser.model import Citation

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
BODY_PREFIX = {
    "General Assembly": "A",
    "Economic and Social Council": "E",
    "Security Council": "S",
    "Human Rights Council": "A/HRC",
    "Commission on Human Rights": "E/CN.4",
    "Commission on Narcotic Drugs": "E/CN.7",
    "Commission on Crime Prevention and Criminal Justice": "E/CN.15",
    "Commission on the Status of Women": "E/CN.6",
    "Commission for Social Development": "E/CN.5",
    "Commission on Population and Development": "E/CN.9",
    "Statistical Commission": "E/CN.3",
}
_BODY_NAMES = "|".join(sorted(map(re.escape, BODY_PREFIX), key=len, reverse=True))
# A head that says whose resolutions follow: "General Assembly resolution(s)", "its decisions".
HEAD = re.compile(
    rf"(?:(?P<who>{_BODY_NAMES}|its|their|the Assembly|the Council|Assembly|Council)(?:'s)?"
    r"\s+)?(?P<kind>[Rr]esolutions?|[Dd]ecisions?)\b"
)
NUMBER = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<special>(?:S|ES)-\d{1,2}/\d{1,3})"
    r"|(?P<slash>\d{1,4}/\d{1,3})(?: (?P<part>[A-Z])\b(?! (?!of|and|on|in|to|as|by|entitled"
    r"|adopted|concerning|and)[a-z]))?"
    r"|(?P<rnum>\d{1,4})(?: (?P<rpart>[A-Z]))? \((?P<roman>(?:ES-|S-)?[IVXL]+)\)"
    r"|(?P<scnum>\d{1,4}) \((?P<scyear>(?:19|20)\d\d)\)"
    r")(?![\w/])"
)
DATE_AFTER = re.compile(rf"^(?: [A-Z])?,? of (\d{{1,2}} (?:{MONTHS}) \d{{4}})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS.split("|"), start=1)}


def parse_date(text: str) -> dt.date:
    """Return the date of "18 December 1991"; ValueError if it is not a real date.

    Faster than ``strptime``, and independent of the locale.
    """
    day, month, year = text.split(" ")
    return dt.date(int(year), MONTH_NUMBERS[month], int(day))


def _roman(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, numeral[1:] + " ", strict=False):
        value = ROMAN_VALUES[char]
        total += -value if following != " " and ROMAN_VALUES[following] > value else value
    return total


def _body(who: str | None, kind: str, document_body: str | None, match: re.Match[str]) -> str:
    if who in {"its", "their"} and document_body:
        return document_body
    if who is None and document_body and match.group("slash") and (
        len(match.group("slash").split("/")[0]) == 4) == (document_body != "General Assembly"):
        return document_body  # "resolution 1990/19" in an ECOSOC text is its own
    if who in {"the Assembly", "Assembly"}:
        return "General Assembly"
    if who in {"the Council", "Council"}:
        return document_body if document_body in {"Economic and Social Council",
                                                  "Security Council"} else (
            "Economic and Social Council")
    if who:
        return who
    # No head: judge by the number's shape.
    if match.group("scnum"):
        return "Security Council"
    slash = match.group("slash") or ""
    if slash and len(slash.split("/")[0]) == 4:
        return document_body if document_body and document_body != "General Assembly" else (
            "Economic and Social Council")
    return "General Assembly"


def _symbol(body: str, kind: str, match: re.Match[str]) -> tuple[str, str]:
    """Return (symbol, number as printed) for a citation."""
    prefix = BODY_PREFIX.get(body, "A")
    series = "DEC" if kind.startswith("decision") else "RES"
    if match.group("special"):
        number = match.group("special")
        return f"{prefix}/{series}/{number}", number
    if match.group("slash"):
        part = match.group("part") or ""
        number = match.group("slash") + (f" {part}" if part else "")
        return f"{prefix}/{series}/{match.group('slash')}{part}", number
    if match.group("roman"):
        part = match.group("rpart") or ""
        printed = f"{match.group('rnum')}{' ' + part if part else ''} ({match.group('roman')})"
        return f"{prefix}/{series}/{match.group('rnum')}{part}({match.group('roman')})", printed
    number = f"{match.group('scnum')} ({match.group('scyear')})"
    return f"S/RES/{match.group('scnum')}({match.group('scyear')})", number


def _consistent(body: str, match: re.Match[str], date: dt.date | None) -> bool:
    """Cross-check a number against its date: the year or session must fit."""
    if date is None:
        return True
    if match.group("scyear"):
        return int(match.group("scyear")) == date.year
    if match.group("slash"):
        first = int(match.group("slash").split("/")[0])
        if first >= 1946:
            return first == date.year
        if body == "General Assembly" or first < 100:
            return date.year in {1945 + first, 1946 + first}
    if match.group("roman") and body == "General Assembly" and not match.group(
            "roman").startswith(("S-", "ES-")):
        session = _roman(match.group("roman"))
        return date.year in {1945 + session, 1946 + session}
    return True


def find_citations(texts: Iterable[tuple[str, str]], document_body: str | None) -> list[Citation]:
    """Return the citations in (where, text) pairs, in order, one per mention."""
    found: list[Citation] = []
    for where, text in texts:
        if "esolution" not in text and "ecision" not in text:
            continue
        heads = list(HEAD.finditer(text))
        if not heads:
            continue
        head_starts = [h.start() for h in heads]
        for match in NUMBER.finditer(text, heads[0].start()):
            index = bisect.bisect_left(head_starts, match.start()) - 1
            head = heads[index] if index >= 0 else None
            if head is None or match.start() - head.end() > 600:
                continue
            kind = head.group("kind").lower()
            body = _body(head.group("who"), kind, document_body, match)
            symbol, number = _symbol(body, kind, match)
            date_match = DATE_AFTER.match(text[match.end():match.end() + 40])
            date = None
            if date_match:
                try:
                    date = parse_date(date_match.group(1))
                except ValueError:
                    date = None
            found.append(Citation(symbol=symbol, body=body, number=number,
                                  date=date.isoformat() if date else None, where=where,
                                  consistent=_consistent(body, match, date)))
    # A resolution cited twice is dated once ("resolution 46/152" in the title, "of 18
    # December 1991" in the preamble): every mention takes the date the text gives it.
    dates = {c.symbol: c.date for c in found if c.date}
    for citation in found:
        citation.date = citation.date or dates.get(citation.symbol)
    return found
