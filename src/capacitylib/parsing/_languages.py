"""What each language writes: month names, date order, number symbols, range and list words.

Month and weekday names (format and stand-alone, wide and abbreviated), the words inside
date patterns (``gada``, ``m.``, ``de``, ``г.``), the order of an all-numeric date, the decimal
and group symbols and the currency names come from CLDR through ``babel``; the few forms
CLDR lacks are in :mod:`._words`. A language's table is built on first use
(:func:`language`), so importing :mod:`capacitylib.parsing` imports neither babel nor its
locale data.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, get_args

from dateutil import parser as du_parser

from capacitylib.parsing._text import fold
from capacitylib.parsing._words import WORDS, Words
from capacitylib.parsing.errors import UnsupportedLanguageError

if TYPE_CHECKING:
    from babel import Locale

#: A language the parsers read: the 24 official languages of the European Union.
Lang = Literal[
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "hr",
    "hu",
    "it",
    "lt",
    "lv",
    "mt",
    "nl",
    "pl",
    "pt",
    "ro",
    "sk",
    "sl",
    "sv",
]

#: Every supported language code, in alphabetical order.
LANGS: tuple[Lang, ...] = get_args(Lang)

# Separators dateutil may skip in every language (its own default list minus English words
# and "m", which we re-add per language only where it is a date word).
_PUNCTUATION_JUMP = (" ", ".", ",", ";", "-", "/", "'", "’")

# The CLDR patterns whose literal words (gada, de, m., d., г.) are date words to skip.
_SKELETONS = ("yMMMMd", "yMMMd", "yMMMM", "yMMM", "MMMMd", "MMMd", "yMd", "yM", "Md")
_WORD_RE = re.compile(r"[^\W\d_]+")

#: Currencies whose CLDR names and symbols are read: the euro, the other EU currencies, the
#: donor states' currencies, and the currencies withdrawn since the 2000s that old records name.
CLDR_CURRENCIES = (
    "EUR",
    "BGN",
    "CZK",
    "DKK",
    "HUF",
    "PLN",
    "RON",
    "SEK",
    "NOK",
    "ISK",
    "CHF",
    "GBP",
    "LTL",
    "LVL",
    "EEK",
    "SKK",
    "HRK",
)
# Counts that reach every CLDR plural category of the EU languages (one, two, few, many, other).
_PLURAL_PROBES = (0, 1, 2, 3, 5, 11, 21, 100, 101, 102, 1.5)


@dataclass(frozen=True, slots=True)
class Language:
    """How one language writes dates and figures.

    ``months`` and ``weekdays`` list every accepted form (case-folded) per month or day, in
    calendar order; ``dayfirst``/``yearfirst`` give the order of an all-numeric date whose
    year is not written first (a four-digit year written first always means year-month-day),
    ``month_day_first`` the order of an all-numeric day and month without a year.
    ``dotted_year`` says whether the language writes a dot after the year number (CLDR's
    ``d. MMMM y.`` in Croatian, ``y. MMMM d.`` in Hungarian; Latvian ``16.05.2019.``).
    ``abbreviations`` are the month forms that are CLDR abbreviations only (``pro``, ``mar``).
    ``joined`` maps a month name of several words (Irish *Meán Fómhair*) to the one token
    dateutil reads.
    """

    code: Lang
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[tuple[str, ...], ...]
    joined: tuple[tuple[str, str], ...]
    abbreviations: frozenset[str]
    dotted_year: bool
    jump_words: tuple[str, ...]
    dayfirst: bool
    yearfirst: bool
    month_day_first: bool
    range_start_words: tuple[str, ...]
    range_end_words: tuple[str, ...]
    conjunctions: tuple[str, ...]
    decimal_mark: str
    group_marks: tuple[str, ...]
    currency_words: dict[str, str]
    approximate_words: tuple[str, ...]
    bound_words: tuple[str, ...]
    multipliers: dict[str, int]
    end_of_year: tuple[str, ...]
    date_examples: tuple[str, ...]
    period_examples: tuple[str, ...]
    amount_examples: tuple[str, ...]
    quantity_examples: tuple[str, ...]


def _unique(forms: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for f in forms if f))


def _form(name: str) -> str:
    return name.casefold().rstrip(".")


def _month_forms(locale: Locale, words: Words) -> tuple[tuple[str, ...], ...]:
    """Every CLDR and hand-written form per month; a form two months share is dropped."""
    per_month = []
    for number in range(1, 13):
        cldr = [
            _form(locale.months[context][width][number])
            for context in ("stand-alone", "format")
            for width in ("wide", "abbreviated")
        ]
        extra = list(words.months[number - 1]) if words.months else []
        per_month.append(_unique(cldr + [_form(f) for f in extra]))
    counts: dict[str, int] = {}
    for forms in per_month:
        for form in forms:
            counts[form] = counts.get(form, 0) + 1
    return tuple(tuple(f for f in forms if counts[f] == 1) for forms in per_month)


def _abbreviations(locale: Locale) -> frozenset[str]:
    """CLDR's abbreviated month forms that are not also a wide form."""
    forms = {
        width: {
            _form(locale.months[context][width][n])
            for context in ("format", "stand-alone")
            for n in range(1, 13)
        }
        for width in ("wide", "abbreviated")
    }
    return frozenset(forms["abbreviated"] - forms["wide"])


