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
_JUNKY = re.compile(r"[A-Za-z]-?[_;:|~^`!*\\]+-?[A-Za-z]|[a-z][0-9][a-z]|[a-z]{3}[:;_|] [a-z]")


def _candidates(token: str, cost: int) -> set[str]:
    """Return the spellings the token may stand for, touching ``cost`` neighbouring letters.

    At cost 0 only the junk is deleted or replaced by one or two letters; at cost 1 the
    letter beside it goes too (as "o:" for "ic" in "specifo:").
    """
    found: set[str] = set()
    for match in re.finditer(r"[^A-Za-z]+", token):
        start, end = match.start(), match.end()
        for left, right in ((start - cost, end), (start, end + cost)) if cost else ((start, end),):
            if left < 0 or right > len(token):
                continue
            head, tail = token[:left], token[right:]
            found.add(head + tail)
            found.update(head + a + tail for a in ascii_lowercase)
            if right - left >= 2:
                found.update(head + a + b + tail for a in ascii_lowercase
                             for b in ascii_lowercase)
    return {c for c in found if c.isalpha()}


def best_spelling(token: str, vocabulary: Vocabulary) -> str | None:
    """Return the likeliest real word for a damaged token, or None if none is convincing.

    The smallest mend that gives a word wins: candidates touching a neighbouring letter are
    tried only when mending the junk alone gives none.
    """
    # The token's own letters ("specifo" in "specifo:") are counted once already, by itself.
    own = token.rstrip(":;_|").lower()
    for cost in (0, 1):
        scored = []
        for candidate in _candidates(token, cost):
            lowered = candidate.lower()
            known = vocabulary.words[lowered] >= (2 if lowered == own else 1)
            frequency = zipf(candidate)
            if frequency >= MIN_ZIPF or known:
                scored.append((frequency + (3.0 if known else 0.0), candidate))
        if scored:
            return max(scored)[1]
    return None


def repair_text(
    text: str, line_at: Callable[[int], int], repairs: list[Repair], vocabulary: Vocabulary
) -> str:
    """Mend damaged words in a block's text."""
    if not _JUNKY.search(text):
        return text

    def mend(match: re.Match[str]) -> str:
        token = match.group(1)
        core = token.rstrip(":;_|")
        if core != token and (zipf(core) >= 2.5 or vocabulary.words[core.lower()] >= 2):
            return token  # a real word before a colon: "as follows: the"
        fixed = best_spelling(token, vocabulary)
        if fixed is None:
            return token
        if token[0].isupper():
            fixed = fixed[0].upper() + fixed[1:]
        repairs.append(Repair("misread", line_at(match.start(1)), token, fixed))
        return fixed

    return SUSPECT.sub(mend, text)
