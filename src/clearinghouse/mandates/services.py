"""Ingest parsed resolutions: idempotent by symbol, keeping officers' corrections and tracking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from clearinghouse.access import policy
from clearinghouse.audit.context import acting_as, because
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.core.records import record_refresh, record_update
from clearinghouse.mandates.models import Citation, Mandate, Provision, Resolution, Session
from clearinghouse.mandates.parser import calendar
from clearinghouse.mandates.parser.cli import BadInput, check_resolution, read_document
from clearinghouse.mandates.parser.model import Document
from clearinghouse.mandates.parser.structure import reference

SUFFIXES = {".txt", ".xml"}


@dataclass(frozen=True, slots=True)
class Parsed:
    """One provision as the parser gives it, before it is stored."""

    ref: str
    kind: str
    section: str
    text: str
    complete: bool
    confidence: float
    mandates: list[Any]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def sessions_listed() -> calendar.Listed:
    """Return the app's session calendar (as edited by officers) for the parser."""
    return {(s.body, str(s.session)): calendar.Period(s.start, s.end)
            for s in Session.objects.all()}


@transaction.atomic
def session_calendar_load() -> int:
    """Load the shipped session calendar into the app; keep sessions officers already edited."""
    created = 0
    with because("reference data load"):
        for (body, session), period in calendar.read_listed().items():
            _, new = Session.objects.get_or_create(
                body=body, session=int(session),
                defaults={"start": period.start, "end": period.end})
            created += new
    return created


def document_read(path: Path) -> Document:
    """Parse one file: AKN markup (.xml) or plain text, OCR scans included.

    Deadlines are resolved with the app's session calendar. Raises ApplicationError naming
    the file when it is not a resolution.
    """
    try:
        document = read_document(path, sessions=sessions_listed() or None)
        check_resolution(document)
    except BadInput as error:
        raise ApplicationError(f"{path}: {error}", fields={"path": [str(error)]}) from error
    if not document.symbol:
        raise ApplicationError(f"{path}: no resolution number and body were found",
                               fields={"path": ["no resolution number and body"]})
    return document


def _provisions(document: Document) -> list[Parsed]:
    by_paragraph: dict[str, list[Any]] = {}
    for mandate in document.mandates:
        by_paragraph.setdefault(mandate.paragraph, []).append(mandate)
    found = [Parsed(f"preamble {i}", Provision.Kind.PREAMBULAR, "", p.text, p.complete,
                    p.confidence, []) for i, p in enumerate(document.preamble, start=1)]
    for paragraph in document.operative:
        ref = reference(paragraph)
        found.append(Parsed(ref, Provision.Kind.OPERATIVE, paragraph.section or "",
                            paragraph.text, True, paragraph.confidence,
                            by_paragraph.get(ref, [])))
        for sub in paragraph.subparagraphs:
            for item, deeper in [(sub, None), *((sub, d) for d in sub.subparagraphs)]:
                sub_ref = reference(paragraph, item, deeper)
                node = deeper or item
                found.append(Parsed(sub_ref, Provision.Kind.SUBPARAGRAPH,
                                    paragraph.section or "", node.text, True, node.confidence,
                                    by_paragraph.get(sub_ref, [])))
    return _unique_refs(found)


def _unique_refs(found: list[Parsed]) -> list[Parsed]:
    """Make every reference unique: parts A and B may both have a paragraph 1, and
    unnumbered paragraphs share one reference. Repeats become "1 #2", "1 #3"."""
    seen: dict[str, int] = {}
    unique = []
    for item in found:
        seen[item.ref] = seen.get(item.ref, 0) + 1
        if seen[item.ref] > 1:
            item = Parsed(f"{item.ref} #{seen[item.ref]}", item.kind, item.section, item.text,
                          item.complete, item.confidence, item.mandates)
        unique.append(item)
    return unique


