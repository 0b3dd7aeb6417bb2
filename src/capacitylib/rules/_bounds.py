"""Bounds of figures as the results rules compare them: widened when approximate, summed exactly."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, Inexact, localcontext

from capacitylib.rules._context import Context
from capacitylib.values import Estimate

#: The bounds of a figure; ``None`` as the upper bound: no upper bound ("at least 30").
Bounds = tuple[Decimal, Decimal | None]


def widened(value: Estimate, ctx: Context) -> Bounds:
    """Bounds of ``value``, widened by ``RuleOptions.approximate_margin`` when approximate."""
    if not value.approximate:
        return value.min, value.max
    margin = ctx.options.approximate_margin
    high = None if value.max is None else value.max * (1 + margin)
    return value.min * (1 - margin), high


def exceeds(part: Bounds, whole: Bounds) -> bool:
    """Whether every reading of ``part`` is above every reading of ``whole`` (min over max)."""
    return whole[1] is not None and part[0] > whole[1]


def exact_sum(bounds: Iterable[Bounds]) -> Bounds | None:
    """The bounds of a sum, or ``None`` when a digit would be lost (unknown, never rounded)."""
    with localcontext() as context:
        context.clear_flags()
        low = Decimal(0)
        high: Decimal | None = Decimal(0)
        for part_low, part_high in bounds:
            low += part_low
            high = None if high is None or part_high is None else high + part_high
        if context.flags[Inexact]:
            return None
    return low, high


def overlap(first: Bounds, second: Bounds) -> bool:
    """Whether two intervals share a value (an open upper bound reaches every value above)."""
    if first[1] is not None and first[1] < second[0]:
        return False
    return second[1] is None or second[1] >= first[0]


def text(bounds: Bounds) -> str:
    """Bounds as a message shows them: ``96``, ``90-110``, ``at least 30``."""
    low, high = bounds
    if high is None:
        return f"at least {low}"
    return str(low) if low == high else f"{low}-{high}"
