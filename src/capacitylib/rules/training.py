"""Training hours per social worker against the country's CPD minimum.

Applies where the hours per worker are known: an activity (not cancelled, of a learning kind)
with ``hours_per_participant`` and participants of a social-work group
(``RuleOptions.cpd_groups``). The minimum is :meth:`ReferenceTables.cpd_hours_per_year` of the
programme's country; ``None`` (no requirement known: PL, EE, SK, any other country) reports
nothing.

Pro rata, after CZ Act 108/2006 Coll. §111(1) (1/12 of the annual hours per month): each calendar
month the activity's span touches counts as one twelfth of the annual minimum, so 2019-05-16..
2019-10-31 needs 6/12 of it and 2016-11-01..2018-02-28 needs 16/12. The span is the activity's
closed ``period``, else the first to the last day its ``dates`` may denote, else the programme
period. Simplifications, stated so: absences, probation and the 8-hour cap on employer training
events are not modelled, and each activity is judged alone (a worker may attend several).

Hours convert to clock hours with the stated academic-hour length, else
:meth:`ReferenceTables.academic_hour_minutes` of the country (no length known: silent); days
with ``RuleOptions.hours_per_day``. Only a maximum below the minimum is reported, and as
``info``: the duty is met over all of a worker's training, of which one programme is a part.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from capacitylib.codelists import ActivityKind, ActivityStatus, HoursUnit
from capacitylib.models import Activity, Programme
from capacitylib.rules._context import Context, Findings, finding

#: Activities that are not learning for the workers taking part.
_NOT_LEARNING = frozenset(
    {
        ActivityKind.SERVICE_PROVISION,
        ActivityKind.EQUIPMENT,
        ActivityKind.MANAGEMENT,
        ActivityKind.PUBLICATION,
        ActivityKind.DISSEMINATION,
        ActivityKind.EVALUATION,
        ActivityKind.METHODOLOGY_DEVELOPMENT,
    }
)
_TENTH = Decimal("0.1")


def check_training(programme: Programme, ctx: Context) -> Findings:
    """Findings ``training_hours_below_cpd_minimum`` of one programme."""
    country = programme.country
    annual = ctx.tables.cpd_hours_per_year(country)
    if annual is None:
        return
    for i, activity in enumerate(programme.activities):
        hours = activity.hours_per_participant
        if (
            hours is None
            or activity.status is ActivityStatus.CANCELLED
            or activity.kind in _NOT_LEARNING
            or not any(p.group in ctx.options.cpd_groups for p in activity.participants)
        ):
            continue
        span = _span(activity, ctx)
        factor = _clock_factor(hours.unit, hours.academic_hour_minutes, country, ctx)
        if span is None or factor is None:
            continue
        months = (span[1].year - span[0].year) * 12 + span[1].month - span[0].month + 1
        required = annual * months / 12
        if hours.max is None:
            continue  # "at least N hours": no shortfall can be shown
        clock_max = hours.max * factor
        if clock_max >= required:
            continue
        clock = f"{_tidy(hours.min * factor)}-{_tidy(clock_max)}"
        if hours.is_exact:
            clock = _tidy(clock_max)
        yield finding(
            "training_hours_below_cpd_minimum",
            ("activities", i, "hours_per_participant"),
            f"'hours_per_participant' must reach the {country} CPD minimum of {_tidy(annual)} h a "
            f"year, {_tidy(required)} h pro rata for the {months} calendar month(s) of "
            f"{span[0].isoformat()}..{span[1].isoformat()} (got {hours} = {clock} clock hours)",
            value=str(hours),
            clock_hours=clock,
            required_hours=_tidy(required),
            annual_hours=_tidy(annual),
            months=months,
            country=str(country),
        )


def _span(activity: Activity, ctx: Context) -> tuple[date, date] | None:
    if activity.period is not None:
        if activity.period.end is None:
            return None
        return activity.period.start, activity.period.end
    if activity.dates:
        spans = [d.interval() for d in activity.dates]
        known = [s for s in spans if s is not None]
        if len(known) != len(spans):
            return None
        return min(s[0] for s in known), max(s[1] for s in known)
    if ctx.period is not None and ctx.period.end is not None:
        return ctx.period.start, ctx.period.end
    return None


def _clock_factor(
    unit: HoursUnit, stated_minutes: int | None, country: str | None, ctx: Context
) -> Decimal | None:
    if unit is HoursUnit.CLOCK_HOUR:
        return Decimal(1)
    if unit is HoursUnit.DAY:
        return ctx.options.hours_per_day
    minutes = stated_minutes or ctx.tables.academic_hour_minutes(country)
    return None if minutes is None else Decimal(minutes) / 60


def _tidy(value: Decimal) -> str:
    """A figure for messages, to a tenth of an hour, rounded half up (11.25 is 11.3)."""
    rounded = value.quantize(_TENTH, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return str(int(rounded))
    return f"{rounded.normalize():f}"
