"""The report's budget section: totals by source and partner, shares, years, unit costs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from capacitylib.calculators._common import INCOMPUTABLE
from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators.allocation import allocate_by_year
from capacitylib.calculators.funding import (
    FundingShares,
    budget_total,
    funding_shares,
    partner_totals,
    totals_by_source,
)
from capacitylib.calculators.unit_costs import (
    MoneyRange,
    cost_per_participant,
    cost_per_person_reached,
    cost_per_session,
    cost_per_training_hour,
)
from capacitylib.codelists import FundingSourceKind
from capacitylib.models import Programme
from capacitylib.values import CurrencyMismatchError, Money


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    """The programme's budget figures (see :mod:`~capacitylib.calculators.budget`).

    >>> import capacitylib
    >>> from capacitylib.calculators import build_report
    >>> b = build_report(capacitylib.load_examples()[2]).budget
    >>> str(b.total), str(b.by_year[2024]), b.shares
    ('43940212.00 EUR', '10829708.81 EUR', None)
    """

    total: Money | None = None
    by_source: dict[FundingSourceKind, Money] = field(default_factory=dict)
    shares: FundingShares | None = None
    by_partner: dict[str, Money] = field(default_factory=dict)
    by_year: dict[int, Money] | None = None
    cost_per_participant: MoneyRange | None = None
    cost_per_person_reached: MoneyRange | None = None
    cost_per_session: MoneyRange | None = None
    cost_per_clock_hour: MoneyRange | None = None


_T = TypeVar("_T")

#: Why a budget figure is missing when its arithmetic cannot be exact.
INCOMPUTABLE_NOTE = "above the amount limit of 10^18 or beyond exact decimal arithmetic"


def _or_note(notes: list[str], label: str, compute: Callable[[], _T], default: _T) -> _T:
    """``compute()``, or ``default`` with a note when its figure cannot be computed exactly."""
    try:
        return compute()
    except INCOMPUTABLE:
        notes.append(f"{label} not computed: {INCOMPUTABLE_NOTE}")
        return default


def budget_section(inputs: ReportInputs) -> BudgetFigures:
    """The budget figures; a figure lost to mixed currencies or inexact sums is noted."""
    programme, tables, notes = inputs.programme, inputs.tables, inputs.notes
    budget = programme.budget
    if budget is None:
        return BudgetFigures()
    try:
        total = budget_total(budget)
        if total is None and budget.sources:
            notes.append(
                f"budget total not computed: the sum of the sources is {INCOMPUTABLE_NOTE}"
            )
        no_sources: dict[FundingSourceKind, Money] = {}
        by_source = _or_note(
            notes, "budget by source", lambda: totals_by_source(budget), no_sources
        )
        shares = funding_shares(budget)
        no_partners: dict[str, Money] = {}
        by_partner = _or_note(
            notes, "budget by partner", lambda: partner_totals(budget), no_partners
        )
    except CurrencyMismatchError as exc:
        notes.append(f"budget figures not computed: {exc}")
        return BudgetFigures(total=budget.total)
    by_year = None
    period = programme.period
    if total is not None and period is not None:
        try:
            by_year = allocate_by_year(total, period)
        except ValueError as exc:
            notes.append(f"budget not split by year: {exc}")
    return BudgetFigures(
        total=total,
        by_source=by_source,
        shares=shares,
        by_partner=by_partner,
        by_year=by_year,
        cost_per_participant=cost_per_participant(programme),
        cost_per_person_reached=cost_per_person_reached(programme),
        cost_per_session=cost_per_session(programme),
        cost_per_clock_hour=cost_per_training_hour(programme, tables=tables),
    )


def report_currency(budget: BudgetFigures, programme: Programme) -> str | None:
    """The currency of the report's amounts: the total's, else the first stated source's."""
    if budget.total is not None:
        return str(budget.total.currency)
    if programme.budget is not None:
        for source in programme.budget.sources:
            if source.amount is not None:
                return str(source.amount.currency)
    return None


__all__ = ["INCOMPUTABLE_NOTE", "BudgetFigures", "budget_section", "report_currency"]
