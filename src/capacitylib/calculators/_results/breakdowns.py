"""Breakdown shares: each part of a breakdown over the whole figure it splits.

A share is part / whole, a fraction (1 is the whole), 28 significant digits, half-even; a range
``part.min / whole.max .. part.max / whole.min`` where either is a range; ``None`` when the
whole is unknown or may be 0 (see :func:`~capacitylib.calculators.results.share_of`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from capacitylib.calculators._results.achievement import share_of
from capacitylib.codelists import BreakdownDimension
from capacitylib.models import Indicator
from capacitylib.models.breakdown import Breakdown
from capacitylib.values import Estimate

#: Which figure of an indicator a breakdown splits: the total target, a period's target or
#: actual, or a format 1.0 dated actual.
FigureKind = Literal["target_total", "period_target", "period_actual", "actual"]


@dataclass(frozen=True, slots=True)
class BreakdownShare:
    """One part of a breakdown and its share of the whole figure (part / whole, a fraction).

    ``share`` is ``None`` when the whole is unknown or may be 0. Bounds treat the part and
    the whole as independent (a part 40-60 of a whole 50-100 is 0.4-1.2); whether parts fit
    their whole is a rule's question (``breakdown_*``), not this figure's.

    >>> b = Breakdown(by="gender", parts=[{"category": "women", "value": 88}])
    >>> s = breakdown_shares(b, Estimate.exact(96))[0]
    >>> s.category, str(s.value), str(round(s.share.min, 4))
    ('women', '88', '0.9167')
    """

    by: BreakdownDimension
    category: str
    value: Estimate
    share: Estimate | None


def breakdown_shares(breakdown: Breakdown, whole: Estimate | None) -> tuple[BreakdownShare, ...]:
    """Each part of ``breakdown`` over ``whole`` (the figure it splits), in the parts' order.

    Unit: a fraction (1 is the whole), 28 significant digits; a range
    ``part.min / whole.max .. part.max / whole.min`` where either is a range.

    >>> b = Breakdown(by="gender", complete=True, parts=[{"category": "women", "value": 80},
    ...                                                  {"category": "men", "value": 20}])
    >>> [(s.category, str(s.share)) for s in breakdown_shares(b, b.total)]
    [('women', '0.8'), ('men', '0.2')]
    """
    return tuple(
        BreakdownShare(breakdown.by, part.category, part.value, share_of(part.value, whole))
        for part in breakdown.parts
    )


@dataclass(frozen=True, slots=True)
class IndicatorBreakdown:
    """One breakdown of one figure of an indicator, with the whole it splits and the shares.

    ``figure`` names the figure (:data:`FigureKind`); ``start`` and ``end`` are the period's
    first and last day (``None`` for the total target and 1.0 actuals); ``as_of`` the last
    day an actual may refer to.

    >>> i = Indicator(id="i", kind="output", name={"en": "I"}, unit="persons", target=10,
    ...     target_breakdowns=[{"by": "gender", "parts": [{"category": "women", "value": 6}]}])
    >>> b = indicator_breakdowns(i)[0]
    >>> b.figure, str(b.whole), str(b.shares[0].share)
    ('target_total', '10', '0.6')
    """

    figure: FigureKind
    start: date | None
    end: date | None
    as_of: date | None
    whole: Estimate | None
    breakdown: Breakdown
    shares: tuple[BreakdownShare, ...]


def indicator_breakdowns(indicator: Indicator) -> tuple[IndicatorBreakdown, ...]:
    """Every breakdown of ``indicator``: total target, each period's target and actual, 1.0 actuals.

    In document order; each with :func:`breakdown_shares` of the figure it splits.

    >>> i = Indicator(id="i", kind="output", name={"en": "I"}, unit="persons", periods=[
    ...     {"start": "2023", "actual": {"value": 96, "breakdowns": [
    ...         {"by": "gender", "parts": [{"category": "men", "value": 7}]}]}}])
    >>> [(b.figure, str(b.end), str(b.shares[0].share)[:6]) for b in indicator_breakdowns(i)]
    [('period_actual', '2023-12-31', '0.0729')]
    """
    found: list[IndicatorBreakdown] = []

    def add(
        figure: FigureKind,
        breakdowns: Iterable[Breakdown],
        whole: Estimate | None,
        span: tuple[date, date] | None = None,
        as_of: date | None = None,
    ) -> None:
        start, end = (None, None) if span is None else span
        for breakdown in breakdowns:
            shares = breakdown_shares(breakdown, whole)
            found.append(IndicatorBreakdown(figure, start, end, as_of, whole, breakdown, shares))

    add("target_total", indicator.target_breakdowns, indicator.target)
    for period in indicator.periods:
        if period.target is not None:
            add("period_target", period.target.breakdowns, period.target.value, period.span)
        if period.actual is not None:
            add(
                "period_actual",
                period.actual.breakdowns,
                period.actual.value,
                period.span,
                period.actual_as_of,
            )
    for value in indicator.actuals:
        interval = value.as_of.interval()
        add(
            "actual", value.breakdowns, value.value, as_of=None if interval is None else interval[1]
        )
    return tuple(found)


__all__ = [
    "BreakdownShare",
    "FigureKind",
    "IndicatorBreakdown",
    "breakdown_shares",
    "indicator_breakdowns",
]
