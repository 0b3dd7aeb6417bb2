"""Hours: an amount of time with its stated unit (clock hours, academic hours or days)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, Self

from pydantic_core import PydanticCustomError, core_schema

from capacitylib.codelists import HoursUnit
from capacitylib.values._decimal import exact_decimal, tidy
from capacitylib.values._value import field
from capacitylib.values.estimate import Estimate, _Number

#: Minutes in a clock hour: what every figure in clock hours is counted in.
CLOCK_HOUR_MINUTES = 60

#: Clock hours in a training day when a source counts days: an assumption, stated in reports and
#: overridable per call (``hours_per_day=``) and per check (``RuleOptions.hours_per_day``).
DEFAULT_HOURS_PER_DAY = 8

#: Core schema of a unit of hours (its own copy: a value's schema refers to no definitions).
_HOURS_UNIT = core_schema.enum_schema(HoursUnit, list(HoursUnit), sub_type="str")


@dataclasses.dataclass(eq=False, repr=False, init=False, slots=True, match_args=False)
class Hours(Estimate):
    """An amount of time as the source states it: clock hours, academic hours or days.

    ``academic_hour_minutes`` records a length the source states; when it is absent the
    calculators use the per-country default table (45 minutes in LT, LV, CZ and PL).

    >>> h = Hours.range(88, 100, unit="academic_hour")
    >>> str(h.to_clock_hours(academic_hour_minutes=45))
    '66-75'
    """

    _fields: ClassVar[tuple[str, ...]] = (*Estimate._fields, "unit", "academic_hour_minutes")
    _TIME: ClassVar[bool] = True

    unit: HoursUnit
    academic_hour_minutes: int | None

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        return {**super(Hours, cls)._defaults(), "academic_hour_minutes": None}

    @classmethod
    def _input(cls, decimal: Callable[[], core_schema.CoreSchema]) -> dict[str, Any]:
        minutes = core_schema.nullable_schema(core_schema.int_schema(strict=True, ge=1, le=120))
        return {
            **super(Hours, cls)._input(decimal),
            "unit": field(_HOURS_UNIT),
            "academic_hour_minutes": field(minutes, default=None),
        }

    @classmethod
    def _stored(cls) -> dict[str, core_schema.CoreSchema]:
        return {**super(Hours, cls)._stored(), **cls._stored_hours()}

    @staticmethod
    def _stored_hours() -> dict[str, core_schema.CoreSchema]:
        minutes = core_schema.nullable_schema(core_schema.int_schema(strict=True, ge=1, le=120))
        return {
            "unit": _HOURS_UNIT,
            "academic_hour_minutes": core_schema.with_default_schema(minutes, default=None),
        }

    def _checked_value(self) -> Self:
        super(Hours, self)._checked_value()
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
        return Estimate._bounds_of(self, other)

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
            return self._converted(lambda bound: tidy(bound * minutes / CLOCK_HOUR_MINUTES))
        return self._converted(lambda bound: tidy(bound * factor))

    def _converted(self, convert: Callable[[Decimal], Decimal]) -> Estimate:
        high = None if self.max is None else convert(self.max)
        low = convert(self.min)
        return Estimate._trusted(low, high, self.at_least, self.up_to, self.approximate)

    def __str__(self) -> str:
        unit = {"clock_hour": "h", "academic_hour": "academic h", "day": "days"}[self.unit.value]
        return f"{Estimate.__str__(self)} {unit}"
