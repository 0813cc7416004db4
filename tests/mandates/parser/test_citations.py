"""Citations are found with their body, normalized symbol and date, and cross-checked."""

from __future__ import annotations

import pytest

from clearinghouse.mandates.parser.citations import find_citations


@pytest.mark.parametrize(("text", "body", "symbol", "number"), [
    ("Recalling General Assembly resolution 46/152 of 18 December 1991,", "General Assembly",
     "A/RES/46/152", "46/152"),
    ("Recalling its resolution 1514 (XV) of 14 December 1960,", "General Assembly",
     "A/RES/1514(XV)", "1514 (XV)"),
    ("Recalling its resolution 1990/19 of 24 May 1990,", "Economic and Social Council",
     "E/RES/1990/19", "1990/19"),
    ("Commission on Human Rights resolution 1992/31 of 28 February 1992,",
     "Commission on Human Rights", "E/CN.4/RES/1992/31", "1992/31"),
    ("Commission on Narcotic Drugs resolution 11 (XXXV) of 15 April 1992,",
     "Commission on Narcotic Drugs", "E/CN.7/RES/11(XXXV)", "11 (XXXV)"),
    ("Security Council resolution 242 (1967) of 22 November 1967,", "Security Council",
     "S/RES/242(1967)", "242 (1967)"),
    ("General Assembly resolution 75/290 B of 25 June 2021,", "General Assembly",
     "A/RES/75/290B", "75/290 B"),
    ("its resolution S-32/1 of 4 December 2020", "General Assembly", "A/RES/S-32/1",
     "S-32/1"),
])
def test_citation_is_normalized(text: str, body: str, symbol: str, number: str) -> None:
    document_body = "General Assembly" if "1514" in text or "S-32" in text else (
        "Economic and Social Council")
    found = find_citations([("preamble 1", text)], document_body)
    assert [(c.body, c.symbol, c.number) for c in found] == [(body, symbol, number)]
    assert found[0].date is not None and found[0].consistent


def test_every_resolution_in_a_list_takes_the_lists_body() -> None:
    found = find_citations([("preamble 2", "Recalling its resolutions 1979/20 of 9 May 1979, "
                             "1984/48 of 25 May 1984 and 1990/24 of 24 May 1990,")],
                           "Economic and Social Council")
    assert [c.symbol for c in found] == ["E/RES/1979/20", "E/RES/1984/48", "E/RES/1990/24"]
    assert [c.date for c in found] == ["1979-05-09", "1984-05-25", "1990-05-24"]


def test_number_that_disagrees_with_its_date_is_flagged() -> None:
    found = find_citations([("preamble 1", "General Assembly resolution 46/152 of "
                             "18 December 1981,")], "Economic and Social Council")
    assert found[0].consistent is False


def test_numbers_outside_citations_are_not_citations() -> None:
    text = "Notes the report (A/75/123) on the 2030 Agenda and paragraphs 3/4 of the annex"
    assert find_citations([("1", text)], "General Assembly") == []
