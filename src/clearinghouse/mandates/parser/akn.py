"""Render a parsed resolution as Akoma Ntoso 3.0, following the UN's AKN4UN conventions.

``statement name="resolution"`` with FRBR URIs ``/akn/un/statement/deliberation/...``, a
preface with docNumber and docTitle, a preamble with the formula and one container per
paragraph, a mainBody of sections, paragraphs, lists and points (each with its eId), ``ref``
for citations, and conclusions with the adoption meeting and date.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from clearinghouse.mandates.parser.model import Citation, Document, Operative, SubParagraph
from clearinghouse.mandates.parser.structure import reference

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AUTHORS = {
    "General Assembly": ("unga", "generalAssembly"),
    "Economic and Social Council": ("unecosoc", "economicAndSocialCouncil"),
    "Security Council": ("unsc", "securityCouncil"),
}


def _e(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", {k.rstrip("_"): v
                                                        for k, v in attrs.items()})
    if text:
        element.text = text
    return element


def _uris(document: Document) -> tuple[str, str]:
    author, _ = AUTHORS.get(document.body or "", ("un", "unitedNations"))
    date = document.adopted or "0001-01-01"
    number = (document.number or "unnumbered").replace("/", "-").replace(" ", "")
    return f"/akn/un/statement/deliberation/{author}/{date}/{number}", date


def _meta(root: etree._Element, document: Document) -> None:
    work, date = _uris(document)
    _, ontology = AUTHORS.get(document.body or "", ("un", "unitedNations"))
    meta = _e(root, "meta")
    identification = _e(meta, "identification", source="#clearinghouse")
    today = dt.date.today().isoformat()
    for level, this, uri, extra in [
        ("FRBRWork", f"{work}/!main", work, None),
        ("FRBRExpression", f"{work}/eng@/!main", f"{work}/eng@", "language"),
        ("FRBRManifestation", f"{work}/eng@/!main.xml", f"{work}/eng@.xml", None),
    ]:
        frbr = _e(identification, level)
        _e(frbr, "FRBRthis", value=this)
        _e(frbr, "FRBRuri", value=uri)
        if level == "FRBRManifestation":
            _e(frbr, "FRBRdate", date=today, name="markup")
            _e(frbr, "FRBRauthor", href="#clearinghouse", as_="#editor")
            continue
        _e(frbr, "FRBRdate", date=date, name="adoption")
        _e(frbr, "FRBRauthor", href="#author", as_="#author")
        if level == "FRBRWork":
            _e(frbr, "FRBRcountry", value="un")
        if extra:
            _e(frbr, "FRBRlanguage", language="eng")
    references = _e(meta, "references", source="#clearinghouse")
    _e(references, "TLCOrganization", eId="author",
       href=f"/akn/ontology/organization/un/{ontology}", showAs=document.body or "unknown")
    _e(references, "TLCOrganization", eId="clearinghouse",
       href="/akn/ontology/organization/un/clearinghouse", showAs="Clearinghouse")
    _e(references, "TLCRole", eId="editor", href="/akn/ontology/role/un/editor",
       showAs="Editor")


def _text_with_refs(parent: etree._Element, text: str, citations: list[Citation]) -> None:
    """Write text into ``parent``, wrapping each citation's number in a ``ref``."""
    position, last = 0, None
    for citation in citations:
        found = text.find(citation.number, position)
        if found < 0:
            continue
        chunk = text[position:found]
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = _e(parent, "ref", citation.number, href=f"https://undocs.org/{citation.symbol}")
        position = found + len(citation.number)
    rest = text[position:]
    if last is None:
        parent.text = (parent.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest


def _p(parent: etree._Element, text: str, citations: list[Citation], where: str) -> None:
    _text_with_refs(_e(parent, "p"), text, [c for c in citations if c.where == where])


def _eid(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "", text) or "x"


def _points(parent: etree._Element, items: list[SubParagraph], prefix: str,
            paragraph: Operative, citations: list[Citation], outer: SubParagraph | None) -> None:
    for item in items:
        eid = f"{prefix}__point_{_eid(item.num)}"
        point = _e(parent, "point", eId=eid)
        _e(point, "num", f"({item.num})")
        where = reference(paragraph, outer, item) if outer else reference(paragraph, item)
        if item.subparagraphs:
            nested = _e(point, "list", eId=f"{eid}__list_1")
            _p(_e(nested, "intro"), item.text, citations, where)
            _points(nested, item.subparagraphs, f"{eid}__list_1", paragraph, citations, item)
        else:
            _p(_e(point, "content"), item.text, citations, where)


def _paragraph(parent: etree._Element, paragraph: Operative, prefix: str, index: int,
               citations: list[Citation]) -> None:
    eid = f"{prefix}para_{_eid(paragraph.num) if paragraph.num else index}"
    element = _e(parent, "paragraph", eId=eid)
    if paragraph.num:
        _e(element, "num", f"{paragraph.num}.")
    where = reference(paragraph)
    if paragraph.subparagraphs:
        listing = _e(element, "list", eId=f"{eid}__list_1")
        _p(_e(listing, "intro"), paragraph.text, citations, where)
        _points(listing, paragraph.subparagraphs, f"{eid}__list_1", paragraph, citations, None)
    else:
        _p(_e(element, "content"), paragraph.text, citations, where)


def to_akn(document: Document) -> str:
    """Return the document as an Akoma Ntoso 3.0 XML string."""
    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    statement = _e(root, "statement", name="resolution")
    _meta(statement, document)
    preface_p = _e(_e(statement, "preface"), "p")
    _e(preface_p, "docNumber", f"{document.number}." if document.number else "")
    _e(preface_p, "docTitle", document.title or "Untitled")
    citations = document.citations
    if document.preamble or document.formula:
        preamble = _e(statement, "preamble")
        if document.formula:
            _e(_e(preamble, "formula", name="enactingFormula"), "p", document.formula)
        for i, preambular in enumerate(document.preamble, start=1):
            container = _e(preamble, "container", name="preambularParagraph",
                           eId=f"container_{i}")
            _p(container, preambular.text, citations, f"preamble {i}")
    body = _e(statement, "mainBody")
    sections = {s.num: s for s in document.sections}
    current = None
    for index, paragraph in enumerate(document.operative, start=1):
        if paragraph.section and paragraph.section in sections:
            if current is None or current.get("eId") != f"sec_{_eid(paragraph.section)}":
                section = sections[paragraph.section]
                current = _e(body, "section", eId=f"sec_{_eid(section.num)}")
                _e(current, "num", section.num)
                if section.heading:
                    _e(current, "heading", section.heading)
            _paragraph(current, paragraph, f"{current.get('eId')}__", index, citations)
        else:
            _paragraph(body, paragraph, "", index, citations)
    if not len(body):
        _e(_e(_e(body, "paragraph", eId="para_1"), "content"), "p", "")
    if document.meeting or document.adopted:
        conclusion = _e(_e(statement, "conclusions"), "p")
        if document.meeting:
            _e(conclusion, "inline", document.meeting, name="adoptionMeeting")
        if document.adopted:
            day = dt.date.fromisoformat(document.adopted)
            _e(conclusion, "docDate", f"{day.day} {day:%B %Y}", date=document.adopted)
    _unique_eids(root)
    xml: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return xml


def _unique_eids(root: etree._Element) -> None:
    """Suffix repeated eIds ("para_1" twice when parts A and B both start at 1): the schema
    requires every eId to be unique."""
    seen: dict[str, int] = {}
    for element in root.iter():
        eid = element.get("eId")
        if eid is None:
            continue
        seen[eid] = seen.get(eid, 0) + 1
        if seen[eid] > 1:
            element.set("eId", f"{eid}_{seen[eid]}")
