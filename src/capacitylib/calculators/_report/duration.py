"""The report's duration section: the programme's period and its lengths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators.duration import (
    CalendarDuration,
    calendar_duration,
    days_by_year,
    days_by_year_range,
    elapsed_days,
    period_days,
    remaining_days,
    share_elapsed,
)
from capacitylib.values import Estimate


@dataclass(frozen=True, slots=True)
class DurationFigures:
    """The programme's period and its durations (see :mod:`~capacitylib.calculators.duration`).

    >>> import capacitylib
    >>> from capacitylib.calculators import build_report
    >>> d = build_report(capacitylib.load_examples()[0]).duration
    >>> d.days, str(d.calendar), d.days_by_year
    (485, '1 year 4 months 0 days', {2016: 61, 2017: 365, 2018: 59})
    """

    start: date | None
    end: date | None
    days: int | None
    calendar: CalendarDuration | None
    elapsed_days: int | None = None
    remaining_days: int | None = None
    share_elapsed: Decimal | None = None
    days_by_year: dict[int, int] | None = None
    stated_start: str | None = None
    stated_end: str | None = None
    days_range: Estimate | None = None
    days_by_year_range: dict[int, Estimate] | None = None


def duration_section(inputs: ReportInputs) -> DurationFigures:
    """The duration figures; the elapsed ones only with ``as_of``."""
    programme, as_of = inputs.programme, inputs.as_of
    period = programme.period
    if period is None:
        stated = programme.stated_period
        if stated is None:
            return DurationFigures(start=None, end=None, days=None, calendar=None)
        # Known to the month or year, or by one end only: a range of days, never a guessed day.
        return DurationFigures(
            start=None,
            end=None,
            days=None,
            calendar=None,
            stated_start=str(stated.start) if stated.start is not None else None,
            stated_end=str(stated.end) if stated.end is not None else None,
            days_range=stated.duration,
            days_by_year_range=None
            if stated.start is None or stated.end is None
            else days_by_year_range(stated.start, stated.end),
        )
    return DurationFigures(
        start=period.start,
        end=period.end,
        days=period_days(period),
        calendar=calendar_duration(period),
        elapsed_days=None if as_of is None else elapsed_days(period, as_of=as_of),
        remaining_days=None if as_of is None else remaining_days(period, as_of=as_of),
        share_elapsed=None if as_of is None else share_elapsed(period, as_of=as_of),
        days_by_year=days_by_year(period),
        stated_start=period.start.isoformat(),
        stated_end=period.end.isoformat() if period.end is not None else None,
        days_range=None if period.end is None else Estimate.exact(period.days or 0),
    )


__all__ = ["DurationFigures", "duration_section"]
