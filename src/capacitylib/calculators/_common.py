"""Shared pieces of the calculators: the decimal context, rounding, scopes and None-aware sums.

Every division in the calculators goes through :data:`CONTEXT` (28 significant digits, half-even),
so results do not depend on the caller's global ``decimal`` context. Sums and products are
exact or unknown: they run in :data:`EXACT` (Inexact, Overflow and InvalidOperation raise),
and :func:`unknown_when_incomputable` turns such a figure into ``None``, never a rounded or
wrong number. Calculated figures may exceed the input limit (10^18 sessions of 8 hours are
8 x 10^18 hours): the limit guards input, not arithmetic.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Underflow,
    localcontext,
)
from typing import Literal, ParamSpec, TypeVar

from pydantic import ValidationError

from capacitylib.codelists import ActivityStatus
from capacitylib.values import Estimate

#: Which figures to count: ``achieved`` (what was done or is under way), ``planned`` (plans:
#: activities and sessions with status ``planned``) or ``all`` (both; they never overlap).
Scope = Literal["achieved", "planned", "all"]

#: The decimal context of every division: 28 significant digits, ties to even. A quotient
#: beyond 10^99 (or below 10^-99) overflows (underflows) rather than becoming a figure of a
#: million digits: :func:`unknown_when_incomputable` reports it as unknown.
CONTEXT = Context(
    prec=28,
    rounding=ROUND_HALF_EVEN,
    Emax=99,
    Emin=-99,
    traps=[InvalidOperation, DivisionByZero, Overflow, Underflow],
)

#: The context of sums and products: 100 significant digits (every sum or product of stated
#: figures with up to 50 digits is exact) and a trap on any digit lost, so that a figure that
#: cannot be computed exactly raises instead of being rounded.
EXACT = Context(
    prec=100,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)

#: The context the calculators run in: as :data:`EXACT` but rounding allowed (the largest-
#: remainder split divides), for work outside the exact sums.
WIDE = Context(
    prec=100,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

#: What a figure that cannot be computed raises: a decimal signal (overflow, a digit lost, a
#: division by a figure that may be zero) or a result the value types refuse.
INCOMPUTABLE: tuple[type[Exception], ...] = (ArithmeticError, ValidationError)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def unknown_when_incomputable(function: Callable[_P, _R | None]) -> Callable[_P, _R | None]:
    """Run ``function`` in :data:`WIDE`; a figure it cannot compute is ``None`` (unknown).

    >>> @unknown_when_incomputable
    ... def reciprocal(value: Decimal) -> Decimal:
    ...     return CONTEXT.divide(Decimal(1), value)
    >>> reciprocal(Decimal("4")), reciprocal(Decimal("1E-1000000"))
    (Decimal('0.25'), None)
    """

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | None:
        with localcontext(WIDE):
            try:
                return function(*args, **kwargs)
            except INCOMPUTABLE:
                return None

    return wrapper


def figure(low: Decimal, high: Decimal | None, *, approximate: bool = False) -> Estimate:
    """A calculated Estimate ``low..high``, not held to the input limit of 10^18.

    ``high=None`` is a figure without an upper bound ("at least ``low``").

    >>> str(figure(Decimal(8) * 10**18, Decimal(9) * 10**18))
    '8000000000000000000-9000000000000000000'
    """
    if not Decimal(0) <= low or (high is not None and low > high):
        raise ValueError(f"a calculation gave an invalid range {low}..{high}")
    return Estimate.model_construct(
        min=low, max=high, approximate=approximate, at_least=high is None
    )


def exact_sum(left: Estimate, right: Estimate) -> Estimate:
    """``left + right`` computed exactly (:data:`EXACT`); raises ``Inexact`` rather than round."""
    with localcontext(EXACT):
        return left + right


def exact_product(left: Estimate, right: Estimate) -> Estimate:
    """``left * right`` computed exactly (:data:`EXACT`); keeps the unit of an ``Hours`` side."""
    with localcontext(EXACT):
        return left * right


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
    # Enough digits for the integer part and the places, whatever the caller's context.
    digits = max(value.adjusted(), 0) + places + 2
    context = Context(prec=max(28, digits), Emax=MAX_EMAX, Emin=MIN_EMIN)
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=context)


def round_estimate(value: Estimate, places: int, *, rounding: str = ROUND_HALF_EVEN) -> Estimate:
    """Both bounds of ``value`` rounded to ``places`` decimal places (half-even by default).

    Rounding each bound may move it by half a unit in the last place; ``min <= max`` still holds.

    >>> str(round_estimate(Estimate.range(Decimal("58.6666"), Decimal("66.6666")), 1))
    '58.7-66.7'
    """
    return figure(
        round_decimal(value.min, places, rounding=rounding),
        None if value.max is None else round_decimal(value.max, places, rounding=rounding),
        approximate=value.approximate,
    )


def divide_estimate(numerator: Estimate, denominator: Estimate) -> Estimate:
    """``numerator / denominator`` as a range: ``min/max .. max/min``, in :data:`CONTEXT`.

    A denominator without an upper bound gives the lower bound 0; a numerator without one
    gives a result without one. Refuses (``ZeroDivisionError``) a denominator that may be zero.
    """
    if denominator.min <= 0:
        raise ZeroDivisionError(f"cannot divide {numerator} by {denominator}: it may be zero")
    return figure(
        Decimal(0) if denominator.max is None else divide(numerator.min, denominator.max),
        None if numerator.max is None else divide(numerator.max, denominator.min),
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
        total = value if total is None else exact_sum(total, value)
    return total


def scaled(value: Estimate, factor: Decimal) -> Estimate:
    """``value`` times a non-negative exact ``factor``, computed in :data:`CONTEXT`."""
    return figure(
        CONTEXT.multiply(value.min, factor),
        None if value.max is None else CONTEXT.multiply(value.max, factor),
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
        known = value if self.known is None else exact_sum(self.known, value)
        return Tally(known, self.unknown)

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
