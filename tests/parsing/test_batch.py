"""Reading many values at once without stopping at the first failure."""

from __future__ import annotations

import pickle

import pytest

from capacitylib.parsing import (
    AmountParseError,
    DateParseError,
    ParseError,
    parse_date,
    parse_many,
    parse_money,
    try_parse,
)
from capacitylib.values import Money, PartialDate


def test_parse_many_reports_every_failure() -> None:
    """All failures in a column are reported, each with its own input, in order."""
    results = parse_many(
        parse_date, ["16.05.2019.", "banana", "31.13.2019.", "2018. gadā"], lang="lv"
    )
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[0].value == PartialDate(2019, 5, 16)
    assert [r.error.text for r in results if r.error is not None] == ["banana", "31.13.2019."]
    assert all(isinstance(r.error, DateParseError) for r in results if not r.ok)


def test_options_reach_the_parser() -> None:
    """Keyword options such as currency= are passed to the parser."""
    results = parse_many(parse_money, ["1 200", "3,50"], lang="lt", currency="EUR")
    assert [r.unwrap() for r in results] == [Money.of("1200", "EUR"), Money.of("3.50", "EUR")]


def test_a_row_of_different_kinds() -> None:
    """A spreadsheet row read with try_parse gives every cell's value or error."""
    start = try_parse(parse_date, "2022 m. gruodžio 8 d.", lang="lt")
    budget = try_parse(parse_money, "43 940 212,00", lang="lt")
    assert start.unwrap() == PartialDate(2022, 12, 8)
    assert isinstance(budget.error, AmountParseError)
    with pytest.raises(AmountParseError):
        budget.unwrap()


def test_only_parse_errors_are_caught() -> None:
    """An unsupported language (a caller's bug) still raises at once."""
    with pytest.raises(ValueError, match="lang must be one of"):
        parse_many(parse_date, ["2019"], lang="ru")  # type: ignore[arg-type]


def test_parse_errors_survive_pickling() -> None:
    """A ParseError keeps its text, language and message through pickle (worker pools)."""
    error = parse_many(parse_date, ["banana"], lang="lv")[0].error
    assert isinstance(error, ParseError)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (type(copy), copy.text, copy.lang, str(copy)) == (
        type(error),
        error.text,
        error.lang,
        str(error),
    )
