"""The one find-hint decorator: every parse_* names its find_* for values among other words."""

import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib.parsing import (
    AmountParseError,
    DateParseError,
    ParseError,
    PeriodParseError,
    QuantityParseError,
    parse_date,
    parse_measure,
    parse_money,
    parse_partial_period,
    parse_period,
    parse_quantity,
)
from capacitylib.parsing.dates import _parse_date

CASES = [
    (parse_date, DateParseError, "Rozpoczęcie projektu: 1 marca 2021 roku", "pl", "find_dates"),
    (parse_money, AmountParseError, "Rozpočet projektu: 12 345 678,90 Kč", "cs", "find_amounts"),
    (
        parse_partial_period,
        PeriodParseError,
        "Projekts ilgs līdz 2021. gada decembrim",
        "lv",
        "find_periods",
    ),
    (
        parse_measure,
        QuantityParseError,
        "Apmācības notika 16 pašvaldībās",
        "lv",
        "find_quantities",
    ),
]


@pytest.mark.parametrize(("parse", "error", "text", "lang", "finder"), CASES)
def test_a_value_among_words_gets_a_reason_naming_its_finder(parse, error, text, lang, finder):
    """The reason says the text holds a value among other words and what the finder reads."""
    with pytest.raises(error) as info:
        parse(text, lang=lang)
    assert type(info.value) is error
    assert info.value.text == text and info.value.lang == lang
    assert "among other words" in info.value.reason
    assert f"({finder} reads '" in info.value.reason


@pytest.mark.parametrize(("parse", "error", "text", "lang", "finder"), CASES)
def test_the_parsers_keep_their_names_documents_and_signatures(parse, error, text, lang, finder):
    """Decorated, a parser is still itself for help(), the docs and its keyword arguments."""
    assert parse.__name__ == parse.__wrapped__.__name__ and parse.__doc__
    assert parse.__module__.startswith("capacitylib.parsing.")
    assert "lang" in inspect.signature(parse).parameters


def test_a_wrong_value_alone_is_not_hinted():
    """A wrong date with nothing around it keeps its own reason, as the parser raised it."""
    with pytest.raises(DateParseError) as info:
        parse_date("31.13.2019", lang="lv")
    with pytest.raises(DateParseError) as plain:
        _parse_date("31.13.2019", lang="lv", reference_year=None)
    assert str(info.value) == str(plain.value) and "find_dates" not in str(info.value)


def test_reference_year_reaches_the_finder_and_parser():
    """reference_year is passed to the finder as to the parser; the hint still names it."""
    with pytest.raises(DateParseError, match=r"find_dates reads 'Kovo 30 d\.'"):
        parse_date("Susitikimas vyko Kovo 30 d.", lang="lt", reference_year=2023)
    assert str(parse_date("Kovo 30 d.", lang="lt", reference_year=2023)) == "2023-03-30"


def test_the_parsers_built_on_them_hint_too():
    """parse_period and parse_quantity go through the decorated parsers."""
    with pytest.raises(ParseError, match="find_periods"):
        parse_period("Projekts 2019. gada martā līdz 2021. gada decembrim ilga", lang="lv")
    with pytest.raises(QuantityParseError, match="find_quantities"):
        parse_quantity("Apmācības notika 16 stundas", lang="lv")


@given(st.text(max_size=40), st.sampled_from(["lt", "lv", "cs", "pl", "en"]))
@settings(max_examples=150)
def test_any_text_is_read_or_refused_with_a_parse_error(text, lang):
    """Whatever the text, each parser returns a value or raises its ParseError, nothing else."""
    for parse, error, *_ in CASES:
        refused = None
        try:
            parse(text, lang=lang)
        except error as exc:
            refused = exc
        assert refused is None or refused.text == text
