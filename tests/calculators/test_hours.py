"""Training hours: academic to clock hours, sessions, hours per activity, person-hours, CPD."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import Activity, Estimate, Hours, Period
from capacitylib.calculators import (
    activity_clock_hours,
    clock_hours,
    cpd_comparison,
    hours_per_worker,
    hours_per_worker_by_year,
    person_hours,
    round_estimate,
    session_count,
)
from capacitylib.reference import ReferenceTables

from .strategies import activities, hours

AT_40 = ReferenceTables.default().with_overrides(academic_hour_minutes={"LV": 40})


def _activity(programme_id: str, activity_id: str) -> tuple[capacitylib.Programme, Activity]:
    programme = next(p for p in capacitylib.load_examples() if p.id == programme_id)
    return programme, programme.activity(activity_id)


def _pair(value: Estimate | None) -> tuple[object, object] | None:
    return None if value is None else (value.min, value.max)


def test_cz_supervision_is_228_to_342_hours() -> None:
    """114 supervision meetings of 2-3 hours make 228-342 clock hours."""
    programme, supervision = _activity("cz-up-msk-supervision", "supervision")
    assert _pair(session_count(supervision)) == (114, 114)
    hours_ = activity_clock_hours(supervision, country=programme.country)
    assert _pair(hours_) == (228, 342)


def test_lt_seminar_is_6_clock_hours() -> None:
    """The Kaunas seminar of 8 academic hours is 6 clock hours at 45 minutes; 4 more are planned."""
    programme, seminars = _activity("lt-institutional-care-transition", "cluster-seminars")
    assert _pair(session_count(seminars)) == (1, 1)
    assert _pair(activity_clock_hours(seminars, country=programme.country)) == (6, 6)
    assert _pair(session_count(seminars, scope="planned")) == (4, 4)
    assert _pair(activity_clock_hours(seminars, scope="planned", country="LT")) == (24, 24)
    assert _pair(activity_clock_hours(seminars, scope="all", country="LT")) == (30, 30)


def test_lv_pilot_hours_at_45_and_40_minutes() -> None:
    """88-100 academic hours are 66-75 clock hours at 45 minutes and 58.7-66.7 at 40."""
    _, pilot = _activity("lv-9.2.1.1-15-I-001", "violence-methodology-pilot")
    per_worker = hours_per_worker(pilot, country="LV")
    assert _pair(per_worker) == (66, 75)
    assert per_worker is not None
    assert per_worker.approximate
    at_40 = hours_per_worker(pilot, country="LV", tables=AT_40)
    assert at_40 is not None
    assert _pair(round_estimate(at_40, 1)) == (Decimal("58.7"), Decimal("66.7"))


def test_lv_pilot_person_hours() -> None:
    """30 social workers x 66-75 clock hours make 1980-2250 person-hours."""
    _, pilot = _activity("lv-9.2.1.1-15-I-001", "violence-methodology-pilot")
    assert _pair(person_hours(pilot, country="LV")) == (1980, 2250)
    assert activity_clock_hours(pilot, country="LV") is None  # session time is not stated


@pytest.mark.parametrize(
    ("stated", "country", "expected"),
    [
        (Hours.exact(8, unit="academic_hour"), "LT", (6, 6)),
        (Hours.range(88, 100, unit="academic_hour"), "LV", (66, 75)),
        (Hours.exact(2, unit="day"), None, (16, 16)),
        (Hours.range(2, 3, unit="clock_hour"), None, (2, 3)),
        (
            Hours.model_validate(
                {"min": 6, "max": 6, "unit": "academic_hour", "academic_hour_minutes": 50}
            ),
            "LV",
            (5, 5),
        ),
    ],
)
def test_clock_hours(stated: Hours, country: str | None, expected: tuple[int, int]) -> None:
    """Clock hours use the stated length, else the country's table, and 8 h per day."""
    assert _pair(clock_hours(stated, country=country)) == expected


def test_stated_minutes_win_over_override() -> None:
    """A length stated on the hours wins over the (overridden) country table."""
    stated = Hours.model_validate(
        {"min": 6, "max": 6, "unit": "academic_hour", "academic_hour_minutes": 50}
    )
    assert _pair(clock_hours(stated, country="LV", tables=AT_40)) == (5, 5)


