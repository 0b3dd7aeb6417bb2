"""Results framework: achievement per period and overall, breakdown shares, gaps to target.

Pure functions from indicators (or programmes) to exact figures, each with its definition and
unit (also in ``docs/semantics.md``); unknown figures are ``None``, never 0.

Definitions, used by every function here:

* *Achievement* is actual / target, a fraction (1 is 100%). A range in either figure gives a
  range: ``actual.min / target.max .. actual.max / target.min``; a target without an upper
  bound ("at least 100") gives the lower bound 0, an actual without one ("at least 90") a
  result without one. ``None`` when either figure is missing or qualitative, or the target
  may be 0 (a target of 0, "up to 100"). 28 significant digits, half-even; round for display.
* *Accumulation* (``accumulation=``) says how the periods of a count relate, which documents
  rarely state: ``per_period`` (the default: each period's target and actual count that
  period only, a target per year, so the whole is their sum) or ``cumulative`` (each figure
  counts everything since the start, as systems that transmit cumulative values do, so the
  whole is the latest). Percentages and ratios are levels, never added: their whole is always
  the latest figure. Periods are assumed not to overlap.
* Format 1.0 ``actuals`` (a list of dated values) are cumulative readings, as
  :func:`~capacitylib.calculators.achievement` reads them; they are used only when no period
  of the indicator states an actual.
* A date is *reached* by a period when its last possible day (``span[1]``, for ``2024``
  2024-12-31) is on or before it, and by an actual when its
  :attr:`~capacitylib.models.indicator.IndicatorPeriod.actual_as_of` is.
* A *gap* is target - actual in the indicator's unit, signed: positive is short of the
  target, negative above it (:class:`Gap`).

>>> import capacitylib
>>> from capacitylib.calculators.results import overall_achievement, period_achievement
>>> i = capacitylib.Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons",
...     target=300, periods=[{"start": "2023", "target": 100, "actual": 96}])
>>> str(period_achievement(i.periods[0])), str(overall_achievement(i).achievement)
('0.96', '0.32')
"""

from capacitylib.calculators._results.achievement import (
    Accumulation,
    Gap,
    OverallAchievement,
    TargetGap,
    gap_between,
    gap_to_target,
    overall_achievement,
    period_achievement,
    share_of,
)
from capacitylib.calculators._results.breakdowns import (
    BreakdownShare,
    FigureKind,
    IndicatorBreakdown,
    breakdown_shares,
    indicator_breakdowns,
)
from capacitylib.calculators._results.common_indicators import (
    CommonIndicatorTotal,
    common_indicator_totals,
)
from capacitylib.calculators._results.report import (
    IndicatorPeriodFigures,
    indicator_period_figures,
    indicator_periods_json,
    indicator_periods_text,
)

__all__ = [
    "Accumulation",
    "BreakdownShare",
    "CommonIndicatorTotal",
    "FigureKind",
    "Gap",
    "IndicatorBreakdown",
    "IndicatorPeriodFigures",
    "OverallAchievement",
    "TargetGap",
    "breakdown_shares",
    "common_indicator_totals",
    "gap_between",
    "gap_to_target",
    "indicator_breakdowns",
    "indicator_period_figures",
    "indicator_periods_json",
    "indicator_periods_text",
    "overall_achievement",
    "period_achievement",
    "share_of",
]
