"""Reading counts, ranges and amounts of time (capacitylib.parsing.quantities)."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from capacitylib.codelists import HoursUnit, ReachUnit, TimeUnit
from capacitylib.parsing import (
    Measure,
    OpenBoundError,
    QuantityParseError,
    parse_measure,
    parse_quantity,
)
from capacitylib.values import Estimate, Hours

CLOCK, ACADEMIC, DAY = HoursUnit.CLOCK_HOUR, HoursUnit.ACADEMIC_HOUR, HoursUnit.DAY


@pytest.mark.parametrize(
    ("seed", "lang", "text", "expected"),
    [
        ("001", "cs", "2 - 3 hodiny", Hours.range(2, 3, unit=CLOCK)),
        ("001", "cs", "cca 2-3", Estimate.range(2, 3, approximate=True)),
        ("001", "cs", "114", Estimate.exact(114)),
        ("001", "cs", "34", Estimate.exact(34)),
        ("001", "cs", "22", Estimate.exact(22)),
        ("002", "lt", "Aštuonias akademines valandas", Hours.exact(8, unit=ACADEMIC)),
        ("003", "lv", "88-100 akadēmisko stundu", Hours.range(88, 100, unit=ACADEMIC)),
        (
            "003",
            "lv",
            "vidēji 88-100 akadēmisko stundu",
            Hours.range(88, 100, unit=ACADEMIC, approximate=True),
        ),
        ("003", "lv", "313 stundu", Hours.exact(313, unit=CLOCK)),
        ("003", "lv", "28", Estimate.exact(28)),
        ("004", "lv", "14", Estimate.exact(14)),
        ("004", "lv", "48", Estimate.exact(48)),
        ("004", "lv", "100", Estimate.exact(100)),
        ("004", "lv", "7", Estimate.exact(7)),
        ("000", "lt", "keturias", Estimate.exact(4)),
    ],
)
def test_seed_quantities(seed: str, lang: str, text: str, expected: Estimate) -> None:
    """Counts and hours in the seed texts read to the Estimate or Hours they state."""
    assert parse_quantity(text, lang=lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "2-3 hodiny", Hours.range(2, 3, unit=CLOCK)),
        ("cs", "2 až 3 hodiny", Hours.range(2, 3, unit=CLOCK)),
        ("cs", "přibližně 5 dnů", Hours.exact(5, unit=DAY, approximate=True)),
        ("cs", "16 vyučovacích hodin", Hours.exact(16, unit=ACADEMIC)),
        ("lt", "8 akademines valandas", Hours.exact(8, unit=ACADEMIC)),
        ("lt", "apie 2–3 val.", Hours.range(2, 3, unit=CLOCK, approximate=True)),
        ("lt", "2,5 val.", Hours.exact(Decimal("2.5"), unit=CLOCK)),
        ("lt", "3 dienos", Hours.exact(3, unit=DAY)),
        ("lt", "dvi–tris valandas", Hours.range(2, 3, unit=CLOCK)),
        ("lv", "3 dienas", Hours.exact(3, unit=DAY)),
        ("lv", "divas stundas", Hours.exact(2, unit=CLOCK)),
        ("pl", "ok. 2-3 godziny", Hours.range(2, 3, unit=CLOCK, approximate=True)),
        ("pl", "16 godzin dydaktycznych", Hours.exact(16, unit=ACADEMIC)),
        ("pl", "2 dni", Hours.exact(2, unit=DAY)),
        ("en", "about 30", Estimate.exact(30, approximate=True)),
        ("en", "~5 h", Hours.exact(5, unit=CLOCK, approximate=True)),
        ("en", "3 to 5 days", Hours.range(3, 5, unit=DAY)),
        ("en", "twelve academic hours", Hours.exact(12, unit=ACADEMIC)),
        ("en", "1,200", Estimate.exact(1200)),
    ],
)
def test_quantity_forms(lang: str, text: str, expected: Estimate) -> None:
    """Ranges, "about" words, number words and unit words in every language."""
    result = parse_quantity(text, lang=lang)  # type: ignore[arg-type]
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("seed", "lang", "text", "value", "unit"),
    [
        ("001", "cs", "2-3 měsíčním", Estimate.range(2, 3), TimeUnit.MONTH),
        ("001", "cs", "114 supervizních setkání", Estimate.exact(114), ReachUnit.SESSIONS),
        ("001", "cs", "34 facilitativních setkání", Estimate.exact(34), ReachUnit.SESSIONS),
        ("001", "cs", "22 kontaktních pracovišť", Estimate.exact(22), ReachUnit.CONTACT_POINTS),
        ("003", "lv", "6 mēnešus", Estimate.exact(6), TimeUnit.MONTH),
        ("003", "lv", "12 ģimenes", Estimate.exact(12), ReachUnit.FAMILIES),
        ("004", "lv", "200 eksemplāros", Estimate.exact(200), ReachUnit.COPIES),
        ("004", "lv", "100 cilvēkiem", Estimate.exact(100), ReachUnit.PERSONS),
        ("000", "lt", "4018 asmenų", Estimate.exact(4018), ReachUnit.PERSONS),
        ("001", "cs", "2 - 3 hodiny", Hours.range(2, 3, unit=CLOCK), CLOCK),
        ("003", "lv", "16 pašvaldību", Estimate.exact(16), ReachUnit.MUNICIPALITIES),
        ("003", "lv", "5 gadījumos", Estimate.exact(5), ReachUnit.CASES),
        ("003", "lv", "sešiem mēnešiem", Estimate.exact(6), TimeUnit.MONTH),
        ("003", "lv", "6 mēnešiem", Estimate.exact(6), TimeUnit.MONTH),
    ],
)
def test_seed_measures(
    seed: str, lang: str, text: str, value: Estimate, unit: HoursUnit | TimeUnit | ReachUnit
) -> None:
    """Counts with a unit in the seed texts read with that unit."""
    assert parse_measure(text, lang=lang) == Measure(value, unit)  # type: ignore[arg-type]


def test_quantity_refuses_to_drop_a_unit_that_is_not_time() -> None:
    """parse_quantity refuses months or copies rather than return a bare count."""
    with pytest.raises(QuantityParseError, match="parse_measure"):
        parse_quantity("6 mēnešus", lang="lv")


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("en", "8 bananas", "'bananas' is not a unit"),
        ("lv", "12 reģionālas", "'reģionālas' is not a unit"),
        ("en", "hours", "not a number or a number word"),
        ("cs", "3-2", "'min' must not exceed 'max'"),
        ("cs", "", "not a number"),
        ("lt", "2.5 val.", "decimal mark in lt"),
        ("cs", "2 - 3 - 4 hodiny", "not a number or a range of numbers"),
    ],
)
def test_quantity_errors_name_the_input(lang: str, text: str, reason: str) -> None:
    """A quantity that cannot be read raises QuantityParseError naming the input and why."""
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity(text, lang=lang)  # type: ignore[arg-type]
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in str(caught.value)
    assert "expected a number or a range" in str(caught.value)


@pytest.mark.parametrize(
    ("lang", "text", "value", "unit"),
    [
        ("sk", "2 - 3 hodiny", Hours.range(2, 3, unit=CLOCK), CLOCK),
        ("sk", "cca 2-3", Estimate.range(2, 3, approximate=True), None),
        ("sk", "16 vyučovacích hodín", Hours.exact(16, unit=ACADEMIC), ACADEMIC),
        ("sk", "päť dní", Hours.exact(5, unit=DAY), DAY),
        ("sk", "114 supervíznych stretnutí", Estimate.exact(114), ReachUnit.SESSIONS),
        ("sk", "40 osôb", Estimate.exact(40), ReachUnit.PERSONS),
        ("sk", "12 obciach", Estimate.exact(12), ReachUnit.MUNICIPALITIES),
        ("sk", "6 mesiacov", Estimate.exact(6), TimeUnit.MONTH),
    ],
)
def test_slovak_quantities(
    lang: str, text: str, value: Estimate, unit: HoursUnit | TimeUnit | ReachUnit | None
) -> None:
    """Slovak counts and hours read as the other languages' do."""
    assert parse_measure(text, lang=lang) == Measure(value, unit)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "unit"),
    [
        # every case of one noun per language, made from unit_lemmas.csv
        ("lv", "16 pašvaldībās", ReachUnit.MUNICIPALITIES),
        ("lv", "16 pašvaldībai", ReachUnit.MUNICIPALITIES),
        ("lv", "3 gadījumiem", ReachUnit.CASES),
        ("lv", "4 ģimenēs", ReachUnit.FAMILIES),
        ("lt", "3 savivaldybėse", ReachUnit.MUNICIPALITIES),
        ("lt", "3 savivaldybėmis", ReachUnit.MUNICIPALITIES),
        ("lt", "20 dalyvių", ReachUnit.PERSONS),
        ("lt", "5 renginiuose", ReachUnit.EVENTS),
        ("lt", "5 atvejais", ReachUnit.CASES),
        ("cs", "5 organizacemi", ReachUnit.ORGANISATIONS),
        ("cs", "5 obcích", ReachUnit.MUNICIPALITIES),
        ("cs", "10 případech", ReachUnit.CASES),
        ("sk", "8 organizáciách", ReachUnit.ORGANISATIONS),
        ("sk", "8 stretnutiami", ReachUnit.SESSIONS),
        ("pl", "7 gminach", ReachUnit.MUNICIPALITIES),
        ("pl", "7 organizacjom", ReachUnit.ORGANISATIONS),
        ("pl", "7 spotkaniach", ReachUnit.SESSIONS),
    ],
)
def test_unit_nouns_in_any_case(lang: str, text: str, unit: ReachUnit) -> None:
    """A unit noun is read in any case and number its paradigm gives."""
    assert parse_measure(text, lang=lang).unit is unit  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("lv", "16 pašvaldībx"),
        ("lt", "3 savivaldybėmi"),
        ("cs", "5 organizacema"),
        ("pl", "7 gminu"),
        ("sk", "3 obcu"),
    ],
)
def test_unknown_case_forms_are_refused(lang: str, text: str) -> None:
    """A form no paradigm gives is not a unit (nothing is stemmed at reading time)."""
    with pytest.raises(QuantityParseError, match="is not a unit"):
        parse_measure(text, lang=lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "bound"),
    [
        ("en", "at least 30", "at least"),
        ("en", "up to 200", "up to"),
        ("en", "more than 1 000", "more than"),
        ("en", "20+ persons", "+"),
        ("lv", "ne mazāk kā 20", "ne mazāk kā"),
        ("lv", "vismaz 20 dalībnieki", "vismaz"),
        ("cs", "do 200", "do"),
        ("cs", "minimálně 10 osob", "minimálně"),
        ("cs", "více než 20 hodin", "více než"),
        ("sk", "minimálne 10", "minimálne"),
        ("pl", "ponad 100 osób", "ponad"),
        ("lt", "ne mažiau kaip 30 dalyvių", "ne mažiau kaip"),
        ("lt", "nuo 20 asmenų", "nuo"),  # "from 20" with no end is open too
        ("lt", "iki 7 m.", "iki"),
    ],
)
def test_open_bounds_are_refused_clearly(lang: str, text: str, bound: str) -> None:
    """An open bound is refused with OpenBoundError (not representable yet), never closed."""
    with pytest.raises(OpenBoundError, match="open bounds are not representable yet") as caught:
        parse_measure(text, lang=lang)  # type: ignore[arg-type]
    assert caught.value.bound == bound
    assert isinstance(caught.value, QuantityParseError)
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert (type(copy), copy.bound, str(copy)) == (OpenBoundError, bound, str(caught.value))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "cca 50", Estimate.exact(50, approximate=True)),
        ("lt", "apie 40", Estimate.exact(40, approximate=True)),
        ("cs", "od 2 do 3", Estimate.range(2, 3)),
        ("cs", "do banana", None),
    ],
)
def test_about_words_and_closed_ranges_still_read(
    lang: str, text: str, expected: Estimate | None
) -> None:
    """ "About" words stay approximate and a from-to range stays closed; junk after a bound word
    is an ordinary error."""
    if expected is None:
        with pytest.raises(QuantityParseError) as caught:
            parse_quantity(text, lang=lang)  # type: ignore[arg-type]
        assert not isinstance(caught.value, OpenBoundError)
        return
    assert parse_quantity(text, lang=lang) == expected  # type: ignore[arg-type]
