"""Exact decimal numbers for amounts, counts and hours.

JSON input: a decimal string is exact; a JSON number is exact up to 15 significant digits, and an
amount, count or number of hours given as a longer JSON number is refused
(``decimal_json_number_inexact``) rather than silently rounded. capacitylib always writes
amounts as strings.
Python input refuses ``float``: a binary float cannot hold most decimal amounts exactly. Booleans
are not numbers (``true`` is not 1).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

#: Largest magnitude accepted for any decimal value (a guard against hostile exponents).
DECIMAL_LIMIT = Decimal("1e18")


def _refuse_float(value: Any) -> Any:
    if isinstance(value, JsonNumber):
        if not json_number_is_exact(value.text):
            raise _inexact(value.text)
        return Decimal(value.text)
    if isinstance(value, float):
        raise PydanticCustomError(
            "decimal_from_float",
            "value must be a Decimal, an int or a decimal string, not a float (got '{value}'); "
            "binary floats cannot hold decimal figures exactly: pass a str or Decimal",
            {"value": value},
        )
    return value


def exact_decimal(value: Any) -> Decimal:
    """``value`` as a ``Decimal`` for the public constructors; a float or a bool is a TypeError.

    >>> exact_decimal("0.1"), exact_decimal(3)
    (Decimal('0.1'), Decimal('3'))
    >>> exact_decimal(0.1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: 0.1 is a float, which cannot hold decimal figures exactly: pass a str or ...
    """
    if isinstance(value, float):
        raise TypeError(
            f"{value!r} is a float, which cannot hold decimal figures exactly: "
            f"pass a str or Decimal ('{value!r}')"
        )
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(
            f"expected a Decimal, an int or a decimal string, got {type(value).__name__}"
        )
    return value if isinstance(value, Decimal) else Decimal(value)


#: Significant digits a JSON number (a binary double) carries exactly.
JSON_NUMBER_DIGITS = 15


def json_number_is_exact(literal: str) -> bool:
    """Whether a JSON number literal reaches pydantic unchanged (a double keeps all its digits).

    >>> json_number_is_exact("0.1"), json_number_is_exact("2.00000000000000000001")
    (True, False)
    """
    number = float(literal)
    if number in {float("inf"), float("-inf")}:
        return True  # refused as not finite, with the field's path
    exact = Decimal(repr(number))
    digits = len(exact.normalize().as_tuple().digits)
    return exact == Decimal(literal) and digits <= JSON_NUMBER_DIGITS


class JsonNumber(float):
    """A JSON number literal that keeps its text, so that a rounded one is refused, not used."""

    text: str

    def __new__(cls, literal: str) -> JsonNumber:
        number = super().__new__(cls, literal)
        number.text = literal
        return number


def _inexact(text: str) -> PydanticCustomError:
    return PydanticCustomError(
        "decimal_json_number_inexact",
        "number has more digits than a JSON number keeps exactly (got {value}); "
        'write it as a string, e.g. "12345678.123456789"',
        {"value": text},
    )


def _json_number_exact(value: Any) -> Any:
    """Refuse a JSON number whose digits a binary double could not have kept.

    JSON numbers reach the validator as doubles: up to 15 significant digits survive exactly.
    A double whose shortest form needs more digits came from a longer number that was
    rounded, so the amount is refused rather than silently changed.
    """
    if isinstance(value, float):
        digits = Decimal(repr(value)).normalize().as_tuple().digits
        if len(digits) > JSON_NUMBER_DIGITS:
            raise _inexact(repr(value))
        return Decimal(repr(value))
    return value


def _integral_as_int(value: Decimal) -> int | str:
    """JSON form of a count: an int when whole with no stated decimals, else a decimal string."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return str(value)


class _ExactDecimal:
    """Core schema of an exact decimal; ``as_count`` writes whole numbers as JSON ints."""

    def __init__(self, *, ge: Decimal | None, as_count: bool) -> None:
        self.ge = ge
        self.as_count = as_count

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        lower = self.ge if self.ge is not None else -DECIMAL_LIMIT
        dec = core_schema.decimal_schema(allow_inf_nan=False, ge=lower, le=DECIMAL_LIMIT)
        serialization = (
            core_schema.plain_serializer_function_ser_schema(_integral_as_int, when_used="json")
            if self.as_count
            else None
        )
        json_side = core_schema.no_info_before_validator_function(_json_number_exact, dec)
        return core_schema.json_or_python_schema(
            json_schema=json_side,
            python_schema=core_schema.no_info_before_validator_function(_refuse_float, dec),
            serialization=serialization,
        )


def fast_decimal(
    *, ge: Decimal | None, serialization: core_schema.SerSchema | None = None
) -> core_schema.CoreSchema:
    """The exact decimal's core schema without its float checks, for input with no float.

    The values call it on input they have looked at (``has_float``): JSON ints and decimal
    strings need no Python step; a float goes to :func:`checked_decimal` instead.
    """
    lower = ge if ge is not None else -DECIMAL_LIMIT
    return core_schema.decimal_schema(
        allow_inf_nan=False, ge=lower, le=DECIMAL_LIMIT, serialization=serialization
    )


def checked_decimal(*, ge: Decimal | None, json: bool) -> core_schema.CoreSchema:
    """The exact decimal's core schema with the float checks of JSON or of Python input."""
    check = _json_number_exact if json else _refuse_float
    return core_schema.no_info_before_validator_function(check, fast_decimal(ge=ge))


def has_float(data: dict[str, Any], names: tuple[str, ...]) -> bool:
    """Whether any of ``names`` in ``data`` is a float (a JSON number with a fraction)."""
    for name in names:  # noqa: SIM110 - a loop: any() over a generator costs twice as much here
        if isinstance(data.get(name), float):
            return True
    return False


#: Serializer of a count: an int in JSON when whole with no stated decimals.
COUNT_SERIALIZER = core_schema.plain_serializer_function_ser_schema(
    _integral_as_int, when_used="json"
)


#: A signed exact decimal amount, written to JSON as a decimal string.
AmountDecimal = Annotated[Decimal, _ExactDecimal(ge=None, as_count=False)]

#: A non-negative exact decimal quantity, written to JSON as an int when whole.
QuantityDecimal = Annotated[Decimal, _ExactDecimal(ge=Decimal(0), as_count=True)]


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (``66.00`` -> ``66``).

    >>> tidy(Decimal("66.00")), tidy(Decimal("100")), tidy(Decimal("58.6670"))
    (Decimal('66'), Decimal('100'), Decimal('58.667'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
