"""Reach: participations and unique participants by target group and unit, and achievement.

Definitions, used by every function here:

* A *block* is one list of participations known to be disjoint: an activity's own
  ``participants``, or one listed session's ``participants`` when the activity lists none of its
  own. Entries of one block are different people (the 2 Daugavpils specialists and the 28 social
  workers of 16 other municipalities in the Latvian pilot); different blocks (other activities,
  other sessions) may share people.
* *Participations* of a target group in a unit: the sum of all stated counts, unique or not
  (one person at three sessions counts three times).
* *Unique* participants: within a block, the sum of counts marked ``unique``; across blocks, a
  range from the largest block (they may all be the same people) to the sum (they may all
  differ). ``None`` when any count involved is unknown or not marked unique.
* Counts in different units (persons, families, organisations, municipalities, ...) are never
  added; each (target group, unit) pair is its own figure.
* ``scope``: ``achieved`` (default) or ``planned`` figures, or ``all``; a planned activity's
  figures are plans (see :mod:`capacitylib.calculators._parts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, localcontext

from capacitylib.calculators._common import (
    EXACT,
    INCOMPUTABLE,
    Scope,
    divide_estimate,
    sum_known,
    unknown_when_incomputable,
)
from capacitylib.calculators._common import (
    figure as calculated,
)
from capacitylib.calculators._memo import once
from capacitylib.calculators._parts import activity_parts
from capacitylib.codelists import ReachUnit, TargetGroup
from capacitylib.models import Activity, Indicator, Participation, Programme
from capacitylib.values import Estimate

_NATURAL_UNITS = {
    TargetGroup.FAMILIES: ReachUnit.FAMILIES,
    TargetGroup.FAMILIES_AT_SOCIAL_RISK: ReachUnit.FAMILIES,
    TargetGroup.ORGANISATIONS: ReachUnit.ORGANISATIONS,
    TargetGroup.MUNICIPALITIES: ReachUnit.MUNICIPALITIES,
}

_GROUP_ORDER = {group: i for i, group in enumerate(TargetGroup)}
_UNIT_ORDER = {unit: i for i, unit in enumerate(ReachUnit)}


def natural_unit(group: TargetGroup) -> ReachUnit:
    """The unit a target group is counted in: families for families, else persons (or itself).

    >>> natural_unit(TargetGroup.FAMILIES_AT_SOCIAL_RISK).value
    'families'
    >>> natural_unit(TargetGroup.CHILDREN).value
    'persons'
    """
    return _NATURAL_UNITS.get(group, ReachUnit.PERSONS)


@dataclass(frozen=True, slots=True)
class ReachFigure:
    """Reach of one target group in one unit: participations and unique participants.

    Either figure is ``None`` when the data do not give it (never 0 for unknown).

    >>> import capacitylib
    >>> pilot = capacitylib.load_examples()[5]
    >>> [(f.group.value, f.unit.value, str(f.participations), str(f.unique)) for f in reach(pilot)]
    [('social_workers', 'persons', '32', '30-32')]
    """

    group: TargetGroup
    unit: ReachUnit
    participations: Estimate | None
    unique: Estimate | None


Key = tuple[TargetGroup, ReachUnit]


def _blocks(activities: Iterable[Activity], scope: Scope) -> Iterator[tuple[Participation, ...]]:
    for activity in activities:
        for part in activity_parts(activity, scope):
            for block, _ in part.blocks():
                yield block


def _block_figures(block: tuple[Participation, ...]) -> dict[Key, tuple[Estimate | None, bool]]:
    """Per key: the block's sum of counts, and whether every count is known and unique."""
    counts: dict[Key, list[Participation]] = {}
    for participation in block:
        counts.setdefault((participation.group, participation.unit), []).append(participation)
    return {
        key: (_sum([p.count for p in entries]), all(p.unique for p in entries))
        for key, entries in counts.items()
    }


