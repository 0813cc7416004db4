"""On PostgreSQL, officers accepting rival proposals at once never over-commit an offer line."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection, connections

from clearinghouse.assistance import services
from clearinghouse.assistance.models import Commitment, OfferLine, Proposal
from clearinghouse.core.errors import ApplicationError


@pytest.mark.django_db(transaction=True)
def test_concurrent_acceptances_never_over_commit_an_offer_line(
        make_user: Any, make_request: Any, make_offer: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes every writer; the row locks are proven on PostgreSQL")
    officer = make_user("secretariat")
    kenya_fp = make_user("state_focal_point", state="KEN")
    provider = make_user("provider_focal_point", organization="unicri")
    offer_line = make_offer(provider, lines=[{"kind": "expert_days", "themes": ["corruption"],
                                              "capacity": 20}]).lines.get()
    proposals = []
    for _ in range(4):  # four runs each proposed the same 20 days to a different request
        line = make_request(kenya_fp).lines.get()
        run = services.brokerage_run_create(user=officer, as_of=dt.date.today())
        services.brokerage_run_record(user=officer, run=run, solution={
            "status": "optimal", "objective": 1.0, "bound": 1.0, "seconds": 0.0,
            "allocations": [{"request_line": f"RL{line.pk}", "offer_line": f"OL{offer_line.pk}",
                             "quantity": 20, "value": 1.0, "why": "test"}],
            "unserved": []}, excluded=[], request_lines=1, offer_lines=1)
        proposals.append(run.proposals.get())
    start = threading.Barrier(len(proposals))
    outcomes: list[str] = []

    def accept(proposal: Proposal) -> None:
        try:
            start.wait()
            services.proposal_accept(user=officer, proposal=proposal)
            outcomes.append("accepted")
        except ApplicationError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(p,)) for p in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "capacity_taken", "capacity_taken",
                                "capacity_taken"]
    assert OfferLine.objects.get(pk=offer_line.pk).committed == 20
    assert Commitment.objects.count() == 1
