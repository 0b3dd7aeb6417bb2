"""The timeline of one programme: its period(s), partners' participation, activities, sessions.

Dates are drawn as precisely as the source states them and no more: a day as a marker, a date
known only to the month or year as a capped line across that month or year, an open period as a
bar running off the right edge with an arrow. An activity without dates is a dotted outline over
the programme period ("somewhere in here"). When no date of the programme has a year (a news item
that says "30 March"), the axis is the months of an unnamed year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from capacitylib.codelists import ActivityStatus, PeriodStatus
from capacitylib.plots._common import (
    ACTIVITY_COLOUR,
    CANCELLED_COLOUR,
    PARTNER_COLOUR,
    PLANNED_HATCH,
    PROGRAMME_COLOUR,
    below_axes,
    module,
    new_axes,
    shorten,
    wrap,
)
from capacitylib.values import PartialDate, Period

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from capacitylib.models import Activity, Programme

__all__ = ["plot_timeline"]

#: The year year-less dates are drawn in: a leap year, so that ``--02-29`` has a place.
YEARLESS_YEAR = 2000

Category = Literal["programme", "partner", "activity"]
MarkKind = Literal["bar", "span", "point", "unstated"]
Style = Literal["fact", "planned", "cancelled", "whole"]

_COLOURS: dict[Category, str] = {
    "programme": PROGRAMME_COLOUR,
    "partner": PARTNER_COLOUR,
    "activity": ACTIVITY_COLOUR,
}


@dataclass(frozen=True, slots=True)
class _Mark:
    kind: MarkKind
    start: date
    end: date | None  # None: an open period
    style: Style


@dataclass(slots=True)
class _Row:
    label: str
    detail: str
    category: Category
    figures: str = ""
    marks: list[_Mark] = field(default_factory=list)
    note: str | None = None


@dataclass(slots=True)
class _Dates:
    """Turns stated dates into drawable intervals, counting what cannot be placed."""

    yearless: bool
    skipped: int = 0

    def interval(self, when: PartialDate) -> tuple[date, date] | None:
        if self.yearless:
            return when.interval(year=YEARLESS_YEAR)
        span = when.interval()
        if span is None:
            self.skipped += 1
        return span


def _style(status: ActivityStatus | None) -> Style:
    if status is ActivityStatus.PLANNED:
        return "planned"
    if status is ActivityStatus.CANCELLED:
        return "cancelled"
    return "fact"


def _all_partial_dates(programme: Programme) -> list[PartialDate]:
    found: list[PartialDate] = []
    for activity in programme.activities:
        found += activity.dates
        found += [s.date for s in activity.sessions]
    return found


def _is_yearless(programme: Programme) -> bool:
    """True when the programme states dates but none of them has a year."""
    if programme.periods or any(p.period for p in programme.partners):
        return False
    if any(a.period for a in programme.activities):
        return False
    found = _all_partial_dates(programme)
    return bool(found) and not any(d.has_year for d in found)


def _programme_rows(programme: Programme) -> list[_Row]:
    rows = []
    for stated in programme.periods:
        status = stated.status.value if stated.status is not None else "stated"
        style: Style = (
            "planned" if stated.status in {PeriodStatus.PLANNED, PeriodStatus.REVISED} else "fact"
        )
        days = f", {stated.days} days" if stated.days is not None else ""
        first, last = stated.span
        rows.append(
            _Row(
                label=f"Programme period ({status})",
                detail=f"{stated}{days}",
                category="programme",
                # A month or a year is drawn over every day it may denote; no start, no bar.
                marks=[_Mark("bar", first, last, style)] if first is not None else [],
            )
        )
    return rows


def _partner_rows(programme: Programme, whole: Period | None) -> list[_Row]:
    rows = []
    for partner in programme.partners:
        name = programme.organisation(partner.organisation).name.best("en")
        row = _Row(label=name, detail=partner.role.value.replace("_", " "), category="partner")
        if partner.period is not None:
            row.marks.append(_Mark("bar", partner.period.start, partner.period.end, "fact"))
            end = partner.period.end.isoformat() if partner.period.end else "open"
            row.detail += f" · {partner.period.start.isoformat()} .. {end}"
        elif whole is not None:
            row.marks.append(_Mark("bar", whole.start, whole.end, "whole"))
            row.detail += " · whole programme"
        else:
            row.note = "whole programme (its period is not stated)"
        rows.append(row)
    return rows


def _activity_detail(activity: Activity) -> str:
    parts = [activity.kind.value.replace("_", " ")]
    if activity.status is not None:
        parts.append(activity.status.value)
    return " · ".join(parts)


def _activity_figures(activity: Activity) -> str:
    parts = []
    if activity.sessions_actual is not None:
        parts.append(f"{activity.sessions_actual} sessions held")
    if activity.sessions_planned is not None:
        parts.append(f"{activity.sessions_planned} sessions planned")
    if activity.hours_per_session is not None:
        parts.append(f"{activity.hours_per_session} each")
    if activity.hours_per_participant is not None:
        parts.append(f"{activity.hours_per_participant} per participant")
    if activity.groups is not None:
        parts.append(f"{activity.groups} groups")
    return " · ".join(parts)


def _activity_row(activity: Activity, whole: Period | None, dates: _Dates) -> _Row:
    title = activity.title.best("en") if activity.title is not None else activity.id
    row = _Row(
        label=title,
        detail=_activity_detail(activity),
        category="activity",
        figures=_activity_figures(activity),
    )
    style = _style(activity.status)
    if activity.period is not None:
        row.marks.append(_Mark("bar", activity.period.start, activity.period.end, style))
    stated = [(d, style) for d in activity.dates]
    stated += [
        (s.date, _style(s.status) if s.status is not None else style) for s in activity.sessions
    ]
    for when, mark_style in stated:
        span = dates.interval(when)
        if span is None:
            continue
        kind: MarkKind = "point" if span[0] == span[1] else "span"
        row.marks.append(_Mark(kind, span[0], span[1], mark_style))
    if not row.marks:
        if stated:
            row.note = "dates stated without a year"
        elif whole is not None and not dates.yearless:
            row.marks.append(_Mark("unstated", whole.start, whole.end, style))
        else:
            row.note = "dates not stated"
    return row


def _rows(programme: Programme, dates: _Dates) -> list[_Row]:
    whole = programme.period
    rows = _programme_rows(programme) + _partner_rows(programme, whole)
    rows += [_activity_row(a, whole, dates) for a in programme.activities]
    return rows


def _limits(rows: list[_Row], yearless: bool) -> tuple[date, date]:
    if yearless:
        return date(YEARLESS_YEAR, 1, 1), date(YEARLESS_YEAR, 12, 31)
    days = [m.start for r in rows for m in r.marks]
    days += [m.end for r in rows for m in r.marks if m.end is not None]
    if not days:
        today = date(2000, 1, 1)
        return today, today + timedelta(days=365)
    low, high = min(days), max(days)
    pad = max(timedelta(days=20), (high - low) * 0.03)
    if any(m.end is None for r in rows for m in r.marks):
        # Leave room for the arrow of an open period.
        pad = max(pad, (high - low) * 0.08, timedelta(days=60))
    return low - pad, high + pad


def _offsets(marks: list[_Mark]) -> list[float]:
    """Vertical offsets that keep equal spans and points of one row from hiding each other."""
    seen: Counter[tuple[date, date | None]] = Counter()
    totals = Counter((m.start, m.end) for m in marks if m.kind in {"span", "point"})
    offsets = []
    for m in marks:
        key = (m.start, m.end)
        if m.kind not in {"span", "point"} or totals[key] == 1:
            offsets.append(0.0)
            continue
        n = totals[key]
        offsets.append((seen[key] - (n - 1) / 2) * min(0.22, 0.6 / n))
        seen[key] += 1
    return offsets


class _Legend:
    """The legend entries of the styles actually drawn, in a fixed order."""

    ORDER: tuple[str, ...] = (
        "fact",
        "planned",
        "whole",
        "cancelled",
        "unstated",
        "point",
        "planned_point",
        "span",
        "planned_span",
        "open",
    )

    def __init__(self) -> None:
        self.used: set[str] = set()

    def handles(self) -> list[Artist]:
        from matplotlib.lines import Line2D  # noqa: PLC0415 - matplotlib is optional
        from matplotlib.patches import Patch  # noqa: PLC0415

        grey = PROGRAMME_COLOUR
        made: dict[str, Artist] = {
            "fact": Patch(facecolor=grey, label="actual / achieved"),
            "planned": Patch(
                facecolor="white", edgecolor=grey, hatch=PLANNED_HATCH, label="planned (hatched)"
            ),
            "whole": Patch(facecolor=grey, alpha=0.35, label="for the whole programme"),
            "cancelled": Patch(facecolor=CANCELLED_COLOUR, hatch="xx", label="cancelled"),
            "unstated": Patch(
                facecolor="none",
                edgecolor=grey,
                linestyle=":",
                label="no dates stated (within the programme period)",
            ),
            "point": Line2D([], [], color=grey, marker="o", linestyle="", label="on a known day"),
            "planned_point": Line2D(
                [],
                [],
                color=grey,
                marker="o",
                markerfacecolor="white",
                linestyle="",
                label="planned, on a known day",
            ),
            "span": Line2D(
                [], [], color=grey, marker="|", markersize=9, label="known to the month or year"
            ),
            "planned_span": Line2D(
                [],
                [],
                color=grey,
                marker="|",
                markersize=9,
                linestyle="--",
                label="planned, known to the month or year",
            ),
            "open": Line2D(
                [], [], color=grey, marker=">", linestyle="", label="open: no end date stated"
            ),
        }
        return [made[key] for key in self.ORDER if key in self.used]


def _draw_mark(
    ax: Axes, y: float, mark: _Mark, *, colour: str, right: date, legend: _Legend
) -> None:
    mdates = module("matplotlib.dates")

    colour = CANCELLED_COLOUR if mark.style == "cancelled" else colour
    start = mdates.date2num(mark.start)
    # Inclusive periods: a bar ends at the end of its last day.
    end = mdates.date2num((mark.end or right) + timedelta(days=0 if mark.end is None else 1))
    if mark.kind in {"bar", "unstated"}:
        legend.used.add("unstated" if mark.kind == "unstated" else mark.style)
        options: dict[str, object] = {"height": 0.56, "color": colour, "edgecolor": colour}
        if mark.kind == "unstated":
            options.update(facecolor="none", linestyle=":", linewidth=1.2)
            if mark.style == "planned":
                legend.used.add("planned")
                options.update(hatch="..", alpha=0.7)
        elif mark.style == "planned":
            options.update(facecolor="white", hatch=PLANNED_HATCH, linewidth=1)
        elif mark.style == "whole":
            options.update(alpha=0.35, linewidth=0)
        elif mark.style == "cancelled":
            options.update(hatch="xx")
        ax.barh(y, end - start, left=start, **options)  # type: ignore[arg-type]
        if mark.end is None:
            legend.used.add("open")
            ax.plot([end], [y], marker=">", color=colour, markersize=9, clip_on=False)
        return
    hollow = mark.style == "planned"
    if mark.kind == "point":
        legend.used.add("planned_point" if hollow else "point")
        ax.plot(
            [start + 0.5],
            [y],
            marker="o",
            markersize=7,
            color=colour,
            markerfacecolor="white" if hollow else colour,
            linestyle="",
        )
        return
    legend.used.add("planned_span" if hollow else "span")
    ax.plot(
        [start, end],
        [y, y],
        color=colour,
        marker="|",
        markersize=11,
        linewidth=2.2,
        linestyle="--" if hollow else "-",
    )


def plot_timeline(programme: Programme, ax: Axes | None = None) -> Axes:
    """Draw the timeline of ``programme`` and return the matplotlib ``Axes``.

    One row per stated programme period (planned, revised, actual), per partner (its
    participation period; the whole programme when it states none) and per activity (its
    period, dates and listed sessions; counts and hours in the label). Plans are hatched or
    hollow, facts solid. Needs the ``plot`` extra; with ``ax=None`` a new pyplot figure is made.

    >>> import capacitylib
    >>> from capacitylib.plots import plot_timeline
    >>> ax = plot_timeline(capacitylib.load_examples()[0])
    >>> [t.get_text().splitlines()[0] for t in ax.get_yticklabels()][:2]
    ['Programme period (actual)', 'EDVIA, registered institute for human resources develop…']
    """
    dates = _Dates(yearless=_is_yearless(programme))
    rows = _rows(programme, dates)
    left, right = _limits(rows, dates.yearless)
    if ax is None:
        _, ax = new_axes(11, 1.8 + 0.55 * max(len(rows), 2))
    legend = _Legend()
    mdates = module("matplotlib.dates")
    for y, row in enumerate(rows):
        colour = _COLOURS[row.category]
        for mark, offset in zip(row.marks, _offsets(row.marks), strict=True):
            _draw_mark(ax, y + offset, mark, colour=colour, right=right, legend=legend)
        if row.note is not None:
            x = mdates.date2num(left)
            ax.text(x, y, f"  {row.note}", va="center", fontsize=8, color="#616161", style="italic")
    _axes_decor(ax, programme, rows, (left, right), dates)
    handles = legend.handles()
    if handles:
        # Below the date labels, whatever the height of the axes.
        below = below_axes(ax, 24)
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0),
            bbox_transform=below,
            ncols=min(len(handles), 3),
            fontsize=8,
            frameon=False,
        )
    return ax


def _axes_decor(
    ax: Axes, programme: Programme, rows: list[_Row], limits: tuple[date, date], dates: _Dates
) -> None:
    mdates = module("matplotlib.dates")

    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(float(mdates.date2num(limits[0])), float(mdates.date2num(limits[1])))
    ax.set_yticks(
        range(len(rows)),
        ["\n".join(shorten(t, 56) for t in (r.label, r.detail, r.figures) if t) for r in rows],
        fontsize=8,
    )
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        tick.set_color(_COLOURS[row.category])
    for y in range(1, len(rows)):
        if rows[y].category != rows[y - 1].category:
            ax.axhline(y - 0.5, color="#bdbdbd", linewidth=0.8)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    if dates.yearless:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    facts = [str(f) for f in (programme.code, programme.country) if f]
    facts += [i.value.replace("_", " ") for i in programme.funding_instruments]
    if programme.budget is not None and programme.budget.total is not None:
        facts.append(f"budget {programme.budget.total}")
    if programme.period is None:
        facts.append("programme period not stated")
    if dates.yearless:
        facts.append("no date states a year: drawn by month")
    if dates.skipped:
        facts.append(f"{dates.skipped} date(s) without a year not drawn")
    title = wrap(programme.title.best("en"), 90)
    ax.set_title(f"{title}\n{' · '.join(facts)}", loc="left", fontsize=10)
