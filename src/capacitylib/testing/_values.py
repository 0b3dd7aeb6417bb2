"""Strategies for the value types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from capacitylib import _tables
from capacitylib.codelists import DatePrecision, HoursUnit
from capacitylib.values import Estimate, Hours, LocalizedText, Money, PartialDate, Period

#: The field's languages, used by default for multilingual text.
LANGUAGES: tuple[str, ...] = ("lt", "lv", "cs", "pl", "en")

_TEXT_ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc"),  # no surrogates or control characters
)


def non_blank_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text with at least one non-space character (any script, incl. right-to-left)."""
    return st.text(_TEXT_ALPHABET, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


def money(
    *,
    currencies: Sequence[str] | None = None,
    min_amount: Decimal | int = 0,
    max_amount: Decimal | int = 10**12,
    places: int | None = 2,
) -> st.SearchStrategy[Money]:
    """Money in the given ISO 4217 ``currencies`` (default: all known)."""
    codes = sorted(currencies or _tables.currencies())
    amounts = st.decimals(
        min_value=Decimal(min_amount),
        max_value=Decimal(max_amount),
        allow_nan=False,
        allow_infinity=False,
        places=places,
    )
    return st.builds(lambda a, c: Money(amount=a, currency=c), amounts, st.sampled_from(codes))


def _quantities(max_value: int, places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(0),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


@st.composite
def _bounds(draw: st.DrawFn, max_value: int, places: int, exact: bool | None) -> dict[str, object]:
    low = draw(_quantities(max_value, places))
    is_exact = draw(st.booleans()) if exact is None else exact
    high = low if is_exact else draw(_quantities(max_value, places).filter(lambda q: q >= low))
    return {"min": low, "max": high, "approximate": draw(st.booleans())}


def estimates(
    *, max_value: int = 10_000, places: int = 0, exact: bool | None = None
) -> st.SearchStrategy[Estimate]:
    """Estimates: exact (``exact=True``), ranges (``exact=False``) or either."""
    return _bounds(max_value, places, exact).map(Estimate.model_validate)


def hours(
    *, units: Sequence[HoursUnit | str] = tuple(HoursUnit), max_value: int = 500
) -> st.SearchStrategy[Hours]:
    """Hours in any of ``units``; academic hours sometimes carry their stated length."""

    @st.composite
    def build(draw: st.DrawFn) -> Hours:
        data = draw(_bounds(max_value, 1, None))
        unit = HoursUnit(draw(st.sampled_from(list(units))))
        data["unit"] = unit
        if unit is HoursUnit.ACADEMIC_HOUR and draw(st.booleans()):
            data["academic_hour_minutes"] = draw(st.sampled_from([40, 45, 50]))
        return Hours.model_validate(data)

    return build()


def localized_texts(
    *, languages: Sequence[str] = LANGUAGES, max_languages: int = 3
) -> st.SearchStrategy[LocalizedText]:
    """Multilingual text in some of ``languages``."""
    return st.dictionaries(
        st.sampled_from(list(languages)), non_blank_text(), min_size=1, max_size=max_languages
    ).map(LocalizedText)


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    precisions: Sequence[DatePrecision | str] = tuple(DatePrecision),
    yearless: bool = True,
    min_date: date = date(1990, 1, 1),
    max_date: date = date(2060, 12, 31),
) -> PartialDate:
    """Partial dates of the given precisions; ``yearless`` allows dates with no year."""
    d = draw(st.dates(min_value=min_date, max_value=max_date))
    precision = DatePrecision(draw(st.sampled_from(list(precisions))))
    no_year = yearless and precision is not DatePrecision.YEAR and draw(st.booleans())
    year = None if no_year else d.year
    if precision is DatePrecision.YEAR:
        return PartialDate(d.year)
    if precision is DatePrecision.MONTH:
        return PartialDate(year, d.month)
    return PartialDate(year, d.month, d.day)


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    open_end: bool = True,
    min_date: date = date(1990, 1, 1),
    max_date: date = date(2060, 12, 31),
    max_days: int = 4000,
) -> Period:
    """Inclusive periods within ``min_date..max_date``; ``open_end`` allows ongoing ones."""
    start = draw(st.dates(min_value=min_date, max_value=max_date))
    if open_end and draw(st.booleans()):
        return Period(start=start)
    room = min(max_days, (max_date - start).days)
    return Period(start=start, end=start + timedelta(days=draw(st.integers(0, room))))
