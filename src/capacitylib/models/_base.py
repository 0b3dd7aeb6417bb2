"""Shared pieces of the domain models: the base model and small reusable parts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from capacitylib._base import CapacityModel
from capacitylib.codelists import PeriodStatus, TimeUnit
from capacitylib.values import Estimate, Money, PartialDate, Period
from capacitylib.values.dates import Day
from capacitylib.values.extensions import Extensions as ExtensionsType
from capacitylib.values.money import non_negative
from capacitylib.values.text import LANGUAGE_TAG_PATTERN, MAX_TEXT_LENGTH

__all__ = [
    "CapacityModel",
    "Extensions",
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

#: Extensions field type: namespace -> any JSON, kept and never interpreted.
Extensions = ExtensionsType

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


def _period_date(value: PartialDate | None, field: str) -> None:
    if value is not None and value.year is None:
        raise PydanticCustomError(
            "period_date_without_year",
            "'{field}' of a period must state a year: YYYY, YYYY-MM or YYYY-MM-DD (got '{value}')",
            {"field": field, "value": str(value)},
        )


class StatedPeriod(CapacityModel):
    """A period as one source states it, marked planned, revised or actual, with its provenance.

    Sources disagree about programme periods; keep each version instead of overwriting. Either
    end may be known to the day, the month or the year (``2021-03``..``2027-06``), and either may
    be missing when the source states only the other ("implemented until 30 September 2020").
    Nothing is made up: ``2021-03`` does not pretend to be the first of March.

    >>> p = StatedPeriod(start="2022-12-08", end="2026-12-31", status="planned")
    >>> p.status.value, p.days
    ('planned', 1485)
    >>> q = StatedPeriod(start="2021-03", end="2027-06")
    >>> q.days, str(q.duration), q.span
    (None, '2254-2313', (datetime.date(2021, 3, 1), datetime.date(2027, 6, 30)))
    """

    start: PartialDate | None = Field(
        default=None,
        description=(
            "First day (inclusive), or the month or year it falls in (`2021-03`, `2015`); unset "
            "when the source states only the end."
        ),
    )
    end: PartialDate | None = Field(
        default=None,
        description=(
            "Last day (inclusive), or the month or year it falls in; unset for an ongoing period "
            "or when the source states only the start."
        ),
    )
    status: PeriodStatus | None = Field(
        default=None, description="Planned, revised or actual; unset when the source does not say."
    )
    source: Note | None = Field(
        default=None, description="Where this version of the period is stated (quote or reference)."
    )
    url: Url | None = Field(
        default=None, description="Web address of the page or document stating this version."
    )
    stated_on: PartialDate | None = Field(
        default=None,
        description=(
            "When the source stated this version (page date, decision date); the latest "
            "statement of the chosen status is the one calculated with."
        ),
    )
    effective_from: PartialDate | None = Field(
        default=None,
        description=(
            "Date from which a revision applies (`a decision valid from 1 March 2020`); orders "
            "versions that have no `stated_on`."
        ),
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.start is None and self.end is None:
            raise PydanticCustomError(
                "period_without_dates",
                "a period must state 'start' or 'end' (or both); got neither",
                {},
            )
        _period_date(self.start, "start")
        _period_date(self.end, "end")
        _period_date(self.stated_on, "stated_on")
        _period_date(self.effective_from, "effective_from")
        first = self.span[0]
        if self.start is not None and self.end is not None and first is not None:
            end_span = self.end.interval()
            if end_span is not None and end_span[1] < first:
                raise PydanticCustomError(
                    "period_end_before_start",
                    "'end' must be on or after 'start' (got start={start}, end={end})",
                    {"start": str(self.start), "end": str(self.end)},
                )
        return self

    @property
    def span(self) -> tuple[date | None, date | None]:
        """The widest days the period may cover: first day of ``start``, last day of ``end``.

        ``None`` for an end the source does not state.
        """
        first = self.start.interval() if self.start is not None else None
        last = self.end.interval() if self.end is not None else None
        return (first[0] if first else None, last[1] if last else None)

    @property
    def is_exact(self) -> bool:
        """Whether the start is known to the day and the end to the day or open."""
        return (
            self.start is not None
            and self.start.to_date() is not None
            and (self.end is None or self.end.to_date() is not None)
        )

    @property
    def is_open(self) -> bool:
        """Whether the end is not stated (an ongoing programme, or only the start is known)."""
        return self.end is None

    def to_period(self) -> Period | None:
        """The exact :class:`Period` when both ends are days (or the end is open), else ``None``."""
        if not self.is_exact or self.start is None:
            return None
        start = self.start.to_date()
        end = self.end.to_date() if self.end is not None else None
        if start is None:
            return None
        return Period(start=start, end=end)

    @property
    def days(self) -> int | None:
        """Days counting both ends, when both are known to the day; else ``None``."""
        exact = self.to_period()
        return exact.days if exact is not None else None

    @property
    def duration(self) -> Estimate | None:
        """Inclusive days as a range shortest..longest; ``None`` when an end is not stated.

        Day-precise ends give an exact figure; ``2021-03..2027-06`` is 2254-2313 days.
        """
        if self.start is None or self.end is None:
            return None
        s, e = self.start.interval(), self.end.interval()
        if s is None or e is None:
            return None
        longest = (e[1] - s[0]).days + 1
        shortest = max(1, (e[0] - s[1]).days + 1)
        return Estimate.range(shortest, longest)

    def __str__(self) -> str:
        start = str(self.start) if self.start is not None else ""
        end = str(self.end) if self.end is not None else ""
        return f"{start}..{end}"


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


#: The ``extensions`` field every extensible object has (same text everywhere).
EXTENSIONS_DESCRIPTION = (
    "Fields a funder or tool adds, by namespace (`{esfa: {...}}`); kept in every format, never "
    "interpreted; listed by `validate` as info."
)
