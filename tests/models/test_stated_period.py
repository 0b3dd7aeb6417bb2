"""Stated periods known to the month or the year, or by one end, and the choice among them."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from capacitylib import Programme, StatedPeriod
from capacitylib.values import PartialDate

MINIMAL = {"id": "p", "title": {"en": "P"}}


@pytest.mark.parametrize(
    ("start", "end", "span", "days"),
    [
        ("2021-03", "2027-06", (date(2021, 3, 1), date(2027, 6, 30)), "2254-2313"),
        ("2015", "2023", (date(2015, 1, 1), date(2023, 12, 31)), "2559-3287"),
        ("2016-11-01", "2018-02-28", (date(2016, 11, 1), date(2018, 2, 28)), "485"),
        (None, "2020-09-30", (None, date(2020, 9, 30)), None),
        ("2017-05", None, (date(2017, 5, 1), None), None),
    ],
)
def test_every_partial_date_form_is_a_period_end(start, end, span, days):
    """A period end may be a year, a month or a day, or absent; durations are ranges or unknown."""
    stated = StatedPeriod.model_validate({"start": start, "end": end})
    assert stated.span == span
    assert (None if stated.duration is None else str(stated.duration)) == days


def test_only_day_precise_periods_have_exact_days():
    """A month-precise period has no exact day count and no Period: nothing is guessed."""
    assert StatedPeriod(start="2021-03", end="2027-06").to_period() is None
    assert StatedPeriod(start="2021-03", end="2027-06").days is None
    exact = StatedPeriod(start="2016-11-01", end="2018-02-28").to_period()
    assert exact is not None and exact.days == 485
    open_end = StatedPeriod(start="2023-01-02").to_period()
    assert open_end is not None and open_end.end is None


@pytest.mark.parametrize(
    ("data", "code", "loc"),
    [
        ({}, "period_without_dates", ("periods", 0)),
        ({"start": "--05"}, "period_date_without_year", ("periods", 0)),
        ({"end": "2020", "stated_on": "--03-01"}, "period_date_without_year", ("periods", 0)),
        ({"start": "2021", "end": "2020-12"}, "period_end_before_start", ("periods", 0)),
        ({"start": "2021-01-32"}, "partial_date_invalid", ("periods", 0, "start")),
    ],
)
def test_bad_periods_are_refused_with_code_and_path(data, code, loc):
    with pytest.raises(ValidationError) as info:
        Programme.model_validate({**MINIMAL, "periods": [data]})
    [error] = info.value.errors()
    assert (error["type"], error["loc"]) == (code, loc)


def test_an_end_that_may_equal_the_start_is_accepted():
    """``2020-06 .. 2020`` may run from June to any later day of 2020."""
    stated = StatedPeriod(start="2020-06", end="2020")
    assert str(stated.duration) == "1-214"


def test_period_dates_still_compare_equal_to_dates():
    """Code written for format 1.0 compares a day-precise end with a ``date``."""
    stated = StatedPeriod(start="2016-11-01", end="2018-02-28")
    assert stated.start == date(2016, 11, 1)
    assert stated.end == PartialDate.parse("2018-02-28")
    assert {stated.start} == {date(2016, 11, 1)}


def test_the_latest_stated_revision_is_chosen_whatever_the_order():
    """Two versions of a funder page: the one stated later wins, in either list order."""
    early = {
        "start": "2019-05-16",
        "end": "2020-12-31",
        "status": "revised",
        "stated_on": "2020-01",
        "url": "https://example.org/v1",
    }
    late = {
        "start": "2019-05-16",
        "end": "2021-12-31",
        "status": "revised",
        "stated_on": "2020-06-15",
        "source": "decision of 2020-06-15",
    }
    for order in ([early, late], [late, early]):
        p = Programme.model_validate({**MINIMAL, "periods": order})
        assert p.stated_period is not None and p.stated_period.end == date(2021, 12, 31)
        assert p.period is not None and p.period.end == date(2021, 12, 31)


def test_effective_from_orders_revisions_without_a_statement_date():
    """ "Valid from 1 March 2020 extended the project to 31 December 2021"."""
    periods = [
        {
            "start": "2019-01-01",
            "end": "2021-12-31",
            "status": "revised",
            "effective_from": "2020-03-01",
        },
        {
            "start": "2019-01-01",
            "end": "2020-06-30",
            "status": "revised",
            "effective_from": "2019-06-01",
        },
    ]
    p = Programme.model_validate({**MINIMAL, "periods": periods})
    assert p.period is not None and p.period.end == date(2021, 12, 31)


def test_revisions_that_cannot_be_ordered_give_no_period():
    """Undated revisions with different ends: unknown, not the last one listed."""
    periods = [
        {"start": "2019-01-01", "end": "2020-12-31", "status": "revised"},
        {"start": "2019-01-01", "end": "2021-06-30", "status": "revised"},
    ]
    p = Programme.model_validate({**MINIMAL, "periods": periods})
    assert p.stated_period is None and p.period is None


def test_overlapping_statement_dates_do_not_order_versions():
    """``2020-03`` is not certainly later than ``2020-03-15``: no version wins."""
    periods = [
        {"start": "2019", "end": "2020", "status": "revised", "stated_on": "2020-03"},
        {"start": "2019", "end": "2021", "status": "revised", "stated_on": "2020-03-15"},
    ]
    assert Programme.model_validate({**MINIMAL, "periods": periods}).stated_period is None


def test_status_ranks_before_dates():
    """An actual period beats a later-stated plan."""
    periods = [
        {"start": "2019", "end": "2020", "status": "planned", "stated_on": "2024"},
        {"start": "2019-02", "end": "2020-11", "status": "actual", "stated_on": "2021"},
    ]
    chosen = Programme.model_validate({**MINIMAL, "periods": periods}).stated_period
    assert chosen is not None and str(chosen) == "2019-02..2020-11"


@st.composite
def _versions(draw):
    statuses = st.sampled_from([None, "planned", "revised", "actual"])
    days = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))
    out = []
    for _ in range(draw(st.integers(1, 4))):
        first, last = sorted((draw(days), draw(days)))
        version = {"start": first.isoformat(), "end": last.isoformat(), "status": draw(statuses)}
        if draw(st.booleans()):
            version["stated_on"] = draw(days).isoformat()
        out.append(version)
    return out


@given(_versions(), st.randoms(use_true_random=False))
def test_the_chosen_period_does_not_depend_on_list_order(versions, rnd):
    """Shuffling the stated versions never changes the period calculated with."""
    shuffled = list(versions)
    rnd.shuffle(shuffled)
    a = Programme.model_validate({**MINIMAL, "periods": versions})
    b = Programme.model_validate({**MINIMAL, "periods": shuffled})
    assert a.period == b.period