def test_academic_hours_of_unknown_length_are_unknown() -> None:
    """Without a country in the table or a stated length, clock hours are None, never 0."""
    assert clock_hours(Hours.exact(8, unit="academic_hour"), country=None) is None
    assert clock_hours(Hours.exact(8, unit="academic_hour"), country="DE") is None


def test_hours_per_day_is_overridable() -> None:
    """Days convert with the hours_per_day option."""
    assert _pair(clock_hours(Hours.exact(2, unit="day"), hours_per_day=6)) == (12, 12)


def test_planned_activity_has_no_achieved_figures() -> None:
    """A planned activity's sessions are plans: achieved figures are None, planned ones stated."""
    _, seminars = _activity("lv-2012.EEZ-PP-1-MEC-132", "regional-seminars")
    assert session_count(seminars) is None
    assert _pair(session_count(seminars, scope="planned")) == (3, 3)
    assert activity_clock_hours(seminars, scope="planned", country="LV") is None


def test_cancelled_activity_counts_nothing() -> None:
    """A cancelled activity has no figures in any scope."""
    a = Activity.model_validate(
        {"id": "x", "kind": "seminar", "status": "cancelled", "sessions_actual": 3}
    )
    assert session_count(a, scope="all") is None


def test_listed_sessions_use_their_own_hours() -> None:
    """Listed sessions add their own hours, falling back to the activity's hours per session."""
    a = Activity.model_validate(
        {
            "id": "s",
            "kind": "seminar",
            "status": "completed",
            "hours_per_session": {"min": 2, "unit": "clock_hour"},
            "sessions": [
                {"date": "2020-01", "hours": {"min": 8, "unit": "academic_hour"}},
                {"date": "2020-02"},
                {"date": "2020-03", "status": "cancelled"},
            ],
        }
    )
    assert _pair(session_count(a)) == (2, 2)
    assert _pair(activity_clock_hours(a, country="LT")) == (8, 8)


def test_sessions_actual_times_hours_when_not_all_listed() -> None:
    """When the count exceeds the listed sessions, hours are count x hours per session."""
    a = Activity.model_validate(
        {
            "id": "s",
            "kind": "seminar",
            "sessions_actual": 10,
            "hours_per_session": {"min": 2, "unit": "clock_hour"},
            "sessions": [{"date": "2020-01", "hours": {"min": 5, "unit": "clock_hour"}}],
        }
    )
    assert _pair(activity_clock_hours(a)) == (20, 20)


def test_person_hours_per_session() -> None:
    """Participants listed per session give person-hours session by session."""
    a = Activity.model_validate(
        {
            "id": "s",
            "kind": "workshop",
            "status": "completed",
            "sessions": [
                {
                    "date": "2020-01",
                    "hours": {"min": 3, "unit": "clock_hour"},
                    "participants": [{"group": "social_workers", "count": 10}],
                },
                {
                    "date": "2020-02",
                    "hours": {"min": 2, "unit": "clock_hour"},
                    "participants": [{"group": "social_workers", "count": 12}],
                },
            ],
        }
    )
    assert _pair(person_hours(a)) == (54, 54)


def test_person_hours_divide_by_groups() -> None:
    """Participants spread over parallel groups attend only their own group's sessions."""
    a = Activity.model_validate(
        {
            "id": "s",
            "kind": "supervision_team",
            "sessions_actual": 114,
            "groups": 22,
            "hours_per_session": {"min": 2, "max": 3, "unit": "clock_hour"},
            "participants": [{"group": "social_workers", "count": 220, "unique": True}],
        }
    )
    # 220 workers, 10 per group, each group 114/22 sessions of 2-3 h: 2280-3420 person-hours.
    assert _pair(person_hours(a)) == (2280, 3420)


def test_person_hours_unknown_without_persons() -> None:
    """Families are not persons: person-hours of a family service are None, not 0."""
    _, assistant = _activity("lv-daugavpils-social-services-2018", "family-assistant-2018")
    assert person_hours(assistant, country="LV") is None
    _, supervision = _activity("cz-up-msk-supervision", "supervision")
    assert person_hours(supervision, country="CZ") is None


