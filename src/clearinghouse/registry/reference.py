"""Load the reference data shipped under ``reference/`` into the registry.

Idempotent: rows are matched on their natural keys and saved only when they differ,
so a reload writes audit entries for real changes only.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import models, transaction

from clearinghouse.audit.context import because
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


def _upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> str:
    """Create or update one row; return "created", "updated" or "unchanged"."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        model._default_manager.create(**lookup, **values)
        return "created"
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    obj.save(update_fields=changed)
    return "updated"


def _load_areas(rows: list[dict[str, str]], step: Step) -> None:
    for row in rows:  # parents come first in the file
        parent = Area.objects.get(code=row["parent_code"]) if row["parent_code"] else None
        _upsert(Area, {"code": row["code"]},
                {"name": row["name"], "level": row["level"], "parent": parent})
        step(row["code"])


def _load_states(rows: list[dict[str, str]], step: Step) -> None:
    areas = {a.code: a for a in Area.objects.all()}
    for row in rows:
        _upsert(State, {"iso3": row["iso3"]}, {
            "iso2": row["iso2"], "m49": row["m49"], "name": row["name"],
            "status": row["status"], "un_admission": _date(row["un_admission"]),
            "region": areas[row["region_code"]], "subregion": areas[row["subregion_code"]],
            "intermediate_region": areas.get(row["intermediate_code"]),
        })
        step(row["iso3"])


def _load_groups(rows: list[dict[str, str]], step: Step) -> None:
    states = {s.iso3: s for s in State.objects.all()}
    for row in rows:
        _upsert(GroupMembership,
                {"group": row["group"], "state": states[row["iso3"]],
                 "start": _date(row["start"])},
                {"end": _date(row["end"]), "note": row["note"][:300]})
        step(row["iso3"])


def _load_organizations(rows: list[dict[str, str]], step: Step) -> None:
    states = {s.iso3: s for s in State.objects.all()}
    for row in rows:  # parents come first in the file
        names = {lang: row[f"name_{lang}"] for lang in OFFICIAL_LANGUAGES if row[f"name_{lang}"]}
        acronyms = {
            lang: row[f"acronym_{lang}"] for lang in OFFICIAL_LANGUAGES if row[f"acronym_{lang}"]
        }
        parent = Organization.objects.get(key=row["parent_key"]) if row["parent_key"] else None
        _upsert(Organization, {"key": row["key"]}, {
            "type": row["type"], "name": row["name_en"], "acronym": row["acronym_en"],
            "names": names, "acronyms": acronyms, "parent": parent,
            "country": states.get(row["country_iso3"]), "website": row["website"],
            "note": row["note"][:300], "published": True,
        })
        step(row["key"])


def _load_expertise(rows: list[dict[str, str]], step: Step) -> None:
    for row in rows:
        _upsert(ExpertiseArea, {"code": row["code"]}, {"name": row["name"]})
        step(row["code"])


LOADERS: dict[str, Callable[[list[dict[str, str]], Step], None]] = {
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
    """Load every reference file in one transaction; return the row count of each file."""
    counts: dict[str, int] = {}
    with because("reference data load"):
        for name in FILES:
            rows = read_rows(name)
            LOADERS[name](rows, step or (lambda _label: None))
            counts[name] = len(rows)
    return counts
