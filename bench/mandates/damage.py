"""An OCR damage model imitating the 1992 seed scan, deterministic for a given seed.

Faults (all repairable: no text is deleted, only split, misread, marked or spaced out):

- ``broken-word``: lines are re-wrapped at a slightly varying width and a long word that does not
  fit is broken at a syllable-ish point, mostly without a hyphen ("resolu" / "tion"), sometimes
  with one ("assist-" / " ance"); the broken line has no trailing space.
- ``no-trailing-space``: the first line of a numbered paragraph loses its trailing space, so a
  whole word at its end looks like a broken one ("paragraph 1 of" / "the present").
- ``misread``: characters misread in numbers and document symbols (5->S, 1->l or I, 0->O, 8->B),
  in words ("specific"->"specifo:", "advisory"->"ad_visory", "provisions"->"provi-;ions") and in
  ordinals ("41st"->"41 st").
- ``footnote-marker``: a footnote number glued after a date and comma ("1992,49", "1992, 2 and").
- ``page-break``: a run of empty lines between paragraphs or, sometimes, inside one.
- ``lost-gap``: the blank line before a paragraph is missing and its first line starts with a space.

``damage(text, seed, rate)`` returns the damaged text and the list of damages applied, each
``{"kind", "line", "before", "after"}`` (line numbers are 0-based in the damaged text).
"""

from __future__ import annotations

import random
import re
from typing import Any

VOWELS = set("aeiouyAEIOUY")
DIGIT_MISREADS = {"5": ["S"], "1": ["l", "I"], "0": ["O"], "8": ["B"]}
_NUMBERED = re.compile(r"^(\d+\.|\([a-z]+\)) ")
_DATE_COMMA = re.compile(r"\b((?:1[89]|20)\d\d),( |$)")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ALPHA = re.compile(r"^[A-Za-z]+$")

Damage = dict[str, Any]


def _split_points(word: str) -> list[int]:
    """Syllable-ish break points: V-CV ("pre-vention") and VC-CV ("in-ter"), 2+ letters a side."""
    points = []
    for i in range(2, len(word) - 2):
        a, b, c = word[i - 1], word[i], word[i + 1]
        if (a in VOWELS and b not in VOWELS and c in VOWELS) or (
                a not in VOWELS and b not in VOWELS and word[i - 2] in VOWELS and a != b
                and c in VOWELS and (a + b) not in {"th", "ch", "sh", "ph", "qu", "ck"}):
            points.append(i)
    return points


def _misread_word(word: str, rng: random.Random) -> str | None:
    """One OCR misread in a token, or None when the token offers no plausible one."""
    core = word.rstrip(",;:.)")
    tail = word[len(core):]
    ordinal = _ORDINAL.match(core)
    if ordinal and rng.random() < 0.5:
        return f"{ordinal.group(1)} {ordinal.group(2)}{tail}"
    digits = [i for i, ch in enumerate(core) if ch in DIGIT_MISREADS]
    if digits and any(ch.isdigit() for ch in core):
        i = rng.choice(digits)
        return core[:i] + rng.choice(DIGIT_MISREADS[core[i]]) + core[i + 1:] + tail
    if not _ALPHA.match(core) or len(core) < 6:
        return None
    options = []
    if "ic" in core[2:]:
        options.append("ic")
    if "s" in core[3:-1]:
        options.append("s")
    options.append("_")
    choice = rng.choice(options)
    if choice == "ic":
        i = core.rindex("ic")
        return core[:i] + "o:" + core[i + 2:] + tail
    if choice == "s":
        i = core.index("s", 3)
        return core[:i] + "-;" + core[i + 1:] + tail
    i = rng.randint(2, len(core) - 2)
    return core[:i] + "_" + core[i:] + tail


