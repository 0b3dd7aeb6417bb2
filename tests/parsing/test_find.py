"""Values inside running text (capacitylib.parsing.find) and the hints of the single parsers."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capacitylib.codelists import HoursUnit, ReachUnit
from capacitylib.parsing import (
    AmountParseError,
    DateParseError,
    Found,
    Lang,
    PartialPeriod,
    QuantityParseError,
    find_amounts,
    find_dates,
    find_periods,
    find_quantities,
    parse_date,
    parse_measure,
    parse_money,
)
from capacitylib.parsing._languages import language
from capacitylib.parsing._text import fold
from capacitylib.parsing.terms import UNITS_FILE, entries
from capacitylib.values import Money, PartialDate


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the sentences
        ("pl", "Rozpoczęcie projektu: 1 marca 2021 roku", [("1 marca 2021 roku", "2021-03-01")]),
        ("pl", "Termin zakończenia: 31 grudnia 2022 r.", [("31 grudnia 2022 r.", "2022-12-31")]),
        (
            "lv",
            "Projekts sākās 2019. gada martā un ilgs līdz 2021. gada decembrim",
            [("2019. gada martā", "2019-03"), ("2021. gada decembrim", "2021-12")],
        ),
        ("cs", "setkání proběhlo 15. května v Olomouci", [("15. května", "--05-15")]),
        # more languages and forms
        (
            "lt",
            "Sutartis pasirašyta 2022 m. gruodžio 8 d. Vilniuje",
            [("2022 m. gruodžio 8 d.", "2022-12-08")],
        ),
        (
            "sk",
            "Projekt sa začal 1. novembra 2016 v Bratislave.",
            [("1. novembra 2016", "2016-11-01")],
        ),
        ("de", "Das Projekt begann am 12. März 2019.", [("12. März 2019", "2019-03-12")]),
        (
            "en",
            "Signed on 8 December 2022, it runs for four years.",
            [("8 December 2022", "2022-12-08")],
        ),
        ("lv", "Pieteikumi līdz 16.05.2019. plkst. 12", [("16.05.2019.", "2019-05-16")]),
        ("lt", "Projektas pradėtas 2026 m. su partneriais", [("2026 m.", "2026")]),
    ],
)
def test_find_dates_in_sentences(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    """Every date in a sentence is found with the text it was written as and its value."""
    found = find_dates(text, lang=lang)  # type: ignore[arg-type]
    assert [(f.text, str(f.value)) for f in found] == expected
    assert all(text[f.start : f.end] == f.text for f in found)


def test_found_carries_span_value_and_precision() -> None:
    """A Found has the span into the searched text, the value and the precision stated."""
    text = "Projekts sākās 2019. gada martā"
    (found,) = find_dates(text, lang="lv")
    assert found == Found(15, 31, "2019. gada martā", PartialDate(2019, 3), "month")
    assert found.span == (15, 31)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("cs", "Zúčastnilo se 2019 účastníků"),  # a year that is really a count
        ("cs", "pro 20 lidí"),  # "pro" (for) is CLDR's abbreviation of prosinec
        ("cs", "pro 2019 máme 12 míst"),
        ("en", "we may 2 times a year"),  # an English month name only capitalised
        ("lt", "truko 32 d."),  # 32 days, not 2032
        ("lv", "vidēji 15.5 stundas"),  # a decimal, not 15 May
        ("pl", "w latach 90."),
        ("en", "until the end of 2019"),  # a year alone after "of" is no date
    ],
)
def test_find_dates_refuses_near_misses(lang: str, text: str) -> None:
    """Numbers that are counts, decimals or words that look like month abbreviations are not dates."""
    assert find_dates(text, lang=lang) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "lv",
            "Projekts sākās 2019. gada martā un ilgs līdz 2021. gada decembrim",
            [("līdz 2021. gada decembrim", PartialPeriod(None, PartialDate(2021, 12)), "month")],
        ),
        (
            "cs",
            "Projekt trval od 1. 11. 2016 do 28. 2. 2018 a stál 5 000 000 Kč.",
            [
                (
                    "od 1. 11. 2016 do 28. 2. 2018",
                    PartialPeriod(PartialDate(2016, 11, 1), PartialDate(2018, 2, 28)),
                    "day",
                )
            ],
        ),
        (
            "lt",
            "Projektas vyks 2015–2023 m., dalyvaus 120 asmenų",
            [("2015–2023 m.", PartialPeriod(PartialDate(2015), PartialDate(2023)), "year")],
        ),
        (
            "en",
            "It ran from 1 March 2016 until the end of 2019.",
            [
                (
                    "from 1 March 2016 until the end of 2019",
                    PartialPeriod(PartialDate(2016, 3, 1), PartialDate(2019)),
                    "year",
                )
            ],
        ),
        (
            "cs",
            "Projekt poběží do konce roku 2019.",
            [("do konce roku 2019", PartialPeriod(None, PartialDate(2019)), "year")],
        ),
    ],
)
def test_find_periods_in_sentences(
    lang: str, text: str, expected: list[tuple[str, PartialPeriod, str]]
) -> None:
    """Ranges in a sentence are found with their text, both ends and the coarser precision."""
    found = find_periods(text, lang=lang)  # type: ignore[arg-type]
    assert [(f.text, f.value, f.precision) for f in found] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pl", "1200–1500 osób"),  # a range of counts, not of years
        ("pl", "2015–2020 osób"),  # years in range, but a unit follows
        ("cs", "2-3 hodiny"),
        ("lt", "projektas truko 2019 m."),  # one year is no range
        ("en", "pages 12-14"),
    ],
)
def test_find_periods_refuses_near_misses(lang: str, text: str) -> None:
    """Ranges of counts and single dates are not periods."""
    assert find_periods(text, lang=lang) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "cs",
            "Rozpočet projektu: 12 345 678,90 Kč",
            [("12 345 678,90 Kč", "12345678.90", "CZK", "exact")],
        ),
        ("lt", "Skirta 1,2 mln. Eur paramos.", [("1,2 mln. Eur", "1200000", "EUR", "exact")]),
        (
            "cs",
            "Projekt stál cca 5 000 000 Kč.",
            [("5 000 000 Kč", "5000000", "CZK", "approximate")],
        ),
        (
            "en",
            "A grant of EUR 43,940,212.00 and NOK 1,200.",
            [
                ("EUR 43,940,212.00", "43940212.00", "EUR", "exact"),
                ("NOK 1,200", "1200", "NOK", "exact"),
            ],
        ),
        ("de", "Kosten: 1,5 Mio. €.", [("1,5 Mio. €", "1500000", "EUR", "exact")]),
    ],
)
def test_find_amounts_in_sentences(
    lang: str, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    """Amounts in a sentence are found with the text, the exact Money and "about" marked."""
    found = find_amounts(text, lang=lang)  # type: ignore[arg-type]
    assert [(f.text, str(f.value.amount), f.value.currency, f.precision) for f in found] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lt", "biudžetas iki 200 000 Eur"),  # an open bound is not the amount
        ("en", "up to EUR 200,000"),
        ("cs", "Rozpočet 12 345 678,90"),  # no currency
        ("lt", "2019 m. 12 dalyvių"),
    ],
)
def test_find_amounts_refuses_near_misses(lang: str, text: str) -> None:
    """Bounded figures and figures without a currency are not amounts."""
    assert find_amounts(text, lang=lang) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "lv",
            "Apmācības notika 16 pašvaldībās, vidēji 2 stundas",
            [
                ("16 pašvaldībās", ReachUnit.MUNICIPALITIES),
                ("vidēji 2 stundas", HoursUnit.CLOCK_HOUR),
            ],
        ),
        (
            "cs",
            "Proběhlo 114 supervizních setkání.",
            [("114 supervizních setkání", ReachUnit.SESSIONS)],
        ),
        (
            "lt",
            "Dalyvavo 20 dalyvių iš 3 savivaldybių",
            [("20 dalyvių", ReachUnit.PERSONS), ("3 savivaldybių", ReachUnit.MUNICIPALITIES)],
        ),
        (
            "sk",
            "zapojilo sa 12 obcí a 40 osôb",
            [("12 obcí", ReachUnit.MUNICIPALITIES), ("40 osôb", ReachUnit.PERSONS)],
        ),
    ],
)
def test_find_quantities_in_sentences(
    lang: str, text: str, expected: list[tuple[str, object]]
) -> None:
    """Counts with a unit in a sentence are found with the unit, in any case form listed."""
    found = find_quantities(text, lang=lang)  # type: ignore[arg-type]
    assert [(f.text, f.value.unit) for f in found] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lt", "Projektas pradėtas 2019 m."),  # a year, not 2019 years
        ("en", "trained more than 1 000 persons"),  # an open bound
        ("cs", "celkem 114"),  # a bare number says no unit
        ("cs", "Rozpočet 12 000 Kč"),  # an amount, not a count
    ],
)
def test_find_quantities_refuses_near_misses(lang: str, text: str) -> None:
    """Years, bounded figures, bare numbers and amounts are not counts."""
    assert find_quantities(text, lang=lang) == []  # type: ignore[arg-type]


def test_single_parsers_point_to_the_finders() -> None:
    """A value among other words is refused by parse_*, whose reason names the find_* function."""
    with pytest.raises(DateParseError, match=r"find_dates reads '1 marca 2021 roku'"):
        parse_date("Rozpoczęcie projektu: 1 marca 2021 roku", lang="pl")
    with pytest.raises(AmountParseError, match=r"find_amounts reads '12 345 678,90 Kč'"):
        parse_money("Rozpočet projektu: 12 345 678,90 Kč", lang="cs")
    with pytest.raises(QuantityParseError, match=r"find_quantities reads '16 pašvaldībās'"):
        parse_measure("notika 16 pašvaldībās", lang="lv")


def test_a_wrong_value_gets_no_hint() -> None:
    """A wrong date is reported as wrong, not as a date among words."""
    with pytest.raises(DateParseError) as caught:
        parse_date("2022 m. gruodžio 32 d.", lang="lt")
    assert caught.value.reason == "day is out of range for month"


def test_hinted_errors_survive_pickling() -> None:
    """An error with a hint arrives from a worker process with the same type and reason."""
    with pytest.raises(AmountParseError) as caught:
        parse_money("Rozpočet projektu: 12 345 678,90 Kč", lang="cs")
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert type(copy) is AmountParseError
    assert (copy.text, copy.reason) == (caught.value.text, caught.value.reason)


def test_finders_return_exact_values() -> None:
    """The values found are the parsers' own exact types."""
    (amount,) = find_amounts("Skirta 350 tūkst. Eur", lang="lt")
    assert amount.value == Money.of(Decimal(350000), "EUR")


