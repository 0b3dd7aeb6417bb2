"""Durations of periods: inclusive days, calendar years/months/days, elapsed, splits by year.

Conventions, used everywhere in capacitylib:

* A period's ``start`` and ``end`` are both inclusive: 2016-11-01..2018-02-28 is 485 days.
* The calendar duration is ``relativedelta(end + 1 day, start)`` from python-dateutil: whole
  years, then whole months, then the remaining days, counted from ``start`` to the day after
  ``end``. A period from the first of a month to the last day of a month is a whole number of
  months (2016-11-01..2018-02-28 is 1 year 4 months 0 days). Month ends follow dateutil's rules:
  adding months to the 31st lands on the month's last day.
* An open period (no ``end``) is measured up to ``as_of`` when given, else its duration is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from capacitylib._calendar import inclusive_delta
from capacitylib.calculators._common import divide
from capacitylib.values import Estimate, PartialDate, Period

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True, order=True)
class CalendarDuration:
    """A duration in calendar years, months and days (see the module's convention).

    >>> d = CalendarDuration(years=1, months=4, days=0)
    >>> str(d), d.total_months
    ('1 year 4 months 0 days', 16)
    """

    years: int
    months: int
    days: int

    @property
    def total_months(self) -> int:
        """Whole months: ``12 * years + months`` (the days are left out)."""
        return 12 * self.years + self.months

    def __str__(self) -> str:
        def part(n: int, unit: str) -> str:
            return f"{n} {unit}" if n == 1 else f"{n} {unit}s"

        return " ".join(
            (part(self.years, "year"), part(self.months, "month"), part(self.days, "day"))
        )


def _end(period: Period, as_of: date | None) -> date | None:
    return period.end if period.end is not None else as_of


def period_days(period: Period, *, as_of: date | None = None) -> int | None:
    """Days in ``period``, counting both ``start`` and ``end``.

    An open period counts up to and including ``as_of`` (0 when ``as_of`` is before the start);
    without ``as_of`` its length is unknown: ``None``. ``as_of`` does not shorten a closed period.

    >>> period_days(Period(start=date(2022, 12, 8), end=date(2026, 12, 31)))
    1485
    >>> period_days(Period(start=date(2023, 1, 2)), as_of=date(2023, 1, 31))
    30
    """
    end = _end(period, as_of)
    if end is None:
        return None
    return max(0, (end - period.start).days + 1)


def calendar_duration(period: Period, *, as_of: date | None = None) -> CalendarDuration | None:
    """Calendar years, months and days of ``period``: ``relativedelta(end + 1 day, start)``.

    Unit: whole years, months and days (no rounding). An open period is measured up to ``as_of``;
    ``None`` when it is open and ``as_of`` is not given or is before the start.

    >>> str(calendar_duration(Period(start=date(2016, 11, 1), end=date(2018, 2, 28))))
    '1 year 4 months 0 days'
    >>> str(calendar_duration(Period(start=date(2022, 12, 8), end=date(2026, 12, 31))))
    '4 years 0 months 24 days'
    """
    end = _end(period, as_of)
    if end is None or end < period.start:
        return None
    delta = inclusive_delta(period.start, end)
    return CalendarDuration(years=delta.years, months=delta.months, days=delta.days)


def elapsed_days(period: Period, *, as_of: date) -> int:
    """Days of ``period`` on or before ``as_of``: 0 before the start, all days after the end.

    >>> p = Period(start=date(2016, 11, 1), end=date(2018, 2, 28))
    >>> elapsed_days(p, as_of=date(2016, 11, 30)), elapsed_days(p, as_of=date(2020, 1, 1))
    (30, 485)
    """
    last = as_of if period.end is None else min(as_of, period.end)
    return max(0, (last - period.start).days + 1)


def remaining_days(period: Period, *, as_of: date) -> int | None:
    """Days of ``period`` after ``as_of``; ``None`` for an open period (the end is unknown).

    ``elapsed_days + remaining_days == period_days`` for a closed period.

    >>> p = Period(start=date(2016, 11, 1), end=date(2018, 2, 28))
    >>> remaining_days(p, as_of=date(2018, 2, 1))
    27
    """
    days = period_days(period)
    if days is None:
        return None
    return days - elapsed_days(period, as_of=as_of)


def share_elapsed(period: Period, *, as_of: date) -> Decimal | None:
    """Share of the days of ``period`` elapsed by ``as_of``: a fraction from 0 to 1.

    Unit: a Decimal fraction (0.5 is half), 28 significant digits, half-even; round it for display
    with :func:`~capacitylib.calculators.round_decimal`. ``None`` for an open period.

    >>> share_elapsed(Period(start=date(2019, 1, 1), end=date(2019, 1, 4)), as_of=date(2019, 1, 2))
    Decimal('0.5')
    """
    days = period_days(period)
    if days is None:
        return None
    return divide(elapsed_days(period, as_of=as_of), days)


def days_by_year(period: Period, *, as_of: date | None = None) -> dict[int, int] | None:
    """Days of ``period`` in each calendar year, in year order; they sum to :func:`period_days`.

    An open period is split up to ``as_of``; ``None`` when it is open and ``as_of`` is missing.
    A year with no day of the period is left out.

    >>> days_by_year(Period(start=date(2016, 11, 1), end=date(2018, 2, 28)))
    {2016: 61, 2017: 365, 2018: 59}
    """
    end = _end(period, as_of)
    if end is None:
        return None
    split: dict[int, int] = {}
    for year in range(period.start.year, end.year + 1):
        first = max(period.start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        if last >= first:
            split[year] = (last - first).days + 1
    return split


def overlap(a: Period, b: Period) -> Period | None:
    """The days two periods share, as a period (open when both are open); ``None`` if none.

    Symmetric, and never longer than either period.

    >>> str(overlap(Period(start=date(2022, 12, 8), end=date(2026, 12, 31)),
    ...             Period(start=date(2023, 1, 2))))
    '2023-01-02..2026-12-31'
    """
    start = max(a.start, b.start)
    ends = [e for e in (a.end, b.end) if e is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        return None
    return Period(start=start, end=end)


def overlap_days(a: Period, b: Period, *, as_of: date | None = None) -> int | None:
    """Days two periods share: 0 when disjoint; ``None`` when both are open and no ``as_of``.

    >>> overlap_days(Period(start=date(2019, 5, 16), end=date(2019, 10, 31)),
    ...              Period(start=date(2019, 1, 1), end=date(2019, 5, 31)))
    16
    """
    shared = overlap(a, b)
    if shared is None:
        return 0
    return period_days(shared, as_of=as_of)


def _interval(value: PartialDate | date) -> tuple[date, date] | None:
    if isinstance(value, date):
        return value, value
    return value.interval()


def duration_range(start: PartialDate | date, end: PartialDate | date) -> Estimate | None:
    """Inclusive days between two dates known to year, month or day: shortest..longest.

    The longest duration runs from the first day ``start`` may denote to the last day ``end``
    may denote; the shortest from the last possible start to the first possible end (at least
    1 day). Exact dates give an exact figure. ``None`` when a year is unknown (``--03-30``).
    Refused (``ValueError``): an ``end`` that can only fall before ``start``.

    >>> str(duration_range(PartialDate.parse("2022-10"), PartialDate.parse("2023")))
    '63-457'
    >>> str(duration_range(date(2016, 11, 1), date(2018, 2, 28)))
    '485'
    """
    s = _interval(start)
    e = _interval(end)
    if s is None or e is None:
        return None
    (s_first, s_last), (e_first, e_last) = s, e
    if e_last < s_first:
        raise ValueError(f"end {end} falls before start {start}")
    longest = (e_last - s_first).days + 1
    shortest = max(1, (e_first - s_last).days + 1)
    return Estimate.range(shortest, longest)


def days_by_year_range(
    start: PartialDate | date, end: PartialDate | date
) -> dict[int, Estimate] | None:
    """Days in each calendar year of a period whose ends are known to year, month or day.

    For each year, the fewest days come from the shortest period the ends allow (latest start,
    earliest end) and the most from the longest (earliest start, latest end): a year's count
    only grows as the start moves earlier or the end later. Years the longest period touches
    are listed, in order; exact ends give exact figures equal to :func:`days_by_year`.
    ``None`` when a year is unknown. Refused (``ValueError``): an end only before the start.

    >>> {y: str(n) for y, n in days_by_year_range(PartialDate.parse("2021-03"),
    ...                                            PartialDate.parse("2022-06")).items()}
    {2021: '276-306', 2022: '152-181'}
    """
    s, e = _interval(start), _interval(end)
    if s is None or e is None:
        return None
    (s_first, s_last), (e_first, e_last) = s, e
    if e_last < s_first:
        raise ValueError(f"end {end} falls before start {start}")
    longest = days_by_year(Period(start=s_first, end=e_last)) or {}
    shortest: dict[int, int] = {}
    if e_first >= s_last:
        shortest = days_by_year(Period(start=s_last, end=e_first)) or {}
    return {year: Estimate.range(shortest.get(year, 0), most) for year, most in longest.items()}
