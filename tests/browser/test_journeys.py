"""Browser journeys in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from clearinghouse.registry import services
from clearinghouse.registry.models import Organization, State
from tests.browser.conftest import log_in

# All database aliases: on PostgreSQL a job started from a page writes through "progress".
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, databases="__all__")]
PASSWORD = "pw-for-tests-only"


def test_focal_point_sees_only_own_states_records(
    page: Page, live_server: Any, make_user: Any
) -> None:
    kenya, peru = State.objects.get(iso3="KEN"), State.objects.get(iso3="PER")
    kenya_fp = make_user("state_focal_point", state="KEN", username="wanjiru")
    peru_fp = make_user("state_focal_point", state="PER", username="lucia")
    services.organization_create(user=kenya_fp, values={
        "type": "government", "name": "Kenya Prisons Service", "country_id": kenya.pk})
    services.organization_create(user=peru_fp, values={
        "type": "government", "name": "Instituto Nacional Penitenciario",
        "country_id": peru.pk})
    services.expert_create(user=kenya_fp, values={"name": "Joseph Otieno",
                                                  "nominated_by_id": kenya.pk})
    services.expert_create(user=peru_fp, values={"name": "Rosa Huamán",
                                                 "nominated_by_id": peru.pk})

    log_in(page, live_server, "wanjiru", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organizations").click()
    page.get_by_label("Type").select_option("government")
    page.get_by_role("button", name="Filter").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("Kenya Prisons Service")
    expect(table).not_to_contain_text("Instituto Nacional Penitenciario")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Experts").click()
    expect(page.get_by_role("table")).to_contain_text("Joseph Otieno")
    expect(page.get_by_role("table")).not_to_contain_text("Rosa Huamán")

    draft = Organization.objects.get(name="Instituto Nacional Penitenciario")
    response = page.goto(f"{live_server.url}/registry/organizations/{draft.pk}/")
    assert response is not None and response.status == 404


def test_secretariat_edits_an_organization_and_sees_it_in_the_audit_trail(
    page: Page, live_server: Any, make_user: Any
) -> None:
    make_user("secretariat", username="amina")
    unicri = Organization.objects.get(key="unicri")

    log_in(page, live_server, "amina", PASSWORD)
    page.goto(f"{live_server.url}/registry/organizations/{unicri.pk}/")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Note").fill("Focal point for criminal justice statistics training")
    page.get_by_label("Reason for the change").fill("Updated after the 2026 network meeting")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_contain_text("Saved.")
    history = page.get_by_role("region", name="History")
    expect(history).to_contain_text("amina")
    expect(history).to_contain_text("Updated after the 2026 network meeting")
    expect(history).to_contain_text("Focal point for criminal justice statistics training")
    unicri.refresh_from_db()
    assert unicri.note == "Focal point for criminal justice statistics training"


def test_typing_a_known_name_warns_of_a_duplicate_live(
    page: Page, live_server: Any, make_user: Any
) -> None:
    make_user("secretariat", username="amina")
    log_in(page, live_server, "amina", PASSWORD)
    page.goto(f"{live_server.url}/registry/organizations/new/")
    page.get_by_label("Name (English)").press_sequentially("Interregional Crime and Justice")
    warning = page.locator("#similar-live")
    expect(warning).to_contain_text("United Nations Interregional Crime and Justice Research")


def test_started_job_shows_its_progress_bar_to_the_end(
    page: Page, live_server: Any, make_user: Any
) -> None:
    make_user("secretariat", username="amina")
    log_in(page, live_server, "amina", PASSWORD)
    page.get_by_label("Start a job").select_option("registry.duplicate_scan")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Find possibly duplicated organizations")
    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("value", "100")
    expect(page.locator(".status")).to_have_text("Succeeded")


def test_officer_filters_the_tracker_and_records_a_follow_up(
    page: Page, live_server: Any, make_user: Any
) -> None:
    from clearinghouse.mandates import services as mandates
    from tests.mandates.parser.conftest import SEED

    officer = make_user("secretariat", username="amina")
    mandates.resolution_ingest(user=officer, document=mandates.document_read(SEED))
    log_in(page, live_server, "amina", PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Mandates").click()
    page.goto(f"{live_server.url}/mandates/tracker/")
    page.get_by_label("Actor").fill("Secretary-General")
    page.get_by_role("button", name="Filter").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("E/RES/1992/22 VII.4")
    expect(table).not_to_contain_text("E/RES/1992/22 VII.1")
    page.get_by_role("link", name="E/RES/1992/22 VII.4").click()
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Responsible person").fill("Chief, Crime Prevention Branch")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("table")).to_contain_text("In progress")
