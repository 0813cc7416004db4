"""Lists as tables: one column spec drives the HTML table, the CSV and the Excel export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its label, how to read its value from a row, and an optional link."""

    label: str
    value: Callable[[Any], Any]
    link: Callable[[Any], str] | None = None


def cell_text(value: Any) -> str:
    """Return a cell's text: dates in ISO 8601, lists joined, None as empty."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _neutralized(text: str) -> str:
    # A leading =, +, - or @ would run as a formula when the CSV is opened in a spreadsheet.
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    rows: Iterable[Any], columns: Sequence[Column], filename: str
) -> StreamingHttpResponse:
    """Stream the rows as UTF-8 CSV (with BOM, so spreadsheets detect the encoding)."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([c.label for c in columns])
        for row in rows:
            yield writer.writerow([_neutralized(cell_text(c.value(row))) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows: Iterable[Any], columns: Sequence[Column], filename: str) -> HttpResponse:
    """Return the rows as an Excel workbook with a bold, frozen header row."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = filename[:31]
    sheet.append([c.label for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_neutralized(cell_text(c.value(row))) for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def export_or_page(
    request: HttpRequest, rows: Any, columns: Sequence[Column], filename: str, per_page: int = 50
) -> HttpResponseBase | Page[Any]:
    """Return a CSV or Excel download when ``?format=`` asks for one, else the requested page."""
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        # A chunk size lets the iterator keep any prefetch_related of the list's query.
        return csv_response(rows.iterator(chunk_size=2000) if hasattr(rows, "iterator")
                            else rows, columns, filename)
    if fmt == "xlsx":
        return xlsx_response(rows, columns, filename)
    return Paginator(rows, per_page).get_page(request.GET.get("page"))
