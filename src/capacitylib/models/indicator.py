"""Indicators: planned targets and achieved values."""

from __future__ import annotations

from pydantic import Field

from capacitylib.codelists import IndicatorKind, ReachUnit, TargetGroup
from capacitylib.models._base import EXTENSIONS_DESCRIPTION, CapacityModel, Extensions, Note
from capacitylib.values import Estimate, LocalizedText, ObjectId, PartialDate


class IndicatorValue(CapacityModel):
    """An achieved value of an indicator as of a date, with where it was reported.

    >>> v = IndicatorValue(value=12, as_of="2015-03", source="final report")
    >>> str(v.value), str(v.as_of)
    ('12', '2015-03')
    """

    value: Estimate = Field(description="The achieved value.")
    as_of: PartialDate = Field(
        description="Date the value refers to, to day, month or year precision."
    )
    source: Note | None = Field(default=None, description="Where the value was reported.")


class Indicator(CapacityModel):
    """An output or result indicator: unit, target group, baseline, target and actual values.

    >>> i = Indicator(id="trained", kind="output", name={"lv": "Apmācīti sociālie darbinieki"},
    ...               unit="persons", target=14, target_date="2015-04")
    >>> str(i.target), str(i.target_date)
    ('14', '2015-04')
    """

    id: ObjectId = Field(description="Identifier of the indicator, unique in the document.")
    kind: IndicatorKind = Field(description="Output or result indicator.")
    name: LocalizedText = Field(description="Name of the indicator.")
    unit: ReachUnit = Field(description="Unit the indicator counts in.")
    target_group: TargetGroup | None = Field(
        default=None, description="Group the indicator counts."
    )
    baseline: Estimate | None = Field(default=None, description="Value before the programme.")
    target: Estimate | None = Field(default=None, description="Planned value.")
    target_date: PartialDate | None = Field(
        default=None, description="Date by which the target is to be reached."
    )
    actuals: tuple[IndicatorValue, ...] = Field(
        default=(), description="Achieved values, each with its as-of date."
    )
    activity: ObjectId | None = Field(
        default=None, description="Id of the activity the indicator measures."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")
    extensions: Extensions = Field(
        default_factory=dict,
        description=EXTENSIONS_DESCRIPTION,
        json_schema_extra={"additionalProperties": False},
    )

    @property
    def latest_actual(self) -> IndicatorValue | None:
        """The actual value with the latest ``as_of`` (by the last day it may denote)."""
        dated = [(a.as_of.interval(), a) for a in self.actuals]
        known = [(span[1], a) for span, a in dated if span is not None]
        if known:
            return max(known, key=lambda pair: pair[0])[1]
        return self.actuals[-1] if self.actuals else None
