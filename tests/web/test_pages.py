"""Web pages: server-rendered, readable without JavaScript, accessible, exportable."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

import clearinghouse
from tests.conftest import login


class _Page(HTMLParser):
    """Collect landmarks, inputs and labels of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.inputs: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.scripts_needed = False
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in {"input", "select", "textarea"} and a.get("type") not in {"hidden", "submit"}:
            self.inputs.append(a)
        if tag == "label" and a.get("for"):
            self.labels.add(str(a["for"]))


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


PAGES = ["/", "/registry/states/", "/registry/states/KEN/", "/registry/organizations/",
         "/registry/organizations/new/", "/registry/experts/", "/registry/experts/new/",
         "/registry/focal-points/", "/jobs/", "/login/"]


@pytest.mark.parametrize("url", PAGES)
def test_page_has_landmarks_language_and_labelled_inputs(url: str, secretariat: Any) -> None:
    client = login(secretariat) if url != "/login/" else Client()
    response = client.get(url)
    assert response.status_code == 200
    page = _parse(response.content.decode())
    assert page.lang == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in page.tags, f"{url} lacks <{landmark}>"
    unlabelled = [i for i in page.inputs
                  if i.get("id") not in page.labels and not i.get("aria-label")]
    assert unlabelled == [], f"{url}: inputs without a label: {unlabelled}"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colour_pairs_in_the_stylesheet_meet_wcag_aa() -> None:
    css = (Path(clearinghouse.__file__).parent / "web/static/clearinghouse/site.css").read_text()
    colours = dict(re.findall(r"--(\w+):(#[0-9a-f]{6})", css))
    colours["white"] = "#ffffff"
    pairs = [("ink", "white"), ("link", "white"), ("white", "navy"), ("warn", "warnbg"),
             ("bad", "white"), ("link", "soft"), ("ink", "soft")]
    for fg, bg in pairs:
        assert _contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)


def test_lists_read_without_javascript_and_filter_by_query_string(client: Client,
                                                                   ref: None) -> None:
    html = client.get("/registry/states/", {"region": "009", "q": "fi"}).content.decode()
    assert "Fiji" in html and "Finland" not in html
    assert "<script" not in html.split("<body")[1].split("</footer>")[0]


def test_csv_export_holds_the_filtered_rows(client: Client, ref: None) -> None:
    response = client.get("/registry/states/", {"group": "SIDS", "on": "2020-01-01",
                                                 "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content)
                                           .decode("utf-8-sig"))))
    assert len(rows) == 38 and {"Fiji", "Jamaica", "Singapore"} <= {r["Name"] for r in rows}
    assert rows[0].keys() >= {"ISO alpha-3", "M49", "Region"}


def test_csv_export_neutralizes_spreadsheet_formulas(secretariat: Any) -> None:
    from clearinghouse.registry import services

    services.organization_create(user=secretariat, values={
        "type": "private", "name": "=HYPERLINK(\"http://evil\")"}, confirm_not_duplicate=True)
    body = b"".join(login(secretariat).get("/registry/organizations/",
                                           {"format": "csv"}).streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_bad_form_input_shows_field_errors_and_writes_nothing(secretariat: Any) -> None:
    from clearinghouse.audit.models import AuditEntry
    from clearinghouse.registry.models import Expert

    client = Client()
    client.force_login(secretariat)
    before = (Expert.objects.count(), AuditEntry.objects.count())
    response = client.post("/registry/experts/new/", {
        "name": "Ana Silva", "email": "not-an-email", "languages": "pt, zz",
        "available_from": "2027-01-01", "available_until": "2026-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    response = client.post("/registry/experts/new/", {
        "name": "Ana Silva", "languages": "pt, zz"})
    assert response.status_code == 400 and 'id="id_languages_error"' in response.content.decode()
    assert "zz" in response.content.decode()
    assert (Expert.objects.count(), AuditEntry.objects.count()) == before


def test_organization_form_warns_of_a_duplicate_before_saving(secretariat: Any) -> None:
    from clearinghouse.registry.models import Organization

    client = Client()
    client.force_login(secretariat)
    form = {"type": "un_entity", "name": "UN Development Programme", "acronym": "UNDP-2"}
    response = client.post("/registry/organizations/new/", form)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="duplicate-warning"' in html and "United Nations Development Programme" in html
    assert not Organization.objects.filter(acronym="UNDP-2").exists()
    response = client.post("/registry/organizations/new/", {**form, "confirm_not_duplicate": "on"})
    assert response.status_code == 302
    assert Organization.objects.filter(acronym="UNDP-2").exists()


def test_live_duplicate_warning_partial(client: Client, ref: None) -> None:
    html = client.get("/registry/organizations/similar/", {"name": "Interregional Crime "
                                                           "and Justice Research Institute"})
    assert "United Nations Interregional Crime" in html.content.decode()
    assert client.get("/registry/organizations/similar/", {"name": "Zzz"}).content.strip() == b""
