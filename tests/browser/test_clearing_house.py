"""Browser journey through the clearing-house, in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from clearinghouse.assistance import services
from clearinghouse.registry.models import Organization
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, databases="__all__")]
PASSWORD = "pw-for-tests-only"


def test_urgent_request_is_brokered_accepted_and_seen_as_matched_by_its_state(
        page: Page, live_server: Any, make_user: Any) -> None:
    make_user("state_focal_point", state="KEN", username="wanjiru")
    make_user("secretariat", username="amina")
    provider = make_user("provider_focal_point", organization="unicri", username="marco")
    services.offer_create(user=provider, values={
        "provider_id": Organization.objects.get(key="unicri").pk,
        "title": "UNICRI prosecution experts"}, lines=[
        {"kind": "expert_days", "themes": ["corruption"], "expertise": ["prosecution"],
         "languages": ["en", "fr"], "capacity": 40}])

    # 1. Kenya's focal point submits an urgent request.
    log_in(page, live_server, "wanjiru", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Requests").click()
    page.get_by_role("link", name="New request").click()
    page.get_by_label("Type").select_option("urgent_operation")
    page.get_by_label("Title").fill("Mission on a corruption case backlog")
    page.get_by_label("Urgent need").check()
    page.get_by_label("Anti-corruption").check()
    page.get_by_label("Kind (line 1)").select_option("expert_days")
    page.get_by_label("Theme (line 1)").select_option("corruption")
    page.get_by_label("Expertise (line 1)").select_option("prosecution")
    page.get_by_label("Language (line 1)").fill("en")
    page.get_by_label("Quantity (line 1)").fill("15")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.locator("#request-status")).to_have_text("Submitted")
    request_url = page.url

    # 2. An officer runs the brokerage and accepts the proposal.
    page.context.clear_cookies()
    log_in(page, live_server, "amina", PASSWORD)
    expect(page.locator("#unmatched-urgent")).to_contain_text("Mission on a corruption case")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Brokerage").click()
    page.get_by_role("link", name="Run brokerage now").click()
    page.get_by_role("button", name="Start the run").click()
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "100")
    page.get_by_role("link", name="Open the run's proposals").click()
    proposals = page.locator("#proposals")
    expect(proposals).to_contain_text("REQ-")
    expect(proposals).to_contain_text("compatible")
    proposals.get_by_role("button", name="Accept").first.click()
    expect(page.get_by_role("status")).to_contain_text("accepted: commitment recorded")

    # 3. The focal point sees "matched" and the committed line.
    page.context.clear_cookies()
    log_in(page, live_server, "wanjiru", PASSWORD)
    page.goto(request_url)
    expect(page.locator("#request-status")).to_have_text("Matched")
    commitments = page.locator("#commitments")
    expect(commitments).to_contain_text("UNICRI")
    expect(commitments).to_contain_text("15")
    expect(page.locator("#need-lines")).to_contain_text("15 expert-days")
