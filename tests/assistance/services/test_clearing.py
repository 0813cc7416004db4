"""A brokerage run proposes; accepting commits capacity, records the activity, marks matched."""

from __future__ import annotations

from typing import Any

import pytest

from clearinghouse.assistance import selectors, services
from clearinghouse.assistance.brokerage.checker import check_solution
from clearinghouse.assistance.brokerage.problem import load_problem
from clearinghouse.assistance.models import BrokerageRun, Commitment, OfferLine, Proposal
from clearinghouse.core.errors import ApplicationError, PermissionDenied
from clearinghouse.jobs import services as job_services
from tests.assistance.factories import expert_line

pytestmark = pytest.mark.django_db


def _run(user: Any) -> BrokerageRun:
    job = job_services.job_create(user=user, kind="assistance.brokerage_run")
    job = job_services.job_execute(job_id=job.pk)
    assert job.status == "succeeded", job.error
    return BrokerageRun.objects.get(pk=job.result["run_id"])


def test_the_run_proposes_a_feasible_allocation_of_the_open_needs(
        kenya_fp: Any, peru_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    make_request(kenya_fp)
    make_request(peru_fp, state="PER", urgent=False)
    make_request(kenya_fp, submit=False)  # drafts are not brokered
    make_offer(unicri_fp)
    data, excluded = selectors.brokerage_problem(as_of=__import__("datetime").date.today())
    assert len(data["requests"]) == 2 and excluded == []
    run = _run(secretariat)
    proposals = list(run.proposals.all())
    solution = {"allocations": [{"request_line": f"RL{p.request_line_id}",
                                 "offer_line": f"OL{p.offer_line_id}", "quantity": p.quantity}
                                for p in proposals]}
    assert check_solution(load_problem(data), solution) == []
    # 30 expert-days for two lines of 20: urgent Kenya is served in full, Peru gets the rest.
    assert sorted(p.quantity for p in proposals) == [10, 20]
    assert run.solver_status == "optimal" and run.status == "done"


def test_accepting_a_proposal_commits_capacity_and_marks_the_request_matched(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    request = make_request(kenya_fp)
    make_offer(unicri_fp)
    proposal = _run(secretariat).proposals.get()
    commitment = services.proposal_accept(user=secretariat, proposal=proposal)
    request.refresh_from_db()
    assert request.status == "matched" and request.responded_at is not None
    assert (commitment.requested, commitment.committed, commitment.delivered) == (20, 20, 0)
    assert OfferLine.objects.get(pk=proposal.offer_line_id).committed == 20
    activity = commitment.activity
    assert activity is not None and activity.beneficiary_id == request.state_id
    assert activity.implementer.key == "unicri" and activity.themes == ["corruption"]
    # The focal point sees the committed line on its request; Peru's does not see it at all.
    assert list(selectors.commitment_list(user=kenya_fp, request=request)) == [commitment]
    assert selectors.request_lines_served(request=request)[0][1:] == (20, 0)
    with pytest.raises(ApplicationError) as again:
        services.proposal_accept(user=secretariat, proposal=proposal)
    assert again.value.status == 409


def test_a_proposal_whose_capacity_was_taken_is_refused_and_writes_nothing(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    make_request(kenya_fp)
    make_offer(unicri_fp, lines=[{"kind": "expert_days", "themes": ["corruption"],
                                  "capacity": 20}])
    first = _run(secretariat).proposals.get()
    make_request(kenya_fp, lines=[expert_line(quantity=20)])
    # A second run proposes nothing new: the capacity is still free until someone accepts.
    second_run = _run(secretariat)
    rival = second_run.proposals.get()
    services.proposal_accept(user=secretariat, proposal=rival)
    with pytest.raises(ApplicationError) as refused:
        services.proposal_accept(user=secretariat, proposal=first)
    assert refused.value.status == 409 and refused.value.code in {"capacity_taken",
                                                                  "over_served"}
    assert Commitment.objects.count() == 1
    assert Proposal.objects.get(pk=first.pk).status == "proposed"


def test_only_the_secretariat_decides_and_rejection_needs_a_reason(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    make_request(kenya_fp)
    make_offer(unicri_fp)
    proposal = _run(secretariat).proposals.get()
    with pytest.raises(PermissionDenied):
        services.proposal_accept(user=unicri_fp, proposal=proposal)
    with pytest.raises(ApplicationError) as reasonless:
        services.proposal_reject(user=secretariat, proposal=proposal, reason=" ")
    assert "reason" in reasonless.value.fields
    rejected = services.proposal_reject(user=secretariat, proposal=proposal,
                                        reason="Provider unavailable")
    assert rejected.status == "rejected" and rejected.decided_by_id == secretariat.pk


def test_unserved_lines_say_why_including_funds_in_other_currencies(
        kenya_fp: Any, secretariat: Any, make_request: Any) -> None:
    request = make_request(kenya_fp, lines=[
        expert_line(), {"kind": "funds", "theme_id": "corruption", "quantity": 9000,
                        "currency": "EUR"}])
    run = _run(secretariat)
    reasons = {u["request_line"]: u["why"] for u in run.unserved}
    expert, funds = request.lines.order_by("id")
    assert reasons[f"RL{expert.pk}"].startswith("no compatible offer")
    assert "EUR" in reasons[f"RL{funds.pk}"]


def test_delivery_is_tracked_within_the_commitment(
        kenya_fp: Any, unicri_fp: Any, secretariat: Any, make_request: Any,
        make_offer: Any) -> None:
    make_request(kenya_fp)
    make_offer(unicri_fp)
    commitment = services.proposal_accept(user=secretariat,
                                          proposal=_run(secretariat).proposals.get())
    assert services.commitment_deliver(user=secretariat, commitment=commitment,
                                       delivered=5).delivered == 5
    with pytest.raises(ApplicationError) as refused:
        services.commitment_deliver(user=secretariat, commitment=commitment, delivered=21)
    assert "delivered" in refused.value.fields


def test_a_long_request_title_still_makes_a_valid_activity(
        kenya_fp: Any, secretariat: Any, make_request: Any, make_offer: Any) -> None:
    from clearinghouse.registry.models import Organization

    Organization.objects.filter(key="world_bank").update(acronym="", name="N" * 100)
    make_request(kenya_fp, title="T" * 200)
    make_offer(secretariat, provider="world_bank")  # no acronym: the long name is appended
    commitment = services.proposal_accept(user=secretariat,
                                          proposal=_run(secretariat).proposals.get())
    assert commitment.activity is not None and len(commitment.activity.title) == 250
    assert commitment.activity.title.endswith("N" * 100 + ")")


def test_funds_in_other_currencies_are_brokered_in_dollars_at_the_months_rates(
        kenya_fp: Any, secretariat: Any, finance: Any, make_request: Any,
        make_offer: Any) -> None:
    import datetime as dt

    from clearinghouse.finance import services as finance_services

    month = dt.date.today().replace(day=1)
    finance_services.exchange_rate_set(user=finance, currency="EUR", month=month,
                                       per_usd="0.92")
    finance_services.exchange_rate_set(user=finance, currency="GBP", month=month,
                                       per_usd="0.79")
    request = make_request(kenya_fp, lines=[{"kind": "funds", "theme_id": "corruption",
                                             "quantity": 9200, "currency": "EUR"}])
    offer = make_offer(secretariat, provider="undp", lines=[
        {"kind": "funds", "themes": ["corruption"], "capacity": 50000, "currency": "GBP"}])
    proposal = _run(secretariat).proposals.get()
    assert proposal.quantity == 10000  # EUR 9,200 at 0.92 per dollar
    commitment = services.proposal_accept(user=secretariat, proposal=proposal)
    assert (commitment.committed, commitment.provider_units) == (9200, 7900)  # GBP at 0.79
    assert OfferLine.objects.get(offer=offer).committed == 7900
    request.refresh_from_db()
    assert request.status == "matched"
    assert _run(secretariat).proposals.count() == 0  # the need is met: nothing left to broker
