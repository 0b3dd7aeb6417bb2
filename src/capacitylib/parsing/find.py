"""Values inside running text: every date, range, amount and count a sentence states.

Scraped pages say "Rozpoczęcie projektu: 1 marca 2021 roku", not "1 marca 2021". The
``find_*`` functions try every run of words of the text (longest first, left to right) with
the single-value parser and keep the runs it reads, so they read exactly the forms the
parsers read and nothing more. On top of that they refuse what is only a value in a clean
cell:

- a number alone is never a date (``2019 účastníků`` is a count): a year needs the
  language's year word (``2018. gadā``, ``2022 r.``, ``2026 m.``) or a month, and an
  all-numeric date needs a four-digit year (``16.05.2019``);
- a month abbreviation that is also a word (Czech *pro* "for" is CLDR's December) counts only
  followed by a dot or in a full date; English month names count only capitalised;
- a year range needs years 1900-2100 not followed by a unit or a currency
  (``1200–1500 osób`` is a count);
- an amount or count after an open-bound word (``up to``, ``do``, ``ne mazāk kā``) is left
  out: it is not the value stated (open bounds are not representable yet);
- a count needs a unit, and is never part of a date (``2019 m.`` is a year, not 2019 years).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._scan import (
    DIGIT_RE,
    YEAR_RE,
    amount_words,
    before,
    belongs,
    cut,
    date_end,
    date_words,
    is_number_only,
    month_tokens_ok,
    quantity_words,
    scan,
    trim,
    unit_or_currency_re,
    without_final_dot,
)
from capacitylib.parsing._text import words_pattern
from capacitylib.parsing.dates import _parse_date
from capacitylib.parsing.errors import OpenBoundError, ParseError
from capacitylib.parsing.money import _parse_money
from capacitylib.parsing.periods import PartialPeriod, _parse_partial_period
from capacitylib.parsing.quantities import Measure, _parse_measure
from capacitylib.values import Money, PartialDate

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Found(Generic[V]):
    """A value found inside a text: where it is, what was written, the value and its precision.

    ``precision`` is ``day``, ``month`` or ``year`` for a date (for a range, the coarser of
    its stated ends), and ``exact`` or ``approximate`` for an amount or a count.

    >>> found = find_dates("Termin: 31 grudnia 2022 r.", lang="pl")
    >>> [(f.span, f.text, str(f.value)) for f in found]
    [((8, 26), '31 grudnia 2022 r.', '2022-12-31')]
    """

    start: int
    end: int
    text: str
    value: V
    precision: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: ``text[start:end]`` of the searched text is :attr:`text`."""
        return self.start, self.end


def hint(error: ParseError, finder: Callable[..., list[Found[Any]]], **options: Any) -> ParseError:
    """``error`` with a reason that points to ``finder`` when values are inside the text.

    Only when the text has words besides the value's own, and the values found hold every
    figure of it: "2022 m. gruodžio 32 d." holds the month "2022 m. gruodžio" but is a wrong
    date, not a date among other words.
    """
    if getattr(error, "bound", None) is not None:
        return error
    text, lang = error.text, cast("Lang", error.lang)
    own = _FINDER_WORDS[finder.__name__](lang)
    if all(belongs(text[a:b], own) for a, b in cut(text)):
        return error  # nothing but the value's own words: it is wrong, not among words
    found = finder(text, lang=lang, **options)
    rest = list(text)
    for item in found:
        rest[item.start : item.end] = [" "] * (item.end - item.start)
    rest_text = "".join(rest)
    if not found or DIGIT_RE.search(rest_text):
        return error
    written = ", ".join(repr(f.text) for f in found)
    reason = f"{error.reason}; " if error.reason else ""
    reason += f"the text holds {'a value' if len(found) == 1 else 'values'} among other words"
    return type(error)(
        error.text,
        lang=error.lang,
        expected=error.expected,
        reason=f"{reason} ({finder.__name__} reads {written})",
    )


def _date_reader(
    table: Language, reference_year: int | None
) -> Callable[[str], PartialDate | None]:
    def read(written: str) -> PartialDate | None:
        if not DIGIT_RE.search(written):
            return None
        try:
            value = _parse_date(written, lang=table.code, reference_year=reference_year)
        except ParseError:
            return None
        numbers = re.findall(r"\d+", written)
        # A number alone is a count; an all-numeric date needs a four-digit year.
        if is_number_only(written) and (len(numbers) < 2 or not any(len(n) == 4 for n in numbers)):
            return None
        full = value.day is not None and value.year is not None and value.month is not None
        if not month_tokens_ok(written, table, full=full):
            return None
        return value

    return read


def find_dates(
    text: str, *, lang: Lang, reference_year: int | None = None
) -> list[Found[PartialDate]]:
    """Every date stated inside ``text``, with its span, value and precision, in order.

    >>> [str(f.value) for f in find_dates("Rozpoczęcie projektu: 1 marca 2021 roku", lang="pl")]
    ['2021-03-01']
    >>> found = find_dates("setkání proběhlo 15. května v Olomouci", lang="cs")
    >>> [(f.text, f.precision) for f in found]
    [('15. května', 'day')]
    """
    table = language(lang)
    read = _date_reader(table, reference_year)
    found = []
    for first, last, value in scan(text, read, longest=8, allowed=date_words(lang)):
        start, end = trim(text, first, last, table)
        end = date_end(text, start, end, table)
        found.append(Found(start, end, text[start:end], value, value.precision.value))
    return found


