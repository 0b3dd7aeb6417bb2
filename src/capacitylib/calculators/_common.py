"""Shared pieces of the calculators: the decimal context, rounding, scopes and None-aware sums.

Every division in the calculators goes through :data:`CONTEXT` (28 significant digits, half-even),
so results do not depend on the caller's global ``decimal`` context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Literal

from capacitylib.codelists import ActivityStatus
from capacitylib.values import Estimate

#: Which figures to count: ``achieved`` (what was done or is under way), ``planned`` (plans:
#: activities and sessions with status ``planned``) or ``all`` (both; they never overlap).
Scope = Literal["achieved", "planned", "all"]

#: The decimal context of every division: 28 significant digits, ties to even.
CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


def divide(numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """``numerator / denominator`` to 28 significant digits, half-even (a fixed context).

    >>> divide(2, 3)
    Decimal('0.6666666666666666666666666667')
    """
    return CONTEXT.divide(Decimal(numerator), Decimal(denominator))


def round_decimal(value: Decimal, places: int, *, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """``value`` rounded to ``places`` decimal places (half-even unless ``rounding`` says so).

    >>> round_decimal(Decimal("58.6666666"), 1), round_decimal(Decimal("0.125"), 2)
    (Decimal('58.7'), Decimal('0.12'))
    """
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def round_estimate(value: Estimate, places: int, *, rounding: str = ROUND_HALF_EVEN) -> Estimate:
    """Both bounds of ``value`` rounded to ``places`` decimal places (half-even by default).

    Rounding each bound may move it by half a unit in the last place; ``min <= max`` still holds.

    >>> str(round_estimate(Estimate.range(Decimal("58.6666"), Decimal("66.6666")), 1))
    '58.7-66.7'
    """
    return Estimate(
        min=round_decimal(value.min, places, rounding=rounding),
        max=round_decimal(value.max, places, rounding=rounding),
        approximate=value.approximate,
    )


def divide_estimate(numerator: Estimate, denominator: Estimate) -> Estimate:
    """``numerator / denominator`` as a range: ``min/max .. max/min``, in :data:`CONTEXT`.

    Refuses (``ZeroDivisionError``) a denominator that may be zero.
    """
    if denominator.min <= 0:
        raise ZeroDivisionError(f"cannot divide {numerator} by {denominator}: it may be zero")
    return Estimate(
        min=divide(numerator.min, denominator.max),
        max=divide(numerator.max, denominator.min),
        approximate=numerator.approximate or denominator.approximate,
    )


def as_estimate(value: Estimate | Decimal | int) -> Estimate:
    """An Estimate from an Estimate or an exact number."""
    if isinstance(value, Estimate):
        return value
    return Estimate.exact(value)


def sum_known(values: Iterable[Estimate | None]) -> Estimate | None:
    """Sum of ``values``; ``None`` if any is ``None`` (unknown stays unknown) or none are given.

    >>> str(sum_known([Estimate.exact(2), Estimate.range(1, 3)]))
    '3-5'
    >>> sum_known([Estimate.exact(2), None]) is None
    True
    """
    total: Estimate | None = None
    for value in values:
        if value is None:
            return None
        total = value if total is None else total + value
    return total


def scaled(value: Estimate, factor: Decimal) -> Estimate:
    """``value`` times a non-negative exact ``factor``, computed in :data:`CONTEXT`."""
    return Estimate(
        min=CONTEXT.multiply(value.min, factor),
        max=CONTEXT.multiply(value.max, factor),
        approximate=value.approximate,
    )


@dataclass(frozen=True, slots=True)
class Tally:
    """A sum over several items of which some may be unknown: the known part and the unknowns.

    ``total`` is the sum only when every item is known, else ``None``; ``known`` is the sum of
    the known items (a lower bound when ``unknown > 0``).

    >>> t = Tally().add(Estimate.exact(4)).add(None)
    >>> str(t.known), t.unknown, t.total
    ('4', 1, None)
    """

    known: Estimate | None = None
    unknown: int = 0

    def add(self, value: Estimate | None) -> Tally:
        """This tally with one more item."""
        if value is None:
            return Tally(self.known, self.unknown + 1)
        return Tally(value if self.known is None else self.known + value, self.unknown)

    @property
    def total(self) -> Estimate | None:
        """The sum when every item is known (and there is at least one), else ``None``."""
        return self.known if self.unknown == 0 else None


def status_scope(status: ActivityStatus | None) -> Literal["achieved", "planned"] | None:
    """Scope of figures with ``status``: ``planned`` plans, ``None`` for cancelled, else achieved.

    A missing status counts as achieved: the document reports the figure without calling it a plan.
    """
    if status is ActivityStatus.PLANNED:
        return "planned"
    if status is ActivityStatus.CANCELLED:
        return None
    return "achieved"


def in_scope(part: Literal["achieved", "planned"], scope: Scope) -> bool:
    """Whether figures of ``part`` count under ``scope``."""
    return scope in ("all", part)
