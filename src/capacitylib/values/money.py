"""Money: an exact decimal amount in an ISO 4217 currency."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar, Self

from pydantic_core import PydanticCustomError, SchemaValidator, core_schema

from capacitylib.errors import CapacitylibError
from capacitylib.values._decimal import (
    DECIMAL_LIMIT,
    checked_decimal,
    exact_decimal,
    fast_decimal,
)
from capacitylib.values._value import Value, dict_input, field, fields_schema, instance_schema
from capacitylib.values.codes import CurrencyCode


class CurrencyMismatchError(CapacitylibError, ValueError):
    """Arithmetic or comparison between amounts in different currencies.

    >>> try:
    ...     Money.of("100.00", "EUR") + Money.of("2500.00", "CZK")
    ... except CurrencyMismatchError as error:
    ...     print(error)
    cannot add EUR and CZK amounts (100.00 EUR and 2500.00 CZK); convert first with a rate table
    """


@dataclasses.dataclass(eq=False, repr=False, init=False, slots=True, match_args=False)
class Money(Value):
    """An exact amount of money: a ``Decimal`` and an ISO 4217 currency.

    The amount keeps the digits it was given (``43940212.00`` stays ``43940212.00``) and is
    written to JSON and YAML as a decimal string. Arithmetic refuses mixed currencies;
    ``sum()`` works because ``0 + money`` is ``money``.

    >>> a = Money(amount=Decimal("43940212.00"), currency="EUR")
    >>> str(a + Money(amount=Decimal("0.50"), currency="EUR"))
    '43940212.50 EUR'
    >>> str(sum([a, a]))
    '87880424.00 EUR'
    """

    _fields: ClassVar[tuple[str, ...]] = ("amount", "currency")

    amount: Decimal
    currency: CurrencyCode

    @classmethod
    def _build_schema(cls) -> core_schema.CoreSchema:
        def fields(amount: core_schema.CoreSchema) -> core_schema.TypedDictSchema:
            return fields_schema({"amount": field(amount), "currency": field(_CURRENCY)})

        stored = {"amount": fast_decimal(ge=None), "currency": _CURRENCY}
        instance = instance_schema(cls, stored)

        def side(json: bool) -> core_schema.CoreSchema:
            checked = SchemaValidator(fields(checked_decimal(ge=None, json=json)))
            before = dict_input(cls, frozenset(stored), checked=checked, decimal_fields=("amount",))
            return core_schema.no_info_before_validator_function(before, instance)

        return core_schema.json_or_python_schema(
            json_schema=side(json=True), python_schema=side(json=False)
        )

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        """Build from an amount and a currency code (``Money.of("12.50", "EUR")``)."""
        return cls.model_validate({"amount": exact_decimal(amount), "currency": currency})

    @classmethod
    def _exact(cls, amount: Decimal, currency: CurrencyCode) -> Self:
        # The result of arithmetic on valid amounts: its currency is known, so only the size
        # guard of the input is checked again.
        if not -DECIMAL_LIMIT <= amount <= DECIMAL_LIMIT or not amount.is_finite():
            return cls.model_validate({"amount": amount, "currency": currency})
        money = _new(cls)
        _set(money, "amount", amount)
        _set(money, "currency", currency)
        return money

    def _same(self, other: Money, op: str) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {op} {self.currency} and {other.currency} amounts "
                f"({self} and {other}); convert first with a rate table"
            )

    def _new(self, amount: Decimal) -> Self:
        return self._exact(amount, self.currency)

    def __add__(self, other: Money | int) -> Self:
        if isinstance(other, int) and other == 0:
            return self
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "add")
        return self._new(self.amount + other.amount)

    __radd__ = __add__

    def __sub__(self, other: Money) -> Self:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "subtract")
        return self._new(self.amount - other.amount)

    def __mul__(self, factor: Decimal | int) -> Self:
        if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return self._new(self.amount * factor)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Self:
        if isinstance(divisor, bool) or not isinstance(divisor, Decimal | int):
            return NotImplemented
        return self._new(self.amount / divisor)

    def __neg__(self) -> Self:
        return self._new(-self.amount)

    def __lt__(self, other: Money) -> bool:
        self._same(other, "compare")
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other, "compare")
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._same(other, "compare")
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._same(other, "compare")
        return self.amount >= other.amount

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def rounded(self) -> Self:
        """The amount rounded half-up to the currency's minor unit (cents for EUR)."""
        quantum = Decimal(1).scaleb(-self.currency.minor_unit_digits)
        return self._new(self.amount.quantize(quantum, rounding=ROUND_HALF_UP))

    def allocate(self, weights: Sequence[Decimal | int]) -> list[Money]:
        """Split into parts proportional to ``weights``, rounded to the minor unit, summing exactly.

        Largest-remainder method: every part is first rounded down to the minor unit, then the
        leftover minor units go one each to the parts with the largest remainders (ties: earlier
        part first). The amount must already be a whole number of minor units.

        >>> [str(m) for m in Money.of("100.00", "EUR").allocate([1, 1, 1])]
        ['33.34 EUR', '33.33 EUR', '33.33 EUR']
        """
        if not weights or any(w < 0 for w in weights) or sum(weights) == 0:
            raise ValueError("weights must be non-negative numbers with a positive sum")
        quantum = Decimal(1).scaleb(-self.currency.minor_unit_digits)
        units_total = self.amount / quantum
        if units_total != units_total.to_integral_value():
            raise ValueError(f"{self} is not a whole number of minor units; round it first")
        total_weight = Decimal(sum(weights))
        exact = [units_total * Decimal(w) / total_weight for w in weights]
        floors = [e.to_integral_value(rounding="ROUND_FLOOR") for e in exact]
        leftover = int(units_total - sum(floors))
        order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in order[:leftover]:
            floors[i] += 1
        return [self._new((f * quantum).quantize(quantum)) for f in floors]


_new = object.__new__
_set = object.__setattr__
_CURRENCY = core_schema.no_info_after_validator_function(
    CurrencyCode.validate, core_schema.str_schema()
)


def total(amounts: Iterable[Money], currency: str | None = None) -> Money | None:
    """Sum of ``amounts`` in one currency; ``None`` for an empty iterable without ``currency``."""
    result: Money | None = Money.of(0, currency) if currency else None
    for amount in amounts:
        result = amount if result is None else result + amount
    return result


def non_negative(value: Money) -> Money:
    """Validator for budget amounts: refuse a negative amount with ``money_negative``."""
    if value.amount < 0:
        raise PydanticCustomError(
            "money_negative",
            "amount must be zero or more (got {amount} {currency})",
            {"amount": str(value.amount), "currency": str(value.currency)},
        )
    return value
