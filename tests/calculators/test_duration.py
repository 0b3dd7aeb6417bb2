"""Durations: inclusive days, calendar durations, elapsed shares, year splits, overlaps."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import Estimate, PartialDate, Period
from capacitylib.calculators import (
    CalendarDuration,
    calendar_duration,
    days_by_year,
    duration_range,
    elapsed_days,
    overlap,
    overlap_days,
    period_days,
    remaining_days,
    share_elapsed,
)

from .strategies import closed_periods, dates, partial_dates, periods

CZ = Period(start=date(2016, 11, 1), end=date(2018, 2, 28))
LT = Period(start=date(2022, 12, 8), end=date(2026, 12, 31))


def _example(programme_id: str) -> capacitylib.Programme:
    return next(p for p in capacitylib.load_examples() if p.id == programme_id)


@pytest.mark.parametrize(
    ("period", "days", "calendar", "months"),
    [
        (CZ, 485, CalendarDuration(1, 4, 0), 16),
        (LT, 1485, CalendarDuration(4, 0, 24), 48),
        (
            Period(start=date(2013, 11, 1), end=date(2015, 4, 30)),
            546,
            CalendarDuration(1, 6, 0),
            18,
        ),
        (
            Period(start=date(2019, 5, 16), end=date(2019, 10, 31)),
            169,
            CalendarDuration(0, 5, 16),
            5,
        ),
        (Period(start=date(2020, 2, 29), end=date(2020, 2, 29)), 1, CalendarDuration(0, 0, 1), 0),
    ],
)
def test_seed_durations(period: Period, days: int, calendar: CalendarDuration, months: int) -> None:
    """The seed periods have the inclusive days and calendar durations their texts imply."""
    assert period_days(period) == days
    assert calendar_duration(period) == calendar
    assert calendar_duration(period).total_months == months  # type: ignore[union-attr]


def test_examples_use_the_seed_periods() -> None:
    """The bundled CZ and LT ESF+ examples have 485 and 1485 days."""
    assert period_days(_example("cz-up-msk-supervision").period) == 485  # type: ignore[arg-type]
    assert period_days(_example("lt-07-003-P-0001").period) == 1485  # type: ignore[arg-type]


def test_calendar_duration_text() -> None:
    """A calendar duration reads as years, months and days with singular units for one."""
    assert str(CalendarDuration(1, 4, 0)) == "1 year 4 months 0 days"
    assert str(CalendarDuration(4, 1, 1)) == "4 years 1 month 1 day"


def test_open_period_needs_as_of() -> None:
    """An open period has no length unless measured as of a date; then it counts to that date."""
    partner = Period(start=date(2023, 1, 2))
    assert period_days(partner) is None
    assert calendar_duration(partner) is None
    assert days_by_year(partner) is None
    assert period_days(partner, as_of=date(2023, 12, 31)) == 364
    assert calendar_duration(partner, as_of=date(2024, 1, 1)) == CalendarDuration(1, 0, 0)
    assert period_days(partner, as_of=date(2022, 1, 1)) == 0
    assert calendar_duration(partner, as_of=date(2022, 1, 1)) is None


def test_as_of_does_not_shorten_a_closed_period() -> None:
    """``as_of`` only measures open periods; a closed period keeps its full length."""
    assert period_days(CZ, as_of=date(2017, 1, 1)) == 485


def test_elapsed_remaining_and_share() -> None:
    """Elapsed days count the as-of day; remaining days are those after it."""
    assert elapsed_days(CZ, as_of=date(2016, 10, 31)) == 0
    assert elapsed_days(CZ, as_of=date(2016, 11, 1)) == 1
    assert remaining_days(CZ, as_of=date(2016, 11, 1)) == 484
    assert elapsed_days(CZ, as_of=date(2030, 1, 1)) == 485
    assert remaining_days(CZ, as_of=date(2030, 1, 1)) == 0
    assert share_elapsed(CZ, as_of=date(2030, 1, 1)) == 1
    assert share_elapsed(CZ, as_of=date(2000, 1, 1)) == 0
    half = Period(start=date(2019, 1, 1), end=date(2019, 1, 4))
    assert share_elapsed(half, as_of=date(2019, 1, 2)) == Decimal("0.5")


def test_remaining_of_open_period_is_unknown() -> None:
    """An open period has elapsed days but no remaining days or share (not 0)."""
    partner = Period(start=date(2023, 1, 2))
    assert elapsed_days(partner, as_of=date(2023, 1, 31)) == 30
    assert remaining_days(partner, as_of=date(2023, 1, 31)) is None
    assert share_elapsed(partner, as_of=date(2023, 1, 31)) is None


def test_days_by_year_of_seed_periods() -> None:
    """The CZ and LT ESF+ periods split by calendar year as the calendar says."""
    assert days_by_year(CZ) == {2016: 61, 2017: 365, 2018: 59}
    assert days_by_year(LT) == {2022: 24, 2023: 365, 2024: 366, 2025: 365, 2026: 365}


def test_overlap_of_partner_and_programme() -> None:
    """The Visaginas partner period overlaps the LT programme from 2023-01-02 to its end."""
    partner = Period(start=date(2023, 1, 2))
    assert overlap(LT, partner) == Period(start=date(2023, 1, 2), end=date(2026, 12, 31))
    assert overlap_days(LT, partner) == 1460
    assert overlap(CZ, LT) is None
    assert overlap_days(CZ, LT) == 0
    both_open = overlap(partner, Period(start=date(2024, 1, 1)))
    assert both_open == Period(start=date(2024, 1, 1))
    assert overlap_days(partner, Period(start=date(2024, 1, 1))) is None


@pytest.mark.parametrize(
    ("start", "end", "low", "high"),
    [
        ("2022-10", "2023", 63, 457),
        ("2019-05-16", "2019-10-31", 169, 169),
        ("2019-05", "2019-05", 1, 31),
        ("2019", "2019-05-10", 1, 130),
        ("2018", "2019", 2, 730),
    ],
)
def test_duration_range_of_partial_dates(start: str, end: str, low: int, high: int) -> None:
    """Partial dates give the shortest and longest inclusive duration they allow."""
    result = duration_range(PartialDate.parse(start), PartialDate.parse(end))
    assert result == Estimate.range(low, high)


def test_duration_range_refusals() -> None:
    """A year-less date gives None; an end wholly before the start is refused."""
    assert duration_range(PartialDate.parse("--03-30"), PartialDate.parse("2023")) is None
    with pytest.raises(ValueError, match="before start"):
        duration_range(PartialDate.parse("2020"), PartialDate.parse("2019-12"))


# --- properties ---------------------------------------------------------------------------


@given(closed_periods())
def test_year_split_sums_to_total(period: Period) -> None:
    """The days per calendar year add up to the days of the period, each within its year."""
    split = days_by_year(period)
    assert split is not None
    assert sum(split.values()) == period_days(period)
    assert list(split) == list(range(period.start.year, period.end.year + 1))  # type: ignore[union-attr]
    assert all(1 <= n <= 366 for n in split.values())


@given(closed_periods(), st.integers(min_value=0, max_value=5000))
def test_adjacent_periods_add_up(whole: Period, cut: int) -> None:
    """Splitting a period into two adjacent periods keeps the days and the year split."""
    assert whole.end is not None
    middle = min(whole.start + timedelta(days=cut), whole.end)
    if middle == whole.end:
        return
    first = Period(start=whole.start, end=middle)
    second = Period(start=middle + timedelta(days=1), end=whole.end)
    assert period_days(first) + period_days(second) == period_days(whole)  # type: ignore[operator]
    merged: dict[int, int] = {}
    for part in (first, second):
        for year, n in (days_by_year(part) or {}).items():
            merged[year] = merged.get(year, 0) + n
    assert merged == days_by_year(whole)
    assert overlap(first, second) is None


@given(periods(), periods(), dates)
def test_overlap_is_symmetric_and_no_longer(a: Period, b: Period, as_of: date) -> None:
    """Overlap is symmetric, lies inside both periods and is no longer than either."""
    assert overlap(a, b) == overlap(b, a)
    shared = overlap(a, b)
    if shared is None:
        assert overlap_days(a, b) == 0
        return
    assert a.covers(shared)
    assert b.covers(shared)
    n = overlap_days(a, b, as_of=as_of)
    assert n is not None
    for period in (a, b):
        # An open period is unbounded; when both are open, both are measured as of one date.
        if period.end is not None or shared.end is None:
            assert n <= period_days(period, as_of=as_of)  # type: ignore[operator]


@given(closed_periods(), dates)
def test_elapsed_plus_remaining_is_total(period: Period, as_of: date) -> None:
    """Elapsed and remaining days add up to the period; the share lies in 0..1."""
    total = period_days(period)
    assert elapsed_days(period, as_of=as_of) + remaining_days(period, as_of=as_of) == total  # type: ignore[operator]
    share = share_elapsed(period, as_of=as_of)
    assert share is not None
    assert 0 <= share <= 1


@given(closed_periods())
def test_calendar_duration_lands_on_the_day_after_end(period: Period) -> None:
    """Start plus the calendar duration is the day after the end (dateutil's convention)."""
    calendar = calendar_duration(period)
    assert calendar is not None
    assert 0 <= calendar.months < 12
    assert 0 <= calendar.days < 31
    delta = relativedelta(years=calendar.years, months=calendar.months, days=calendar.days)
    assert period.start + delta == period.end + timedelta(days=1)  # type: ignore[operator]


@given(partial_dates(), partial_dates())
def test_duration_range_bounds_every_choice(start: PartialDate, end: PartialDate) -> None:
    """Shortest <= longest, and any concrete choice of days inside the dates lies between them."""
    s, e = start.interval(), end.interval()
    assert s is not None
    assert e is not None
    if e[1] < s[0]:
        with pytest.raises(ValueError, match="before start"):
            duration_range(start, end)
        return
    result = duration_range(start, end)
    assert result is not None
    assert 1 <= result.min <= result.max
    for first in s:
        for last in e:
            if last >= first:
                assert result.contains((last - first).days + 1)
