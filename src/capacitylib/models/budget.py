"""Budgets: the total, the funding sources it is split over, and per-partner lines."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from capacitylib.codelists import FundingInstrument, FundingSourceKind, TaxBasis
from capacitylib.models._base import CapacityModel, NonNegativeMoney, Note
from capacitylib.values import LocalizedText, ObjectId
from capacitylib.values.share import Share


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
    amount: NonNegativeMoney | None = Field(
        default=None,
        description="Amount from this source (zero or more); unset when only a share is stated.",
    )
    share: Share | None = Field(
        default=None,
        description=(
            'Share of the total from this source, a decimal fraction written as a string (`"0.85"` '
            "for 85 %), as the source states it, instead of or beside `amount`."
        ),
    )
    instrument: FundingInstrument | None = Field(
        default=None, description="Funding instrument, for EU funds and grants."
    )
    organisation: ObjectId | None = Field(
        default=None, description="Id of the organisation providing the money."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")

    @model_validator(mode="after")
    def _amount_or_share(self) -> Self:
        if self.amount is None and self.share is None:
            raise PydanticCustomError(
                "funding_source_without_amount",
                "a funding source must state 'amount' or 'share' (or both); got neither "
                "(kind={kind})",
                {"kind": self.kind.value},
            )
        return self


class UnitCost(CapacityModel):
    """A unit-cost rule: "accommodation refunded up to 60.00 EUR per night, gross".

    >>> u = UnitCost(item={"en": "accommodation"}, amount={"amount": "60.00", "currency": "EUR"},
    ...              per="night", ceiling=True, tax="gross")
    >>> str(u.amount), u.per, u.ceiling
    ('60.00 EUR', 'night', True)
    """

    item: LocalizedText = Field(description="What the rate pays for (`accommodation`).")
    amount: NonNegativeMoney = Field(description="The rate (zero or more).")
    per: str = Field(
        min_length=1,
        max_length=100,
        description="The unit the rate is per, as the source words it (`night`, `participant`).",
    )
    ceiling: bool = Field(
        default=False, description='True when the rate is a maximum ("refunded up to").'
    )
    tax: TaxBasis | None = Field(
        default=None, description="Whether the rate includes taxes (`gross`) or not (`net`)."
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
        default=(),
        description=(
            "Funding sources; they should add up to the total unless `sources_complete` is false."
        ),
    )
    sources_complete: bool = Field(
        default=True,
        description=(
            'False when the listed sources are only part of the total ("total 2 000 000 EUR, of '
            'which ESF+ 1 700 000 EUR"): they must then add up to at most the total.'
        ),
    )
    lines: tuple[BudgetLine, ...] = Field(default=(), description="Per-partner lines.")
    unit_costs: tuple[UnitCost, ...] = Field(
        default=(), description="Unit-cost rules (`up to 60.00 EUR per night, gross`)."
    )
    note: Note | None = Field(
        default=None, description="Free-text remark (e.g. the source's wording)."
    )