def _weekday_forms(locale: Locale, taken: set[str]) -> tuple[tuple[str, ...], ...]:
    """CLDR weekday names, Monday first; one-letter abbreviations and clashes are dropped."""
    days = []
    for number in range(7):
        forms = [
            _form(locale.days[context][width][number])
            for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated")
        ]
        days.append(_unique([f for f in forms if len(f) > 1 and f not in taken]))
    return tuple(days)


def _patterns(locale: Locale) -> list[str]:
    formats = [locale.date_formats[length].pattern for length in ("full", "long", "medium")]
    formats.append(locale.date_formats["short"].pattern)
    skeletons = locale.datetime_skeletons
    return formats + [skeletons[s].pattern for s in _SKELETONS if s in skeletons]


def _literal_words(pattern: str) -> list[str]:
    """The words a CLDR pattern writes literally: ``y. 'gada' d. MMMM`` gives ``gada``."""
    literal = re.sub(r"'([^']*)'|[A-Za-z]+", lambda m: f" {m[1] or ''} ", pattern)
    return [w.casefold() for w in _WORD_RE.findall(literal)]


def _order(pattern: str) -> str:
    """The order of the fields in a CLDR pattern, e.g. ``dMy``."""
    unquoted = re.sub(r"'[^']*'", "", pattern)
    return "".join(dict.fromkeys(c for c in unquoted if c in "yMd"))


def _currency_words(locale: Locale) -> dict[str, str]:
    """CLDR names (in every plural form) and symbols of :data:`CLDR_CURRENCIES`, case-folded.

    A name or symbol two currencies share, or any with a ``$``, is left out: it is ambiguous.
    """
    from babel import numbers  # noqa: PLC0415 - babel loads on first use

    found: dict[str, set[str]] = {}
    for code in CLDR_CURRENCIES:
        names = {numbers.get_currency_name(code, count, locale) for count in _PLURAL_PROBES}
        names.add(numbers.get_currency_symbol(code, locale))
        for name in names:
            found.setdefault(fold(name), set()).add(code)
    return {
        name: next(iter(codes))
        for name, codes in found.items()
        if len(codes) == 1 and "$" not in name
    }


def _examples(locale: Locale, words: Words) -> dict[str, tuple[str, ...]]:
    """Error-message examples made by CLDR for a language with no hand-written ones."""
    from babel import dates, numbers  # noqa: PLC0415 - babel loads on first use

    start, end = date(2016, 11, 1), date(2018, 2, 28)
    long, medium = (dates.format_date(start, form, locale=locale) for form in ("long", "medium"))
    span = f"{dates.format_date(start, 'medium', locale=locale)} – "
    span += dates.format_date(end, "medium", locale=locale)
    figure = numbers.format_decimal(1234567.5, locale=locale, decimal_quantization=False)
    about = words.approximate_words[0] if words.approximate_words else "~"
    return {
        "date_examples": _unique([long, medium, "2016-11-01"]),
        "period_examples": (span, "2016-11-01 – 2018-02-28"),
        "amount_examples": (f"{figure} EUR", "€ 1200"),
        "quantity_examples": ("2-3", f"{about} 30"),
    }


