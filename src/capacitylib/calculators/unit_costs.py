"""Unit costs: the budget total divided by participants, persons reached, sessions or hours.

A unit cost is a :class:`MoneyRange`: dividing by a figure stated as a range (20-30
participants) gives the range of costs. Divisions are to 28 significant digits, half-even;
round them for display (:meth:`MoneyRange.rounded`). Unknown figures give ``None``, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from capacitylib.calculators._common import (
    Scope,
    as_estimate,
    divide,
    sum_known,
    unknown_when_incomputable,
)
from capacitylib.calculators._parts import activity_parts
from capacitylib.calculators.funding import budget_total
from capacitylib.calculators.hours import activity_clock_hours, session_count
from capacitylib.calculators.reach import reach
from capacitylib.codelists import ActivityKind, ReachUnit
from capacitylib.models import Activity, Programme
from capacitylib.reference import ReferenceTables
from capacitylib.values import Estimate, Money

#: Activity kinds made of training sessions: the denominators of cost per session and per hour.
TRAINING_KINDS = frozenset(
    {
        ActivityKind.TRAINING_COURSE,
        ActivityKind.SEMINAR,
        ActivityKind.WORKSHOP,
        ActivityKind.CONFERENCE,
        ActivityKind.SUPERVISION,
        ActivityKind.SUPERVISION_GROUP,
        ActivityKind.SUPERVISION_TEAM,
        ActivityKind.SUPERVISION_INDIVIDUAL,
        ActivityKind.INTERVISION,
        ActivityKind.FACILITATION_MEETING,
        ActivityKind.NETWORKING_MEETING,
        ActivityKind.MENTORING,
        ActivityKind.STUDY_VISIT,
    }
)


@dataclass(frozen=True, slots=True)
class MoneyRange:
    """A min..max amount in one currency: what a unit cost is when its denominator is a range.

    >>> r = MoneyRange(Money.of("100", "EUR"), Money.of("150", "EUR"))
    >>> str(r), r.currency, r.is_exact
    ('100-150 EUR', 'EUR', False)
    """

    min: Money
    max: Money

    def __post_init__(self) -> None:
        if self.min.currency != self.max.currency:
            raise ValueError(f"'min' and 'max' must share a currency (got {self.min}, {self.max})")
        if self.min.amount > self.max.amount:
            raise ValueError(f"'min' must not exceed 'max' (got {self.min}, {self.max})")

    @classmethod
    def exact(cls, amount: Money) -> MoneyRange:
        """A range with ``min == max``."""
        return cls(amount, amount)

    @property
    def currency(self) -> str:
        """The ISO 4217 code of both bounds."""
        return str(self.min.currency)

    @property
    def is_exact(self) -> bool:
        """Whether ``min == max``."""
        return self.min.amount == self.max.amount

    def rounded(self) -> MoneyRange:
        """Both bounds rounded half-up to the currency's minor unit (cents for EUR)."""
        return MoneyRange(self.min.rounded(), self.max.rounded())

    def __str__(self) -> str:
        if self.is_exact:
            return str(self.min)
        return f"{self.min.amount}-{self.max.amount} {self.currency}"


def cost_per(amount: Money, quantity: Estimate | Decimal | int) -> MoneyRange:
    """``amount / quantity``: a range ``amount / max .. amount / min`` when ``quantity`` is one.

    Unit: money per unit of ``quantity``, 28 significant digits, half-even (round with
    :meth:`MoneyRange.rounded`). Refused (``ZeroDivisionError``): a quantity that may be 0.

    >>> str(cost_per(Money.of("6000.00", "EUR"), Estimate.range(20, 30)))
    '200.00-300.00 EUR'
    """
    q = as_estimate(quantity)
    if q.min <= 0:
        raise ZeroDivisionError(f"cannot divide {amount} by {q}: it may be zero")
    if q.max is None:
        raise ZeroDivisionError(f"cannot divide {amount} by {q}: it has no upper bound")
    low = Money(amount=divide(amount.amount, q.max), currency=amount.currency)
    high = Money(amount=divide(amount.amount, q.min), currency=amount.currency)
    return MoneyRange(low, high)


#: Activities whose costs are not capacity building (services to clients): a budget that pays
#: for them cannot be divided by training sessions, hours or participants.
NON_TRAINING_COSTS = frozenset({ActivityKind.SERVICE_PROVISION})


def _budget_attributable(programme: Programme, scope: Scope) -> bool:
    """Whether the whole budget pays for the activities counted in ``scope``.

    Not when an activity is left out of the scope (a planned one in an achieved figure) or
    provides services to clients: dividing the total by the counted figures would then
    overstate the unit cost.
    """
    return all(
        a.kind not in NON_TRAINING_COSTS and _counted(a, scope) for a in programme.activities
    )


