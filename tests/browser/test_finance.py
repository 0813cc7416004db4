"""Browser journey through the ledger, in real Chromium."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from clearinghouse.finance import services
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, databases="__all__")]
PASSWORD = "pw-for-tests-only"


def test_finance_officer_records_a_euro_pledge_and_receipt_seen_in_statement_and_donor_view(
        page: Page, live_server: Any, make_user: Any) -> None:
    officer = make_user("finance", username="lars")
    services.exchange_rate_set(user=officer, currency="EUR", month=dt.date(2026, 3, 1),
                               per_usd="0.8000")
    log_in(page, live_server, "lars", PASSWORD)
    page.goto(f"{live_server.url}/finance/entries/new/")
    page.get_by_label("Kind").select_option("pledge")
    page.get_by_label("Fund").select_option("crime-fund")
    page.get_by_label("Year").select_option("2026")
    page.get_by_label("Date").fill("2026-03-10")
    page.get_by_label("Amount").fill("40000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_label("Donor", exact=True).select_option("european_commission")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    expect(page.get_by_role("table")).to_contain_text("50000.00")  # 40,000 EUR at 0.80

    page.goto(f"{live_server.url}/finance/entries/new/")
    page.get_by_label("Kind").select_option("receipt")
    page.get_by_label("Fund").select_option("crime-fund")
    page.get_by_label("Year").select_option("2026")
    page.get_by_label("Date").fill("2026-03-20")
    page.get_by_label("Amount").fill("30000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_label("Pledge").select_option(label="Pledge EUR 40000.00 (2026-03-10)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")

    page.goto(f"{live_server.url}/finance/statements/2026/")
    balances = page.locator("#balances")
    expect(balances).to_contain_text("37,500.00")  # 30,000 EUR at 0.80 received
    expect(page.locator(".statement")).to_contain_text("European Commission")
    page.get_by_role("link", name="37,500.00").first.click()
    expect(page.get_by_role("table")).to_contain_text("30000.00")

    page.goto(f"{live_server.url}/finance/donors/?donor=european_commission")
    contribution = page.locator(".contribution")
    expect(contribution).to_contain_text("EUR 40,000.00")
    expect(contribution).to_contain_text("Received: 37,500.00 USD")
