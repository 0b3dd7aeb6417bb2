"""Estimates: exact figures, min..max ranges and open figures ("at least 30", "up to 200")."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, Self

from pydantic_core import PydanticCustomError, PydanticKnownError, SchemaValidator, core_schema

from capacitylib.errors import Shorthand
from capacitylib.values._decimal import (
    COUNT_SERIALIZER,
    checked_decimal,
    exact_decimal,
    fast_decimal,
)
from capacitylib.values._value import Value, field, fields_schema, instance_schema

_Number = Decimal | int
_ZERO = Decimal(0)
#: Default of a left-out "max" until validation sets it from "min".
_UNSET: Any = type("_Unset", (), {"__repr__": lambda self: "<unset>"})()


def _as_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected an int, a Decimal or an Estimate, got {type(value).__name__}")
    return Decimal(value)


def _input_fields(decimal: Callable[[], core_schema.CoreSchema]) -> dict[str, Any]:
    """The input fields of an Estimate, each bound validated by ``decimal()``."""
    return {
        "min": field(decimal()),
        "max": field(core_schema.nullable_schema(decimal()), required=False),
        "at_least": field(core_schema.bool_schema(), default=False),
        "up_to": field(core_schema.bool_schema(), default=False),
        "approximate": field(core_schema.bool_schema(), default=False),
    }


def _stored_fields() -> dict[str, core_schema.CoreSchema]:
    count = fast_decimal(ge=_ZERO, serialization=COUNT_SERIALIZER)
    return {
        "min": count,
        # Left out, it is set from "min" after validation; never left out of a dump as a default.
        "max": core_schema.with_default_schema(core_schema.nullable_schema(count), default=_UNSET),
        "at_least": core_schema.with_default_schema(core_schema.bool_schema(), default=False),
        "up_to": core_schema.with_default_schema(core_schema.bool_schema(), default=False),
        "approximate": core_schema.with_default_schema(core_schema.bool_schema(), default=False),
    }


def _checked(low: Decimal, high: Decimal | None, at_least: bool, up_to: bool) -> None:
    if high is not None and low > high:
        raise PydanticCustomError(
            "estimate_min_above_max",
            "'min' must not exceed 'max' (got min={min}, max={max})",
            {"min": str(low), "max": str(high)},
        )
    if (high is None) is not at_least:
        raise PydanticCustomError(
            "estimate_at_least_invalid",
            "'at_least' must be true exactly when 'max' is unset (got max={max}, "
            'at_least={at_least}); "at least 30" is min 30 with at_least true and no max',
            {"max": str(high), "at_least": str(at_least).lower()},
        )
    if up_to and (low != 0 or high is None):
        raise PydanticCustomError(
            "estimate_up_to_invalid",
            "'up_to' needs 'min' 0 and a 'max' (\"up to 200\" is min 0, max 200; "
            "got min={min}, max={max})",
            {"min": str(low), "max": str(high)},
        )


@dataclasses.dataclass(eq=False, repr=False, init=False, slots=True, match_args=False)
class Estimate(Value):
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

    _fields: ClassVar[tuple[str, ...]] = ("min", "max", "at_least", "up_to", "approximate")
    #: An amount of time (:class:`~capacitylib.values.hours.Hours`): a count times it keeps the
    #: unit, and time times time is refused.
    _TIME: ClassVar[bool] = False
    min: Decimal
    max: Decimal | None
    at_least: bool
    up_to: bool
    approximate: bool

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        return {"at_least": False, "up_to": False, "approximate": False}

    @classmethod
    def _input(cls, decimal: Callable[[], core_schema.CoreSchema]) -> dict[str, Any]:
        """The input's fields as a typed dict, each bound validated by ``decimal()``."""
        return _input_fields(decimal)

    @classmethod
    def _stored(cls) -> dict[str, core_schema.CoreSchema]:
        """The fields pydantic validates into the object (and writes out), in order."""
        return _stored_fields()

    def _checked_value(self) -> Self:
        # After the fields: "max" left out equals "min" (none for "at least"), then the rules.
        high = self.max
        if high is _UNSET:
            high = None if self.at_least else self.min
            _set(self, "max", high)
        if (
            (high is None) is not self.at_least
            or self.up_to
            or (high is not None and self.min > high)
        ):
            _checked(self.min, high, self.at_least, self.up_to)  # raises the problem, if any
        return self

    @classmethod
    def _build_schema(cls) -> core_schema.CoreSchema:
        stored = cls._stored()
        instance = instance_schema(cls, stored)

        def side(json: bool) -> core_schema.CoreSchema:
            checked = SchemaValidator(
                fields_schema(cls._input(functools.partial(checked_decimal, ge=_ZERO, json=json)))
            )
            return core_schema.no_info_after_validator_function(
                cls._checked_value,
                core_schema.no_info_before_validator_function(
                    _shorthand(cls, checked, frozenset(stored)), instance
                ),
            )

        return core_schema.json_or_python_schema(
            json_schema=side(json=True), python_schema=side(json=False)
        )

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
        return cls.model_validate({"min": number, "max": number, "approximate": approximate})

    @classmethod
    def range(cls, low: _Number, high: _Number, *, approximate: bool = False) -> Self:
        """A range ``low..high`` (inclusive)."""
        bounds = {"min": exact_decimal(low), "max": exact_decimal(high)}
        return cls.model_validate({**bounds, "approximate": approximate})

    @classmethod
    def minimum(cls, value: _Number, *, approximate: bool = False) -> Self:
        """A figure with a lower bound only ("at least 30", "more than 1 000")."""
        return cls.model_validate(
            {"min": exact_decimal(value), "at_least": True, "approximate": approximate}
        )

    @classmethod
    def maximum(cls, value: _Number, *, approximate: bool = False) -> Self:
        """A figure with an upper bound only ("up to 200"): ``0..value``."""
        bounds = {"min": _ZERO, "max": exact_decimal(value)}
        return cls.model_validate({**bounds, "up_to": True, "approximate": approximate})

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
        if low < _ZERO or (high is not None and low > high):
            raise ValueError(f"arithmetic gave an invalid range {low}..{high}")
        # "up to" describes how a source states a figure; a result of arithmetic states nothing.
        result = _new(type(self))
        _set(result, "min", low)
        _set(result, "max", high)
        _set(result, "at_least", high is None)
        _set(result, "up_to", False)
        _set(result, "approximate", approximate)
        for name in self._fields[5:]:  # an Hours keeps its unit
            _set(result, name, getattr(self, name))
        return result

    def __add__(self, other: Estimate | _Number) -> Self:
        low, high, approx = self._bounds_of(other)
        top = None if self.max is None or high is None else self.max + high
        return self._with(self.min + low, top, self.approximate or approx)

    __radd__ = __add__

    def __mul__(self, other: Estimate | _Number) -> Estimate:
        if isinstance(other, Estimate) and other._TIME:
            if self._TIME:
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


