"""Load the finance seeds: budget periods, allocation areas and funds (never overwriting)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from clearinghouse.audit.context import because
from clearinghouse.core.errors import ApplicationError
from clearinghouse.core.records import record_validate
from clearinghouse.finance.models import AllocationArea, BudgetPeriod, Fund

REFERENCE_DIR = Path(__file__).parent / "reference"


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def finance_seed_load() -> int:
    """Create the seeded periods, areas and funds that are missing; return how many."""
    created = 0
    with because("reference data load"):
        seeds: list[tuple[str, Any, Callable[[dict[str, str]], Any]]] = [
            ("periods.csv", BudgetPeriod, lambda r: BudgetPeriod(
                code=r["code"], kind=r["kind"], start=dt.date.fromisoformat(r["start"]),
                end=dt.date.fromisoformat(r["end"]),
                parent=BudgetPeriod.objects.filter(code=r["parent"]).first())),
            ("areas.csv", AllocationArea, lambda r: AllocationArea(
                code=r["code"], name=r["name"], position=int(r["position"]),
                priority=r["priority"] == "true")),
            ("funds.csv", Fund, lambda r: Fund(code=r["code"], name=r["name"], kind=r["kind"],
                                               psc_rate=Decimal(r["psc_rate"]))),
        ]
        for name, model, build in seeds:
            for line, row in enumerate(_rows(name), start=2):
                if model._default_manager.filter(code=row["code"]).exists():
                    continue
                instance = build(row)
                try:
                    record_validate(instance)
                except ApplicationError as error:
                    raise ApplicationError(f"{name} line {line}: {error.message}",
                                           fields=error.fields) from error
                instance.save()
                created += 1
    return created
