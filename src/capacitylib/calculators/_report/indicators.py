"""The report's indicators section: each indicator's target, latest actual and achievement.

An indicator with reporting periods shows its whole target and its actual so far
(:func:`~capacitylib.calculators.results.overall_achievement`, periods added up); one without
shows its total target and latest dated actual (:func:`~capacitylib.calculators.achievement`).
"""

from __future__ import annotations

from dataclasses import dataclass

from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators.reach import achievement
from capacitylib.calculators.results import overall_achievement
from capacitylib.values import Estimate


@dataclass(frozen=True, slots=True)
class IndicatorFigures:
    """An indicator's target, latest actual and achievement (actual / target).

    >>> import capacitylib
    >>> from capacitylib.calculators import build_report
    >>> i = build_report(capacitylib.load_examples()[3]).indicators[0]
    >>> i.id, i.unit, str(i.target), i.actual, i.achievement
    ('social-workers-trained', 'persons', '14', None, None)
    """

    id: str
    kind: str
    name: str
    unit: str
    target_group: str | None
    target: Estimate | None
    target_date: str | None
    actual: Estimate | None
    actual_as_of: str | None
    achievement: Estimate | None


def indicators_section(inputs: ReportInputs) -> tuple[IndicatorFigures, ...]:
    """The figures of every indicator, in the document's order."""
    figures = []
    for indicator in inputs.programme.indicators:
        latest = indicator.latest_actual
        target, actual = indicator.target, latest.value if latest else None
        as_of = latest.as_of.isoformat() if latest else None
        share = achievement(indicator)
        if indicator.periods:
            # Reporting periods: the whole target and the actual so far, per period added up
            # (see overall_achievement), so that the overview agrees with the period rows.
            overall = overall_achievement(indicator)
            target, actual, share = overall.target, overall.actual, overall.achievement
            as_of = overall.actual_as_of.isoformat() if overall.actual_as_of else None
        figures.append(
            IndicatorFigures(
                id=indicator.id,
                kind=indicator.kind.value,
                name=indicator.name.best("en"),
                unit=indicator.unit_label,
                target_group=indicator.target_group.value if indicator.target_group else None,
                target=target,
                target_date=indicator.target_date.isoformat() if indicator.target_date else None,
                actual=actual,
                actual_as_of=as_of,
                achievement=share,
            )
        )
    return tuple(figures)


__all__ = ["IndicatorFigures", "indicators_section"]
