"""Shares: a decimal fraction from 0 to 1 ("ESF 80 %" is ``0.80``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from capacitylib.values._decimal import AmountDecimal


def _fraction(value: Decimal) -> Decimal:
    if not Decimal(0) <= value <= Decimal(1):
        raise PydanticCustomError(
            "share_out_of_range",
            "a share must be a fraction from 0 to 1, e.g. 0.85 for 85 % (got {value})",
            {"value": str(value)},
        )
    return value


#: A share of a whole: an exact decimal fraction from 0 to 1, written to JSON as a string.
#:
#: >>> from pydantic import TypeAdapter
#: >>> TypeAdapter(Share).validate_python("0.85")
#: Decimal('0.85')
Share = Annotated[
    AmountDecimal,
    AfterValidator(_fraction),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$"},
            ],
            "description": 'A fraction from 0 to 1, written as a decimal string (`"0.85"`).',
        }
    ),
]

__all__ = ["Share"]
