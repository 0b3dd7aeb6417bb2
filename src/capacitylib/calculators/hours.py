"""Training hours: academic to clock hours, hours per activity, person-hours, CPD comparison.

Every figure here is in clock hours (60 minutes) unless its name says otherwise, as an
:class:`~capacitylib.Estimate` (a range stays a range), unrounded (divisions to 28 significant
digits, half-even). ``None`` means the data do not give the figure; it is never 0. A figure
that cannot be computed exactly (sums and products beyond 100 digits, a division overflowing)
is ``None`` too, never a rounded number.

``scope`` picks achieved or planned figures (see :mod:`capacitylib.calculators._parts`):
``achieved`` by default, ``planned`` for plans, ``all`` for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from capacitylib.calculators._common import (
    EXACT,
    Scope,
    as_estimate,
    divide,
    divide_estimate,
    exact_product,
    exact_sum,
    figure,
    in_scope,
    scaled,
    status_scope,
    sum_known,
    unknown_when_incomputable,
)
from capacitylib.calculators._memo import once
from capacitylib.calculators._parts import ActivityPart, activity_parts
from capacitylib.calculators.duration import days_by_year, period_days
from capacitylib.codelists import HoursUnit, ReachUnit
from capacitylib.models import Activity, Participation
from capacitylib.reference import ReferenceTables
from capacitylib.values import Estimate, Hours, Period
from capacitylib.values._decimal import tidy
from capacitylib.values.hours import CLOCK_HOUR_MINUTES, DEFAULT_HOURS_PER_DAY


def _tables(tables: ReferenceTables | None) -> ReferenceTables:
    return tables if tables is not None else ReferenceTables.default()


@unknown_when_incomputable
def clock_hours(
    hours: Hours,
    *,
    country: str | None = None,
    tables: ReferenceTables | None = None,
    hours_per_day: Decimal | int = DEFAULT_HOURS_PER_DAY,
) -> Estimate | None:
    """``hours`` in clock hours (60 minutes).

    Academic hours use the length the source states (``academic_hour_minutes``), else
    ``tables.academic_hour_minutes(country)`` (45 minutes in LT, LV, CZ, PL by default; override
    with ``ReferenceTables.with_overrides``); ``None`` when neither is known. Days count
    ``hours_per_day`` clock hours. Unit: clock hours, unrounded (trailing zeros removed).

    >>> str(clock_hours(Hours.exact(8, unit="academic_hour"), country="LT"))
    '6'
    >>> str(clock_hours(Hours.range(88, 100, unit="academic_hour"), country="LV"))
    '66-75'
    >>> at_40 = ReferenceTables.default().with_overrides(academic_hour_minutes={"LV": 40})
    >>> str(clock_hours(Hours.range(88, 100, unit="academic_hour"), country="LV", tables=at_40))
    '58.66666666666666666666666667-66.66666666666666666666666667'
    """
    if hours.unit is HoursUnit.ACADEMIC_HOUR:
        minutes = hours.academic_hour_minutes or _tables(tables).academic_hour_minutes(country)
        if minutes is None:
            return None
        # Multiply (exactly) before dividing so that 88 x 40 / 60 is as exact as 28 digits allow.
        with localcontext(EXACT):
            low = hours.min * minutes
            high = None if hours.max is None else hours.max * minutes
        return figure(
            divide(low, CLOCK_HOUR_MINUTES),
            None if high is None else divide(high, CLOCK_HOUR_MINUTES),
            approximate=hours.approximate,
        )
    factor = Decimal(hours_per_day) if hours.unit is HoursUnit.DAY else Decimal(1)
    with localcontext(EXACT):
        # Not Hours.to_clock_hours: 10^18 days are 8 x 10^18 hours, above the input limit.
        low = tidy(hours.min * factor)
        high = None if hours.max is None else tidy(hours.max * factor)
    return figure(low, high, approximate=hours.approximate)


def _part_session_count(part: ActivityPart) -> Estimate | None:
    activity = part.activity
    if part.whole:
        stated = activity.sessions_actual if part.scope == "achieved" else activity.sessions_planned
        if stated is not None:
            return stated
        if not activity.sessions:
            return None
    return Estimate.exact(len(part.sessions))


@once
@unknown_when_incomputable
def session_count(activity: Activity, *, scope: Scope = "achieved") -> Estimate | None:
    """Sessions (meetings) of ``activity`` under ``scope``.

    Achieved: ``sessions_actual``, else the listed sessions that were not planned or cancelled.
    Planned: ``sessions_planned`` of a planned activity, else its listed sessions, plus listed
    planned sessions of any activity. ``None`` when the document does not say (never 0 for
    unknown), including an achieved count asked of a planned activity. Unit: sessions.

    >>> a = Activity(id="supervision", kind="supervision_team", sessions_actual=114)
    >>> str(session_count(a)), session_count(a, scope="planned")
    ('114', None)
    """
    parts = activity_parts(activity, scope)
    if not parts:
        return None
    return sum_known(_part_session_count(part) for part in parts)


@dataclass(frozen=True, slots=True)
class _Clock:
    country: str | None
    tables: ReferenceTables | None
    hours_per_day: Decimal | int

    def __call__(self, hours: Hours | None) -> Estimate | None:
        if hours is None:
            return None
        return clock_hours(
            hours, country=self.country, tables=self.tables, hours_per_day=self.hours_per_day
        )


def _part_clock_hours(part: ActivityPart, clock: _Clock) -> Estimate | None:
    activity = part.activity
    if part.whole and activity.total_hours is not None:
        # The source gives only the total time delivered ("313 hours for 12 families").
        return clock(activity.total_hours)
    count = _part_session_count(part)
    if count is not None and count.is_exact and count.min == len(part.sessions):
        # Every counted session is listed: add their own lengths.
        if not part.sessions:
            return Estimate.exact(0)
        return sum_known(
            clock(activity.hours_per_session if s.hours is None else s.hours) for s in part.sessions
        )
    per_session = clock(activity.hours_per_session)
    if count is None or per_session is None:
        return None
    return exact_product(count, per_session)


@once
@unknown_when_incomputable
def activity_clock_hours(
    activity: Activity,
    *,
    scope: Scope = "achieved",
    country: str | None = None,
    tables: ReferenceTables | None = None,
    hours_per_day: Decimal | int = DEFAULT_HOURS_PER_DAY,
) -> Estimate | None:
    """Clock hours of ``activity``'s sessions: how long the activity ran, not per participant.

    When the activity states ``total_hours``: that figure. When every counted session is listed:
    the sum of each session's hours (its own, else the activity's ``hours_per_session``).
    Otherwise: :func:`session_count` x ``hours_per_session``.
    Each figure converted with :func:`clock_hours`. ``None`` when a count or a length is unknown.
    Unit: clock hours, unrounded.

    >>> a = Activity(id="supervision", kind="supervision_team", sessions_actual=114,
    ...              hours_per_session={"min": 2, "max": 3, "unit": "clock_hour"})
    >>> str(activity_clock_hours(a, country="CZ"))
    '228-342'
    """
    parts = activity_parts(activity, scope)
    if not parts:
        return None
    clock = _Clock(country, tables, hours_per_day)
    return sum_known(_part_clock_hours(part, clock) for part in parts)


def _persons(participations: list[tuple[Participation, bool]]) -> Estimate | None:
    counts = [p.count for p, _ in participations if p.unit is ReachUnit.PERSONS]
    if not counts:
        return None
    return sum_known(counts)


def _part_person_hours(part: ActivityPart, clock: _Clock) -> Estimate | None:
    activity = part.activity
    participations = list(part.participations())
    per_session = any(flag for _, flag in participations)
    if part.whole and activity.hours_per_participant is not None and not per_session:
        persons = _persons(participations)
        each = clock(activity.hours_per_participant)
        return None if persons is None or each is None else exact_product(persons, each)
    if per_session or not part.whole:
        total: Estimate | None = Estimate.exact(0)
        for session in part.sessions:
            persons = _persons([(p, True) for p in session.participants])
            length = clock(activity.hours_per_session if session.hours is None else session.hours)
            if persons is None or length is None or total is None:
                return None
            total = exact_sum(total, exact_product(persons, length))
        return total
    persons = _persons(participations)
    hours = _part_clock_hours(part, clock)
    if persons is None or hours is None:
        return None
    if activity.groups is not None:
        return divide_estimate(exact_product(persons, hours), activity.groups)
    return exact_product(persons, hours)


@once
@unknown_when_incomputable
def person_hours(
    activity: Activity,
    *,
    scope: Scope = "achieved",
    country: str | None = None,
    tables: ReferenceTables | None = None,
    hours_per_day: Decimal | int = DEFAULT_HOURS_PER_DAY,
) -> Estimate | None:
    """Person-hours of training in ``activity``: participants (in unit ``persons``) x hours.

    * With ``hours_per_participant``: persons x that (clock) figure.
    * With participants listed per session: the sum over sessions of persons x session hours.
    * Otherwise persons x :func:`activity_clock_hours`, divided by ``groups`` when the activity
      runs in parallel groups (each person attends only their own group's sessions). This assumes
      every participant attends all of their group's sessions; it is an upper bound otherwise.

    ``None`` when a count or a length is unknown, or the activity counts no persons (families
    are not persons). Unit: person clock hours, unrounded.

    >>> pilot = Activity(id="pilot", kind="pilot", status="completed",
    ...     hours_per_participant={"min": 88, "max": 100, "unit": "academic_hour"},
    ...     participants=[{"group": "social_workers", "count": 2, "unique": True},
    ...                   {"group": "social_workers", "count": 28, "unique": True}])
    >>> str(person_hours(pilot, country="LV"))
    '1980-2250'
    """
    parts = activity_parts(activity, scope)
    if not parts:
        return None
    clock = _Clock(country, tables, hours_per_day)
    return sum_known(_part_person_hours(part, clock) for part in parts)


@once
@unknown_when_incomputable
def hours_per_worker(
    activity: Activity,
    *,
    scope: Scope = "achieved",
    country: str | None = None,
    tables: ReferenceTables | None = None,
    hours_per_day: Decimal | int = DEFAULT_HOURS_PER_DAY,
) -> Estimate | None:
    """Clock hours of training one participant receives in ``activity``.

    ``hours_per_participant`` when stated (and in ``scope``); else :func:`activity_clock_hours`
    divided by ``groups`` (each worker attends their own group's sessions; 1 group when not
    stated). ``None`` when unknown. Unit: clock hours per person, unrounded.

    >>> supervision = Activity(id="supervision", kind="supervision_team", sessions_actual=114,
    ...     groups=22, hours_per_session={"min": 2, "max": 3, "unit": "clock_hour"})
    >>> str(hours_per_worker(supervision, country="CZ"))
    '10.36363636363636363636363636-15.54545454545454545454545455'
    """
    own = status_scope(activity.status)
    if activity.hours_per_participant is not None and own is not None and in_scope(own, scope):
        return clock_hours(
            activity.hours_per_participant,
            country=country,
            tables=tables,
            hours_per_day=hours_per_day,
        )
    total = activity_clock_hours(
        activity, scope=scope, country=country, tables=tables, hours_per_day=hours_per_day
    )
    if total is None:
        return None
    return total if activity.groups is None else divide_estimate(total, activity.groups)


@unknown_when_incomputable
def hours_per_worker_by_year(
    activity: Activity,
    *,
    period: Period | None = None,
    as_of: date | None = None,
    scope: Scope = "achieved",
    country: str | None = None,
    tables: ReferenceTables | None = None,
) -> dict[int, Estimate] | None:
    """:func:`hours_per_worker` spread over calendar years in proportion to days.

    The period is the activity's own, else ``period`` (pass the programme's). Each year gets
    ``hours x days in the year / days in the period``; the years add up to the whole figure (up
    to the 28th significant digit). ``None`` when the hours or a closed period are unknown.
    Unit: clock hours per person per calendar year, unrounded.

    >>> pilot = Activity(id="pilot", kind="pilot", status="completed",
    ...     period={"start": "2019-05-16", "end": "2019-10-31"},
    ...     hours_per_participant={"min": 88, "max": 100, "unit": "academic_hour"})
    >>> {year: str(h) for year, h in hours_per_worker_by_year(pilot, country="LV").items()}
    {2019: '66-75'}
    """
    chosen = activity.period or period
    hours = hours_per_worker(activity, scope=scope, country=country, tables=tables)
    if chosen is None or hours is None:
        return None
    split = days_by_year(chosen, as_of=as_of)
    total_days = period_days(chosen, as_of=as_of)
    if split is None or not total_days:
        return None
    return {year: scaled(hours, divide(days, total_days)) for year, days in split.items()}


@dataclass(frozen=True, slots=True)
class CpdComparison:
    """Training hours per worker in a calendar year against the country's CPD minimum.

    ``meets`` is True when even the lowest figure reaches the minimum, False when even the
    highest falls short, and None when the range straddles it. ``share`` is hours / minimum.

    >>> c = cpd_comparison(Estimate.range(Decimal("7.8"), Decimal("11.7")), country="CZ")
    >>> c.required, c.meets, str(c.share)
    (Decimal('24'), False, '0.325-0.4875')
    """

    country: str
    required: Decimal
    hours: Estimate
    share: Estimate | None
    meets: bool | None


@unknown_when_incomputable
def cpd_comparison(
    hours_per_year: Estimate | Decimal | int,
    *,
    country: str | None,
    tables: ReferenceTables | None = None,
) -> CpdComparison | None:
    """Compare a worker's training hours in a year with the CPD minimum of ``country``.

    The minimum comes from ``tables.cpd_hours_per_year(country)`` (CZ 24 h [V]; LT 16 h and
    LV 24 h are unconfirmed defaults [U]). ``None`` when no requirement is known (PL, EE, SK):
    never a comparison with 0. Unit: clock hours per calendar year; ``share`` unrounded.

    >>> c = cpd_comparison(Estimate.range(66, 75), country="LV")
    >>> c.required, c.meets, str(c.share)
    (Decimal('24'), True, '2.75-3.125')
    >>> cpd_comparison(Estimate.exact(30), country="PL") is None
    True
    """
    required = _tables(tables).cpd_hours_per_year(country)
    if country is None or required is None:
        return None
    hours = as_estimate(hours_per_year)
    share = divide_estimate(hours, Estimate.exact(required)) if required > 0 else None
    meets: bool | None
    if hours.min >= required:
        meets = True
    elif hours.max is not None and hours.max < required:
        meets = False
    else:
        meets = None
    return CpdComparison(country=country, required=required, hours=hours, share=share, meets=meets)
