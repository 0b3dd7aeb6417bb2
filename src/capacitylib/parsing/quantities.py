"""Counts, ranges and amounts of time: ``2-3 hodiny``, ``88-100 akadēmisko stundu``, ``cca 2-3``.

A quantity is an optional "about" word, a figure or a small number word, optionally a second
one after a dash or the language's "to" word, and an optional unit from
``capacitylib/_data/units.csv``. Ranges stay ranges (:class:`~capacitylib.values.Estimate`).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import NamedTuple

from pydantic import ValidationError

from capacitylib.codelists import HoursUnit
from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._numbers import FIGURE, read_number
from capacitylib.parsing._text import clean, words_pattern
from capacitylib.parsing.errors import OpenBoundError, QuantityParseError, examples, hinted_by
from capacitylib.parsing.terms import Unit, find_unit
from capacitylib.values import Estimate, Hours

_NUMBER = rf"{FIGURE}|[^\W\d_]+"


class Measure(NamedTuple):
    """A figure and the unit the text states it in (``None`` for a bare count).

    ``value`` is :class:`~capacitylib.values.Hours` when the unit is a
    :class:`~capacitylib.codelists.HoursUnit`, else an :class:`~capacitylib.values.Estimate`.

    >>> measure = parse_measure("6 mēnešus", lang="lv")
    >>> str(measure.value), measure.unit
    ('6', <TimeUnit.MONTH: 'month'>)
    """

    value: Estimate
    unit: Unit | None


def _expected(table: Language) -> str:
    return "a number or a range with an optional unit, " + examples(table.quantity_examples)


def _error(text: str, table: Language, reason: str) -> QuantityParseError:
    return QuantityParseError(text, lang=table.code, expected=_expected(table), reason=reason)


@functools.cache
def _pattern(lang: Lang) -> re.Pattern[str]:
    table = language(lang)
    about = words_pattern(table.approximate_words)
    start = words_pattern(table.range_start_words)
    end = words_pattern(table.range_end_words)
    return re.compile(
        rf"(?:(?P<about>{about})\.?(?:\s+|(?<=~)))?"
        rf"(?:(?P<start>{start})\s+)?"
        rf"(?P<low>{_NUMBER})"
        rf"(?:(?:\s*[-–]\s*|\s+(?:{end})\s+)(?P<high>{_NUMBER}))?"
        rf"(?P<plus>\+)?(?:\s*(?P<unit>\D+?))?",
        re.IGNORECASE,
    )


@functools.cache
def _bound_re(lang: Lang) -> re.Pattern[str] | None:
    table = language(lang)
    if not table.bound_words:
        return None
    about = words_pattern(table.approximate_words)
    return re.compile(
        rf"(?:(?:{about})\.?\s+)?(?P<bound>{words_pattern(table.bound_words)})\.?\s+(?=\S)",
        re.IGNORECASE,
    )


def _open_bound(text: str, cleaned: str, table: Language) -> OpenBoundError | None:
    """An :class:`OpenBoundError` when ``cleaned`` is a bound word before a quantity."""
    pattern = _bound_re(table.code)
    match = pattern.match(cleaned) if pattern else None
    if match is None:
        return None
    try:
        _parse_measure(cleaned[match.end() :], lang=table.code)
    except OpenBoundError:
        pass  # "up to more than 20" is still open
    except QuantityParseError:
        return None
    return OpenBoundError(text, lang=table.code, expected=_expected(table), bound=match["bound"])


@hinted_by("find_quantities", QuantityParseError)
def parse_measure(text: str, *, lang: Lang) -> Measure:
    """Read a count, a range or an amount of time in ``lang``, with the unit it states.

    Units are matched against ``units.csv`` (all inflected forms); an unknown unit is an
    error, never dropped. "About" words (``cca``, ``apie``, ``vidēji``, ``ok.``, ``about``)
    mark the figure approximate.

    Raises:
        OpenBoundError: an open bound (``at least 30``, ``do 200``, ``ne mazāk kā 20``,
            ``od 20``, ``20+``): open bounds are not representable yet.
        QuantityParseError: no figure, an unknown unit or a range that runs backwards.

    >>> str(parse_measure("cca 50 osob", lang="cs").value)
    'cca 50'
    """
    return _parse_measure(text, lang=lang)


def _parse_measure(text: str, *, lang: Lang) -> Measure:
    table = language(lang)
    cleaned = clean(text)
    if bound := _open_bound(text, cleaned, table):
        raise bound
    match = _pattern(table.code).fullmatch(cleaned)
    if match is None:
        raise _error(text, table, "not a number or a range of numbers")
    if match["plus"] or (match["start"] and not match["high"]):
        word = match["plus"] or match["start"]
        raise OpenBoundError(text, lang=lang, expected=_expected(table), bound=word)
    unit: Unit | None = None
    if match["unit"] and match["unit"].startswith("."):
        # "2. ģimenēm" is the second item of a list (an ordinal), not two families.
        raise _error(text, table, f"{match['low']}. is an ordinal number, not a count")
    if match["unit"]:
        unit = find_unit(match["unit"], table.code)
        if unit is None:
            raise _error(text, table, f"{match['unit']!r} is not a unit listed for {lang}")
    try:
        low = read_number(match["low"], table)
        high = read_number(match["high"], table) if match["high"] else low
        return Measure(_value(low, high, unit, approximate=bool(match["about"])), unit)
    except ValueError as exc:
        reason = str(exc.errors()[0]["msg"]) if isinstance(exc, ValidationError) else str(exc)
        raise _error(text, table, reason) from exc


def _value(low: Decimal, high: Decimal, unit: Unit | None, *, approximate: bool) -> Estimate:
    if isinstance(unit, HoursUnit):
        return Hours.range(low, high, unit=unit, approximate=approximate)
    return Estimate.range(low, high, approximate=approximate)


def parse_quantity(text: str, *, lang: Lang) -> Estimate:
    """Read a count or an amount of time: :class:`Hours` when a time unit is stated.

    The rule: a clock-hour, academic-hour or day unit gives
    :class:`~capacitylib.values.Hours` in that unit; no unit gives an
    :class:`~capacitylib.values.Estimate`. Any other unit (months, copies, persons) is
    refused rather than dropped: :func:`parse_measure` returns it with its unit.

    Raises:
        QuantityParseError: see :func:`parse_measure`, or a unit other than hours or days.

    >>> str(parse_quantity("2 - 3 hodiny", lang="cs"))
    '2-3 h'
    >>> str(parse_quantity("Aštuonias akademines valandas", lang="lt"))
    '8 academic h'
    >>> str(parse_quantity("cca 2-3", lang="cs"))
    'cca 2-3'
    """
    measure = parse_measure(text, lang=lang)
    if measure.unit is not None and not isinstance(measure.unit, HoursUnit):
        table = language(lang)
        raise _error(
            text,
            table,
            f"the unit is {type(measure.unit).__name__}.{measure.unit.name}, not hours or "
            "days; parse_measure reads it with its unit",
        )
    return measure.value
