"""Read a resolution from Akoma Ntoso 3.0 (AKN4UN) markup: ingestion input and parser labels.

``labels_from_akn(path)`` returns one dict per file with the number, title, enacting formula,
preambular paragraphs, sections, operative paragraphs (with nested sub-paragraphs), hyperlinked
citations of resolutions and the adoption meeting and date. See the corpus README for how the
markup maps to the parts of a resolution; the quirks handled here are documented inline.

Text is normalized with :func:`normalize`: NFC, invisible marks removed, every run of whitespace
(tabs, no-break spaces) collapsed to one space; curly quotes, dashes and U+2011 are kept.
Footnotes (``authorialNote``) and repeated footnote markers (``sup``) are not part of the text.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from lxml import etree

from clearinghouse.mandates.parser.citations import BODY_PREFIX, find_citations
from clearinghouse.mandates.parser.mandates import find_mandates
from clearinghouse.mandates.parser.model import (
    Document,
    Operative,
    Preambular,
    Section,
    SubParagraph,
)

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
FORMULAS = {"ga75": "The General Assembly,", "ecosoc": "The Economic and Social Council,"}

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"))
_SPACE = re.compile(r"[\s\u00a0\u202f\u2007\u2009\u200a\u3000]+")
_RES_HREF = re.compile(r"/RES/", re.IGNORECASE)
_SECTION_LABEL = re.compile(r"^(?:[IVXL]+|[A-Z])\.?$")
_SUB_LABEL = re.compile(r"^\(([a-z]{1,8})\)$")
_SUB_PREFIX = re.compile(r"^\(([a-z]{1,8})\)\s+")
_NUM_PREFIX = re.compile(r"^(\d+)\.\s+")
_ROMAN = re.compile(r"^[ivxl]+$")
_OP_NUM = re.compile(r"^(\d+)\.?$")
_STARS = re.compile(r"^[*\s]+$")

Labels = dict[str, Any]


def normalize(text: str) -> str:
    """NFC, drop invisible marks, collapse all whitespace (tabs, NBSP, U+202F) to single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACE.sub(" ", text).strip()


def _local(el: Any) -> str:
    """Local name of an element ('' for comments and processing instructions)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el: Any, name: str) -> Any:
    """First child element with the given local name, or None."""
    return el.find(f"{{{NS}}}{name}")


def _children(el: Any, name: str) -> list[Any]:
    """All child elements with the given local name."""
    found: list[Any] = el.findall(f"{{{NS}}}{name}")
    return found


def _raw_text(el: Any, skip: frozenset[str] = frozenset({"authorialNote", "sup",
                                                          "embeddedStructure"})) -> str:
    """Text of ``el`` without footnotes, footnote markers and embedded drafts (their tails kept)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        name = _local(node)
        if name and name not in skip:
            if name == "eol":
                parts.append(" ")
            if node.text:
                parts.append(node.text)
            for sub in node:
                walk(sub)
                if sub.tail:
                    parts.append(sub.tail)
        elif name == "" and node.tail is None:
            return

    walk(el)
    return "".join(parts)


def text_of(el: Any) -> str:
    """Normalized text of an element, footnotes removed."""
    return normalize(_raw_text(el)) if el is not None else ""


def normalize_number(text: str, href: str) -> str:
    """Resolution number from link text ("1514(XV)" -> "1514 (XV)"), else from the link target."""
    text = normalize(text).replace("\u2011", "-")
    text = re.sub(r"(\S)\(", r"\1 (", text)
    if re.search(r"\d", text) and re.search(r"\d+/\d+|\d+ \(|^\d+$", text):
        return text
    target = re.split(r"/RES/", href, flags=re.IGNORECASE)[-1].strip()
    target = re.sub(r"\s+", "", target)
    target = re.sub(r"\(([^)]*)\)", lambda m: f" ({m.group(1).upper()})", target)
    return target


