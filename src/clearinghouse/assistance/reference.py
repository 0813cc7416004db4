"""Load the programme's themes and the Commission's priority-theme versions from CSV."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from django.db import transaction

from clearinghouse.assistance.models import PriorityThemeList, Theme
from clearinghouse.audit.context import because
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_refresh, record_validate

REFERENCE_DIR = Path(__file__).parent / "reference"


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _save(instance: Theme | PriorityThemeList, name: str, line: int) -> None:
    try:
        record_validate(instance)
    except ApplicationError as error:
        raise ApplicationError(f"{name} line {line}: {error.message}",
                               fields=error.fields) from error
    instance.save()


@transaction.atomic
def themes_load() -> dict[str, int]:
    """Create or refresh the themes and add missing priority-theme versions; never rewrite one.

    Versions already present are the Secretariat's record of what was in force, so a reload
    adds new versions only.
    """
    with because("reference data load"):
        themes = _rows("themes.csv")
        for line, row in enumerate(themes, start=2):
            theme = Theme.objects.filter(code=row["code"]).first()
            values = {"name": row["name"], "dac_sector": row["dac_sector"]}
            if theme is None:
                _save(Theme(code=row["code"], **values), "themes.csv", line)
            else:
                record_refresh(theme, values)
        versions = _rows("priority_themes.csv")
        for line, row in enumerate(versions, start=2):
            if not PriorityThemeList.objects.filter(version=int(row["version"])).exists():
                _save(PriorityThemeList(
                    version=int(row["version"]),
                    effective_from=dt.date.fromisoformat(row["effective_from"]),
                    themes=[c for c in row["themes"].split(";") if c], note=row["note"]),
                    "priority_themes.csv", line)
    return {"themes.csv": len(themes), "priority_themes.csv": len(versions)}
