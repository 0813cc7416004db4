"""The progress report on a resolution (its own VII.4): every provision, its mandates' status,
the responsible entity and the evidence; rendered as HTML, PDF (WeasyPrint) and Word."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string

from clearinghouse.mandates.models import Mandate, Provision, Resolution


@dataclass(slots=True)
class Row:
    provision: Provision
    mandates: list[Mandate] = field(default_factory=list)


@dataclass(slots=True)
class ProgressReport:
    resolution: Resolution
    rows: list[Row]
    totals: list[tuple[str, int]]
    prepared: dt.date


def progress_report_build(*, resolution: Resolution) -> ProgressReport:
    """Gather every operative provision with its mandates, and totals by status."""
    provisions = resolution.provisions.exclude(kind=Provision.Kind.PREAMBULAR).prefetch_related(
        "mandates__responsible_organization")
    rows = [Row(p, list(p.mandates.all())) for p in provisions]
    counts = Counter(m.get_status_display() for row in rows for m in row.mandates)
    totals = [(label, counts.get(label, 0)) for _, label in Mandate.Status.choices]
    return ProgressReport(resolution, rows, totals, dt.date.today())


def render_html(report: ProgressReport, *, standalone: bool = True) -> str:
    """Return the report as an HTML document laid out like a UN report."""
    return render_to_string("mandates/progress_report.html",
                            {"report": report, "standalone": standalone})


def render_pdf(report: ProgressReport) -> bytes:
    """Return the report as PDF, from the same HTML."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(report)).write_pdf()
    return pdf


def render_docx(report: ProgressReport) -> bytes:
    """Return the report as a Word document."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(10)
    resolution = report.resolution
    head = document.add_paragraph("United Nations")
    head.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.add_paragraph(f"Distr.: General\n{report.prepared:%d %B %Y}").alignment = (
        WD_ALIGN_PARAGRAPH.RIGHT)
    document.add_heading(f"Progress made in the implementation of {resolution.symbol}", 1)
    document.add_paragraph("Report of the Secretary-General").runs[0].bold = True
    document.add_paragraph(f"{resolution.number}. {resolution.title}")
    summary = document.add_table(rows=1, cols=2)
    summary.style = "Table Grid"
    summary.rows[0].cells[0].text, summary.rows[0].cells[1].text = "Status", "Mandates"
    for label, count in report.totals:
        cells = summary.add_row().cells
        cells[0].text, cells[1].text = label, str(count)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Provision", "Text", "Status",
                                                 "Responsible", "Evidence"], strict=True):
        cell.text = text
    for row in report.rows:
        mandates: list[Mandate | None] = list(row.mandates) or [None]
        for mandate in mandates:
            cells = table.add_row().cells
            cells[0].text = row.provision.ref
            cells[1].text = row.provision.shown_text
            cells[2].text = mandate.get_status_display() if mandate else "No mandate read"
            cells[3].text = _responsible(mandate)
            cells[4].text = "\n".join(mandate.evidence) if mandate else ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _responsible(mandate: Mandate | None) -> str:
    if mandate is None:
        return ""
    parts = [str(mandate.responsible_organization or ""), mandate.responsible_person]
    return "; ".join(p for p in parts if p) or mandate.actor


RENDERERS: dict[str, tuple[str, Any]] = {
    "html": ("text/html; charset=utf-8", lambda r: render_html(r).encode()),
    "pdf": ("application/pdf", render_pdf),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             render_docx),
}
