"""The results framework of each indicator: its reporting periods, its measure, its relations.

* **Periods**: a period states a target or an actual (``indicator_period_empty``); the periods
  of one indicator share no day (``indicator_periods_overlap``: a period is its
  :attr:`IndicatorPeriod.span`, first to last day inclusive, so ``2023-01..2023-06`` and
  ``2023-06..2023-12`` share June); a period shares at least one day with the programme period
  (:attr:`Context.span`, as the other period rules judge it): a calendar year that the
  programme covers in part is inside. Without a programme period: silent.
* **Measure**: a percentage whose every reading is above 100 is info (a share cannot be, a
  growth rate can: the model does not say which); a figure of a qualitative indicator without
  a narrative, and a figure of a count, percentage or ratio indicator with a narrative only,
  are warnings.
* **Relations**: ``subset_of`` forms no cycle; a subset counts in its parent's measure and unit;
  a subset's figures do not exceed its parent's: the total target, the actuals of the same
  ``as_of`` and, per period, the target and the actual of the parent's period with the same
  span. Equal is fine; a range exceeds only when its minimum is above the parent's maximum
  (approximate figures widened by ``RuleOptions.approximate_margin``). Only counts (measure
  ``unit``) are compared: a percentage of a subgroup may exceed the whole's. A parent whose id
  is repeated, or whose periods or actuals repeat a span or date, is not compared on what is
  ambiguous. ``follows_from`` belongs to a result indicator and names output indicators.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from typing import TypeVar

from capacitylib.codelists import IndicatorKind, IndicatorMeasure
from capacitylib.errors import Loc, Problem, format_path
from capacitylib.models import Indicator, Programme
from capacitylib.models.breakdown import Breakdown
from capacitylib.models.indicator import IndicatorPeriod
from capacitylib.rules._bounds import exceeds, widened
from capacitylib.rules._context import Context, Findings, finding, quoted
from capacitylib.values import Estimate

Span = tuple[date, date]
K = TypeVar("K", bound=Hashable)


def check_results(programme: Programme, ctx: Context) -> Findings:
    """Findings ``indicator_period*``, ``indicator_subset_*`` and the measure rules."""
    indicators = programme.indicators
    related = any(ind.subset_of is not None or ind.follows_from for ind in indicators)
    index: dict[str, int] = _once(ind.id for ind in indicators) if related else {}
    cycles, cyclic = _cycles(indicators, index) if related else ({}, set())
    for i, indicator in enumerate(indicators):
        at: Loc = ("indicators", i)
        yield from _periods(indicator, at, ctx)
        yield from _measure(indicator, at)
        if not related:
            continue
        if i in cycles:
            yield cycles[i]
        parent = index.get(indicator.subset_of) if indicator.subset_of else None
        if parent is not None and i not in cyclic:
            yield from _subset(indicators, i, parent, ctx)
        yield from _follows_from(indicators, i, index)


def _period_text(period: IndicatorPeriod) -> str:
    return str(period.start) if period.end is None else f"{period.start}..{period.end}"


def _days(span: Span) -> str:
    return f"{span[0].isoformat()}..{span[1].isoformat()}"


def _periods(indicator: Indicator, at: Loc, ctx: Context) -> Findings:
    for j, period in enumerate(indicator.periods):
        if period.target is None and period.actual is None:
            yield finding(
                "indicator_period_empty",
                (*at, "periods", j),
                f"'periods[{j}]' must state a 'target' or an 'actual' (got {_period_text(period)} "
                "with neither)",
                value=_period_text(period),
            )
    yield from _overlaps(indicator.periods, at)
    programme = ctx.span
    if programme is None:
        return
    for j, period in enumerate(indicator.periods):
        span = period.span
        if span is None or not (
            span[1] < programme.start or (programme.end is not None and span[0] > programme.end)
        ):
            continue
        stated = str(ctx.stated) if ctx.stated is not None else str(programme)
        yield finding(
            "indicator_period_outside_programme_period",
            (*at, "periods", j),
            f"'periods[{j}]' must share days with the programme period {quoted(ctx.period_loc)} "
            f"{stated} (got {_period_text(period)}, {_days(span)})",
            value=_period_text(period),
            programme_period=stated,
        )


def _overlaps(periods: Sequence[IndicatorPeriod], at: Loc) -> Findings:
    """Each period that shares a day with another, once, naming one it overlaps (by a sweep)."""
    spans = sorted((p.span, j) for j, p in enumerate(periods) if p.span is not None)
    first_of: dict[Span, int] = {}
    reported: dict[int, tuple[int, Span, Span]] = {}
    reach: tuple[date, int, Span] | None = None  # the furthest end so far, its period
    for span, j in spans:
        other: tuple[int, Span] | None = None
        if span in first_of:
            other = first_of[span], span
        elif reach is not None and span[0] <= reach[0]:
            other = reach[1], reach[2]
        first_of.setdefault(span, j)
        if other is not None:
            later, earlier = max(j, other[0]), min(j, other[0])
            reported.setdefault(later, (earlier, span, other[1]))
        if reach is None or span[1] > reach[0]:
            reach = span[1], j, span
    for k in sorted(reported):
        j, first, second = reported[k]
        got, theirs = periods[k], periods[j]
        if first == second:
            message = (
                f"'periods[{k}]' must not repeat {quoted((*at, 'periods', j))} (got "
                f"{_period_text(got)}, {_days(first)}, twice: one period has one target and "
                "one actual)"
            )
        else:
            shared = (max(first[0], second[0]), min(first[1], second[1]))
            message = (
                f"'periods[{k}]' must not overlap {quoted((*at, 'periods', j))} "
                f"{_period_text(theirs)} (got {_period_text(got)}; both cover {_days(shared)}, "
                "which would be counted twice)"
            )
        yield finding(
            "indicator_periods_overlap",
            (*at, "periods", k),
            message,
            value=_period_text(got),
            other_path=format_path((*at, "periods", j)),
        )


def _parts(breakdowns: Sequence[Breakdown], at: Loc) -> Iterator[tuple[Loc, Estimate]]:
    for k, breakdown in enumerate(breakdowns):
        for m, part in enumerate(breakdown.parts):
            yield (*at, k, "parts", m, "value"), part.value


def figures(indicator: Indicator, at: Loc) -> Iterator[tuple[Loc, Estimate]]:
    """Every figure the indicator states, with its path: baseline, targets, actuals, parts."""
    if indicator.baseline is not None:
        yield (*at, "baseline"), indicator.baseline
    if indicator.target is not None:
        yield (*at, "target"), indicator.target
    yield from _parts(indicator.target_breakdowns, (*at, "target_breakdowns"))
    for j, period in enumerate(indicator.periods):
        for name, figure in (("target", period.target), ("actual", period.actual)):
            if figure is None:
                continue
            loc = (*at, "periods", j, name)
            if figure.value is not None:
                yield (*loc, "value"), figure.value
            yield from _parts(figure.breakdowns, (*loc, "breakdowns"))
    for j, actual in enumerate(indicator.actuals):
        yield (*at, "actuals", j, "value"), actual.value
        yield from _parts(actual.breakdowns, (*at, "actuals", j, "breakdowns"))


def _measure(indicator: Indicator, at: Loc) -> Findings:
    measure = indicator.measure
    if measure is IndicatorMeasure.PERCENTAGE:
        for loc, value in figures(indicator, at):
            if value.min > 100:
                yield finding(
                    "indicator_percentage_above_hundred",
                    loc,
                    f"'{loc[-1]}' of a percentage indicator must be at most 100 for a share "
                    f"(got {value}; right for a growth rate)",
                    value=str(value),
                )
    qualitative = measure is IndicatorMeasure.QUALITATIVE
    if qualitative:
        if indicator.target is not None:
            yield _figure_without_words((*at, "target"), indicator.target)
        for j, actual in enumerate(indicator.actuals):
            yield _figure_without_words((*at, "actuals", j, "value"), actual.value)
    for j, period in enumerate(indicator.periods):
        for name, figure in (("target", period.target), ("actual", period.actual)):
            if figure is None:
                continue
            loc = (*at, "periods", j, name)
            if qualitative and figure.value is not None and figure.narrative is None:
                yield _figure_without_words(loc, figure.value)
            elif not qualitative and figure.value is None:
                yield finding(
                    "indicator_narrative_without_value",
                    loc,
                    f"'{name}' of a {measure.value} indicator must state a 'value' (got a "
                    "narrative only; a figure in words is measure 'qualitative')",
                    value=None,
                    measure=measure.value,
                )


def _figure_without_words(loc: Loc, value: Estimate) -> Problem:
    field = next(part for part in reversed(loc) if isinstance(part, str))
    return finding(
        "indicator_qualitative_without_narrative",
        loc,
        f"'{field}' of a qualitative indicator must state a 'narrative' (got the figure {value} "
        "only; a figure is measure 'unit', 'percentage' or 'ratio')",
        value=str(value),
    )


def _cycles(
    indicators: Sequence[Indicator], index: dict[str, int]
) -> tuple[dict[int, Problem], set[int]]:
    """Each ``subset_of`` cycle's finding by its first member's index, and every member."""
    state = [0] * len(indicators)  # 0 unseen, 1 on the current walk, 2 done
    found: dict[int, Problem] = {}
    members: set[int] = set()
    for start in range(len(indicators)):
        walk: list[int] = []
        node: int | None = start
        while node is not None and state[node] == 0:
            state[node] = 1
            walk.append(node)
            parent = indicators[node].subset_of
            node = index.get(parent) if parent is not None else None
        if node is not None and state[node] == 1:
            cycle = walk[walk.index(node) :]
            members.update(cycle)
            first = cycle.index(min(cycle))
            ordered = cycle[first:] + cycle[:first]
            ids = [indicators[k].id for k in ordered]
            found[ordered[0]] = finding(
                "indicator_subset_cycle",
                ("indicators", ordered[0], "subset_of"),
                f"'subset_of' must not lead back to the indicator itself (got "
                f"{' -> '.join([*ids, ids[0]])}: each would be a part of itself)",
                value=indicators[ordered[0]].subset_of,
                cycle=ids,
            )
        for k in walk:
            state[k] = 2
    return found, members


def _same_measure(sub: Indicator, parent: Indicator) -> bool:
    if sub.measure is not parent.measure:
        return False
    return sub.measure is not IndicatorMeasure.UNIT or sub.unit is parent.unit


def _subset(indicators: Sequence[Indicator], i: int, p: int, ctx: Context) -> Findings:
    sub, parent = indicators[i], indicators[p]
    at: Loc = ("indicators", i)
    if not _same_measure(sub, parent):
        yield finding(
            "indicator_subset_unit_mismatch",
            (*at, "subset_of"),
            f"'subset_of' must name an indicator in the same measure and unit (got "
            f"'{parent.id}', in {parent.unit_label}, for an indicator in {sub.unit_label}; "
            "the figures cannot be compared)",
            value=parent.id,
            unit=sub.unit_label,
            parent_unit=parent.unit_label,
        )
        return
    if sub.measure is not IndicatorMeasure.UNIT:
        return
    parent_at: Loc = ("indicators", p)
    pairs: list[tuple[Loc, Estimate | None, Loc, Estimate | None]] = [
        ((*at, "target"), sub.target, (*parent_at, "target"), parent.target)
    ]
    dates = _once(a.as_of.isoformat() for a in parent.actuals)
    for j, actual in enumerate(sub.actuals):
        k = dates.get(actual.as_of.isoformat())
        if k is not None:
            pairs.append(
                (
                    (*at, "actuals", j, "value"),
                    actual.value,
                    (*parent_at, "actuals", k, "value"),
                    parent.actuals[k].value,
                )
            )
    spans = _once(pp.span for pp in parent.periods)
    for j, period in enumerate(sub.periods):
        k = spans.get(period.span) if period.span is not None else None
        if k is None:
            continue
        theirs = parent.periods[k]
        for name in ("target", "actual"):
            mine, other = getattr(period, name), getattr(theirs, name)
            pairs.append(
                (
                    (*at, "periods", j, name, "value"),
                    None if mine is None else mine.value,
                    (*parent_at, "periods", k, name, "value"),
                    None if other is None else other.value,
                )
            )
    for loc, value, parent_loc, parent_value in pairs:
        if value is None or parent_value is None:
            continue
        if exceeds(widened(value, ctx), widened(parent_value, ctx)):
            yield finding(
                "indicator_subset_exceeds_parent",
                loc,
                f"'{loc[-1]}' must not exceed the parent indicator's {quoted(parent_loc)} "
                f"{parent_value} (got {value}; 'subset_of' names '{parent.id}', of which this "
                "counts a part)",
                value=str(value),
                parent=str(parent_value),
                parent_path=format_path(parent_loc),
            )


def _once(keys: Iterable[K]) -> dict[K, int]:
    """The index of each key that occurs once; a repeated key (id, span, date) is ambiguous."""
    index: dict[K, int] = {}
    repeated: set[K] = set()
    for j, key in enumerate(keys):
        if key in index:
            repeated.add(key)
        index.setdefault(key, j)
    return {key: j for key, j in index.items() if key not in repeated}


def _follows_from(indicators: Sequence[Indicator], i: int, index: dict[str, int]) -> Findings:
    indicator = indicators[i]
    if not indicator.follows_from:
        return
    at: Loc = ("indicators", i, "follows_from")
    if indicator.kind is IndicatorKind.OUTPUT:
        yield finding(
            "indicator_follows_from_kind_mismatch",
            at,
            "'follows_from' must be stated by a result indicator, naming the outputs it "
            f"follows from (got it on the output indicator '{indicator.id}')",
            value=list(indicator.follows_from),
        )
        return
    for k, ref in enumerate(indicator.follows_from):
        j = index.get(ref)
        if j is not None and indicators[j].kind is IndicatorKind.RESULT:
            yield finding(
                "indicator_follows_from_kind_mismatch",
                (*at, k),
                f"'follows_from[{k}]' must name an output indicator (got '{ref}', a result "
                "indicator)",
                value=ref,
            )
