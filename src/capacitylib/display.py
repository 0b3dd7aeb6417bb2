"""Readable views of a programme and its report: HTML tables for Jupyter, text for a terminal.

``Programme._repr_html_`` and ``ProgrammeReport._repr_html_`` call :func:`programme_html` and
:func:`report_html`, so a notebook shows tables instead of a wall of ``repr``;
``Programme.render_text()`` calls :func:`programme_text`. Every text from the document is
escaped with :func:`html.escape`. No dependency beyond the standard library.

>>> import capacitylib
>>> cz = capacitylib.load_examples()[0]
>>> print(programme_text(cz).splitlines()[6])
period   actual 2016-11-01 .. 2018-02-28, 485 days
>>> "<td>supervision_team</td>" in programme_html(cz)
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from capacitylib.values import Estimate, Hours, Money, Period

if TYPE_CHECKING:
    from capacitylib.calculators import MoneyRange, ProgrammeReport, ReachFigure
    from capacitylib.models import (
        Activity,
        Indicator,
        Participation,
        Programme,
        Session,
        StatedPeriod,
    )

__all__ = ["programme_html", "programme_text", "report_html"]

#: Cells of a text table wider than this are cut with an ellipsis (HTML keeps everything).
TEXT_CELL_WIDTH = 44
#: A text table wider than this is written as one block per row instead of columns.
TEXT_WIDTH = 100

_UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class _Table:
    """A titled table; ``header=None`` makes a two-column key/value table."""

    title: str | None
    header: tuple[str, ...] | None
    rows: Sequence[tuple[str, ...]]


# --- values as text ---------------------------------------------------------------------------


def _figure(value: Estimate | None, unit: str = "") -> str:
    if value is None:
        return _UNKNOWN
    return f"{value} {unit}".rstrip()


def _period(period: Period | None, *, whole: str = "not stated") -> str:
    if period is None:
        return whole
    end = period.end.isoformat() if period.end is not None else "open"
    days = f", {period.days} days" if period.days is not None else ""
    return f"{period.start.isoformat()} .. {end}{days}"


def _stated_period(stated: StatedPeriod) -> str:
    exact = stated.to_period()
    if exact is not None:
        return _period(exact)
    start = str(stated.start) if stated.start is not None else "start not stated"
    end = str(stated.end) if stated.end is not None else "open"
    days = f", {stated.duration} days" if stated.duration is not None else ""
    return f"{start} .. {end}{days}"


def _money(amount: Money | None) -> str:
    return _UNKNOWN if amount is None else str(amount)


def _participation(part: Participation) -> str:
    if part.count is None:
        count = "count not stated"
    else:
        kind = "unique" if part.unique else "participations"
        count = f"{part.count} {part.unit.value} ({kind})"
    return f"{part.group.value}: {count}"


def _sessions(activity: Activity) -> str:
    parts = []
    if activity.sessions_actual is not None:
        parts.append(f"{activity.sessions_actual} held")
    if activity.sessions_planned is not None:
        parts.append(f"{activity.sessions_planned} planned")
    if activity.sessions:
        parts.append(f"{len(activity.sessions)} listed ({_session_statuses(activity.sessions)})")
    if activity.groups is not None:
        parts.append(f"in {activity.groups} groups")
    return ", ".join(parts) or "—"


def _session_statuses(sessions: Iterable[Session]) -> str:
    counts: dict[str, int] = {}
    for session in sessions:
        key = session.status.value if session.status is not None else "status not stated"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in counts.items())


def _hours(activity: Activity) -> str:
    stated: list[tuple[Hours | None, str]] = [
        (activity.hours_per_session, "per session"),
        (activity.hours_per_participant, "per participant"),
        (activity.total_hours, "in all"),
    ]
    return ", ".join(f"{h} {label}" for h, label in stated if h is not None) or "—"


def _when(activity: Activity) -> str:
    if activity.period is not None:
        return _period(activity.period)
    if activity.dates:
        return ", ".join(d.isoformat() for d in activity.dates)
    if activity.sessions:
        return ", ".join(s.date.isoformat() for s in activity.sessions)
    return "—"


def _actual(indicator: Indicator) -> str:
    latest = indicator.latest_actual
    if latest is None:
        return "not reported"
    return f"{latest.value} (as of {latest.as_of})"


# Rounding: the one policy of every view, in capacitylib.calculators._presentation.


def _hours_shown(value: Estimate | None) -> Estimate | None:
    from capacitylib.calculators._presentation import hours_of  # noqa: PLC0415 - lazy

    return None if value is None else hours_of(value)


def _percent_of(share: Estimate | None) -> str:
    from capacitylib.calculators._presentation import percent  # noqa: PLC0415 - lazy

    return "—" if share is None else percent(share)


def _achievement(indicator: Indicator) -> str:
    from capacitylib.calculators import achievement  # noqa: PLC0415 - lazy

    return _percent_of(achievement(indicator))


# --- the programme ----------------------------------------------------------------------------


def _programme_tables(p: Programme) -> list[_Table]:
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
        ("period", f"{s.status.value if s.status else 'stated'} {_stated_period(s)}")
        for s in p.periods
    ] or [("period", "not stated")]
    facts += _budget_facts(p)
    if p.target_groups:
        facts.append(("groups", ", ".join(g.value for g in p.target_groups)))
    tables = [_Table(None, None, facts)]
    if p.partners:
        tables.append(
            _Table(
                "Partners",
                ("organisation", "role", "period"),
                [
                    (
                        _organisation_name(p, partner.organisation),
                        partner.role.value,
                        _period(partner.period, whole="whole programme"),
                    )
                    for partner in p.partners
                ],
            )
        )
    if p.activities:
        tables.append(
            _Table(
                "Activities",
                ("activity", "kind", "status", "when", "sessions", "hours", "participants"),
                [
                    (
                        a.title.best("en") if a.title is not None else a.id,
                        a.kind.value,
                        a.status.value if a.status is not None else "not stated",
                        _when(a),
                        _sessions(a),
                        _hours(a),
                        "\n".join(_participation(part) for part in a.participants) or "—",
                    )
                    for a in p.activities
                ],
            )
        )
    if p.indicators:
        tables.append(
            _Table(
                "Indicators",
                ("indicator", "unit", "target", "actual", "achievement"),
                [
                    (
                        i.name.best("en"),
                        i.unit_label,
                        _figure(i.target) + (f" by {i.target_date}" if i.target_date else ""),
                        _actual(i),
                        _achievement(i),
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
    facts = [("budget", f"{_money(budget.total)} in total")]
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
    return _text(programme.title.best("en"), _programme_tables(programme))


def programme_html(programme: Programme) -> str:
    """An HTML view of ``programme`` (tables; every text escaped), for Jupyter.

    >>> from capacitylib import Programme
    >>> p = Programme(id="x", title={"en": "<script>alert(1)</script>"})
    >>> "<script>" in programme_html(p), "&lt;script&gt;" in programme_html(p)
    (False, True)
    """
    return _html(programme.title.best("en"), _programme_tables(programme))


# --- the report -------------------------------------------------------------------------------


def _report_tables(r: ProgrammeReport) -> list[_Table]:
    tables = [_Table(None, None, _report_facts(r))]
    for title, figures in (
        ("Activities (achieved)", r.activities),
        ("Activities (planned)", r.activities_planned),
    ):
        if figures:
            rows = [
                (
                    kind.value,
                    str(f.count),
                    _figure(f.sessions),
                    _figure(_hours_shown(f.clock_hours)),
                    _figure(_hours_shown(f.person_hours)),
                )
                for kind, f in figures.items()
            ]
            header = ("kind", "activities", "sessions", "clock hours", "person-hours")
            tables.append(_Table(title, header, rows))
    reach_rows = _reach_rows("achieved", r.reach) + _reach_rows("planned", r.reach_planned)
    if reach_rows:
        header = ("scope", "target group", "unit", "unique", "participations")
        tables.append(_Table("Reach", header, reach_rows))
    reached = []
    if r.organisations_reached:
        reached.append(("organisations", ", ".join(r.organisations_reached)))
    if r.municipalities_reached:
        names = r.municipalities_reached
        reached.append((f"municipalities ({len(names)})", ", ".join(names)))
    if reached:
        tables.append(_Table("Reached", None, reached))
    if r.indicators:
        rows = [
            (i.name, i.unit, _figure(i.target), _figure(i.actual), _percent_of(i.achievement))
            for i in r.indicators
        ]
        header = ("indicator", "unit", "target", "actual", "achievement")
        tables.append(_Table("Indicators", header, rows))
    if r.notes:
        tables.append(_Table("Notes", None, [("note", n) for n in r.notes]))
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
    facts = [("budget", _money(b.total) if b.total is not None else "not stated")]
    facts += [(f"source {k.value}", str(m)) for k, m in b.by_source.items()]
    if b.shares is not None:
        s = b.shares
        shares = (
            f"EU {_percent(s.eu_rate)}, public {_percent(s.public_rate)}, "
            f"own {_percent(s.own_contribution_rate)}"
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
            facts.append((label, str(_money_shown(cost))))
    return facts


def _percent(share: Decimal) -> str:
    from capacitylib.calculators._presentation import percent  # noqa: PLC0415 - lazy

    return percent(share)


def _money_shown(cost: MoneyRange) -> MoneyRange:
    from capacitylib.calculators._presentation import money_range  # noqa: PLC0415 - lazy

    return money_range(cost)


def _reach_rows(scope: str, figures: tuple[ReachFigure, ...]) -> list[tuple[str, ...]]:
    return [
        (scope, f.group.value, f.unit.value, _figure(f.unique), _figure(f.participations))
        for f in figures
    ]


def report_html(report: ProgrammeReport) -> str:
    """An HTML view of a :class:`~capacitylib.calculators.ProgrammeReport`, for Jupyter.

    >>> import capacitylib
    >>> report = capacitylib.build_report(capacitylib.load_examples()[0])
    >>> "<td>228-342</td>" in report_html(report)
    True
    """
    return _html(report.title, _report_tables(report))


# --- renderers --------------------------------------------------------------------------------

_STYLE = "text-align:left;vertical-align:top"


def _html(title: str, tables: Sequence[_Table]) -> str:
    e = html.escape
    out = [f'<div class="capacitylib"><h4>{e(title)}</h4>']
    for table in tables:
        if table.title:
            out.append(f"<h5>{e(table.title)}</h5>")
        out.append("<table>")
        if table.header is not None:
            cells = "".join(f'<th style="{_STYLE}">{e(h)}</th>' for h in table.header)
            out.append(f"<thead><tr>{cells}</tr></thead>")
        out.append("<tbody>")
        for row in table.rows:
            if table.header is None:
                key, value = row
                out.append(
                    f'<tr><th style="{_STYLE}">{e(key)}</th><td style="{_STYLE}">'
                    f"{_html_cell(value)}</td></tr>"
                )
            else:
                out.append("<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>")
        out.append("</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def _html_cell(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _cut(text: str, width: int = TEXT_CELL_WIDTH) -> str:
    text = text.replace("\n", "; ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _text(title: str, tables: Sequence[_Table]) -> str:
    lines = [title, "=" * min(len(title), 100)]
    for table in tables:
        if table.title:
            lines += ["", table.title]
        if table.header is None:
            width = max((len(k) for k, _ in table.rows), default=0)
            indent = "  " if table.title else ""
            lines += [f"{indent}{k:<{width}}  {v}".rstrip() for k, v in table.rows]
        else:
            lines += _text_columns(table.header, table.rows) or _text_blocks(
                table.header, table.rows
            )
    return "\n".join(lines)


def _text_columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Aligned columns, or ``[]`` when they would not fit in :data:`TEXT_WIDTH`."""
    cells = [tuple(_cut(c) for c in row) for row in (header, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    if 2 + sum(widths) + 2 * (len(widths) - 1) > TEXT_WIDTH:
        return []
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]


def _text_blocks(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """One block per row: the first cell, then ``column: value`` lines (nothing cut)."""
    width = max(len(h) for h in header[1:])
    lines = []
    for first, *rest in rows:
        lines.append(f"  {first}")
        for name, value in zip(header[1:], rest, strict=True):
            if value == "—":
                continue
            for i, part in enumerate(value.split("\n")):
                label = name if i == 0 else ""
                lines.append(f"    {label:<{width}}  {part}")
    return lines
