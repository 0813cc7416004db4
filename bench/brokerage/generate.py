"""Seeded generator of realistic brokerage problems: 12 themes, 3 kinds, 6 languages,
regional earmarks and skewed demand (a few themes and States ask for most)."""

from __future__ import annotations

import random
from typing import Any

THEMES = [f"T{i:02d}" for i in range(12)]
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"]
REGIONS = ["002", "009", "019", "142", "150"]
KINDS = ["expert_days", "training_places", "funds_usd"]
SIZES = {"tiny": (40, 10), "small": (200, 50), "medium": (2000, 400), "large": (20000, 4000)}


def generate(size: str, seed: int = 1992) -> dict[str, Any]:
    """Return a problem as JSON data for the named size."""
    requests_n, offers_n = SIZES[size]
    rng = random.Random(seed)
    theme_weights = [1 / (i + 1) for i in range(len(THEMES))]  # Zipf-like demand
    countries = [f"C{i:03d}" for i in range(150)]
    region_of = {c: rng.choice(REGIONS) for c in countries}
    requests = []
    for i in range(requests_n):
        country = rng.choices(countries, weights=[1 / (j + 1) ** 0.5 for j in range(150)])[0]
        lines = []
        for j in range(rng.choice([1, 1, 2, 3])):
            kind = rng.choice(KINDS)
            quantity = {"expert_days": rng.randint(5, 90), "training_places": rng.randint(1, 30),
                        "funds_usd": rng.randint(5, 200) * 1000}[kind]
            lines.append({"id": f"R{i}-{j}", "kind": kind,
                          "theme": rng.choices(THEMES, weights=theme_weights)[0],
                          "expertise": f"E{rng.randint(0, 9)}" if kind == "expert_days" else None,
                          "language": rng.choice([None, *LANGUAGES[:4]]), "quantity": quantity})
        requests.append({"id": f"R{i}", "country": country, "region": region_of[country],
                         "ldc": rng.random() < 0.3, "urgent": rng.random() < 0.15,
                         "submitted": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
                         "lines": lines})
    offers = []
    for i in range(offers_n):
        lines = []
        for j in range(rng.choice([1, 2])):
            kind = rng.choice(KINDS)
            capacity = {"expert_days": rng.randint(20, 400), "training_places": rng.randint(5, 120),
                        "funds_usd": rng.randint(20, 800) * 1000}[kind]
            lines.append({
                "id": f"O{i}-{j}", "kind": kind, "themes": rng.sample(THEMES, rng.randint(2, 5)),
                "expertise": [f"E{k}" for k in rng.sample(range(10), 3)]
                if kind == "expert_days" else None,
                "languages": rng.choice([None, rng.sample(LANGUAGES, 2)]),
                "regions": rng.choice([None, None, [rng.choice(REGIONS)]]),
                "countries": rng.choice([None] * 9 + [rng.sample(countries, 5)]),
                "capacity": capacity})
        offers.append({"id": f"O{i}", "provider": f"P{i}", "lines": lines})
    return {"as_of": "2026-11-27", "priority_themes": THEMES[:3], "requests": requests,
            "offers": offers}
