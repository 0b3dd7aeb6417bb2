"""The report of one programme: every figure of the calculators, for JSON and for reading.

:func:`build_report` computes the figures (exact, unrounded); :meth:`ProgrammeReport.to_json_dict`
gives the JSON shape documented in ``docs/semantics.md`` and :meth:`ProgrammeReport.render_text`
a readable summary. Rounding happens only there: clock hours and person-hours to 2 decimal
places, shares and achievement to 4, unit costs to the currency's minor unit.

Total on every valid programme: a figure that cannot be computed exactly (a sum above the
amount limit of 10^18, more digits than exact arithmetic keeps, a division that overflows) is
``None`` (unknown), with a line in ``notes`` when a budget figure is lost; never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, TypeVar

from capacitylib.calculators._common import INCOMPUTABLE, WIDE, Scope, sum_known
from capacitylib.calculators._parts import activity_parts
from capacitylib.calculators._render import report_json, report_text
from capacitylib.calculators.budget import (
    TRAINING_KINDS,
    FundingShares,
    MoneyRange,
    allocate_by_year,
    budget_total,
    cost_per_participant,
    cost_per_person_reached,
    cost_per_session,
    cost_per_training_hour,
    funding_shares,
    partner_totals,
    totals_by_source,
)
from capacitylib.calculators.duration import (
    CalendarDuration,
    calendar_duration,
    days_by_year,
    days_by_year_range,
    elapsed_days,
    period_days,
    remaining_days,
    share_elapsed,
)
from capacitylib.calculators.hours import (
    activity_clock_hours,
    hours_per_worker,
    person_hours,
    session_count,
)
from capacitylib.calculators.reach import (
    ReachFigure,
    achievement,
    municipalities_reached,
    organisations_reached,
    reach,
)
from capacitylib.codelists import ActivityKind, FundingSourceKind, HoursUnit
from capacitylib.models import Activity, Programme
from capacitylib.reference import ReferenceTables
from capacitylib.values import CurrencyMismatchError, Estimate, Hours, Money
from capacitylib.values.estimate import DEFAULT_HOURS_PER_DAY


@dataclass(frozen=True, slots=True)
class DurationFigures:
    """The programme's period and its durations (see :mod:`~capacitylib.calculators.duration`).

    >>> import capacitylib
    >>> d = build_report(capacitylib.load_examples()[0]).duration
    >>> d.days, str(d.calendar), d.days_by_year
    (485, '1 year 4 months 0 days', {2016: 61, 2017: 365, 2018: 59})
    """

    start: date | None
    end: date | None
    days: int | None
    calendar: CalendarDuration | None
    elapsed_days: int | None = None
    remaining_days: int | None = None
    share_elapsed: Decimal | None = None
    days_by_year: dict[int, int] | None = None
    stated_start: str | None = None
    stated_end: str | None = None
    days_range: Estimate | None = None
    days_by_year_range: dict[int, Estimate] | None = None


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
    >>> pilot = next(p for p in capacitylib.load_examples() if p.id == "lv-9.2.1.1-15-I-001")
    >>> t = build_report(pilot).training[0]
    >>> t.activity, str(t.hours_per_participant), str(t.person_hours)
    ('violence-methodology-pilot', 'cca 66-75', 'cca 1980-2250')
    """

    activity: str
    kind: ActivityKind
    hours_per_participant: Estimate | None
    person_hours: Estimate | None


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    """The programme's budget figures (see :mod:`~capacitylib.calculators.budget`).

    >>> import capacitylib
    >>> b = build_report(capacitylib.load_examples()[2]).budget
    >>> str(b.total), str(b.by_year[2024]), b.shares
    ('43940212.00 EUR', '10829708.81 EUR', None)
    """

    total: Money | None = None
    by_source: dict[FundingSourceKind, Money] = field(default_factory=dict)
    shares: FundingShares | None = None
    by_partner: dict[str, Money] = field(default_factory=dict)
    by_year: dict[int, Money] | None = None
    cost_per_participant: MoneyRange | None = None
    cost_per_person_reached: MoneyRange | None = None
    cost_per_session: MoneyRange | None = None
    cost_per_clock_hour: MoneyRange | None = None


