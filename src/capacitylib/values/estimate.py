"""Estimates (exact figures or min..max ranges) and hours with their stated unit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Self

from pydantic import Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from capacitylib._base import CapacityModel
from capacitylib.codelists import HoursUnit
from capacitylib.values._decimal import QuantityDecimal, exact_decimal, tidy

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
    """

    min: QuantityDecimal = Field(description="Lower bound (equal to max when exact).")
    max: QuantityDecimal = Field(
        default_factory=lambda data: data["min"],
        description="Upper bound; may be left out when equal to min.",
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
            return data
        if isinstance(data, int | str | Decimal) and not isinstance(data, bool):
            return {"min": data, "max": data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler.resolve_ref_schema(handler(schema))
        # "max" may be left out (it then equals "min"); a bare Estimate may be a plain number.
        json_schema["required"] = [r for r in json_schema.get("required", []) if r != "max"]
        if cls is not Estimate:
            return json_schema
        number = {"type": "number", "minimum": 0}
        text = {"type": "string", "pattern": r"^\d+(?:\.\d+)?$"}
        return {"anyOf": [number, text, handler(schema)]}

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min > self.max:
            raise PydanticCustomError(
                "estimate_min_above_max",
                "'min' must not exceed 'max' (got min={min}, max={max})",
                {"min": str(self.min), "max": str(self.max)},
            )
        return self

    @classmethod
    def exact(cls, value: _Number, *, approximate: bool = False) -> Self:
        """An exact figure (``min == max``)."""
        number = exact_decimal(value)
        return cls(min=number, max=number, approximate=approximate)

    @classmethod
    def range(cls, low: _Number, high: _Number, *, approximate: bool = False) -> Self:
        """A range ``low..high`` (inclusive)."""
        return cls(min=exact_decimal(low), max=exact_decimal(high), approximate=approximate)

    @property
    def is_exact(self) -> bool:
        """Whether ``min == max``."""
        return self.min == self.max

    @property
    def midpoint(self) -> Decimal:
        """``(min + max) / 2``: a point figure for charts, never for totals."""
        return (self.min + self.max) / 2

    def contains(self, value: _Number) -> bool:
        """Whether ``min <= value <= max``."""
        return self.min <= value <= self.max

    def _bounds_of(self, other: Estimate | _Number) -> tuple[Decimal, Decimal, bool]:
        if isinstance(other, Estimate):
            return other.min, other.max, other.approximate
        number = _as_decimal(other)
        return number, number, False

    def _with(self, low: Decimal, high: Decimal, approximate: bool) -> Self:
        # Arithmetic on valid, non-negative bounds keeps min <= max and >= 0, so the result is
        # built without re-validation (and without the input-size guard, which is for input).
        if not Decimal(0) <= low <= high:
            raise ValueError(f"arithmetic gave an invalid range {low}..{high}")
        fields = {**self.__dict__, "min": low, "max": high, "approximate": approximate}
        result: Self = self.model_construct(**fields)  # type: ignore[assignment]
        return result

    def __add__(self, other: Estimate | _Number) -> Self:
        low, high, approx = self._bounds_of(other)
        return self._with(self.min + low, self.max + high, self.approximate or approx)

    __radd__ = __add__

    def __mul__(self, other: Estimate | _Number) -> Estimate:
        if isinstance(other, Hours):
            if isinstance(self, Hours):
                raise TypeError("cannot multiply hours by hours")
            # A count times hours is hours: keep the unit whichever side it is on.
            return other * self
        low, high, approx = self._bounds_of(other)
        products = (self.min * low, self.min * high, self.max * low, self.max * high)
        return self._with(min(products), max(products), self.approximate or approx)

    __rmul__ = __mul__

    def __truediv__(self, other: Estimate | _Number) -> Self:
        low, high, approx = self._bounds_of(other)
        if low <= 0:
            raise ZeroDivisionError(f"cannot divide {self} by a figure that may be zero")
        return self._with(self.min / high, self.max / low, self.approximate or approx)

    def __str__(self) -> str:
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

    def _bounds_of(self, other: Estimate | _Number) -> tuple[Decimal, Decimal, bool]:
        if isinstance(other, Hours) and (
            other.unit is not self.unit or other.academic_hour_minutes != self.academic_hour_minutes
        ):
            raise ValueError(f"cannot combine hours in different units ({self!r} and {other!r})")
        return super()._bounds_of(other)

    def to_clock_hours(
        self, *, academic_hour_minutes: int | None = None, hours_per_day: _Number = 8
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
            return Estimate(
                min=tidy(self.min * minutes / 60),
                max=tidy(self.max * minutes / 60),
                approximate=self.approximate,
            )
        return Estimate(
            min=tidy(self.min * factor), max=tidy(self.max * factor), approximate=self.approximate
        )

    def __str__(self) -> str:
        unit = {"clock_hour": "h", "academic_hour": "academic h", "day": "days"}[self.unit.value]
        return f"{super().__str__()} {unit}"
