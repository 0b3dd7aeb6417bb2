"""Calculators over the fields of format 1.1: shares, partial splits, partial periods, training."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import Programme, StatedPeriod
from capacitylib.calculators import (
    budget_total,
    build_report,
    days_by_year,
    days_by_year_range,
    duration_range,
    funding_shares,
    totals_by_source,
)
from capacitylib.codelists import FundingSourceKind
from capacitylib.models import Budget
from capacitylib.values import PartialDate, Period

MINIMAL = {"id": "p", "title": {"en": "P"}}


def _eur(amount):
    return {"amount": amount, "currency": "EUR"}


def test_rates_come_from_shares_when_no_amount_is_stated():
    """ESF 80 %, state budget 10 %, own contribution 10 %, no amounts and no total."""
    budget = Budget.model_validate(
        {
            "sources": [
                {"kind": "eu_fund", "share": "0.80"},
                {"kind": "national_budget", "share": "0.10"},
                {"kind": "own_contribution_cash", "share": "0.10"},
            ]
        }
    )
    shares = funding_shares(budget)
    assert shares is not None and shares.base is None
    assert (shares.eu_rate, shares.public_rate, shares.own_contribution_rate) == (
        Decimal("0.80"),
        Decimal("0.90"),
        Decimal("0.10"),
    )
    assert budget_total(budget) is None
    assert totals_by_source(budget) == {}


def test_a_share_of_a_stated_total_gives_its_amount():
    budget = Budget.model_validate(
        {
            "total": _eur("2000000.00"),
            "sources": [
                {"kind": "eu_fund", "share": "0.85"},
                {"kind": "national_budget", "amount": _eur("300000.00")},
            ],
        }
    )
    by_source = totals_by_source(budget)
    assert by_source[FundingSourceKind.EU_FUND].amount == Decimal("1700000")
    shares = funding_shares(budget)
    assert shares is not None and shares.eu_rate == Decimal("0.85")


def test_a_partial_split_gives_no_rates_and_no_total_from_sources():
    """Of which ESF+ 1 700 000 EUR: the rest is unknown, so the rates are unknown, not 85 %/0 %."""
    budget = Budget.model_validate(
        {
            "total": _eur("2000000.00"),
            "sources_complete": False,
            "sources": [{"kind": "eu_fund", "amount": _eur("1700000.00")}],
        }
    )
    assert funding_shares(budget) is None
    assert budget_total(budget) == budget.total
    without_total = Budget.model_validate({**budget.model_dump(), "total": None})
    assert budget_total(without_total) is None


def test_a_partial_period_reports_its_duration_as_a_range():
    p = Programme.model_validate(
        {**MINIMAL, "periods": [{"start": "2021-03", "end": "2027-06", "status": "planned"}]}
    )
    report = build_report(p)
    assert report.duration.days is None and str(report.duration.days_range) == "2254-2313"
    data = report.to_json_dict()["duration"]
    assert (data["start"], data["end"], data["days"]) == (
        "2021-03",
        "2027-06",
        {"min": 2254, "max": 2313},
    )
    assert "Period: 2021-03 .. 2027-06, 2254-2313 days" in report.render_text()


def test_a_period_known_by_one_end_has_an_unknown_duration():
    p = Programme.model_validate({**MINIMAL, "periods": [{"end": "2020-09-30"}]})
    report = build_report(p)
    assert report.duration.days_range is None
    assert report.to_json_dict()["duration"]["days"] is None
    assert "length unknown" in report.render_text()


def test_the_latvian_pilot_reports_66_to_75_clock_hours_per_participant():
    """88-100 academic hours per social worker at the LV default of 45 minutes."""
    pilot = next(p for p in capacitylib.load_examples() if p.id == "lv-9.2.1.1-15-I-001")
    report = build_report(pilot)
    [training] = report.training
    assert (training.hours_per_participant.min, training.hours_per_participant.max) == (66, 75)
    data = report.to_json_dict()["training"][0]
    assert data["hours_per_participant"] == {"min": 66, "max": 75}
    assert data["person_hours"] == {"min": 1980, "max": 2250}
    assert "clock hours per participant cca 66-75, person-hours cca 1980-2250" in (
        report.render_text()
    )


def test_the_report_notes_the_assumptions_it_makes():
    p = Programme.model_validate(
        {
            **MINIMAL,
            "country": "LV",
            "activities": [
                {
                    "id": "a",
                    "kind": "training_course",
                    "hours_per_participant": {"min": 2, "unit": "day"},
                    "hours_per_session": {"min": 8, "unit": "academic_hour"},
                    "participants": [{"group": "social_workers", "count": 10}],
                }
            ],
        }
    )
    notes = build_report(p).notes
    assert any("8 clock hours a day" in n for n in notes)
    assert any("academic hours counted at 45 minutes, the default for LV" in n for n in notes)
    [training] = build_report(p).training
    assert str(training.hours_per_participant) == "16"
    assert str(training.person_hours) == "160"


def test_open_ended_participants_give_open_ended_person_hours():
    p = Programme.model_validate(
        {
            **MINIMAL,
            "activities": [
                {
                    "id": "a",
                    "kind": "seminar",
                    "hours_per_participant": {"min": 6, "unit": "clock_hour"},
                    "participants": [
                        {"group": "social_workers", "count": {"min": 30, "at_least": True}}
                    ],
                }
            ],
        }
    )
    [training] = build_report(p).training
    assert str(training.person_hours) == "at least 180"
    assert build_report(p).to_json_dict()["training"][0]["person_hours"] == {
        "min": 180,
        "max": None,
    }


_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


def _coarse(day: date, form: str) -> PartialDate:
    return PartialDate(day.year, *((day.month,) if form == "ym" else ()))


@given(_days, _days, st.sampled_from(["y", "ym"]), st.sampled_from(["y", "ym"]), st.data())
def test_days_by_year_ranges_contain_every_period_the_ends_allow(a, b, f1, f2, data):
    """Any concrete period inside the stated ends has its days of each year inside the ranges."""
    first, last = sorted((a, b))
    start, end = _coarse(first, f1), _coarse(last, f2)
    ranges = days_by_year_range(start, end)
    (s0, s1), (e0, e1) = start.interval(), end.interval()
    real_start = data.draw(st.dates(min_value=s0, max_value=min(s1, e1)))
    real_end = data.draw(st.dates(min_value=max(e0, real_start), max_value=e1))
    for year, days in days_by_year(Period(start=real_start, end=real_end)).items():
        assert ranges[year].contains(days)
    assert str(duration_range(start, end)) == str(StatedPeriod(start=start, end=end).duration)


def test_a_partial_period_is_split_by_year_as_ranges_in_the_report():
    p = Programme.model_validate({**MINIMAL, "periods": [{"start": "2021-03", "end": "2022-06"}]})
    data = build_report(p).to_json_dict()["duration"]["days_by_year"]
    assert data == {"2021": {"min": 276, "max": 306}, "2022": {"min": 152, "max": 181}}


def test_person_hours_from_sessions_note_the_attendance_they_assume():
    p = Programme.model_validate(
        {
            **MINIMAL,
            "activities": [
                {
                    "id": "sup",
                    "kind": "supervision_group",
                    "sessions_actual": 10,
                    "hours_per_session": {"min": 2, "unit": "clock_hour"},
                    "participants": [{"group": "social_workers", "count": 12}],
                }
            ],
        }
    )
    report = build_report(p)
    assert str(report.training[0].person_hours) == "240"
    assert report.notes == (
        "person-hours of sup assume every participant attends all sessions of their group "
        "(an upper bound otherwise)",
    )
