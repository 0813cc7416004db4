"""The progress report on a resolution, as HTML, PDF and Word, made by a background job."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from docx import Document as WordDocument

from clearinghouse.jobs import services as jobs
from clearinghouse.mandates import services
from clearinghouse.mandates.models import Mandate, Resolution
from clearinghouse.mandates.report import progress_report_build, render_docx, render_html
from tests.mandates.parser.conftest import SEED


@pytest.fixture
def seed(secretariat: Any) -> Resolution:
    resolution, _ = services.resolution_ingest(user=secretariat,
                                               document=services.document_read(SEED))
    mandate = Mandate.objects.get(provision__resolution=resolution, provision__ref="VII.4")
    services.mandate_follow_up(user=secretariat, mandate=mandate, values={
        "status": "completed", "evidence": ["https://undocs.org/E/1993/31"]})
    return resolution


def test_report_lists_every_operative_provision_with_status_and_evidence(
    seed: Resolution,
) -> None:
    report = progress_report_build(resolution=seed)
    refs = [row.provision.ref for row in report.rows]
    assert refs[0] == "VI.2" and "VI.3(b)" in refs and refs[-1] == "VII.4"
    html = render_html(report)
    assert "Progress made in the implementation of resolution E/RES/1992/22" in html
    assert "https://undocs.org/E/1993/31" in html and "Completed" in html
    assert dict(report.totals)["Completed"] == 1


def test_word_report_has_the_same_rows(seed: Resolution) -> None:
    report = progress_report_build(resolution=seed)
    word = WordDocument(io.BytesIO(render_docx(report)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Progress made in the implementation of E/RES/1992/22" in text
    cells = [c.text for table in word.tables for row in table.rows for c in row.cells]
    assert "VII.4" in cells and "Completed" in cells


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK")])
def test_report_job_renders_a_file_the_owner_downloads(
    secretariat: Any, kenya_fp: Any, seed: Resolution, fmt: str, magic: bytes
) -> None:
    job = jobs.job_create(user=secretariat, kind="mandates.progress_report",
                          params={"resolution_id": seed.pk, "format": fmt})
    job = jobs.job_execute(job_id=job.pk)
    assert job.status == "succeeded", job.error
    client = Client()
    client.force_login(secretariat)
    response = client.get(f"/jobs/{job.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(magic)
    other = Client()
    other.force_login(kenya_fp)
    assert other.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_report_job_names_a_bad_parameter(secretariat: Any) -> None:
    job = jobs.job_create(user=secretariat, kind="mandates.progress_report",
                          params={"resolution_id": "999999", "format": "pdf"})
    job = jobs.job_execute(job_id=job.pk)
    assert job.status == "failed" and job.result == {"fields": {"resolution_id": ["not found"]}}
