"""Achieved indicator values against their targets, their periods and the check date.

Each rule applies to the format 1.0 ``actuals`` (against the total ``target``) and to the
actual of each reporting period (against that period's target):

* **Far above target**: an actual whose minimum exceeds ``RuleOptions.actual_target_ratio``
  (1.5) times the target's maximum, so that a range is reported only when every reading of it
  is far above ("480 persons" for a target of 100 usually counts participations, not persons).
  A target of 0 has no ratio: silent.
* **In the future**: an actual whose date's first possible day is after the check date
  (``check(as_of=...)``, today by default). ``2025`` is in the future on 2024-12-31; a date
  without a year cannot be judged: silent. A period's actual without ``as_of`` refers to the
  period's last day (:attr:`IndicatorPeriod.actual_as_of`), which is judged the same way.
* **Before its period**: a period's actual whose ``as_of`` ends before the period starts (the
  last day the date may denote is before the period's first day).
"""

from __future__ import annotations

from decimal import Decimal

from capacitylib.errors import Loc, Problem
from capacitylib.models import Programme
from capacitylib.models.indicator import IndicatorPeriod
from capacitylib.rules._context import HUGE, Context, Findings, finding, quoted
from capacitylib.values import Estimate


def check_indicators(programme: Programme, ctx: Context) -> Findings:
    """Findings ``indicator_actual_*`` of one programme."""
    for i, indicator in enumerate(programme.indicators):
        target = indicator.target
        for j, actual in enumerate(indicator.actuals):
            at: Loc = ("indicators", i, "actuals", j)
            if target is not None:
                yield from _far_above(actual.value, target, at, ("indicators", i, "target"), ctx)
            span = actual.as_of.interval()
            if span is not None and span[0] > ctx.as_of:
                yield _in_future((*at, "as_of"), actual.as_of.isoformat(), ctx)
        for j, period in enumerate(indicator.periods):
            yield from _period_actual(period, ("indicators", i, "periods", j), ctx)


def _period_actual(period: IndicatorPeriod, at: Loc, ctx: Context) -> Findings:
    actual = period.actual
    if actual is None:
        return
    target = period.target
    if actual.value is not None and target is not None and target.value is not None:
        yield from _far_above(
            actual.value, target.value, (*at, "actual"), (*at, "target", "value"), ctx
        )
    span = period.span
    if actual.as_of is None:
        if span is not None and span[1] > ctx.as_of:
            yield finding(
                "indicator_actual_in_future",
                (*at, "actual"),
                f"'actual' without 'as_of' refers to the period's last day {span[1].isoformat()}, "
                f"which must not be after the check date {ctx.as_of.isoformat()} (state the "
                "'as_of' date the figure refers to)",
                value=span[1].isoformat(),
                check_date=ctx.as_of.isoformat(),
            )
        return
    as_of = actual.as_of.interval()
    if as_of is None:
        return
    if as_of[0] > ctx.as_of:
        yield _in_future((*at, "actual", "as_of"), actual.as_of.isoformat(), ctx)
    if span is not None and as_of[1] < span[0]:
        yield finding(
            "indicator_actual_before_period",
            (*at, "actual", "as_of"),
            f"'as_of' must not be before the start of its period {quoted(at)} "
            f"{span[0].isoformat()}..{span[1].isoformat()} (got {actual.as_of})",
            value=actual.as_of.isoformat(),
            period_start=span[0].isoformat(),
        )


def _far_above(
    actual: Estimate, target: Estimate, at: Loc, target_at: Loc, ctx: Context
) -> Findings:
    ratio = ctx.options.actual_target_ratio
    if target.max is None or target.max <= 0 or actual.min <= target.max * ratio:
        return
    yield finding(
        "indicator_actual_far_above_target",
        (*at, "value"),
        f"'value' must be at most {ratio} times {quoted(target_at)} {target} "
        f"(got {actual}, {_times(actual.min / target.max)} times; "
        "participations counted as persons?)",
        value=str(actual),
        target=str(target),
        ratio=ratio,
    )


def _in_future(at: Loc, got: str, ctx: Context) -> Problem:
    return finding(
        "indicator_actual_in_future",
        at,
        f"'as_of' must not be after the check date {ctx.as_of.isoformat()} (got {got})",
        value=got,
        check_date=ctx.as_of.isoformat(),
    )


def _times(ratio: Decimal) -> str:
    """A ratio for the message: two decimals, or scientific notation when huge."""
    return f"{ratio:.2E}" if ratio >= HUGE else f"{ratio:.2f}"
