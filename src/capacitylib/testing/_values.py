"""Strategies for the value types.

Each draws validated values; :func:`capacitylib.testing.as_data` turns any of them into the
plain data a file holds. The optional strategy arguments (``values``, ``amounts``, ``dates``,
``texts``) replace the default draws, for instance with :data:`EXTREME` figures.
"""

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
    amounts: st.SearchStrategy[Decimal] | None = None,
) -> st.SearchStrategy[Money]:
    """Money in the given ISO 4217 ``currencies`` (default: all known).

    Amounts run from ``min_amount`` to ``max_amount`` with ``places`` decimal places, or are
    drawn from ``amounts`` when given.
    """
    codes = sorted(currencies or _tables.currencies())
    if amounts is None:
        amounts = st.decimals(
            min_value=Decimal(min_amount),
            max_value=Decimal(max_amount),
            allow_nan=False,
            allow_infinity=False,
            places=places,
        )
    return st.builds(lambda a, c: Money(amount=a, currency=c), amounts, st.sampled_from(codes))


def _quantities(
    min_value: Decimal | int, max_value: Decimal | int, places: int
) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


@st.composite
def _bounds(
    draw: st.DrawFn,
    values: st.SearchStrategy[Decimal],
    exact: bool | None,
    open_bounds: bool,
) -> dict[str, object]:
    """Estimate fields: two draws of ``values`` ordered, or one (exact, or an open bound)."""
    if open_bounds and draw(st.integers(0, 7)) == 0:
        # "at least 30", "up to 200": figures with one bound (format 1.1).
        value = draw(values)
        if draw(st.booleans()):
            return {"min": value, "at_least": True, "approximate": draw(st.booleans())}
        return {"min": 0, "max": value, "up_to": True, "approximate": draw(st.booleans())}
    low = draw(values)
    is_exact = draw(st.booleans()) if exact is None else exact
    high = low if is_exact else draw(values)
    low, high = sorted((low, high))
    return {"min": low, "max": high, "approximate": draw(st.booleans())}


def estimates(
    *,
    min_value: Decimal | int = 0,
    max_value: Decimal | int = 10_000,
    places: int = 0,
    exact: bool | None = None,
    values: st.SearchStrategy[Decimal] | None = None,
    open_bounds: bool = False,
) -> st.SearchStrategy[Estimate]:
    """Estimates: exact (``exact=True``), ranges (``exact=False``) or either.

    Bounds run from ``min_value`` to ``max_value`` with ``places`` decimal places, or are drawn
    from ``values`` when given (non-negative). ``open_bounds`` sometimes gives a figure with one
    bound ("at least 30", "up to 200").
    """
    bounds = _quantities(min_value, max_value, places) if values is None else values
    return _bounds(bounds, exact, open_bounds).map(Estimate.model_validate)


def hours(
    *,
    units: Sequence[HoursUnit | str] = tuple(HoursUnit),
    max_value: Decimal | int = 500,
    values: st.SearchStrategy[Decimal] | None = None,
    academic_hour_minutes: st.SearchStrategy[int] | None = None,
    open_bounds: bool = False,
) -> st.SearchStrategy[Hours]:
    """Hours in any of ``units``; academic hours sometimes carry their stated length.

    Figures run from 0 to ``max_value`` with one decimal place, or are drawn from ``values``;
    the stated length of an academic hour (minutes) from ``academic_hour_minutes`` (default
    40, 45 or 50).
    """
    bounds = _quantities(0, max_value, 1) if values is None else values
    minutes = (
        st.sampled_from([40, 45, 50]) if academic_hour_minutes is None else (academic_hour_minutes)
    )

    @st.composite
    def build(draw: st.DrawFn) -> Hours:
        data = draw(_bounds(bounds, None, open_bounds))
        unit = HoursUnit(draw(st.sampled_from(list(units))))
        data["unit"] = unit
        if unit is HoursUnit.ACADEMIC_HOUR and draw(st.booleans()):
            data["academic_hour_minutes"] = draw(minutes)
        return Hours.model_validate(data)

    return build()


def localized_texts(
    *,
    languages: Sequence[str] | st.SearchStrategy[str] = LANGUAGES,
    max_languages: int = 3,
    texts: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[LocalizedText]:
    """Multilingual text in some of ``languages`` (tags, or a strategy of tags).

    Each text is any non-blank text of up to 60 characters, or drawn from ``texts``.
    """
    tags = (
        languages if isinstance(languages, st.SearchStrategy) else st.sampled_from(list(languages))
    )
    return st.dictionaries(
        tags, non_blank_text() if texts is None else texts, min_size=1, max_size=max_languages
    ).map(LocalizedText)


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    precisions: Sequence[DatePrecision | str] = tuple(DatePrecision),
    yearless: bool = True,
    min_date: date = date(1990, 1, 1),
    max_date: date = date(2060, 12, 31),
    dates: st.SearchStrategy[date] | None = None,
) -> PartialDate:
    """Partial dates of the given precisions; ``yearless`` allows dates with no year.

    The day is drawn within ``min_date..max_date``, or from ``dates`` when given.
    """
    d = draw(st.dates(min_value=min_date, max_value=max_date) if dates is None else dates)
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
    max_days: int | None = 4000,
    dates: st.SearchStrategy[date] | None = None,
) -> Period:
    """Inclusive periods that end by ``max_date``; ``open_end`` allows ongoing ones.

    The start is drawn within ``min_date..max_date``, or from ``dates`` when given; a period
    lasts at most ``max_days`` days after its start (``None``: up to ``max_date``). One-day
    periods and periods ending on ``max_date`` are drawn often.
    """
    start = draw(st.dates(min_value=min_date, max_value=max_date) if dates is None else dates)
    if open_end and draw(st.booleans()):
        return Period(start=start)
    room = max((max_date - start).days, 0)
    if max_days is not None:
        room = min(max_days, room)
    days = draw(st.one_of(st.sampled_from([0, min(1, room), room]), st.integers(0, room)))
    return Period(start=start, end=start + timedelta(days=days))