def _combine(blocks: Iterable[tuple[Participation, ...]]) -> tuple[ReachFigure, ...]:
    participations: dict[Key, list[Estimate | None]] = {}
    uniques: dict[Key, list[Estimate | None]] = {}
    for block in blocks:
        for key, (count, unique) in _block_figures(block).items():
            participations.setdefault(key, []).append(count)
            uniques.setdefault(key, []).append(count if unique else None)
    figures = []
    for key in sorted(participations, key=lambda k: (_GROUP_ORDER[k[0]], _UNIT_ORDER[k[1]])):
        figures.append(
            ReachFigure(
                group=key[0],
                unit=key[1],
                participations=_sum(participations[key]),
                unique=_union(uniques[key]),
            )
        )
    return tuple(figures)


def _sum(counts: list[Estimate | None]) -> Estimate | None:
    """:func:`sum_known`, or ``None`` when the sum cannot be computed exactly."""
    try:
        return sum_known(counts)
    except INCOMPUTABLE:
        return None


def _union(counts: list[Estimate | None]) -> Estimate | None:
    """Distinct members of several blocks that may overlap: largest block .. sum of blocks."""
    known = [c for c in counts if c is not None]
    if len(known) != len(counts) or not known:
        return None
    high: Decimal | None = None
    if all(c.max is not None for c in known):
        try:
            with localcontext(EXACT):
                high = sum((c.max for c in known if c.max is not None), start=Decimal(0))
        except INCOMPUTABLE:
            return None
    return calculated(
        max(c.min for c in known), high, approximate=any(c.approximate for c in known)
    )


def activity_reach(activity: Activity, *, scope: Scope = "achieved") -> tuple[ReachFigure, ...]:
    """Reach of one activity per (target group, unit), in codelist order.

    See the module docstring for the definitions. Unit: the pair's unit; counts exact as stated.

    >>> pilot = Activity(id="pilot", kind="pilot", status="completed", participants=[
    ...     {"group": "social_workers", "count": 2, "unique": True},
    ...     {"group": "social_workers", "count": 28, "unique": True}])
    >>> [(f.group.value, f.unit.value, str(f.unique)) for f in activity_reach(pilot)]
    [('social_workers', 'persons', '30')]
    """
    return _combine(_blocks([activity], scope))


@once
def reach(programme: Programme, *, scope: Scope = "achieved") -> tuple[ReachFigure, ...]:
    """Reach of a programme per (target group, unit), over all its activities.

    Unique participants across activities form a range (largest activity .. sum of activities)
    since the same people may take part in several activities: in the Latvian ESF pilot the 2
    Daugavpils specialists of the May training are among the pilot's 30, so the programme reaches
    30-32 unique social workers by this definition, with 32 participations.

    >>> p = Programme(id="p", title={"en": "P"}, activities=[
    ...     {"id": "a", "kind": "pilot", "participants": [
    ...         {"group": "social_workers", "count": 30, "unique": True}]},
    ...     {"id": "b", "kind": "training_course", "participants": [
    ...         {"group": "social_workers", "count": 2, "unique": True}]}])
    >>> [(str(f.participations), str(f.unique)) for f in reach(p)]
    [('32', '30-32')]
    """
    return _combine(_blocks(programme.activities, scope))


def reach_by_group(
    programme: Programme, *, scope: Scope = "achieved"
) -> dict[TargetGroup, Estimate | None]:
    """Unique participants per target group, in the group's :func:`natural_unit`.

    Every group with a participation in ``scope`` has a key; its value is ``None`` when the
    unique figure in the natural unit is unknown (a count missing or not marked unique, or the
    group counted only in other units, such as crisis-intervention *cases* of families).

    >>> p = Programme(id="p", title={"en": "P"}, activities=[
    ...     {"id": "a", "kind": "pilot", "participants": [
    ...         {"group": "families_at_social_risk", "count": 48, "unit": "families",
    ...          "unique": True},
    ...         {"group": "social_workers"}]}])
    >>> {g.value: (None if v is None else str(v)) for g, v in reach_by_group(p).items()}
    {'social_workers': None, 'families_at_social_risk': '48'}
    """
    return natural_unit_figures(reach(programme, scope=scope))