def _build(lang: Lang) -> Language:
    from babel import Locale, numbers  # noqa: PLC0415 - babel loads on first use

    locale = Locale.parse(lang)
    words = WORDS[lang]
    months = _month_forms(locale, words)
    month_forms = {f for forms in months for f in forms}
    pattern_words = [w for p in _patterns(locale) for w in _literal_words(p)]
    jump = _unique([w for w in [*pattern_words, *words.jump_words] if w not in month_forms])
    weekdays = _weekday_forms(locale, month_forms | set(jump))
    joined = tuple(
        (form, re.sub(r"\W", "", form)) for forms in months for form in forms if " " in form
    )
    months = tuple(tuple(re.sub(r"\W", "", f) if " " in f else f for f in m) for m in months)
    order = _order(locale.date_formats["short"].pattern)
    dayfirst = order.index("d") < order.index("M")
    yearfirst = order.startswith("y")
    month_day = _order(locale.datetime_skeletons["Md"].pattern)
    if words.dayfirst is not None:
        dayfirst = words.dayfirst
    month_day_first = month_day.index("M") < month_day.index("d") and not words.dayfirst
    group = numbers.get_group_symbol(locale)
    examples = {key: getattr(words, key) or made for key, made in _examples(locale, words).items()}
    return Language(
        code=lang,
        months=months,
        weekdays=weekdays,
        joined=joined,
        abbreviations=_abbreviations(locale) - {f for m in words.months for f in m},
        dotted_year=lang == "lv" or any(re.search(r"y\.", p) for p in _patterns(locale)),
        jump_words=jump,
        dayfirst=dayfirst,
        yearfirst=yearfirst and not dayfirst,
        month_day_first=month_day_first,
        range_start_words=words.range_start_words,
        range_end_words=words.range_end_words,
        conjunctions=words.conjunctions,
        decimal_mark=numbers.get_decimal_symbol(locale),
        group_marks=_unique([group, *words.group_marks]),
        currency_words=_currency_words(locale),
        approximate_words=words.approximate_words,
        bound_words=words.bound_words,
        multipliers=words.multipliers,
        end_of_year=words.end_of_year,
        **examples,
    )


@functools.cache
def language(lang: str) -> Language:
    """The table for ``lang``, built from CLDR on first use.

    Raises:
        UnsupportedLanguageError: ``lang`` is not one of :data:`LANGS`.
    """
    if lang not in WORDS:
        raise UnsupportedLanguageError(f"lang must be one of {', '.join(LANGS)} (got {lang!r})")
    return _build(lang)  # type: ignore[arg-type]  # WORDS has exactly the LANGS keys


def join_month_words(text: str, table: Language) -> str:
    """``text`` with each month name of several words written as the one token dateutil reads."""
    for spaced, token in table.joined:
        text = re.sub(re.escape(spaced).replace(r"\ ", r"\s+"), token, text, flags=re.IGNORECASE)
    return text


class FieldParserInfo(du_parser.parserinfo):
    """A ``dateutil`` parserinfo for one of the field's languages.

    Differences from dateutil's English default: the language's month and weekday names in
    all their inflected forms; the language's date words are skipped (``m.``, ``d.``,
    ``gada``, ``r.``, ``de``); no hour/minute/second words, so ``2022 m.`` is a year and not
    2022 minutes; no am/pm, so Czech ``a`` (and) is not "a.m.".
    """

    def __init__(self, table: Language):
        super().__init__(dayfirst=table.dayfirst, yearfirst=table.yearfirst)
        self.table = table
        self._month_of = {form: i + 1 for i, forms in enumerate(table.months) for form in forms}
        self._weekday_of = {form: i for i, forms in enumerate(table.weekdays) for form in forms}
        self._jumps = frozenset(_PUNCTUATION_JUMP + table.jump_words)

    def jump(self, name: str) -> bool:
        """Whether dateutil may skip the token ``name``."""
        return name.casefold() in self._jumps

    def month(self, name: str) -> int | None:
        """Month number (1-12) of a month name in any listed form."""
        return self._month_of.get(name.casefold())

    def weekday(self, name: str) -> int | None:
        """Weekday number (Monday is 0) of a weekday name."""
        return self._weekday_of.get(name.casefold())

    def hms(self, name: str) -> int | None:
        """No hour/minute/second words: the parsers read dates only."""
        return None

    def ampm(self, name: str) -> int | None:
        """No am/pm words."""
        return None

    def pertain(self, name: str) -> bool:
        """Only English "of" links a day to a month ("8th of December")."""
        return self.table.code == "en" and name.lower() == "of"


@functools.cache
def parserinfo_for(lang: Lang) -> FieldParserInfo:
    """The parserinfo of ``lang``, built once on first use."""
    return FieldParserInfo(language(lang))


@functools.cache
def date_parser_for(lang: Lang) -> du_parser.parser:
    """A ``dateutil`` parser using :func:`parserinfo_for`, built once on first use."""
    return du_parser.parser(parserinfo_for(lang))