@transaction.atomic
def resolution_ingest(*, user: Any, document: Document) -> tuple[Resolution, bool]:
    """Store a parsed resolution; return it and whether it was new.

    Idempotent by symbol. Re-ingestion updates what the parser reads but keeps each
    provision's ``corrected_text`` and each mandate's status, responsible entity and evidence.
    Citations are rebuilt and linked both ways to resolutions already ingested.
    """
    if not policy.actor_for(user).secretariat:
        raise PermissionDenied("Only the Secretariat ingests resolutions.")
    symbol = document.symbol
    if not symbol:
        raise ApplicationError("The resolution has no symbol.", fields={"symbol": ["missing"]})
    values = {"body": document.body or "", "number": document.number or "",
              "title": document.title, "adopted": _date(document.adopted),
              "meeting": document.meeting or "", "source": document.source[:300],
              "text": document.text,
              "lacunae": [{"after": x.after, "note": x.note} for x in document.lacunae],
              "repairs": [{"kind": r.kind, "line": r.line, "before": r.before,
                           "after": r.after} for r in document.repairs]}
    with acting_as(user), because("ingestion"):
        resolution = Resolution.objects.filter(symbol=symbol).first()
        created = resolution is None
        if resolution is None:
            resolution = Resolution.objects.create(symbol=symbol, **values)
        else:
            record_refresh(resolution, values)
        _store_provisions(resolution, _provisions(document))
    _store_citations(resolution, document)
    return resolution, created


def _store_provisions(resolution: Resolution, parsed: list[Parsed]) -> None:
    existing = {p.ref: p for p in resolution.provisions.all()}
    for position, item in enumerate(parsed):
        provision = existing.pop(item.ref, None)
        fields = {"kind": item.kind, "position": position, "section": item.section,
                  "text": item.text, "complete": item.complete, "confidence": item.confidence}
        if provision is None:
            provision = Provision.objects.create(resolution=resolution, ref=item.ref, **fields)
        else:
            record_refresh(provision, fields)
        _store_mandates(provision, item.mandates)
    for stale in existing.values():
        if not stale.corrected_text:  # a correction is kept even if the parser lost the ref
            stale.delete()


def _store_mandates(provision: Provision, mandates: list[Any]) -> None:
    existing = {m.index: m for m in provision.mandates.all()}
    for index, mandate in enumerate(mandates):
        fields = {"actor": mandate.actor[:300], "action": mandate.action[:80],
                  "addressee": (mandate.addressee or "")[:200], "text": mandate.text,
                  "due_text": mandate.due.text[:200] if mandate.due else "",
                  "due_from": _date(mandate.due.start) if mandate.due else None,
                  "due_to": _date(mandate.due.end) if mandate.due else None,
                  "confidence": mandate.confidence}
        current = existing.pop(index, None)
        if current is None:
            Mandate.objects.create(provision=provision, index=index, **fields)
            continue
        record_refresh(current, fields)
    for stale in existing.values():
        if stale.status == Mandate.Status.NO_INDICATION and not stale.evidence:
            stale.delete()


def _store_citations(resolution: Resolution, document: Document) -> None:
    Citation.objects.filter(resolution=resolution).delete()
    known = dict(Resolution.objects.filter(
        symbol__in={c.symbol for c in document.citations}).values_list("symbol", "pk"))
    Citation.objects.bulk_create([
        Citation(resolution=resolution, where=c.where, cited_symbol=c.symbol,
                 cited_body=c.body, cited_number=c.number, cited_date=_date(c.date),
                 consistent=c.consistent, cited_id=known.get(c.symbol))
        for c in document.citations
    ])
    Citation.objects.filter(cited_symbol=resolution.symbol).update(cited=resolution)


def ingest_paths(paths: list[Path]) -> list[Path]:
    """Return the .txt and .xml files named, folders searched recursively, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            files.append(path)
    return files


def provision_correct(
    *, user: Any, provision: Provision, text: str, reason: str = ""
) -> Provision:
    """Record an officer's correction of a provision's text; ingestion will keep it."""
    if not policy.actor_for(user).secretariat:
        raise PermissionDenied("Only the Secretariat corrects provisions.")
    if not text.strip():
        raise ApplicationError("The input is not valid.", fields={"text": ["Give the text."]})
    with acting_as(user), because(reason or "correction"):
        provision.corrected_text = text.strip()
        provision.save(update_fields=["corrected_text"])
    return provision


MANDATE_FOLLOW_UP_FIELDS = ("status", "responsible_organization_id", "responsible_person",
                            "evidence")


def mandate_follow_up(*, user: Any, mandate: Mandate, values: dict[str, Any],
                      reason: str = "") -> Mandate:
    """Record how a mandate's follow-up stands: status, responsible entity, evidence links."""
    evidence = values.get("evidence", mandate.evidence)
    if not isinstance(evidence, list) or not all(
        isinstance(e, str) and e.startswith(("http://", "https://", "/")) for e in evidence
    ):
        raise ApplicationError("The input is not valid.", fields={
            "evidence": ["Give links that start with http://, https:// or /."]})
    return record_update(user=user, instance=mandate, values=values,
                         editable=MANDATE_FOLLOW_UP_FIELDS, reason=reason)
