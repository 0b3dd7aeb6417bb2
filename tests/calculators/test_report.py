"""The programme report: figures of every example, its JSON shape and its text summary."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import capacitylib
from capacitylib import ActivityKind, Programme
from capacitylib.calculators import ProgrammeReport, build_report, render_reports_text
from capacitylib.reference import ReferenceTables

from .strategies import programmes

SNAPSHOTS = Path(__file__).parent / "snapshots"
AS_OF = date(2024, 6, 30)
EXAMPLES = {p.id: p for p in capacitylib.load_examples()}
FIGURE_KEYS = {"min", "max"}


def _json(programme_id: str, **options: Any) -> dict[str, Any]:
    return build_report(EXAMPLES[programme_id], **options).to_json_dict()


@pytest.mark.parametrize("programme_id", sorted(EXAMPLES))
def test_report_json_snapshot(programme_id: str) -> None:
    """The JSON report of every example matches its reviewed snapshot.

    Regenerate after an intended change with CAPACITYLIB_UPDATE_SNAPSHOTS=1 and review the diff.
    """
    document = json.dumps(_json(programme_id, as_of=AS_OF), indent=2, ensure_ascii=False) + "\n"
    path = SNAPSHOTS / f"report-{programme_id}.json"
    if os.environ.get("CAPACITYLIB_UPDATE_SNAPSHOTS") == "1":
        path.write_text(document, encoding="utf-8")
    assert document == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("programme_id", sorted(EXAMPLES))
def test_report_has_the_required_keys(programme_id: str) -> None:
    """Every report has the keys of the issue, with figures as min/max objects or null."""
    data = _json(programme_id)
    assert {"code", "currency", "duration", "budget", "activities", "reach", "indicators"} <= set(
        data
    )
    assert {"start", "end", "days", "calendar"} <= set(data["duration"])
    assert {"total", "by_source"} <= set(data["budget"])
    for figures in data["activities"].values():
        assert set(figures) >= {"count", "sessions", "clock_hours", "person_hours"}
    for indicator in data["indicators"]:
        assert {"id", "unit", "target", "actual", "achievement"} <= set(indicator)
    _check_json(data)


def _check_json(value: Any) -> None:
    """No floats anywhere; every min/max object is ordered and exact."""
    if isinstance(value, float):
        pytest.fail(f"float in report JSON: {value!r}")
    if isinstance(value, dict):
        if set(value) == FIGURE_KEYS:
            low, high = (_number(value[k]) for k in ("min", "max"))
            assert low <= high
        for item in value.values():
            _check_json(item)
    elif isinstance(value, list):
        for item in value:
            _check_json(item)


def _number(value: Any) -> Decimal:
    assert isinstance(value, int | str)
    return Decimal(value)


def test_cz_report_figures() -> None:
    """CZ: 485 days, 1 year 4 months, 114 sessions of 228-342 h; unknown reach is null."""
    data = _json("cz-up-msk-supervision")
    assert data["code"] == "CZ.03.2.63/0.0/0.0/15_023/0001478"
    assert data["duration"]["days"] == {"min": 485, "max": 485}
    assert data["duration"]["calendar"] == {"years": 1, "months": 4, "days": 0}
    supervision = data["activities"]["supervision_team"]
    assert supervision == {
        "count": {"min": 1, "max": 1},
        "sessions": {"min": 114, "max": 114},
        "clock_hours": {"min": 228, "max": 342},
        "person_hours": None,
    }
    assert data["activities"]["facilitation_meeting"]["sessions"] == {"min": 34, "max": 34}
    assert data["reach"] == {"social_workers": None, "professionals_other": None}
    assert data["currency"] is None
    assert data["budget"]["total"] is None


def test_lt_esf_plus_report_figures() -> None:
    """LT ESF+: 1485 days, 4 years 24 days, the total as a string split exactly by year."""
    data = _json("lt-07-003-P-0001", as_of=AS_OF)
    assert data["duration"]["days"] == {"min": 1485, "max": 1485}
    assert data["duration"]["calendar"] == {"years": 4, "months": 0, "days": 24}
    assert data["duration"]["elapsed_days"] == {"min": 571, "max": 571}
    assert data["duration"]["remaining_days"] == {"min": 914, "max": 914}
    assert data["currency"] == "EUR"
    assert data["budget"]["total"] == "43940212.00"
    assert data["budget"]["by_source"] == {}
    assert data["budget"]["shares"] is None
    assert sum(Decimal(v) for v in data["budget"]["by_year"].values()) == Decimal("43940212.00")
    assert data["indicators"] == [
        {
            "id": "persons-receiving-integrated-help",
            "unit": "persons",
            "target": {"min": 4018, "max": 4018},
            "actual": None,
            "achievement": None,
            "kind": "result",
            "name": "Persons with disabilities or older persons who received integrated assistance",
            "target_group": "service_users",
            "target_date": "2026",
            "actual_as_of": None,
        }
    ]


def test_lt_seminar_report_figures() -> None:
    """LT seminars: one held seminar of 6 clock hours, four planned of 24 in all."""
    data = _json("lt-institutional-care-transition")
    assert data["duration"]["days"] is None
    assert data["activities"]["seminar"]["clock_hours"] == {"min": 6, "max": 6}
    assert data["activities_planned"]["seminar"]["sessions"] == {"min": 4, "max": 4}
    assert data["activities_planned"]["seminar"]["clock_hours"] == {"min": 24, "max": 24}


def test_lv_pilot_report_figures() -> None:
    """LV ESF: 30-32 social workers, 1980-2250 person-hours, 17 municipalities."""
    data = _json("lv-9.2.1.1-15-I-001")
    assert data["reach"] == {"social_workers": {"min": 30, "max": 32}}
    assert data["participations"] == {"social_workers": {"min": 32, "max": 32}}
    assert data["activities"]["pilot"]["person_hours"] == {"min": 1980, "max": 2250}
    assert len(data["municipalities_reached"]) == 17


def test_override_changes_report_hours() -> None:
    """Overridden academic-hour lengths reach the report, rounded to 2 places."""
    tables = ReferenceTables.default().with_overrides(academic_hour_minutes={"LV": 40})
    data = _json("lv-9.2.1.1-15-I-001", tables=tables)
    assert data["activities"]["pilot"]["person_hours"] == {"min": 1760, "max": 2000}
    lt = ReferenceTables.default().with_overrides(academic_hour_minutes={"LT": 40})
    seminar = _json("lt-institutional-care-transition", tables=lt)["activities"]["seminar"]
    assert seminar["clock_hours"] == {"min": "5.33", "max": "5.33"}


def test_planned_project_report() -> None:
    """A project of plans reports no achieved activities or reach, and its plans apart."""
    data = _json("lv-2012.EEZ-PP-1-MEC-132")
    assert data["activities"] == {}
    assert data["reach"] == {}
    assert data["activities_planned"]["seminar"]["sessions"] == {"min": 3, "max": 3}
    assert data["reach_planned"]["families_at_social_risk"] == {"min": 48, "max": 48}
    assert [i["target"] for i in data["indicators"]][:2] == [
        {"min": 14, "max": 14},
        {"min": 48, "max": 48},
    ]


def test_budget_in_report() -> None:
    """Sources, shares, partner totals and unit costs appear as decimal strings."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "country": "LV",
            "periods": [{"start": "2013-11-01", "end": "2015-04-30"}],
            "organisations": [{"id": "lead", "name": {"lv": "L"}, "kind": "foundation"}],
            "budget": {
                "total": {"amount": "100000.00", "currency": "EUR"},
                "sources": [
                    {"kind": "donor_grant", "amount": {"amount": "90000.00", "currency": "EUR"}},
                    {
                        "kind": "own_contribution_in_kind",
                        "amount": {"amount": "10000.00", "currency": "EUR"},
                    },
                ],
                "lines": [
                    {"organisation": "lead", "amount": {"amount": "100000.00", "currency": "EUR"}}
                ],
            },
            "activities": [
                {
                    "id": "t",
                    "kind": "training_course",
                    "sessions_actual": 3,
                    "participants": [{"group": "social_workers", "count": 14, "unique": True}],
                }
            ],
        }
    )
    data = build_report(programme).to_json_dict()
    budget = data["budget"]
    assert budget["by_source"] == {
        "donor_grant": "90000.00",
        "own_contribution_in_kind": "10000.00",
    }
    assert budget["shares"] == {
        "eu_rate": "0.9",
        "public_rate": "0.9",
        "own_contribution_rate": "0.1",
    }
    assert budget["by_partner"] == {"lead": "100000.00"}
    assert budget["cost_per"]["participant"] == {"min": "7142.86", "max": "7142.86"}
    assert budget["cost_per"]["session"] == {"min": "33333.33", "max": "33333.33"}
    assert budget["cost_per"]["clock_hour"] is None
    assert sum(Decimal(v) for v in budget["by_year"].values()) == Decimal("100000.00")


