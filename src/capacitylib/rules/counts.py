"""Stated counts against what the document lists or implies: partners, sessions, frequencies.

**Partners.** ``stated_partner_count`` is compared with the organisations listed in ``partners``
with role ``partner`` or ``associated_partner`` (distinct organisations); a source may count the
lead implementer too, so that count plus the lead implementers is also accepted. Silent when
``partners`` is empty. Each of ``stated_counts`` says what it counts and is compared with
exactly that: ``partners`` with the partners alone, ``partners_and_lead`` with the partners and
the lead implementers, ``countries`` with the distinct countries of those organisations (when
every one states its country). Silent when ``partners`` is empty or ``partner_groups`` names
partners only as a class.

**Sessions listed.** An activity's ``sessions_actual`` is compared with its ``sessions`` whose
status is not ``planned`` or ``cancelled``. Silent when no session is listed.

**Frequency.** An activity recurring every ``a..b`` units over a period of ``L`` whole units
(``L_low`` rounded down, ``L_high`` rounded up; see :func:`whole_units`) in ``g`` parallel
groups holds, per group,

* at most ``floor(L_high / a) + 1`` sessions: consecutive sessions are at least ``a`` apart;
* at least ``max(1, ceil(L_low / b) - 1)`` sessions: consecutive sessions are at most ``b``
  apart, and so are the start of the period and the first session, and the last session and
  the end;

and in all ``g.min`` times the first to ``g.max`` times the second. An approximate frequency
("cca") widens ``a..b`` to ``a * (1 - m)..b * (1 + m)`` with ``m`` =
``RuleOptions.approximate_margin``. The period is the activity's (else the programme's, when the
activity has none). A stated ``sessions_actual`` or ``sessions_planned`` whose range does not
overlap the implied one is reported.

Seed 001: supervision every cca 2-3 months over 2016-11-01..2018-02-28 (16 months) at 22 contact
points implies 4-11 sessions a group (5-9 without the widening), 88-242 in all; the 114 held lie
inside, so nothing is reported.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from capacitylib.codelists import ActivityStatus, CountSubject, PartnerRole
from capacitylib.errors import Loc
from capacitylib.models import Activity, Programme
from capacitylib.rules._calendar import plural, whole_units
from capacitylib.rules._context import HUGE, Context, Findings, finding
from capacitylib.values import Estimate, Period

_PARTNER_ROLES = frozenset({PartnerRole.PARTNER, PartnerRole.ASSOCIATED_PARTNER})
_NOT_HELD = frozenset({ActivityStatus.PLANNED, ActivityStatus.CANCELLED})


def check_counts(programme: Programme, ctx: Context) -> Findings:
    """Findings ``*_count_*`` of one programme."""
    yield from _partner_count(programme)
    yield from _stated_counts(programme, ctx)
    for i, activity in enumerate(programme.activities):
        if activity.status is ActivityStatus.CANCELLED:
            continue
        yield from _listed_sessions(activity, ("activities", i), ctx)
        yield from _frequency(activity, ("activities", i), ctx)


def _partner_count(programme: Programme) -> Findings:
    stated = programme.stated_partner_count
    if stated is None or not programme.partners:
        return
    partners = {p.organisation for p in programme.partners if p.role in _PARTNER_ROLES}
    leads = {
        p.organisation for p in programme.partners if p.role is PartnerRole.LEAD_IMPLEMENTER
    } - partners
    low, high = len(partners), len(partners) + len(leads)
    if low <= stated <= high:
        return
    listed = str(low) if low == high else f"{low} ({high} with the lead implementer)"
    yield finding(
        "partner_count_differs_from_listed",
        ("stated_partner_count",),
        f"'stated_partner_count' must equal the partners listed in 'partners', {listed} "
        f"(got {stated})",
        value=stated,
        listed_min=low,
        listed_max=high,
    )


def _listed(programme: Programme, subject: CountSubject) -> int | None:
    """What the document lists for ``subject``; ``None`` when it cannot tell."""
    partners = {p.organisation for p in programme.partners if p.role in _PARTNER_ROLES}
    leads = {
        p.organisation for p in programme.partners if p.role is PartnerRole.LEAD_IMPLEMENTER
    } - partners
    if subject is CountSubject.PARTNERS:
        return len(partners)
    if subject is CountSubject.PARTNERS_AND_LEAD:
        return len(partners | leads)
    if subject is CountSubject.COUNTRIES:
        members = partners | leads
        countries = {o.country for o in programme.organisations if o.id in members}
        known = all(o.country is not None for o in programme.organisations if o.id in members)
        return len(countries) if known else None
    return None


def _stated_counts(programme: Programme, ctx: Context) -> Findings:
    # Partners named only as a class, or no partners listed at all: the list is not the whole.
    if not programme.partners or programme.partner_groups:
        return
    for i, stated in enumerate(programme.stated_counts):
        listed = _listed(programme, stated.subject)
        if listed is None:
            continue
        low, high = _widened(stated.value, ctx)
        if low <= listed and (high is None or listed <= high):
            continue
        yield finding(
            "stated_count_differs_from_listed",
            ("stated_counts", i, "value"),
            f"'value' ({stated.subject.value}) must equal the {stated.subject.value} the "
            f"document lists, {listed} (got {stated.value})",
            value=str(stated.value),
            subject=stated.subject.value,
            listed=listed,
        )


def _widened(value: Estimate, ctx: Context) -> tuple[Decimal, Decimal | None]:
    """Bounds of ``value``, widened by the margin when approximate; ``None``: no upper bound."""
    if not value.approximate:
        return value.min, value.max
    margin = ctx.options.approximate_margin
    high = None if value.max is None else value.max * (1 + margin)
    return value.min * (1 - margin), high


def _listed_sessions(activity: Activity, at: Loc, ctx: Context) -> Findings:
    stated = activity.sessions_actual
    if stated is None or not activity.sessions:
        return
    held = sum(1 for s in activity.sessions if s.status not in _NOT_HELD)
    low, high = _widened(stated, ctx)
    if low <= held and (high is None or held <= high):
        return
    yield finding(
        "session_count_differs_from_listed",
        (*at, "sessions_actual"),
        f"'sessions_actual' must equal the sessions listed in 'sessions' that are not planned "
        f"or cancelled, {held} of {len(activity.sessions)} (got {stated})",
        value=str(stated),
        listed_held=held,
        listed=len(activity.sessions),
    )


def _frequency(activity: Activity, at: Loc, ctx: Context) -> Findings:
    frequency = activity.frequency
    if frequency is None or (
        activity.sessions_actual is None and activity.sessions_planned is None
    ):
        return
    period: Period | None = activity.period if activity.period is not None else ctx.period
    if period is None or period.end is None:
        return
    units = whole_units(period.start, period.end, frequency.unit)
    shortest, longest = _widened(frequency.every, ctx)
    if longest is None or longest <= 0:
        return  # "at least every 2 months" sets no lower bound on the sessions
    fewest = Decimal(units[0]) / longest
    if fewest >= HUGE:
        return  # every 10^-1000000 months: more sessions than any count can state
    per_group_min = max(1, _int(fewest, ROUND_CEILING) - 1)
    most = units[1] / shortest if shortest > 0 else None
    # A bound beyond any stated count is no bound (10^18 is the largest count accepted).
    per_group_max = None if most is None or most >= HUGE else _int(most, ROUND_FLOOR) + 1
    groups = activity.groups
    groups_min, groups_max = (groups.min, groups.max) if groups is not None else (1, 1)
    implied_min = per_group_min * groups_min
    implied_max = (
        None if per_group_max is None or groups_max is None else per_group_max * groups_max
    )
    for name in ("sessions_actual", "sessions_planned"):
        stated: Estimate | None = getattr(activity, name)
        if stated is None:
            continue
        if (stated.max is None or stated.max >= implied_min) and (
            implied_max is None or stated.min <= implied_max
        ):
            continue
        implied = f"{implied_min}-{implied_max}" if implied_max is not None else f"{implied_min}+"
        every = plural(str(frequency.every), frequency.unit, one=frequency.every.max == 1)
        yield finding(
            "session_count_outside_frequency_range",
            (*at, name),
            f"'{name}' must be within the {implied} sessions that 'frequency' (every {every}) "
            f"implies over {period} ({units[0]} whole {frequency.unit.value}s) for "
            f"{groups or 1} group(s) (got {stated})",
            value=str(stated),
            implied_min=implied_min,
            implied_max=implied_max,
            per_group_min=per_group_min,
            per_group_max=per_group_max,
            groups=str(groups or 1),
            period=str(period),
        )


def _int(value: Decimal, rounding: str) -> int:
    return int(value.to_integral_value(rounding=rounding))
