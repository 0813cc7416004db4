"""Demo users and records, created through the same services users call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from clearinghouse.access.models import Role
from clearinghouse.access.services import user_create_with_role
from clearinghouse.assistance.demo import demo_clearing_house
from clearinghouse.finance.demo import demo_finance
from clearinghouse.mandates import services as mandates
from clearinghouse.registry import services
from clearinghouse.registry.models import Organization, State

DEMO_PASSWORD = "clearinghouse-demo"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    scope: str


LOGINS = [
    DemoLogin("admin", "superuser (all rights, admin back-office)", ""),
    DemoLogin("secretariat", Role.Kind.SECRETARIAT.label, ""),
    DemoLogin("finance", Role.Kind.FINANCE.label, ""),
    DemoLogin("kenya", Role.Kind.STATE_FOCAL_POINT.label, "KEN"),
    DemoLogin("peru", Role.Kind.STATE_FOCAL_POINT.label, "PER"),
    DemoLogin("unicri", Role.Kind.PROVIDER_FOCAL_POINT.label, "unicri"),
    DemoLogin("commission", Role.Kind.COMMISSION_READER.label, ""),
]


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create the demo users and records once; return the demo logins. Safe to run again."""
    if get_user_model().objects.filter(username="secretariat").exists():
        return LOGINS
    kenya, peru = State.objects.get(iso3="KEN"), State.objects.get(iso3="PER")
    unicri = Organization.objects.get(key="unicri")
    users = {
        "admin": user_create_with_role(username="admin", password=DEMO_PASSWORD,
                                       kind=Role.Kind.SECRETARIAT, superuser=True,
                                       full_name="Site Administrator"),
        "secretariat": user_create_with_role(
            username="secretariat", password=DEMO_PASSWORD, kind=Role.Kind.SECRETARIAT,
            full_name="Amina Diallo", email="a.diallo@example.org"),
        "finance": user_create_with_role(
            username="finance", password=DEMO_PASSWORD, kind=Role.Kind.FINANCE,
            full_name="Lars Eriksson", email="l.eriksson@example.org"),
        "kenya": user_create_with_role(
            username="kenya", password=DEMO_PASSWORD, kind=Role.Kind.STATE_FOCAL_POINT,
            state_id=kenya.pk, full_name="Wanjiru Kamau", email="w.kamau@example.go.ke"),
        "peru": user_create_with_role(
            username="peru", password=DEMO_PASSWORD, kind=Role.Kind.STATE_FOCAL_POINT,
            state_id=peru.pk, full_name="Lucía Quispe", email="l.quispe@example.gob.pe"),
        "unicri": user_create_with_role(
            username="unicri", password=DEMO_PASSWORD, kind=Role.Kind.PROVIDER_FOCAL_POINT,
            organization_id=unicri.pk, full_name="Marco Rossi", email="m.rossi@example.org"),
        "commission": user_create_with_role(
            username="commission", password=DEMO_PASSWORD, kind=Role.Kind.COMMISSION_READER,
            full_name="Commission Reader"),
    }
    secretariat = users["secretariat"]
    for user, state, ministry in [
        (users["kenya"], kenya, "Ministry of Interior and National Administration"),
        (users["peru"], peru, "Ministerio del Interior"),
    ]:
        services.organization_create(user=user, values={
            "type": "government", "name": ministry, "country_id": state.pk,
        }, reason="demo data")
        services.focal_point_create(user=secretariat, values={
            "name": user.get_full_name(), "email": user.email, "state_id": state.pk,
            "title": "National focal point for technical cooperation",
        }, reason="demo data")
    services.organization_create(user=secretariat, values={
        "type": "government", "name": "Office of the Director of Public Prosecutions",
        "acronym": "ODPP", "country_id": kenya.pk, "published": True,
    }, reason="demo data")
    services.focal_point_create(user=secretariat, values={
        "name": "Marco Rossi", "email": "m.rossi@example.org", "organization_id": unicri.pk,
        "title": "Programme officer",
    }, reason="demo data")
    today = dt.date.today()
    experts: list[tuple[Any, dict[str, Any]]] = [
        (users["kenya"], {"name": "Joseph Otieno", "nominated_by_id": kenya.pk,
                          "nationality_id": kenya.pk, "expertise": ["prosecution", "corruption"],
                          "languages": ["en", "sw"], "regions": ["014"]}),
        (users["peru"], {"name": "Rosa Huamán", "nominated_by_id": peru.pk,
                         "nationality_id": peru.pk, "expertise": ["corrections",
                                                                  "juvenile-justice"],
                         "languages": ["es", "qu"], "regions": ["419"]}),
        (users["unicri"], {"name": "Giulia Bianchi", "organization_id": unicri.pk,
                           "expertise": ["criminal-statistics", "training"],
                           "languages": ["it", "en", "fr"], "regions": ["150", "002"]}),
        (secretariat, {"name": "Ahmed Haddad", "expertise": ["legislation", "standards-norms"],
                       "languages": ["ar", "fr", "en"], "regions": ["145", "015"]}),
    ]
    for user, values in experts:
        services.expert_create(user=user, values={
            **values, "available_from": today, "available_until": today + dt.timedelta(days=365),
        }, reason="demo data")
    demo_clearing_house(secretariat=secretariat, kenya_fp=users["kenya"],
                        peru_fp=users["peru"], unicri_fp=users["unicri"])
    demo_finance(finance=users["finance"])
    # The resolution this system implements, as its 1992 scan, with its mandates to follow.
    mandates.session_calendar_load()
    mandates.resolution_ingest(user=secretariat, document=mandates.document_read(
        Path(mandates.__file__).parent / "demo" / "E_RES_1992_22.txt"))
    return LOGINS
