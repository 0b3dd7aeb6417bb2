from decimal import Decimal

import pytest
from hypothesis import given
from pydantic import ValidationError

from capacitylib import Estimate, Hours
from tests.strategies import estimates, hours


def test_bare_number_is_an_exact_estimate():
    """A plain number in a document means min == max."""
    e = Estimate.model_validate(28)
    assert (e.min, e.max, e.is_exact) == (Decimal(28), Decimal(28), True)


def test_missing_max_equals_min():
    assert Estimate.model_validate({"min": 5}).max == Decimal(5)


def test_min_above_max_is_refused_with_its_code():
    """'3-2 hours' is not a range: the error has a stable code and both values."""
    with pytest.raises(ValidationError) as info:
        Estimate.model_validate({"min": 3, "max": 2})
    err = info.value.errors()[0]
    assert err["type"] == "estimate_min_above_max"
    assert err["ctx"] == {"min": "3", "max": "2"}


def test_negative_counts_are_refused():
    with pytest.raises(ValidationError):
        Estimate.model_validate({"min": -1, "max": 2})


def test_supervision_hours_seed_figure():
    """114 supervision meetings of 2-3 hours are 228-342 hours, still in clock hours."""
    total = Estimate.exact(114) * Hours.range(2, 3, unit="clock_hour")
    assert isinstance(total, Hours)
    assert (total.min, total.max, total.unit.value) == (228, 342, "clock_hour")


def test_academic_hours_convert_to_clock_hours():
    """8 academic hours are 6 clock hours at 45 minutes; 88-100 are 66-75."""
    assert Hours.exact(8, unit="academic_hour").to_clock_hours(academic_hour_minutes=45) == (
        Estimate.exact(6)
    )
    pilot = Hours.range(88, 100, unit="academic_hour").to_clock_hours(academic_hour_minutes=45)
    assert (pilot.min, pilot.max) == (66, 75)


def test_academic_hours_need_a_length():
    with pytest.raises(ValueError, match="length of an academic hour"):
        Hours.exact(8, unit="academic_hour").to_clock_hours()


def test_stated_academic_minutes_win():
    h = Hours.model_validate({"min": 3, "unit": "academic_hour", "academic_hour_minutes": 40})
    assert h.to_clock_hours(academic_hour_minutes=45).min == 2


def test_minutes_only_with_academic_unit():
    with pytest.raises(ValidationError) as info:
        Hours.model_validate({"min": 3, "unit": "clock_hour", "academic_hour_minutes": 45})
    assert info.value.errors()[0]["type"] == "hours_minutes_without_academic_unit"


def test_hours_in_different_units_do_not_add():
    with pytest.raises(ValueError, match="different units"):
        _ = Hours.exact(1, unit="clock_hour") + Hours.exact(1, unit="academic_hour")


def test_division_by_a_range_swaps_bounds():
    """100 / 2..4 is 25..50."""
    result = Estimate.exact(100) / Estimate.range(2, 4)
    assert (result.min, result.max) == (25, 50)
    with pytest.raises(ZeroDivisionError):
        _ = Estimate.exact(1) / Estimate.range(0, 2)


def test_approximate_spreads_through_arithmetic():
    assert (Estimate.exact(2) + Estimate.exact(3, approximate=True)).approximate


@given(estimates(), estimates())
def test_arithmetic_keeps_bounds_ordered_and_contains_point_results(a, b):
    """Sum and product of ranges contain every sum and product of their points."""
    x, y = Estimate.model_validate(a), Estimate.model_validate(b)
    # An open end ("at least 30") stands for any larger point: try one far above the minimum.
    x_high = x.max if x.max is not None else x.min + 10**6
    y_high = y.max if y.max is not None else y.min + 10**6
    for result, op in ((x + y, Decimal.__add__), (x * y, Decimal.__mul__)):
        assert result.max is None or result.min <= result.max
        assert result.contains(op(x.min, y.min))
        assert result.contains(op(x_high, y_high))


@given(estimates())
def test_estimate_round_trips(a):
    e = Estimate.model_validate(a)
    assert Estimate.model_validate_json(e.model_dump_json()) == e
    assert Estimate.model_validate(e.model_dump()) == e


@given(hours())
def test_hours_round_trip_and_convert_in_order(h):
    value = Hours.model_validate(h)
    assert Hours.model_validate_json(value.model_dump_json()) == value
    clock = value.to_clock_hours(academic_hour_minutes=45)
    assert clock.max is None or clock.min <= clock.max
    assert (clock.max is None) is (value.max is None)
