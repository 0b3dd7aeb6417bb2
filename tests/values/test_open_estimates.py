"""Open-ended figures: "at least 30", "more than 1 000", "up to 200"."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from capacitylib.testing import as_data
from capacitylib.testing._figures import quantities
from capacitylib.values import Estimate, Hours


def test_at_least_has_no_upper_bound():
    e = Estimate.model_validate({"min": 30, "at_least": True})
    assert e.max is None and not e.is_bounded
    assert str(e) == "at least 30"
    assert e.contains(10**9) and not e.contains(29)
    assert e.midpoint is None


def test_up_to_runs_from_zero():
    e = Estimate.model_validate({"max": 200, "up_to": True})
    assert (e.min, e.max) == (0, 200)
    assert str(e) == "up to 200"
    assert e.contains(0) and e.contains(200) and not e.contains(201)


def test_upper_refuses_an_open_figure_instead_of_inventing_one():
    with pytest.raises(ValueError, match="no upper bound"):
        _ = Estimate.minimum(30).upper
    assert Estimate.maximum(200).upper == 200


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"min": 30, "max": None}, "estimate_at_least_invalid"),
        ({"min": 3, "max": 40, "at_least": True}, "estimate_at_least_invalid"),
        ({"min": 3, "max": 40, "up_to": True}, "estimate_up_to_invalid"),
        ({"min": 3, "up_to": True}, "estimate_up_to_invalid"),
    ],
)
def test_contradictory_open_figures_are_refused(data, code):
    with pytest.raises(ValidationError) as info:
        Estimate.model_validate(data)
    assert [e["type"] for e in info.value.errors()] == [code]


def test_arithmetic_keeps_an_open_end_open():
    """At least 30 persons x 2-3 hours is at least 60 person-hours; x 0 is exactly 0."""
    at_least = Estimate.minimum(30)
    assert str(at_least * Estimate.range(2, 3)) == "at least 60"
    assert str(at_least + Estimate.exact(5)) == "at least 35"
    assert str(at_least * 0) == "0"
    assert str(Estimate.exact(120) / at_least) == "0-4"
    assert (at_least / 2).max is None


def test_hours_convert_with_their_open_end():
    h = Hours.model_validate({"min": 8, "at_least": True, "unit": "academic_hour"})
    clock = h.to_clock_hours(academic_hour_minutes=45)
    assert str(clock) == "at least 6" and clock.at_least
    up_to = Hours.model_validate({"max": 4, "up_to": True, "unit": "day"}).to_clock_hours()
    assert str(up_to) == "up to 32"


_OPEN = st.builds(
    lambda bound, value, approximate: bound(value, approximate=approximate),
    st.sampled_from([Estimate.minimum, Estimate.maximum]),
    quantities,
    st.booleans(),
)


@given(as_data(_OPEN))
def test_open_estimates_round_trip_through_json(data):
    """An open-ended figure is written and read back unchanged."""
    e = Estimate.model_validate(data)
    assert Estimate.model_validate_json(e.model_dump_json()) == e
    assert Estimate.model_validate(e.model_dump(mode="json", exclude_defaults=True)) == e
    assert e.min >= 0 and (e.max is None or e.max >= e.min)


def test_a_bare_number_is_still_exact():
    """Format 1.0 figures mean what they meant."""
    assert Estimate.model_validate(5) == Estimate.model_validate({"min": 5, "max": Decimal(5)})
    assert Estimate.model_validate({"min": 4}).max == 4
