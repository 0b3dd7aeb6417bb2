"""Arithmetic, comparison and helper methods of the value types."""

from datetime import date
from decimal import Decimal

import pytest

from capacitylib import CurrencyMismatchError, Estimate, Hours, LocalizedText, Money, PartialDate
from capacitylib.values.money import total


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def test_money_subtraction_multiplication_division_and_negation():
    assert eur("10.50") - eur("0.50") == eur("10.00")
    assert eur("2.50") * 3 == eur("7.50") == 3 * eur("2.50")
    assert eur("10.00") / 4 == eur("2.50")
    assert -eur("1.00") == eur("-1.00")
    assert eur("1.00") * Decimal("0.85") == eur("0.8500")


def test_money_refuses_other_operand_types():
    with pytest.raises(TypeError):
        _ = eur("1") + "1"  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = eur("1") - 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = eur("1") * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = eur("1") * True  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = eur("1") / 2.0  # type: ignore[operator]


def test_money_comparisons_within_one_currency():
    assert eur("1") < eur("2") <= eur("2") < eur("3")
    assert eur("3") > eur("2") >= eur("2")
    with pytest.raises(CurrencyMismatchError):
        _ = eur("1") < Money.of(1, "CZK")
    with pytest.raises(CurrencyMismatchError):
        _ = eur("1") - Money.of(1, "CZK")


def test_total_of_amounts():
    assert total([eur("1.10"), eur("2.20")]) == eur("3.30")
    assert total([]) is None
    assert total([], currency="PLN") == Money.of(0, "PLN")


def test_money_of_validates_the_currency():
    with pytest.raises(ValueError, match="ISO 4217"):
        Money.of(1, "XYZ")


def test_estimate_helpers():
    e = Estimate.range(2, 4)
    assert e.midpoint == 3
    assert e.contains(2) and e.contains(4) and not e.contains(5)
    assert not e.is_exact
    assert str(Estimate.exact(5)) == "5"
    assert 1 + e == Estimate.range(3, 5)
    assert 2 * e == Estimate.range(4, 8)


def test_estimate_refuses_non_numbers_and_negative_results():
    with pytest.raises(TypeError):
        _ = Estimate.exact(1) + 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Estimate.exact(1) + True  # type: ignore[operator]
    with pytest.raises(ValueError, match="invalid range"):
        _ = Estimate.exact(1) * -1
    with pytest.raises(TypeError, match="hours by hours"):
        _ = Hours.exact(1, unit="clock_hour") * Hours.exact(1, unit="clock_hour")


def test_hours_conversion_of_days_and_text():
    assert Hours.range(1, 2, unit="day").to_clock_hours() == Estimate.range(8, 16)
    assert Hours.exact(3, unit="day").to_clock_hours(hours_per_day=6) == Estimate.exact(18)
    assert (
        str(Hours.range(88, 100, unit="academic_hour", approximate=True)) == "cca 88-100 academic h"
    )
    assert str(Hours.exact(2, unit="day")) == "2 days"
    assert Hours.exact(2, unit="clock_hour") + 1 == Hours.exact(3, unit="clock_hour")


def test_localized_text_mapping_behaviour():
    t = LocalizedText({"lv": "Supervīzija", "en": "Supervision"})
    assert t["lv"] == "Supervīzija"
    assert "en" in t and "cs" not in t
    assert list(t) == ["en", "lv"] and len(t) == 2
    assert t.get("cs") is None and t.get("en") == "Supervision"
    assert t.languages == ("en", "lv")
    assert str(t) == "Supervision"
    assert LocalizedText({"lt": "Intervizija"}).best() == "Intervizija"


def test_partial_date_helpers():
    d = PartialDate(2019, 5, 16)
    assert d.to_date() == date(2019, 5, 16)
    assert PartialDate(2019, 5).to_date() is None
    assert d.has_year and not PartialDate(None, 3, 30).has_year
    assert repr(d) == "PartialDate('2019-05-16')"
    assert {d, PartialDate(2019, 5, 16)} == {d}
    assert d != "2019-05-16"
    with pytest.raises(AttributeError, match="immutable"):
        d.year = 2020  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((None, None, None), "a year or a month"),
        ((2019, None, 3), "a day needs a month"),
        ((0, 1, 1), "year out of range"),
        ((2019, 13, None), "month out of range"),
        ((2019, 2, 30), "day out of range"),
    ],
)
def test_partial_date_construction_is_checked(args, reason):
    with pytest.raises(ValueError, match=reason):
        PartialDate(*args)


def test_estimate_from_an_unusual_input_is_a_validation_error():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Estimate.model_validate([1, 2])


def test_open_period_covers_every_later_period():
    from capacitylib import Period

    ongoing = Period(start=date(2023, 1, 2))
    assert ongoing.covers(Period(start=date(2024, 1, 1), end=date(2030, 1, 1)))
    assert ongoing.covers(Period(start=date(2024, 1, 1)))
    assert not ongoing.covers(Period(start=date(2022, 12, 8)))
    closed = Period(start=date(2022, 12, 8), end=date(2026, 12, 31))
    assert not closed.covers(ongoing)
