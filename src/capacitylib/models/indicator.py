"""Indicators: a results framework of baselines, targets and actuals per reporting period.

Every results framework of the field (ESF+ monitoring, the EEA and Norway Grants results
framework, IATI results) has one shape: an indicator with a baseline, a target per reporting
period and an actual per period, broken down by who the participants are, often reporting one
of the funder's common indicators. An :class:`Indicator` holds all of it; the format 1.0 fields
(one ``target`` with its ``target_date``, a list of dated ``actuals``) stay as they were.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar, Self

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from capacitylib.codelists import (
    IndicatorKind,
    IndicatorMeasure,
    ReachUnit,
    TargetGroup,
)
from capacitylib.models._base import (
    EXTENSIONS_DESCRIPTION,
    CapacityModel,
    Extensions,
    Note,
    _period_date,
)
from capacitylib.models.breakdown import _BREAKDOWNS_DESCRIPTION, Breakdowns
from capacitylib.values import Estimate, LocalizedText, ObjectId, PartialDate

__all__ = [
    "Indicator",
    "IndicatorActual",
    "IndicatorPeriod",
    "IndicatorTarget",
    "IndicatorValue",
]

#: A common indicator's code as monitoring systems quote it (``EECO01``, ``CO01``, ``CR03``).
CommonIndicatorCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
]


def _bare_figure(data: Any) -> Any:
    """A bare number (or an Estimate) as a figure: ``14`` is ``{"value": 14}``."""
    if isinstance(data, int | str | Estimate) and not isinstance(data, bool):
        return {"value": data}
    return data


class _Figure(CapacityModel):
    """What a target and an actual share: a bare number is the figure; a value or a narrative."""

    NOUN: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, data: Any) -> Any:
        return _bare_figure(data)

    @model_validator(mode="after")
    def _stated(self) -> Self:
        if getattr(self, "value", None) is None and getattr(self, "narrative", None) is None:
            raise PydanticCustomError(
                "indicator_figure_empty",
                f"{self.NOUN} needs a 'value' or a 'narrative' (got neither)",
            )
        return self


class IndicatorTarget(_Figure):
    """A planned figure for a reporting period, with its breakdowns; a bare number is accepted.

    >>> t = IndicatorTarget.model_validate(120)
    >>> str(t.value), t.breakdowns
    ('120', ())
    """

    value: Estimate | None = Field(
        default=None, description="The planned figure; unset for a qualitative target."
    )
    breakdowns: Breakdowns = Field(default=(), description=_BREAKDOWNS_DESCRIPTION)
    narrative: LocalizedText | None = Field(
        default=None, description="The target in words (qualitative indicators)."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")

    NOUN: ClassVar[str] = "a target"


class IndicatorActual(_Figure):
    """An achieved figure for a reporting period, as of a date, with its source and breakdowns.

    ``as_of`` unset means as of the end of the period.

    >>> a = IndicatorActual(value=96, as_of="2024-12-31", source="annual report 2024")
    >>> str(a.value), str(a.as_of)
    ('96', '2024-12-31')
    """

    value: Estimate | None = Field(
        default=None, description="The achieved figure; unset for a qualitative actual."
    )
    as_of: PartialDate | None = Field(
        default=None,
        description="Date the figure refers to, to day, month or year; unset: the period's end.",
    )
    source: Note | None = Field(default=None, description="Where the figure was reported.")
    breakdowns: Breakdowns = Field(default=(), description=_BREAKDOWNS_DESCRIPTION)
    narrative: LocalizedText | None = Field(
        default=None, description="What was achieved, in words (qualitative indicators)."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")

    NOUN: ClassVar[str] = "an actual"


class IndicatorPeriod(CapacityModel):
    """A reporting period of an indicator with its target and/or actual.

    ``start`` alone is a whole year or month (``2024``, ``2024-03``); with ``end`` the period
    runs from the first day ``start`` may denote to the last day ``end`` may denote, inclusive.

    >>> p = IndicatorPeriod(start="2024", target=40, actual={"value": 38, "as_of": "2024-12"})
    >>> p.span, str(p.target.value), str(p.actual.value)
    ((datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)), '40', '38')
    """

    start: PartialDate = Field(
        description=(
            "First day of the period, or the year or month it is (`2024`, `2024-03`); with no "
            "`end` the period is that whole year or month."
        )
    )
    end: PartialDate | None = Field(
        default=None, description="Last day (inclusive), or the month or year it falls in."
    )
    target: IndicatorTarget | None = Field(default=None, description="Planned figure.")
    actual: IndicatorActual | None = Field(default=None, description="Achieved figure.")
    note: Note | None = Field(default=None, description="Free-text remark.")

    @model_validator(mode="after")
    def _dated(self) -> Self:
        _period_date(self.start, "start")
        _period_date(self.end, "end")
        span = self.span
        if span is not None and span[1] < span[0]:
            raise PydanticCustomError(
                "period_end_before_start",
                "'end' must not be before 'start' (got start={start}, end={end})",
                {"start": str(self.start), "end": str(self.end)},
            )
        return self

    @property
    def span(self) -> tuple[date, date] | None:
        """First and last day (inclusive) the period may cover."""
        first = self.start.interval()
        last = (self.end if self.end is not None else self.start).interval()
        if first is None or last is None:
            return None
        return first[0], last[1]

    @property
    def actual_as_of(self) -> date | None:
        """The last day the actual may refer to: its ``as_of``, else the period's end."""
        if self.actual is None:
            return None
        if self.actual.as_of is not None:
            interval = self.actual.as_of.interval()
            return None if interval is None else interval[1]
        span = self.span
        return None if span is None else span[1]


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
    breakdowns: Breakdowns = Field(default=(), description=_BREAKDOWNS_DESCRIPTION)


