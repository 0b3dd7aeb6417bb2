"""Stated durations ("6 months") against the periods they describe.

Definition: a duration of ``n`` units stated for a period starting on ``start`` ends (exclusive)
on ``start + relativedelta(n units)``; the period ends (exclusive) the day after its last day.
The difference is the number of days between the two ends, zero when the period's end falls
within a stated range ("2-3 months"). An approximate figure ("cca 6 months") is widened by
``RuleOptions.approximate_margin`` first. A difference above
``RuleOptions.duration_tolerance_days`` is reported with both figures.

The pilot of seed 003, "6 months" for 2019-05-16..2019-10-31: six months from 16 May end on
16 November, the period ends on 1 November (exclusive), 15 days short; the period lasts 5 months
16 days (169 days).

The programme's ``stated_duration`` is compared with the programme period, an activity's with
the activity's own closed ``period``; without one the rule stays silent.
"""

from __future__ import annotations

from decimal import Decimal

from capacitylib.errors import Loc, Problem, format_path
from capacitylib.models import Programme, StatedDuration
from capacitylib.rules._calendar import describe, length, plural, shift
from capacitylib.rules._context import Context, Findings, finding, next_day
from capacitylib.values import Period


def check_durations(programme: Programme, ctx: Context) -> Findings:
    """Findings ``duration_differs_from_stated`` of one programme."""
    if programme.stated_duration is not None and ctx.period is not None:
        found = _compare(
            programme.stated_duration,
            ctx.period,
            ("stated_duration",),
            format_path(ctx.period_loc),
            ctx,
        )
        if found is not None:
            yield found
    for i, activity in enumerate(programme.activities):
        if activity.stated_duration is not None and activity.period is not None:
            found = _compare(
                activity.stated_duration,
                activity.period,
                ("activities", i, "stated_duration"),
                "period",
                ctx,
            )
            if found is not None:
                yield found


def _compare(
    stated: StatedDuration, period: Period, loc: Loc, period_name: str, ctx: Context
) -> Problem | None:
    if period.end is None:
        return None
    after = next_day(period.end)
    low, high = stated.value.min, stated.value.max
    if high is None:
        return None  # "at least 6 months": only a shorter period could differ; not judged
    if stated.value.approximate:
        margin = ctx.options.approximate_margin
        low, high = low * (1 - margin), high * (1 + margin)
    earliest = shift(period.start, low, stated.unit, up=False)
    if low == high and low == low.to_integral_value():
        latest = earliest
    else:
        latest = shift(period.start, high, stated.unit, up=True)
    if after is None or earliest is None:
        return None
    if after < earliest:
        difference = -(earliest - after).days
    elif latest is not None and after > latest:
        difference = (after - latest).days
    else:
        return None
    if abs(difference) <= ctx.options.duration_tolerance_days:
        return None
    delta = length(period.start, period.end)
    stated_text = plural(str(stated.value), stated.unit, one=stated.value.max == Decimal(1))
    actual_text = describe(delta)
    days = period.days
    relation = "less" if difference < 0 else "more"
    return finding(
        "duration_differs_from_stated",
        loc,
        f"'stated_duration' must match the length of '{period_name}' {period} within "
        f"{ctx.options.duration_tolerance_days} days (got {stated_text}; the period lasts "
        f"{actual_text}, {days} days, {abs(difference)} days {relation})",
        value=stated_text,
        stated=stated_text,
        actual=actual_text,
        actual_days=days,
        difference_days=difference,
        tolerance_days=ctx.options.duration_tolerance_days,
        period=str(period),
    )