def test_values_do_not_run_across_paragraphs_bullets_or_dashes() -> None:
    """A blank line or a bullet ends a value, and a dash at its edge is not part of it."""
    text = "līdz 2019. gada 26. martam.\n\n2018. gadā notika 16 pašvaldību - un\n  • 200 eksemplāros;\n  •"
    assert [f.text for f in find_dates(text, lang="lv")] == ["2019. gada 26. martam", "2018. gadā"]
    assert [f.text for f in find_quantities(text, lang="lv")] == [
        "16 pašvaldību",
        "200 eksemplāros",
    ]


def test_an_ordinal_is_not_a_count() -> None:
    """ "2. ģimenēm" (the second item of a list) is not two families."""
    assert find_quantities("1. darbiniekiem; 2. ģimenēm ar bērniem", lang="lv") == []
    with pytest.raises(QuantityParseError, match="ordinal"):
        parse_measure("2. ģimenēm", lang="lv")


def test_two_years_are_not_one_date() -> None:
    """Text holding two years is refused as one date rather than read as either."""
    with pytest.raises(DateParseError, match="more than one year"):
        parse_date("2019. gada 26. martam 2018. gadā", lang="lv")


@pytest.mark.parametrize(
    ("lang", "text", "written"),
    [
        ("cs", "Projekt začal 1. listopadu 2016.", "1. listopadu 2016"),
        ("lv", "Termiņš: 16.05.2019.", "16.05.2019."),  # the Latvian date's own dot
        ("hr", "Početak: 12. ožujka 2019.", "12. ožujka 2019."),
        ("lt", "Pradžia 2022 m. gruodžio 8 d.", "2022 m. gruodžio 8 d."),
        ("lv", "līdz 2019. gada 31. oktobrim.", "2019. gada 31. oktobrim"),
    ],
)
def test_a_sentence_full_stop_is_not_part_of_a_date(lang: str, text: str, written: str) -> None:
    """The full stop ending a sentence is left out; a date's own dot is kept."""
    assert [f.text for f in find_dates(text, lang=lang)] == [written]  # type: ignore[arg-type]


@given(
    lang=st.sampled_from(["cs", "en", "lt", "lv", "pl", "sk"]),
    count=st.integers(min_value=0, max_value=10**6),
    data=st.data(),
)
def test_a_count_is_never_found_as_a_date(lang: Lang, count: int, data: st.DataObject) -> None:
    """A figure with a unit word (a year-sized one included) is a count and never a date."""
    table = language(lang)
    words = [
        e.term
        for e in entries(UNITS_FILE)
        if e.lang == lang and fold(e.term) not in table.jump_words and e.term[0].isalpha()
    ]
    unit = data.draw(st.sampled_from(words))
    text = f"Projekte dalyvavo {count} {unit} ir kiti"
    assert find_dates(text, lang=lang) == []
    assert [f.value.value.min for f in find_quantities(text, lang=lang)] == [count]