def natural_unit_figures(
    figures: Iterable[ReachFigure], *, unique: bool = True
) -> dict[TargetGroup, Estimate | None]:
    """Per target group of ``figures``: unique participants (or participations) in its natural unit.

    Every group has a key, in the order of ``figures``; ``None`` when the group has no known
    figure in its :func:`natural_unit`.

    >>> figures = [ReachFigure(TargetGroup.FAMILIES, ReachUnit.CASES, Estimate.exact(5), None)]
    >>> natural_unit_figures(figures)
    {<TargetGroup.FAMILIES: 'families'>: None}
    """
    result: dict[TargetGroup, Estimate | None] = {}
    for figure in figures:
        if figure.unit is natural_unit(figure.group):
            result[figure.group] = figure.unique if unique else figure.participations
        else:
            result.setdefault(figure.group, None)
    return result


def _participations_of(
    programme: Programme, scope: Scope, activity: str | None
) -> Iterator[Participation]:
    activities = programme.activities if activity is None else (programme.activity(activity),)
    for block in _blocks(activities, scope):
        yield from block


def organisations_reached(
    programme: Programme, *, scope: Scope = "achieved", activity: str | None = None
) -> tuple[str, ...]:
    """Ids of the organisations named in participations (distinct, in document order).

    Only organisations the document identifies; a count in unit ``organisations`` is in
    :func:`reach`. ``activity`` limits it to one activity id (``KeyError`` if absent).

    >>> p = Programme(id="p", title={"en": "P"},
    ...     organisations=[{"id": "sd", "name": {"lv": "SD"}, "kind": "municipal_social_service"}],
    ...     activities=[{"id": "a", "kind": "pilot", "participants": [
    ...         {"group": "social_workers", "count": 2, "organisations": ["sd"]}]}])
    >>> organisations_reached(p)
    ('sd',)
    """
    seen: dict[str, None] = {}
    for participation in _participations_of(programme, scope, activity):
        for org in participation.organisations:
            seen.setdefault(org, None)
    return tuple(seen)


def municipalities_reached(
    programme: Programme, *, scope: Scope = "achieved", activity: str | None = None
) -> tuple[str, ...]:
    """Names of the municipalities reached (distinct, in document order).

    The municipalities named in participations, plus the ``municipality`` of each organisation
    named in them. Names are compared as written, after trimming white space ("Valmiera" and
    "Valmieras novads" are two names). ``activity`` limits it to one activity id.

    >>> p = Programme(id="p", title={"en": "P"},
    ...     organisations=[{"id": "sd", "name": {"lv": "SD"}, "kind": "municipal_social_service",
    ...                     "municipality": "Daugavpils"}],
    ...     activities=[{"id": "a", "kind": "pilot", "participants": [
    ...         {"group": "social_workers", "count": 2, "organisations": ["sd"]},
    ...         {"group": "social_workers", "count": 28, "municipalities": ["Saldus novads"]}]}])
    >>> municipalities_reached(p)
    ('Daugavpils', 'Saldus novads')
    """
    municipality_of = {
        org.id: org.municipality.strip() for org in programme.organisations if org.municipality
    }
    seen: dict[str, None] = {}
    for participation in _participations_of(programme, scope, activity):
        for org in participation.organisations:
            if org in municipality_of:
                seen.setdefault(municipality_of[org], None)
        for name in participation.municipalities:
            seen.setdefault(name.strip(), None)
    return tuple(seen)


@unknown_when_incomputable
def achievement(indicator: Indicator) -> Estimate | None:
    """Achievement of an indicator: latest actual / target, as a fraction (1 is 100%).

    A range in either figure gives a range (``actual.min / target.max .. actual.max /
    target.min``). ``None`` when there is no target, no actual, or the target may be 0.
    Unit: a fraction, 28 significant digits, half-even; round for display.

    >>> i = Indicator(id="trained", kind="output", name={"en": "Trained"}, unit="persons",
    ...               target=14, actuals=[{"value": 7, "as_of": "2014-06"}])
    >>> str(achievement(i))
    '0.5'
    """
    latest = indicator.latest_actual
    target = indicator.target
    if latest is None or target is None or target.min <= 0:
        return None
    return divide_estimate(latest.value, target)
