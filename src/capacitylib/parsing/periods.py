"""Ranges of dates: ``1. 11. 2016 – 28. 2. 2018``, ``nuo ... iki ...``, ``no ... līdz ...``.

The text is split before dateutil sees it (dateutil reads one date), on a dash or on the
language's "until" word; a leading "from" word alone means an open end, a leading "until"
word alone an unknown start.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._text import clean, words_pattern
from capacitylib.parsing.dates import borrow, expand_day_run, read_fields, to_partial_date
from capacitylib.parsing.errors import DateParseError, PeriodParseError, examples, hinted_by
from capacitylib.values import PartialDate, Period

# The hyphens inside an ISO date (2019-05-16) are not range separators: hide them while
# splitting behind a private-use character, which no one types.
_ISO_RE = re.compile(r"(?<![\d.])\d{4}-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?(?!\d|\.\d)")
_HIDDEN_HYPHEN = "\ue000"


class PartialPeriod(NamedTuple):
    """A range whose ends are stated to any precision; either end may be unknown (``None``).

    >>> parse_partial_period("2019-05 – 2019-10", lang="lv")
    PartialPeriod(start=PartialDate('2019-05'), end=PartialDate('2019-10'))
    """

    start: PartialDate | None
    end: PartialDate | None


def _period_error(text: str, table: Language, reason: str | None = None) -> PeriodParseError:
    words = "' or '".join(table.range_end_words)
    return PeriodParseError(
        text,
        lang=table.code,
        expected=f"two dates joined by a dash or '{words}', {examples(table.period_examples)}",
        reason=reason,
    )


def _end_of_year(text: str, table: Language) -> tuple[str, int] | None:
    """The text before an "until the end of <year>" idiom and the year, or ``None``."""
    for idiom in table.end_of_year:
        if match := re.search(rf"(?:^|(?<=\s)){idiom}$", text, re.IGNORECASE):
            return text[: match.start()].strip(), int(match["year"])
    return None


def _split(text: str, table: Language) -> tuple[str | None, str | None]:
    """The start and end texts of a range; ``None`` for an end the text leaves open."""
    start_words = words_pattern(table.range_start_words)
    end_words = words_pattern(table.range_end_words)
    has_start_word = False
    if match := re.match(rf"(?:{start_words})\s+", text, re.IGNORECASE):
        text, has_start_word = text[match.end() :], True
    elif match := re.match(rf"(?:{end_words})\s+", text, re.IGNORECASE):
        return None, text[match.end() :]
    separators = rf"\s*[-–]\s*(?:(?:{end_words})\s+)?|\s+(?:{end_words})\s+"
    hidden = _ISO_RE.sub(lambda m: m[0].replace("-", _HIDDEN_HYPHEN), text)
    days = expand_day_run(hidden, separators)
    if days is not None and len(days) > 2:
        raise ValueError(f"a run of {len(days)} days is a list, not a range")
    parts = days or re.split(separators, hidden, flags=re.IGNORECASE)
    parts = [p.replace(_HIDDEN_HYPHEN, "-") for p in parts]
    if len(parts) == 2 and all(parts):
        return parts[0], parts[1]
    if len(parts) == 1 and has_start_word:
        return parts[0], None
    if len(parts) == 1:
        raise ValueError("one date, not a range")
    raise ValueError("more than one range separator")


@hinted_by("find_periods", PeriodParseError, "reference_year")
def parse_partial_period(
    text: str, *, lang: Lang, reference_year: int | None = None
) -> PartialPeriod:
    """Read a range of dates whose ends may be months, years or unknown.

    ``nuo 2014 m.`` (since 2014) has no end; ``līdz 2019. gada 31. oktobrim`` (until 31
    October 2019) has no start. A month or year the start leaves out is the end's
    (``14. - 18.květen 2018``), and the other way round.

    Raises:
        PeriodParseError: the text is not a range in the language's forms, or it ends
            before it starts.

    >>> parse_partial_period("nuo 2014 m.", lang="lt")
    PartialPeriod(start=PartialDate('2014'), end=None)
    >>> parse_partial_period("līdz 2019. gada 31. oktobrim", lang="lv")
    PartialPeriod(start=None, end=PartialDate('2019-10-31'))

    "Until the end of a year" (``until the end of 2019``, ``do konce roku 2019``,
    ``iki 2019 m. pabaigos``) ends in that year, to year precision:

    >>> parse_partial_period("nuo 2015 m. iki 2019 m. pabaigos", lang="lt")
    PartialPeriod(start=PartialDate('2015'), end=PartialDate('2019'))
    """
    return _parse_partial_period(text, lang=lang, reference_year=reference_year)


def _parse_partial_period(text: str, *, lang: Lang, reference_year: int | None) -> PartialPeriod:
    table = language(lang)
    cleaned = clean(text)
    if idiom := _end_of_year(cleaned, table):
        return _until_end_of_year(text, idiom, table, reference_year=reference_year)
    try:
        start_text, end_text = _split(cleaned, table)
    except ValueError as exc:
        raise _period_error(text, table, str(exc)) from exc
    try:
        start = read_fields(start_text, table, original=text) if start_text else None
        end = read_fields(end_text, table, original=text) if end_text else None
    except DateParseError as exc:
        raise _period_error(text, table, exc.reason) from exc
    if start is not None and end is not None:
        start, end = (
            borrow(start, end, side_is_start=True),
            borrow(end, start, side_is_start=False),
        )
    try:
        result = PartialPeriod(
            *(
                None
                if f is None
                else to_partial_date(f, table, original=text, reference_year=reference_year)
                for f in (start, end)
            )
        )
    except DateParseError as exc:
        raise _period_error(text, table, exc.reason) from exc
    _check_order(result, text, table)
    return result


def _until_end_of_year(
    text: str, idiom: tuple[str, int], table: Language, *, reference_year: int | None
) -> PartialPeriod:
    """``iki 2019 m. pabaigos``: the end is the year (it falls within it, at its end)."""
    before, year = idiom
    end = PartialDate(year)
    start = None
    if before:
        start_words = words_pattern(table.range_start_words)
        before = re.sub(rf"^(?:{start_words})\s+|\s*[-–]$", "", before, flags=re.IGNORECASE)
        try:
            fields = read_fields(before, table, original=text)
            start = to_partial_date(fields, table, original=text, reference_year=reference_year)
        except DateParseError as exc:
            raise _period_error(text, table, exc.reason) from exc
    result = PartialPeriod(start, end)
    _check_order(result, text, table)
    return result


def _check_order(period: PartialPeriod, text: str, table: Language) -> None:
    if period.start is None or period.end is None:
        return
    first, last = period.start.interval(), period.end.interval()
    if first is not None and last is not None and last[1] < first[0]:
        raise _period_error(text, table, f"it ends ({period.end}) before it starts")


def parse_period(text: str, *, lang: Lang, reference_year: int | None = None) -> Period:
    """Read a range of full dates into a :class:`~capacitylib.values.Period`.

    Both ends must be stated to the day (after a shared month and year are filled in,
    ``14. - 18.květen 2018``). A leading "from" word with no end (``nuo 2023 m. sausio
    2 d.``) gives an open period. For ends that are months or years, or a range with no
    start (``līdz 2019. gada 31. oktobrim``), use :func:`parse_partial_period`.

    Raises:
        PeriodParseError: the text is not such a range.

    >>> str(parse_period("1. 11. 2016 – 28. 2. 2018", lang="cs"))
    '2016-11-01..2018-02-28'
    >>> str(parse_period("no 2018. gada 27. marta līdz 2019. gada 26. martam", lang="lv"))
    '2018-03-27..2019-03-26'
    """
    table = language(lang)
    start, end = parse_partial_period(text, lang=lang, reference_year=reference_year)
    if start is None:
        raise _period_error(
            text, table, "it states an end but no start; parse_partial_period reads it"
        )
    start_day = start.to_date()
    end_day = end.to_date() if end is not None else None
    if start_day is None or (end is not None and end_day is None):
        name, stated = ("start", start) if start_day is None else ("end", end)
        raise _period_error(
            text, table, f"the {name} ({stated}) is not a full date; parse_partial_period reads it"
        )
    # _check_order has refused an end before the start, so Period's own check holds.
    return Period(start=start_day, end=end_day)
