from decimal import Decimal

import pytest

from capacitylib.rules import RuleOptions
from tests.rules._builders import codes_at, document, findings, with_activity

SOCIAL_SERVICES = ["ventspils", "saldus", "kuldiga", "talsi", "tukums", "dobele", "roja"]


def cilveks(stated, partners=SOCIAL_SERVICES):
    """'Partnerība: projektā piedalās 7 reģionālie partneri (novadu sociālie dienesti)'."""
    organisations = [
        {"id": "c-modulis", "name": {"lv": 'Nodibinājums "C Modulis"'}, "kind": "foundation"}
    ] + [
        {
            "id": f"sd-{p}",
            "name": {"lv": f"{p} sociālais dienests"},
            "kind": "municipal_social_service",
        }
        for p in SOCIAL_SERVICES
    ]
    return document(
        id="lv-2012.EEZ-PP-1-MEC-132",
        code="2012.EEZ/PP/1/MEC/132",
        country="LV",
        periods=[{"start": "2013-11-01", "end": "2015-04-30"}],
        organisations=organisations,
        partners=[{"organisation": "c-modulis", "role": "lead_implementer"}]
        + [{"organisation": f"sd-{p}", "role": "partner"} for p in partners],
        stated_partner_count=stated,
        activities=[],
    )


@pytest.mark.parametrize(("stated", "reported"), [(7, False), (8, False), (6, True), (9, True)])
def test_stated_partner_count_against_listed_partners(stated, reported):
    """7 partners listed: 7 (without the lead) or 8 (with it) agree, 6 or 9 do not."""
    expected = ["stated_partner_count"] if reported else []
    assert codes_at(cilveks(stated), "partner_count_differs_from_listed") == expected


def test_partner_count_finding_values():
    """The finding states the listed range and the stated figure."""
    doc = cilveks(7, partners=SOCIAL_SERVICES[:5])
    (found,) = [f for f in findings(doc) if f.code == "partner_count_differs_from_listed"]
    assert found.severity == "warning"
    assert (found.value, found.values) == (7, {"listed_min": 5, "listed_max": 6})


def test_partner_count_without_partner_list_is_silent():
    """A stated count with no partners listed cannot be compared."""
    doc = cilveks(7)
    doc["partners"] = []
    doc["organisations"] = []
    assert findings(doc) == []


SEMINARS = [
    {"date": "--03-30", "status": "completed", "location": "Kaunas"},
    {"date": "--04", "status": "planned", "location": "Klaipėdos regionas"},
    {"date": "--04", "status": "planned", "location": "Telšių regionas"},
    {"date": "--05", "status": "cancelled", "location": "Vilnius"},
    {"date": "--06", "location": "Marijampolė"},
]


@pytest.mark.parametrize(
    ("stated", "reported"),
    [
        (2, False),
        ({"min": 1, "max": 3}, False),
        (5, True),
        (1, True),
        ({"min": 1, "approximate": True}, True),
    ],
)
def test_sessions_actual_against_listed_sessions(stated, reported):
    """Sessions held are the listed ones not planned or cancelled: here 2 of 5."""
    doc = with_activity(sessions_actual=stated, sessions=SEMINARS)
    doc["periods"] = []
    expected = ["activities[0].sessions_actual"] if reported else []
    assert codes_at(doc, "session_count_differs_from_listed") == expected


def test_approximate_count_is_widened():
    """'cca 3' widened by 25% is 2.25-3.75, which 2 held contradicts; widened by 50% it does not."""
    doc = with_activity(sessions_actual={"min": 3, "approximate": True}, sessions=SEMINARS)
    doc["periods"] = []
    assert codes_at(doc, "session_count_differs_from_listed") == ["activities[0].sessions_actual"]
    loose = RuleOptions(approximate_margin=Decimal("0.5"))
    assert codes_at(doc, "session_count_differs_from_listed", options=loose) == []