@dataclass(frozen=True, slots=True)
class ActivityFigures:
    """Activities of one kind in one scope: how many, sessions, clock hours and person-hours.

    >>> import capacitylib
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
class IndicatorFigures:
    """An indicator's target, latest actual and achievement (actual / target).

    >>> import capacitylib
    >>> i = build_report(capacitylib.load_examples()[3]).indicators[0]
    >>> i.id, i.unit, str(i.target), i.actual, i.achievement
    ('social-workers-trained', 'persons', '14', None, None)
    """

    id: str
    kind: str
    name: str
    unit: str
    target_group: str | None
    target: Estimate | None
    target_date: str | None
    actual: Estimate | None
    actual_as_of: str | None
    achievement: Estimate | None


@dataclass(frozen=True, slots=True)
class ProgrammeReport:
    """Every figure of one programme, exact; render it with :meth:`to_json_dict` or as text.

    >>> import capacitylib
    >>> report = build_report(capacitylib.load_examples()[0])
    >>> report.country, report.duration.days
    ('CZ', 485)
    >>> print(report.render_text().splitlines()[3])
    Period: 2016-11-01 .. 2018-02-28, 485 days (1 year 4 months 0 days)
    """

    id: str
    code: str | None
    title: str
    country: str | None
    funding_instruments: tuple[str, ...]
    currency: str | None
    as_of: date | None
    duration: DurationFigures
    budget: BudgetFigures
    activities: dict[ActivityKind, ActivityFigures]
    activities_planned: dict[ActivityKind, ActivityFigures]
    reach: tuple[ReachFigure, ...]
    reach_planned: tuple[ReachFigure, ...]
    organisations_reached: tuple[str, ...]
    municipalities_reached: tuple[str, ...]
    indicators: tuple[IndicatorFigures, ...]
    notes: tuple[str, ...] = ()
    training: tuple[TrainingFigures, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON object of this programme (keys documented in ``docs/semantics.md``).

        Amounts are decimal strings; every count, hours or participants figure is
        ``{"min": n, "max": n}`` (n an int when whole, else a decimal string) or ``None`` when
        the data do not give it.
        """
        return report_json(self)

    def render_text(self) -> str:
        """A readable summary: title, period, budget, activities, reach and indicators."""
        return report_text(self)

    def _repr_html_(self) -> str:
        from capacitylib.display import report_html  # noqa: PLC0415 - loaded on first use

        return report_html(self)


def _duration(programme: Programme, as_of: date | None) -> DurationFigures:
    period = programme.period
    if period is None:
        stated = programme.stated_period
        if stated is None:
            return DurationFigures(start=None, end=None, days=None, calendar=None)
        # Known to the month or year, or by one end only: a range of days, never a guessed day.
        return DurationFigures(
            start=None,
            end=None,
            days=None,
            calendar=None,
            stated_start=str(stated.start) if stated.start is not None else None,
            stated_end=str(stated.end) if stated.end is not None else None,
            days_range=stated.duration,
            days_by_year_range=None
            if stated.start is None or stated.end is None
            else days_by_year_range(stated.start, stated.end),
        )
    return DurationFigures(
        start=period.start,
        end=period.end,
        days=period_days(period),
        calendar=calendar_duration(period),
        elapsed_days=None if as_of is None else elapsed_days(period, as_of=as_of),
        remaining_days=None if as_of is None else remaining_days(period, as_of=as_of),
        share_elapsed=None if as_of is None else share_elapsed(period, as_of=as_of),
        days_by_year=days_by_year(period),
        stated_start=period.start.isoformat(),
        stated_end=period.end.isoformat() if period.end is not None else None,
        days_range=None if period.end is None else Estimate.exact(period.days or 0),
    )


