"""The parser's output: slotted dataclasses, serialized to the JSON of ``clearinghouse parse``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Repair:
    """One OCR repair: what was found on which line, and what it became."""

    kind: str
    line: int
    before: str
    after: str


@dataclass(slots=True)
class Block:
    """A paragraph-like run of source lines, with its repaired text.

    ``first_line`` is 1-based. ``blank_before`` counts the blank lines before it, which is how
    page breaks and lost text show in a scan.
    """

    text: str
    first_line: int
    last_line: int
    blank_before: int = 0
    kind: str = ""
    num: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Preambular:
    text: str
    complete: bool = True
    confidence: float = 1.0


@dataclass(slots=True)
class Section:
    num: str
    heading: str | None
    inferred: bool = False
    confidence: float = 1.0


@dataclass(slots=True)
class SubParagraph:
    num: str
    text: str
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(slots=True)
class Operative:
    """An operative paragraph. ``embedded`` holds the paragraphs of a draft it quotes whole
    ("Recommends ... the adoption of the following draft resolution:"), kept out of the count.
    """

    num: str
    text: str
    section: str | None = None
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    confidence: float = 1.0
    embedded: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Citation:
    symbol: str
    body: str
    number: str
    date: str | None
    where: str
    consistent: bool = True


@dataclass(slots=True)
class Due:
    text: str
    start: str
    end: str


@dataclass(slots=True)
class Mandate:
    paragraph: str
    actor: str
    action: str
    addressee: str | None
    due: Due | None
    text: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Lacuna:
    after: str
    note: str


@dataclass(slots=True)
class Document:
    """A parsed resolution."""

    source: str = ""
    body: str | None = None
    number: str | None = None
    symbol: str | None = None
    title: str = ""
    formula: str = ""
    adopted: str | None = None
    meeting: str | None = None
    preamble: list[Preambular] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    operative: list[Operative] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    mandates: list[Mandate] = field(default_factory=list)
    lacunae: list[Lacuna] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    text: str = ""
    # The session calendar to resolve deadlines with (None: the shipped one). Not output.
    sessions: dict[Any, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON object of ``clearinghouse parse --format json``.

        Built by hand rather than with ``dataclasses.asdict``, which deep-copies every value
        and would be the slowest step of a parse.
        """

        def subs(items: list[SubParagraph]) -> list[dict[str, Any]]:
            return [{"num": s.num, "text": s.text, "confidence": s.confidence,
                     "subparagraphs": subs(s.subparagraphs)} for s in items]

        return {
            "source": self.source, "body": self.body, "number": self.number,
            "symbol": self.symbol, "title": self.title, "adopted": self.adopted,
            "meeting": self.meeting,
            "preamble": [{"text": p.text, "complete": p.complete, "confidence": p.confidence}
                         for p in self.preamble],
            "sections": [{"num": s.num, "heading": s.heading, "inferred": s.inferred,
                          "confidence": s.confidence} for s in self.sections],
            "operative": [{"num": o.num, "section": o.section, "text": o.text,
                           "confidence": o.confidence, "subparagraphs": subs(o.subparagraphs),
                           **({"embedded": o.embedded} if o.embedded else {})}
                          for o in self.operative],
            "citations": [{"symbol": c.symbol, "body": c.body, "number": c.number,
                           "date": c.date, "in": c.where, "consistent": c.consistent}
                          for c in self.citations],
            "mandates": [{"paragraph": m.paragraph, "actor": m.actor, "action": m.action,
                          "addressee": m.addressee, "text": m.text, "confidence": m.confidence,
                          "due": {"text": m.due.text, "from": m.due.start, "to": m.due.end}
                          if m.due else None} for m in self.mandates],
            "lacunae": [{"after": x.after, "note": x.note} for x in self.lacunae],
            "repairs": [{"kind": r.kind, "line": r.line, "before": r.before, "after": r.after}
                        for r in self.repairs],
        }
