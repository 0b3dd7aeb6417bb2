"""The 24 EU languages from CLDR: tables, forms per language, and the near misses refused."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from capacitylib.parsing import (
    LANGS,
    AmountParseError,
    DateParseError,
    Lang,
    PartialPeriod,
    parse_date,
    parse_money,
    parse_partial_period,
)
from capacitylib.parsing._languages import language, parserinfo_for
from capacitylib.parsing._words import WORDS
from capacitylib.values import Money, PartialDate


def test_every_official_language_is_supported() -> None:
    """LANGS is the 24 official languages of the EU, in alphabetical order."""
    official = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv"
    assert official.split() == list(LANGS)
    assert set(WORDS) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_month_weekday_and_date_words_do_not_clash(lang: Lang) -> None:
    """No form is both a month and a weekday or a skipped date word, and each month has forms."""
    table = language(lang)
    months = {form for forms in table.months for form in forms}
    weekdays = {form for forms in table.weekdays for form in forms}
    assert all(table.months)
    assert not months & weekdays
    assert not months & set(table.jump_words)
    assert not weekdays & set(table.jump_words)
    info = parserinfo_for(lang)
    assert [info.month(forms[0].upper()) for forms in table.months] == list(range(1, 13))


@pytest.mark.parametrize("lang", LANGS)
def test_number_symbols_come_from_cldr(lang: Lang) -> None:
    """The decimal mark is CLDR's, and never also a group mark."""
    from babel import numbers

    table = language(lang)
    assert table.decimal_mark == numbers.get_decimal_symbol(lang)
    assert numbers.get_group_symbol(lang) in table.group_marks
    assert table.decimal_mark not in table.group_marks