def _training(programme: Programme, tables: ReferenceTables | None) -> tuple[TrainingFigures, ...]:
    figures = []
    for activity in programme.activities:
        if not activity_parts(activity, "achieved"):
            continue
        # Hours of a service to clients (313 hours for 12 families) are not training.
        if activity.hours_per_participant is None and activity.kind not in TRAINING_KINDS:
            continue
        options: dict[str, Any] = {"country": programme.country, "tables": tables}
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
    return tuple(figures)


def _attendance_assumed(activity: Activity) -> bool:
    """Whether person-hours come from the sessions, not from per-participant or per-session data."""
    return activity.hours_per_participant is None and not any(
        s.participants for s in activity.sessions
    )


def _assumptions(programme: Programme, tables: ReferenceTables | None) -> list[str]:
    """Notes for every default the figures rely on, instead of applying it silently."""
    stated: list[Hours] = []
    for activity in programme.activities:
        for hours in (activity.hours_per_session, activity.hours_per_participant):
            if hours is not None:
                stated.append(hours)
        if activity.total_hours is not None:
            stated.append(activity.total_hours)
        stated += [s.hours for s in activity.sessions if s.hours is not None]
    notes = []
    if any(h.unit is HoursUnit.DAY for h in stated):
        notes.append(
            f"hours stated in days counted at {DEFAULT_HOURS_PER_DAY} clock hours a day "
            "(an assumption; pass hours_per_day to the calculators to change it)"
        )
    if any(h.unit is HoursUnit.ACADEMIC_HOUR and h.academic_hour_minutes is None for h in stated):
        table = tables if tables is not None else ReferenceTables.default()
        minutes = table.academic_hour_minutes(programme.country)
        where = programme.country or "unknown country"
        notes.append(
            f"academic hours counted at {minutes} minutes, the default for {where}"
            if minutes is not None
            else f"academic hours not converted: no default length for {where}"
        )
    return notes


_T = TypeVar("_T")

_INCOMPUTABLE_NOTE = "above the amount limit of 10^18 or beyond exact decimal arithmetic"


def _or_note(notes: list[str], label: str, compute: Callable[[], _T], default: _T) -> _T:
    """``compute()``, or ``default`` with a note when its figure cannot be computed exactly."""
    try:
        return compute()
    except INCOMPUTABLE:
        notes.append(f"{label} not computed: {_INCOMPUTABLE_NOTE}")
        return default


def _budget(
    programme: Programme, tables: ReferenceTables | None, notes: list[str]
) -> BudgetFigures:
    budget = programme.budget
    if budget is None:
        return BudgetFigures()
    try:
        total = budget_total(budget)
        if total is None and budget.sources:
            notes.append(
                f"budget total not computed: the sum of the sources is {_INCOMPUTABLE_NOTE}"
            )
        no_sources: dict[FundingSourceKind, Money] = {}
        by_source = _or_note(
            notes, "budget by source", lambda: totals_by_source(budget), no_sources
        )
        shares = funding_shares(budget)
        no_partners: dict[str, Money] = {}
        by_partner = _or_note(
            notes, "budget by partner", lambda: partner_totals(budget), no_partners
        )
    except CurrencyMismatchError as exc:
        notes.append(f"budget figures not computed: {exc}")
        return BudgetFigures(total=budget.total)
    by_year = None
    period = programme.period
    if total is not None and period is not None:
        try:
            by_year = allocate_by_year(total, period)
        except ValueError as exc:
            notes.append(f"budget not split by year: {exc}")
    return BudgetFigures(
        total=total,
        by_source=by_source,
        shares=shares,
        by_partner=by_partner,
        by_year=by_year,
        cost_per_participant=cost_per_participant(programme),
        cost_per_person_reached=cost_per_person_reached(programme),
        cost_per_session=cost_per_session(programme),
        cost_per_clock_hour=cost_per_training_hour(programme, tables=tables),
    )


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


