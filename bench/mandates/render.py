"""Render parser labels as plain text laid out like a printed resolution (see the 1992 seed).

The layout: a blank first line, "number. Title" wrapped, the enacting formula, preambular
paragraphs, section label and UPPER-CASE heading lines, numbered operative paragraphs, "(a)"
sub-paragraphs, and the meeting and date lines. Paragraphs are separated by one blank line, and
every wrapped line ends with one space, as in the OCR'd seed.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any


def wrap(text: str, width: int = 60) -> list[str]:
    """Wrap by words at ``width``; every line keeps a trailing space as printed texts do."""
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    return [line + " " for line in lines] or [""]


def format_date(iso: str | None) -> str | None:
    """"2021-07-21" -> "21 July 2021" (None stays None)."""
    if not iso:
        return None
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _operative_lines(item: dict[str, Any], width: int) -> list[list[str]]:
    """Blocks (lists of lines) for one operative paragraph, its sub-paragraphs and drafts."""
    num = item.get("num") or ""
    lead = f"{num}. {item.get('text', '')}" if num else str(item.get("text", ""))
    blocks = [wrap(lead, width)]

    def subs(items: list[dict[str, Any]]) -> None:
        for sub in items:
            blocks.append(wrap(f"({sub['num']}) {sub.get('text', '')}".strip(), width))
            subs(sub.get("subparagraphs") or [])

    subs(item.get("subparagraphs") or [])
    embedded = item.get("embedded")
    if embedded:
        if embedded.get("formula"):
            blocks.append(wrap(embedded["formula"], width))
        blocks.extend(wrap(p, width) for p in embedded.get("preamble") or [])
        for inner in embedded.get("operative") or []:
            blocks.extend(_operative_lines(inner, width))
    return blocks


def _section_lines(section: dict[str, Any], width: int) -> list[list[str]]:
    """A Roman-numeral (or letter) line, then the heading in upper case, as separate blocks."""
    blocks: list[list[str]] = []
    if section.get("num"):
        blocks.append([f"{section['num']} "])
    if section.get("heading"):
        blocks.append(wrap(str(section["heading"]).upper(), width))
    return blocks


def render_text(labels: dict[str, Any], width: int = 60) -> str:
    """Render ``labels`` (from ``akn_read.labels_from_akn``) to plain text."""
    blocks: list[list[str]] = [wrap(f"{labels['number']}. {labels['title']}", width)]
    parts = labels.get("parts") or []
    if not parts:
        blocks.append(wrap(labels.get("formula") or "", width))
    layout = labels.get("layout")
    if layout is None:  # labels without a layout: preamble, then sections as they come
        layout = [["preamble", i] for i in range(len(labels["preamble"]))]
        seen: set[str | None] = set()
        for i, item in enumerate(labels["operative"]):
            section = item.get("section")
            if section and section not in seen:
                seen.add(section)
                index = next((k for k, s in enumerate(labels.get("sections") or [])
                              if s["num"] == section), None)
                if index is not None:
                    layout.append(["section", index])
            layout.append(["operative", i])
    for kind, index in layout:
        if kind == "part":
            part = parts[index]
            blocks.append([f"{part['num']} "])
            if part.get("title"):
                blocks.append(wrap(part["title"], width))
            blocks.append(wrap(labels.get("formula") or "", width))
        elif kind == "preamble":
            blocks.append(wrap(labels["preamble"][index], width))
        elif kind == "section":
            blocks.extend(_section_lines(labels["sections"][index], width))
        elif kind == "operative":
            blocks.extend(_operative_lines(labels["operative"][index], width))
    closing = [line for line in (labels.get("meeting"), format_date(labels.get("adopted")))
               if line]
    lines = [""]
    for block in blocks:
        lines.extend(block)
        lines.append("")
    lines.extend(f"{line} " if i < len(closing) - 1 else line for i, line in enumerate(closing))
    return "\n".join(lines) + "\n"
