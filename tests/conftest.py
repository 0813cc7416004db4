"""Shared fixtures: reference data loaded once, users for every role, and records per State."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from clearinghouse.access.models import Role
from clearinghouse.access.services import api_token_create, user_create_with_role
from clearinghouse.assistance.models import Theme
from clearinghouse.assistance.reference import themes_load
from clearinghouse.finance.reference import finance_seed_load
from clearinghouse.registry import services
from clearinghouse.registry.models import Organization, State
from clearinghouse.registry.reference import reference_load

# Request and offer factories, shared by the assistance and access tests.
pytest_plugins = ["tests.assistance.factories"]

_serial = itertools.count(1)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the shipped reference data once into the test database."""
    with django_db_blocker.unblock():
        reference_load()
        themes_load()
        finance_seed_load()


@pytest.fixture
def ref(db: Any) -> None:
    """Ensure the reference data is present (a transactional test may have flushed it)."""
    if not State.objects.exists():
        reference_load()
    if not Theme.objects.exists():
        themes_load()
        finance_seed_load()


@pytest.fixture
def make_user(ref: None) -> Callable[..., Any]:
    """Return a factory of users holding one role, scoped by State code or organization key."""

    def make(kind: str, *, state: str | None = None, organization: str | None = None,
             username: str | None = None) -> Any:
        return user_create_with_role(
            username=username or f"{kind}-{next(_serial)}", password="pw-for-tests-only",
            kind=kind, email="someone@example.org",
            state_id=State.objects.get(iso3=state).pk if state else None,
            organization_id=Organization.objects.get(key=organization).pk
            if organization else None,
        )

    return make


@pytest.fixture
def secretariat(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.SECRETARIAT)


@pytest.fixture
def finance(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.FINANCE)


@pytest.fixture
def kenya_fp(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.STATE_FOCAL_POINT, state="KEN")


@pytest.fixture
def peru_fp(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.STATE_FOCAL_POINT, state="PER")


@pytest.fixture
def unicri_fp(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.PROVIDER_FOCAL_POINT, organization="unicri")


@pytest.fixture
def reader(make_user: Callable[..., Any]) -> Any:
    return make_user(Role.Kind.COMMISSION_READER)


def login(user: Any) -> Client:
    """Return a test client logged in as ``user`` (CSRF checks on)."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def bearer(user: Any) -> dict[str, str]:
    """Return request headers carrying a fresh API token of ``user``."""
    _, raw = api_token_create(user=user, name="tests")
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def peru_records(peru_fp: Any, secretariat: Any) -> dict[str, Any]:
    """Create Peru's unpublished records, each through the service a real user would call."""
    peru = State.objects.get(iso3="PER")
    draft = services.organization_create(user=peru_fp, values={
        "type": "government", "name": "Instituto Nacional Penitenciario", "acronym": "INPE",
        "country_id": peru.pk})
    expert = services.expert_create(user=peru_fp, values={
        "name": "Rosa Huamán", "nominated_by_id": peru.pk, "expertise": ["corrections"],
        "languages": ["es"], "regions": ["419"]})
    focal_point = services.focal_point_create(user=secretariat, values={
        "name": "Lucía Quispe", "email": "l.quispe@example.gob.pe", "state_id": peru.pk})
    return {"organization": draft, "expert": expert, "focal_point": focal_point}


def _transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool((marker and marker.kwargs.get("transaction")) or "live_server" in fixtures
                or "transactional_db" in fixtures)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run transactional tests last: their flush empties the once-loaded reference data."""
    items.sort(key=_transactional)
