"""The report's activities section: activities per kind and scope, and training per person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from capacitylib.calculators._common import INCOMPUTABLE, Scope, sum_known
from capacitylib.calculators._parts import activity_parts
from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators.hours import (
    activity_clock_hours,
    hours_per_worker,
    person_hours,
    session_count,
)
from capacitylib.calculators.unit_costs import TRAINING_KINDS
from capacitylib.codelists import ActivityKind
from capacitylib.models import Activity, Programme
from capacitylib.reference import ReferenceTables
from capacitylib.values import Estimate


@dataclass(frozen=True, slots=True)
class ActivityFigures:
    """Activities of one kind in one scope: how many, sessions, clock hours and person-hours.

    >>> import capacitylib
    >>> from capacitylib.calculators import build_report
    >>> f = build_report(capacitylib.load_examples()[0]).activities[ActivityKind.SUPERVISION_TEAM]
    >>> f.count, str(f.sessions), str(f.clock_hours), f.person_hours
    (1, '114', '228-342', None)
    """

    kind: ActivityKind
    count: int
    sessions: Estimate | None
    clock_hours: Estimate | None
    person_hours: Estimate | None


@dataclass(frozen=True, slots=True)
class TrainingFigures:
    """Training one participant of an activity receives, and the person-hours in all.

    ``hours_per_participant`` is in clock hours (a range when the source gives one), from the
    stated hours per participant, else the activity's hours over its groups
    (:func:`~capacitylib.calculators.hours_per_worker`); ``person_hours`` is
    :func:`~capacitylib.calculators.person_hours`. ``None``: unknown. Listed: the achieved
    activities that state hours per participant or are of a training kind
    (:data:`~capacitylib.calculators.budget.TRAINING_KINDS`) and have either figure.

    >>> import capacitylib
    >>> from capacitylib.calculators import build_report
    >>> pilot = next(p for p in capacitylib.load_examples() if p.id == "lv-9.2.1.1-15-I-001")
    >>> t = build_report(pilot).training[0]
    >>> t.activity, str(t.hours_per_participant), str(t.person_hours)
    ('violence-methodology-pilot', 'cca 66-75', 'cca 1980-2250')
    """

    activity: str
    kind: ActivityKind
    hours_per_participant: Estimate | None
    person_hours: Estimate | None


def activity_figures(
    programme: Programme, *, scope: Scope = "achieved", tables: ReferenceTables | None = None
) -> dict[ActivityKind, ActivityFigures]:
    """Activities of ``programme`` per kind (codelist order) with figures in ``scope``.

    ``count`` is the number of activities with figures in ``scope``; sessions, clock hours and
    person-hours are their sums (``None`` when any activity's figure is unknown).

    >>> p = Programme(id="p", title={"en": "P"}, country="CZ", activities=[
    ...     {"id": "s", "kind": "supervision_team", "sessions_actual": 114,
    ...      "hours_per_session": {"min": 2, "max": 3, "unit": "clock_hour"}}])
    >>> f = activity_figures(p)[ActivityKind.SUPERVISION_TEAM]
    >>> f.count, str(f.sessions), str(f.clock_hours), f.person_hours
    (1, '114', '228-342', None)
    """
    grouped: dict[ActivityKind, list[tuple[Any, ...]]] = {}
    for activity in programme.activities:
        if not activity_parts(activity, scope):
            continue
        options: dict[str, Any] = {"scope": scope, "country": programme.country, "tables": tables}
        grouped.setdefault(activity.kind, []).append(
            (
                session_count(activity, scope=scope),
                activity_clock_hours(activity, **options),
                person_hours(activity, **options),
            )
        )
    return {
        kind: ActivityFigures(
            kind=kind,
            count=len(rows),
            sessions=_sum(r[0] for r in rows),
            clock_hours=_sum(r[1] for r in rows),
            person_hours=_sum(r[2] for r in rows),
        )
        for kind in ActivityKind
        if (rows := grouped.get(kind))
    }


def activities_section(inputs: ReportInputs, scope: Scope) -> dict[ActivityKind, ActivityFigures]:
    """:func:`activity_figures` of the report's programme in ``scope``."""
    return activity_figures(inputs.programme, scope=scope, tables=inputs.tables)


def _sum(values: Any) -> Estimate | None:
    """:func:`sum_known`, or ``None`` (unknown) when the sum cannot be computed exactly."""
    try:
        return sum_known(values)
    except INCOMPUTABLE:
        return None


def training_section(inputs: ReportInputs) -> tuple[TrainingFigures, ...]:
    """Training per participant of the achieved training activities.

    Notes each activity whose person-hours assume full attendance (an upper bound).
    """
    programme = inputs.programme
    figures = []
    for activity in programme.activities:
        if not activity_parts(activity, "achieved"):
            continue
        # Hours of a service to clients (313 hours for 12 families) are not training.
        if activity.hours_per_participant is None and activity.kind not in TRAINING_KINDS:
            continue
        options: dict[str, Any] = {"country": programme.country, "tables": inputs.tables}
        each = hours_per_worker(activity, **options)
        total = person_hours(activity, **options)
        if each is None and total is None:
            continue
        figures.append(
            TrainingFigures(
                activity=activity.id,
                kind=activity.kind,
                hours_per_participant=each,
                person_hours=total,
            )
        )
    inputs.notes += [
        f"person-hours of {t.activity} assume every participant attends all sessions of their "
        "group (an upper bound otherwise)"
        for t in figures
        if t.person_hours is not None and _attendance_assumed(programme.activity(t.activity))
    ]
    return tuple(figures)


def _attendance_assumed(activity: Activity) -> bool:
    """Whether person-hours come from the sessions, not from per-participant or per-session data."""
    return activity.hours_per_participant is None and not any(
        s.participants for s in activity.sessions
    )


__all__ = [
    "ActivityFigures",
    "TrainingFigures",
    "activities_section",
    "activity_figures",
    "training_section",
]
