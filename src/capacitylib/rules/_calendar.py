"""Calendar arithmetic of the rules, on python-dateutil's ``relativedelta``.

Periods are inclusive: 2019-05-16..2019-10-31 lasts ``relativedelta(2019-11-01, 2019-05-16)``,
5 months 16 days. A stated figure that is not a whole number of months (or days, for weeks) is
taken as the range of the whole numbers around it (2.5 months: 2 to 3 months), so nothing is
rounded silently. A shifted date past year 9999 is out of reach: :func:`shift` returns ``None``
and the rule stays silent.

>>> from datetime import date
>>> describe(length(date(2019, 5, 16), date(2019, 10, 31)))
'5 months 16 days'
>>> whole_units(date(2016, 11, 1), date(2018, 2, 28), TimeUnit.MONTH)
(16, 16)
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from dateutil.relativedelta import relativedelta

from capacitylib._calendar import inclusive_delta
from capacitylib.codelists import TimeUnit

# Pipelines check many records with the same dates (month starts and ends, the same call's
# period): the pure functions below are memoised, which makes a repeated period nearly free.
_CACHE = 4096

_DAYS_PER = {TimeUnit.DAY: 1, TimeUnit.WEEK: 7}
_MONTHS_PER = {TimeUnit.MONTH: 1, TimeUnit.YEAR: 12}


@functools.lru_cache(maxsize=_CACHE)
def length(start: date, end: date) -> relativedelta:
    """Length of the inclusive period ``start..end`` in years, months and days."""
    return inclusive_delta(start, end)


def describe(delta: relativedelta) -> str:
    """``1 year 4 months``, ``5 months 16 days``, ``0 days``."""
    parts = [
        f"{n} {name}{'' if n == 1 else 's'}"
        for n, name in ((delta.years, "year"), (delta.months, "month"), (delta.days, "day"))
        if n
    ]
    return " ".join(parts) or "0 days"


def plural(value: str, unit: TimeUnit, *, one: bool) -> str:
    """``6 months``, ``1 month``, ``2-3 weeks``."""
    return f"{value} {unit.value}{'' if one else 's'}"


def _integral(value: Decimal, rounding: str) -> int:
    return int(value.to_integral_value(rounding=rounding))


@functools.lru_cache(maxsize=_CACHE)
def shift(start: date, amount: Decimal, unit: TimeUnit, *, up: bool) -> date | None:
    """``start`` plus ``amount`` units, rounding a fraction of the smallest step down or up.

    Months and years step in whole months, days and weeks in whole days; ``None`` when the result
    is not a representable date.
    """
    rounding = ROUND_CEILING if up else ROUND_FLOOR
    try:
        if unit in _MONTHS_PER:
            delta = relativedelta(months=_integral(amount * _MONTHS_PER[unit], rounding))
        else:
            delta = relativedelta(days=_integral(amount * _DAYS_PER[unit], rounding))
        return start + delta
    except (OverflowError, ValueError):
        return None


@functools.lru_cache(maxsize=_CACHE)
def whole_units(start: date, end: date, unit: TimeUnit) -> tuple[int, int]:
    """Whole ``unit``s in the inclusive period, down and up: 16 months 3 days is (16, 17)."""
    if unit in _MONTHS_PER:
        delta = inclusive_delta(start, end)
        months = delta.years * 12 + delta.months
        whole, rest = divmod(months, _MONTHS_PER[unit])
        extra = bool(rest or delta.days)
    else:
        whole, rest = divmod((end - start).days + 1, _DAYS_PER[unit])
        extra = bool(rest)
    return whole, whole + extra
