"""Round trips through CLDR: what babel writes in each EU language reads back to the same value.

babel writes the dates (every medium and long date pattern, and the month-year and day-month
skeletons) and the grouped figures; the parsers read them with the language's CLDR tables.
The examples per language are few (the profile in conftest.py sets the rest), so that the 24
languages stay fast.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib.parsing import (
    LANGS,
    Lang,
    find_amounts,
    find_dates,
    parse_date,
    parse_money,
    parse_partial_period,
)
from capacitylib.values import PartialDate

few = settings(max_examples=15)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
FULL = ("medium", "long")
MONTH_YEAR = ("yMMMM", "yMMM")
DAY_MONTH = ("MMMMd", "MMMd")


@pytest.mark.parametrize("lang", LANGS)
@few
@given(day=days, length=st.sampled_from(FULL))
def test_cldr_full_dates(lang: Lang, day: date, length: str) -> None:
    """A date babel writes in the language's medium or long pattern reads back to that day."""
    text = babel_dates.format_date(day, length, locale=lang)
    assert parse_date(text, lang=lang) == PartialDate.from_date(day)


@pytest.mark.parametrize("lang", LANGS)
@few
@given(day=days, skeleton=st.sampled_from(MONTH_YEAR))
def test_cldr_months_of_a_year(lang: Lang, day: date, skeleton: str) -> None:
    """A month of a year in the language's CLDR skeleton reads back to month precision."""
    text = babel_dates.format_skeleton(skeleton, day, locale=lang)
    assert parse_date(text, lang=lang) == PartialDate(day.year, day.month)


@pytest.mark.parametrize("lang", LANGS)
@few
@given(day=days, skeleton=st.sampled_from(DAY_MONTH))
def test_cldr_days_of_a_month(lang: Lang, day: date, skeleton: str) -> None:
    """A day and month without a year in the language's CLDR skeleton reads back year-less."""
    text = babel_dates.format_skeleton(skeleton, day, locale=lang)
    assert parse_date(text, lang=lang) == PartialDate(None, day.month, day.day)


@pytest.mark.parametrize("lang", LANGS)
@few
@given(first=days, second=days)
def test_cldr_ranges(lang: Lang, first: date, second: date) -> None:
    """Two long dates joined by an en dash read back as that range."""
    start, end = sorted((first, second))
    text = " – ".join(babel_dates.format_date(d, "long", locale=lang) for d in (start, end))
    period = parse_partial_period(text, lang=lang)
    assert period == (PartialDate.from_date(start), PartialDate.from_date(end))


amounts = st.decimals(
    min_value=Decimal(-(10**12)), max_value=Decimal(10**12), places=2, allow_nan=False
)


@pytest.mark.parametrize("lang", LANGS)
@few
@given(amount=amounts, code=st.sampled_from(["EUR", "CZK", "PLN", "SEK", "HUF"]))
def test_cldr_grouped_amounts(lang: Lang, amount: Decimal, code: str) -> None:
    """A figure babel groups with the language's symbols (no-break and narrow no-break
    spaces included) and an ISO code reads back to the same amount."""
    figure = babel_numbers.format_decimal(amount, locale=lang, decimal_quantization=False)
    money = parse_money(f"{figure} {code}", lang=lang)
    assert (money.amount, money.currency) == (amount, code)


@pytest.mark.parametrize("lang", LANGS)
@few
@given(amount=amounts.filter(lambda a: a >= 0))
def test_cldr_currency_formats(lang: Lang, amount: Decimal) -> None:
    """An amount in euros written by babel's currency format (symbol and all) reads back."""
    text = babel_numbers.format_currency(amount, "EUR", locale=lang)
    money = parse_money(text, lang=lang)
    assert (money.amount, money.currency) == (amount, "EUR")


@pytest.mark.parametrize("lang", LANGS)
@few
@given(day=days, length=st.sampled_from(FULL))
def test_cldr_dates_are_found_inside_text(lang: Lang, day: date, length: str) -> None:
    """A date babel writes, put inside a sentence, is found with its exact span and value."""
    written = babel_dates.format_date(day, length, locale=lang)
    text = f"Projekt / project: {written}; ok"
    found = find_dates(text, lang=lang)
    assert [(f.text, f.value) for f in found] == [(written, PartialDate.from_date(day))]
    assert text[found[0].start : found[0].end] == written


@pytest.mark.parametrize("lang", LANGS)
@few
@given(amount=amounts.filter(lambda a: a >= 0))
def test_cldr_amounts_are_found_inside_text(lang: Lang, amount: Decimal) -> None:
    """An amount in babel's currency format, put inside a sentence, is found exactly."""
    written = babel_numbers.format_currency(amount, "EUR", locale=lang)
    found = find_amounts(f"Budget: {written}; ok", lang=lang)
    assert [(f.text, f.value.amount, f.value.currency) for f in found] == [(written, amount, "EUR")]
