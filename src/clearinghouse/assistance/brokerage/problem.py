"""Read a brokerage problem from JSON data, refusing bad input with the path of the fault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KINDS = ("expert_days", "training_places", "funds_usd")


class ProblemError(ValueError):
    """Malformed problem data; ``path`` names the offending place, e.g. requests[3].lines[0]."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class RequestLine:
    id: str
    kind: str
    theme: str
    expertise: str | None
    language: str | None
    quantity: int


@dataclass(frozen=True, slots=True)
class Request:
    id: str
    country: str
    region: str
    ldc: bool
    urgent: bool
    submitted: dt.date
    lines: tuple[RequestLine, ...]


@dataclass(frozen=True, slots=True)
class OfferLine:
    id: str
    kind: str
    themes: frozenset[str]
    expertise: frozenset[str] | None
    languages: frozenset[str] | None
    regions: frozenset[str] | None
    countries: frozenset[str] | None
    capacity: int


@dataclass(frozen=True, slots=True)
class Offer:
    id: str
    provider: str
    lines: tuple[OfferLine, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    as_of: dt.date
    priority_themes: frozenset[str]
    requests: tuple[Request, ...]
    offers: tuple[Offer, ...]


def _get(data: Mapping[str, Any], key: str, path: str) -> Any:
    if not isinstance(data, Mapping):
        raise ProblemError(path, "expected an object")
    if key not in data:
        raise ProblemError(f"{path}.{key}" if path else key, "is required")
    return data[key]


def _text(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> str | None:
    where = f"{path}.{key}" if path else key
    value = data.get(key) if optional else _get(data, key, path)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ProblemError(where, "must be a non-empty string")
    return value


def _date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise ProblemError(where, "must be a date as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ProblemError(where, f"is not a date: {value!r}") from error


def _positive(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ProblemError(where, "must be a positive whole number")
    return value


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ProblemError(where, "must be true or false")
    return value


def _kind(value: Any, where: str) -> str:
    if value not in KINDS:
        raise ProblemError(where, f"must be one of {', '.join(KINDS)}")
    return str(value)


def _codes(value: Any, where: str, *, nullable: bool) -> frozenset[str] | None:
    if value is None and nullable:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ProblemError(where, "must be a list of codes" + (" or null" if nullable else ""))
    return frozenset(value)


def _list(data: Mapping[str, Any], key: str, path: str) -> list[Any]:
    value = _get(data, key, path)
    if not isinstance(value, list):
        raise ProblemError(f"{path}.{key}" if path else key, "must be a list")
    return value


def load_problem(data: Any) -> Problem:
    """Return the Problem in ``data`` (parsed JSON); raise ProblemError naming the fault.

    Ids must be unique among requests, request lines, offers and offer lines.
    """
    if not isinstance(data, Mapping):
        raise ProblemError("$", "the problem must be a JSON object")
    as_of = _date(_get(data, "as_of", ""), "as_of")
    themes = _codes(data.get("priority_themes", []), "priority_themes", nullable=False) or (
        frozenset())
    seen: set[str] = set()

    def unique(value: str, where: str) -> str:
        if value in seen:
            raise ProblemError(where, f"repeats the id {value!r}")
        seen.add(value)
        return value

    requests = []
    for i, raw in enumerate(_list(data, "requests", "")):
        path = f"requests[{i}]"
        lines = []
        for j, line in enumerate(_list(raw, "lines", path)):
            where = f"{path}.lines[{j}]"
            lines.append(RequestLine(
                id=unique(str(_text(line, "id", where)), f"{where}.id"),
                kind=_kind(_get(line, "kind", where), f"{where}.kind"),
                theme=str(_text(line, "theme", where)),
                expertise=_text(line, "expertise", where, optional=True),
                language=_text(line, "language", where, optional=True),
                quantity=_positive(_get(line, "quantity", where), f"{where}.quantity"),
            ))
        requests.append(Request(
            id=unique(str(_text(raw, "id", path)), f"{path}.id"),
            country=str(_text(raw, "country", path)), region=str(_text(raw, "region", path)),
            ldc=_flag(_get(raw, "ldc", path), f"{path}.ldc"),
            urgent=_flag(_get(raw, "urgent", path), f"{path}.urgent"),
            submitted=_date(_get(raw, "submitted", path), f"{path}.submitted"),
            lines=tuple(lines),
        ))
    offers = []
    for i, raw in enumerate(_list(data, "offers", "")):
        path = f"offers[{i}]"
        lines_o = []
        for j, line in enumerate(_list(raw, "lines", path)):
            where = f"{path}.lines[{j}]"
            lines_o.append(OfferLine(
                id=unique(str(_text(line, "id", where)), f"{where}.id"),
                kind=_kind(_get(line, "kind", where), f"{where}.kind"),
                themes=_codes(_get(line, "themes", where), f"{where}.themes",
                              nullable=False) or frozenset(),
                expertise=_codes(line.get("expertise"), f"{where}.expertise", nullable=True),
                languages=_codes(line.get("languages"), f"{where}.languages", nullable=True),
                regions=_codes(line.get("regions"), f"{where}.regions", nullable=True),
                countries=_codes(line.get("countries"), f"{where}.countries", nullable=True),
                capacity=_positive(_get(line, "capacity", where), f"{where}.capacity"),
            ))
        offers.append(Offer(id=unique(str(_text(raw, "id", path)), f"{path}.id"),
                            provider=str(_text(raw, "provider", path)), lines=tuple(lines_o)))
    return Problem(as_of=as_of, priority_themes=themes, requests=tuple(requests),
                   offers=tuple(offers))