def _period_precision(start: PartialDate | None, end: PartialDate | None) -> str:
    order = ["year", "month", "day"]
    stated = [d.precision.value for d in (start, end) if d is not None]
    return min(stated, key=order.index) if stated else "year"


def find_periods(
    text: str, *, lang: Lang, reference_year: int | None = None
) -> list[Found[PartialPeriod]]:
    """Every range of dates stated inside ``text`` (a :class:`PartialPeriod` each).

    A range needs a dash or the language's "from"/"until" word (or "until the end of");
    a date alone is found by :func:`find_dates`, not here.

    >>> text = "Projekts sākās 2019. gada martā un ilgs līdz 2021. gada decembrim"
    >>> [(f.text, f.value) for f in find_periods(text, lang="lv")]
    [('līdz 2021. gada decembrim', PartialPeriod(start=None, end=PartialDate('2021-12')))]
    """
    table = language(lang)
    range_words = words_pattern(table.range_start_words + table.range_end_words)
    joiner = re.compile(rf"[-–]|(?<!\w)(?:{range_words})(?!\w)" if range_words else r"[-–]", re.I)
    units_or_money = unit_or_currency_re(table)

    def read(written: str) -> PartialPeriod | None:
        if not DIGIT_RE.search(written) or not joiner.search(written):
            return None
        try:
            period = _parse_partial_period(written, lang=lang, reference_year=reference_year)
        except ParseError:
            return None
        ends = [d for d in period if d is not None]
        if any(not month_tokens_ok(written, table, full=d.day is not None) for d in ends):
            return None
        if is_number_only(written):
            years = [int(y) for y in YEAR_RE.findall(written)]
            if len(years) != len(re.findall(r"\d+", written)) or not all(
                1900 <= y <= 2100 for y in years
            ):
                return None
        return period

    found: list[Found[PartialPeriod]] = []
    for first, last, period in scan(text, read, longest=14, allowed=date_words(lang)):
        start, end = trim(text, first, last, table)
        if is_number_only(text[start:end]) and units_or_money.match(text, end):
            continue  # "1990–2010 osób" would be a count, not years
        found.append(Found(start, end, text[start:end], period, _period_precision(*period)))
    return found


def find_amounts(text: str, *, lang: Lang) -> list[Found[Money]]:
    """Every amount of money (a figure with its currency) stated inside ``text``.

    An amount after an "about" word is ``approximate``; one after an open-bound word
    ("up to", "iki") is left out.

    >>> found = find_amounts("Rozpočet projektu: 12 345 678,90 Kč", lang="cs")
    >>> [(f.text, str(f.value), f.precision) for f in found]
    [('12 345 678,90 Kč', '12345678.90 CZK', 'exact')]
    """
    table = language(lang)

    def read(written: str) -> Money | None:
        if not DIGIT_RE.search(written):
            return None
        try:
            return _parse_money(written, lang=lang, currency=None)
        except ParseError:
            return None

    found = []
    for start, last, money in scan(text, read, longest=8, allowed=amount_words(lang)):
        if before(text, start, table.bound_words):
            continue
        precision = "approximate" if before(text, start, table.approximate_words) else "exact"
        end = without_final_dot(text, start, last, table)
        found.append(Found(start, end, text[start:end], money, precision))
    return found


def find_quantities(text: str, *, lang: Lang) -> list[Found[Measure]]:
    """Every count or amount of time with a unit stated inside ``text`` (a :class:`Measure`).

    A bare number is not a quantity here (it may be anything); a figure that is part of a
    date or an amount is not a count; one after an open-bound word is left out.

    >>> found = find_quantities("Apmācības notika 16 pašvaldībās, vidēji 2 stundas", lang="lv")
    >>> [(f.text, str(f.value.value), f.precision) for f in found]
    [('16 pašvaldībās', '16', 'exact'), ('vidēji 2 stundas', 'cca 2 h', 'approximate')]
    """
    table = language(lang)
    taken = [
        found.span
        for finder in (find_dates, find_periods, find_amounts)
        for found in finder(text, lang=lang)
    ]

    def read(written: str) -> Measure | None:
        try:
            measure = _parse_measure(written, lang=lang)
        except OpenBoundError:
            return None
        except ParseError:
            return None
        return measure if measure.unit is not None else None

    found = []
    for start, last, measure in scan(text, read, longest=8, allowed=quantity_words(lang)):
        if any(start < t_end and t_start < last for t_start, t_end in taken):
            continue
        if before(text, start, table.bound_words):
            continue
        precision = "approximate" if measure.value.approximate else "exact"
        end = without_final_dot(text, start, last, table)
        found.append(Found(start, end, text[start:end], measure, precision))
    return found


_FINDER_WORDS: dict[str, Callable[[Lang], frozenset[str]]] = {
    "find_dates": date_words,
    "find_periods": date_words,
    "find_amounts": amount_words,
    "find_quantities": quantity_words,
}
