"""Deterministic generator of realistic programme documents for the benchmarks.

Sizes: ``small`` (~2-3 KB: 5 partners, 20 activities, 10 indicators), ``medium`` (~50 KB: 30
partners, 120 activities with sessions, 40 indicators), and batches of small ones.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

KINDS = ["seminar", "supervision_group", "intervision", "training_course", "facilitation_meeting"]
GROUPS = ["social_workers", "social_work_managers", "families", "children"]
COUNTRIES = ["LT", "LV", "CZ", "PL"]


def _activity(rng: random.Random, i: int, start: date, sessions: int, orgs: int) -> dict[str, Any]:
    activity: dict[str, Any] = {"id": f"a{i}", "kind": rng.choice(KINDS)}
    if i % 2 == 0:
        low = rng.randint(1, 4)
        activity["sessions_actual"] = rng.randint(1, 40)
        activity["hours_per_session"] = {"min": low, "max": low + 1, "unit": "clock_hour"}
    if i % 4 == 0:
        activity["participants"] = [
            {
                "group": rng.choice(GROUPS),
                "count": rng.randint(5, 40),
                "organisations": [f"o{rng.randrange(orgs)}"],
            }
        ]
    if sessions:
        activity["sessions"] = [
            {
                "date": (start + timedelta(days=rng.randint(0, 700))).isoformat(),
                "hours": {"min": 2, "max": 3, "unit": "academic_hour"},
                "participants": [{"group": "social_workers", "count": rng.randint(5, 25)}],
                "location": rng.choice(["Vilnius", "Rīga", "Ostrava", "Kaunas"]),
            }
            for _ in range(sessions)
        ]
    return activity


def programme(
    seed: int, *, orgs: int = 5, activities: int = 20, indicators: int = 10, sessions: int = 0
) -> dict[str, Any]:
    """One programme document as plain JSON-ready data."""
    rng = random.Random(seed)
    start = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3000))
    end = start + timedelta(days=rng.randint(365, 1500))
    total = rng.randint(10_000, 5_000_000)
    eu = total * 85 // 100
    return {
        "schema_version": "1.0",
        "id": f"p{seed}",
        "code": f"07-003-P-{seed % 10000:04d}",
        "title": {"lt": f"Projektas {seed}", "en": f"Project {seed}"},
        "country": rng.choice(COUNTRIES),
        "funding_instruments": ["esf_plus"],
        "periods": [{"start": start.isoformat(), "end": end.isoformat(), "status": "planned"}],
        "organisations": [
            {"id": f"o{j}", "name": {"lt": f"Organizacija {j}"}, "kind": "ngo"} for j in range(orgs)
        ],
        "partners": [{"organisation": f"o{j}", "role": "partner"} for j in range(orgs)],
        "budget": {
            "total": {"amount": f"{total}.00", "currency": "EUR"},
            "sources": [
                {"kind": "eu_fund", "amount": {"amount": f"{eu}.00", "currency": "EUR"}},
                {
                    "kind": "national_budget",
                    "amount": {"amount": f"{total - eu}.00", "currency": "EUR"},
                },
            ],
        },
        "activities": [_activity(rng, i, start, sessions, orgs) for i in range(activities)],
        "indicators": [
            {
                "id": f"i{j}",
                "kind": "output",
                "name": {"en": f"Indicator {j}"},
                "unit": "persons",
                "target": rng.randint(10, 500),
                **(
                    {"actuals": [{"value": rng.randint(0, 600), "as_of": end.isoformat()[:7]}]}
                    if j % 2
                    else {}
                ),
            }
            for j in range(indicators)
        ],
    }


def small(seed: int) -> dict[str, Any]:
    """A small programme (~2-3 KB)."""
    return programme(seed)


def medium(seed: int) -> dict[str, Any]:
    """A medium programme (~50 KB)."""
    return programme(seed, orgs=30, activities=100, indicators=40, sessions=3)


if __name__ == "__main__":
    for name, make in (("small", small), ("medium", medium)):
        print(name, len(json.dumps(make(1)).encode()), "bytes")
