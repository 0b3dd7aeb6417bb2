"""Reading ranges of dates (capacitylib.parsing.periods)."""

from __future__ import annotations

from datetime import date

import pytest

from capacitylib.parsing import (
    DateParseError,
    PartialPeriod,
    PeriodParseError,
    parse_partial_period,
    parse_period,
)
from capacitylib.values import PartialDate, Period

# Every range in the five seed texts (seed id, lang, text, start, end).
SEED_PERIODS = [
    ("000", "lt", "2022 m. gruodžio 8 d. – 2026 m. gruodžio 31 d.", (2022, 12, 8), (2026, 12, 31)),
    ("001", "cs", "1. 11. 2016 – 28. 2. 2018", (2016, 11, 1), (2018, 2, 28)),
    (
        "003",
        "lv",
        "no 2018. gada 27. marta līdz 2019. gada 26. martam",
        (2018, 3, 27),
        (2019, 3, 26),
    ),
    ("004", "lv", "01.11.2013. – 30.04.2015.", (2013, 11, 1), (2015, 4, 30)),
]

OTHER_PERIODS = [
    ("cs", "14. - 18.květen 2018", (2018, 5, 14), (2018, 5, 18)),
    ("cs", "14.-18.05.2018", (2018, 5, 14), (2018, 5, 18)),
    ("cs", "16.–17. května 2019", (2019, 5, 16), (2019, 5, 17)),
    ("cs", "1.11.2016-28.2.2018", (2016, 11, 1), (2018, 2, 28)),
    ("cs", "od 1. listopadu 2016 do 28. února 2018", (2016, 11, 1), (2018, 2, 28)),
    ("cs", "15. prosince – 15. ledna 2019", (2018, 12, 15), (2019, 1, 15)),
    ("lt", "nuo 2023 m. sausio 2 d. iki 2024 m. birželio 30 d.", (2023, 1, 2), (2024, 6, 30)),
    ("lt", "2022 m. gruodžio 8 – 31 d.", (2022, 12, 8), (2022, 12, 31)),
    ("lt", "2022 m. gruodžio 8–12 d.", (2022, 12, 8), (2022, 12, 12)),
    ("pl", "od 1 listopada 2016 r. do 28 lutego 2018 r.", (2016, 11, 1), (2018, 2, 28)),
    ("en", "from 1 November 2016 to 28 February 2018", (2016, 11, 1), (2018, 2, 28)),
    ("en", "May 16–17, 2019", (2019, 5, 16), (2019, 5, 17)),
    ("en", "2018-12-31 - 2019-01-31", (2018, 12, 31), (2019, 1, 31)),
    ("en", "2018-12-31–2019-01-31", (2018, 12, 31), (2019, 1, 31)),
    ("lv", "16.05.2019. — 31.10.2019.", (2019, 5, 16), (2019, 10, 31)),
]


@pytest.mark.parametrize(("seed", "lang", "text", "start", "end"), SEED_PERIODS)
def test_seed_periods(
    seed: str, lang: str, text: str, start: tuple[int, int, int], end: tuple[int, int, int]
) -> None:
    """Every range in the seed texts reads to the Period it states."""
    assert parse_period(text, lang=lang) == Period(start=date(*start), end=date(*end))  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "text", "start", "end"), OTHER_PERIODS)
def test_range_forms(
    lang: str, text: str, start: tuple[int, int, int], end: tuple[int, int, int]
) -> None:
    """Dashes, the languages' from/until words and a month or year stated once all work."""
    assert parse_period(text, lang=lang) == Period(start=date(*start), end=date(*end))  # type: ignore[arg-type]


def test_from_alone_is_an_open_period() -> None:
    """A "from" date with no end is an open period."""
    assert parse_period("nuo 2023 m. sausio 2 d.", lang="lt") == Period(start=date(2023, 1, 2))
    assert parse_period("No 16.05.2019.", lang="lv").is_open


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("lt", "nuo 2014 m.", PartialPeriod(PartialDate(2014), None)),
        ("lt", "nuo 2023 m. sausio 2 d.", PartialPeriod(PartialDate(2023, 1, 2), None)),
        ("lv", "No 16.05.2019.", PartialPeriod(PartialDate(2019, 5, 16), None)),
        ("lv", "Ar 2019. gada 18. aprīli", PartialPeriod(PartialDate(2019, 4, 18), None)),
        ("lv", "2014-2020", PartialPeriod(PartialDate(2014), PartialDate(2020))),
        ("lv", "līdz 2019. gada 31. oktobrim", PartialPeriod(None, PartialDate(2019, 10, 31))),
        ("lv", "2019-05 – 2019-10", PartialPeriod(PartialDate(2019, 5), PartialDate(2019, 10))),
        ("lt", "2021–2027 m.", PartialPeriod(PartialDate(2021), PartialDate(2027))),
        (
            "lt",
            "Kovo 30 d. – balandžio 2 d.",
            PartialPeriod(PartialDate(None, 3, 30), PartialDate(None, 4, 2)),
        ),
        (
            "lv",
            "no 2018. gada 27. marta līdz 2019. gada 26. martam",
            PartialPeriod(PartialDate(2018, 3, 27), PartialDate(2019, 3, 26)),
        ),
    ],
)
def test_partial_periods(lang: str, text: str, expected: PartialPeriod) -> None:
    """Ranges of months or years, or with one end unknown, read as PartialPeriods."""
    assert parse_partial_period(text, lang=lang) == expected  # type: ignore[arg-type]


def test_yearless_range_takes_the_reference_year() -> None:
    """A year-less range becomes a Period once a reference year is supplied."""
    result = parse_period("Kovo 30 d. – balandžio 2 d.", lang="lt", reference_year=2023)
    assert result == Period(start=date(2023, 3, 30), end=date(2023, 4, 2))


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("lv", "līdz 2019. gada 31. oktobrim", "an end but no start"),
        ("lt", "nuo 2014 m.", "not a full date"),
        ("lv", "2019-05 – 2019-10", "not a full date"),
        ("cs", "28. 2. 2018 – 1. 11. 2016", "before it starts"),
        ("lt", "2023 m. sausio 2 d.", "one date, not a range"),
        ("lt", "a – b – c", "more than one range separator"),
        ("cs", "1. 11. 2016 – banana", "not a date"),
        ("lt", "Kovo 30 d. – balandžio 2 d.", "not a full date"),
    ],
)
def test_period_errors_name_the_input(lang: str, text: str, reason: str) -> None:
    """A text that is not a range of full dates raises PeriodParseError saying why."""
    with pytest.raises(PeriodParseError) as caught:
        parse_period(text, lang=lang)  # type: ignore[arg-type]
    assert isinstance(caught.value, DateParseError)
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in str(caught.value)
    assert "two dates joined by" in str(caught.value)
