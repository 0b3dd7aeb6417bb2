"""The view of a programme's report: its figures, as text or HTML tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from capacitylib.calculators._presentation import money_range, percent
from capacitylib.display._format import figure, hours_shown, money, percent_of
from capacitylib.display._layout import Table, to_html

if TYPE_CHECKING:
    from capacitylib.calculators import ProgrammeReport, ReachFigure


def _report_tables(r: ProgrammeReport) -> list[Table]:
    tables = [Table(None, None, _report_facts(r))]
    for title, figures in (
        ("Activities (achieved)", r.activities),
        ("Activities (planned)", r.activities_planned),
    ):
        if figures:
            rows = [
                (
                    kind.value,
                    str(f.count),
                    figure(f.sessions),
                    figure(hours_shown(f.clock_hours)),
                    figure(hours_shown(f.person_hours)),
                )
                for kind, f in figures.items()
            ]
            header = ("kind", "activities", "sessions", "clock hours", "person-hours")
            tables.append(Table(title, header, rows))
    reach_rows = _reach_rows("achieved", r.reach) + _reach_rows("planned", r.reach_planned)
    if reach_rows:
        header = ("scope", "target group", "unit", "unique", "participations")
        tables.append(Table("Reach", header, reach_rows))
    reached = []
    if r.organisations_reached:
        reached.append(("organisations", ", ".join(r.organisations_reached)))
    if r.municipalities_reached:
        names = r.municipalities_reached
        reached.append((f"municipalities ({len(names)})", ", ".join(names)))
    if reached:
        tables.append(Table("Reached", None, reached))
    if r.indicators:
        rows = [
            (i.name, i.unit, figure(i.target), figure(i.actual), percent_of(i.achievement))
            for i in r.indicators
        ]
        header = ("indicator", "unit", "target", "actual", "achievement")
        tables.append(Table("Indicators", header, rows))
    if r.notes:
        tables.append(Table("Notes", None, [("note", n) for n in r.notes]))
    return tables


def _report_facts(r: ProgrammeReport) -> list[tuple[str, str]]:
    d = r.duration
    facts = [("id", r.id)]
    facts += [("code", r.code)] if r.code else []
    facts += [("country", r.country)] if r.country else []
    facts.append(("funding", ", ".join(r.funding_instruments) or "not stated"))
    if d.start is None:
        facts.append(("period", "not stated"))
    else:
        end = d.end.isoformat() if d.end else "open"
        length = f", {d.days} days ({d.calendar})" if d.days is not None else ""
        facts.append(("period", f"{d.start.isoformat()} .. {end}{length}"))
    if r.as_of is not None and d.elapsed_days is not None:
        facts.append(("as of", f"{r.as_of}: {d.elapsed_days} days elapsed"))
    if d.days_by_year:
        facts.append(("days by year", ", ".join(f"{y}: {n}" for y, n in d.days_by_year.items())))
    return facts + _report_budget_facts(r)


def _report_budget_facts(r: ProgrammeReport) -> list[tuple[str, str]]:
    b = r.budget
    facts = [("budget", money(b.total) if b.total is not None else "not stated")]
    facts += [(f"source {k.value}", str(m)) for k, m in b.by_source.items()]
    if b.shares is not None:
        s = b.shares
        shares = (
            f"EU {percent(s.eu_rate)}, public {percent(s.public_rate)}, "
            f"own {percent(s.own_contribution_rate)}"
        )
        facts.append(("shares", shares))
    facts += [(f"partner {org}", str(m)) for org, m in b.by_partner.items()]
    if b.by_year:
        facts.append(("budget by year", ", ".join(f"{y}: {m}" for y, m in b.by_year.items())))
    for label, cost in (
        ("cost per participant", b.cost_per_participant),
        ("cost per person reached", b.cost_per_person_reached),
        ("cost per session", b.cost_per_session),
        ("cost per clock hour", b.cost_per_clock_hour),
    ):
        if cost is not None:
            facts.append((label, str(money_range(cost))))
    return facts


def _reach_rows(scope: str, figures: tuple[ReachFigure, ...]) -> list[tuple[str, ...]]:
    return [
        (scope, f.group.value, f.unit.value, figure(f.unique), figure(f.participations))
        for f in figures
    ]


def report_html(report: ProgrammeReport) -> str:
    """An HTML view of a :class:`~capacitylib.calculators.ProgrammeReport`, for Jupyter.

    >>> import capacitylib
    >>> report = capacitylib.build_report(capacitylib.load_examples()[0])
    >>> "<td>228-342</td>" in report_html(report)
    True
    """
    return to_html(report.title, _report_tables(report))
