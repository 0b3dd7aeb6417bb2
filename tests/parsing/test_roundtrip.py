"""Round trips: write a value in a language's own style, read it back, get the same value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from capacitylib.codelists import HoursUnit
from capacitylib.parsing import (
    parse_date,
    parse_measure,
    parse_money,
    parse_partial_period,
    parse_period,
)
from capacitylib.parsing.terms import UNITS_FILE, entries
from capacitylib.values import Hours, PartialDate, Period
from tests.parsing.formats import (
    CURRENCY_SPELLINGS,
    FULL_DATE,
    MONTH_OF_YEAR,
    NUMBER_STYLE,
    RANGE_WORDS,
    YEARLESS,
    write_figure,
)

# The hand-written forms of tests/parsing/formats.py; CLDR round trips are in test_cldr_roundtrip.
langs = st.sampled_from(tuple(FULL_DATE))
dates = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
case: st.SearchStrategy[Callable[[str], str]] = st.sampled_from([str, str.capitalize, str.upper])


@given(langs, dates, st.data())
def test_full_dates(lang: str, day: date, data: st.DataObject) -> None:
    """A full date written in any of the language's forms reads back to that date."""
    write = data.draw(st.sampled_from(FULL_DATE[lang]))
    text = data.draw(case)(write(day))
    assert parse_date(text, lang=lang) == PartialDate.from_date(day)  # type: ignore[arg-type]


@given(langs, dates, st.data())
def test_months_of_a_year(lang: str, day: date, data: st.DataObject) -> None:
    """A month of a year reads back to month precision, never with a made-up day."""
    write = data.draw(st.sampled_from(MONTH_OF_YEAR[lang]))
    text = write(day.year, day.month)
    assert parse_date(text, lang=lang) == PartialDate(day.year, day.month)  # type: ignore[arg-type]


@given(langs, st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)), st.data())
def test_yearless_dates(lang: str, day: date, data: st.DataObject) -> None:
    """A day of a month without a year reads back year-less (29 February included)."""
    write = data.draw(st.sampled_from(YEARLESS[lang]))
    text = write(day.month, day.day)
    assert parse_date(text, lang=lang) == PartialDate(None, day.month, day.day)  # type: ignore[arg-type]


@given(langs, dates, dates, st.data())
def test_periods(lang: str, first: date, second: date, data: st.DataObject) -> None:
    """Two dates joined by a dash or by the from/until words read back as that Period."""
    start, end = sorted((first, second))
    write_start = data.draw(st.sampled_from(FULL_DATE[lang]))
    write_end = data.draw(st.sampled_from(FULL_DATE[lang]))
    since, until = RANGE_WORDS[lang]
    joiner = data.draw(st.sampled_from([" – ", " - ", "–", " — ", "—", f" {until} "]))
    opener = f"{since} " if joiner.strip() == until or data.draw(st.booleans()) else ""
    text = f"{opener}{write_start(start)}{joiner}{write_end(end)}"
    assert parse_period(text, lang=lang) == Period(start=start, end=end)  # type: ignore[arg-type]


@given(langs, dates, dates, st.data())
def test_periods_of_months(lang: str, first: date, second: date, data: st.DataObject) -> None:
    """A range of months reads back as a PartialPeriod of months."""
    start, end = sorted((first, second))
    write = data.draw(st.sampled_from(MONTH_OF_YEAR[lang]))
    text = f"{write(start.year, start.month)} – {write(end.year, end.month)}"
    period = parse_partial_period(text, lang=lang)  # type: ignore[arg-type]
    assert period == (PartialDate(start.year, start.month), PartialDate(end.year, end.month))


amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal("999999999999"), places=2, allow_nan=False
) | st.integers(min_value=0, max_value=10**12).map(Decimal)


@given(langs, amounts, st.data())
def test_amounts(lang: str, amount: Decimal, data: st.DataObject) -> None:
    """An amount written with the language's marks and any currency spelling reads back
    to the same digits (trailing zeros kept) and currency."""
    group = data.draw(st.sampled_from([None, *NUMBER_STYLE[lang][1]]))
    code, spellings = data.draw(st.sampled_from(CURRENCY_SPELLINGS[lang]))
    spelling = data.draw(st.sampled_from(spellings))
    figure = write_figure(amount, lang, group)
    text = data.draw(
        st.sampled_from([f"{figure} {spelling}", f"{spelling} {figure}", f"{figure}{spelling}"])
    )
    money = parse_money(text, lang=lang)  # type: ignore[arg-type]
    assert money.currency == code
    assert money.amount.as_tuple() == amount.as_tuple()


@given(langs, st.data())
def test_quantities_with_every_unit_word(lang: str, data: st.DataObject) -> None:
    """A count or range with any unit word of the language reads back to that unit."""
    low = data.draw(st.integers(min_value=0, max_value=100_000))
    high = data.draw(st.integers(min_value=low, max_value=100_000))
    unit = data.draw(st.sampled_from([e for e in entries(UNITS_FILE) if e.lang == lang]))
    group = data.draw(st.sampled_from([None, " "]))
    figures = [write_figure(Decimal(n), lang, group) for n in (low, high)]
    joiner = data.draw(st.sampled_from(["-", " - ", "–", f" {RANGE_WORDS[lang][1]} "]))
    text = (
        f"{figures[0]}{joiner}{figures[1]} {unit.term}"
        if low != high
        else f"{figures[0]} {unit.term}"
    )
    measure = parse_measure(text, lang=lang)  # type: ignore[arg-type]
    assert measure.unit is unit.code
    assert (measure.value.min, measure.value.max) == (Decimal(low), Decimal(high))
    assert isinstance(measure.value, Hours) == isinstance(unit.code, HoursUnit)