def test_babel_is_imported_on_first_use_only() -> None:
    """Importing capacitylib and capacitylib.parsing does not import babel."""
    code = "import capacitylib, capacitylib.parsing, sys; print('babel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("bg", "12 март 2019 г.", (2019, 3, 12)),
        ("da", "den 12. marts 2019", (2019, 3, 12)),
        ("de", "am 12. März 2019", (2019, 3, 12)),
        ("de", "12.03.2019", (2019, 3, 12)),
        ("el", "12 Μαρτίου 2019", (2019, 3, 12)),
        ("es", "12 de marzo de 2019", (2019, 3, 12)),
        ("et", "12. märts 2019", (2019, 3, 12)),
        ("fi", "12. maaliskuuta 2019", (2019, 3, 12)),
        ("fr", "1er mars 2019", (2019, 3, 1)),
        ("fr", "le 12 mars 2019", (2019, 3, 12)),
        ("ga", "12 Meán Fómhair 2019", (2019, 9, 12)),
        ("hr", "12. ožujka 2019.", (2019, 3, 12)),
        ("hu", "2019. március 12.", (2019, 3, 12)),
        ("hu", "2019. 03. 12.", (2019, 3, 12)),
        ("it", "12 marzo 2019", (2019, 3, 12)),
        ("mt", "12 ta’ Marzu 2019", (2019, 3, 12)),
        ("nl", "12 maart 2019", (2019, 3, 12)),
        ("pt", "12 de março de 2019", (2019, 3, 12)),
        ("ro", "12 martie 2019", (2019, 3, 12)),
        ("sl", "12. marec 2019", (2019, 3, 12)),
        ("sv", "den 12 mars 2019", (2019, 3, 12)),
        ("sv", "2019-03-12", (2019, 3, 12)),
        # month precision and no year
        ("de", "März 2019", (2019, 3, None)),
        ("fi", "maaliskuu 2019", (2019, 3, None)),
        ("bg", "03.2019 г.", (2019, 3, None)),
        ("lt", "03-12", (None, 3, 12)),  # CLDR's Lithuanian "MM-dd"
        ("de", "12.3.", (None, 3, 12)),
    ],
)
def test_dates_in_every_language(lang: Lang, text: str, expected: tuple[int, ...]) -> None:
    """Dates in the languages' own forms read to the precision they state."""
    assert parse_date(text, lang=lang) == PartialDate(*expected)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a day-first date is never read month-first, whatever the language
        ("en", "03/12/2019", (2019, 12, 3)),
        ("mt", "03/12/2019", (2019, 12, 3)),
        ("de", "03.12.2019", (2019, 12, 3)),
        ("sv", "03/12/2019", (2019, 12, 3)),
        ("hu", "2019.12.03.", (2019, 12, 3)),
        ("en", "12/03", (None, 3, 12)),  # European English, though CLDR's "en" is American
    ],
)
def test_numeric_orders(lang: Lang, text: str, expected: tuple[int, ...]) -> None:
    """All-numeric dates are day first unless a four-digit year is written first."""
    assert parse_date(text, lang=lang) == PartialDate(*expected)


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("de", "13.13.2019", "month"),
        ("de", "12. Märzen 2019", "not a date"),
        ("lt", "32 d.", "four digits"),  # 32 days, not the year 2032
        ("pl", "99 r.", "four digits"),
        ("de", "31. Februar 2019", "out of range"),
        ("fr", "12 mars", None),
    ],
)
def test_near_miss_dates_are_refused(lang: Lang, text: str, reason: str | None) -> None:
    """Impossible dates, unknown month words and two-digit years are refused."""
    if reason is None:
        assert parse_date(text, lang=lang) == PartialDate(None, 3, 12)
        return
    with pytest.raises(DateParseError, match=reason):
        parse_date(text, lang=lang)


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        ("de", "1.234.567,50 €", "1234567.50", "EUR"),
        ("fr", "1\u202f234\u202f567,50 €", "1234567.50", "EUR"),
        ("sv", "1\u00a0234\u00a0567,50 kr", "1234567.50", "SEK"),
        ("da", "1.234,50 kr.", "1234.50", "DKK"),
        ("hu", "1 234 567 Ft", "1234567", "HUF"),
        ("ga", "€1,234.50", "1234.50", "EUR"),
        ("mt", "€1,234.50", "1234.50", "EUR"),
        ("lt", "1 200 Lietuvos litų", "1200", "LTL"),
        ("sk", "5 504 400,00 €", "5504400.00", "EUR"),
        ("sk", "1 200 Sk", "1200", "SKK"),
        ("sk", "12 000 českých korún", "12000", "CZK"),
        # multipliers
        ("lt", "1,2 mln. EUR", "1200000", "EUR"),
        ("lv", "7,5 milj. eiro", "7500000", "EUR"),
        ("lt", "350 tūkst. Eur", "350000", "EUR"),
        ("cs", "2,5 mil. Kč", "2500000", "CZK"),
        ("pl", "120 tys. zł", "120000", "PLN"),
        ("pl", "1,5 miliona zł", "1500000", "PLN"),
        ("cs", "12,47 milionu Kč", "12470000", "CZK"),
        ("de", "1,5 Mio. €", "1500000", "EUR"),
        ("en", "EUR 2.5 million", "2500000", "EUR"),
        ("lt", "1,23456789 mln. Eur", "1234567.89", "EUR"),
    ],
)
def test_amounts_in_every_language(lang: Lang, text: str, amount: str, currency: str) -> None:
    """Amounts read exactly with CLDR's symbols and currency names, multipliers included."""
    money = parse_money(text, lang=lang)
    assert money == Money.of(amount, currency)
    assert str(money.amount) == amount


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("fr", "1.234,50 €", "grouped in threes"),  # "." groups nowhere in French
        ("de", "1 234.50 €", "decimal mark"),
        ("sk", "5 koruny", "not a currency"),  # Slovak koruna (SKK) or Czech koruna (CZK)?
        ("lt", "iki 200 000 Eur", "open bound"),
        ("en", "up to EUR 200,000", "open bound"),
        ("cs", "více než 1 000 Kč", "open bound"),
        ("lt", "1,2 mlnx. Eur", "not a currency"),
        ("en", "1.2m EUR", "not a currency"),
    ],
)
def test_near_miss_amounts_are_refused(lang: Lang, text: str, reason: str) -> None:
    """Foreign number styles, ambiguous currency words and open bounds are refused."""
    with pytest.raises(AmountParseError, match=reason):
        parse_money(text, lang=lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "vom 1. März bis 31. Mai 2019", ((2019, 3, 1), (2019, 5, 31))),
        ("fr", "du 1 mars au 31 mai 2019", ((2019, 3, 1), (2019, 5, 31))),
        ("sv", "från 1 mars 2019 till 31 maj 2019", ((2019, 3, 1), (2019, 5, 31))),
        ("sk", "od 1. novembra 2016 do 28. februára 2018", ((2016, 11, 1), (2018, 2, 28))),
        ("fi", "1.3.2019–31.5.2019", ((2019, 3, 1), (2019, 5, 31))),
        ("en", "2015–2023", ((2015,), (2023,))),
        ("en", "until the end of 2019", (None, (2019,))),
        ("cs", "do konce roku 2019", (None, (2019,))),
        ("sk", "do konca roka 2019", (None, (2019,))),
        ("lt", "iki 2019 m. pabaigos", (None, (2019,))),
        ("lv", "līdz 2019. gada beigām", (None, (2019,))),
        ("pl", "do końca 2019 r.", (None, (2019,))),
        ("de", "bis Ende 2019", (None, (2019,))),
        ("lt", "nuo 2015 m. iki 2019 m. pabaigos", ((2015,), (2019,))),
    ],
)
def test_ranges_in_every_language(
    lang: Lang, text: str, expected: tuple[tuple[int, ...] | None, ...]
) -> None:
    """Ranges, year-only ranges and "until the end of" read into partial periods."""
    start, end = (None if e is None else PartialDate(*e) for e in expected)
    assert parse_partial_period(text, lang=lang) == PartialPeriod(start, end)


def test_the_end_of_year_idiom_needs_a_year() -> None:
    """ "Until the end of" with no four-digit year is refused, not guessed."""
    with pytest.raises(DateParseError):
        parse_partial_period("until the end of the year", lang="en")
    assert parse_money("1 234 EUR", lang="en").amount == Decimal(1234)
