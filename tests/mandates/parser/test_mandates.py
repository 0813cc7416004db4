"""Mandates: who is asked to do what, for whom, by when, resolved through the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from clearinghouse.mandates.parser import calendar
from clearinghouse.mandates.parser.mandates import mandates_of
from clearinghouse.mandates.parser.model import Document


@pytest.mark.parametrize(("word", "value"), [
    ("second", 2), ("tenth", 10), ("twentieth", 20), ("fifty-sixth", 56),
    ("seventy-eighth", 78), ("41st", 41), ("session", None),
])
def test_ordinal_words(word: str, value: int | None) -> None:
    assert calendar.ordinal_value(word) == value


def test_session_periods_by_rule_and_by_listing() -> None:
    assert calendar.session_period("General Assembly", 76) == calendar.Period(
        dt.date(2021, 9, 1), dt.date(2022, 8, 31))
    listed = calendar.session_period("Commission on Crime Prevention and Criminal Justice", 2)
    assert listed == calendar.Period(dt.date(1993, 4, 13), dt.date(1993, 4, 23))
    edited = {("Commission on Crime Prevention and Criminal Justice", "2"):
              calendar.Period(dt.date(1993, 4, 1), dt.date(1993, 4, 30))}
    assert calendar.session_period("Commission on Crime Prevention and Criminal Justice", 2,
                                   edited).start == dt.date(1993, 4, 1)
    assert calendar.session_period("Unknown Body", 3) is None


def _document(body: str = "General Assembly") -> Document:
    return Document(body=body)


def test_request_names_actor_action_addressee_and_deadline() -> None:
    text = ("Requests the Secretary-General to submit to the General Assembly at its "
            "seventy-sixth session a report on the implementation of the present resolution;")
    [mandate] = mandates_of(text, "12", _document())
    assert (mandate.actor, mandate.action, mandate.addressee) == (
        "Secretary-General", "submit", "General Assembly")
    assert mandate.due is not None and mandate.due.start == "2021-09-01"


def test_several_actors_and_a_decision_that_names_its_actor() -> None:
    [urge] = mandates_of("Urges Member States and the United Nations Development Programme to "
                         "support technical cooperation;", "1", _document())
    assert urge.actor == "Member States and the United Nations Development Programme"
    [decision] = mandates_of("Decides that the Commission on Crime Prevention and Criminal "
                             "Justice shall include a standing item in its agenda;", "2",
                             _document("Economic and Social Council"))
    assert decision.actor == "Commission on Crime Prevention and Criminal Justice"


def test_a_starting_session_is_not_a_deadline() -> None:
    [mandate] = mandates_of("Decides that the Commission shall include in its agenda, beginning "
                            "with its second session, a standing item;", "3",
                            _document("Economic and Social Council"))
    assert mandate.due is None


def test_year_deadlines_and_no_mandate_in_a_mere_welcome() -> None:
    [mandate] = mandates_of("Invites Member States to report by 2030 on progress made;", "4",
                            _document())
    assert mandate.due is not None and (mandate.due.start, mandate.due.end) == (
        "2030-01-01", "2030-12-31")
    assert mandates_of("Welcomes the report of the Secretary-General;", "5", _document()) == []
