"""Render the statement of expenditure as a UN-style document: HTML, PDF, XLSX or JSON."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font

from clearinghouse.finance.statement import Figure, Statement

SECTIONS = [
    ("Income by donor", "income_by_donor"),
    ("Income by fund", "income_by_fund"),
    ("Expenditure by fund", "spent_by_fund"),
    ("Expenditure by allocation area", "spent_by_area"),
    ("Expenditure by object of expenditure", "spent_by_object"),
    ("Expenditure by beneficiary region", "spent_by_region"),
    ("Expenditure by LDC status of the beneficiary", "spent_by_ldc"),
    ("Unliquidated obligations at the end of the period", "unliquidated_by_fund"),
    ("Outstanding pledges at the end of the period", "outstanding_by_donor"),
]


def figure_link(figure: Figure) -> str:
    """Return the ledger page listing the entries behind a figure."""
    return "/finance/entries/?" + urlencode(figure.filters)


def statement_sections(statement: Statement) -> list[dict[str, Any]]:
    """Return the statement's breakdowns as titled lists of figures with their links."""
    return [{"title": title, "key": key, "figures": [
        {"label": f.label, "usd": f.usd, "link": figure_link(f)}
        for f in getattr(statement, key)],
        "total": sum((f.usd for f in getattr(statement, key)), Decimal("0.00"))}
        for title, key in SECTIONS]


def render_html(statement: Statement, *, standalone: bool = True) -> str:
    """Return the statement as an HTML document laid out like a UN report."""
    return render_to_string("finance/statement.html", {
        "s": statement, "sections": statement_sections(statement), "standalone": standalone,
        "prepared": dt.date.today()})


def render_pdf(statement: Statement) -> bytes:
    """Return the statement as PDF, from the same HTML."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(statement)).write_pdf()
    return pdf


def render_xlsx(statement: Statement) -> bytes:
    """Return the statement as a workbook: one sheet of balances, one per breakdown."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Balances"
    sheet.append([f"Statement of expenditure, {statement.period.code} (US dollars)"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(["Fund", "Opening balance", "Income", "Expenditure", "Closing balance"])
    for row in statement.balances:
        sheet.append([row["fund"], row["opening"], row["income"], row["spent"], row["closing"]])
    sheet.append(["Total", statement.opening, statement.income, statement.spent,
                  statement.closing])
    for section in statement_sections(statement):
        page = book.create_sheet(section["title"][:31])
        page.append([section["title"], "USD"])
        for figure in section["figures"]:
            page.append([figure["label"], figure["usd"]])
        page.append(["Total", section["total"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def statement_json(statement: Statement) -> dict[str, Any]:
    """Return the statement as plain data (amounts as strings, exact to the cent)."""
    return {
        "period": statement.period.code, "currency": "USD",
        "opening": str(statement.opening), "income": str(statement.income),
        "expenditure": str(statement.spent), "closing": str(statement.closing),
        "bilateral_memo": str(statement.memo_bilateral),
        "balances": [{k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()}
                     for row in statement.balances],
        **{key: [{"label": f.label, "usd": str(f.usd), "entries": figure_link(f)}
                 for f in getattr(statement, key)] for _, key in SECTIONS},
    }


def render_json(statement: Statement) -> bytes:
    return json.dumps(statement_json(statement), indent=2).encode()


RENDERERS: dict[str, tuple[str, Any]] = {
    "html": ("text/html; charset=utf-8", lambda s: render_html(s).encode()),
    "pdf": ("application/pdf", render_pdf),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx),
    "json": ("application/json", render_json),
}
