"""The real 1992 OCR scan of resolution 1992/22 is parsed to its targets."""

from __future__ import annotations

from typing import Any

import pytest

from clearinghouse.mandates.parser import parse_text


@pytest.fixture(scope="module")
def seed(seed_text: str) -> dict[str, Any]:
    return parse_text(seed_text, "seed")


def test_identity_and_adoption(seed: dict[str, Any]) -> None:
    assert (seed["body"], seed["number"], seed["symbol"]) == (
        "Economic and Social Council", "1992/22", "E/RES/1992/22")
    assert seed["title"].startswith("Implementation of General Assembly resolution 46/152 ")
    assert (seed["adopted"], seed["meeting"]) == ("1992-07-30", "41st plenary meeting")


def test_preamble_has_21_paragraphs_the_last_incomplete_with_a_lacuna(seed: dict[str, Any]
                                                                      ) -> None:
    assert len(seed["preamble"]) == 21
    assert [p["complete"] for p in seed["preamble"]] == [True] * 20 + [False]
    assert seed["preamble"][-1]["text"] == "Recognizing that the Secretariat will be called upon to"
    assert seed["lacunae"][0]["after"] == "preamble 21"


def test_sections_vi_inferred_and_vii_follow_up(seed: dict[str, Any]) -> None:
    assert [(s["num"], s["heading"], s["inferred"]) for s in seed["sections"]] == [
        ("VI", None, True), ("VII", "Follow-up", False)]


def test_eleven_operative_items(seed: dict[str, Any]) -> None:
    items = [(o["section"], o["num"]) for o in seed["operative"]]
    assert items == [("VI", "2"), ("VI", "3"), ("VI", "4"), ("VI", "5"),
                     ("VII", "1"), ("VII", "2"), ("VII", "3"), ("VII", "4")]
    three = seed["operative"][1]
    assert [s["num"] for s in three["subparagraphs"]] == ["a", "b", "c"]
    assert three["text"].endswith("the objectives should be:")
    assert three["subparagraphs"][2]["text"].startswith(
        "With regard to programme organization, evaluation and reporting obligations")


def test_fifteen_cited_resolutions_with_dates(seed: dict[str, Any]) -> None:
    dated = {c["symbol"]: c["date"] for c in seed["citations"] if c["date"]}
    assert set(dated) == {c["symbol"] for c in seed["citations"]}
    assert len(dated) == 15
    assert dated["A/RES/46/152"] == "1991-12-18"
    assert dated["E/RES/155C(VII)"] == "1948-08-13"
    assert dated["E/CN.4/RES/1992/31"] == "1992-02-28"
    assert dated["E/CN.7/RES/11(XXXV)"] == "1992-04-15"
    assert all(c["consistent"] for c in seed["citations"])


def test_two_deadlines(seed: dict[str, Any]) -> None:
    due = {m["paragraph"]: m["due"] for m in seed["mandates"] if m["due"]}
    assert due["VI.3(b)"] == {"text": "at its second session", "from": "1993-04-13",
                              "to": "1993-04-23"}
    assert due["VII.4"]["text"] == "at its substantive session of 1993"
    assert due["VII.4"]["from"].startswith("1993")
    report = next(m for m in seed["mandates"] if m["paragraph"] == "VII.4")
    assert (report["actor"], report["action"], report["addressee"]) == (
        "Secretary-General", "report", "Economic and Social Council")


def test_every_ocr_repair_is_recorded_with_its_line(seed: dict[str, Any]) -> None:
    repairs = {(r["kind"], r["before"], r["after"]): r["line"] for r in seed["repairs"]}
    assert repairs[("symbol", "46/1S2", "46/152")] == 3
    assert repairs[("join", "resolu|tion", "resolution")] == 2
    assert ("misread", "specifo:", "specific") in repairs
    assert ("misread", "provi-;ions", "provisions") in repairs
    assert ("footnote", "April 1992,49", "April 1992,") in repairs
    assert ("ordinal", "41 st", "41st") in repairs
    texts = " ".join(p["text"] for p in seed["preamble"])
    assert "1992,49" not in texts and "February 1992, 2 and" not in texts
