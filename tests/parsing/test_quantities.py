"""Reading counts, ranges and amounts of time (capacitylib.parsing.quantities)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from capacitylib.codelists import HoursUnit, ReachUnit, TimeUnit
from capacitylib.parsing import Measure, QuantityParseError, parse_measure, parse_quantity
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
