"""Indicators: planned targets and achieved values."""

from __future__ import annotations

from capacitylib.codelists import IndicatorKind, ReachUnit, TargetGroup
from capacitylib.models._base import CapacityModel, Note
from capacitylib.values import Estimate, LocalizedText, ObjectId, PartialDate


class IndicatorValue(CapacityModel):
    """An achieved value of an indicator as of a date, with where it was reported."""

    value: Estimate
    as_of: PartialDate
    source: Note | None = None


class Indicator(CapacityModel):
    """An output or result indicator: unit, target group, baseline, target and actual values.

    >>> i = Indicator(id="trained", kind="output", name={"lv": "Apmācīti sociālie darbinieki"},
    ...               unit="persons", target=14, target_date="2015-04")
    >>> str(i.target), str(i.target_date)
    ('14', '2015-04')
    """

    id: ObjectId
    kind: IndicatorKind
    name: LocalizedText
    unit: ReachUnit
    target_group: TargetGroup | None = None
    baseline: Estimate | None = None
    target: Estimate | None = None
    target_date: PartialDate | None = None
    actuals: tuple[IndicatorValue, ...] = ()
    activity: ObjectId | None = None
    note: Note | None = None

    @property
    def latest_actual(self) -> IndicatorValue | None:
        """The actual value with the latest ``as_of`` (by the last day it may denote)."""
        dated = [(a.as_of.interval(), a) for a in self.actuals]
        known = [(span[1], a) for span, a in dated if span is not None]
        if known:
            return max(known, key=lambda pair: pair[0])[1]
        return self.actuals[-1] if self.actuals else None