_set = object.__setattr__
_new = object.__new__


def _shorthand(
    cls: type[Estimate], checked: SchemaValidator, names: frozenset[str]
) -> core_schema.NoInfoValidatorFunction:
    """The one Python step before pydantic validates an Estimate: its input's shorthand.

    A bare number (or decimal string) is an exact figure; ``{max: 200, up_to: true}`` has the
    lower bound 0. Input with a float in a bound or an unknown key is validated by
    ``checked`` (the float checks of :mod:`capacitylib.values._decimal`; every problem of the
    input at once, as a model reports them); anything else goes on to pydantic, in Rust.
    """

    def shorthand(value: Any) -> Any:
        if type(value) is not dict:
            if isinstance(value, cls):
                return value
            if isinstance(value, int | str | Decimal) and not isinstance(value, bool):
                # Problems about the figure made from a bare number show the number.
                return Shorthand.exact(value)
            if not isinstance(value, dict):
                raise PydanticKnownError("model_type", {"class_name": cls.__name__})
            value = dict(value)
        elif "min" not in value and value.get("up_to") is True:
            # "up to 200": the lower bound a count or an amount always has.
            value = {**value, "min": 0}
        # Written out, not a call: this runs for every figure of a document.
        if (
            isinstance(value.get("min"), float)
            or isinstance(value.get("max"), float)
            or not value.keys() <= names
        ):
            return checked.validate_python(value)
        return value

    return shorthand
