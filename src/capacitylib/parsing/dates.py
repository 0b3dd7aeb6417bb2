"""Dates as the field writes them, read into :class:`~capacitylib.values.PartialDate`.

dateutil does the reading, with a parserinfo per language (:mod:`._languages`). Around it
this module does what dateutil cannot: it keeps the precision the text states (dateutil
fills a missing day or year from ``default=`` without saying so), passes an explicit date
order for every numeric form, and expands "16. un 17. maijā" into two dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from dateutil.parser import ParserError

from capacitylib.parsing._languages import (
    Lang,
    Language,
    date_parser_for,
    join_month_words,
    language,
)
from capacitylib.parsing._text import clean, words_pattern
from capacitylib.parsing.errors import DateParseError, examples, hinted_by
from capacitylib.values import PartialDate

# dateutil fills every part the text leaves out from ``default=``. Parsing twice with
# defaults that differ in year, month and day shows which parts the text states: those come
# out equal. Both years are leap years so that a year-less 29 February survives.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 12, 28))

# A four-digit year written first always means year-month-day (2018.12.31, 2018-12-31).
_YEAR_FIRST_RE = re.compile(r"^\d{4} ?[-./] ?\d{1,2}(?: ?[-./] ?\d{1,2})?\.?$")
# A four-digit year written last after two numbers means day-month-year in every language
# we read, Lithuanian and English included (16.05.2019., 1. 11. 2016, 01/11/2016).
_YEAR_LAST_RE = re.compile(r"^\d{1,2} ?[./] ?\d{1,2} ?[./] ?\d{4}\.?$")
# Month and year only, numeric: 05/2019, 05.2019 (dateutil reads "05.2019" as a decimal).
_MONTH_YEAR_RE = re.compile(r"^(\d{1,2}) ?[./] ?(\d{4})\.?$")
# Day and month only, numeric: 12. 3., 12.03., 03-12 (lt), in the order of CLDR's "Md" pattern.
_DAY_MONTH_RE = re.compile(r"^(\d{1,2}) ?([./-]) ?(\d{1,2})\.?$")
_WORD_RE = re.compile(r"[^\W\d_]+")
_FOUR_DIGITS_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
# An all-numeric date with a two-digit year (16.05.19): the only place such a year is read.
_SHORT_YEAR_RE = re.compile(r"^\d{1,2} ?[./-] ?\d{1,2} ?[./-] ?\d{2}\.?$")


@dataclass(frozen=True, slots=True)
class DateFields:
    """The parts of a date a text states; ``None`` for a part it leaves out."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


def date_error(text: str, table: Language, reason: str | None = None) -> DateParseError:
    """A :class:`DateParseError` for ``text`` showing the language's date forms."""
    return DateParseError(
        text, lang=table.code, expected=examples(table.date_examples), reason=reason
    )


def read_fields(part: str, table: Language, *, original: str) -> DateFields:
    """The parts of one cleaned date text, read by dateutil; ``original`` is for errors."""
    dayfirst, yearfirst = table.dayfirst, table.yearfirst
    core = _numeric_core(part, table)
    if _YEAR_FIRST_RE.match(core):
        dayfirst, yearfirst = False, True
    elif _YEAR_LAST_RE.match(core):
        dayfirst, yearfirst = True, False
    elif match := _MONTH_YEAR_RE.match(core):
        part, dayfirst, yearfirst = f"{match[2]}-{match[1]}", False, True
    elif match := _DAY_MONTH_RE.match(core):
        return _day_month(match, table, original=original)
    part = join_month_words(part, table)
    if len(_FOUR_DIGITS_RE.findall(part)) > 1:
        raise date_error(original, table, "more than one year: a list or a range, not one date")
    reader = date_parser_for(table.code)
    try:
        first, second = (
            reader.parse(part, default=d, dayfirst=dayfirst, yearfirst=yearfirst) for d in _DEFAULTS
        )
    except (ParserError, ValueError, OverflowError) as exc:
        reason = "not a date in this language's forms"
        if "out of range" in str(exc) or "must be in" in str(exc):
            reason = str(exc).split(":")[0]
        raise date_error(original, table, reason) from exc
    year = first.year if first.year == second.year else None
    if year is not None and year < 1000:
        raise date_error(original, table, f"a year is written with four digits (got {year})")
    if year is not None and not _FOUR_DIGITS_RE.search(part):
        # "32 d." is 32 days, not 2032: a two-digit year only ends an all-numeric date, and
        # only where dates are written day first (in lt, hu, sv "19.03.12" may be year first).
        if not _SHORT_YEAR_RE.match(core):
            raise date_error(original, table, "a year is written with four digits")
        if table.yearfirst:
            raise date_error(
                original, table, f"a two-digit year is ambiguous in {table.code}: write four digits"
            )
    weekdays = [w for w in map(reader.info.weekday, _WORD_RE.findall(part)) if w is not None]
    return DateFields(
        year=year,
        month=first.month if first.month == second.month else None,
        day=first.day if first.day == second.day else None,
        weekday=weekdays[0] if weekdays else None,
    )


