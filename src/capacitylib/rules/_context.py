"""What every rule receives besides the programme, computed once per check; the finding builder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from decimal import Context as DecimalContext
from typing import Any

from capacitylib.errors import Loc, Problem, format_path
from capacitylib.models import Programme, StatedPeriod
from capacitylib.reference import ReferenceTables
from capacitylib.rules.catalogue import CATALOGUE
from capacitylib.rules.options import RuleOptions
from capacitylib.values import Period

Findings = Iterator[Problem]

#: The decimal context the rules run in, whatever the caller's: 100 significant digits (sums
#: and products of stated figures are exact) and the widest exponents (a quotient of 10^18 by
#: 10^-1000000 does not overflow).
DECIMALS = DecimalContext(
    prec=100,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

#: Figures above this are too large to state in a message to the digit or to compare as
#: integers; a rule judges them as "more than any stated figure".
HUGE = Decimal("1e40")


def shown(value: Decimal, quantum: Decimal) -> Decimal:
    """``value`` quantized to ``quantum`` for a message, or unchanged when far too large."""
    if value.copy_abs() >= HUGE:
        return value
    return value.quantize(quantum)


@dataclass(frozen=True, slots=True)
class Context:
    """Inputs of the rules: options, tables, the check date and the programme period.

    ``period`` is :attr:`Programme.period` computed once (exact days, for durations);
    ``span`` is the widest range of days the chosen stated period may cover (first day of its
    start, last day of its end; no start: the earliest day), for "inside the period" checks;
    ``period_loc`` is where the chosen version sits in ``periods``.
    """

    options: RuleOptions
    tables: ReferenceTables
    as_of: date
    period: Period | None
    period_loc: Loc
    span: Period | None = None
    stated: StatedPeriod | None = None

    @classmethod
    def build(
        cls, programme: Programme, options: RuleOptions, tables: ReferenceTables, as_of: date
    ) -> Context:
        """The context of one check of ``programme``."""
        chosen = programme.stated_period
        loc: Loc = ("periods",)
        span: Period | None = None
        if chosen is not None:
            loc = next(("periods", i) for i, s in enumerate(programme.periods) if s is chosen)
            first, last = chosen.span
            span = Period(start=first if first is not None else date.min, end=last)
        return cls(
            options=options,
            tables=tables,
            as_of=as_of,
            period=chosen.to_period() if chosen is not None else None,
            period_loc=loc,
            span=span,
            stated=chosen,
        )


def finding(
    code: str,
    loc: Loc,
    message: str,
    *,
    value: Any = None,
    **values: Any,
) -> Problem:
    """A finding of ``code`` at ``loc``, with the catalogue's severity (KeyError if unlisted)."""
    return Problem(
        code=code,
        path=format_path(loc),
        message=message,
        severity=CATALOGUE[code].severity,
        value=value,
        values=values,
    )


def next_day(day: date) -> date | None:
    """The day after ``day``, or ``None`` past the last representable date."""
    return None if day == date.max else day + timedelta(days=1)


def quoted(loc: Loc) -> str:
    """A location as the message names it: ``'activities[0].period'``."""
    return f"'{format_path(loc)}'"