def _sum(values: Any) -> Estimate | None:
    """:func:`sum_known`, or ``None`` (unknown) when the sum cannot be computed exactly."""
    try:
        return sum_known(values)
    except INCOMPUTABLE:
        return None


def _indicators(programme: Programme) -> tuple[IndicatorFigures, ...]:
    figures = []
    for indicator in programme.indicators:
        latest = indicator.latest_actual
        figures.append(
            IndicatorFigures(
                id=indicator.id,
                kind=indicator.kind.value,
                name=indicator.name.best("en"),
                unit=indicator.unit_label,
                target_group=indicator.target_group.value if indicator.target_group else None,
                target=indicator.target,
                target_date=indicator.target_date.isoformat() if indicator.target_date else None,
                actual=latest.value if latest else None,
                actual_as_of=latest.as_of.isoformat() if latest else None,
                achievement=achievement(indicator),
            )
        )
    return tuple(figures)


def _currency(budget: BudgetFigures, programme: Programme) -> str | None:
    if budget.total is not None:
        return str(budget.total.currency)
    if programme.budget is not None:
        for source in programme.budget.sources:
            if source.amount is not None:
                return str(source.amount.currency)
    return None


def build_report(
    programme: Programme, *, as_of: date | None = None, tables: ReferenceTables | None = None
) -> ProgrammeReport:
    """Compute every report figure of ``programme``.

    ``as_of`` adds the elapsed and remaining days and the share elapsed (nothing is assumed
    about today's date); ``tables`` overrides the reference tables (academic-hour lengths).

    >>> import capacitylib
    >>> cz = capacitylib.load_examples()[0]
    >>> r = build_report(cz)
    >>> r.duration.days, str(r.duration.calendar)
    (485, '1 year 4 months 0 days')
    >>> str(r.activities[ActivityKind.SUPERVISION_TEAM].clock_hours)
    '228-342'
    """
    with localcontext(WIDE):  # whatever the caller's decimal context
        return _report(programme, as_of, tables)


def _report(
    programme: Programme, as_of: date | None, tables: ReferenceTables | None
) -> ProgrammeReport:
    notes: list[str] = _assumptions(programme, tables)
    training = _training(programme, tables)
    notes += [
        f"person-hours of {t.activity} assume every participant attends all sessions of their "
        "group (an upper bound otherwise)"
        for t in training
        if t.person_hours is not None and _attendance_assumed(programme.activity(t.activity))
    ]
    budget = _budget(programme, tables, notes)
    return ProgrammeReport(
        id=programme.id,
        code=str(programme.code) if programme.code is not None else None,
        title=programme.title.best("en"),
        country=str(programme.country) if programme.country is not None else None,
        funding_instruments=tuple(i.value for i in programme.funding_instruments),
        currency=_currency(budget, programme),
        as_of=as_of,
        duration=_duration(programme, as_of),
        budget=budget,
        activities=activity_figures(programme, scope="achieved", tables=tables),
        activities_planned=activity_figures(programme, scope="planned", tables=tables),
        reach=reach(programme, scope="achieved"),
        reach_planned=reach(programme, scope="planned"),
        organisations_reached=organisations_reached(programme, scope="all"),
        municipalities_reached=municipalities_reached(programme, scope="all"),
        indicators=_indicators(programme),
        notes=tuple(notes),
        training=training,
    )


def render_reports_text(reports: list[ProgrammeReport]) -> str:
    """The text summaries of several programmes, separated by a blank line.

    >>> import capacitylib
    >>> text = render_reports_text([build_report(p) for p in capacitylib.load_examples()])
    >>> text.count("Activities (achieved):")
    6
    """
    return "\n\n".join(report.render_text() for report in reports)