def test_cz_hours_per_worker_and_per_year() -> None:
    """Each CZ worker got 114/22 meetings of 2-3 h, spread over 2016-2018 by days."""
    programme, supervision = _activity("cz-up-msk-supervision", "supervision")
    per_worker = hours_per_worker(supervision, country="CZ")
    assert per_worker is not None
    assert _pair(round_estimate(per_worker, 2)) == (Decimal("10.36"), Decimal("15.55"))
    by_year = hours_per_worker_by_year(supervision, period=programme.period, country="CZ")
    assert by_year is not None
    assert list(by_year) == [2016, 2017, 2018]
    assert abs(sum(h.min for h in by_year.values()) - per_worker.min) < Decimal("1e-20")
    comparison = cpd_comparison(by_year[2017], country="CZ")
    assert comparison is not None
    assert comparison.required == 24
    assert comparison.meets is False


def test_hours_per_worker_by_year_needs_a_period() -> None:
    """Without a closed period the split by year is None."""
    _, supervision = _activity("cz-up-msk-supervision", "supervision")
    assert hours_per_worker_by_year(supervision, country="CZ") is None
    assert (
        hours_per_worker_by_year(supervision, period=Period(start=date(2016, 11, 1)), country="CZ")
        is None
    )


@pytest.mark.parametrize(
    ("hours_", "country", "meets"),
    [
        (Estimate.range(66, 75), "LV", True),
        (Estimate.range(10, 30), "CZ", None),
        (Estimate.exact(10), "LT", False),
        (Estimate.exact(16), "LT", True),
    ],
)
def test_cpd_comparison(hours_: Estimate, country: str, meets: bool | None) -> None:
    """Hours meet the CPD minimum when even the lowest reaches it; a straddling range is None."""
    comparison = cpd_comparison(hours_, country=country)
    assert comparison is not None
    assert comparison.meets is meets


@pytest.mark.parametrize("country", ["PL", "EE", "SK", "DE", None])
def test_no_cpd_requirement_is_none(country: str | None) -> None:
    """Where no requirement is known the comparison is None, never a comparison with 0."""
    assert cpd_comparison(Estimate.exact(40), country=country) is None


def test_cpd_override() -> None:
    """The CPD minimum comes from the (overridable) reference tables."""
    tables = ReferenceTables.default().with_overrides(cpd_hours_per_year={"PL": 20})
    comparison = cpd_comparison(Estimate.exact(40), country="PL", tables=tables)
    assert comparison is not None
    assert comparison.share == Estimate.exact(2)


# --- properties ---------------------------------------------------------------------------


@given(hours(), st.sampled_from(["LT", "LV", "CZ", "PL", None]))
def test_clock_hours_keep_min_below_max(stated: Hours, country: str | None) -> None:
    """Converted hours keep min <= max and scale by the academic-hour length."""
    result = clock_hours(stated, country=country)
    if result is None:
        assert stated.unit.value == "academic_hour"
        assert stated.academic_hour_minutes is None
        return
    assert result.min <= result.max
    if stated.unit.value == "academic_hour":
        minutes = stated.academic_hour_minutes or 45
        assert abs(result.min * 60 - stated.min * minutes) < Decimal("1e-20")


@given(activities(), st.sampled_from(["achieved", "planned", "all"]))
def test_activity_figures_are_ordered_ranges(activity: Activity, scope: str) -> None:
    """Every figure produced for an activity has min <= max."""
    for value in (
        session_count(activity, scope=scope),  # type: ignore[arg-type]
        activity_clock_hours(activity, scope=scope, country="LT"),  # type: ignore[arg-type]
        person_hours(activity, scope=scope, country="LT"),  # type: ignore[arg-type]
        hours_per_worker(activity, scope=scope, country="LT"),  # type: ignore[arg-type]
    ):
        assert value is None or value.min <= value.max


@given(activities())
def test_all_is_achieved_plus_planned(activity: Activity) -> None:
    """Achieved and planned figures never overlap: when both are known, all is their sum."""
    for figure in (session_count, activity_clock_hours):
        achieved = figure(activity, scope="achieved")
        planned = figure(activity, scope="planned")
        both = figure(activity, scope="all")
        if achieved is not None and planned is not None:
            assert both == achieved + planned
        elif achieved is None and planned is None:
            assert both is None
        elif achieved is not None and both is not None:
            assert both == achieved
        elif planned is not None and both is not None:
            assert both == planned
