"""On PostgreSQL, parallel postings against one allotment never overspend it."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, connections

from clearinghouse.core.errors import ApplicationError
from clearinghouse.finance import selectors
from clearinghouse.finance.models import Entry
from tests.finance.factories import area, post


@pytest.mark.django_db(transaction=True)
def test_parallel_obligations_never_overspend_an_allotment(make_user: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes every writer; the row locks are proven on PostgreSQL")
    officer = make_user("finance")
    allotment = post(officer, "allotment", "1000", fund="regular-budget", area=area())
    start = threading.Barrier(6)
    outcomes: list[str] = []

    def charge() -> None:
        try:
            start.wait()
            post(officer, "obligation", "300", fund="regular-budget", allotment=allotment,
                 object="travel")
            outcomes.append("posted")
        except ApplicationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=charge) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["over_allotment"] * 3 + ["posted"] * 3
    assert selectors.charged_to(allotment=Entry.objects.get(pk=allotment.pk)) == Decimal(
        "900.00")
