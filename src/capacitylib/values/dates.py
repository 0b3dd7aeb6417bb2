"""Dates known to year, month or day precision, and inclusive periods."""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from capacitylib.codelists import DatePrecision
from capacitylib.values._value import Value, dict_input, field, fields_schema, instance_schema

_PARTIAL_RE = re.compile(r"^(?:(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?)$")
_PARTIAL_PATTERN = _PARTIAL_RE.pattern


def _invalid(value: object, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        "partial_date_invalid",
        "date must be YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD ({reason}; got '{value}')",
        {"value": value, "reason": reason},
    )


class PartialDate:
    """A calendar date stated to year, month or day precision, possibly without a year.

    Written as ISO 8601 text: ``2019``, ``2019-05``, ``2019-05-16``; a date with no year
    (``Kovo 30 d.`` in a news item) as ``--03-30``, a month with no year as ``--04``.
    Nothing is made up: ``2019-05`` does not pretend to be the first of May.

    >>> d = PartialDate.parse("2022-10")
    >>> d.precision.value, d.interval()
    ('month', (datetime.date(2022, 10, 1), datetime.date(2022, 10, 31)))
    >>> PartialDate.parse("--03-30").interval(year=2023)
    (datetime.date(2023, 3, 30), datetime.date(2023, 3, 30))
    """

    __slots__ = ("day", "month", "year")

    year: int | None
    month: int | None
    day: int | None

    def __init__(self, year: int | None = None, month: int | None = None, day: int | None = None):
        if year is None and month is None:
            raise _invalid((year, month, day), "a year or a month is required")
        if day is not None and month is None:
            raise _invalid((year, month, day), "a day needs a month")
        if year is not None and not 1 <= year <= 9999:
            raise _invalid(year, "year out of range 1-9999")
        if month is not None and not 1 <= month <= 12:
            raise _invalid(month, "month out of range 1-12")
        if day is not None and month is not None:
            # A year-less date is checked against a leap year so that --02-29 is accepted.
            last = calendar.monthrange(year if year is not None else 2000, month)[1]
            if not 1 <= day <= last:
                raise _invalid(day, f"day out of range 1-{last}")
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce restores slots through __setattr__, which refuses: rebuild instead,
        # so that programmes pickle (worker pools, results sent between processes).
        return (type(self), (self.year, self.month, self.day))

    @classmethod
    def _trusted(cls, year: int | None, month: int | None, day: int | None) -> PartialDate:
        obj = object.__new__(cls)
        object.__setattr__(obj, "year", year)
        object.__setattr__(obj, "month", month)
        object.__setattr__(obj, "day", day)
        return obj

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse the ISO 8601 text form (see the class docstring)."""
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
            # Full dates are the common case: let the C date parser check them.
            try:
                full = date.fromisoformat(text)
            except ValueError:
                raise _invalid(text, "not a calendar date") from None
            return cls._trusted(full.year, full.month, full.day)
        match = _PARTIAL_RE.match(text)
        if match is None:
            raise _invalid(text, "not an ISO 8601 date")
        year, month, day, yl_month, yl_day = match.groups()
        if year is not None:
            return cls(int(year), int(month) if month else None, int(day) if day else None)
        return cls(None, int(yl_month), int(yl_day) if yl_day else None)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """A day-precision date."""
        return cls._trusted(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        """``year``, ``month`` or ``day``: the finest part the source states."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    @property
    def has_year(self) -> bool:
        """Whether the year is known."""
        return self.year is not None

    def interval(self, *, year: int | None = None) -> tuple[date, date] | None:
        """First and last day the date covers (inclusive), or ``None`` when the year is unknown.

        ``year`` supplies the year for a year-less date (a news item's publication year).
        """
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.month is None:
            return date(y, 1, 1), date(y, 12, 31)
        if self.day is None:
            return date(y, self.month, 1), date(
                y, self.month, calendar.monthrange(y, self.month)[1]
            )
        if self.year is None and not calendar.isleap(y) and (self.month, self.day) == (2, 29):
            return None
        return date(y, self.month, self.day), date(y, self.month, self.day)

    def may_fall_within(self, start: date, end: date) -> bool:
        """Whether some day this date may denote lies in ``start..end`` (inclusive).

        A year-less date is tried in every year of the range.
        """
        years = [self.year] if self.year is not None else range(start.year, end.year + 1)
        for y in years:
            span = self.interval(year=y)
            if span is not None and span[0] <= end and span[1] >= start:
                return True
        return False

    def to_date(self) -> date | None:
        """The ``datetime.date`` when the date is known to the day, else ``None``."""
        if self.year is not None and self.month is not None and self.day is not None:
            return date(self.year, self.month, self.day)
        return None

    def isoformat(self) -> str:
        """ISO 8601 text: ``2019``, ``2019-05``, ``2019-05-16``, ``--03-30`` or ``--04``."""
        parts = [f"{self.year:04d}" if self.year is not None else "-"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        # A day-precision date equals the datetime.date it names, so that code written when
        # period ends were dates (format 1.0) keeps comparing them; hashes agree with it.
        if isinstance(other, date) and not isinstance(other, datetime):
            return self.to_date() == other
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        day = self.to_date()
        return hash(day) if day is not None else hash((self.year, self.month, self.day))

    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime):
            raise _not_a_datetime(value)
        if isinstance(value, date):
            return cls.from_date(value)
        if isinstance(value, str):
            return cls.parse(value)
        # A number is not a date: 2019 could be a year or a count, 0 is no date at all.
        raise _invalid(value, f"expected text, not {type(value).__name__}")

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_after_validator_function(
                cls.parse, core_schema.str_schema()
            ),
            python_schema=core_schema.no_info_plain_validator_function(cls._validate),
            serialization=core_schema.to_string_ser_schema(),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": _PARTIAL_PATTERN,
            "description": "ISO 8601 date to year, month or day precision; --MM-DD without a year",
            "examples": ["2019", "2019-05", "2019-05-16", "--03-30"],
        }