class Indicator(CapacityModel):
    """An output or result indicator: measure, baseline, targets and actuals, per period or overall.

    The overall ``target`` (with ``target_date``) and the per-period targets are kept side by
    side, as reports state them. An indicator may report a funder's common indicator
    (``common_indicator``), be a subset of another (``subset_of``: "of whom completed") and
    follow from output indicators (``follows_from``).

    >>> i = Indicator(id="trained", kind="output", name={"lv": "Apmācīti sociālie darbinieki"},
    ...               unit="persons", target=14, target_date="2015-04")
    >>> str(i.target), str(i.target_date), i.measure.value
    ('14', '2015-04', 'unit')
    """

    id: ObjectId = Field(description="Identifier of the indicator, unique in the document.")
    kind: IndicatorKind = Field(description="Output or result indicator.")
    name: LocalizedText = Field(description="Name of the indicator.")
    measure: IndicatorMeasure = Field(
        default=IndicatorMeasure.UNIT,
        description=(
            "What the figures are: a count in `unit` (the default), a percentage, a ratio, or "
            "qualitative (a narrative per period)."
        ),
    )
    unit: ReachUnit | None = Field(
        default=None,
        description="Unit the indicator counts in; required when `measure` is `unit`.",
    )
    target_group: TargetGroup | None = Field(
        default=None, description="Group the indicator counts."
    )
    baseline: Estimate | None = Field(default=None, description="Value before the programme.")
    baseline_as_of: PartialDate | None = Field(
        default=None, description="Date or year the baseline refers to."
    )
    baseline_source: Note | None = Field(
        default=None, description="Where the baseline was measured or reported."
    )
    target: Estimate | None = Field(
        default=None, description="Planned value for the whole programme (total target)."
    )
    target_date: PartialDate | None = Field(
        default=None, description="Date by which the target is to be reached."
    )
    target_breakdowns: Breakdowns = Field(
        default=(), description="The total target split by gender, age band, status or region."
    )
    periods: tuple[IndicatorPeriod, ...] = Field(
        default=(), description="Reporting periods, each with a target and/or an actual."
    )
    actuals: tuple[IndicatorValue, ...] = Field(
        default=(), description="Achieved values, each with its as-of date."
    )
    common_indicator: CommonIndicatorCode | None = Field(
        default=None,
        description=(
            "Code of the funder's common indicator this indicator reports (`EECO01`, `CO01`; "
            "see the `common_indicators` reference table)."
        ),
    )
    subset_of: ObjectId | None = Field(
        default=None,
        description=(
            'Id of the indicator this one counts a part of ("of whom completed", "of whom '
            "women\"): its figures may not exceed the parent's."
        ),
    )
    follows_from: tuple[ObjectId, ...] = Field(
        default=(), description="Ids of the output indicators a result indicator follows from."
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

    @model_validator(mode="after")
    def _unit_for_counts(self) -> Self:
        if self.measure is IndicatorMeasure.UNIT and self.unit is None:
            raise PydanticCustomError(
                "indicator_unit_missing",
                "'unit' is required when 'measure' is 'unit' (a count needs its unit: persons, "
                "organisations, ...); use measure 'percentage', 'ratio' or 'qualitative' otherwise",
            )
        if self.subset_of is not None and self.subset_of == self.id:
            raise PydanticCustomError(
                "indicator_subset_of_itself",
                "'subset_of' must name another indicator (got its own id '{id}')",
                {"id": self.id},
            )
        return self

    @property
    def unit_label(self) -> str:
        """The unit's code for a count (``persons``), else the measure (``percentage``)."""
        return self.unit.value if self.unit is not None else self.measure.value

    @property
    def latest_actual(self) -> IndicatorValue | None:
        """The actual value with the latest ``as_of`` (by the last day it may denote)."""
        dated = [(a.as_of.interval(), a) for a in self.actuals]
        known = [(span[1], a) for span, a in dated if span is not None]
        if known:
            return max(known, key=lambda pair: pair[0])[1]
        return self.actuals[-1] if self.actuals else None
