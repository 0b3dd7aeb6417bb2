"""Reading single dates and lists of dates (capacitylib.parsing.dates)."""

from __future__ import annotations

import pytest

from capacitylib.codelists import DatePrecision
from capacitylib.parsing import DateParseError, parse_date, parse_dates
from capacitylib.values import PartialDate

# Every single date in the five seed texts, with the value it states (seed id, lang, text).
SEED_DATES = [
    ("000", "lt", "2023 m. sausio 2 d.", PartialDate(2023, 1, 2)),
    ("000", "lt", "2022 m. gruodžio 8 d.", PartialDate(2022, 12, 8)),
    ("000", "lt", "2026 m. gruodžio 31 d.", PartialDate(2026, 12, 31)),
    ("000", "lt", "2026 m.", PartialDate(2026)),
    ("000", "lt", "2023 m.", PartialDate(2023)),
    ("002", "lt", "Kovo 30 d.", PartialDate(None, 3, 30)),
    ("002", "lt", "Balandžio mėn.", PartialDate(None, 4)),
    ("002", "lt", "gegužę", PartialDate(None, 5)),
    ("002", "lt", "birželį", PartialDate(None, 6)),
    ("002", "lt", "2014 m.", PartialDate(2014)),
    ("003", "lv", "31.marts", PartialDate(None, 3, 31)),
    ("003", "lv", "Piektdiena, 31.marts", PartialDate(None, 3, 31)),
    ("003", "lv", "16.05.2019.", PartialDate(2019, 5, 16)),
    ("003", "lv", "2019. gada 31. oktobrim", PartialDate(2019, 10, 31)),
    ("003", "lv", "2018. gada 27. marta", PartialDate(2018, 3, 27)),
    ("003", "lv", "2019. gada 26. martam", PartialDate(2019, 3, 26)),
    ("003", "lv", "2019. gada 18. aprīli", PartialDate(2019, 4, 18)),
    ("003", "lv", "2018. gadā", PartialDate(2018)),
    ("003", "lv", "2019. gadā", PartialDate(2019)),
    ("001", "cs", "1. 11. 2016", PartialDate(2016, 11, 1)),
    ("001", "cs", "28. 2. 2018", PartialDate(2018, 2, 28)),
    ("004", "lv", "01.11.2013.", PartialDate(2013, 11, 1)),
    ("004", "lv", "30.04.2015.", PartialDate(2015, 4, 30)),
]

# Forms listed in DOMAIN.md and the issue, beyond the seeds.
DOMAIN_DATES = [
    ("lt", "2023-01-02", PartialDate(2023, 1, 2)),
    ("lt", "2018.12.31", PartialDate(2018, 12, 31)),
    ("lt", "2022 m. gruodžio mėn.", PartialDate(2022, 12)),
    ("lt", "2022 m. gruodis", PartialDate(2022, 12)),
    ("lv", "2012.gada 31.janvārī", PartialDate(2012, 1, 31)),
    ("lv", "2022. gada oktobris", PartialDate(2022, 10)),
    ("lv", "2018. g. 27. marts", PartialDate(2018, 3, 27)),
    ("cs", "1. listopadu 2016", PartialDate(2016, 11, 1)),
    ("cs", "28.2.2018", PartialDate(2018, 2, 28)),
    ("cs", "18.květen 2018", PartialDate(2018, 5, 18)),
    ("cs", "říjen 2018", PartialDate(2018, 10)),
    ("cs", "červen 2018", PartialDate(2018, 6)),
    ("cs", "červenec 2018", PartialDate(2018, 7)),
    ("cs", "července 2018", PartialDate(2018, 7)),
    ("cs", "2018-12-05", PartialDate(2018, 12, 5)),
    ("cs", "05/2019", PartialDate(2019, 5)),
    ("cs", "dne 1. listopadu 2016", PartialDate(2016, 11, 1)),
    ("pl", "8 grudnia 2022 r.", PartialDate(2022, 12, 8)),
    ("pl", "grudzień 2022", PartialDate(2022, 12)),
    ("pl", "w grudniu 2022 r.", PartialDate(2022, 12)),
    ("pl", "08.12.2022", PartialDate(2022, 12, 8)),
    ("en", "December 8, 2022", PartialDate(2022, 12, 8)),
    ("en", "8th of December 2022", PartialDate(2022, 12, 8)),
    ("en", "01/11/2016", PartialDate(2016, 11, 1)),
    ("en", "Friday, 31 March 2023", PartialDate(2023, 3, 31)),
]


@pytest.mark.parametrize(("seed", "lang", "text", "expected"), SEED_DATES)
def test_seed_dates(seed: str, lang: str, text: str, expected: PartialDate) -> None:
    """Every date written in the seed texts reads to the date it states."""
    assert parse_date(text, lang=lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "text", "expected"), DOMAIN_DATES)
def test_domain_forms(lang: str, text: str, expected: PartialDate) -> None:
    """The date forms documented for each language read to the date they state."""
    assert parse_date(text, lang=lang) == expected  # type: ignore[arg-type]


def test_year_first_numeric_is_year_month_day_even_in_day_first_languages() -> None:
    """A four-digit year written first means year-month-day whatever the language's order."""
    assert parse_date("2018.12.05", lang="cs") == PartialDate(2018, 12, 5)
    assert parse_date("2018-12-05", lang="en") == PartialDate(2018, 12, 5)


def test_year_last_numeric_is_day_first_in_lithuanian() -> None:
    """A numeric date ending with its year is day-month-year in Lithuanian too."""
    assert parse_date("08.12.2022", lang="lt") == PartialDate(2022, 12, 8)


