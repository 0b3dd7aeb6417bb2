"""Figures computed once per report: the memo build_report opens, and what it must not change."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings

from capacitylib import Programme
from capacitylib.calculators import (
    activity_clock_hours,
    activity_figures,
    build_report,
    hours_per_worker,
    person_hours,
    reach,
    session_count,
)
from capacitylib.calculators._memo import computed_once, once
from capacitylib.testing import programmes

AS_OF = date(2024, 6, 30)


class _Thing:
    """A plain object: equal to another of the same value, but a different object."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Thing) and other.value == self.value

    __hash__ = None  # type: ignore[assignment]


def _counting() -> tuple[list[tuple[_Thing, str]], Callable[..., tuple[int, str]]]:
    calls: list[tuple[_Thing, str]] = []

    @once
    def figure(thing: _Thing, *, scope: str = "achieved") -> tuple[int, str]:
        calls.append((thing, scope))
        return (thing.value, scope)

    return calls, figure


def test_a_figure_is_computed_once_inside_a_block_and_every_time_outside() -> None:
    """Inside computed_once() a repeated call returns the first result; outside, it recomputes."""
    calls, figure = _counting()
    thing = _Thing(1)
    with computed_once():
        first = figure(thing)
        assert figure(thing) is first
    assert len(calls) == 1
    figure(thing)
    figure(thing)
    assert len(calls) == 3


def test_a_default_and_the_same_value_given_share_one_result() -> None:
    """f(a) and f(a, scope="achieved") are one call when "achieved" is the default."""
    calls, figure = _counting()
    thing = _Thing(1)
    with computed_once():
        figure(thing)
        figure(thing, scope="achieved")
        figure(thing, scope="planned")
    assert [scope for _, scope in calls] == ["achieved", "planned"]


def test_equal_but_distinct_arguments_are_computed_separately() -> None:
    """Arguments are keyed by identity: an equal object never gets another's result."""
    calls, figure = _counting()
    with computed_once():
        figure(_Thing(1))
        figure(_Thing(1))
    assert len(calls) == 2


def test_an_argument_lives_as_long_as_the_memo_so_its_id_is_never_reused() -> None:
    """A memo entry keeps its arguments alive; a later object cannot take a cached id."""
    calls, figure = _counting()
    with computed_once():
        for value in range(200):
            # Each thing is dropped by the caller at once and freed by its reference count;
            # without the memo holding it, the next one would often get the same id and,
            # wrongly, its result.
            assert figure(_Thing(value)) == (value, "achieved")
    assert len(calls) == 200


def test_inner_blocks_share_the_outer_memo_and_the_memo_ends_with_the_block() -> None:
    """computed_once() is re-entrant; after the outer block ends, nothing is remembered."""
    calls, figure = _counting()
    thing = _Thing(1)
    with computed_once():
        figure(thing)
        with computed_once():
            figure(thing)
        figure(thing)
    assert len(calls) == 1
    with computed_once():
        figure(thing)
    assert len(calls) == 2


def test_the_memo_ends_when_the_block_raises() -> None:
    """An exception inside the block still drops the memo."""
    calls, figure = _counting()
    thing = _Thing(1)

    def fail() -> None:
        with computed_once():
            figure(thing)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail()
    with computed_once():
        figure(thing)
    assert len(calls) == 2


def test_wrong_arguments_raise_as_without_the_memo() -> None:
    """A missing or unknown argument is the function's own TypeError, memo or not."""
    _, figure = _counting()
    with computed_once():
        with pytest.raises(TypeError):
            figure()
        with pytest.raises(TypeError):
            figure(_Thing(1), colour="red")
        with pytest.raises(TypeError):
            figure(_Thing(1), "planned")
        thing = _Thing(1)
        figure(thing)
        with pytest.raises(TypeError):
            figure(thing, thing=thing)


def test_each_thread_has_its_own_memo() -> None:
    """A block in one thread does not memoize calls made in another thread."""
    calls, figure = _counting()
    thing = _Thing(1)
    with computed_once():
        figure(thing)
        worker = threading.Thread(target=lambda: [figure(thing), figure(thing)])
        worker.start()
        worker.join()
    assert len(calls) == 3


@settings(max_examples=30)
@given(programmes(max_activities=4))
def test_the_report_holds_the_figures_the_calculators_give_on_their_own(
    programme: Programme,
) -> None:
    """Every memoized figure in a report equals the calculator's own result outside a report."""
    report = build_report(programme, as_of=AS_OF)
    assert report.activities == activity_figures(programme, scope="achieved")
    assert report.activities_planned == activity_figures(programme, scope="planned")
    assert report.reach == reach(programme, scope="achieved")
    assert report.reach_planned == reach(programme, scope="planned")
    country = programme.country
    for t in report.training:
        activity = programme.activity(t.activity)
        assert t.hours_per_participant == hours_per_worker(activity, country=country)
        assert t.person_hours == person_hours(activity, country=country)
    for activity in programme.activities:
        for scope in ("achieved", "planned", "all"):
            with computed_once():
                inside = (
                    session_count(activity, scope=scope),
                    activity_clock_hours(activity, scope=scope, country=country),
                )
            outside = (
                session_count(activity, scope=scope),
                activity_clock_hours(activity, scope=scope, country=country),
            )
            assert inside == outside
    assert build_report(programme, as_of=AS_OF) == report
