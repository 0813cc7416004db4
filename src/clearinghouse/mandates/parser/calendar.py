"""Resolve deadlines such as "at its second session" against a calendar of the bodies' sessions.

The calendar is data (``data/sessions.csv``), editable without code; sessions it does not
list are computed by each body's rule. A deadline resolves to the period of that session.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SESSIONS = Path(__file__).parent / "data" / "sessions.csv"
UNITS = {w: i for i, w in enumerate(
    "zero first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
        "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}


def ordinal_value(word: str) -> int | None:
    """Return the value of an English ordinal word ("second", "fifty-sixth"), or None."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    if match := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word):
        return int(match.group(1))
    head, _, tail = word.partition("-")
    if head in TENS_PREFIX and tail in UNITS:
        return TENS_PREFIX[head] + UNITS[tail]
    return None


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date


Listed = dict[tuple[str, str], Period]


def read_listed(path: Path = SESSIONS) -> Listed:
    """Return the sessions listed in a calendar CSV, keyed by (body, session)."""
    rows = (line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#"))
    return {
        (row["body"], row["session"]): Period(dt.date.fromisoformat(row["start"]),
                                              dt.date.fromisoformat(row["end"]))
        for row in csv.DictReader(rows)
    }


@cache
def _listed() -> Listed:
    return read_listed()


def session_period(body: str, session: int, listed: Listed | None = None) -> Period | None:
    """Return when a numbered session of a body meets (for ECOSOC, ``session`` is a year).

    ``listed`` replaces the shipped calendar, as the app does with its edited copy.
    """
    known = (listed if listed is not None else _listed()).get((body, str(session)))
    if known:
        return known
    if body == "General Assembly":
        return Period(dt.date(1945 + session, 9, 1), dt.date(1946 + session, 8, 31))
    if body == "Commission on Crime Prevention and Criminal Justice":
        return Period(dt.date(1991 + session, 1, 1), dt.date(1991 + session, 12, 31))
    if body == "Commission on Narcotic Drugs":
        return Period(dt.date(1957 + session, 1, 1), dt.date(1957 + session, 12, 31))
    if body == "Economic and Social Council" and session > 1900:
        return Period(dt.date(session, 1, 1), dt.date(session, 12, 31))
    return None


def year_period(year: int) -> Period:
    """Return a whole calendar year."""
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
