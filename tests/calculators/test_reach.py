"""Reach: participations and unique participants by target group and unit, and achievement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import Activity, Estimate, Indicator, Programme, ReachUnit, TargetGroup
from capacitylib.calculators import (
    achievement,
    activity_reach,
    municipalities_reached,
    natural_unit,
    organisations_reached,
    reach,
    reach_by_group,
)

from .strategies import activities, estimates


def _example(programme_id: str) -> Programme:
    return next(p for p in capacitylib.load_examples() if p.id == programme_id)


def _pair(value: Estimate | None) -> tuple[object, object] | None:
    return None if value is None else (value.min, value.max)


LV_ESF = "lv-9.2.1.1-15-I-001"


def test_lv_pilot_reaches_30_social_workers() -> None:
    """The Latvian pilot: 2 Daugavpils specialists plus 28 social workers make 30 unique."""
    pilot = _example(LV_ESF).activity("violence-methodology-pilot")
    (figure,) = activity_reach(pilot)
    assert (figure.group, figure.unit) == (TargetGroup.SOCIAL_WORKERS, ReachUnit.PERSONS)
    assert _pair(figure.unique) == (30, 30)
    assert _pair(figure.participations) == (30, 30)


def test_lv_pilot_reaches_17_municipalities() -> None:
    """The pilot reaches Daugavpils and 16 other municipalities: 17."""
    programme = _example(LV_ESF)
    names = municipalities_reached(programme, activity="violence-methodology-pilot")
    assert len(names) == 17
    assert names[0] == "Daugavpils"
    assert "Valmiera" in names
    assert organisations_reached(programme) == ("daugavpils-sd",)


def test_lv_programme_unique_is_a_range_across_activities() -> None:
    """Across activities the same people may return: 30-32 unique, 32 participations."""
    (figure,) = reach(_example(LV_ESF))
    assert _pair(figure.unique) == (30, 32)
    assert _pair(figure.participations) == (32, 32)


def test_planned_reach_is_reported_apart() -> None:
    """A project page of plans has no achieved reach; its planned reach keeps the targets."""
    programme = _example("lv-2012.EEZ-PP-1-MEC-132")
    assert reach(programme) == ()
    planned = reach_by_group(programme, scope="planned")
    assert _pair(planned[TargetGroup.FAMILIES_AT_SOCIAL_RISK]) == (48, 48)
    assert _pair(planned[TargetGroup.SOCIAL_WORKERS]) is None  # 14 trained, but not all unique
    assert planned[TargetGroup.ORGANISATIONS] is None  # 80 newsletter recipients, not unique
    figures = {(f.group, f.unit): f for f in reach(programme, scope="planned")}
    seminars = figures[(TargetGroup.PROFESSIONALS_OTHER, ReachUnit.PERSONS)]
    assert _pair(seminars.participations) == (100, 100)
    assert seminars.unique is None


def test_units_are_never_added() -> None:
    """Daugavpils families counted as families and as cases stay two figures."""
    figures = {(f.group, f.unit): f for f in reach(_example("lv-daugavpils-social-services-2018"))}
    families = figures[(TargetGroup.FAMILIES, ReachUnit.FAMILIES)]
    cases = figures[(TargetGroup.FAMILIES, ReachUnit.CASES)]
    assert _pair(families.participations) == (24, 24)
    assert _pair(families.unique) == (12, 24)
    assert _pair(cases.participations) == (5, 5)
    assert cases.unique is None
    by_group = reach_by_group(_example("lv-daugavpils-social-services-2018"))
    assert _pair(by_group[TargetGroup.FAMILIES]) == (12, 24)
    assert _pair(by_group[TargetGroup.CHILDREN]) == (37, 37)


def test_unknown_counts_stay_unknown() -> None:
    """The CZ supervision states no number of workers: reach is None, never 0."""
    by_group = reach_by_group(_example("cz-up-msk-supervision"))
    assert by_group == {TargetGroup.SOCIAL_WORKERS: None, TargetGroup.PROFESSIONALS_OTHER: None}


def test_sessions_give_participations() -> None:
    """Counts listed per session are participations; unique persons span a range."""
    a = Activity.model_validate(
        {
            "id": "w",
            "kind": "workshop",
            "sessions": [
                {"date": "2020-01", "participants": [{"group": "social_workers", "count": 10}]},
                {"date": "2020-02", "participants": [{"group": "social_workers", "count": 12}]},
            ],
        }
    )
    (figure,) = activity_reach(a)
    assert _pair(figure.participations) == (22, 22)
    assert figure.unique is None
    unique = a.model_copy(
        update={
            "sessions": tuple(
                s.model_copy(
                    update={
                        "participants": tuple(
                            p.model_copy(update={"unique": True}) for p in s.participants
                        )
                    }
                )
                for s in a.sessions
            )
        }
    )
    (figure,) = activity_reach(unique)
    assert _pair(figure.unique) == (12, 22)


def test_planned_sessions_are_planned_reach() -> None:
    """Participants of a planned session count as planned, not achieved."""
    a = Activity.model_validate(
        {
            "id": "w",
            "kind": "workshop",
            "status": "ongoing",
            "sessions": [
                {"date": "2020-01", "participants": [{"group": "children", "count": 10}]},
                {
                    "date": "2020-02",
                    "status": "planned",
                    "participants": [{"group": "children", "count": 7}],
                },
            ],
        }
    )
    (achieved,) = activity_reach(a)
    (planned,) = activity_reach(a, scope="planned")
    (both,) = activity_reach(a, scope="all")
    assert _pair(achieved.participations) == (10, 10)
    assert _pair(planned.participations) == (7, 7)
    assert _pair(both.participations) == (17, 17)


@pytest.mark.parametrize("group", list(TargetGroup))
def test_natural_units(group: TargetGroup) -> None:
    """Families are counted in families, organisations and municipalities in themselves."""
    expected = {
        TargetGroup.FAMILIES: ReachUnit.FAMILIES,
        TargetGroup.FAMILIES_AT_SOCIAL_RISK: ReachUnit.FAMILIES,
        TargetGroup.ORGANISATIONS: ReachUnit.ORGANISATIONS,
        TargetGroup.MUNICIPALITIES: ReachUnit.MUNICIPALITIES,
    }.get(group, ReachUnit.PERSONS)
    assert natural_unit(group) is expected


def test_municipalities_of_named_organisations_count() -> None:
    """An organisation's municipality counts as reached, once, with names trimmed."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "organisations": [
                {"id": "a", "name": {"lv": "A"}, "kind": "ngo", "municipality": "Rīga"},
                {"id": "b", "name": {"lv": "B"}, "kind": "ngo"},
            ],
            "activities": [
                {
                    "id": "x",
                    "kind": "seminar",
                    "participants": [
                        {"group": "social_workers", "organisations": ["a", "b"]},
                        {"group": "social_workers", "municipalities": [" Rīga ", "Jūrmala"]},
                    ],
                },
                {
                    "id": "y",
                    "kind": "seminar",
                    "status": "planned",
                    "participants": [{"group": "social_workers", "municipalities": ["Ogre"]}],
                },
            ],
        }
    )
    assert organisations_reached(programme) == ("a", "b")
    assert municipalities_reached(programme) == ("Rīga", "Jūrmala")
    assert municipalities_reached(programme, scope="all") == ("Rīga", "Jūrmala", "Ogre")
    with pytest.raises(KeyError):
        municipalities_reached(programme, activity="missing")