class _Builder:
    """Collects the parts of one resolution while walking its preamble and main body."""

    def __init__(self) -> None:
        self.preamble: list[str] = []
        self.preamble_part: list[str | None] = []
        self.operative: list[dict[str, Any]] = []
        self.sections: list[dict[str, Any]] = []
        self.citations: list[dict[str, str]] = []
        self.quirks: set[str] = set()
        self.part: str | None = None
        self._section_open = False  # last section has a label but no heading yet
        self.layout: list[tuple[str, int]] = []  # document order of parts, paragraphs, sections
        self._unnumbered = 0

    # -- citations -------------------------------------------------------------------------
    def cite(self, el: Any, where: str) -> None:
        """Record hyperlinked resolution citations inside ``el`` (not in footnotes)."""
        links = [a for a in el.iter(f"{{{NS}}}a")
                 if not any(_local(x) in {"authorialNote", "embeddedStructure"}
                            for x in a.iterancestors())]
        merged: list[tuple[str, str]] = []
        previous: Any = None
        for a in links:
            href = (a.get("href") or "").strip()
            text = "".join(a.itertext())
            if (previous is not None and merged and merged[-1][0].lower() == href.lower()
                    and a.getprevious() is previous and not (previous.tail or "").strip()):
                merged[-1] = (merged[-1][0], merged[-1][1] + (previous.tail or "") + text)
                self.quirks.add("split citation link")
            else:
                merged.append((href, text))
            previous = a
        for href, text in merged:
            if not _RES_HREF.search(href):
                continue
            self.citations.append({"href": href, "text": normalize(text),
                                   "number": normalize_number(text, href), "where": where})

    # -- preamble --------------------------------------------------------------------------
    def add_preamble(self, text: str, el: Any) -> None:
        """Append one preambular paragraph and its citations."""
        self.preamble.append(text)
        self.preamble_part.append(self.part)
        self.layout.append(("preamble", len(self.preamble) - 1))
        self.cite(el, f"preamble {len(self.preamble)}")

    def read_preamble(self, preamble: Any) -> str | None:
        """Read a ``preamble``; return its enacting formula text."""
        formula: str | None = None
        for el in preamble:
            name = _local(el)
            if name == "formula":
                formula = text_of(el)
            elif name == "container":
                block = _child(el, "blockList")
                if block is not None:
                    self.quirks.add("blockList in preamble")
                    self.add_preamble(self._block_text(el), el)
                else:
                    self.add_preamble(text_of(el), el)
            elif name == "blockList":
                self.quirks.add("blockList directly in preamble")
                extra = self._block_text(el)
                if self.preamble:
                    self.preamble[-1] = f"{self.preamble[-1]} {extra}".strip()
                    self.cite(el, f"preamble {len(self.preamble)}")
                else:
                    self.add_preamble(extra, el)
            elif name == "p":
                self.add_preamble(text_of(el), el)
        return formula

    @staticmethod
    def _block_text(el: Any) -> str:
        """Text of a container holding a blockList: intro, then "(a) item" for each item."""
        pieces: list[str] = []
        for node in el.iter():
            name = _local(node)
            if (name == "p" and _local(node.getparent()) == "container") or (
                    name == "listIntroduction"):
                pieces.append(text_of(node))
            elif name == "item":
                num = text_of(_child(node, "num"))
                body = normalize(" ".join(text_of(p) for p in _children(node, "p")))
                pieces.append(f"{num} {body}".strip())
        return normalize(" ".join(p for p in pieces if p))

    # -- sections --------------------------------------------------------------------------
    def heading(self, text: str) -> None:
        """A heading-like element: a label ("I", "A.") opens a section, a title names it."""
        text = normalize(text)
        if not text:
            return
        if _SECTION_LABEL.match(text):
            self.sections.append({"num": text.rstrip("."), "heading": None, "part": self.part})
            self.layout.append(("section", len(self.sections) - 1))
            self._section_open = True
        elif self._section_open:
            self.sections[-1]["heading"] = text
            self._section_open = False
        else:
            self.sections.append({"num": None, "heading": text, "part": self.part})
            self.layout.append(("section", len(self.sections) - 1))
            self.quirks.add("heading without label")

    def current_section(self) -> str | None:
        """Label of the section the next operative paragraph belongs to."""
        return self.sections[-1]["num"] if self.sections else None

    # -- operative -------------------------------------------------------------------------
    def _new_operative(self, num: str, text: str, el: Any) -> dict[str, Any]:
        self._section_open = False
        item: dict[str, Any] = {"num": num, "text": text, "section": self.current_section(),
                                "subparagraphs": []}
        if self.part is not None:
            item["part"] = self.part
        self.operative.append(item)
        self.layout.append(("operative", len(self.operative) - 1))
        self.cite(el, f"operative {num or len(self.operative)}")
        return item

    def _last_operative(self, el: Any) -> dict[str, Any]:
        if not self.operative:
            self.quirks.add("sub-paragraph before any operative paragraph")
            return self._new_operative("", "", el)
        return self.operative[-1]

    def _points(self, lst: Any) -> list[dict[str, Any]]:
        """Sub-paragraphs of a ``list``: points, nested lists, and sublists after their point."""
        out: list[dict[str, Any]] = []
        for node in lst:
            name = _local(node)
            if name == "point":
                content = _child(node, "content")
                inner = _child(node, "list")
                sub: dict[str, Any] = {"num": text_of(_child(node, "num")).strip("()"),
                                       "text": "", "subparagraphs": []}
                if inner is not None:
                    intro = _child(inner, "intro")
                    sub["text"] = text_of(intro) if intro is not None else text_of(content)
                    sub["subparagraphs"] = self._points(inner)
                else:
                    sub["text"] = text_of(content) if content is not None else text_of(node)
                    if content is None:
                        sub["text"] = normalize(sub["text"][len(text_of(_child(node, "num"))):])
                out.append(sub)
            elif name == "sublist":
                self.quirks.add("sublist after point")
                target = out[-1]["subparagraphs"] if out else out
                target.extend(self._points(node))
        return out

    def _attach_orphan(self, label: str, text: str, el: Any,
                       children: list[dict[str, Any]]) -> None:
        """A sub-paragraph marked up as its own paragraph: attach to the last operative one."""
        item = self._last_operative(el)
        subs = item["subparagraphs"]
        sub = {"num": label, "text": text, "subparagraphs": children}
        roman = _ROMAN.match(label) is not None
        if roman and subs:
            prev = subs[-1]["num"]
            continues_letters = len(prev) == 1 and len(label) == 1 and ord(label) == ord(prev) + 1
            if not continues_letters and not _ROMAN.match(prev):
                subs[-1]["subparagraphs"].append(sub)
                self.cite(el, f"operative {item['num'] or len(self.operative)}")
                return
        subs.append(sub)
        self.cite(el, f"operative {item['num'] or len(self.operative)}")

    def paragraph(self, p: Any) -> None:
        """One ``paragraph`` of the main body: operative paragraph, orphan point or heading."""
        num = text_of(_child(p, "num"))
        content = _child(p, "content")
        lst = _child(p, "list")
        for name in ("heading", "subheading"):
            for h in _children(p, name):
                if num:
                    self.heading(num)
                    num = ""
                self.heading(text_of(h))
        if content is None and lst is None:
            if num:
                self.heading(num)
            return
        embedded = (content.find(f".//{{{NS}}}embeddedStructure")
                    if content is not None else None)
        text = text_of(lst.find(f"{{{NS}}}intro")) if lst is not None else text_of(content)
        if lst is not None and lst.find(f"{{{NS}}}intro") is None:
            text = text_of(content)
        subs = self._points(lst) if lst is not None else []
        if _SECTION_LABEL.match(num) and not _OP_NUM.match(num):
            self.quirks.add("section label as numbered paragraph")
            self.heading(num)
            self.heading(text)
            return
        label = _SUB_LABEL.match(num)
        if label:
            self.quirks.add("sub-paragraph as numbered paragraph")
            self._attach_orphan(label.group(1), text, p, subs)
            return
        if not num:
            prefix = _SUB_PREFIX.match(text)
            if prefix:
                self.quirks.add("sub-paragraph as unnumbered paragraph")
                self._attach_orphan(prefix.group(1), text[prefix.end():], p, subs)
                return
            in_text = _NUM_PREFIX.match(text)
            if in_text:
                self.quirks.add("paragraph number inside the text")
                num, text = in_text.group(1), text[in_text.end():]
            elif _STARS.match(text):
                self.quirks.add("star separator")
                return
            else:
                self.quirks.add("unnumbered operative paragraph")
        op = _OP_NUM.match(num)
        item = self._new_operative(op.group(1) if op else num.rstrip("."), text, p)
        item["subparagraphs"] = subs
        if embedded is not None:
            self.quirks.add("embedded draft resolution")
            item["embedded"] = _embedded(embedded)

    def read_body(self, body: Any) -> None:
        """Walk a ``mainBody`` (or a section/part inside it) in document order."""
        for el in body:
            name = _local(el)
            if name == "paragraph":
                self.paragraph(el)
            elif name in {"subheading", "heading", "num"}:
                self.heading(text_of(el))
            elif name == "crossHeading":
                if (el.get("refersTo") or "") == "#preamble":
                    self.quirks.add("crossHeading as preamble")
                    self.add_preamble(text_of(el), el)
                else:
                    self.heading(text_of(el))
            elif name in {"section", "part", "chapter", "hcontainer", "division"}:
                self.quirks.add(f"{name} in mainBody")
                self.read_body(el)
            elif name == "container":
                self.quirks.add("table in mainBody")


