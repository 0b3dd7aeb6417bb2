"""JSON and text forms of a programme report, rounded as :mod:`._presentation` says."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import localcontext
from typing import TYPE_CHECKING, Any

from capacitylib.calculators._common import WIDE
from capacitylib.calculators._presentation import (
    HOURS_PLACES,
    SHARE_PLACES,
    figure_text,
    hours_of,
    json_figure,
    json_money_range,
    json_number,
    json_share,
    money_range,
    percent,
)
from capacitylib.calculators.reach import ReachFigure, natural_unit_figures
from capacitylib.calculators.results import indicator_periods_json, indicator_periods_text
from capacitylib.values import Estimate, Money

if TYPE_CHECKING:
    from capacitylib.calculators.report import ActivityFigures, ProgrammeReport

# The policy's names, where the report's other sections (indicator periods) look them up.
__all__ = [
    "HOURS_PLACES",
    "SHARE_PLACES",
    "json_figure",
    "json_number",
    "report_json",
    "report_text",
]


def _amount(value: Money | None) -> str | None:
    return None if value is None else format(value.amount, "f")


def _activities(figures: Mapping[Any, ActivityFigures]) -> dict[str, Any]:
    return {
        kind.value: {
            "count": json_figure(f.count),
            "sessions": json_figure(f.sessions),
            "clock_hours": json_figure(f.clock_hours, HOURS_PLACES),
            "person_hours": json_figure(f.person_hours, HOURS_PLACES),
        }
        for kind, f in figures.items()
    }


def _reach(figures: tuple[ReachFigure, ...], *, unique: bool = True) -> dict[str, Any]:
    return {
        group.value: json_figure(value)
        for group, value in natural_unit_figures(figures, unique=unique).items()
    }


def _reach_by_unit(report: ProgrammeReport) -> list[dict[str, Any]]:
    rows = []
    for scope, figures in (("achieved", report.reach), ("planned", report.reach_planned)):
        rows += [
            {
                "scope": scope,
                "group": f.group.value,
                "unit": f.unit.value,
                "participations": json_figure(f.participations),
                "unique": json_figure(f.unique),
            }
            for f in figures
        ]
    return rows


def _days_by_year(d: Any) -> dict[str, Any] | None:
    if d.days_by_year is not None:
        return {str(y): json_figure(n) for y, n in d.days_by_year.items()}
    if d.days_by_year_range is not None:
        return {str(y): json_figure(n) for y, n in d.days_by_year_range.items()}
    return None


def report_json(report: ProgrammeReport) -> dict[str, Any]:
    """The JSON object of one programme (see ``docs/semantics.md`` for every key)."""
    with localcontext(WIDE):
        return _report_json(report)


def _report_json(report: ProgrammeReport) -> dict[str, Any]:
    d = report.duration
    b = report.budget
    calendar = d.calendar
    shares = b.shares
    return {
        "id": report.id,
        "code": report.code,
        "title": report.title,
        "country": report.country,
        "funding_instruments": list(report.funding_instruments),
        "currency": report.currency,
        "as_of": report.as_of.isoformat() if report.as_of else None,
        "duration": {
            "start": d.start.isoformat() if d.start else d.stated_start,
            "end": d.end.isoformat() if d.end else d.stated_end,
            "days": json_figure(d.days if d.days is not None else d.days_range),
            "calendar": None
            if calendar is None
            else {"years": calendar.years, "months": calendar.months, "days": calendar.days},
            "elapsed_days": json_figure(d.elapsed_days),
            "remaining_days": json_figure(d.remaining_days),
            "share_elapsed": json_share(d.share_elapsed),
            "days_by_year": _days_by_year(d),
        },
        "budget": {
            "total": _amount(b.total),
            "by_source": {kind.value: _amount(m) for kind, m in b.by_source.items()},
            "shares": None
            if shares is None
            else {
                "eu_rate": json_share(shares.eu_rate),
                "public_rate": json_share(shares.public_rate),
                "own_contribution_rate": json_share(shares.own_contribution_rate),
            },
            "by_partner": {org: _amount(m) for org, m in b.by_partner.items()},
            "by_year": None
            if b.by_year is None
            else {str(y): _amount(m) for y, m in b.by_year.items()},
            "cost_per": {
                "participant": json_money_range(b.cost_per_participant),
                "person_reached": json_money_range(b.cost_per_person_reached),
                "session": json_money_range(b.cost_per_session),
                "clock_hour": json_money_range(b.cost_per_clock_hour),
            },
        },
        "activities": _activities(report.activities),
        "activities_planned": _activities(report.activities_planned),
        "training": [
            {
                "activity": t.activity,
                "kind": t.kind.value,
                "hours_per_participant": json_figure(t.hours_per_participant, HOURS_PLACES),
                "person_hours": json_figure(t.person_hours, HOURS_PLACES),
            }
            for t in report.training
        ],
        "reach": _reach(report.reach),
        "reach_planned": _reach(report.reach_planned),
        "participations": _reach(report.reach, unique=False),
        "reach_by_unit": _reach_by_unit(report),
        "organisations_reached": list(report.organisations_reached),
        "municipalities_reached": list(report.municipalities_reached),
        "indicators": [
            {
                "id": i.id,
                "unit": i.unit,
                "target": json_figure(i.target),
                "actual": json_figure(i.actual),
                "achievement": json_figure(i.achievement, SHARE_PLACES),
                "kind": i.kind,
                "name": i.name,
                "target_group": i.target_group,
                "target_date": i.target_date,
                "actual_as_of": i.actual_as_of,
            }
            for i in report.indicators
        ],
        "indicator_periods": indicator_periods_json(report.indicator_periods),
        "notes": list(report.notes),
    }


# --- text -----------------------------------------------------------------------------------


def _fig(value: Estimate | None, unit: str = "") -> str:
    """A figure as stated or computed, unrounded (counts, days, reach, targets)."""
    return "unknown" if value is None else f"{figure_text(value)} {unit}".rstrip()


def _hours(value: Estimate | None) -> str:
    return "unknown" if value is None else str(hours_of(value))


def _activities_count(n: int) -> str:
    return "1 activity" if n == 1 else f"{n} activities"


def _activity_lines(figures: Mapping[Any, ActivityFigures]) -> list[str]:
    if not figures:
        return ["  none"]
    width = max(len(kind.value) for kind in figures)
    return [
        f"  {kind.value:<{width}}  {_activities_count(f.count)}"
        f", sessions {_fig(f.sessions)}"
        f", clock hours {_hours(f.clock_hours)}"
        f", person-hours {_hours(f.person_hours)}"
        for kind, f in figures.items()
    ]


def _reach_lines(figures: tuple[ReachFigure, ...]) -> list[str]:
    if not figures:
        return ["  none"]
    return [
        f"  {f.group.value} ({f.unit.value}): unique {_fig(f.unique)}, "
        f"participations {_fig(f.participations)}"
        for f in figures
    ]


def _identity_lines(report: ProgrammeReport) -> list[str]:
    ident = [f"id {report.id}"]
    if report.code:
        ident.append(f"code {report.code}")
    if report.country:
        ident.append(f"country {report.country}")
    if report.funding_instruments:
        ident.append("funding " + ", ".join(report.funding_instruments))
    return [report.title, "=" * min(len(report.title), 100), " | ".join(ident)]


def _period_lines(report: ProgrammeReport) -> list[str]:
    d = report.duration
    if d.start is None:
        if d.stated_start is None and d.stated_end is None:
            return ["Period: not stated"]
        length = f"{_fig(d.days_range)} days" if d.days_range is not None else "length unknown"
        start = d.stated_start or "start not stated"
        end = d.stated_end or "end not stated"
        lines = [f"Period: {start} .. {end}, {length} (ends known to the month or year only)"]
        if d.days_by_year_range:
            split = ", ".join(f"{y}: {_fig(n)}" for y, n in d.days_by_year_range.items())
            lines.append(f"  days by year: {split}")
        return lines
    end = d.end.isoformat() if d.end else "open"
    length = f"{d.days} days ({d.calendar})" if d.days is not None else "length unknown"
    lines = [f"Period: {d.start.isoformat()} .. {end}, {length}"]
    if report.as_of is not None and d.elapsed_days is not None:
        share = f" ({percent(d.share_elapsed)})" if d.share_elapsed is not None else ""
        remaining = f", {d.remaining_days} remaining" if d.remaining_days is not None else ""
        lines.append(f"  as of {report.as_of}: {d.elapsed_days} days elapsed{share}{remaining}")
    if d.days_by_year:
        lines.append("  days by year: " + ", ".join(f"{y}: {n}" for y, n in d.days_by_year.items()))
    return lines


def _joined(label: str, items: Mapping[Any, Money]) -> list[str]:
    if not items:
        return []
    return [f"  {label}: " + ", ".join(f"{getattr(k, 'value', k)} {m}" for k, m in items.items())]


def _budget_lines(report: ProgrammeReport) -> list[str]:
    b = report.budget
    if b.total is None and not b.by_source:
        return ["Budget: not stated"]
    lines = [f"Budget: {b.total if b.total is not None else 'total unknown'}"]
    lines += _joined("by source", b.by_source)
    if b.shares is not None:
        s = b.shares
        lines.append(
            f"  EU rate {percent(s.eu_rate)}, public rate {percent(s.public_rate)},"
            f" own contribution {percent(s.own_contribution_rate)}"
        )
    lines += _joined("by partner", b.by_partner)
    lines += _joined("by year (by days)", b.by_year or {})
    for label, cost in (
        ("participant", b.cost_per_participant),
        ("person reached", b.cost_per_person_reached),
        ("session", b.cost_per_session),
        ("clock hour", b.cost_per_clock_hour),
    ):
        if cost is not None:
            lines.append(f"  cost per {label}: {money_range(cost)}")
    return lines


def _indicator_lines(report: ProgrammeReport) -> list[str]:
    if not report.indicators:
        return []
    lines = ["Indicators:"]
    for i in report.indicators:
        achieved = "unknown" if i.achievement is None else percent(i.achievement)
        lines.append(
            f"  {i.id}: target {_fig(i.target, unit=i.unit)}, actual {_fig(i.actual)}"
            f", achievement {achieved}"
        )
    return lines


def report_text(report: ProgrammeReport) -> str:
    """A readable summary of one programme, several lines, no trailing newline."""
    with localcontext(WIDE):
        return _report_text(report)


def _report_text(report: ProgrammeReport) -> str:
    lines = _identity_lines(report) + _period_lines(report) + _budget_lines(report)
    lines += ["Activities (achieved):", *_activity_lines(report.activities)]
    if report.activities_planned:
        lines += ["Activities (planned):", *_activity_lines(report.activities_planned)]
    if report.training:
        lines.append("Training per participant:")
        lines += [
            f"  {t.activity} ({t.kind.value}): clock hours per participant "
            f"{_hours(t.hours_per_participant)}, person-hours {_hours(t.person_hours)}"
            for t in report.training
        ]
    lines += ["Reach (achieved):", *_reach_lines(report.reach)]
    if report.reach_planned:
        lines += ["Reach (planned):", *_reach_lines(report.reach_planned)]
    if report.organisations_reached:
        lines.append("Organisations reached: " + ", ".join(report.organisations_reached))
    if report.municipalities_reached:
        names = report.municipalities_reached
        lines.append(f"Municipalities reached ({len(names)}): " + ", ".join(names))
    lines += _indicator_lines(report)
    lines += indicator_periods_text(report.indicator_periods)
    lines += [f"Note: {note}" for note in report.notes]
    return "\n".join(lines)
