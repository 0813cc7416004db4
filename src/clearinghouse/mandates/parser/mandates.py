"""Stage 6, mandates: who is asked to do what, for whom, and by when.

Reads the operative provisions. Writes ``Mandate`` records: for "Requests the
Secretary-General to report to the Council at its substantive session of 1993", the actor is
the Secretary-General, the action "report", the addressee the Council and the deadline that
session, resolved through the calendar. A provision may hold several mandates, one per clause
("the Secretariat should ...; the Secretariat should submit ...").
"""

from __future__ import annotations

import re

from clearinghouse.mandates.parser import calendar
from clearinghouse.mandates.parser.citations import BODY_PREFIX
from clearinghouse.mandates.parser.model import Document, Due, Mandate
from clearinghouse.mandates.parser.structure import reference

REQUEST_VERBS = (r"(?:Requests|Urges|Invites|Calls upon|Calls on|Encourages|Authorizes|"
                 r"Instructs|Appeals to|Exhorts|Recommends|Requires|Directs|Asks|Mandates|"
                 r"Entrusts|Designates)")
REQUEST = re.compile(
    rf"^(?:(?:Also|Further|Further also|Again|Once again|Strongly|Again also|Hereby) )?"
    rf"(?:also |further |again |strongly |once again )?(?P<verb>{REQUEST_VERBS}) "
    r"(?:also |further |again |once again |all )?(?P<actor>.+?),? to (?P<action>[a-z][^;]*)"
)
DECIDES_THAT = re.compile(
    r"^(?:Also |Further )?(?:Decides|Agrees|Resolves)(?: also| further)? that "
    r"(?P<actor>(?:the |The )?[A-Z][^,;]{0,100}?) (?:shall|should|will|is to|are to) "
    r"(?P<action>[^;]*)"
)
DECIDES_TO = re.compile(
    r"^(?:Also |Further )?(?P<verb>Decides|Agrees|Resolves)(?: also| further)? to "
    r"(?P<action>[^;]*)"
)
CLAUSE = re.compile(
    r"(?:^|; |, )(?:the |The )?(?P<actor>(?:Secretariat|Secretary-General|Commission|Council|"
    r"Member States|Governments|States|Executive Director|Office)"
    r"(?: [A-Z][\w-]+| on [A-Z][\w ]+?)*)"
    r" (?:should|shall|will|is requested to|are requested to|is invited to|are invited to) "
    r"(?P<action>[^;]*)"
)
ADDRESSEE = re.compile(
    r"\bto (?:the )?(?P<who>General Assembly|Economic and Social Council|Security Council|"
    r"Human Rights Council|Secretary-General|Commission on [A-Z][A-Za-z ]+?|Commission|"
    r"Council|Assembly|Member States)\b"
)
DUE_SESSION = re.compile(
    r"\bat its (?P<ordinal>[a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)) (?:regular |special )?session"
)
# The body a session belongs to: the last one named shortly before "at its ... session".
WHO_BEFORE = re.compile(
    r"(General Assembly|Economic and Social Council|Commission on [A-Z][A-Za-z ]+?|"
    r"Commission|Council|Assembly)(?=[ ,])"
)
DUE_YEAR_SESSION = re.compile(
    r"\bat its (?:substantive |regular |organizational )?session of (?P<year>(?:19|20)\d\d)"
)
DUE_BY_YEAR = re.compile(r"\b(?:by|before the end of|no later than|in) (?P<year>(?:19|20)\d\d)\b")
_MODAL = re.compile(r" (?:should|shall|will|is requested to|are requested to|is invited to|"
                    r"are invited to) ")
BEGINNING = re.compile(r"\bbeginning (?:with|at) its \w+(?:-\w+)? session")


def _clean_actor(actor: str) -> str:
    actor = re.sub(r"^(?:the|all) ", "", actor.strip(" ,"))
    return actor[:1].upper() + actor[1:]


def _full_body(name: str | None, fallback: str | None, text: str, document: Document) -> str:
    """Expand "the Commission", "the Council" or "its" to the body named in full nearby.

    The provision's own text is searched first, then the whole resolution.
    """
    if name and name in BODY_PREFIX:
        return name
    if name in {"Assembly", "General Assembly"}:
        return "General Assembly"
    if name is not None and name.startswith("Commission on "):
        known = [b for b in BODY_PREFIX if b.startswith(name)]
        return known[0] if known else name
    if name in {None, "Commission", "Council"}:
        word = name or "Commission"
        for pool in (text, document.title, " ".join(p.text for p in document.operative),
                     " ".join(p.text for p in document.preamble)):
            named = [b for b in BODY_PREFIX if b.startswith(word) and b in pool]
            if named:
                return min(named, key=pool.index)
    if name == "Council":
        return "Economic and Social Council"
    return fallback or document.body or ""


