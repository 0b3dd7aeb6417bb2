from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from capacitylib import CurrencyMismatchError, Money
from capacitylib.testing import money
from tests.strategies import money_amounts


def test_amount_keeps_its_stated_digits_through_json():
    """43940212.00 EUR stays exactly that through dump and load."""
    m = Money(amount=Decimal("43940212.00"), currency="EUR")
    text = m.model_dump_json()
    assert text == '{"amount":"43940212.00","currency":"EUR"}'
    back = Money.model_validate_json(text)
    assert str(back.amount) == "43940212.00"


def test_sum_of_money_works_and_refuses_mixed_currencies():
    """sum() adds amounts in one currency and refuses to mix currencies."""
    eur = [Money.of("1.10", "EUR"), Money.of("2.20", "EUR")]
    assert sum(eur) == Money.of("3.30", "EUR")
    with pytest.raises(CurrencyMismatchError, match="EUR and CZK"):
        _ = Money.of(1, "EUR") + Money.of(1, "CZK")


def test_float_amount_is_refused_with_a_clear_error():
    """A Python float cannot be an amount: the error names the rule and the value."""
    with pytest.raises(ValidationError) as info:
        Money(amount=0.1, currency="EUR")  # type: ignore[arg-type]
    err = info.value.errors()[0]
    assert err["type"] == "decimal_from_float"
    assert err["loc"] == ("amount",)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "1e40"])
def test_non_finite_or_huge_amounts_are_refused(bad):
    """NaN, infinities and absurd magnitudes are not amounts."""
    with pytest.raises(ValidationError):
        Money(amount=Decimal(bad), currency="EUR")


@pytest.mark.parametrize("code", ["EURO", "eur", "XYZ", ""])
def test_unknown_currency_is_refused(code):
    """Only ISO 4217 codes are currencies."""
    with pytest.raises(ValidationError):
        Money.model_validate({"amount": "1", "currency": code})


def test_withdrawn_currencies_of_the_field_are_accepted():
    """Litas and lats amounts from old records stay in their stated currency."""
    assert Money.of("1000", "LTL").currency == "LTL"
    assert Money.of("1000", "LVL").currency.info.withdrawn


def test_rounding_follows_the_currency_minor_unit():
    """EUR rounds to cents, ISK to whole kronur, half up."""
    assert Money.of("10.005", "EUR").rounded().amount == Decimal("10.01")
    assert Money.of("10.5", "ISK").rounded().amount == Decimal("11")


def test_allocate_sums_exactly():
    """Splitting 100.00 EUR in three gives 33.34 + 33.33 + 33.33."""
    parts = Money.of("100.00", "EUR").allocate([1, 1, 1])
    assert [p.amount for p in parts] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_allocate_refuses_sub_cent_amounts_and_bad_weights():
    with pytest.raises(ValueError, match="minor units"):
        Money.of("1.001", "EUR").allocate([1])
    with pytest.raises(ValueError, match="weights"):
        Money.of("1.00", "EUR").allocate([0, 0])


@given(money(min_amount=-(10**15), max_amount=10**15) | money(amounts=money_amounts))
def test_money_round_trips_through_json_and_python(m):
    """Any amount and currency survive JSON and Python dumps unchanged."""
    assert Money.model_validate_json(m.model_dump_json()) == m
    assert str(Money.model_validate_json(m.model_dump_json()).amount) == str(m.amount)
    assert Money.model_validate(m.model_dump()) == m


@given(
    st.decimals(min_value=0, max_value=Decimal("1e9"), places=2),
    st.lists(st.integers(0, 1000), min_size=1, max_size=12).filter(lambda w: sum(w) > 0),
)
def test_allocation_always_sums_exactly_and_stays_near_proportional(amount, weights):
    """Parts add up to the total and each is within one cent of its exact share."""
    total = Money.of(amount, "EUR")
    parts = total.allocate(weights)
    assert sum(p.amount for p in parts) == amount
    for part, weight in zip(parts, weights, strict=True):
        exact = amount * weight / sum(weights)
        assert abs(part.amount - exact) < Decimal("0.01")
