"""Budget consistency: one currency, sources that add up, the EU or donor share under its ceiling.

* Every amount in the budget (total, sources, lines) is in the currency of the first one stated
  (the total when there is one); each other amount is reported.
* The sources add up to the total within ``RuleOptions.budget_tolerance``; when
  ``sources_complete`` is false ("of which ESF+ ...") they add up to at most the total.
* Shares (``share``) add up to at most 1, and to exactly 1 for a complete set in which every
  source states a share (within ``RuleOptions.share_tolerance``); a source stating both an
  amount and a share agrees with the total (amount / total = share within that tolerance).
* The share of each EU or donor instrument is the sum of the sources of kind ``eu_fund`` or
  ``donor_grant`` drawn on it, over the stated total (no total: silent, as the sources listed
  may be only the EU part). A source with no ``instrument`` takes the programme's only EU
  instrument (ESF, ESF+, ERDF) or donor instrument (EEA or Norway Grants); with several the
  source is skipped. The ceiling comes from
  :meth:`ReferenceTables.cofinancing_ceiling` for the programme's programming period, category
  of region and beneficiary kind (``ngo`` when the lead implementer is an NGO or a foundation).
  With no category of region stated, the highest ceiling of any category is used, so only a
  share above every category's ceiling is reported.

Missing data (no total, no programming period, no matching ceiling) keeps a rule silent.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from capacitylib.codelists import (
    FundingInstrument,
    FundingSourceKind,
    OrganisationKind,
    PartnerRole,
    RegionCategory,
)
from capacitylib.errors import Loc, format_path
from capacitylib.models import Budget, Programme
from capacitylib.reference import CofinancingCeiling
from capacitylib.rules._context import Context, Findings, finding, quoted, shown
from capacitylib.values import Money

_INSTRUMENTS = {
    FundingSourceKind.EU_FUND: frozenset(
        {FundingInstrument.ESF, FundingInstrument.ESF_PLUS, FundingInstrument.ERDF}
    ),
    FundingSourceKind.DONOR_GRANT: frozenset(
        {FundingInstrument.EEA_GRANTS, FundingInstrument.NORWAY_GRANTS}
    ),
}
_NGO_KINDS = frozenset({OrganisationKind.NGO, OrganisationKind.FOUNDATION})
_PERCENT = Decimal("0.1")


def check_budget(programme: Programme, ctx: Context) -> Findings:
    """Findings ``budget_*`` of one programme."""
    budget = programme.budget
    if budget is None:
        return
    yield from _share_sums(budget, ctx)
    amounts = list(_amounts(budget))
    if not amounts:
        return
    first_loc, first = amounts[0]
    mixed = False
    for loc, money in amounts[1:]:
        if money.currency != first.currency:
            mixed = True
            yield finding(
                "budget_currency_mixed",
                loc,
                f"'currency' must be the budget's currency {first.currency} of "
                f"{quoted(first_loc)} (got {money.currency})",
                value=str(money.currency),
                expected=str(first.currency),
                expected_path=format_path(first_loc),
            )
    if mixed:
        return
    stated = [s.amount.amount for s in budget.sources if s.amount is not None]
    sources_sum = sum(stated, Decimal(0))
    complete = budget.sources_complete and len(stated) == len(budget.sources)
    if budget.total is not None and stated and not budget.sources_complete:
        excess = sources_sum - budget.total.amount
        if excess > ctx.options.budget_tolerance:
            currency = budget.total.currency
            yield finding(
                "budget_sources_exceed_total",
                ("budget", "sources"),
                f"'sources' (only part of the total: 'sources_complete' is false) must add up to "
                f"at most 'budget.total' {budget.total} (got {sources_sum} {currency}, "
                f"{excess} {currency} more)",
                value=f"{sources_sum} {currency}",
                total=str(budget.total),
                sum=f"{sources_sum} {currency}",
                difference=f"{excess} {currency}",
            )
    if budget.total is not None and complete and budget.sources:
        difference = sources_sum - budget.total.amount
        if abs(difference) > ctx.options.budget_tolerance:
            currency = budget.total.currency
            yield finding(
                "budget_sources_do_not_add_up",
                ("budget", "sources"),
                f"'sources' must add up to 'budget.total' {budget.total} within "
                f"{ctx.options.budget_tolerance} {currency} (got {sources_sum} {currency}, "
                f"difference {difference} {currency})",
                value=f"{sources_sum} {currency}",
                total=str(budget.total),
                sum=f"{sources_sum} {currency}",
                difference=f"{difference} {currency}",
            )
    total = budget.total
    if total is not None and total.amount > 0 and programme.programming_period is not None:
        yield from _shares(programme, budget, total.amount, total.currency, ctx)


def _share_sums(budget: Budget, ctx: Context) -> Findings:
    shares = [s.share for s in budget.sources if s.share is not None]
    if not shares:
        return
    tolerance = ctx.options.share_tolerance
    total = sum(shares, Decimal(0))
    if total > 1 + tolerance:
        yield finding(
            "budget_shares_above_one",
            ("budget", "sources"),
            f"the 'share' of the sources must add up to at most 1 (got {total})",
            value=str(total),
            sum=str(total),
        )
    elif budget.sources_complete and len(shares) == len(budget.sources) and total < 1 - tolerance:
        yield finding(
            "budget_shares_do_not_add_up",
            ("budget", "sources"),
            f"the 'share' of the sources must add up to 1 when they are the whole budget "
            f"('sources_complete' true) (got {total}; set 'sources_complete' false if the source "
            "lists only part)",
            value=str(total),
            sum=str(total),
        )
    if budget.total is None or budget.total.amount <= 0:
        return
    for i, source in enumerate(budget.sources):
        if (
            source.share is None
            or source.amount is None
            or source.amount.currency != budget.total.currency
        ):
            continue
        implied = source.amount.amount / budget.total.amount
        if abs(implied - source.share) > tolerance:
            yield finding(
                "funding_source_share_differs_from_amount",
                ("budget", "sources", i, "share"),
                f"'share' must equal 'amount' / 'budget.total' {source.amount} / {budget.total} "
                f"= {shown(implied, Decimal('0.0001'))} within {tolerance} (got {source.share})",
                value=str(source.share),
                implied=str(shown(implied, Decimal("0.0001"))),
            )


def _amounts(budget: Budget) -> Iterable[tuple[Loc, Money]]:
    if budget.total is not None:
        yield ("budget", "total"), budget.total
    for i, source in enumerate(budget.sources):
        if source.amount is not None:
            yield ("budget", "sources", i, "amount"), source.amount
    for i, line in enumerate(budget.lines):
        yield ("budget", "lines", i, "amount"), line.amount


def _shares(
    programme: Programme, budget: Budget, denominator: Decimal, currency: str, ctx: Context
) -> Findings:
    by_instrument: dict[FundingInstrument, tuple[Loc, Decimal]] = {}
    for i, source in enumerate(budget.sources):
        instrument = _instrument(source.kind, source.instrument, programme)
        if instrument is None:
            continue
        if source.amount is not None:
            part, field = source.amount.amount, "amount"
        elif source.share is not None:
            part, field = source.share * denominator, "share"
        else:
            continue
        default: tuple[Loc, Decimal] = (("budget", "sources", i, field), Decimal(0))
        loc, amount = by_instrument.get(instrument, default)
        by_instrument[instrument] = loc, amount + part
    if not by_instrument:
        return
    beneficiary = _beneficiary(programme)
    for instrument, (loc, amount) in by_instrument.items():
        ceiling = _ceiling(programme, instrument, beneficiary, ctx)
        if ceiling is None:
            continue
        share = amount / denominator
        if share <= ceiling.max_rate:
            continue
        percent = shown(share * 100, _PERCENT)
        limit = (ceiling.max_rate * 100).normalize()
        scope = ", ".join(
            [programme.region_category.value if programme.region_category else "any region"]
            + ([beneficiary] if beneficiary else [])
        )
        yield finding(
            "budget_share_above_ceiling",
            loc,
            f"'amount' must be at most {limit:f}% of 'budget.total', the {instrument.value} "
            f"{programme.programming_period} ceiling ({scope}) (got {percent}%: {amount} of "
            f"{denominator} {currency})",
            value=f"{percent}%",
            instrument=instrument.value,
            share_percent=percent,
            ceiling_percent=limit,
            amount=f"{amount} {currency}",
            total=f"{denominator} {currency}",
            ceiling_source=ceiling.entry.source,
        )


def _instrument(
    kind: FundingSourceKind, stated: FundingInstrument | None, programme: Programme
) -> FundingInstrument | None:
    allowed = _INSTRUMENTS.get(kind)
    if allowed is None:
        return None
    if stated is not None:
        return stated
    candidates = [i for i in programme.funding_instruments if i in allowed]
    return candidates[0] if len(set(candidates)) == 1 else None


def _beneficiary(programme: Programme) -> str | None:
    leads = {p.organisation for p in programme.partners if p.role is PartnerRole.LEAD_IMPLEMENTER}
    if not leads:
        return None
    kinds = {o.kind for o in programme.organisations if o.id in leads}
    return "ngo" if kinds and kinds <= _NGO_KINDS else None


def _ceiling(
    programme: Programme, instrument: FundingInstrument, beneficiary: str | None, ctx: Context
) -> CofinancingCeiling | None:
    categories: tuple[RegionCategory | None, ...] = (
        (programme.region_category,)
        if programme.region_category is not None
        else (None, *RegionCategory)
    )
    found = [
        ctx.tables.cofinancing_ceiling(
            instrument.value,
            programme.programming_period,
            region_category=None if category is None else category.value,
            beneficiary=beneficiary,
        )
        for category in categories
    ]
    known = [c for c in found if c is not None]
    return max(known, key=lambda c: c.max_rate) if known else None
