"""Load the reference data shipped under ``reference/`` into the registry.

Idempotent: rows are matched on their natural keys and saved only when they differ,
so a reload writes audit entries for real changes only.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction

from clearinghouse.audit.context import because
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_validate
from clearinghouse.registry.models import (
    OFFICIAL_LANGUAGES,
    Area,
    ExpertiseArea,
    GroupMembership,
    Organization,
    State,
)

REFERENCE_DIR = Path(__file__).parent / "reference"
FILES = ("m49_areas.csv", "states.csv", "groups.csv", "organizations.csv", "expertise.csv")

Step = Callable[[str], None]


def read_rows(name: str) -> list[dict[str, str]]:
    """Return the rows of one reference CSV file."""
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _upsert(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any],
    on_create: dict[str, Any] | None = None,
) -> str:
    """Create or update one row after full validation; return what happened to it.

    ``on_create`` holds values set only on creation, which a reload must not undo (an
    organization the Secretariat unpublished stays unpublished). Raises ApplicationError
    naming the field, for the caller to prefix with file and line.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(on_create or {}))
        record_validate(obj)
        obj.save()
        return "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    record_validate(obj)
    obj.save(update_fields=changed)
    return "updated"


@contextmanager
def _at(name: str, line: int) -> Iterator[None]:
    """Prefix any error raised inside the block with its file and line."""
    where = f"{name} line {line}"
    try:
        yield
    except ApplicationError as error:
        raise ApplicationError(f"{where}: {error.message}", fields={
            f"{where}: {field}": messages for field, messages in error.fields.items()
        }) from error
    except (KeyError, ValueError, ObjectDoesNotExist) as error:
        raise ApplicationError(f"{where}: {error!r}") from error


def _numbered(rows: list[dict[str, str]]) -> Iterator[tuple[int, dict[str, str]]]:
    return enumerate(rows, start=2)  # line 1 is the header


def _load_areas(name: str, rows: list[dict[str, str]], step: Step) -> None:
    for line, row in _numbered(rows):  # parents come first in the file
        with _at(name, line):
            parent = Area.objects.get(code=row["parent_code"]) if row["parent_code"] else None
            _upsert(Area, {"code": row["code"]},
                    {"name": row["name"], "level": row["level"], "parent": parent})
        step(row["code"])


def _load_states(name: str, rows: list[dict[str, str]], step: Step) -> None:
    areas = {a.code: a for a in Area.objects.all()}
    for line, row in _numbered(rows):
        with _at(name, line):
            _upsert(State, {"iso3": row["iso3"]}, {
                "iso2": row["iso2"], "m49": row["m49"], "name": row["name"],
                "status": row["status"], "un_admission": _date(row["un_admission"]),
                "region": areas[row["region_code"]], "subregion": areas[row["subregion_code"]],
                "intermediate_region": areas.get(row["intermediate_code"]),
            })
        step(row["iso3"])


def _load_groups(name: str, rows: list[dict[str, str]], step: Step) -> None:
    states = {s.iso3: s for s in State.objects.all()}
    for line, row in _numbered(rows):
        with _at(name, line):
            _upsert(GroupMembership,
                    {"group": row["group"], "state": states[row["iso3"]],
                     "start": _date(row["start"])},
                    {"end": _date(row["end"]), "note": row["note"][:300]})
        step(row["iso3"])


def _load_organizations(name: str, rows: list[dict[str, str]], step: Step) -> None:
    states = {s.iso3: s for s in State.objects.all()}
    for line, row in _numbered(rows):  # parents come first in the file
        with _at(name, line):
            names = {lang: row[f"name_{lang}"] for lang in OFFICIAL_LANGUAGES
                     if row[f"name_{lang}"]}
            acronyms = {lang: row[f"acronym_{lang}"] for lang in OFFICIAL_LANGUAGES
                        if row[f"acronym_{lang}"]}
            parent = (Organization.objects.get(key=row["parent_key"])
                      if row["parent_key"] else None)
            _upsert(Organization, {"key": row["key"]}, {
                "type": row["type"], "name": row["name_en"], "acronym": row["acronym_en"],
                "names": names, "acronyms": acronyms, "parent": parent,
                "country": states[row["country_iso3"]] if row["country_iso3"] else None,
                "website": row["website"], "note": row["note"][:300],
            }, on_create={"published": True})
        step(row["key"])


def _load_expertise(name: str, rows: list[dict[str, str]], step: Step) -> None:
    for line, row in _numbered(rows):
        with _at(name, line):
            _upsert(ExpertiseArea, {"code": row["code"]}, {"name": row["name"]})
        step(row["code"])


LOADERS: dict[str, Callable[[str, list[dict[str, str]], Step], None]] = {
    "m49_areas.csv": _load_areas,
    "states.csv": _load_states,
    "groups.csv": _load_groups,
    "organizations.csv": _load_organizations,
    "expertise.csv": _load_expertise,
}


def reference_count() -> int:
    """Return the number of rows in all reference files."""
    return sum(len(read_rows(name)) for name in FILES)


@transaction.atomic
def reference_load(*, step: Step | None = None) -> dict[str, int]:
    """Load every reference file in one transaction; return the row count of each file.

    A bad row stops the load with an ApplicationError naming its file, line and field, and
    nothing is written.
    """
    counts: dict[str, int] = {}
    with because("reference data load"):
        for name in FILES:
            rows = read_rows(name)
            LOADERS[name](name, rows, step or (lambda _label: None))
            counts[name] = len(rows)
    return counts
