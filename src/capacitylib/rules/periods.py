"""Dates and periods of activities, sessions, indicator targets and partners vs the programme's.

The programme period is :attr:`Programme.stated_period` (actual, else revised, else unmarked,
else planned; the latest stated of that status; see its docstring), judged by the widest range
of days it may cover: ``2021-03..2027-06`` covers 2021-03-01..2027-06-30, a period stated only
by its end ("until 2020-09-30") covers every day up to that end. No day is guessed. When the
versions of the chosen status cannot be ordered, ``programme_period_ambiguous`` is reported and
the other rules stay silent. A date stated to the month or year, or without a year, is outside
only when no day it may denote lies inside (:meth:`Period.may_contain`): ``2023`` is inside a
programme of 2022-12-08..2026-12-31, and so is ``--04`` (April of some year of the programme).
A period is outside when it starts before or after the programme period or ends after it; an
open end is judged by its start. Without a programme period these rules stay silent.
"""

from __future__ import annotations

from capacitylib.errors import Loc, Problem, format_path
from capacitylib.models import Programme
from capacitylib.models._periods import candidates
from capacitylib.rules._context import Context, Findings, finding, quoted
from capacitylib.values import PartialDate, Period


def check_periods(programme: Programme, ctx: Context) -> Findings:
    """Findings ``*_outside_programme_period`` of one programme."""
    period = ctx.span
    if period is None:
        yield from _ambiguous(programme)
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


def _ambiguous(programme: Programme) -> Findings:
    found = candidates(programme.periods)
    if len(found) < 2:
        return
    versions = sorted({str(p) for p in found})
    status = found[0].status.value if found[0].status is not None else "unmarked"
    yield finding(
        "programme_period_ambiguous",
        ("periods",),
        f"'periods' must let one {status} version be chosen: give each its 'stated_on' (or "
        f"'effective_from') so the latest can be told (got {len(found)} {status} versions "
        f"{', '.join(versions)})",
        value=versions,
        status=status,
    )


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
    programme_period = str(ctx.stated) if ctx.stated is not None else str(ctx.span)
    return finding(
        code,
        loc,
        f"'{field}' must lie within the programme period {quoted(ctx.period_loc)} "
        f"{programme_period} (got {got})",
        value=got,
        programme_period=programme_period,
        programme_period_path=format_path(ctx.period_loc),
    )