def test_mixed_currency_budget_is_a_note() -> None:
    """A budget mixing currencies does not stop the report: its figures are null, with a note."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "budget": {
                "sources": [
                    {"kind": "eu_fund", "amount": {"amount": "1.00", "currency": "EUR"}},
                    {"kind": "national_budget", "amount": {"amount": "1.00", "currency": "LVL"}},
                ]
            },
        }
    )
    data = build_report(programme).to_json_dict()
    assert data["budget"]["by_source"] == {}
    assert data["budget"]["total"] is None
    assert "LVL" in data["notes"][0]


def test_text_summary() -> None:
    """The text summary names the programme, its period, hours and reach."""
    text = build_report(EXAMPLES["cz-up-msk-supervision"], as_of=AS_OF).render_text()
    assert text.startswith("Developing and improving social work")
    assert "2016-11-01 .. 2018-02-28, 485 days (1 year 4 months 0 days)" in text
    assert "supervision_team" in text
    assert "clock hours 228-342" in text
    assert "social_workers (persons): unique unknown" in text
    lv = build_report(EXAMPLES["lv-9.2.1.1-15-I-001"]).render_text()
    assert "person-hours cca 1980-2250" in lv
    assert "Municipalities reached (17)" in lv


def test_text_of_several_reports() -> None:
    """Several summaries are separated by one blank line."""
    reports = [build_report(p) for p in EXAMPLES.values()]
    text = render_reports_text(reports)
    assert text.count("\n\n") == len(reports) - 1
    for report in reports:
        assert report.title in text


def test_report_object_keeps_exact_figures() -> None:
    """The report object holds exact figures; rounding happens only in rendering."""
    tables = ReferenceTables.default().with_overrides(academic_hour_minutes={"LT": 40})
    report = build_report(EXAMPLES["lt-institutional-care-transition"], tables=tables)
    assert isinstance(report, ProgrammeReport)
    hours = report.activities[ActivityKind.SEMINAR].clock_hours
    assert hours is not None
    assert str(hours.min).startswith("5.33333333333")


@settings(max_examples=50)
@given(programmes())
def test_report_json_of_any_programme(programme: Programme) -> None:
    """Any valid programme gives a JSON-serialisable report with ordered figures, no floats."""
    data = build_report(programme, as_of=AS_OF).to_json_dict()
    json.dumps(data)
    _check_json(data)
    assert build_report(programme).render_text()


def test_text_report_shows_shares_and_unit_costs_and_notes_an_unsplittable_total() -> None:
    """Funding shares and unit costs appear in the text; a sub-cent total is noted, not split."""
    from capacitylib import Programme
    from capacitylib.calculators import build_report

    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "Supervision for social workers"},
            "country": "CZ",
            "periods": [{"start": "2016-11-01", "end": "2018-02-28"}],
            "budget": {
                "total": {"amount": "1000.005", "currency": "EUR"},
                "sources": [
                    {"kind": "eu_fund", "amount": {"amount": "850.00", "currency": "EUR"}},
                    {"kind": "national_budget", "amount": {"amount": "150.005", "currency": "EUR"}},
                ],
            },
            "activities": [
                {
                    "id": "s",
                    "kind": "supervision_team",
                    "sessions_actual": 10,
                    "hours_per_session": {"min": 2, "unit": "clock_hour"},
                    "participants": [{"group": "social_workers", "count": 5, "unique": True}],
                }
            ],
        }
    )
    report = build_report(programme)
    text = report.render_text()
    assert "EU rate" in text
    assert "cost per session" in text
    assert report.to_json_dict()["budget"]["by_year"] is None
    assert any("not split by year" in note for note in report.notes)
