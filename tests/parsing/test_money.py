"""Reading amounts of money (capacitylib.parsing.money)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capacitylib.parsing import AmountParseError, parse_money
from capacitylib.values import Money


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        # seed 000
        ("lt", "43 940 212,00 Eur", "43940212.00", "EUR"),
        # DOMAIN.md and the issue
        ("lv", "12 470 000 euro", "12470000", "EUR"),
        ("en", "43,940,212.00 EUR", "43940212.00", "EUR"),
        ("pl", "5 504 400,00 zł", "5504400.00", "PLN"),
        ("pl", "5\u00a0504\u00a0400,00 zł", "5504400.00", "PLN"),
        ("cs", "5\u2009504\u2009400,00 Kč", "5504400.00", "CZK"),
        ("cs", "5\u202f504\u202f400,00 CZK", "5504400.00", "CZK"),
        ("cs", "12 000,- Kč", "12000", "CZK"),
        ("lt", "43.940.212,00 EUR", "43940212.00", "EUR"),
        ("lt", "1 200 eurų", "1200", "EUR"),
        ("lt", "100 000 Lt", "100000", "LTL"),
        ("lv", "14 000 Ls", "14000", "LVL"),
        ("lv", "EUR 1 200,50", "1200.50", "EUR"),
        ("en", "€1,200", "1200", "EUR"),
        ("en", "1 200.5 NOK", "1200.5", "NOK"),
        ("lt", "-1 200,00 Eur", "-1200.00", "EUR"),
        ("lt", "12,50 Eur.", "12.50", "EUR"),
    ],
)
def test_amount_forms(lang: str, text: str, amount: str, currency: str) -> None:
    """Amounts read to the exact Decimal written, keeping trailing zeros, in their currency."""
    result = parse_money(text, lang=lang)  # type: ignore[arg-type]
    assert result == Money.of(amount, currency)
    assert str(result.amount) == amount
    assert isinstance(result.amount, Decimal)


def test_currency_argument_supplies_a_missing_currency() -> None:
    """A bare figure takes the caller's currency."""
    assert parse_money("43,940,212.00", lang="en", currency="EUR") == Money.of("43940212.00", "EUR")


def test_decimal_comma_versus_thousands_comma() -> None:
    """A comma is the decimal mark in lt, lv, cs and pl, and groups thousands in en."""
    assert parse_money("12,470 Eur", lang="lt").amount == Decimal("12.470")
    assert parse_money("12,470 EUR", lang="en").amount == Decimal("12470")


@pytest.mark.parametrize(
    ("lang", "text", "currency", "reason"),
    [
        ("lt", "1 200", None, "no currency"),
        ("lt", "1 200 Eur", "CZK", "the text says EUR, the caller CZK"),
        ("lv", "1 200 XYZ", None, "'XYZ' is not a currency"),
        ("lt", "12.50 Eur", None, "the decimal mark in lt"),
        ("lt", "43,940,212.00 EUR", None, "decimal mark in lt and appears twice"),
        ("lt", "abc", None, "not one figure"),
        ("lt", "1 200 – 1 500 Eur", None, "not one figure"),
        ("lt", "EUR 1 200 Eur", None, "both before and after"),
        ("en", "12,- EUR", None, "decimal mark"),
        ("lt", "10000000000000000000 Eur", None, "less than or equal"),
    ],
)
def test_amount_errors_name_the_input(
    lang: str, text: str, currency: str | None, reason: str
) -> None:
    """An amount that cannot be read raises AmountParseError naming the input and the reason."""
    with pytest.raises(AmountParseError) as caught:
        parse_money(text, lang=lang, currency=currency)  # type: ignore[arg-type]
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in str(caught.value)
    assert "expected a figure with a currency" in str(caught.value)
