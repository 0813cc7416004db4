"""Demo clearing-house records: two States' requests and three providers' offers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from clearinghouse.assistance import services
from clearinghouse.registry.models import Organization, State


def demo_clearing_house(*, secretariat: Any, kenya_fp: Any, peru_fp: Any, unicri_fp: Any
                        ) -> None:
    """Create Kenya's urgent request, Peru's training request, and offers that can meet them."""
    kenya, peru = State.objects.get(iso3="KEN"), State.objects.get(iso3="PER")
    urgent = services.request_create(user=kenya_fp, values={
        "type": "urgent_operation", "state_id": kenya.pk, "urgent": True,
        "title": "Advisory mission on prosecuting corruption cases",
        "description": "Backlog of grand-corruption cases after the new anti-corruption law.",
        "themes": ["corruption"]}, lines=[
        {"kind": "expert_days", "theme_id": "corruption", "expertise_id": "prosecution",
         "language": "en", "quantity": 20},
        {"kind": "funds", "theme_id": "corruption", "quantity": 40000, "currency": "USD"}])
    services.request_transition(user=kenya_fp, request=urgent, action="submit")
    training = services.request_create(user=peru_fp, values={
        "type": "training", "state_id": peru.pk, "title": "Training of prison managers",
        "themes": ["prisons"]}, lines=[
        {"kind": "training_places", "theme_id": "prisons", "language": "es",
         "subject": "Prison management and the Standard Minimum Rules", "quantity": 12}])
    services.request_transition(user=peru_fp, request=training, action="submit")
    today = dt.date.today()
    unicri = Organization.objects.get(key="unicri")
    services.offer_create(user=unicri_fp, values={
        "provider_id": unicri.pk, "title": "UNICRI experts and training courses"}, lines=[
        {"kind": "expert_days", "themes": ["corruption", "organized-crime"],
         "expertise": ["prosecution", "corruption"], "languages": ["en", "fr"],
         "capacity": 60, "available_from": today, "available_until": today.replace(
             year=today.year + 1)},
        {"kind": "training_places", "themes": ["prisons", "juvenile-justice"],
         "languages": ["es", "en"], "subject": "Prison management", "capacity": 30}])
    services.offer_create(user=secretariat, values={
        "provider_id": Organization.objects.get(key="undp").pk,
        "title": "Rule-of-law window for Africa"}, lines=[
        {"kind": "funds", "themes": ["corruption", "justice-administration"],
         "regions": ["002"], "capacity": 150000, "currency": "USD"}])
