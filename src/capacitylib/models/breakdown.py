"""Breakdowns: a figure split by gender, age band, labour-market status, target group or region.

A :class:`Breakdown` splits one figure of an indicator (its total target, a period's target or
actual) into parts by one dimension; categories come from the dimension's codelist, are age
bands in whole years (``18-29``, ``55+``, ``<18``), or free labels for target groups of the
programme's own, regions and other splits.
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from capacitylib.codelists import BreakdownDimension, Gender, LabourMarketStatus, TargetGroup
from capacitylib.models._base import CapacityModel, Note
from capacitylib.values import Estimate, LocalizedText

__all__ = ["AGE_BAND_PATTERN", "Breakdown", "BreakdownPart", "Breakdowns", "age_band_bounds"]

#: An age band in years, both ends inclusive: ``18-29``, ``55+`` (55 and over), ``<18`` (below 18).
AGE_BAND_PATTERN = r"^(?:<\d{1,3}|\d{1,3}-\d{1,3}|\d{1,3}\+)$"
_AGE_BAND = re.compile(AGE_BAND_PATTERN)

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


_BREAKDOWNS_DESCRIPTION = (
    "The figure split by gender, age band, labour-market status, target group or region; at "
    "most one breakdown per dimension."
)

#: Breakdowns of one figure: at most one per dimension (``breakdown_dimension_repeated``).
Breakdowns = Annotated[tuple[Breakdown, ...], AfterValidator(_one_breakdown_per_dimension)]
