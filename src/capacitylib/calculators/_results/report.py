"""The report section of a results framework: every indicator's figures per reporting period.

:func:`indicator_period_figures` computes the figures (exact, unrounded);
:func:`indicator_periods_json` and :func:`indicator_periods_text` render them, rounding as the
programme report does (achievement to 4 places of the fraction, half-even); targets, actuals
and gaps are shown as stated, without trailing zeros.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import localcontext
from typing import Any

from capacitylib.calculators._common import WIDE, figure, round_estimate
from capacitylib.calculators._results.achievement import Gap, gap_between, period_achievement
from capacitylib.models import Programme
from capacitylib.models.indicator import IndicatorPeriod
from capacitylib.values import Estimate
from capacitylib.values._decimal import tidy


@dataclass(frozen=True, slots=True)
class IndicatorPeriodFigures:
    """One indicator in one reporting period: target, actual, as of, achievement and gap.

    ``period`` is the period as stated (``2023``, ``2023-01..2023-06``); ``start`` and ``end``
    its first and last day. ``target`` and ``actual`` are in ``unit`` (the indicator's
    ``unit_label``); ``as_of`` is the last day the actual may refer to (its ``as_of``, else the
    period's end); ``achievement`` is actual / target (a fraction,
    :func:`~capacitylib.calculators.results.period_achievement`); ``gap`` is target - actual
    (:class:`~capacitylib.calculators.results.Gap`). ``None``: not stated or unknown. The
    narratives carry qualitative targets and actuals (in English, else the first language).

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "trained",
    ...     "kind": "output", "name": {"en": "Trained"}, "unit": "persons",
    ...     "periods": [{"start": "2023", "target": 100, "actual": 96}]}])
    >>> f = indicator_period_figures(p)[0]
    >>> f.indicator, f.period, str(f.target), str(f.actual), str(f.achievement), str(f.gap)
    ('trained', '2023', '100', '96', '0.96', '4')
    """

    indicator: str
    name: str
    measure: str
    unit: str
    period: str
    start: date | None
    end: date | None
    target: Estimate | None
    actual: Estimate | None
    as_of: date | None
    achievement: Estimate | None
    gap: Gap | None
    target_narrative: str | None = None
    actual_narrative: str | None = None


def _label(period: IndicatorPeriod) -> str:
    return str(period.start) if period.end is None else f"{period.start}..{period.end}"


def indicator_period_figures(programme: Programme) -> tuple[IndicatorPeriodFigures, ...]:
    """One row per indicator and reporting period of ``programme``, in document order.

    Indicators without periods (format 1.0: one total target, dated actuals) have no rows here;
    the report's indicator section covers them.

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "share",
    ...     "kind": "result", "name": {"en": "Rating it useful"}, "measure": "percentage",
    ...     "periods": [{"start": "2023", "target": 80, "actual": {"value": "83.5"}}]}])
    >>> f = indicator_period_figures(p)[0]
    >>> f.unit, str(f.achievement), str(f.gap)
    ('percentage', '1.04375', '-3.5')
    """
    with localcontext(WIDE):  # whatever the caller's decimal context
        rows = []
        for indicator in programme.indicators:
            for period in indicator.periods:
                target = None if period.target is None else period.target.value
                actual = None if period.actual is None else period.actual.value
                span = period.span
                rows.append(
                    IndicatorPeriodFigures(
                        indicator=indicator.id,
                        name=indicator.name.best("en"),
                        measure=indicator.measure.value,
                        unit=indicator.unit_label,
                        period=_label(period),
                        start=None if span is None else span[0],
                        end=None if span is None else span[1],
                        target=target,
                        actual=actual,
                        as_of=period.actual_as_of,
                        achievement=period_achievement(period),
                        gap=gap_between(target, actual),
                        target_narrative=_narrative(period.target),
                        actual_narrative=_narrative(period.actual),
                    )
                )
        return tuple(rows)


def _narrative(stated: Any) -> str | None:
    if stated is None or stated.narrative is None:
        return None
    text: str = stated.narrative.best("en")
    return text


# --- rendering ---------------------------------------------------------------------------------


def _render() -> Any:
    """The programme report's renderer: its one rounding policy and its JSON figures.

    Imported on use: the report's renderer may import this module.
    """
    from capacitylib.calculators import _render  # noqa: PLC0415 - see the docstring

    return _render


def _json_gap(gap: Gap | None, number: Any) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "min": None if gap.min is None else number(gap.min),
        "max": None if gap.max is None else number(gap.max),
    }


def indicator_periods_json(figures: Iterable[IndicatorPeriodFigures]) -> list[dict[str, Any]]:
    """The rows as JSON-ready dicts: figures ``{"min", "max"}``, dates ISO text, ``None`` unknown.

    Keys: ``indicator``, ``unit``, ``period``, ``start``, ``end``, ``target``, ``actual``,
    ``as_of``, ``achievement`` (the fraction rounded to 4 places, half-even), ``gap`` (signed;
    a ``null`` bound is no bound on that side), ``target_narrative``, ``actual_narrative``.

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "i",
    ...     "kind": "output", "name": {"en": "I"}, "unit": "persons",
    ...     "periods": [{"start": "2023", "target": 3, "actual": 2}]}])
    >>> row = indicator_periods_json(indicator_period_figures(p))[0]
    >>> row["achievement"], row["gap"], row["as_of"]
    ({'min': '0.6667', 'max': '0.6667'}, {'min': 1, 'max': 1}, '2023-12-31')
    """
    render = _render()
    json_figure, places = render.json_figure, render.SHARE_PLACES
    with localcontext(WIDE):
        return [
            {
                "indicator": f.indicator,
                "unit": f.unit,
                "period": f.period,
                "start": None if f.start is None else f.start.isoformat(),
                "end": None if f.end is None else f.end.isoformat(),
                "target": json_figure(f.target),
                "actual": json_figure(f.actual),
                "as_of": None if f.as_of is None else f.as_of.isoformat(),
                "achievement": json_figure(f.achievement, places),
                "gap": _json_gap(f.gap, render.json_number),
                "target_narrative": f.target_narrative,
                "actual_narrative": f.actual_narrative,
            }
            for f in figures
        ]


def _text(value: Estimate, places: int | None = None) -> str:
    if places is not None:
        value = round_estimate(value, places)
    high = None if value.max is None else tidy(value.max)
    return str(figure(tidy(value.min), high, approximate=value.approximate))


def _gap_text(gap: Gap) -> str:
    tidied = Gap(
        None if gap.min is None else tidy(gap.min), None if gap.max is None else tidy(gap.max)
    )
    return str(tidied)


def _line(f: IndicatorPeriodFigures, places: int) -> str:
    parts = []
    if f.target is not None:
        parts.append(f"target {_text(f.target)}")
    elif f.target_narrative is not None:
        parts.append(f"target: {f.target_narrative}")
    if f.actual is not None:
        as_of = "" if f.as_of is None else f" (as of {f.as_of.isoformat()})"
        parts.append(f"actual {_text(f.actual)}{as_of}")
    elif f.actual_narrative is not None:
        parts.append(f"actual: {f.actual_narrative}")
    else:
        parts.append("actual not reported")
    if f.achievement is not None:
        percent = figure(
            f.achievement.min * 100,
            None if f.achievement.max is None else f.achievement.max * 100,
            approximate=f.achievement.approximate,
        )
        parts.append(f"achievement {_text(percent, places - 2)}%")
    if f.gap is not None:
        parts.append(f"gap {_gap_text(f.gap)}")
    return f"    {f.period}: " + ", ".join(parts)


def indicator_periods_text(figures: Iterable[IndicatorPeriodFigures]) -> list[str]:
    """The rows as report text: a heading, then each indicator with its unit and its periods.

    Achievement as a percentage to 2 places (the fraction's 4, half-even); empty when there
    are no rows.

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "trained",
    ...     "kind": "output", "name": {"en": "Trained"}, "unit": "persons", "periods": [
    ...         {"start": "2023", "target": 100, "actual": {"value": 96, "as_of": "2023-12"}},
    ...         {"start": "2024", "target": {"value": {"min": 90, "max": 110}}}]}])
    >>> for line in indicator_periods_text(indicator_period_figures(p)):
    ...     print(line)
    Indicators by period:
      trained (persons): Trained
        2023: target 100, actual 96 (as of 2023-12-31), achievement 96%, gap 4
        2024: target 90-110, actual not reported
    """
    places: int = _render().SHARE_PLACES
    lines: list[str] = []
    current: str | None = None
    with localcontext(WIDE):
        for f in figures:
            if f.indicator != current:
                current = f.indicator
                lines.append(f"  {f.indicator} ({f.unit}): {f.name}")
            lines.append(_line(f, places))
    return ["Indicators by period:", *lines] if lines else []


__all__ = [
    "IndicatorPeriodFigures",
    "indicator_period_figures",
    "indicator_periods_json",
    "indicator_periods_text",
]
