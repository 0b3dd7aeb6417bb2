"""Estimates (exact figures or min..max ranges) and hours with their stated unit."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Self

from pydantic import Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from capacitylib._base import CapacityModel
from capacitylib.codelists import HoursUnit
from capacitylib.errors import Shorthand
from capacitylib.values._decimal import QuantityDecimal, exact_decimal, tidy

#: Clock hours in a training day when a source counts days: an assumption, stated in reports and
#: overridable per call (``hours_per_day=``) and per check (``RuleOptions.hours_per_day``).
DEFAULT_HOURS_PER_DAY = 8

_Number = Decimal | int


def _as_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected an int, a Decimal or an Estimate, got {type(value).__name__}")
    return Decimal(value)


class Estimate(CapacityModel):
    """A non-negative figure that is exact (``min == max``) or a range ``min..max``.

    Reports are full of these: "2-3 hours", "88-100 academic hours", "cca 30". An input of a
    bare number means an exact figure; ``approximate`` keeps the source's "cca"/"about".
    Arithmetic propagates bounds and never collapses a range.

    >>> meetings = Estimate.exact(114)
    >>> hours = Estimate.range(2, 3)
    >>> str(meetings * hours)
    '228-342'
    >>> str(Estimate.range(88, 100, approximate=True))
    'cca 88-100'

    Open-ended figures: "at least 30" (or "more than 30") has no upper bound,
    ``{min: 30, at_least: true}`` (``max`` is then ``None``); "up to 200" has the lower bound 0,
    ``{max: 200, up_to: true}``. Arithmetic keeps an open end open.

    >>> at_least = Estimate.minimum(30)
    >>> str(at_least), at_least.max, str(at_least * 2), str(Estimate.maximum(200))
    ('at least 30', None, 'at least 60', 'up to 200')
    """

    min: QuantityDecimal = Field(description="Lower bound (equal to max when exact).")
    max: QuantityDecimal | None = Field(
        default_factory=lambda data: data["min"],
        description=(
            "Upper bound; may be left out when equal to min; none when `at_least` is true."
        ),
    )
    at_least: bool = Field(
        default=False,
        description=(
            'True when the figure has no upper bound ("at least 30", "more than 1 000"); '
            "`max` is then left out."
        ),
    )
    up_to: bool = Field(
        default=False,
        description=(
            'True when the source states only the upper bound ("up to 200"); min is then 0.'
        ),
    )
    approximate: bool = Field(
        default=False,
        description=(
            "True when the source marks the figure as approximate (`cca`, `about`, `vidēji`)."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # A bare number is an exact figure. Dicts pass straight through (the hot path).
        if type(data) is dict:
            if "min" not in data and data.get("up_to") is True:
                # "up to 200": the lower bound a count or an amount always has.
                return {**data, "min": 0}
            if "max" not in data and data.get("at_least") is True:
                return {**data, "max": None}
            return data
        if isinstance(data, int | str | Decimal) and not isinstance(data, bool):
            return Shorthand({"min": data, "max": data}, written=data)  # problems show `data`
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        reference = handler(schema)
        json_schema = handler.resolve_ref_schema(reference)
        # "max" may be left out (it then equals "min"); a bare Estimate may be a plain number.
        json_schema["required"] = [
            r for r in json_schema.get("required", []) if r not in ("max", "min")
        ]
        # "min" may be left out only for "up to": {max: 200, up_to: true}.
        json_schema["anyOf"] = [{"required": ["min"]}, {"required": ["max", "up_to"]}]
        if cls is not Estimate:
            return json_schema
        number = {"type": "number", "minimum": 0}
        text = {"type": "string", "pattern": r"^\d+(?:\.\d+)?$"}
        return {"anyOf": [number, text, reference]}

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max is not None and self.min > self.max:
            raise PydanticCustomError(
                "estimate_min_above_max",
                "'min' must not exceed 'max' (got min={min}, max={max})",
                {"min": str(self.min), "max": str(self.max)},
            )
        if (self.max is None) is not self.at_least:
            raise PydanticCustomError(
                "estimate_at_least_invalid",
                "'at_least' must be true exactly when 'max' is unset (got max={max}, "
                'at_least={at_least}); "at least 30" is min 30 with at_least true and no max',
                {"max": str(self.max), "at_least": str(self.at_least).lower()},
            )
        if self.up_to and (self.min != 0 or self.max is None):
            raise PydanticCustomError(
                "estimate_up_to_invalid",
                "'up_to' needs 'min' 0 and a 'max' (\"up to 200\" is min 0, max 200; "
                "got min={min}, max={max})",
                {"min": str(self.min), "max": str(self.max)},
            )
        return self

    @property
    def is_bounded(self) -> bool:
        """Whether the figure has an upper bound (false for "at least 30")."""
        return self.max is not None

    @property
    def upper(self) -> Decimal:
        """The upper bound; ``ValueError`` for a figure without one ("at least 30").

        Use it where an open end cannot be honoured; check :attr:`is_bounded` first.
        """
        if self.max is None:
            raise ValueError(f"{self} has no upper bound")
        return self.max

    @classmethod
    def exact(cls, value: _Number, *, approximate: bool = False) -> Self:
        """An exact figure (``min == max``)."""
        number = exact_decimal(value)
        return cls(min=number, max=number, approximate=approximate)

    @classmethod
    def range(cls, low: _Number, high: _Number, *, approximate: bool = False) -> Self:
        """A range ``low..high`` (inclusive)."""
        return cls(min=exact_decimal(low), max=exact_decimal(high), approximate=approximate)

    @classmethod
    def minimum(cls, value: _Number, *, approximate: bool = False) -> Self:
        """A figure with a lower bound only ("at least 30", "more than 1 000")."""
        return cls(min=exact_decimal(value), at_least=True, approximate=approximate)

    @classmethod
    def maximum(cls, value: _Number, *, approximate: bool = False) -> Self:
        """A figure with an upper bound only ("up to 200"): ``0..value``."""
        return cls(min=Decimal(0), max=exact_decimal(value), up_to=True, approximate=approximate)

    @property
    def is_exact(self) -> bool:
        """Whether ``min == max``."""
        return self.min == self.max

    @property
    def midpoint(self) -> Decimal | None:
        """``(min + max) / 2``: a point figure for charts, never for totals; ``None`` if open."""
        if self.max is None:
            return None
        return (self.min + self.max) / 2

    def contains(self, value: _Number) -> bool:
        """Whether ``min <= value <= max`` (no upper limit when ``max`` is unset)."""
        return self.min <= value and (self.max is None or value <= self.max)

    def _bounds_of(self, other: Estimate | _Number) -> tuple[Decimal, Decimal | None, bool]:
        if isinstance(other, Estimate):
            return other.min, other.max, other.approximate
        number = _as_decimal(other)
        return number, number, False

    def _with(self, low: Decimal, high: Decimal | None, approximate: bool) -> Self:
        # Arithmetic on valid, non-negative bounds keeps min <= max and >= 0, so the result is
        # built without re-validation (and without the input-size guard, which is for input).
        if not Decimal(0) <= low or (high is not None and low > high):
            raise ValueError(f"arithmetic gave an invalid range {low}..{high}")
        # "up to" describes how a source states a figure; a result of arithmetic states nothing.
        fields = {
            **self.__dict__,
            "min": low,
            "max": high,
            "approximate": approximate,
            "at_least": high is None,
            "up_to": False,
        }
        result: Self = self.model_construct(**fields)  # type: ignore[assignment]
        return result

    def __add__(self, other: Estimate | _Number) -> Self:
        low, high, approx = self._bounds_of(other)
        top = None if self.max is None or high is None else self.max + high
        return self._with(self.min + low, top, self.approximate or approx)

    __radd__ = __add__

    def __mul__(self, other: Estimate | _Number) -> Estimate:
        if isinstance(other, Hours):
            if isinstance(self, Hours):
                raise TypeError("cannot multiply hours by hours")
            # A count times hours is hours: keep the unit whichever side it is on.
            return other * self
        low, high, approx = self._bounds_of(other)
        # Both factors are non-negative: the bounds multiply; an open end stays open unless
        # the other factor is exactly zero.
        top: Decimal | None
        if self.max is not None and high is not None:
            top = self.max * high
        elif self.max == 0 or high == 0:
            top = Decimal(0)
        else:
            top = None
        return self._with(self.min * low, top, self.approximate or approx)

    __rmul__ = __mul__

    def __truediv__(self, other: Estimate | _Number) -> Self:
        low, high, approx = self._bounds_of(other)
        if low <= 0:
            raise ZeroDivisionError(f"cannot divide {self} by a figure that may be zero")
        bottom = Decimal(0) if high is None else self.min / high
        top = None if self.max is None else self.max / low
        return self._with(bottom, top, self.approximate or approx)

    def __str__(self) -> str:
        if self.max is None:
            core = f"at least {self.min}"
        elif self.up_to:
            core = f"up to {self.max}"
        else:
            core = str(self.min) if self.is_exact else f"{self.min}-{self.max}"
        return f"cca {core}" if self.approximate else core


class Hours(Estimate):
    """An amount of time as the source states it: clock hours, academic hours or days.

    ``academic_hour_minutes`` records a length the source states; when it is absent the
    calculators use the per-country default table (45 minutes in LT, LV, CZ and PL).

    >>> h = Hours.range(88, 100, unit="academic_hour")
    >>> str(h.to_clock_hours(academic_hour_minutes=45))
    '66-75'
    """

    unit: HoursUnit = Field(description="Unit as stated: clock_hour, academic_hour or day.")
    academic_hour_minutes: int | None = Field(
        default=None,
        strict=True,
        ge=1,
        le=120,
        description=(
            "Length of an academic hour when the source states it; else the country default."
        ),
    )

    @model_validator(mode="after")
    def _minutes_only_for_academic(self) -> Self:
        if self.academic_hour_minutes is not None and self.unit is not HoursUnit.ACADEMIC_HOUR:
            raise PydanticCustomError(
                "hours_minutes_without_academic_unit",
                "'academic_hour_minutes' is only allowed when 'unit' is academic_hour "
                "(got unit={unit})",
                {"unit": self.unit.value},
            )
        return self

    @classmethod
    def exact(  # type: ignore[override]
        cls, value: _Number, *, unit: HoursUnit | str, approximate: bool = False
    ) -> Self:
        """An exact number of hours in ``unit``."""
        return cls.model_validate(
            {
                "min": exact_decimal(value),
                "max": exact_decimal(value),
                "unit": unit,
                "approximate": approximate,
            }
        )

    @classmethod
    def range(  # type: ignore[override]
        cls, low: _Number, high: _Number, *, unit: HoursUnit | str, approximate: bool = False
    ) -> Self:
        """A range of hours in ``unit``."""
        return cls.model_validate(
            {
                "min": exact_decimal(low),
                "max": exact_decimal(high),
                "unit": unit,
                "approximate": approximate,
            }
        )

    def _bounds_of(self, other: Estimate | _Number) -> tuple[Decimal, Decimal | None, bool]:
        if isinstance(other, Hours) and (
            other.unit is not self.unit or other.academic_hour_minutes != self.academic_hour_minutes
        ):
            raise ValueError(f"cannot combine hours in different units ({self!r} and {other!r})")
        return super()._bounds_of(other)

    def to_clock_hours(
        self,
        *,
        academic_hour_minutes: int | None = None,
        hours_per_day: _Number = DEFAULT_HOURS_PER_DAY,
    ) -> Estimate:
        """Clock hours (60 minutes) as an Estimate.

        Academic hours use the stated length, else ``academic_hour_minutes``; one of them is
        required. Days use ``hours_per_day`` (8 by default, an assumption to state in reports).
        """
        if self.unit is HoursUnit.CLOCK_HOUR:
            factor = Decimal(1)
        elif self.unit is HoursUnit.DAY:
            factor = Decimal(hours_per_day)
        else:
            minutes = self.academic_hour_minutes or academic_hour_minutes
            if minutes is None:
                raise ValueError("the length of an academic hour is needed to convert it")
            # Multiply before dividing so that no digit is lost to the division.
            return self._converted(lambda bound: tidy(bound * minutes / 60))
        return self._converted(lambda bound: tidy(bound * factor))

    def _converted(self, convert: Callable[[Decimal], Decimal]) -> Estimate:
        return Estimate(
            min=convert(self.min),
            max=None if self.max is None else convert(self.max),
            at_least=self.at_least,
            up_to=self.up_to,
            approximate=self.approximate,
        )

    def __str__(self) -> str:
        unit = {"clock_hour": "h", "academic_hour": "academic h", "day": "days"}[self.unit.value]
        return f"{super().__str__()} {unit}"
