"""Figures, periods, money and activities as the views show them (one rounding policy).

Rounding is the one policy of every view, in :mod:`capacitylib.calculators._presentation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from capacitylib.calculators import achievement as indicator_achievement
from capacitylib.calculators._presentation import hours_of, percent
from capacitylib.values import Estimate, Hours, Money, Period

if TYPE_CHECKING:
    from capacitylib.models import Activity, Indicator, Participation, Session, StatedPeriod

UNKNOWN = "unknown"


def figure(value: Estimate | None, unit: str = "") -> str:
    if value is None:
        return UNKNOWN
    return f"{value} {unit}".rstrip()


def period(period: Period | None, *, whole: str = "not stated") -> str:
    if period is None:
        return whole
    end = period.end.isoformat() if period.end is not None else "open"
    days = f", {period.days} days" if period.days is not None else ""
    return f"{period.start.isoformat()} .. {end}{days}"


def stated_period(stated: StatedPeriod) -> str:
    exact = stated.to_period()
    if exact is not None:
        return period(exact)
    start = str(stated.start) if stated.start is not None else "start not stated"
    end = str(stated.end) if stated.end is not None else "open"
    days = f", {stated.duration} days" if stated.duration is not None else ""
    return f"{start} .. {end}{days}"


def money(amount: Money | None) -> str:
    return UNKNOWN if amount is None else str(amount)


def participation(part: Participation) -> str:
    if part.count is None:
        count = "count not stated"
    else:
        kind = "unique" if part.unique else "participations"
        count = f"{part.count} {part.unit.value} ({kind})"
    return f"{part.group.value}: {count}"


def sessions(activity: Activity) -> str:
    parts = []
    if activity.sessions_actual is not None:
        parts.append(f"{activity.sessions_actual} held")
    if activity.sessions_planned is not None:
        parts.append(f"{activity.sessions_planned} planned")
    if activity.sessions:
        parts.append(f"{len(activity.sessions)} listed ({session_statuses(activity.sessions)})")
    if activity.groups is not None:
        parts.append(f"in {activity.groups} groups")
    return ", ".join(parts) or "—"


def session_statuses(sessions: Iterable[Session]) -> str:
    counts: dict[str, int] = {}
    for session in sessions:
        key = session.status.value if session.status is not None else "status not stated"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{n} {status}" for status, n in counts.items())


def hours(activity: Activity) -> str:
    stated: list[tuple[Hours | None, str]] = [
        (activity.hours_per_session, "per session"),
        (activity.hours_per_participant, "per participant"),
        (activity.total_hours, "in all"),
    ]
    return ", ".join(f"{h} {label}" for h, label in stated if h is not None) or "—"


def when(activity: Activity) -> str:
    if activity.period is not None:
        return period(activity.period)
    if activity.dates:
        return ", ".join(d.isoformat() for d in activity.dates)
    if activity.sessions:
        return ", ".join(s.date.isoformat() for s in activity.sessions)
    return "—"


def actual(indicator: Indicator) -> str:
    latest = indicator.latest_actual
    if latest is None:
        return "not reported"
    return f"{latest.value} (as of {latest.as_of})"


def hours_shown(value: Estimate | None) -> Estimate | None:
    return None if value is None else hours_of(value)


def percent_of(share: Estimate | None) -> str:
    return "—" if share is None else percent(share)


def achievement(indicator: Indicator) -> str:
    return percent_of(indicator_achievement(indicator))
