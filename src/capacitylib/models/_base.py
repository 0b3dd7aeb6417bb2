"""Shared pieces of the domain models: the base model and small reusable parts."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from capacitylib._base import CapacityModel
from capacitylib.codelists import PeriodStatus, TimeUnit
from capacitylib.values import Estimate, Money, Period
from capacitylib.values.dates import Day
from capacitylib.values.money import non_negative
from capacitylib.values.text import LANGUAGE_TAG_PATTERN, MAX_TEXT_LENGTH

__all__ = [
    "CapacityModel",
    "Frequency",
    "NonNegativeMoney",
    "Note",
    "Source",
    "StatedDuration",
    "StatedPeriod",
    "Url",
]

#: A budget amount: Money that is zero or more (``money_negative`` otherwise).
NonNegativeMoney = Annotated[Money, AfterValidator(non_negative)]

#: An http(s) address, kept exactly as written.
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=2000)]

#: Free text note, one language, as the data's author wrote it.
Note = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_LENGTH)]


class Source(CapacityModel):
    """Where a record's figures come from: a web page, report or dataset.

    >>> Source(title="Projekto aprašymas", url="https://example.org/p", language="lt").language
    'lt'
    """

    title: str | None = Field(
        default=None, max_length=1000, description="Title of the page, report or dataset."
    )
    url: Url | None = Field(default=None, description="Web address.")
    language: str | None = Field(
        default=None,
        pattern=LANGUAGE_TAG_PATTERN,
        description="Language of the source (BCP 47 tag).",
    )
    retrieved: Day | None = Field(default=None, description="Date the source was read.")
    note: Note | None = Field(default=None, description="Free-text remark.")


class StatedPeriod(Period):
    """A period as one source states it, marked planned, revised or actual.

    Sources disagree about programme periods; keep each version instead of overwriting.

    >>> p = StatedPeriod(start="2022-12-08", end="2026-12-31", status="planned")
    >>> p.status.value, p.days
    ('planned', 1485)
    """

    status: PeriodStatus | None = Field(
        default=None, description="Planned, revised or actual; unset when the source does not say."
    )
    source: Note | None = Field(
        default=None, description="Where this version of the period is stated (quote or reference)."
    )


class StatedDuration(CapacityModel):
    """A duration as a source states it ("6 months"), kept to compare with the period.

    >>> str(StatedDuration(value=6, unit="month").value)
    '6'
    """

    value: Estimate = Field(description="The stated figure (`6`).")
    unit: TimeUnit = Field(description="Its calendar unit (`month`).")
    text: Note | None = Field(default=None, description="The source's wording.")


class Frequency(CapacityModel):
    """How often something recurs: "every 2-3 months" is ``every={min: 2, max: 3}, unit=month``.

    >>> f = Frequency(every={"min": 2, "max": 3, "approximate": True}, unit="month")
    >>> str(f.every), f.unit.value
    ('cca 2-3', 'month')
    """

    every: Estimate = Field(description="Interval between sessions (`2-3`).")
    unit: TimeUnit = Field(description="Calendar unit of the interval (`month`).")
    text: Note | None = Field(default=None, description="The source's wording.")