def _paragraphs(text: str) -> list[str]:
    """Paragraph texts (blank-line separated blocks, lines joined); keeps single-line blocks."""
    blocks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def damage(text: str, seed: int, rate: float = 1.0) -> tuple[str, list[Damage]]:
    """Damage rendered resolution ``text`` like a 1990s OCR scan; deterministic for ``seed``."""
    rng = random.Random(seed)
    damages: list[Damage] = []
    pending: list[Damage] = []  # token damages, located in the final text at the end
    paragraphs = _paragraphs(text)
    out_blocks: list[list[str]] = []
    marker = rng.randint(1, 40)
    closing_lines = text.rstrip("\n").split("\n")
    closing_size = 0
    while closing_size < len(closing_lines) and closing_lines[-1 - closing_size].strip():
        closing_size += 1
    closing_lines = closing_lines[len(closing_lines) - closing_size:]
    if paragraphs and closing_size:
        paragraphs[-1:] = closing_lines  # meeting and date: one line each, never re-wrapped
    for index, para in enumerate(paragraphs):
        words = para.strip().split(" ")
        is_closing = index >= len(paragraphs) - closing_size
        # (b) misreads, about one per 300 words; never the paragraph number itself.
        for w in range(len(words)):
            if (w == 0 and _NUMBERED.match(words[0] + " ")) or not words[w]:
                continue
            ordinal = is_closing and _ORDINAL.match(words[w])
            chance = (0.5 if ordinal else 1 / 120) * rate
            if rng.random() < chance:
                after = _misread_word(words[w], rng)
                if after and after != words[w]:
                    pending.append({"kind": "misread", "before": words[w], "after": after})
                    words[w] = after
        para = " ".join(words)
        # (c) footnote markers after a date and comma, about one per five citations.
        glued = 0

        def glue(m: re.Match[str]) -> str:
            nonlocal marker, glued
            if glued or rng.random() >= 0.2 * rate:
                return m.group(0)
            marker += 1
            glued += 1
            after = (f"{m.group(1)},{marker}{m.group(2)}" if rng.random() < 0.5
                     else f"{m.group(1)}, {marker}{m.group(2)}")
            pending.append({"kind": "footnote-marker", "before": m.group(0).rstrip(),
                            "after": after.rstrip()})
            return after
        if not is_closing:
            para = _DATE_COMMA.sub(glue, para)
        # (a) re-wrap at a varying width, breaking long words at line ends.
        width = rng.randint(55, 62)
        lines: list[str] = []
        line = ""
        for word in para.split(" "):
            if not line:
                line = word
                continue
            if len(line) + 1 + len(word) <= width:
                line += " " + word
                continue
            room = width - len(line) - 1
            core = word.rstrip(",;:.")
            points = [p for p in _split_points(core) if p <= room - 1] if _ALPHA.match(core) \
                else []
            if points and len(core) >= 6 and rng.random() < 0.95 * rate:
                cut = max(points) if rng.random() < 0.7 else rng.choice(points)
                hyphen = rng.random() < 0.15
                head, rest = word[:cut], word[cut:]
                lines.append(f"{line} {head}{'-' if hyphen else ''}")
                damages.append({"kind": "broken-word", "line": -1, "before": word,
                                "after": f"{head}{'-' if hyphen else ''}|{rest}"})
                line = (" " if hyphen and rng.random() < 0.5 else "") + rest
            else:
                lines.append(line + " ")
                line = word
        lines.append(line + " " if not is_closing else para)
        if is_closing:
            lines = [para]
        if (_NUMBERED.match(lines[0].lstrip()) and len(lines) > 1 and lines[0].endswith(" ")
                and rng.random() < 0.5 * rate):
            lines[0] = lines[0].rstrip(" ")
            damages.append({"kind": "no-trailing-space", "line": -1, "before": lines[0] + " ",
                            "after": lines[0]})
        out_blocks.append(lines)
    # (d) page breaks about every 50 lines; sometimes inside a paragraph. Lost blank lines.
    result: list[str] = [""]
    since_break = 0
    next_break = rng.randint(35, 60)
    for b, lines in enumerate(out_blocks):
        if is_last := b >= len(out_blocks) - closing_size:
            result.extend(lines)
            if b < len(out_blocks) - 1:
                continue
            break
        if b > 2 and not is_last and rng.random() < 0.03 * rate and result and result[-1] == "":
            result.pop()
            lines = [" " + lines[0].lstrip(" "), *lines[1:]]
            damages.append({"kind": "lost-gap", "line": len(result), "before": "",
                            "after": lines[0]})
        for k, line in enumerate(lines):
            result.append(line)
            since_break += 1
            if (since_break >= next_break / max(rate, 0.01) and 0 < k < len(lines) - 1
                    and rng.random() < 0.3):
                run = rng.randint(4, 10)
                damages.append({"kind": "page-break", "line": len(result), "before": "",
                                "after": f"{run} empty lines inside a paragraph"})
                result.extend([""] * run)
                since_break, next_break = 0, rng.randint(35, 60)
        if b < len(out_blocks) - 1:
            if b + 1 >= len(out_blocks) - closing_size:
                result.append("")
            elif since_break >= next_break / max(rate, 0.01):
                run = rng.randint(4, 10)
                damages.append({"kind": "page-break", "line": len(result), "before": "",
                                "after": f"{run} empty lines"})
                result.extend([""] * run)
                since_break, next_break = 0, rng.randint(35, 60)
            else:
                result.append("")
    result.extend(["", "", ""])
    # Locate line numbers for broken words and token damages, in order.
    cursor = 0
    located: list[Damage] = []
    for dmg in damages:
        if dmg["kind"] == "broken-word":
            head = dmg["after"].split("|")[0]
            for i in range(cursor, len(result)):
                if result[i].endswith(head):
                    dmg["line"] = cursor = i
                    break
        elif dmg["kind"] == "no-trailing-space":
            for i in range(cursor, len(result)):
                if result[i] == dmg["after"]:
                    dmg["line"] = cursor = i
                    break
        located.append(dmg)
    for dmg in pending:
        needle = dmg["after"].split(" ")[0]
        dmg["line"] = next((i for i, line in enumerate(result) if needle in line), -1)
        located.append(dmg)
    located.sort(key=lambda d: d["line"])
    return "\n".join(result), located
