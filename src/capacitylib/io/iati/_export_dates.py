"""When: ``activity-date`` (planned and actual start and end) and ``activity-status``.

Policy (docs/iati.md): planned dates come from the planned, revised or unmarked versions of
the programme period, actual dates from the actual version, each chosen by
:func:`capacitylib.models._periods.choose_period`; a date known to the month or the year is
written as its first day (a start) or last day (an end) with a narrative; an "actual" date
after the day the file is generated is a plan and is written as planned. IATI requires a start
(rule 6.11.1): without one the earliest dated record gives it (derived), else a placeholder
(the generation day) marked in its narrative and reported as ``iati_export_incomplete``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Literal

from capacitylib.errors import Loc, format_path
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import first_day, last_day
from capacitylib.models._periods import choose_period
from capacitylib.values import PartialDate

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter, DateEntry
    from capacitylib.models._base import StatedPeriod


def resolve_dates(w: ActivityWriter) -> None:
    """Fill ``w.dates`` from the programme's stated periods, by the policy above."""
    p = w.programme
    d = w.dates
    planned = [s for s in p.periods if _codes.PERIOD_STATUS_DATES[s.status] == "planned"]
    actual = [s for s in p.periods if _codes.PERIOD_STATUS_DATES[s.status] == "actual"]
    chosen = _choose(w, planned, "planned")
    if chosen is not None:
        i = p.periods.index(chosen)
        d.start = _entry(w, "planned", "start", chosen.start, ("periods", i, "start"))
        d.end = _entry(w, "planned", "end", chosen.end, ("periods", i, "end"))
        if chosen.status is None:
            w.finding(
                "iati_export_derived",
                ("periods", i, "status"),
                "a period without a status is written as planned dates (never claimed to have "
                "happened)",
            )
    chosen_actual = _choose(w, actual, "actual")
    if chosen_actual is not None:
        i = p.periods.index(chosen_actual)
        d.actual_start = _entry(w, "actual", "start", chosen_actual.start, ("periods", i, "start"))
        d.actual_end = _entry(w, "actual", "end", chosen_actual.end, ("periods", i, "end"))
        _future_actuals(w, i)
    for start, end in (("start", "end"), ("actual_start", "actual_end")):
        first, last = getattr(d, start), getattr(d, end)
        if first is not None and last is not None and first[1] > last[1]:
            setattr(d, end, None)  # a planned end before an actual start moved to planned
            w.lossy(
                ("periods",), f"end {last[1]} is before start {first[1]}: the end is not written"
            )
    if d.start is None and d.actual_start is None:
        _derived_start(w)


def _future_actuals(w: ActivityWriter, index: int) -> None:
    # IATI rules 11.1.4 and 11.1.5: an actual date is never in the future. A future "actual"
    # date is a plan: it is written as the planned date when there is none.
    d, today = w.dates, w.context.today
    for which, planned in (("start", "start"), ("end", "end")):
        stated: DateEntry | None = getattr(d, f"actual_{which}")
        if stated is None or stated[1] <= today:
            continue
        setattr(d, f"actual_{which}", None)
        if getattr(d, planned) is None:
            code = _codes.ACTIVITY_DATE_TYPE[("planned", "start" if which == "start" else "end")]
            setattr(d, planned, (code, stated[1], stated[2]))
            outcome = "written as the planned date"
        else:
            outcome = "not written (the planned date is)"
        w.lossy(
            ("periods", index, which),
            f"actual {which} {stated[1].isoformat()} is after the day the file is generated "
            f"({today.isoformat()}): {outcome}",
            stated[1].isoformat(),
        )


def _choose(w: ActivityWriter, versions: list[StatedPeriod], kind: str) -> StatedPeriod | None:
    if not versions:
        return None
    chosen = choose_period(versions)
    if chosen is None:
        chosen = versions[-1]
        w.lossy(
            ("periods",),
            f"several {kind} versions of the period and none stated last: the last one listed "
            f"({chosen}) is written",
        )
    for stated in versions:
        if stated is not chosen and (stated.start, stated.end) != (chosen.start, chosen.end):
            w.lossy(
                ("periods", w.programme.periods.index(stated)),
                f"{kind} period version {stated} not written: IATI has one {kind} start and end "
                f"({chosen} is written)",
                str(stated),
            )
    return chosen


