"""Achievement of indicators per period and overall, and the gap to target by a date.

The definitions are those of :mod:`capacitylib.calculators.results`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from typing import Literal

from capacitylib.calculators._common import (
    EXACT,
    INCOMPUTABLE,
    divide_estimate,
    sum_known,
    unknown_when_incomputable,
)
from capacitylib.codelists import IndicatorMeasure
from capacitylib.models import Indicator
from capacitylib.models.indicator import IndicatorPeriod
from capacitylib.values import Estimate

#: How the periods of a count add up: ``per_period`` figures are each period's own (the whole
#: is their sum), ``cumulative`` figures count everything so far (the whole is the latest).
Accumulation = Literal["per_period", "cumulative"]

_LEVELS = (IndicatorMeasure.PERCENTAGE, IndicatorMeasure.RATIO)


@unknown_when_incomputable
def share_of(part: Estimate | None, whole: Estimate | None) -> Estimate | None:
    """``part / whole`` as a fraction: achievement (actual / target) and breakdown shares.

    A range ``part.min / whole.max .. part.max / whole.min`` where either is one; a whole
    without an upper bound gives the lower bound 0, a part without one no upper bound. ``None``
    when either is ``None`` or the whole may be 0. Unit: a fraction (1 is the whole), 28
    significant digits, half-even.

    >>> str(share_of(Estimate.exact(96), Estimate.exact(100)))
    '0.96'
    >>> str(share_of(Estimate.exact(99), Estimate.range(90, 110)))
    '0.9-1.1'
    >>> share_of(Estimate.exact(5), Estimate.maximum(10)) is None  # "up to 10" may be 0
    True
    """
    if part is None or whole is None or whole.min <= 0:
        return None
    return divide_estimate(part, whole)


def period_achievement(period: IndicatorPeriod) -> Estimate | None:
    """Achievement of one reporting period: the period's actual / the period's target.

    Unit: a fraction (1 is 100%). ``None`` when the period has no target or no actual, either
    is qualitative (a narrative, no value), or the target may be 0.

    >>> period = IndicatorPeriod(start="2023", target=100, actual={"value": 96})
    >>> str(period_achievement(period))
    '0.96'
    """
    target = None if period.target is None else period.target.value
    actual = None if period.actual is None else period.actual.value
    return share_of(actual, target)


@dataclass(frozen=True, slots=True)
class Gap:
    """A signed difference target - actual: positive short of the target, negative above it.

    ``min`` and ``max`` are its bounds; ``None`` means no bound on that side (an actual of
    "at least 90" leaves the gap without a lower bound). Unit: the indicator's unit.

    >>> str(Gap(Decimal(4), Decimal(4))), str(Gap(Decimal(-6), Decimal(14)))
    ('4', '-6 to 14')
    >>> str(Gap(None, Decimal(4))), str(Gap(Decimal(-3), None))
    ('at most 4', 'at least -3')
    """

    min: Decimal | None
    max: Decimal | None

    @property
    def is_exact(self) -> bool:
        """Whether the gap is one known number."""
        return self.min is not None and self.min == self.max

    def __str__(self) -> str:
        if self.min is None and self.max is None:
            return "unbounded"
        if self.min is None:
            return f"at most {self.max}"
        if self.max is None:
            return f"at least {self.min}"
        return str(self.min) if self.min == self.max else f"{self.min} to {self.max}"


@unknown_when_incomputable
def gap_between(
    target: Estimate | None, actual: Estimate | None, *, actual_is_lower_bound: bool = False
) -> Gap | None:
    """``target - actual`` as a :class:`Gap`, exactly (no digit is rounded).

    ``min`` is ``target.min - actual.max``, ``max`` is ``target.max - actual.min``.
    ``actual_is_lower_bound``: the true actual may be higher (a period not yet reported), so
    the gap has no lower bound. ``None`` when either figure is ``None``.

    >>> str(gap_between(Estimate.exact(100), Estimate.exact(96)))
    '4'
    >>> str(gap_between(Estimate.range(90, 110), Estimate.exact(96)))
    '-6 to 14'
    """
    if target is None or actual is None:
        return None
    with localcontext(EXACT):
        low = None if actual.max is None or actual_is_lower_bound else target.min - actual.max
        high = None if target.max is None else target.max - actual.min
    return Gap(low, high)


# --- overall figures ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Point:
    """A dated figure: a target due at ``day`` or an actual as of ``day``.

    ``covers`` is the last day of the period an actual is the figure of (for a 1.0 reading,
    its own day): an actual covers a target due on or before it.
    """

    day: date
    value: Estimate | None
    covers: date | None = None


def _period_targets(indicator: Indicator) -> list[_Point]:
    """The periods' targets, each due on its period's last day."""
    points = []
    for period in indicator.periods:
        span = period.span
        if period.target is not None and span is not None:
            points.append(_Point(span[1], period.target.value))
    return points


def _total_target(indicator: Indicator) -> list[_Point]:
    """The total target, due on the last day its ``target_date`` may denote (none if unset)."""
    interval = None if indicator.target_date is None else indicator.target_date.interval()
    if indicator.target is not None and interval is not None:
        return [_Point(interval[1], indicator.target)]
    return []


def _actuals(indicator: Indicator) -> tuple[list[_Point], bool]:
    """Period actuals by their as-of day, else the 1.0 actuals; and whether they are readings.

    Readings (the 1.0 ``actuals``) are cumulative whatever ``accumulation`` says.
    """
    points = []
    for period in indicator.periods:
        day, span = period.actual_as_of, period.span
        if period.actual is not None and day is not None and span is not None:
            points.append(_Point(day, period.actual.value, covers=span[1]))
    if points:
        return points, False
    readings = []
    for value in indicator.actuals:
        interval = value.as_of.interval()
        if interval is not None:
            readings.append(_Point(interval[1], value.value, covers=interval[1]))
    return readings, bool(readings)


def _mode(indicator: Indicator, accumulation: Accumulation) -> Accumulation:
    return "cumulative" if indicator.measure in _LEVELS else accumulation


def _latest(points: Sequence[_Point]) -> _Point | None:
    # max() keeps the first of equal days: of two periods stating the same day, the first listed.
    return max(points, key=lambda p: p.day) if points else None


def _combined(points: Sequence[_Point], mode: Accumulation) -> Estimate | None:
    """The whole of ``points``: their sum (per period) or the latest (cumulative)."""
    if mode == "cumulative":
        latest = _latest(points)
        return None if latest is None else latest.value
    try:
        return sum_known(p.value for p in points)
    except INCOMPUTABLE:
        return None


@dataclass(frozen=True, slots=True)
class OverallAchievement:
    """An indicator's whole target and actual so far, and achievement = actual / target.

    ``target_from`` says where the target comes from: ``stated`` (the indicator's total
    ``target``), ``periods`` (the periods' targets, by ``accumulation``) or ``None`` (unknown).
    ``actual_as_of`` is the last day the actual may refer to. Figures in the indicator's unit,
    achievement a fraction.

    >>> i = Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons", target=300,
    ...               periods=[{"start": "2023", "target": 100, "actual": 96}])
    >>> o = overall_achievement(i)
    >>> str(o.target), o.target_from, str(o.actual), str(o.achievement)
    ('300', 'stated', '96', '0.32')
    """

    target: Estimate | None
    target_from: Literal["stated", "periods"] | None
    actual: Estimate | None
    actual_as_of: date | None
    achievement: Estimate | None
    accumulation: Accumulation


def overall_achievement(
    indicator: Indicator, *, accumulation: Accumulation = "per_period"
) -> OverallAchievement:
    """The whole target, the actual so far and their achievement.

    * Target: the stated total ``target``; else, from the periods, the sum of their targets
      (``per_period``; ``None`` when a period has no target value) or the target of the
      latest-ending period (``cumulative``, and always for percentages and ratios).
    * Actual: from the periods that state one, the sum of their actuals (``per_period``:
      periods not yet reported add nothing, a narrative-only actual makes it unknown) or the
      actual with the latest ``as_of`` (``cumulative``, percentages, ratios); with no period
      actual, the latest format 1.0 ``actuals`` value.
    * Qualitative indicators have no figure: everything ``None``.

    >>> i = Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons",
    ...               periods=[{"start": "2023", "target": 100, "actual": 96},
    ...                        {"start": "2024", "target": 100, "actual": 110}])
    >>> o = overall_achievement(i)
    >>> str(o.target), str(o.actual), str(o.achievement), str(o.actual_as_of)
    ('200', '206', '1.03', '2024-12-31')
    >>> str(overall_achievement(i, accumulation="cumulative").achievement)
    '1.1'
    """
    if indicator.measure is IndicatorMeasure.QUALITATIVE:
        return OverallAchievement(None, None, None, None, None, accumulation)
    mode = _mode(indicator, accumulation)
    target: Estimate | None = indicator.target
    target_from: Literal["stated", "periods"] | None = "stated"
    if target is None:
        points = _period_targets(indicator)
        # Per period, a period without a target leaves the whole unknown (not that period's 0).
        missing = mode == "per_period" and any(p.target is None for p in indicator.periods)
        target = None if missing or not points else _combined(points, mode)
        target_from = None if target is None else "periods"
    actuals, readings = _actuals(indicator)
    actual = _combined(actuals, "cumulative" if readings else mode) if actuals else None
    latest = _latest(actuals)
    return OverallAchievement(
        target=target,
        target_from=target_from,
        actual=actual,
        actual_as_of=None if latest is None else latest.day,
        achievement=share_of(actual, target),
        accumulation=accumulation,
    )


# --- gap to target by a date --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetGap:
    """What was due by ``as_of``, what was achieved by then, and the gap between them.

    ``target``: the targets of the periods ending on or before ``as_of``; ``actual``: the
    actuals as of that date; ``unreported``: periods due by then whose actual is not stated as
    of the date (their achievement is unknown, so the gap has no lower bound, never a guessed
    0). ``unit`` is the indicator's unit; ``gap`` is target - actual (:class:`Gap`), ``None``
    when nothing is due yet or a figure is unknown.

    >>> i = Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons",
    ...               periods=[{"start": "2023", "target": 100, "actual": 96},
    ...                        {"start": "2024", "target": 100}])
    >>> g = gap_to_target(i, as_of=date(2024, 12, 31))
    >>> str(g.target), str(g.actual), g.unreported, str(g.gap), g.unit
    ('200', '96', 1, 'at most 104', 'persons')
    """

    as_of: date
    unit: str
    target: Estimate | None
    actual: Estimate | None
    unreported: int
    gap: Gap | None


def gap_to_target(
    indicator: Indicator, *, as_of: date, accumulation: Accumulation = "per_period"
) -> TargetGap:
    """The gap to target of ``indicator`` by ``as_of``: target due minus actual as of the date.

    * Target due: the targets of the periods whose last day is on or before ``as_of``, summed
      (``per_period``) or the latest of them (``cumulative``, percentages, ratios). When no
      period states a target, the total ``target`` is due at its ``target_date``.
    * Actual: the actuals whose ``as_of`` (the period's end when unset) is on or before the
      date, summed or the latest in the same way; with no period actual, the latest format 1.0
      ``actuals`` value of that date (a cumulative reading).
    * A period due but not reported by the date leaves the actual a lower bound of the
      achievement: the gap is "at most" (a cumulative count never falls); for a percentage or
      a ratio an old reading bounds nothing, so the gap is ``None``.

    Unit: the indicator's unit (``unit_label``). ``None`` gap for qualitative indicators and
    when no target is due by ``as_of``.

    >>> i = Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons",
    ...               periods=[{"start": "2023", "target": 100, "actual": 96},
    ...                        {"start": "2024", "target": 100, "actual": 99}])
    >>> str(gap_to_target(i, as_of=date(2024, 12, 31)).gap)
    '5'
    >>> str(gap_to_target(i, as_of=date(2024, 12, 31), accumulation="cumulative").gap)
    '1'
    """
    unit = indicator.unit_label
    if indicator.measure is IndicatorMeasure.QUALITATIVE:
        return TargetGap(as_of, unit, None, None, 0, None)
    mode = _mode(indicator, accumulation)
    targets = _period_targets(indicator)
    from_total = not targets
    if from_total:
        targets = _total_target(indicator)
    due = [p for p in targets if p.day <= as_of]
    points, readings = _actuals(indicator)
    known = [p for p in points if p.day <= as_of]
    actual = _combined(known, "cumulative" if readings else mode) if known else None
    # The total target, cumulative figures and readings are judged by the latest figures.
    latest_only = readings or mode == "cumulative" or from_total
    unreported = _unreported(indicator, as_of, due, known, latest_only=latest_only)
    target = _combined(due, mode) if due else None
    if target is None:
        return TargetGap(as_of, unit, None, actual, unreported, None)
    if unreported and indicator.measure in _LEVELS:
        return TargetGap(as_of, unit, target, actual, unreported, None)
    if actual is None and unreported:
        actual_for_gap: Estimate | None = Estimate.exact(0)
    else:
        actual_for_gap = actual
    gap = gap_between(target, actual_for_gap, actual_is_lower_bound=unreported > 0)
    return TargetGap(as_of, unit, target, actual, unreported, gap)


def _unreported(
    indicator: Indicator,
    as_of: date,
    due: Sequence[_Point],
    known: Sequence[_Point],
    *,
    latest_only: bool,
) -> int:
    """Periods due by ``as_of`` without an actual as of that date.

    Per period: each due period whose own actual is missing or dated after ``as_of``.
    Cumulative figures and readings: 1 when no known actual covers the latest due target (is
    the figure of that period or a later one, or a reading dated on or after it), else 0.
    """
    latest_due = _latest(due)
    if latest_due is None:
        return 0
    if latest_only:
        covered = any(p.covers is not None and p.covers >= latest_due.day for p in known)
        return int(not covered)
    missing = 0
    for period in indicator.periods:
        span = period.span
        if period.target is None or span is None or span[1] > as_of:
            continue
        day = period.actual_as_of
        if period.actual is None or day is None or day > as_of:
            missing += 1
    return missing


__all__ = [
    "Accumulation",
    "Gap",
    "OverallAchievement",
    "TargetGap",
    "gap_between",
    "gap_to_target",
    "overall_achievement",
    "period_achievement",
    "share_of",
]