def _cost(
    programme: Programme, quantity: Estimate | None, scope: Scope = "achieved"
) -> MoneyRange | None:
    total = budget_total(programme.budget) if programme.budget is not None else None
    if total is None or quantity is None or quantity.min <= 0:
        return None
    if not _budget_attributable(programme, scope):
        return None
    return cost_per(total, quantity)


@unknown_when_incomputable
def cost_per_participant(programme: Programme, *, scope: Scope = "achieved") -> MoneyRange | None:
    """Budget total / participations of persons (all target groups; see ``reach``).

    ``None`` when the total or any persons count is unknown, or the count may be 0.
    The whole budget is divided by the figures of ``scope`` (achieved by default).

    >>> p = Programme(id="p", title={"en": "P"},
    ...     budget={"total": {"amount": "6000.00", "currency": "EUR"}},
    ...     activities=[{"id": "c", "kind": "training_course", "participants": [
    ...         {"group": "social_workers", "count": {"min": 20, "max": 30}}]}])
    >>> str(cost_per_participant(p).rounded())
    '200.00-300.00 EUR'
    """
    figures = [
        f.participations for f in reach(programme, scope=scope) if f.unit is ReachUnit.PERSONS
    ]
    return _cost(programme, sum_known(figures), scope)


@unknown_when_incomputable
def cost_per_person_reached(
    programme: Programme, *, scope: Scope = "achieved"
) -> MoneyRange | None:
    """Budget total / unique persons reached (summed over target groups, which do not overlap).

    ``None`` when the total or any group's unique persons is unknown, or the count may be 0.

    >>> p = Programme(id="p", title={"en": "P"},
    ...     budget={"total": {"amount": "6000.00", "currency": "EUR"}},
    ...     activities=[{"id": "c", "kind": "training_course", "participants": [
    ...         {"group": "social_workers", "count": 30, "unique": True}]},
    ...         {"id": "s", "kind": "supervision", "participants": [
    ...         {"group": "social_workers", "count": 30, "unique": True}]}])
    >>> str(cost_per_person_reached(p).rounded())  # the same 30, or 60 different people
    '100.00-200.00 EUR'
    """
    figures = [f.unique for f in reach(programme, scope=scope) if f.unit is ReachUnit.PERSONS]
    return _cost(programme, sum_known(figures), scope)


@unknown_when_incomputable
def cost_per_session(programme: Programme, *, scope: Scope = "achieved") -> MoneyRange | None:
    """Budget total / sessions of the programme's training activities (:data:`TRAINING_KINDS`).

    ``None`` when the total or any training activity's session count is unknown.

    >>> p = Programme(id="p", title={"en": "P"},
    ...     budget={"total": {"amount": "11400.00", "currency": "CZK"}},
    ...     activities=[{"id": "s", "kind": "supervision_team", "sessions_actual": 114}])
    >>> str(cost_per_session(p))
    '100.00 CZK'
    """
    counts = [
        session_count(a, scope=scope)
        for a in programme.activities
        if a.kind in TRAINING_KINDS and _counted(a, scope)
    ]
    return _cost(programme, sum_known(counts), scope)


@unknown_when_incomputable
def cost_per_training_hour(
    programme: Programme, *, scope: Scope = "achieved", tables: ReferenceTables | None = None
) -> MoneyRange | None:
    """Budget total / clock hours of the programme's training activities (session time).

    Clock hours as :func:`~capacitylib.calculators.activity_clock_hours`, through the country's
    academic-hour length. ``None`` when the total or any training activity's hours are unknown.

    >>> p = Programme(id="p", title={"en": "P"}, country="LT",
    ...     budget={"total": {"amount": "1200.00", "currency": "EUR"}},
    ...     activities=[{"id": "s", "kind": "seminar", "sessions_actual": 4,
    ...                  "hours_per_session": {"min": 8, "unit": "academic_hour"}}])
    >>> str(cost_per_training_hour(p))  # 4 x 8 academic hours = 24 clock hours
    '50.00 EUR'
    """
    hours = [
        activity_clock_hours(a, scope=scope, country=programme.country, tables=tables)
        for a in programme.activities
        if a.kind in TRAINING_KINDS and _counted(a, scope)
    ]
    return _cost(programme, sum_known(hours), scope)


def _counted(activity: Activity, scope: Scope) -> bool:
    return bool(activity_parts(activity, scope))


__all__ = [
    "NON_TRAINING_COSTS",
    "TRAINING_KINDS",
    "MoneyRange",
    "cost_per",
    "cost_per_participant",
    "cost_per_person_reached",
    "cost_per_session",
    "cost_per_training_hour",
]
