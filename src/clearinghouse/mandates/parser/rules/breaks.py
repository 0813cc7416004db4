"""Join words broken across lines, with or without a hyphen.

Recognizes ``resolu`` / ``tion``, ``pre`` / ``vention``, ``co`` / ``operation`` and
``assist-`` / ``ance``, and keeps real spaces (``United`` / ``Nations``) and real hyphens
(``follow-`` / ``up``, ``age-`` / ``and``). Evidence, strongest first: the document's own
words (it writes "cooperation" elsewhere), the scan's trailing spaces (a line ending with a
space ends a word), then English word frequencies.
"""

from __future__ import annotations

import re

from clearinghouse.mandates.parser.lexicon import Vocabulary, zipf

JOIN, SPACE, HYPHEN = "join", "space", "hyphen"
_LETTERS = re.compile(r"^[A-Za-z]+$")
KNOWN = 2.5


def decide(left: str, right: str, *, spaced: bool, signal: bool, vocabulary: Vocabulary) -> str:
    """Decide how the last word of a line meets the first word of the next.

    ``left`` and ``right`` are those two tokens as printed; ``spaced`` says the line ended
    with a space and ``signal`` whether this scan's line-end spaces can be trusted.
    """
    if left.endswith("-") and len(left) > 1:
        return _hyphenated(left[:-1], right, spaced=spaced, vocabulary=vocabulary)
    if spaced and signal:
        return SPACE
    head, tail = left, re.sub(r"[^A-Za-z].*$", "", right)
    if not (_LETTERS.match(head) and tail and tail[0].islower()):
        return SPACE
    joined = head + tail
    if vocabulary.knows(joined):
        return JOIN
    z_joined, z_head, z_tail = zipf(joined), zipf(head), zipf(tail)
    if z_joined >= 2.0:
        if z_head < KNOWN or z_tail < KNOWN:
            return JOIN
        if vocabulary.has_pair(head, tail):
            return SPACE
        # Both halves are words: compare the word with the pair, as a unigram model would,
        # with a margin for the pair (real line breaks are far more common than broken ones).
        return JOIN if z_joined > z_head + z_tail - 8.0 else SPACE
    if z_head < KNOWN and z_tail < KNOWN and not (vocabulary.knows(head)
                                                  and vocabulary.knows(tail)):
        return JOIN  # two non-words side by side are one rare word
    if not signal:
        return SPACE
    return JOIN if (z_head < KNOWN or z_tail < KNOWN) else SPACE


def _hyphenated(head: str, right: str, *, spaced: bool, vocabulary: Vocabulary) -> str:
    if spaced or not _LETTERS.match(head):
        return HYPHEN if not spaced else SPACE  # "age- and gender-sensitive"
    tail = re.sub(r"[^A-Za-z].*$", "", right)
    if not tail or not tail[0].islower():
        return HYPHEN
    joined = head + tail
    if vocabulary.knows(f"{head}-{tail}"):
        return HYPHEN
    if vocabulary.knows(joined):
        return JOIN
    if zipf(joined) >= 2.0 and not (zipf(head) >= 3.0 and zipf(tail) >= 3.0):
        return JOIN
    if zipf(head) >= 3.0 and zipf(tail) >= 3.0:
        return HYPHEN  # a compound: "follow-up", "long-term"
    return JOIN
