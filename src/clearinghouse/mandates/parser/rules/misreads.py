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

from clearinghouse.mandates.parser.lexicon import Vocabulary, english, zipf
from clearinghouse.mandates.parser.model import Repair

JUNK = "_;:|~^`!*\\0123456789"
# Letters with junk inside ("ad_visory", "provi-;ions", "c0operation"), or an unknown word
# ending in junk right before a lowercase word ("specifo: activities").
SUSPECT = re.compile(
    r"(?<![\w/-])([A-Za-z]+(?:-?[_;:|~^`!*\\]+-?[A-Za-z]+)+|[a-z]+[0-9][a-z]{2,}"
    r"|[a-z]{3,}[:_|](?= [a-z]))"
)
MIN_ZIPF = 2.0
# Where junk may sit. One leading character class, the rest in lookarounds: the regex
# engine can then skip ahead to candidate characters, which keeps the page scan fast.
ANCHOR = re.compile(
    r"[_|~^`!*\\;:\d](?:(?<=[_|~^`!*\\])|(?<=[;:])(?=-?[A-Za-z])|(?<=[a-z]:)(?= [a-z])"
    r"|(?<=[a-z]\d)(?=[a-z]))"
)


def _candidates(token: str, cost: int, pairs: bool | None) -> set[str]:
    """Return the spellings the token may stand for, touching ``cost`` neighbouring letters.

    At cost 0 only the junk is deleted or replaced; at cost 1 the letter beside it goes too
    (as "o:" for "ic" in "specifo:"). ``pairs`` True makes the span two letters, False one
    or none, None either.
    """
    found: set[str] = set()
    for match in re.finditer(r"[^A-Za-z]+", token):
        start, end = match.start(), match.end()
        for left, right in ((start - cost, end), (start, end + cost)) if cost else ((start, end),):
            if left < 0 or right > len(token):
                continue
            head, tail = token[:left], token[right:]
            if pairs is not True:
                found.add(head + tail)
                found.update(head + a + tail for a in ascii_lowercase)
            if pairs is not False and right - left >= 2:
                found.update(head + a + b + tail for a in ascii_lowercase
                             for b in ascii_lowercase)
    return {c for c in found if c.isalpha()}


def best_spelling(token: str, vocabulary: Vocabulary) -> str | None:
    """Return the likeliest real word for a damaged token, or None if none is convincing.

    The smallest mend that gives a word wins: candidates touching a neighbouring letter are
    tried only when mending the junk alone gives none.
    """
    # The token's own letters ("specifo" in "specifo:") are counted once already, by itself.
    lowered = token.lower()
    own = lowered.rstrip(":;_|")
    tiers: tuple[tuple[int, bool | None], ...] = ((0, False), (0, True), (1, None))
    table = english()
    for cost, pairs in tiers:
        candidates = _candidates(lowered, cost, pairs)
        # Set intersections keep the hundreds of candidates out of Python loops.
        hits = (candidates & table.keys()) | (candidates & vocabulary.words.keys())
        scored = []
        for word in hits:
            known = vocabulary.words[word] >= (2 if word == own else 1)
            frequency = table.get(word, 0.0)
            if frequency >= MIN_ZIPF or known:
                scored.append((frequency + (3.0 if known else 0.0), word))
        if scored:
            return max(scored)[1]
    return None


def repair_text(
    text: str, line_at: Callable[[int], int], repairs: list[Repair], vocabulary: Vocabulary
) -> str:
    """Mend damaged words in a block's text.

    A fast scan for junk characters finds the few places worth a look; only the token around
    each is matched against SUSPECT, which would be slow over the whole text.
    """
    pieces: list[str] = []
    done = 0
    for anchor in ANCHOR.finditer(text):
        start = text.rfind(" ", 0, anchor.start()) + 1
        while start < anchor.start() and text[start] in "(\"“‘[":
            start += 1
        if start < done:
            continue
        end = text.find(" ", anchor.end())
        end = len(text) if end < 0 else end
        window = text[start:end + 2] if end < len(text) else text[start:end]
        match = SUSPECT.match(window)
        if not match or match.end(1) < anchor.end() - start:
            continue
        fixed = _mend(match.group(1), start, line_at, repairs, vocabulary)
        pieces += [text[done:start], fixed]
        done = start + len(match.group(1))
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mend(token: str, offset: int, line_at: Callable[[int], int], repairs: list[Repair],
          vocabulary: Vocabulary) -> str:
    """Return the mended spelling of a suspect token (or the token itself), recording it."""
    core = token.rstrip(":;_|")
    if core != token and (zipf(core) >= 2.5 or vocabulary.words[core.lower()] >= 2):
        return token  # a real word before a colon: "as follows: the"
    fixed = best_spelling(token, vocabulary)
    if fixed is None:
        return token
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        fixed = fixed.upper()  # "INT_ERPOL" stays in capitals
    elif token[0].isupper():
        fixed = fixed[0].upper() + fixed[1:]
    repairs.append(Repair("misread", line_at(offset), token, fixed))
    return fixed
