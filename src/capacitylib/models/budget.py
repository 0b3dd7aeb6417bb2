"""Budgets: the total, the funding sources it is split over, and per-partner lines."""

from __future__ import annotations

from capacitylib.codelists import FundingInstrument, FundingSourceKind
from capacitylib.models._base import CapacityModel, NonNegativeMoney, Note
from capacitylib.values import ObjectId


class FundingSource(CapacityModel):
    """Money from one source: an EU fund, a donor grant, a national or municipal budget, own funds.

    >>> FundingSource(kind="eu_fund", instrument="esf_plus",
    ...               amount={"amount": "100.00", "currency": "EUR"}).amount.amount
    Decimal('100.00')
    """

    kind: FundingSourceKind
    amount: NonNegativeMoney
    instrument: FundingInstrument | None = None
    organisation: ObjectId | None = None
    note: Note | None = None


class BudgetLine(CapacityModel):
    """The part of the budget one partner organisation manages."""

    organisation: ObjectId
    amount: NonNegativeMoney
    note: Note | None = None


class Budget(CapacityModel):
    """A programme's budget: the stated total and, when known, its funding sources and lines.

    ``total`` is the figure the source gives (eligible costs or the funding sum); the checks
    compare it with the sum of ``sources``.
    """

    total: NonNegativeMoney | None = None
    sources: tuple[FundingSource, ...] = ()
    lines: tuple[BudgetLine, ...] = ()
    note: Note | None = None