def _embedded(el: Any) -> dict[str, Any]:
    """An embedded draft resolution (ECOSOC recommending a text to the General Assembly)."""
    inner = _Builder()
    formula: str | None = None
    for node in el:
        name = _local(node)
        if name == "container" and node.get("name") == "formula":
            formula = text_of(node)
        elif name == "container":
            inner.add_preamble(text_of(node), node)
        elif name == "paragraph":
            inner.paragraph(node)
    return {"formula": formula, "preamble": inner.preamble, "operative": inner.operative}


def _meeting_and_date(root: Any) -> tuple[str | None, str | None]:
    """Adoption meeting and ISO date from the first ``conclusions`` outside attachments."""
    for concl in root.iter(f"{{{NS}}}conclusions"):
        if any(_local(a) in {"attachment", "attachments"} for a in concl.iterancestors()):
            continue
        meeting = None
        for node in concl.iter():
            name = _local(node)
            if (name == "inline" and node.get("name") == "adoptionMeeting") or (
                    name == "location" and node.get("refersTo") == "#adoptionMeeting"):
                meeting = text_of(node)
                break
        date_el = concl.find(f".//{{{NS}}}docDate")
        date = date_el.get("date") if date_el is not None else None
        if meeting or date:
            return meeting, date
    return None, None