def _numeric_core(part: str, table: Language) -> str:
    """``part`` without the date words around it: ``03.2019 г.`` gives ``03.2019``."""
    words = words_pattern(table.jump_words)
    if not words:
        return part
    edge = rf"(?:{words})\.?"
    return re.sub(rf"^(?:{edge}\s*)+(?=\d)|(?<=[\d.])\s*(?:{edge}\s*)+$", "", part, flags=re.I)


def _day_month(match: re.Match[str], table: Language, *, original: str) -> DateFields:
    """A numeric day and month without a year, in the language's order (never a year)."""
    first, second = int(match[1]), int(match[3])
    month, day = (first, second) if table.month_day_first else (second, first)
    if not 1 <= month <= 12:
        raise date_error(original, table, f"month must be in 1..12 (got {month})")
    if not 1 <= day <= 31:
        raise date_error(original, table, f"day must be in 1..31 (got {day})")
    return DateFields(year=None, month=month, day=day)


def borrow(side: DateFields, other: DateFields, *, side_is_start: bool) -> DateFields:
    """``side`` with the month and year it leaves to ``other`` ("14. – 18. května 2018").

    A range or list states a shared month or year once. A side with a day but no month
    takes the other's month; a side with a month but no year takes the other's year, one
    less (a start) or one more (an end) when the dates would otherwise run backwards
    ("15. prosince – 15. ledna 2019" starts in 2018).
    """
    year, month = side.year, side.month
    if side.day is not None and month is None and other.month is not None:
        month, year = other.month, year if year is not None else other.year
    if year is None and month is not None and other.year is not None:
        year = other.year
        if other.month is not None:
            mine, theirs = (month, side.day or 0), (other.month, other.day or 0)
            if side_is_start and mine > theirs:
                year -= 1
            elif not side_is_start and mine < theirs:
                year += 1
    return replace(side, year=year, month=month)


def to_partial_date(
    fields: DateFields, table: Language, *, original: str, reference_year: int | None
) -> PartialDate:
    """The :class:`PartialDate` a text states, checked; never a made-up day."""
    year = fields.year if fields.year is not None else reference_year
    if fields.month is None:
        if fields.day is not None:
            raise date_error(original, table, "a day without a month")
        if fields.year is None:
            raise date_error(original, table, "no year and no month")
        return _partial_date(year, None, None, table, original=original)
    if fields.day is not None:
        last = calendar.monthrange(year if year is not None else 2000, fields.month)[1]
        if fields.day > last:
            raise date_error(
                original, table, f"day {fields.day} is out of range for month {fields.month}"
            )
    if fields.weekday is not None and year is not None and fields.day is not None:
        actual = date(year, fields.month, fields.day).weekday()
        if actual != fields.weekday:
            raise date_error(
                original,
                table,
                f"the weekday named does not fall on {year:04d}-{fields.month:02d}-"
                f"{fields.day:02d} (a {calendar.day_name[actual]})",
            )
    return _partial_date(year, fields.month, fields.day, table, original=original)


def _partial_date(
    year: int | None, month: int | None, day: int | None, table: Language, *, original: str
) -> PartialDate:
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:  # PartialDate's own checks, e.g. a reference year of 0
        raise date_error(original, table, str(exc)) from exc


def _day_run_re(separators: str) -> re.Pattern[str]:
    """Bare day numbers joined by ``separators``, then a word (a month) or ``, 2019``."""
    return re.compile(
        rf"(?<!\S)\d{{1,2}}\.?(?:(?:{separators})\d{{1,2}}\.?)+(?=\s*[^\W\d_]|,\s*\d{{4}})",
        re.IGNORECASE,
    )


