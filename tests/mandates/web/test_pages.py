"""Mandate pages: resolution, tracker, review queue, follow-up, corrections, due panel."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client

from clearinghouse.mandates import services
from clearinghouse.mandates.models import Mandate, Resolution
from tests.conftest import login
from tests.mandates.parser.conftest import SEED


@pytest.fixture
def seed(secretariat: Any) -> Resolution:
    resolution, _ = services.resolution_ingest(user=secretariat,
                                               document=services.document_read(SEED))
    return resolution


def test_resolution_page_shows_the_structured_text_to_the_public(client: Client,
                                                                 seed: Resolution) -> None:
    html = client.get(f"/mandates/{seed.pk}/").content.decode()
    assert "E/RES/1992/22" in html and "Recalling its resolution 155 C (VII)" in html
    assert "VII.4" in html and "incomplete" in html and "Missing text after" in html
    assert "A/RES/46/152" in html
    assert "Correct" not in html  # corrections are the Secretariat's


def test_tracker_filters_and_exports(secretariat: Any, seed: Resolution) -> None:
    client = login(secretariat)
    html = client.get("/mandates/tracker/", {"actor": "Secretary-General"}).content.decode()
    assert "E/RES/1992/22 VII.4" in html and "E/RES/1992/22 VII.1" not in html
    response = client.get("/mandates/tracker/", {"due_after": "1993-01-01",
                                                 "due_before": "1993-12-31", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content)
                                           .decode("utf-8-sig"))))
    assert {r["Provision"] for r in rows} == {"E/RES/1992/22 VI.3(b)", "E/RES/1992/22 VII.4"}


def test_tracker_is_not_for_focal_points(kenya_fp: Any, seed: Resolution) -> None:
    html = login(kenya_fp).get("/mandates/tracker/").content.decode()
    assert "VII.4" not in html


def test_follow_up_records_status_and_refuses_bad_evidence(secretariat: Any,
                                                          seed: Resolution) -> None:
    mandate = Mandate.objects.get(provision__resolution=seed, provision__ref="VII.4")
    client = Client()
    client.force_login(secretariat)
    url = f"/mandates/mandates/{mandate.pk}/"
    bad = client.post(url, {"status": "completed", "evidence": "not a link"})
    assert bad.status_code == 400 and 'id="id_evidence_error"' in bad.content.decode()
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.NO_INDICATION
    good = client.post(url, {"status": "completed", "responsible_person": "Chief, CPCJB",
                             "evidence": "https://undocs.org/E/1993/31",
                             "reason": "report issued"})
    assert good.status_code == 302
    mandate.refresh_from_db()
    assert (mandate.status, mandate.evidence) == ("completed", ["https://undocs.org/E/1993/31"])
    page = client.get(url).content.decode()
    assert "report issued" in page and "History" in page  # the audited history is shown


def test_review_queue_lists_unsure_provisions_until_corrected(secretariat: Any,
                                                             seed: Resolution) -> None:
    client = Client()
    client.force_login(secretariat)
    assert "E/RES/1992/22 preamble 21" in client.get("/mandates/review/").content.decode()
    provision = seed.provisions.get(ref="preamble 21")
    response = client.post(f"/mandates/provisions/{provision.pk}/correct/",
                           {"text": "Recognizing that the Secretariat will be called upon to "
                                    "[missing]", "reason": "compared with the original"})
    assert response.status_code == 302
    assert "E/RES/1992/22 preamble 21" not in client.get("/mandates/review/").content.decode()


def test_dashboard_shows_mandates_due_in_the_window(secretariat: Any, seed: Resolution) -> None:
    mandate = Mandate.objects.get(provision__resolution=seed, provision__ref="VII.4")
    later = dt.date.today() + dt.timedelta(days=100)
    mandate.due_from, mandate.due_to = later, later
    mandate.save(update_fields=["due_from", "due_to"])
    client = login(secretariat)
    assert "E/RES/1992/22 VII.4" in client.get("/", {"months": 6}).content.decode()
    assert "E/RES/1992/22 VII.4" not in client.get("/", {"months": 2}).content.decode()
