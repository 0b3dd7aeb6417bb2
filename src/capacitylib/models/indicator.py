"""Indicators: a results framework of baselines, targets and actuals per reporting period.

Every results framework of the field (ESF+ monitoring, the EEA and Norway Grants results
framework, IATI results) has one shape: an indicator with a baseline, a target per reporting
period and an actual per period, broken down by who the participants are, often reporting one
of the funder's common indicators. An :class:`Indicator` holds all of it; the format 1.0 fields
(one ``target`` with its ``target_date``, a list of dated ``actuals``) stay as they were.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, ClassVar, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from capacitylib.codelists import (
    BreakdownDimension,
    Gender,
    IndicatorKind,
    IndicatorMeasure,
    LabourMarketStatus,
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
from capacitylib.values import Estimate, LocalizedText, ObjectId, PartialDate

__all__ = [
    "AGE_BAND_PATTERN",
    "Breakdown",
    "BreakdownPart",
    "Indicator",
    "IndicatorActual",
    "IndicatorPeriod",
    "IndicatorTarget",
    "IndicatorValue",
    "age_band_bounds",
]

#: An age band in years, both ends inclusive: ``18-29``, ``55+`` (55 and over), ``<18`` (below 18).
AGE_BAND_PATTERN = r"^(?:<\d{1,3}|\d{1,3}-\d{1,3}|\d{1,3}\+)$"
_AGE_BAND = re.compile(AGE_BAND_PATTERN)

#: A common indicator's code as monitoring systems quote it (``EECO01``, ``CO01``, ``CR03``).
CommonIndicatorCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
]

#: A breakdown category: a code of the dimension's codelist, an age band or a label.
Category = Annotated[str, StringConstraints(min_length=1, max_length=200)]

_CODELISTS: dict[BreakdownDimension, type[Gender | LabourMarketStatus | TargetGroup]] = {
    BreakdownDimension.GENDER: Gender,
    BreakdownDimension.LABOUR_MARKET_STATUS: LabourMarketStatus,
    BreakdownDimension.TARGET_GROUP: TargetGroup,
}


def age_band_bounds(band: str) -> tuple[int, int | None]:
    """The first and last age in years (inclusive) of an age band; ``None``: no upper bound.

    >>> age_band_bounds("18-29"), age_band_bounds("55+"), age_band_bounds("<18")
    ((18, 29), (55, None), (0, 17))
    """
    if not _AGE_BAND.match(band):
        raise ValueError(f"not an age band: {band!r} (write 18-29, 55+ or <18)")
    if band.startswith("<"):
        return 0, int(band[1:]) - 1
    if band.endswith("+"):
        return int(band[:-1]), None
    low, high = band.split("-")
    return int(low), int(high)


class BreakdownPart(CapacityModel):
    """One category of a breakdown and its figure ("of whom women: 120").

    >>> part = BreakdownPart(category="women", value=120)
    >>> part.category, str(part.value)
    ('women', '120')
    """

    category: Category = Field(
        description=(
            "The category: a `Gender`, `LabourMarketStatus` or `TargetGroup` code for those "
            "dimensions, an age band (`18-29`, `55+`, `<18`) for `age`, a name or code for "
            "`region` and `other`."
        )
    )
    value: Estimate = Field(description="The figure for this category, in the indicator's unit.")
    label: LocalizedText | None = Field(
        default=None, description="The category's name as the source gives it."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")


class Breakdown(CapacityModel):
    """A figure split by one dimension: gender, age band, labour-market status, region, ....

    ``complete`` says the parts cover the whole (they must then add up to it, within the
    ranges); otherwise they are "of whom" figures that may not exceed it. Both are checked
    by rules (``breakdown_*``), not here, so that a record with an inconsistent breakdown loads.

    >>> b = Breakdown(by="gender", complete=True,
    ...               parts=[{"category": "women", "value": 80}, {"category": "men", "value": 20}])
    >>> str(b.total), [p.category for p in b.parts]
    ('100', ['women', 'men'])
    """

    by: BreakdownDimension = Field(description="The dimension the figure is split by.")
    parts: tuple[BreakdownPart, ...] = Field(
        min_length=1, description="The categories and their figures."
    )
    complete: bool = Field(
        default=False,
        description=(
            "True when the parts cover every member of the whole, so that they add up to it; "
            'false for partial "of whom" figures.'
        ),
    )
    note: Note | None = Field(default=None, description="Free-text remark.")

    @model_validator(mode="after")
    def _categories_fit_the_dimension(self) -> Self:
        seen: set[str] = set()
        codelist = _CODELISTS.get(self.by)
        for i, part in enumerate(self.parts):
            if codelist is not None and part.category not in codelist._value2member_map_:
                raise PydanticCustomError(
                    "breakdown_category_unknown",
                    "'parts[{index}].category' must be one of {allowed} for a breakdown by "
                    "{by} (got '{category}')",
                    {
                        "index": i,
                        "allowed": ", ".join(member.value for member in codelist),
                        "by": self.by.value,
                        "category": part.category,
                    },
                )
            if self.by is BreakdownDimension.AGE:
                _check_age_band(part.category, i)
            if part.category in seen:
                raise PydanticCustomError(
                    "breakdown_category_repeated",
                    "'parts[{index}].category' '{category}' appears twice in one breakdown; "
                    "state each category once",
                    {"index": i, "category": part.category},
                )
            seen.add(part.category)
        return self

    @property
    def total(self) -> Estimate:
        """The sum of the parts (a range where any part is one)."""
        return sum((part.value for part in self.parts[1:]), self.parts[0].value)


def _check_age_band(band: str, index: int) -> None:
    message = (
        "'parts[{index}].category' must be an age band in years such as 18-29, 55+ or <18 "
        "(got '{category}')"
    )
    if not _AGE_BAND.match(band):
        raise PydanticCustomError(
            "breakdown_age_band_invalid", message, {"index": index, "category": band}
        )
    low, high = age_band_bounds(band)
    if (high is not None and high < low) or band == "<0":
        raise PydanticCustomError(
            "breakdown_age_band_invalid",
            "'parts[{index}].category' age band '{category}' ends before it starts",
            {"index": index, "category": band},
        )


def _one_breakdown_per_dimension(breakdowns: tuple[Breakdown, ...]) -> tuple[Breakdown, ...]:
    seen: set[BreakdownDimension] = set()
    for i, breakdown in enumerate(breakdowns):
        if breakdown.by in seen:
            raise PydanticCustomError(
                "breakdown_dimension_repeated",
                "'breakdowns[{index}]' splits by {by} again; give one breakdown per dimension",
                {"index": i, "by": breakdown.by.value},
            )
        seen.add(breakdown.by)
    return breakdowns


def _bare_figure(data: Any) -> Any:
    """A bare number (or an Estimate) as a figure: ``14`` is ``{"value": 14}``."""
    if isinstance(data, int | str | Estimate) and not isinstance(data, bool):
        return {"value": data}
    return data


_BREAKDOWNS_DESCRIPTION = (
    "The figure split by gender, age band, labour-market status, target group or region; at "
    "most one breakdown per dimension."
)

#: Breakdowns of one figure: at most one per dimension (``breakdown_dimension_repeated``).
Breakdowns = Annotated[tuple[Breakdown, ...], AfterValidator(_one_breakdown_per_dimension)]


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
