"""Parts of a record (request lines, offer lines) are read and written as their parent is."""

from __future__ import annotations

from typing import Any

import pytest

from clearinghouse.access import policy
from clearinghouse.assistance.models import OfferLine, RequestLine

pytestmark = pytest.mark.django_db


def test_lines_are_visible_exactly_where_their_parent_is(
        kenya_fp: Any, peru_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    kenya_line = make_request(kenya_fp).lines.get()
    peru_line = make_request(peru_fp, state="PER").lines.get()
    offer_line = make_offer(unicri_fp).lines.get()
    assert list(policy.visible(kenya_fp, RequestLine.objects.all())) == [kenya_line]
    assert policy.can_view(peru_fp, peru_line) and not policy.can_view(peru_fp, kenya_line)
    assert set(policy.visible(secretariat, RequestLine.objects.all())) == {kenya_line,
                                                                          peru_line}
    assert list(policy.visible(unicri_fp, OfferLine.objects.all())) == [offer_line]
    assert list(policy.visible(kenya_fp, OfferLine.objects.all())) == []


def test_a_line_cannot_be_added_to_or_moved_into_another_states_request(
        kenya_fp: Any, peru_fp: Any, make_request: Any) -> None:
    kenya_request = make_request(kenya_fp, submit=False)
    peru_request = make_request(peru_fp, state="PER", submit=False)
    assert policy.can_add(kenya_fp, RequestLine, {"request_id": kenya_request.pk})
    assert not policy.can_add(kenya_fp, RequestLine, {"request_id": peru_request.pk})
    line = kenya_request.lines.get()
    assert not policy.can_change(kenya_fp, line, {"request_id": peru_request.pk})
    assert not policy.can_add(kenya_fp, RequestLine, {"request_id": None})
