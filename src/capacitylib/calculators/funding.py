"""What a budget adds up to: totals by source and their shares, partner totals.

Amounts are exact :class:`~capacitylib.Money`; arithmetic refuses mixed currencies
(:class:`~capacitylib.CurrencyMismatchError`): convert first with
:func:`~capacitylib.calculators.currency.convert` and a rate table you supply. Shares are
divisions to 28 significant digits, half-even; round them for display
(:func:`~capacitylib.calculators.round_decimal`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from capacitylib.calculators._common import EXACT, divide, unknown_when_incomputable
from capacitylib.codelists import FundingSourceKind
from capacitylib.models import Budget, FundingSource
from capacitylib.values import Money

#: Sources counted in the EU rate: an EU fund, or the donor grant of EEA/Norway Grants.
EU_SOURCES = frozenset({FundingSourceKind.EU_FUND, FundingSourceKind.DONOR_GRANT})
#: Sources counted in the public rate: EU or donor money plus national and municipal budgets.
PUBLIC_SOURCES = EU_SOURCES | {
    FundingSourceKind.NATIONAL_BUDGET,
    FundingSourceKind.MUNICIPAL_BUDGET,
}
#: Sources counted as the beneficiary's own contribution: cash and in kind.
OWN_SOURCES = frozenset(
    {FundingSourceKind.OWN_CONTRIBUTION_CASH, FundingSourceKind.OWN_CONTRIBUTION_IN_KIND}
)


def totals_by_source(budget: Budget) -> dict[FundingSourceKind, Money]:
    """Sum of the budget's funding sources per kind, in codelist order; only kinds listed.

    A source stated only as a ``share`` counts ``share x total`` when the budget states its
    total, and is left out otherwise (its amount is unknown). Refused: sources in different
    currencies (``CurrencyMismatchError``), a sum that cannot be computed exactly
    (``ArithmeticError``) or is above the amount limit of 10^18 (``ValidationError``). Unit: the
    budget's currency, exact (no rounding).

    >>> b = Budget(sources=[
    ...     {"kind": "eu_fund", "amount": {"amount": "850.00", "currency": "EUR"}},
    ...     {"kind": "national_budget", "amount": {"amount": "150.00", "currency": "EUR"}}])
    >>> {k.value: str(v) for k, v in totals_by_source(b).items()}
    {'eu_fund': '850.00 EUR', 'national_budget': '150.00 EUR'}
    """
    sums: dict[FundingSourceKind, Money] = {}
    with localcontext(EXACT):
        for source in budget.sources:
            amount = source_amount(budget, source)
            if amount is None:
                continue
            previous = sums.get(source.kind)
            sums[source.kind] = amount if previous is None else previous + amount
        currencies = sorted({str(m.currency) for m in sums.values()})
        if len(currencies) > 1:
            # Raises CurrencyMismatchError naming both currencies, the first in code order so
            # that the error reads the same every run.
            sum(sorted(sums.values(), key=lambda m: str(m.currency)), Money.of(0, currencies[0]))
    return {kind: sums[kind] for kind in FundingSourceKind if kind in sums}


def source_amount(budget: Budget, source: FundingSource) -> Money | None:
    """A source's amount as stated, else its share of the stated total, else ``None``.

    ``share x total`` is exact (no rounding).

    >>> b = Budget(total={"amount": "2000000.00", "currency": "EUR"},
    ...            sources=[{"kind": "eu_fund", "share": "0.85"}])
    >>> str(source_amount(b, b.sources[0]))
    '1700000.0000 EUR'
    """
    if source.amount is not None:
        return source.amount
    if source.share is None or budget.total is None:
        return None
    with localcontext(EXACT):
        return Money(amount=budget.total.amount * source.share, currency=budget.total.currency)


@unknown_when_incomputable
def budget_total(budget: Budget) -> Money | None:
    """The stated total, else the sum of the sources, else ``None`` (unknown, never 0).

    The sum is exact; ``None`` (unknown) when it cannot be computed exactly or exceeds the
    amount limit of 10^18, when the sources are only part of the total
    (``sources_complete: false``) or when a source states no amount. Refused: sources in
    different currencies.

    >>> str(budget_total(Budget(total={"amount": "43940212.00", "currency": "EUR"})))
    '43940212.00 EUR'
    """
    if budget.total is not None:
        return budget.total
    if not budget.sources_complete or any(s.amount is None for s in budget.sources):
        return None
    sums = list(totals_by_source(budget).values())
    if not sums:
        return None
    with localcontext(EXACT):
        return sum(sums[1:], sums[0])


@dataclass(frozen=True, slots=True)
class FundingShares:
    """Shares of the budget base by kind of money, as fractions (0.85 is 85%).

    ``eu_rate``: EU fund plus donor grant; ``public_rate``: that plus national and municipal
    budgets; ``own_contribution_rate``: own cash plus in kind. ``base`` is the denominator;
    ``None`` when the budget states only shares.

    >>> from capacitylib.models import Budget
    >>> eur = lambda amount: {"amount": amount, "currency": "EUR"}
    >>> s = funding_shares(Budget(total=eur("100000.00"), sources=[
    ...     {"kind": "donor_grant", "amount": eur("90000.00")},
    ...     {"kind": "own_contribution_cash", "amount": eur("10000.00")}]))
    >>> s.eu_rate, s.public_rate, s.own_contribution_rate
    (Decimal('0.9'), Decimal('0.9'), Decimal('0.1'))
    """

    base: Money | None
    eu_rate: Decimal
    public_rate: Decimal
    own_contribution_rate: Decimal


@unknown_when_incomputable
def funding_shares(budget: Budget) -> FundingShares | None:
    """EU rate, public rate and own-contribution rate of a budget.

    Base: the stated total, else the sum of the sources. A source's fraction is its amount
    over the base, else its stated ``share`` (so a budget stated as "ESF 80 %, state budget
    10 %, own contribution 10 %" has rates without amounts). A kind not listed counts as 0 once
    the budget lists at least one source; ``None`` when no source is listed, the sources are
    only part of the total (``sources_complete: false``: the rest is unknown, not 0%), a
    source's fraction is unknown, the base is 0 (the split is unknown, not 0%) or a sum
    cannot be computed exactly. Unit: a Decimal fraction, 28 significant digits, half-even.
    Refused: mixed currencies.

    >>> shares_only = Budget(sources=[{"kind": "eu_fund", "share": "0.80"},
    ...     {"kind": "national_budget", "share": "0.10"},
    ...     {"kind": "own_contribution_cash", "share": "0.10"}])
    >>> s = funding_shares(shares_only)
    >>> s.base, s.eu_rate, s.public_rate, s.own_contribution_rate
    (None, Decimal('0.80'), Decimal('0.90'), Decimal('0.10'))

    >>> b = Budget(total={"amount": "1000.00", "currency": "EUR"}, sources=[
    ...     {"kind": "eu_fund", "amount": {"amount": "850.00", "currency": "EUR"}},
    ...     {"kind": "national_budget", "amount": {"amount": "100.00", "currency": "EUR"}},
    ...     {"kind": "own_contribution_in_kind", "amount": {"amount": "50.00", "currency": "EUR"}}])
    >>> s = funding_shares(b)
    >>> s.eu_rate, s.public_rate, s.own_contribution_rate
    (Decimal('0.85'), Decimal('0.95'), Decimal('0.05'))
    """
    if not budget.sources or not budget.sources_complete:
        return None
    if all(s.amount is None for s in budget.sources) and budget.total is None:
        if any(s.share is None for s in budget.sources):
            return None
        with localcontext(EXACT):

            def stated(kinds: frozenset[FundingSourceKind]) -> Decimal:
                return sum(
                    (s.share for s in budget.sources if s.kind in kinds and s.share is not None),
                    Decimal(0),
                )

            return FundingShares(
                base=None,
                eu_rate=stated(EU_SOURCES),
                public_rate=stated(PUBLIC_SOURCES),
                own_contribution_rate=stated(OWN_SOURCES),
            )
    sums = totals_by_source(budget)
    base = budget_total(budget)
    if not sums or base is None or base.amount == 0:
        return None
    if any(source_amount(budget, s) is None for s in budget.sources):
        return None
    base_money = base

    def share(kinds: frozenset[FundingSourceKind]) -> Decimal:
        part = Money.of(0, base_money.currency)
        with localcontext(EXACT):
            for kind, amount in sums.items():
                if kind in kinds:
                    part = part + amount
        return divide(part.amount, base_money.amount)

    return FundingShares(
        base=base,
        eu_rate=share(EU_SOURCES),
        public_rate=share(PUBLIC_SOURCES),
        own_contribution_rate=share(OWN_SOURCES),
    )


def partner_totals(budget: Budget) -> dict[str, Money]:
    """Sum of the budget lines per organisation id, in document order.

    Refused: one organisation's lines in different currencies, a sum that cannot be computed
    exactly or above 10^18 (as :func:`totals_by_source`). Unit: exact amounts.

    >>> b = Budget(lines=[
    ...     {"organisation": "lead", "amount": {"amount": "700.00", "currency": "EUR"}},
    ...     {"organisation": "partner", "amount": {"amount": "200.00", "currency": "EUR"}},
    ...     {"organisation": "lead", "amount": {"amount": "100.00", "currency": "EUR"}}])
    >>> {k: str(v) for k, v in partner_totals(b).items()}
    {'lead': '800.00 EUR', 'partner': '200.00 EUR'}
    """
    totals: dict[str, Money] = {}
    with localcontext(EXACT):
        for line in budget.lines:
            previous = totals.get(line.organisation)
            totals[line.organisation] = line.amount if previous is None else previous + line.amount
    return totals


__all__ = [
    "EU_SOURCES",
    "OWN_SOURCES",
    "PUBLIC_SOURCES",
    "FundingShares",
    "budget_total",
    "funding_shares",
    "partner_totals",
    "source_amount",
    "totals_by_source",
]
