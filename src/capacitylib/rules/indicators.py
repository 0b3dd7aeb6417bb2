"""Achieved indicator values against their targets and the check date.

* **Far above target**: an actual whose minimum exceeds ``RuleOptions.actual_target_ratio``
  (1.5) times the target's maximum, so that a range is reported only when every reading of it
  is far above ("480 persons" for a target of 100 usually counts participations, not persons).
  A target of 0 has no ratio: silent.
* **In the future**: an actual whose date's first possible day is after the check date
  (``check(as_of=...)``, today by default). ``2025`` is in the future on 2024-12-31; a date
  without a year cannot be judged: silent.
"""

from __future__ import annotations

from decimal import Decimal

from capacitylib.models import Programme
from capacitylib.rules._context import HUGE, Context, Findings, finding


def check_indicators(programme: Programme, ctx: Context) -> Findings:
    """Findings ``indicator_actual_*`` of one programme."""
    ratio = ctx.options.actual_target_ratio
    for i, indicator in enumerate(programme.indicators):
        target = indicator.target
        for j, actual in enumerate(indicator.actuals):
            if (
                target is not None
                and target.max is not None
                and target.max > 0
                and actual.value.min > target.max * ratio
            ):
                yield finding(
                    "indicator_actual_far_above_target",
                    ("indicators", i, "actuals", j, "value"),
                    f"'value' must be at most {ratio} times 'indicators[{i}].target' {target} "
                    f"(got {actual.value}, {_times(actual.value.min / target.max)} times; "
                    "participations counted as persons?)",
                    value=str(actual.value),
                    target=str(target),
                    ratio=ratio,
                )
            span = actual.as_of.interval()
            if span is not None and span[0] > ctx.as_of:
                yield finding(
                    "indicator_actual_in_future",
                    ("indicators", i, "actuals", j, "as_of"),
                    f"'as_of' must not be after the check date {ctx.as_of.isoformat()} "
                    f"(got {actual.as_of})",
                    value=actual.as_of.isoformat(),
                    check_date=ctx.as_of.isoformat(),
                )


def _times(ratio: Decimal) -> str:
    """A ratio for the message: two decimals, or scientific notation when huge."""
    return f"{ratio:.2E}" if ratio >= HUGE else f"{ratio:.2f}"