_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]")
_NUMBER_RE = re.compile(r"^\s*[-+]?[0-9.eE]+\s*$")


def _not_a_datetime(value: object) -> PydanticCustomError:
    return PydanticCustomError(
        "date_from_datetime",
        "a date must be a calendar day, not a date and time (got '{value}'); write YYYY-MM-DD",
        {"value": str(value)},
    )


def _day_input(value: Any) -> Any:
    """Let through a ``date`` or ``YYYY-MM-DD`` text only; pydantic then checks the calendar.

    pydantic's own date parsing also takes numbers (``0`` is 1970-01-01, a Unix time) and
    datetimes at midnight; in a document both are mistakes, so they are refused here.
    """
    if isinstance(value, str):
        if _DAY_RE.match(value):
            return value
        if _DATETIME_RE.match(value):
            raise _not_a_datetime(value)
        if _NUMBER_RE.match(value):
            raise PydanticCustomError(
                "date_from_datetime_parsing",
                "a date must be written YYYY-MM-DD, not as a number (got '{value}')",
                {"value": value},
            )
        return value  # pydantic refuses it with its own message
    if isinstance(value, datetime):
        raise _not_a_datetime(value)
    if isinstance(value, date):
        return value
    raise PydanticCustomError(
        "date_type",
        "a date must be YYYY-MM-DD text, not a {type} (got {value})",
        {"type": type(value).__name__, "value": repr(value)[:100]},
    )


#: A calendar day: a ``date`` or ``YYYY-MM-DD`` text; never a number or a datetime.
Day = Annotated[date, BeforeValidator(_day_input)]


@dataclasses.dataclass(eq=False, repr=False, init=False, slots=True, match_args=False)
class Period(Value):
    """An interval of days from ``start`` to ``end``, both inclusive; ``end`` may be open.

    >>> p = Period(start=date(2016, 11, 1), end=date(2018, 2, 28))
    >>> p.days
    485
    >>> p.contains(date(2018, 2, 28))
    True
    """

    _fields: ClassVar[tuple[str, ...]] = ("start", "end")

    start: date
    end: date | None

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        return {"end": None}

    @classmethod
    def _build_schema(cls) -> core_schema.CoreSchema:
        day = core_schema.no_info_before_validator_function(_day_input, core_schema.date_schema())
        end = core_schema.with_default_schema(core_schema.nullable_schema(day), default=None)
        stored: dict[str, core_schema.CoreSchema] = {"start": day, "end": end}
        fields = fields_schema(
            {"start": field(day), "end": field(core_schema.nullable_schema(day), default=None)}
        )
        before = dict_input(cls, frozenset(stored), checked=SchemaValidator(fields))
        return core_schema.no_info_after_validator_function(
            _end_not_before_start,
            core_schema.no_info_before_validator_function(before, instance_schema(cls, stored)),
        )

    @property
    def is_open(self) -> bool:
        """Whether the end is not known yet (an ongoing programme)."""
        return self.end is None

    @property
    def days(self) -> int | None:
        """Number of days, counting both ``start`` and ``end``; ``None`` when open."""
        if self.end is None:
            return None
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` lies in the period (an open end contains every later day)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def covers(self, other: Period) -> bool:
        """Whether ``other`` lies wholly inside this period."""
        if other.start < self.start:
            return False
        if self.end is None:
            return True
        return other.end is not None and other.end <= self.end

    def may_contain(self, when: PartialDate) -> bool:
        """Whether a partial date may fall in the period (judged by the interval it covers)."""
        end = self.end if self.end is not None else date.max
        return when.may_fall_within(self.start, end)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"


def _end_not_before_start(period: Period) -> Period:
    if period.end is not None and period.end < period.start:
        raise PydanticCustomError(
            "period_end_before_start",
            "'end' must be on or after 'start' (got start={start}, end={end})",
            {"start": period.start.isoformat(), "end": period.end.isoformat()},
        )
    return period
