"""Ingesting resolutions: idempotent by symbol, corrections kept, citations linked both ways."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from clearinghouse.core.errors import PermissionDenied
from clearinghouse.mandates import services
from clearinghouse.mandates.models import Citation, Mandate, Provision, Resolution
from tests.mandates.parser.conftest import CORPUS, SEED


def _ingest(user: Any, path: Path) -> tuple[Resolution, bool]:
    return services.resolution_ingest(user=user, document=services.document_read(path))


def test_seed_is_stored_with_provisions_citations_and_mandates(secretariat: Any) -> None:
    resolution, created = _ingest(secretariat, SEED)
    assert created and resolution.symbol == "E/RES/1992/22"
    refs = list(resolution.provisions.values_list("ref", flat=True))
    assert refs[:2] == ["preamble 1", "preamble 2"] and "VI.3(b)" in refs and "VII.4" in refs
    assert resolution.provisions.get(ref="preamble 21").complete is False
    assert resolution.citations.filter(cited_symbol="A/RES/46/152").exists()
    report = Mandate.objects.get(provision__resolution=resolution, provision__ref="VII.4")
    assert (report.actor, report.due_text) == ("Secretary-General",
                                              "at its substantive session of 1993")
    assert resolution.lacunae[0]["after"] == "preamble 21"


def test_ingestion_is_idempotent_and_keeps_corrections_and_tracking(secretariat: Any) -> None:
    resolution, _ = _ingest(secretariat, SEED)
    provision = resolution.provisions.get(ref="preamble 21")
    services.provision_correct(user=secretariat, provision=provision,
                               text="Recognizing that the Secretariat will be called upon to "
                                    "[text missing in the scan]", reason="checked the original")
    mandate = Mandate.objects.get(provision__resolution=resolution, provision__ref="VII.4")
    mandate.status = Mandate.Status.IN_PROGRESS
    mandate.save(update_fields=["status"])
    counts = (Resolution.objects.count(), Provision.objects.count(), Mandate.objects.count(),
              Citation.objects.count())
    again, created = _ingest(secretariat, SEED)
    assert not created and again.pk == resolution.pk
    assert (Resolution.objects.count(), Provision.objects.count(), Mandate.objects.count(),
            Citation.objects.count()) == counts
    provision.refresh_from_db()
    mandate.refresh_from_db()
    assert provision.shown_text.endswith("[text missing in the scan]")
    assert provision.text == "Recognizing that the Secretariat will be called upon to"
    assert mandate.status == Mandate.Status.IN_PROGRESS


def test_citations_link_both_ways_whatever_the_order(secretariat: Any, tmp_path: Path) -> None:
    cited_path = CORPUS / "ecosoc" / "E_RES_2021_13-2107777E.xml"
    citing, _ = _ingest(secretariat, cited_path)
    symbols = set(citing.citations.values_list("cited_symbol", flat=True))
    assert symbols, "the fixture cites other resolutions"
    # Now ingest a tiny resolution that the first one cites, and see the link appear.
    target = sorted(symbols)[0]
    body_text = {"E": "Economic and Social Council", "A": "General Assembly"}[target[0]]
    number = target.split("/RES/")[1]
    text = (f"{number}. A cited resolution \n\nThe {body_text}, \n\nRecalling its work, \n\n"
            "1. Decides to act; \n")
    path = tmp_path / "cited.txt"
    path.write_text(text)
    cited, _ = _ingest(secretariat, path)
    assert cited.symbol == target
    assert citing.citations.filter(cited_symbol=target, cited=cited).exists()
    assert cited.cited_by.filter(resolution=citing).exists()


def test_only_the_secretariat_ingests(kenya_fp: Any) -> None:
    with pytest.raises(PermissionDenied):
        _ingest(kenya_fp, SEED)
    assert not Resolution.objects.exists()


def test_ingest_command_reports_bad_files_and_loads_the_rest(secretariat: Any,
                                                            tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_text(SEED.read_text())
    (tmp_path / "note.txt").write_text("Dear colleague, thank you.\n")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    err = StringIO()
    with pytest.raises(CommandError, match="Some files were refused"):
        call_command("ingest", str(tmp_path), "--as", secretariat.username, stdout=StringIO(),
                     stderr=err)
    assert "note.txt: does not look like a resolution" in err.getvalue()
    assert Resolution.objects.filter(symbol="E/RES/1992/22").exists()


def test_deadlines_follow_the_apps_edited_session_calendar(secretariat: Any) -> None:
    import datetime as dt

    from clearinghouse.mandates.models import Session

    assert services.session_calendar_load() >= 5
    second = Session.objects.get(body="Commission on Crime Prevention and Criminal Justice",
                                 session=2)
    second.start, second.end = dt.date(1993, 4, 1), dt.date(1993, 4, 30)
    second.save(update_fields=["start", "end"])
    resolution, _ = _ingest(secretariat, SEED)
    due = Mandate.objects.get(provision__resolution=resolution, provision__ref="VI.3(b)",
                              action="submit")
    assert (due.due_from, due.due_to) == (dt.date(1993, 4, 1), dt.date(1993, 4, 30))
    assert services.session_calendar_load() == 0  # reloading keeps the edit
    second.refresh_from_db()
    assert second.start == dt.date(1993, 4, 1)


def test_parts_of_a_resolution_are_separate_resolutions(secretariat: Any) -> None:
    a, _ = _ingest(secretariat, CORPUS / "ga75" / "75_290_A_E.xml")
    b, _ = _ingest(secretariat, CORPUS / "ga75" / "75_290_B_E.xml")
    assert (a.symbol, b.symbol) == ("A/RES/75/290A", "A/RES/75/290B")
    assert b.number == "75/290 B" and Resolution.objects.count() == 2
