"""The view of a programme: what it states, as text or HTML tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from capacitylib.display._format import (
    achievement,
    actual,
    figure,
    hours,
    money,
    participation,
    period,
    sessions,
    stated_period,
    when,
)
from capacitylib.display._layout import Table, to_html, to_text

if TYPE_CHECKING:
    from capacitylib.models import Programme


def _programme_tables(p: Programme) -> list[Table]:
    facts: list[tuple[str, str]] = [("id", p.id)]
    if p.code is not None:
        facts.append(("code", f"{p.code} ({p.code.scheme.value})"))
    if p.country is not None:
        facts.append(("country", f"{p.country} ({p.country.name})"))
    funding = [i.value for i in p.funding_instruments]
    if p.programming_period:
        funding.append(p.programming_period)
    if p.operational_programme is not None and p.operational_programme.name is not None:
        funding.append(p.operational_programme.name.best("en"))
    facts.append(("funding", ", ".join(funding) or "not stated"))
    facts += [
        ("period", f"{s.status.value if s.status else 'stated'} {stated_period(s)}")
        for s in p.periods
    ] or [("period", "not stated")]
    facts += _budget_facts(p)
    if p.target_groups:
        facts.append(("groups", ", ".join(g.value for g in p.target_groups)))
    tables = [Table(None, None, facts)]
    if p.partners:
        tables.append(
            Table(
                "Partners",
                ("organisation", "role", "period"),
                [
                    (
                        _organisation_name(p, partner.organisation),
                        partner.role.value,
                        period(partner.period, whole="whole programme"),
                    )
                    for partner in p.partners
                ],
            )
        )
    if p.activities:
        tables.append(
            Table(
                "Activities",
                ("activity", "kind", "status", "when", "sessions", "hours", "participants"),
                [
                    (
                        a.title.best("en") if a.title is not None else a.id,
                        a.kind.value,
                        a.status.value if a.status is not None else "not stated",
                        when(a),
                        sessions(a),
                        hours(a),
                        "\n".join(participation(part) for part in a.participants) or "—",
                    )
                    for a in p.activities
                ],
            )
        )
    if p.indicators:
        tables.append(
            Table(
                "Indicators",
                ("indicator", "unit", "target", "actual", "achievement"),
                [
                    (
                        i.name.best("en"),
                        i.unit_label,
                        figure(i.target) + (f" by {i.target_date}" if i.target_date else ""),
                        actual(i),
                        achievement(i),
                    )
                    for i in p.indicators
                ],
            )
        )
    return tables


def _budget_facts(p: Programme) -> list[tuple[str, str]]:
    budget = p.budget
    if budget is None:
        return [("budget", "not stated")]
    facts = [("budget", f"{money(budget.total)} in total")]
    facts += [
        (
            "source",
            f"{s.kind.value} {s.amount}" + (f" ({s.instrument.value})" if s.instrument else ""),
        )
        for s in budget.sources
    ]
    facts += [
        ("line", f"{_organisation_name(p, line.organisation)} {line.amount}")
        for line in budget.lines
    ]
    return facts


def _organisation_name(p: Programme, org_id: str) -> str:
    return p.organisation(org_id).name.best("en")


def programme_text(programme: Programme) -> str:
    """A readable text summary of what ``programme`` states: period, partners, activities.

    >>> import capacitylib
    >>> lv = capacitylib.load_examples()[3]
    >>> "whole programme" in programme_text(lv)
    True
    """
    return to_text(programme.title.best("en"), _programme_tables(programme))


def programme_html(programme: Programme) -> str:
    """An HTML view of ``programme`` (tables; every text escaped), for Jupyter.

    >>> from capacitylib import Programme
    >>> p = Programme(id="x", title={"en": "<script>alert(1)</script>"})
    >>> "<script>" in programme_html(p), "&lt;script&gt;" in programme_html(p)
    (False, True)
    """
    return to_html(programme.title.best("en"), _programme_tables(programme))
