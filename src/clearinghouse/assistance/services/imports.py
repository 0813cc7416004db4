"""Import requests in bulk from CSV or XLSX: every row checked, nothing written on any error.

One row per need line. Rows sharing a ``request`` key form one request; its request-level
columns are read from its first row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from openpyxl import load_workbook

from clearinghouse.access import policy
from clearinghouse.assistance.services.needs import request_create
from clearinghouse.assistance.services.workflow import request_transition
from clearinghouse.core.errors import ApplicationError
from clearinghouse.mandates.models import Provision
from clearinghouse.registry.models import State

COLUMNS = ("request", "type", "state", "title", "description", "urgent", "themes", "provisions",
           "kind", "theme", "expertise", "language", "subject", "quantity", "currency")
REQUIRED = ("request", "type", "title", "themes", "kind", "theme", "quantity")
TRUE, FALSE = {"yes", "true", "1", "y"}, {"no", "false", "0", "n", ""}
MAX_ROWS = 5000


@dataclass(slots=True)
class RowError:
    line: int
    field: str
    message: str


def _rows(content: bytes, filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a CSV or XLSX file; line 1 is the header."""
    if filename.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as error:
            raise ApplicationError("The file is not a readable XLSX workbook.",
                                   fields={"file": [str(error)]}) from error
        values = sheet.iter_rows(values_only=True) if sheet is not None else iter(())
        table = [["" if v is None else str(v).strip() for v in row] for row in values]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ApplicationError("The file is not UTF-8 text.",
                                   fields={"file": [str(error)]}) from error
        try:
            table = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
        except csv.Error as error:
            raise ApplicationError("The file is not readable CSV.", fields={
                "file": [f"Line {_csv_line(text, error)}: {error}."]}
            ) from error
    if not table:
        raise ApplicationError("The file is empty.", fields={"file": ["No header row."]})
    header = [h.lower() for h in table[0]]
    if missing := [c for c in REQUIRED if c not in header]:
        raise ApplicationError("The file lacks required columns.", fields={
            "file": [f"Line 1: missing column {', '.join(missing)}."]})
    if len(table) - 1 > MAX_ROWS:
        raise ApplicationError("The file is too long.", fields={
            "file": [f"At most {MAX_ROWS} rows per import."]})
    for number, row in enumerate(table[1:], start=2):
        if any(row):
            yield number, {h: (row[i] if i < len(row) else "") for i, h in enumerate(header)}


def _csv_line(text: str, error: csv.Error) -> int:
    """Return the line the csv module stopped at (it does not say; count what it read)."""
    reader = csv.reader(io.StringIO(text))
    try:
        for _ in reader:
            pass
    except csv.Error:
        return reader.line_num
    return reader.line_num


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _request_values(user: Any, line: int, row: dict[str, str], errors: list[RowError]
                    ) -> dict[str, Any]:
    actor = policy.actor_for(user)
    code = row.get("state", "").upper() or ""
    state = State.objects.filter(iso3=code).first() if code else None
    if state is None and actor.state_id and not code:
        state = State.objects.filter(pk=actor.state_id).first()
    if state is None:
        errors.append(RowError(line, "state", f"Unknown ISO alpha-3 code: {code or '(blank)'}."))
    urgent = row.get("urgent", "").lower()
    if urgent not in TRUE | FALSE:
        errors.append(RowError(line, "urgent", "Give yes or no."))
    provisions = []
    for text in _split(row.get("provisions", "")):
        symbol, _, ref = text.partition(" ")
        found = Provision.objects.filter(resolution__symbol=symbol, ref=ref.strip()).first()
        if found is None:
            errors.append(RowError(line, "provisions", f"Unknown provision: {text}."))
        else:
            provisions.append(found.pk)
    return {"type": row["type"], "state_id": state.pk if state else None, "title": row["title"],
            "description": row.get("description", ""), "urgent": urgent in TRUE,
            "themes": _split(row["themes"]), "provisions": provisions}


def _line_values(line: int, row: dict[str, str], errors: list[RowError]) -> dict[str, Any]:
    quantity: int | None = None
    try:
        quantity = int(row["quantity"])
    except ValueError:
        errors.append(RowError(line, "quantity", "Give a whole number."))
    return {"kind": row["kind"], "theme_id": row["theme"],
            "expertise_id": row.get("expertise") or None,
            "language": row.get("language", "").lower(), "subject": row.get("subject", ""),
            "quantity": quantity, "currency": row.get("currency", "").upper()}


def _located(error: ApplicationError, first: int, lines: list[int]) -> list[RowError]:
    """Turn a service error's fields into row errors on the file's own line numbers."""
    found: list[RowError] = []
    for field, messages in (error.fields or {"": [error.message]}).items():
        line, name = first, field
        if field.startswith("lines["):
            index, _, name = field[6:].partition("].")
            line = lines[int(index)] if index.isdigit() and int(index) < len(lines) else first
        name = {"state_id": "state", "theme_id": "theme", "expertise_id": "expertise"}.get(
            name, name)
        found.extend(RowError(line, name or "row", m) for m in messages)
    return found


@transaction.atomic
def request_import(*, user: Any, content: bytes, filename: str, submit: bool = False
                   ) -> list[Any]:
    """Create (and optionally submit) the file's requests; refuse the whole file on any error.

    The error lists every faulty row as "line N, field: message", in file order.
    """
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in _rows(content, filename):
        groups.setdefault(row["request"] or f"line {line}", []).append((line, row))
    if not groups:
        raise ApplicationError("The file has no rows.", fields={"file": ["No data rows."]})
    errors: list[RowError] = []
    created = []
    for rows in groups.values():
        first = rows[0][0]
        found: list[RowError] = []
        values = _request_values(user, first, rows[0][1], found)
        lines = [_line_values(line, row, found) for line, row in rows]
        if found:
            errors.extend(found)
            continue
        try:
            with transaction.atomic():
                request = request_create(user=user, values=values, lines=lines)
                if submit:
                    request = request_transition(user=user, request=request, action="submit")
                created.append(request)
        except ApplicationError as error:
            errors.extend(_located(error, first, [line for line, _ in rows]))
    if errors:
        errors.sort(key=lambda e: e.line)
        fields: dict[str, list[str]] = {}
        for e in errors:
            fields.setdefault(f"line {e.line}: {e.field}", []).append(e.message)
        raise ApplicationError(
            f"The file was not imported: {len(errors)} error(s). Nothing was saved.",
            fields=fields,
            extra={"rows": [{"line": e.line, "field": e.field, "message": e.message}
                            for e in errors]})
    return created
