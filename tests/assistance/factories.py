"""Clearing-house fixtures: requests and offers made through the services a user would call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from clearinghouse.assistance import services
from clearinghouse.assistance.models import Offer, Request
from clearinghouse.registry.models import Organization, State


def expert_line(**extra: Any) -> dict[str, Any]:
    return {"kind": "expert_days", "theme_id": "corruption", "expertise_id": "prosecution",
            "language": "en", "quantity": 20, **extra}


@pytest.fixture
def make_request(ref: None) -> Callable[..., Request]:
    """Return a factory of requests by a focal point, submitted unless told otherwise."""

    def make(user: Any, *, state: str = "KEN", urgent: bool = True, submit: bool = True,
             lines: list[dict[str, Any]] | None = None, **values: Any) -> Request:
        request = services.request_create(user=user, values={
            "type": "advisory_services", "state_id": State.objects.get(iso3=state).pk,
            "title": "Advice on prosecuting corruption", "urgent": urgent,
            "themes": ["corruption"], **values}, lines=lines or [expert_line()])
        if submit:
            request = services.request_transition(user=user, request=request, action="submit")
        return request

    return make


@pytest.fixture
def make_offer(ref: None) -> Callable[..., Offer]:
    """Return a factory of offers posted by a provider's focal point or the Secretariat."""

    def make(user: Any, *, provider: str = "unicri", lines: list[dict[str, Any]] | None = None
             ) -> Offer:
        return services.offer_create(user=user, values={
            "provider_id": Organization.objects.get(key=provider).pk,
            "title": "Experts on corruption"}, lines=lines or [
            {"kind": "expert_days", "themes": ["corruption"], "expertise": ["prosecution"],
             "languages": ["en"], "capacity": 30}])

    return make
