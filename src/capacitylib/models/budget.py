"""Budgets: the total, the funding sources it is split over, and per-partner lines."""

from __future__ import annotations

from pydantic import Field

from capacitylib.codelists import FundingInstrument, FundingSourceKind
from capacitylib.models._base import CapacityModel, NonNegativeMoney, Note
from capacitylib.values import ObjectId


class FundingSource(CapacityModel):
    """Money from one source: an EU fund, a donor grant, a national or municipal budget, own funds.

    >>> FundingSource(kind="eu_fund", instrument="esf_plus",
    ...               amount={"amount": "100.00", "currency": "EUR"}).amount.amount
    Decimal('100.00')
    """

    kind: FundingSourceKind = Field(
        description=(
            "Where the money comes from (EU fund, donor grant, national budget, own "
            "contribution, ...)."
        )
    )
    amount: NonNegativeMoney = Field(description="Amount from this source (zero or more).")
    instrument: FundingInstrument | None = Field(
        default=None, description="Funding instrument, for EU funds and grants."
    )
    organisation: ObjectId | None = Field(
        default=None, description="Id of the organisation providing the money."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")


class BudgetLine(CapacityModel):
    """The part of the budget one partner organisation manages.

    >>> line = BudgetLine(organisation="visaginas-spc",
    ...                   amount={"amount": "1200.00", "currency": "EUR"})
    >>> line.organisation, str(line.amount)
    ('visaginas-spc', '1200.00 EUR')
    """

    organisation: ObjectId = Field(description="Id of the partner organisation.")
    amount: NonNegativeMoney = Field(description="Its part of the budget (zero or more).")
    note: Note | None = Field(default=None, description="Free-text remark.")


class Budget(CapacityModel):
    """A programme's budget: the stated total and, when known, its funding sources and lines.

    ``total`` is the figure the source gives (eligible costs or the funding sum); the checks
    compare it with the sum of ``sources``.

    >>> b = Budget(total={"amount": "100000.00", "currency": "EUR"}, sources=[
    ...     {"kind": "eu_fund", "amount": {"amount": "85000.00", "currency": "EUR"}},
    ...     {"kind": "national_budget", "amount": {"amount": "15000.00", "currency": "EUR"}}])
    >>> str(b.total), [(s.kind.value, str(s.amount)) for s in b.sources]
    ('100000.00 EUR', [('eu_fund', '85000.00 EUR'), ('national_budget', '15000.00 EUR')])
    """

    total: NonNegativeMoney | None = Field(
        default=None, description="Total as stated (eligible costs or funding sum; zero or more)."
    )
    sources: tuple[FundingSource, ...] = Field(
        default=(), description="Funding sources; they should add up to the total."
    )
    lines: tuple[BudgetLine, ...] = Field(default=(), description="Per-partner lines.")
    note: Note | None = Field(
        default=None, description="Free-text remark (e.g. the source's wording)."
    )