def _indicator(target: object, actuals: list[dict[str, object]]) -> Indicator:
    return Indicator.model_validate(
        {
            "id": "i",
            "kind": "output",
            "name": {"en": "I"},
            "unit": "persons",
            "target": target,
            "actuals": actuals,
        }
    )


def test_achievement() -> None:
    """Achievement is the latest actual over the target; ranges give ranges."""
    assert _pair(achievement(_indicator(14, [{"value": 7, "as_of": "2014-06"}]))) == (
        Decimal("0.5"),
        Decimal("0.5"),
    )
    latest = _indicator(100, [{"value": 90, "as_of": "2015-04"}, {"value": 40, "as_of": "2014-06"}])
    assert _pair(achievement(latest)) == (Decimal("0.9"), Decimal("0.9"))
    ranged = _indicator(
        {"min": 80, "max": 100}, [{"value": {"min": 40, "max": 60}, "as_of": "2015"}]
    )
    assert _pair(achievement(ranged)) == (Decimal("0.4"), Decimal("0.75"))


@pytest.mark.parametrize(
    ("target", "actuals"),
    [(None, [{"value": 7, "as_of": "2014"}]), (14, []), (0, [{"value": 3, "as_of": "2014"}])],
)
def test_achievement_unknown(target: object, actuals: list[dict[str, object]]) -> None:
    """No target, no actual or a target that may be 0 give None."""
    assert achievement(_indicator(target, actuals)) is None


def test_seed_indicators_have_no_actuals() -> None:
    """The seed indicators are targets only: achievement is None for each."""
    for programme in capacitylib.load_examples():
        for indicator in programme.indicators:
            assert achievement(indicator) is None


# --- properties ---------------------------------------------------------------------------


@pytest.mark.slow
@given(st.lists(activities(), max_size=4), st.sampled_from(["achieved", "planned", "all"]))
def test_reach_figures_are_ordered(acts: list[Activity], scope: str) -> None:
    """Unique participants never exceed participations, and every range has min <= max."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "activities": [
                a.model_copy(update={"id": f"a{i}"}).model_dump(exclude_none=True)
                for i, a in enumerate(acts)
            ],
        }
    )
    keys = set()
    for figure in reach(programme, scope=scope):  # type: ignore[arg-type]
        keys.add((figure.group, figure.unit))
        for value in (figure.participations, figure.unique):
            assert value is None or value.min <= value.max
        if figure.unique is not None and figure.participations is not None:
            assert figure.unique.max <= figure.participations.max
            assert figure.unique.min <= figure.participations.min
    assert len(keys) == len(reach(programme, scope=scope))  # type: ignore[arg-type]


@given(estimates(), estimates(positive=True))
def test_achievement_is_ordered(actual: Estimate, target: Estimate) -> None:
    """Achievement has min <= max and contains actual/target for every choice of bounds."""
    indicator = _indicator(
        {"min": target.min, "max": target.max},
        [{"value": {"min": actual.min, "max": actual.max}, "as_of": "2020"}],
    )
    result = achievement(indicator)
    assert result is not None
    assert result.min <= result.max
    for a in (actual.min, actual.max):
        for t in (target.min, target.max):
            ratio = a / t
            assert result.min - Decimal("1e-20") <= ratio <= result.max + Decimal("1e-20")
