"""English word frequencies, and the vocabulary of the document being parsed.

The table ships as ``data/english_zipf.txt.gz``, made from wordfreq: loading it takes tens of
milliseconds, where importing wordfreq itself would take half a second of every parse.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "english_zipf.txt.gz"
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PUNCTUATION = " ,;:.()[]\"'“”‘’!?/"
_SEPARATORS = bytes.maketrans(b",;:.()[]\"'!?/", b" " * 13)


@cache
def _table() -> dict[str, float]:
    table: dict[str, float] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            zipf, words = line.rstrip("\n").split("\t")
            table.update(dict.fromkeys(words.split(" "), int(zipf) / 10))
    return table


def english() -> dict[str, float]:
    """Return the whole frequency table: lowercase word to Zipf frequency."""
    return _table()


def zipf(word: str) -> float:
    """Return the Zipf frequency of a word (0 when unknown); case-insensitive."""
    return _table().get(word.lower(), 0.0)


class Vocabulary:
    """Words the document itself uses whole, so its own spelling outvotes the dictionary."""

    __slots__ = ("text", "words")

    def __init__(self, words: Counter[str], text: str) -> None:
        self.words = words
        self.text = text

    @classmethod
    def of_lines(cls, lines: list[str]) -> Vocabulary:
        """Collect the words and word pairs that lie inside lines, away from line breaks.

        A word touching a line break may be half of a broken word, so only words with a
        space or an opening parenthesis before them and a space or punctuation after count.
        """
        text = " " + "\n ".join(lines).lower()
        # Splitting on spaces once punctuation became spaces is several times faster than a
        # word regex; a byte table does the replacing in one C pass.
        if not text.isascii():
            for quote in "“”‘’":
                text = text.replace(quote, " ")
        plain = text.encode().translate(_SEPARATORS).decode(errors="ignore")
        words: Counter[str] = Counter(plain.split())
        edges: list[str] = []
        for line in lines:
            if " " in line:
                first, _, rest = line.partition(" ")
                edges.append(first.strip(_PUNCTUATION).lower())
                edges.append(rest[rest.rfind(" ") + 1:].strip(_PUNCTUATION).lower())
            elif line:
                edges.append(line.strip(_PUNCTUATION).lower())
        words.subtract(edges)
        return cls(words, text)

    def knows(self, word: str) -> bool:
        """Return whether the document uses ``word`` whole somewhere."""
        return self.words[word.lower()] > 0

    def has_pair(self, first: str, second: str) -> bool:
        """Return whether the document writes the two words side by side on one line."""
        return f" {first.lower()} {second.lower()}" in self.text


def build(output: Path = TABLE) -> int:
    """Regenerate the table from wordfreq; return the number of words written."""
    import wordfreq  # a development dependency only

    buckets: dict[int, list[str]] = {}
    for word in wordfreq.get_frequency_dict("en", wordlist="best"):
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word):
            value = wordfreq.zipf_frequency(word, "en", wordlist="best")
            if value >= 2.0:
                buckets.setdefault(round(value * 10), []).append(word)
    with gzip.open(output, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("# English word frequencies from wordfreq (list 'best'), Zipf >= 2.0.\n"
                     "# Each line: Zipf x10, a tab, the words of that frequency.\n"
                     "# Regenerate: python -m clearinghouse.mandates.parser.lexicon --build\n")
        for value in sorted(buckets, reverse=True):
            handle.write(f"{value}\t{' '.join(buckets[value])}\n")
    return sum(len(words) for words in buckets.values())


if __name__ == "__main__" and "--build" in sys.argv:
    print(f"{build()} words written to {TABLE}")
