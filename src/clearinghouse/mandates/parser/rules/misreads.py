"""Repair words in which OCR read a letter as punctuation or a digit.

Recognizes tokens such as ``ad_visory``, ``provi-;ions``, ``specifo:`` (before a lowercase
word) or ``c0operation``: a word with junk characters inside it. Candidates are made by
deleting the junk or replacing it (with the letter beside it) by one or two letters; the best
candidate the document itself uses, or a common English word, wins. A token without junk is
never touched, so rare but correct words survive.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from string import ascii_lowercase

from clearinghouse.mandates.parser.lexicon import Vocabulary, zipf
from clearinghouse.mandates.parser.model import Repair

JUNK = "_;:|~^`!*\\0123456789"
# Letters with junk inside ("ad_visory", "provi-;ions", "c0operation"), or an unknown word
# ending in junk right before a lowercase word ("specifo: activities").
SUSPECT = re.compile(
    r"(?<![\w/-])([A-Za-z]+(?:-?[_;:|~^`!*\\]+-?[A-Za-z]+)+|[a-z]+[0-9][a-z]{2,}"
    r"|[a-z]{3,}[:;_|](?= [a-z]))"
)
MIN_ZIPF = 2.0


def _candidates(token: str) -> dict[str, int]:
    """Return the spellings the token may stand for, each with how many letters it touches.

    Replacing only the junk costs nothing; taking in a neighbouring letter (as "o:" for "ic"
    in "specifo:") costs one, so the smallest plausible mend wins.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^A-Za-z]+", token)]
    found: dict[str, int] = {}

    def add(candidate: str, cost: int) -> None:
        if candidate.isalpha() and cost < found.get(candidate, 99):
            found[candidate] = cost

    for start, end in spans:
        for left in (start, max(0, start - 1)):
            for right in (end, min(len(token), end + 1)):
                head, tail = token[:left], token[right:]
                cost = (start - left) + (right - end)
                add(head + tail, cost)
                for a in ascii_lowercase:
                    add(head + a + tail, cost)
                    if right - left >= 2:
                        for b in ascii_lowercase:
                            add(head + a + b + tail, cost)
    return found


def best_spelling(token: str, vocabulary: Vocabulary) -> str | None:
    """Return the likeliest real word for a damaged token, or None if none is convincing."""
    scored = []
    for candidate, cost in _candidates(token).items():
        frequency = zipf(candidate)
        if frequency >= MIN_ZIPF or vocabulary.knows(candidate):
            score = frequency + (3.0 if vocabulary.knows(candidate) else 0.0) - cost
            scored.append((score, candidate))
    if not scored:
        return None
    return max(scored)[1]


def repair_text(
    text: str, line_at: Callable[[int], int], repairs: list[Repair], vocabulary: Vocabulary
) -> str:
    """Mend damaged words in a block's text."""
    if not any(c in JUNK for c in text):
        return text

    def mend(match: re.Match[str]) -> str:
        token = match.group(1)
        core = token.rstrip(":;_|")
        if core != token and (zipf(core) >= 2.5 or vocabulary.knows(core)):
            return token  # a real word before a colon: "as follows: the"
        fixed = best_spelling(token, vocabulary)
        if fixed is None:
            return token
        if token[0].isupper():
            fixed = fixed[0].upper() + fixed[1:]
        repairs.append(Repair("misread", line_at(match.start(1)), token, fixed))
        return fixed

    return SUSPECT.sub(mend, text)
