"""Bulk import: good files create requests; any bad row refuses the file, naming line and field."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

from clearinghouse.assistance import services
from clearinghouse.assistance.models import Request, RequestLine
from clearinghouse.audit.models import AuditEntry
from clearinghouse.core.errors import ApplicationError

pytestmark = pytest.mark.django_db

HEADER = "request,type,state,title,urgent,themes,kind,theme,expertise,language,quantity,currency"
GOOD = [
    "A,advisory_services,KEN,Advice on asset recovery,yes,corruption;money-laundering,"
    "expert_days,corruption,prosecution,en,15,",
    "A,,,,,,funds,money-laundering,,,25000,USD",
    "B,training,KEN,Police training,no,policing,training_places,policing,,sw,12,",
]


def _csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def test_a_good_csv_creates_grouped_requests_and_can_submit_them(kenya_fp: Any) -> None:
    created = services.request_import(user=kenya_fp, content=_csv(*GOOD),
                                      filename="requests.csv", submit=True)
    assert [r.title for r in created] == ["Advice on asset recovery", "Police training"]
    assert [r.lines.count() for r in created] == [2, 1]
    assert all(r.status == "submitted" and r.urgent == (r.title.startswith("Advice"))
               for r in created)


def test_a_good_xlsx_is_read_like_a_csv(kenya_fp: Any) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *GOOD]:
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row.split(",")])
    buffer = io.BytesIO()
    book.save(buffer)
    created = services.request_import(user=kenya_fp, content=buffer.getvalue(),
                                      filename="requests.xlsx")
    assert [r.lines.count() for r in created] == [2, 1]


def test_every_bad_row_is_named_by_line_and_field_and_nothing_is_written(
        kenya_fp: Any) -> None:
    before = (Request.objects.count(), RequestLine.objects.count(), AuditEntry.objects.count())
    bad = [
        GOOD[0],
        "A,,,,,,expert_days,corruption,,en,many,",                  # line 3: quantity
        "B,training,KEN,Police training,maybe,policing,training_places,policing,,sw,12,",  # 4
        "C,training,XXX,Somewhere,no,policing,training_places,policing,,sw,12,",  # 5: state
        "D,training,KEN,Bad theme,no,policing,training_places,astrology,,sw,12,",  # 6: theme
        "E,training,PER,Not ours,no,policing,training_places,policing,,es,12,",  # 7: scope
    ]
    with pytest.raises(ApplicationError) as refused:
        services.request_import(user=kenya_fp, content=_csv(*bad), filename="r.csv")
    rows = {(r["line"], r["field"]) for r in refused.value.extra["rows"]}
    assert {(3, "quantity"), (4, "urgent"), (5, "state"), (6, "theme"), (7, "row")} <= rows
    assert "Nothing was saved" in refused.value.message
    assert (Request.objects.count(), RequestLine.objects.count(),
            AuditEntry.objects.count()) == before


@pytest.mark.parametrize(("content", "name", "needle"), [
    (b"", "r.csv", "No header"),
    (b"request,type\nA,training\n", "r.csv", "missing column"),
    (b"\xff\xfe\x00", "r.csv", "UTF-8"),
    (b"not a workbook", "r.xlsx", ""),
])
def test_unreadable_files_are_refused_with_a_reason(
        kenya_fp: Any, content: bytes, name: str, needle: str) -> None:
    with pytest.raises(ApplicationError) as refused:
        services.request_import(user=kenya_fp, content=content, filename=name)
    assert "file" in refused.value.fields
    assert needle in " ".join(refused.value.fields["file"]) + refused.value.message


def test_an_over_long_csv_cell_is_refused_not_crashed(kenya_fp: Any) -> None:
    content = (HEADER + "\n" + GOOD[0].replace("Advice", "A" * 200_000)).encode()
    with pytest.raises(ApplicationError) as refused:
        services.request_import(user=kenya_fp, content=content, filename="r.csv")
    assert "file" in refused.value.fields