def resolve_due(text: str, document: Document, context: str = "") -> Due | None:
    """Return the deadline a provision sets, resolved through the session calendar.

    ``context`` is the whole provision, where "the Commission" may be named in full.
    """
    if "session" not in text and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    searchable = BEGINNING.sub("", text)  # "beginning with its second session" is no deadline
    if match := DUE_YEAR_SESSION.search(searchable):
        year = int(match.group("year"))
        before = searchable[:match.start()]
        who = "Economic and Social Council" if "Economic and Social Council" in before or (
            document.body == "Economic and Social Council") else (document.body or "")
        period = (calendar.session_period(who, year, document.sessions)
                  or calendar.year_period(year))
        return Due(text=match.group(0).strip(), start=period.start.isoformat(),
                   end=period.end.isoformat())
    for match in DUE_SESSION.finditer(searchable):
        session = calendar.ordinal_value(match.group("ordinal"))
        if session is None:
            continue
        window = searchable[max(0, match.start() - 120):match.start()]
        if ";" in window:
            window = window.rsplit(";", 1)[1]
        named = WHO_BEFORE.findall(window)
        named_body: str | None = named[-1] if named else None
        body = _full_body(named_body, document.body, context or searchable, document)
        meets = calendar.session_period(body, session, document.sessions)
        if meets:
            phrase = searchable[match.start("ordinal") - len("at its "):match.end()]
            return Due(text=phrase, start=meets.start.isoformat(), end=meets.end.isoformat())
    if match := DUE_BY_YEAR.search(searchable):
        period = calendar.year_period(int(match.group("year")))
        return Due(text=match.group(0), start=period.start.isoformat(),
                   end=period.end.isoformat())
    return None


def _addressee(action: str, document: Document, context: str = "") -> str | None:
    """Return to whom the action is directed ("report to the Council"), if it says so early."""
    first_clause = re.split(r", which|, and |; ", action, maxsplit=1)[0][:90]
    match = ADDRESSEE.search(first_clause)
    if not match:
        return None
    return _full_body(match.group("who"), match.group("who"), context or action, document)


def _mandate(paragraph: str, actor: str, action: str, document: Document, context: str,
             confidence: float = 1.0) -> Mandate:
    if actor in {"Commission", "Council", "Assembly"}:
        actor = _full_body(actor, actor, context, document)
    return Mandate(paragraph, actor, action.split(" ", 1)[0],
                   _addressee(action, document, context),
                   resolve_due(action, document, context) or resolve_due(context, document),
                   text=action, confidence=confidence)


def mandates_of(text: str, paragraph: str, document: Document) -> list[Mandate]:
    """Return the mandates a provision's text sets."""
    found: list[Mandate] = []
    if match := REQUEST.match(text) or DECIDES_THAT.match(text):
        found.append(_mandate(paragraph, _clean_actor(match.group("actor")),
                              match.group("action"), document, text))
    clauses = CLAUSE.finditer(text) if _MODAL.search(text) else iter(())
    for clause in clauses:
        actor, action = _clean_actor(clause.group("actor")), clause.group("action")
        if any(action in m.text or m.text in action for m in found):
            continue
        mandate = _mandate(paragraph, actor, action, document, text, confidence=0.8)
        mandate.due = resolve_due(action, document, text)  # a clause's own deadline only
        found.append(mandate)
    if not found and (match := DECIDES_TO.match(text)):
        found.append(_mandate(paragraph, document.body or "", match.group("action"), document,
                              text, confidence=0.8))
    return found


def find_mandates(document: Document) -> list[Mandate]:
    """Return the mandates of every operative paragraph and sub-paragraph."""
    found: list[Mandate] = []
    for paragraph in document.operative:
        found += mandates_of(paragraph.text, reference(paragraph), document)
        for sub in paragraph.subparagraphs:
            found += mandates_of(sub.text, reference(paragraph, sub), document)
            for deeper in sub.subparagraphs:
                found += mandates_of(deeper.text, reference(paragraph, sub, deeper), document)
    return found