def _entry(
    w: ActivityWriter,
    kind: _codes.DateKind,
    which: Literal["start", "end"],
    when: PartialDate | None,
    loc: Loc,
) -> DateEntry | None:
    if when is None:
        return None
    day, note = first_day(when) if which == "start" else last_day(when)
    if day is None:
        return None
    if note:
        w.lossy(loc, note, str(when))
    return _codes.ACTIVITY_DATE_TYPE[(kind, which)], day, f"Date {note}." if note else None


def _derived_start(w: ActivityWriter) -> None:
    found = sorted(_dated_records(w), key=lambda item: item[0])
    end = w.dates.last
    if found:
        day, loc = found[0]
        day = min(day, end) if end is not None else day
        where = format_path(loc)
        note = f"Start date not stated; {day.isoformat()} is the earliest date the record gives."
        w.finding(
            "iati_export_derived",
            ("periods",),
            "no start date stated: IATI requires one (rule 6.11.1), so the earliest date in the "
            f"record ({where}) is written as the planned start, with a narrative saying so",
            day.isoformat(),
        )
    else:
        day = min(w.context.today, end) if end is not None else w.context.today
        note = (
            "Start date not stated in the source: this placeholder is the day the file was "
            "generated, not a planned date."
        )
        w.finding(
            "iati_export_incomplete",
            ("periods",),
            "no start date stated and no dated record: IATI requires one (rule 6.11.1); a "
            f"placeholder ({day.isoformat()}) is written as the planned start, with a narrative "
            "saying so",
            day.isoformat(),
        )
    w.dates.start = (_codes.ACTIVITY_DATE_TYPE[("planned", "start")], day, note)


def _dated_records(w: ActivityWriter) -> Iterable[tuple[date, Loc]]:
    p = w.programme

    def first(when: PartialDate | None) -> date | None:
        span = when.interval() if when is not None else None
        return span[0] if span is not None else None

    for i, activity in enumerate(p.activities):
        if activity.period is not None:
            yield activity.period.start, ("activities", i, "period", "start")
        for j, when in enumerate(activity.dates):
            if (day := first(when)) is not None:
                yield day, ("activities", i, "dates", j)
        for j, session in enumerate(activity.sessions):
            if (day := first(session.date)) is not None:
                yield day, ("activities", i, "sessions", j, "date")
    for i, partner in enumerate(p.partners):
        if partner.period is not None:
            yield partner.period.start, ("partners", i, "period", "start")
    if (day := first(p.approved_on)) is not None:
        yield day, ("approved_on",)


def write_status(w: ActivityWriter, activity: etree._Element) -> None:
    """``activity-status`` from the stated status, else derived from the dates (reported)."""
    p = w.programme
    if p.status is not None:
        code = _codes.ACTIVITY_STATUS[p.status]
        if not _codes.round_trips(_codes.ACTIVITY_STATUS, _codes.ACTIVITY_STATUS_IMPORT, p.status):
            w.lossy(
                ("status",),
                f"status '{p.status.value}' written as IATI activity status {code}, which other "
                "statuses share",
                p.status.value,
            )
        w.sub(activity, "activity-status", code=code)
        return
    today = w.context.today
    start, end = w.dates.first, w.dates.last
    if start is not None and start > today:
        code = "1"  # pipeline: not started
    elif end is not None and end < today:
        code = "4" if w.dates.actual_end is not None else "3"  # closed, or finalisation
    else:
        code = "2"  # implementation
    w.finding(
        "iati_export_derived",
        ("status",),
        f"no status stated: IATI requires one; {code} is derived from the dates and the day "
        f"the file is generated ({today.isoformat()})",
        code,
    )
    w.sub(activity, "activity-status", code=code)