def expand_day_run(text: str, separators: str) -> list[str] | None:
    """One text per day of a run of bare days sharing the rest of the date, or ``None``.

    ``"2019. gada 16. un 17. maijā"`` gives ``["2019. gada 16. maijā", "2019. gada 17. maijā"]``;
    ``"14. - 18.květen 2018"`` gives ``["14.květen 2018", "18.květen 2018"]``.
    """
    runs = list(_day_run_re(separators).finditer(text))
    if len(runs) != 1:
        return None
    run = runs[0]
    days = list(re.finditer(r"\d{1,2}", run[0]))
    prefix = text[: run.start()]
    suffix = text[run.start() + days[-1].end() :]
    return [prefix + day[0] + suffix for day in days]


def _list_separators(table: Language) -> tuple[str, str]:
    """Regexes of what separates dates in a list: (inside a run of days, between dates)."""
    conj = rf"\s+(?:{words_pattern(table.conjunctions)})\s+"
    # A comma separates dates only between figures: never after a weekday ("Piektdiena,
    # 31.marts") and never in English, where it belongs to the date ("May 16, 2019").
    comma = "" if table.code == "en" else r"|(?<=[\d.])\s*,\s*(?=\d)"
    return rf"\s*,\s*|{conj}", rf"\s*;\s*|{conj}{comma}"


@hinted_by("find_dates", DateParseError, "reference_year")
def parse_date(text: str, *, lang: Lang, reference_year: int | None = None) -> PartialDate:
    """Read one date written in ``lang``, to the precision the text states.

    A text without a year (``Kovo 30 d.`` in a news item) gives a year-less date unless
    ``reference_year`` supplies one; a month or a year alone gives month or year precision.
    A day is never made up.

    Args:
        text: the date as written.
        lang: ``lt``, ``lv``, ``cs``, ``pl`` or ``en``.
        reference_year: year for a date whose text states none (the publication year).

    Raises:
        DateParseError: the text is not one date in the language's forms; when dates are
            inside other words, the reason names them and :func:`~.find.find_dates`.

    >>> parse_date("2022 m. gruodžio 8 d.", lang="lt")
    PartialDate('2022-12-08')
    >>> parse_date("2022. gada oktobris", lang="lv")
    PartialDate('2022-10')
    >>> parse_date("Kovo 30 d.", lang="lt")
    PartialDate('--03-30')
    >>> parse_date("Kovo 30 d.", lang="lt", reference_year=2023)
    PartialDate('2023-03-30')
    """
    return _parse_date(text, lang=lang, reference_year=reference_year)


def _parse_date(text: str, *, lang: Lang, reference_year: int | None) -> PartialDate:
    table = language(lang)
    cleaned = clean(text)
    if not cleaned:
        raise date_error(text, table, "the text is empty")
    range_words = words_pattern(table.range_start_words + table.range_end_words)
    if re.search(rf"–|\s-\s|^(?:{range_words})\s", cleaned, re.IGNORECASE):
        raise date_error(
            text, table, "a range, not one date: parse_period or parse_partial_period reads it"
        )
    fields = read_fields(cleaned, table, original=text)
    return to_partial_date(fields, table, original=text, reference_year=reference_year)


def parse_dates(text: str, *, lang: Lang, reference_year: int | None = None) -> list[PartialDate]:
    """Read a list of dates joined by "and" (``un``, ``ir``, ``a``, ``i``) or commas.

    Days sharing a month and year are expanded; a date that leaves out its year takes
    the year of the next date that states one.

    Raises:
        DateParseError: naming the first part that is not a date.

    >>> parse_dates("2019. gada 16. un 17. maijā", lang="lv")
    [PartialDate('2019-05-16'), PartialDate('2019-05-17')]
    >>> parse_dates("30. prosince a 2. ledna 2019", lang="cs")
    [PartialDate('2018-12-30'), PartialDate('2019-01-02')]
    """
    table = language(lang)
    cleaned = clean(text)
    if not cleaned:
        raise date_error(text, table, "the text is empty")
    in_run, between = _list_separators(table)
    parts = expand_day_run(cleaned, in_run) or re.split(between, cleaned, flags=re.IGNORECASE)
    fields = []
    for part in parts:
        try:
            fields.append(read_fields(part, table, original=text))
        except DateParseError as exc:
            raise date_error(text, table, f"in {part!r}: {exc.reason}") from exc
    for i in range(len(fields) - 2, -1, -1):
        fields[i] = borrow(fields[i], fields[i + 1], side_is_start=True)
    return [to_partial_date(f, table, original=text, reference_year=reference_year) for f in fields]