def test_month_precision_never_makes_up_a_day() -> None:
    """A month with no day stays month precision (dateutil would borrow a default day)."""
    result = parse_date("2022. gada oktobris", lang="lv")
    assert result.precision is DatePrecision.MONTH
    assert result.day is None


def test_yearless_date_takes_the_reference_year() -> None:
    """A date without a year is year-less unless a reference year is passed."""
    assert parse_date("Kovo 30 d.", lang="lt").year is None
    assert parse_date("Kovo 30 d.", lang="lt", reference_year=2023) == PartialDate(2023, 3, 30)
    assert parse_date("Balandžio mėn.", lang="lt", reference_year=2023) == PartialDate(2023, 4)


def test_reference_year_does_not_override_a_stated_year() -> None:
    """A stated year wins over the reference year."""
    assert parse_date("16.05.2019.", lang="lv", reference_year=2023) == PartialDate(2019, 5, 16)


def test_yearless_29_february_is_checked_against_the_reference_year() -> None:
    """29 February without a year is kept, but refused once a non-leap year is supplied."""
    assert parse_date("29. února", lang="cs") == PartialDate(None, 2, 29)
    assert parse_date("29. února", lang="cs", reference_year=2024) == PartialDate(2024, 2, 29)
    with pytest.raises(DateParseError, match="out of range"):
        parse_date("29. února", lang="cs", reference_year=2023)


def test_weekday_must_match_the_date() -> None:
    """A weekday named beside a full date must fall on that date."""
    assert parse_date("Piektdiena, 31.marts", lang="lv", reference_year=2023).day == 31
    with pytest.raises(DateParseError, match="weekday"):
        parse_date("Piektdiena, 31.marts", lang="lv", reference_year=2024)


def test_month_names_are_whole_words() -> None:
    """Czech červen (June) and červenec (July) are told apart."""
    assert parse_date("1. června 2018", lang="cs").month == 6
    assert parse_date("1. července 2018", lang="cs").month == 7


def test_m_is_not_minutes() -> None:
    """Lithuanian "2022 m." is the year 2022, not 2022 minutes."""
    assert parse_date("2022 m.", lang="lt") == PartialDate(2022)


def test_no_break_and_thin_spaces_are_spaces() -> None:
    """No-break and thin spaces read like ordinary spaces."""
    assert parse_date("1.\u00a011.\u20092016", lang="cs") == PartialDate(2016, 11, 1)


def test_month_names_of_another_language_are_refused() -> None:
    """Each language reads its own month names only."""
    with pytest.raises(DateParseError):
        parse_date("8 December 2022", lang="lt")


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("cs", "114", "four digits"),
        ("lv", "14", "a day without a month"),
        ("lt", "2022 m. gruodžio 32 d.", "out of range"),
        ("lv", "31.13.2019.", "month must be in 1..12"),
        ("lt", "xyz", "not a date"),
        ("lt", "", "empty"),
        ("cs", "1. 11. 2016 – 28. 2. 2018", "parse_period"),
        ("lv", "līdz 2019. gada 31. oktobrim", "parse_partial_period"),
        ("en", "30 February 2019", "out of range"),
    ],
)
def test_errors_name_the_input_and_the_expected_forms(lang: str, text: str, reason: str) -> None:
    """A date that cannot be read raises DateParseError naming the input, why and what fits."""
    with pytest.raises(DateParseError) as caught:
        parse_date(text, lang=lang)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.text, error.lang) == (text, lang)
    assert repr(text) in str(error)
    assert reason in str(error)
    assert "expected e.g." in str(error)


def test_seed_list_of_two_days() -> None:
    """Two days sharing a month and year are two dates."""
    assert parse_dates("2019. gada 16. un 17. maijā", lang="lv") == [
        PartialDate(2019, 5, 16),
        PartialDate(2019, 5, 17),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("lv", "2019. gada 16., 17. un 18. maijā", [(2019, 5, 16), (2019, 5, 17), (2019, 5, 18)]),
        ("lt", "2022 m. gruodžio 8 ir 12 d.", [(2022, 12, 8), (2022, 12, 12)]),
        ("cs", "30. prosince a 2. ledna 2019", [(2018, 12, 30), (2019, 1, 2)]),
        ("pl", "8 i 9 grudnia 2022 r.", [(2022, 12, 8), (2022, 12, 9)]),
        ("en", "May 16, 2019 and May 17, 2019", [(2019, 5, 16), (2019, 5, 17)]),
        ("lt", "2022 m. gruodžio 8 d., 2023 m. sausio 2 d.", [(2022, 12, 8), (2023, 1, 2)]),
        ("lv", "Piektdiena, 31.marts", [(None, 3, 31)]),
    ],
)
def test_lists_of_dates(lang: str, text: str, expected: list[tuple[int, int, int]]) -> None:
    """Lists joined by the language's "and" or by commas read to one date each."""
    assert parse_dates(text, lang=lang) == [PartialDate(*e) for e in expected]  # type: ignore[arg-type]


def test_list_error_names_the_part() -> None:
    """A list with a part that is not a date names that part."""
    with pytest.raises(DateParseError, match="'banana'"):
        parse_dates("16.05.2019. un banana", lang="lv")


def test_impossible_reference_year_is_a_date_error() -> None:
    """A reference year PartialDate refuses is reported as a DateParseError on the input."""
    with pytest.raises(DateParseError, match="year out of range"):
        parse_date("Kovo 30 d.", lang="lt", reference_year=0)
