"""The report's indicators section: each indicator's target, latest actual and achievement."""

from __future__ import annotations

from dataclasses import dataclass

from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators.reach import achievement
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
        figures.append(
            IndicatorFigures(
                id=indicator.id,
                kind=indicator.kind.value,
                name=indicator.name.best("en"),
                unit=indicator.unit_label,
                target_group=indicator.target_group.value if indicator.target_group else None,
                target=indicator.target,
                target_date=indicator.target_date.isoformat() if indicator.target_date else None,
                actual=latest.value if latest else None,
                actual_as_of=latest.as_of.isoformat() if latest else None,
                achievement=achievement(indicator),
            )
        )
    return tuple(figures)


__all__ = ["IndicatorFigures", "indicators_section"]
