"""Dates and periods of activities, sessions, indicator targets and partners vs the programme's.

The programme period is :attr:`Programme.period` (actual, else the last revised, else unmarked,
else planned). A date stated to the month or year, or without a year, is outside only when no
day it may denote lies inside (:meth:`Period.may_contain`): ``2023`` is inside a programme of
2022-12-08..2026-12-31, and so is ``--04`` (April of some year of the programme). A period is
outside when it starts before or after the programme period or ends after it; an open end is
judged by its start. Without a programme period these rules stay silent.
"""

from __future__ import annotations

from capacitylib.errors import Problem, format_path
from capacitylib.models import Programme
from capacitylib.rules._context import Context, Findings, Loc, finding, quoted
from capacitylib.values import PartialDate, Period


def check_periods(programme: Programme, ctx: Context) -> Findings:
    """Findings ``*_outside_programme_period`` of one programme."""
    period = ctx.period
    if period is None:
        return
    for i, partner in enumerate(programme.partners):
        if partner.period is not None and not _within(partner.period, period):
            loc: Loc = ("partners", i, "period")
            yield _outside("partner_outside_programme_period", loc, str(partner.period), ctx)
    for i, activity in enumerate(programme.activities):
        if activity.period is not None and not _within(activity.period, period):
            loc = ("activities", i, "period")
            yield _outside("activity_outside_programme_period", loc, str(activity.period), ctx)
        for j, day in enumerate(activity.dates):
            if not _may_contain(period, day):
                loc = ("activities", i, "dates", j)
                yield _outside("activity_outside_programme_period", loc, _iso(day), ctx)
        for j, session in enumerate(activity.sessions):
            if not _may_contain(period, session.date):
                loc = ("activities", i, "sessions", j, "date")
                yield _outside("session_outside_programme_period", loc, _iso(session.date), ctx)
    for i, indicator in enumerate(programme.indicators):
        target_date = indicator.target_date
        if target_date is not None and not _may_contain(period, target_date):
            loc = ("indicators", i, "target_date")
            code = "indicator_target_date_outside_programme_period"
            yield _outside(code, loc, _iso(target_date), ctx)


def _may_contain(period: Period, when: PartialDate) -> bool:
    # Most dates are known to the day: compare them directly, without building intervals.
    day = when.to_date()
    return period.contains(day) if day is not None else period.may_contain(when)


def _within(inner: Period, outer: Period) -> bool:
    if not outer.contains(inner.start):
        return False
    return inner.end is None or outer.contains(inner.end)


def _iso(day: PartialDate) -> str:
    return day.isoformat()


def _outside(code: str, loc: Loc, got: str, ctx: Context) -> Problem:
    field = next(part for part in reversed(loc) if isinstance(part, str))
    programme_period = str(ctx.period)
    return finding(
        code,
        loc,
        f"'{field}' must lie within the programme period {quoted(ctx.period_loc)} "
        f"{programme_period} (got {got})",
        value=got,
        programme_period=programme_period,
        programme_period_path=format_path(ctx.period_loc),
    )