def read_root(path: str | Path) -> Any:
    """Parse an AKN file as untrusted input: no entity expansion, no DTD or network fetches."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def labels_from_akn(path: str | Path, root: Any = None) -> Labels:
    """Extract the ground truth of one AKN resolution file (see the module docstring).

    ``root`` is the already parsed file, when the caller has it.
    """
    path = Path(path)
    root = read_root(path) if root is None else root
    top = next((el for el in root if _local(el) in {"statement", "documentCollection"}), None)
    if top is None:
        raise ValueError("not an Akoma Ntoso resolution: no statement or documentCollection")
    preface = _child(top, "preface")
    number = text_of(preface.find(f".//{{{NS}}}docNumber")).rstrip(".").strip()
    title = text_of(preface.find(f".//{{{NS}}}docTitle"))
    builder = _Builder()
    formula: str | None = None
    parts: list[dict[str, Any]] = []
    if _local(top) == "documentCollection":
        builder.quirks.add("documentCollection (parts)")
        comps = root.find(f"{{{NS}}}components")
        statements = [c for c in comps.iter(f"{{{NS}}}statement")] if comps is not None else []
        for st in statements:
            pf = _child(st, "preface")
            letter = text_of(pf.find(f".//{{{NS}}}docNumber")) if pf is not None else ""
            ptitle = text_of(pf.find(f".//{{{NS}}}docTitle")) if pf is not None else ""
            builder.part = letter or str(len(parts) + 1)
            parts.append({"num": builder.part, "title": ptitle})
            builder.layout.append(("part", len(parts) - 1))
            pre = _child(st, "preamble")
            f = builder.read_preamble(pre) if pre is not None else None
            formula = formula or f
            body = _child(st, "mainBody")
            if body is not None:
                builder.read_body(body)
    else:
        pre = _child(top, "preamble")
        formula = builder.read_preamble(pre) if pre is not None else None
        body = _child(top, "mainBody")
        if body is not None:
            builder.read_body(body)
        if _child(top, "attachments") is not None:
            builder.quirks.add("attachments (annexes)")
        if _child(top, "components") is not None:
            builder.quirks.add("components (annexed texts)")
    meeting, adopted = _meeting_and_date(top if _local(top) == "statement" else root)
    folder = path.parent.name
    labels: Labels = {
        "source": path.name,
        "folder": folder,
        "number": number,
        "title": title,
        "formula": FORMULAS.get(folder, formula or ""),
        "formula_xml": formula,
        "preamble": builder.preamble,
        "operative": builder.operative,
        "sections": [{"num": s["num"], "heading": s["heading"]} for s in builder.sections],
        "citations": builder.citations,
        "adopted": adopted,
        "meeting": meeting,
        "quirks": sorted(builder.quirks),
        "layout": [list(step) for step in builder.layout],
    }
    if parts:
        labels["parts"] = parts
        labels["preamble_part"] = builder.preamble_part
        labels["section_part"] = [s["part"] for s in builder.sections]
    return labels


def count_subparagraphs(items: list[dict[str, Any]]) -> int:
    """Total number of sub-paragraphs at every depth below ``items``."""
    return sum(len(i.get("subparagraphs") or []) + count_subparagraphs(i.get("subparagraphs") or [])
               for i in items)


def flat_text(doc: dict[str, Any]) -> list[str]:
    """Preamble, then each operative paragraph followed by its sub-paragraphs, in order."""
    out = [p if isinstance(p, str) else str(p.get("text", "")) for p in doc.get("preamble") or []]

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            out.append(str(item.get("text") or ""))
            walk(item.get("subparagraphs") or [])

    walk(doc.get("operative") or [])
    return out


def _cover_symbol(root: Any) -> str | None:
    """Return the symbol the cover page prints ("A/RES/75/253 C"), which names the part."""
    for element in root.iter(f"{{{NS}}}docNumber"):
        text = normalize(text_of(element))
        if re.fullmatch(r"[A-Z][A-Z0-9./-]*/RES/\S+(?: [A-Z])?", text):
            return text
    return None


def document_from_akn(path: str | Path, sessions: dict[Any, Any] | None = None) -> Document:
    """Return a parsed Document read from AKN markup: the structure comes from the markup.

    Citations and mandates are then found in the texts by the same stages as for plain text.
    """
    root = read_root(path)
    labels = labels_from_akn(path, root)
    body = re.sub(r"^The |,$", "", labels.get("formula") or "").strip() or None
    cover = _cover_symbol(root)
    number = labels["number"] or None
    if cover and number and cover.endswith(f"{number} {cover[-1]}"):
        number = f"{number} {cover[-1]}"  # part B of a resolution: "75/290 B"
    document = Document(source=str(path), body=body, number=number,
                        title=labels["title"], formula=labels.get("formula") or "",
                        adopted=labels.get("adopted"), meeting=labels.get("meeting"),
                        sessions=sessions)
    if cover:
        document.symbol = cover.replace(" ", "")
    elif document.number and body in BODY_PREFIX:
        document.symbol = f"{BODY_PREFIX[body]}/RES/{document.number.replace(' ', '')}"
    document.preamble = [Preambular(text=text) for text in labels["preamble"]]
    document.sections = [Section(num=s.get("num") or "", heading=s.get("heading"))
                         for s in labels.get("sections") or []]

    def subs(items: list[dict[str, Any]]) -> list[SubParagraph]:
        return [SubParagraph(num=i["num"], text=i.get("text", ""),
                             subparagraphs=subs(i.get("subparagraphs") or [])) for i in items]

    document.operative = [
        Operative(num=o.get("num") or "", text=o.get("text", ""), section=o.get("section"),
                  subparagraphs=subs(o.get("subparagraphs") or []))
        for o in labels["operative"]
    ]
    from clearinghouse.mandates.parser import _texts

    document.citations = find_citations(_texts(document), body)
    document.mandates = find_mandates(document)
    document.text = "\n\n".join([document.title, *labels["preamble"],
                                 *(o.text for o in document.operative)])
    return document