def test_sessions_actual_without_listed_sessions_is_silent():
    """'2023 m. organizavo keturias intervizijas' with no session list is not judged."""
    assert findings(with_activity(sessions_actual=4)) == []


def supervision(sessions_actual, *, approximate=True, groups=22, **fields):
    """Seed 001: supervision 'obvykle s cca 2-3 měsíčním odstupem' at 22 contact points."""
    return with_activity(
        sessions_actual=sessions_actual,
        frequency={"every": {"min": 2, "max": 3, "approximate": approximate}, "unit": "month"},
        groups=groups,
        **fields,
    )


def test_the_seed_114_supervisions_fit_every_2_to_3_months_at_22_sites():
    """114 sessions over 16 months at 22 sites is within 88-242 (110-198 exactly): no finding."""
    assert findings(supervision(114)) == []
    assert findings(supervision(114, approximate=False)) == []


@pytest.mark.parametrize(
    ("sessions", "approximate", "reported"),
    [
        (110, False, False),
        (198, False, False),
        (109, False, True),
        (199, False, True),
        (88, True, False),
        (242, True, False),
        (87, True, True),
        (243, True, True),
    ],
)
def test_frequency_range_bounds(sessions, approximate, reported):
    """Per group 5-9 sessions (4-11 when approximate) over 16 months, times 22 groups."""
    doc = supervision(sessions, approximate=approximate)
    expected = ["activities[0].sessions_actual"] if reported else []
    assert codes_at(doc, "session_count_outside_frequency_range") == expected


def test_frequency_finding_values():
    """The finding gives the implied range, per group and in all."""
    (found,) = findings(supervision(60, approximate=False))
    assert found.severity == "warning"
    assert found.values["implied_min"] == 110
    assert found.values["implied_max"] == 198
    assert (found.values["per_group_min"], found.values["per_group_max"]) == (5, 9)
    assert "110-198" in found.message


def test_frequency_uses_the_activity_period_first():
    """A monthly intervision over 2023 in one group holds 11-13 sessions; 4 is too few."""
    doc = with_activity(
        kind="intervision",
        period={"start": "2023-01-01", "end": "2023-12-31"},
        frequency={"every": 1, "unit": "month"},
        sessions_actual=4,
    )
    doc["periods"] = [{"start": "2022-12-08", "end": "2026-12-31"}]
    (found,) = findings(doc)
    assert (found.values["implied_min"], found.values["implied_max"]) == (11, 13)
    doc["activities"][0]["sessions_actual"] = 12
    assert findings(doc) == []


def test_planned_sessions_are_checked_too():
    """A planned count is compared with the frequency as well."""
    doc = with_activity(
        period={"start": "2013-11-01", "end": "2015-04-30"},
        frequency={"every": 6, "unit": "week"},
        sessions_planned=3,
    )
    doc["periods"] = []
    assert codes_at(doc, "session_count_outside_frequency_range") == [
        "activities[0].sessions_planned"
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"period": {"start": "2017-01-01"}},
        {"frequency": {"every": 0, "unit": "month"}},
        {"status": "cancelled"},
    ],
)
def test_frequency_without_usable_period_or_interval_is_silent(changes):
    """An open period, a zero interval or a cancelled activity is not judged."""
    doc = supervision(3, **{k: v for k, v in changes.items() if k != "frequency"})
    if "frequency" in changes:
        doc["activities"][0]["frequency"] = changes["frequency"]
    assert codes_at(doc, "session_count_outside_frequency_range") == []


def test_zero_shortest_interval_bounds_only_from_below():
    """'every 0-3 months' has no upper bound but still a lower one."""
    doc = supervision(1000, approximate=False)
    doc["activities"][0]["frequency"]["every"] = {"min": 0, "max": 3}
    assert findings(doc) == []
    doc["activities"][0]["sessions_actual"] = 50
    assert codes_at(doc, "session_count_outside_frequency_range") == [
        "activities[0].sessions_actual"
    ]


def test_no_frequency_no_finding():
    """Without a frequency only the listed sessions are compared."""
    assert findings(document()) == []
