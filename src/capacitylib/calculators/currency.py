"""Currency conversion through exchange rates you supply (capacitylib never fetches rates).

Conversion multiplies by the rate (or divides by the reverse pair's rate) in a 28-digit
context and rounds half-up to the target currency's minor unit unless asked not to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from capacitylib.calculators._common import CONTEXT, divide
from capacitylib.errors import CapacitylibError
from capacitylib.values import Money


class MissingRateError(CapacitylibError, LookupError):
    """No rate in the table for a currency pair (capacitylib never looks rates up online).

    >>> try:
    ...     convert(Money.of("100.00", "PLN"), "EUR", rates=RateTable())
    ... except MissingRateError as error:
    ...     print(str(error).split(";")[0])
    no exchange rate PLN->EUR in the rate table
    """


@dataclass(frozen=True)
class RateTable:
    """Exchange rates the user supplies, never fetched from the network.

    ``{("EUR", "LTL"): Decimal("3.4528")}`` means 1 EUR = 3.4528 LTL.
    A pair also converts the other way (dividing by the rate). Rates must be positive Decimals
    (or decimal strings); floats are refused.

    >>> rates = RateTable({("EUR", "LTL"): Decimal("3.4528")})
    >>> rates.rate("EUR", "LTL"), rates.rate("LTL", "LTL")
    (Decimal('3.4528'), Decimal('1'))
    """

    rates: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        checked: dict[tuple[str, str], Decimal] = {}
        for (source, target), rate in self.rates.items():
            if isinstance(rate, float) or not isinstance(rate, Decimal | int | str):
                raise TypeError(f"rate {source}->{target} must be a Decimal, not {rate!r}")
            value = Decimal(rate)
            if not value.is_finite() or value <= 0:
                raise ValueError(f"rate {source}->{target} must be positive (got {rate})")
            checked[(source, target)] = value
        object.__setattr__(self, "rates", MappingProxyType(checked))

    def __reduce__(self) -> tuple[object, ...]:
        # A mappingproxy does not pickle: rebuild from a plain dict (tables sent to workers).
        return (type(self), (dict(self.rates),))

    def rate(self, source: str, target: str) -> Decimal:
        """Units of ``target`` per unit of ``source``; raises :class:`MissingRateError`."""
        if source == target:
            return Decimal(1)
        if (source, target) in self.rates:
            return self.rates[(source, target)]
        if (target, source) in self.rates:
            return divide(1, self.rates[(target, source)])
        raise _missing(source, target)


def _missing(source: str, target: str) -> MissingRateError:
    return MissingRateError(
        f"no exchange rate {source}->{target} in the rate table; add one, e.g. "
        f"RateTable({{({source!r}, {target!r}): Decimal('...')}})"
    )


#: The fixed euro conversion rates of the litas and the lats, as commonly quoted [U]: 1 EUR =
#: 3.4528 LTL (Lithuania, 2015) and 0.702804 LVL (Latvia, 2014). An example table shipped for
#: convenience, unconfirmed by capacitylib: check the Council decisions before relying on it.
FIXED_EURO_RATES = RateTable(
    {("EUR", "LTL"): Decimal("3.4528"), ("EUR", "LVL"): Decimal("0.702804")}
)


def convert(amount: Money, currency: str, *, rates: RateTable, rounded: bool = True) -> Money:
    """``amount`` in ``currency`` through ``rates``.

    Multiplies by the rate (or divides by the reverse pair's rate) in a 28-digit context, then
    rounds half-up to the target currency's minor unit unless ``rounded=False``. Refused:
    a missing rate (:class:`MissingRateError`).

    >>> str(convert(Money.of("345.28", "LTL"), "EUR", rates=FIXED_EURO_RATES))
    '100.00 EUR'
    >>> str(convert(Money.of("100.00", "EUR"), "LVL", rates=FIXED_EURO_RATES))
    '70.28 LVL'
    """
    if amount.currency == currency:
        return amount
    if (amount.currency, currency) in rates.rates:
        value = CONTEXT.multiply(amount.amount, rates.rates[(amount.currency, currency)])
    elif (currency, amount.currency) in rates.rates:
        value = divide(amount.amount, rates.rates[(currency, amount.currency)])
    else:
        raise _missing(amount.currency, currency)
    result = Money.model_validate({"amount": value, "currency": currency})
    return result.rounded() if rounded else result


__all__ = ["FIXED_EURO_RATES", "MissingRateError", "RateTable", "convert"]
