"""Spreading an amount over the calendar years of a period, in proportion to days."""

from __future__ import annotations

from decimal import localcontext

from capacitylib.calculators._common import WIDE
from capacitylib.calculators.duration import days_by_year
from capacitylib.values import Money, Period


def allocate_by_year(amount: Money, period: Period) -> dict[int, Money] | None:
    """Split ``amount`` over the calendar years of ``period`` in proportion to days.

    Rounded to the currency's minor unit by the largest-remainder method
    (:meth:`Money.allocate`), so the parts add up exactly to ``amount``. ``None`` for an open
    period. Refused (``ValueError``): an amount that is not a whole number of cents.

    >>> from datetime import date
    >>> split = allocate_by_year(Money.of("43940212.00", "EUR"),
    ...                          Period(start=date(2022, 12, 8), end=date(2026, 12, 31)))
    >>> {year: str(m.amount) for year, m in split.items()}  # doctest: +NORMALIZE_WHITESPACE
    {2022: '710144.84', 2023: '10800119.45', 2024: '10829708.81',
     2025: '10800119.45', 2026: '10800119.45'}
    """
    split = days_by_year(period)
    if split is None:
        return None
    with localcontext(WIDE):  # 100 digits: the split of 10^18 is exact to the cent
        parts = amount.allocate(list(split.values()))
    return dict(zip(split, parts, strict=True))


__all__ = ["allocate_by_year"]
