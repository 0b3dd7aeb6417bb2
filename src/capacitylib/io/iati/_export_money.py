"""How much: ``budget`` per period of at most a year, funders' ``transaction`` s, the currency.

Budget policy (docs/iati.md): an IATI budget covers at most a year (rule 7.5.3). A budget over
a period of a year or less is written as stated; over a longer period it is apportioned by
days into calendar-year budgets (largest remainder, so the parts add up exactly to the total),
each marked indicative (BudgetStatus 1) and reported as derived. Each funding source with an
amount is an incoming commitment (TransactionType 11) from its funder, dated on the approval
day; without a past approval day IATI has no place for the amount, which is then kept in the
description only (``iati_export_lossy``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from capacitylib.errors import Loc
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import apportion, decimal_text, year_parts
from capacitylib.io.iati._export_parties import (
    funder_name,
    organisation_loc,
    quiet_ref,
)
from capacitylib.values import Money

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter


def default_currency(w: ActivityWriter) -> str | None:
    """The activity's ``default-currency``: the budget's one currency, if it has one."""
    budget = w.programme.budget
    if budget is None:
        return None
    amounts = [budget.total, *(s.amount for s in budget.sources)]
    currencies = {m.currency for m in amounts if m is not None}
    if len(currencies) != 1:
        return None
    currency = str(next(iter(currencies)))
    if currency in _codes.CURRENCIES_NOT_ON_IATI_LIST:
        w.finding(
            "iati_export_not_on_codelist",
            ("budget",),
            f"currency {currency} is not on the IATI Currency codelist; written as stated",
            currency,
        )
    return currency


def funding_text(w: ActivityWriter) -> str:
    """The budget and its funding sources in words: kept where IATI has no element for them."""
    budget = w.programme.budget
    if budget is None or (budget.total is None and not budget.sources):
        return ""
    parts = []
    for source in budget.sources:
        name = funder_name(source.kind, source.instrument)
        if source.organisation is not None:
            name = w.programme.organisation(source.organisation).name.best("en")
        if source.organisation is not None or source.instrument is not None:
            name += f" ({source.kind.value.replace('_', ' ')})"
        figures = []
        if source.amount is not None:
            figures.append(f"{decimal_text(source.amount.amount)} {source.amount.currency}")
        if source.share is not None:
            percent = (Decimal(str(source.share)) * 100).normalize()
            figures.append(f"{decimal_text(percent)} %")
        if source.note:
            figures.append(source.note)
        parts.append(f"{name}: {', '.join(figures)}")
    total = (
        f"Budget total {decimal_text(budget.total.amount)} {budget.total.currency}"
        if budget.total is not None
        else "Budget total not stated"
    )
    if not parts:
        return f"{total}."
    listed = "" if budget.sources_complete else " (some of them)"
    return f"{total}. Funding sources{listed}: {'; '.join(parts)}."


def write_budgets(w: ActivityWriter, activity: etree._Element) -> None:
    """The ``budget`` elements, by the policy above."""
    budget = w.programme.budget
    if budget is None:
        return
    total, loc = budget.total, ("budget", "total")
    if total is None:
        total = _sources_total(w)
        if total is None:
            return
        loc = ("budget", "sources")
        w.finding(
            "iati_export_derived",
            loc,
            f"no total stated: the sum of the funding sources ({total}) is written as the budget",
            str(total),
        )
    span = _budget_span(w)
    if span is None:
        w.lossy(
            loc,
            f"budget {total} not written as an IATI budget: the programme period is not known "
            "at both ends (the total is kept in the description)",
            str(total),
        )
        return
    start, end = span
    status = None
    parts, values = [(start, end)], [total.amount]
    if (end - start).days > 365:
        parts = year_parts(start, end)
        values = apportion(total, [(e - s).days + 1 for s, e in parts])
        status = _codes.BUDGET_STATUS_INDICATIVE
        w.finding(
            "iati_export_derived",
            loc,
            f"budget {total} covers {start}..{end} and an IATI budget at most a year (rule "
            f"7.5.3): it is apportioned by days into {len(parts)} calendar-year budgets, marked "
            "indicative",
            str(total),
        )
    for (s, e), value in zip(parts, values, strict=True):
        node = w.sub(activity, "budget", type=_codes.BUDGET_TYPE_ORIGINAL, status=status)
        w.sub(node, "period-start", iso_date=s.isoformat())
        w.sub(node, "period-end", iso_date=e.isoformat())
        amount = w.sub(node, "value", currency=str(total.currency), value_date=s.isoformat())
        amount.text = decimal_text(value)


def _sources_total(w: ActivityWriter) -> Money | None:
    budget = w.programme.budget
    if budget is None or not budget.sources or not budget.sources_complete:
        return None
    amounts = [s.amount for s in budget.sources if s.amount is not None]
    if len(amounts) != len(budget.sources) or len({a.currency for a in amounts}) != 1:
        return None
    return sum(amounts[1:], amounts[0])


def _budget_span(w: ActivityWriter) -> tuple[date, date] | None:
    chosen = w.programme.stated_period  # None: no period, or versions none of which wins
    if chosen is None:
        return None
    first, last = chosen.span
    return (first, last) if first is not None and last is not None else None


def write_transactions(w: ActivityWriter, activity: etree._Element) -> None:
    """An incoming commitment (type 11) per funding source with an amount and a date."""
    p = w.programme
    if p.budget is None:
        return
    approved = p.approved_on.to_date() if p.approved_on is not None else None
    if approved is not None and approved > w.context.today:
        approved = None
    for i, source in enumerate(p.budget.sources):
        loc: Loc = ("budget", "sources", i)
        amount = source.amount
        if amount is None:
            w.lossy(
                (*loc, "share"),
                f"a funding share ({source.share}) without an amount has no IATI form: kept in "
                "the description",
                str(source.share),
            )
            continue
        if approved is None:
            w.lossy_once(
                "funding_without_date",
                (*loc, "amount"),
                f"funding amount {amount} not written as an incoming commitment: an IATI "
                "transaction needs its date and approved_on is not a past day; kept in the "
                "description",
                str(amount),
            )
            continue
        w.used.add("approved_on")
        node = w.sub(activity, "transaction")
        w.sub(node, "transaction-type", code=_codes.TRANSACTION_TYPE_INCOMING_COMMITMENT)
        w.sub(node, "transaction-date", iso_date=approved.isoformat())
        value = w.sub(node, "value", currency=str(amount.currency), value_date=approved.isoformat())
        value.text = decimal_text(amount.amount)
        provider = w.sub(node, "provider-org")
        if source.organisation is not None:
            org = p.organisation(source.organisation)
            ref = quiet_ref(org)
            if ref is not None:
                provider.set("ref", ref)
            provider.set("type", _codes.ORGANISATION_TYPE[org.kind])
            w.narratives(provider, org.name, (*organisation_loc(p, org.id), "name"))
        else:
            w.english(provider, funder_name(source.kind, source.instrument))
