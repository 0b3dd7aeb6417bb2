"""What each supported language writes: month names, date order, range and list words.

The tables are plain tuples; the ``dateutil`` parserinfo built from them is made on first
use (:func:`parserinfo_for`), so importing :mod:`capacitylib.parsing` stays cheap.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, get_args

from dateutil import parser as du_parser

from capacitylib.parsing.errors import UnsupportedLanguageError

#: A language the parsers read: Lithuanian, Latvian, Czech, Polish or English.
Lang = Literal["lt", "lv", "cs", "pl", "en"]

#: Every supported language code, in a fixed order.
LANGS: tuple[Lang, ...] = get_args(Lang)

# Separators dateutil may skip in every language (its own default list minus English words
# and "m", which we re-add per language only where it is a date word).
_PUNCTUATION_JUMP = (" ", ".", ",", ";", "-", "/", "'")


@dataclass(frozen=True, slots=True)
class Language:
    """How one language writes dates and figures.

    ``months`` and ``weekdays`` list every accepted form (lower case) per month or day, in
    calendar order; ``dayfirst``/``yearfirst`` give the order of an all-numeric date whose
    year is not written first (a four-digit year written first always means year-month-day).
    """

    code: Lang
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[tuple[str, ...], ...]
    jump_words: tuple[str, ...]
    dayfirst: bool
    yearfirst: bool
    range_start_words: tuple[str, ...]
    range_end_words: tuple[str, ...]
    conjunctions: tuple[str, ...]
    decimal_mark: str
    approximate_words: tuple[str, ...]
    date_examples: tuple[str, ...]
    period_examples: tuple[str, ...]
    amount_examples: tuple[str, ...]
    quantity_examples: tuple[str, ...]


_LT = Language(
    code="lt",
    # nominative, genitive, accusative, locative, abbreviation
    months=(
        ("sausis", "sausio", "sausį", "sausyje", "saus"),
        ("vasaris", "vasario", "vasarį", "vasaryje", "vas"),
        ("kovas", "kovo", "kovą", "kove", "kov"),
        ("balandis", "balandžio", "balandį", "balandyje", "bal"),
        ("gegužė", "gegužės", "gegužę", "gegužėje", "geg"),
        ("birželis", "birželio", "birželį", "birželyje", "birž"),
        ("liepa", "liepos", "liepą", "liepoje", "liep"),
        ("rugpjūtis", "rugpjūčio", "rugpjūtį", "rugpjūtyje", "rugpj"),
        ("rugsėjis", "rugsėjo", "rugsėjį", "rugsėjyje", "rugs"),
        ("spalis", "spalio", "spalį", "spalyje", "spal"),
        ("lapkritis", "lapkričio", "lapkritį", "lapkrityje", "lapkr"),
        ("gruodis", "gruodžio", "gruodį", "gruodyje", "gruod"),
    ),
    weekdays=(
        ("pirmadienis",),
        ("antradienis",),
        ("trečiadienis",),
        ("ketvirtadienis",),
        ("penktadienis",),
        ("šeštadienis",),
        ("sekmadienis",),
    ),
    # "2022 m. gruodžio 8 d.": m. = metai (year), d. = diena (day), mėn. = mėnuo (month)
    jump_words=("m", "d", "mėn", "metų", "metais", "dieną"),
    dayfirst=False,
    yearfirst=True,
    range_start_words=("nuo",),
    range_end_words=("iki",),
    conjunctions=("ir",),
    decimal_mark=",",
    approximate_words=("apie", "maždaug", "apytiksliai", "vidutiniškai", "~"),
    date_examples=("2022 m. gruodžio 8 d.", "2018.12.31", "2018-12-31"),
    period_examples=(
        "2022 m. gruodžio 8 d. – 2026 m. gruodžio 31 d.",
        "nuo 2023 m. sausio 2 d. iki 2024 m. birželio 30 d.",
    ),
    amount_examples=("43 940 212,00 Eur", "1 200 eurų"),
    quantity_examples=("8 akademines valandas", "apie 2-3 val.", "3 dienos"),
)

_LV = Language(
    code="lv",
    # nominative, genitive, dative, accusative, locative, abbreviation
    months=(
        ("janvāris", "janvāra", "janvārim", "janvāri", "janvārī", "janv"),
        ("februāris", "februāra", "februārim", "februāri", "februārī", "febr"),
        ("marts", "marta", "martam", "martu", "martā"),
        ("aprīlis", "aprīļa", "aprīlim", "aprīli", "aprīlī", "apr"),
        ("maijs", "maija", "maijam", "maiju", "maijā"),
        ("jūnijs", "jūnija", "jūnijam", "jūniju", "jūnijā", "jūn"),
        ("jūlijs", "jūlija", "jūlijam", "jūliju", "jūlijā", "jūl"),
        ("augusts", "augusta", "augustam", "augustu", "augustā", "aug"),
        ("septembris", "septembra", "septembrim", "septembri", "septembrī", "sept"),
        ("oktobris", "oktobra", "oktobrim", "oktobri", "oktobrī", "okt"),
        ("novembris", "novembra", "novembrim", "novembri", "novembrī", "nov"),
        ("decembris", "decembra", "decembrim", "decembri", "decembrī", "dec"),
    ),
    weekdays=(
        ("pirmdiena",),
        ("otrdiena",),
        ("trešdiena",),
        ("ceturtdiena",),
        ("piektdiena",),
        ("sestdiena",),
        ("svētdiena",),
    ),
    # "2018. gada 27. marta", "2018. gadā", "2018. g."
    jump_words=("gada", "gadā", "gads", "g"),
    dayfirst=True,
    yearfirst=False,
    range_start_words=("no", "ar"),
    range_end_words=("līdz",),
    conjunctions=("un",),
    decimal_mark=",",
    approximate_words=("vidēji", "aptuveni", "apmēram", "ap", "~"),
    date_examples=("2018. gada 27. marta", "16.05.2019.", "2018-03-27"),
    period_examples=(
        "01.11.2013. – 30.04.2015.",
        "no 2018. gada 27. marta līdz 2019. gada 26. martam",
    ),
    amount_examples=("12 470 000 euro", "5 000,00 EUR"),
    quantity_examples=("88-100 akadēmisko stundu", "vidēji 2 stundas", "3 dienas"),
)

_CS = Language(
    code="cs",
    # nominative, genitive, dative/locative, instrumental ("září" never changes)
    months=(
        ("leden", "ledna", "lednu", "lednem"),
        ("únor", "února", "únoru", "únorem"),
        ("březen", "března", "březnu", "březnem"),
        ("duben", "dubna", "dubnu", "dubnem"),
        ("květen", "května", "květnu", "květnem"),
        ("červen", "června", "červnu", "červnem"),
        ("červenec", "července", "červenci", "červencem"),
        ("srpen", "srpna", "srpnu", "srpnem"),
        ("září", "zářím"),
        ("říjen", "října", "říjnu", "říjnem"),
        ("listopad", "listopadu", "listopadem"),
        ("prosinec", "prosince", "prosinci", "prosincem"),
    ),
    weekdays=(
        ("pondělí",),
        ("úterý",),
        ("středa",),
        ("čtvrtek",),
        ("pátek",),
        ("sobota",),
        ("neděle",),
    ),
    # "dne 1. listopadu 2016", "2016 r." (roku), "v říjnu 2018"
    jump_words=("r", "roku", "rok", "dne", "v"),
    dayfirst=True,
    yearfirst=False,
    range_start_words=("od",),
    range_end_words=("do", "až"),
    conjunctions=("a",),
    decimal_mark=",",
    approximate_words=("cca", "ca", "přibližně", "asi", "zhruba", "okolo", "kolem", "~"),
    date_examples=("1. 11. 2016", "1. listopadu 2016", "2016-11-01"),
    period_examples=("1. 11. 2016 – 28. 2. 2018", "od 1. listopadu 2016 do 28. února 2018"),
    amount_examples=("5 504 400,00 Kč", "12 000,- Kč"),
    quantity_examples=("2 - 3 hodiny", "cca 2-3", "5 dnů"),
)

_PL = Language(
    code="pl",
    # nominative, genitive, locative, abbreviation
    months=(
        ("styczeń", "stycznia", "styczniu", "sty"),
        ("luty", "lutego", "lutym", "lut"),
        ("marzec", "marca", "marcu", "mar"),
        ("kwiecień", "kwietnia", "kwietniu", "kwi"),
        ("maj", "maja", "maju"),
        ("czerwiec", "czerwca", "czerwcu", "cze"),
        ("lipiec", "lipca", "lipcu", "lip"),
        ("sierpień", "sierpnia", "sierpniu", "sie"),
        ("wrzesień", "września", "wrześniu", "wrz"),
        ("październik", "października", "październiku", "paź"),
        ("listopad", "listopada", "listopadzie", "lis"),
        ("grudzień", "grudnia", "grudniu", "gru"),
    ),
    weekdays=(
        ("poniedziałek",),
        ("wtorek",),
        ("środa",),
        ("czwartek",),
        ("piątek",),
        ("sobota",),
        ("niedziela",),
    ),
    # "8 grudnia 2022 r." (roku), "dnia 8 grudnia 2022", "w grudniu 2022 r."
    jump_words=("r", "roku", "rok", "dnia", "w"),
    dayfirst=True,
    yearfirst=False,
    range_start_words=("od",),
    range_end_words=("do",),
    conjunctions=("i",),
    decimal_mark=",",
    approximate_words=("ok", "około", "średnio", "przeciętnie", "ca", "~"),
    date_examples=("8 grudnia 2022 r.", "08.12.2022", "2022-12-08"),
    period_examples=("01.11.2016 – 28.02.2018", "od 1 listopada 2016 r. do 28 lutego 2018 r."),
    amount_examples=("5 504 400,00 zł", "1 200 PLN"),
    quantity_examples=("ok. 2-3 godziny", "16 godzin dydaktycznych", "2 dni"),
)

_EN = Language(
    code="en",
    months=(
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    weekdays=(
        ("monday", "mon"),
        ("tuesday", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    # "the 8th of December 2022"
    jump_words=("of", "the", "st", "nd", "rd", "th"),
    # European English: 01/11/2016 is 1 November 2016.
    dayfirst=True,
    yearfirst=False,
    range_start_words=("from", "since"),
    range_end_words=("to", "until", "till"),
    conjunctions=("and", "&"),
    decimal_mark=".",
    approximate_words=("about", "approximately", "approx", "around", "circa", "ca", "~"),
    date_examples=("8 December 2022", "December 8, 2022", "2022-12-08"),
    period_examples=(
        "1 November 2016 – 28 February 2018",
        "from 1 November 2016 to 28 February 2018",
    ),
    amount_examples=("43,940,212.00 EUR", "€1,200"),
    quantity_examples=("2-3 hours", "about 30", "8 academic hours"),
)

_LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (_LT, _LV, _CS, _PL, _EN)}


def language(lang: str) -> Language:
    """The table for ``lang``, or :class:`UnsupportedLanguageError`."""
    try:
        return _LANGUAGES[lang]
    except KeyError:
        raise UnsupportedLanguageError(
            f"lang must be one of {', '.join(LANGS)} (got {lang!r})"
        ) from None


class FieldParserInfo(du_parser.parserinfo):
    """A ``dateutil`` parserinfo for one of the field's languages.

    Differences from dateutil's English default: the language's month and weekday names in
    all their inflected forms; the language's date words are skipped (``m.``, ``d.``,
    ``gada``, ``r.``); no hour/minute/second words, so ``2022 m.`` is a year and not
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
        return name.lower() in self._jumps

    def month(self, name: str) -> int | None:
        """Month number (1-12) of a month name in any listed form."""
        return self._month_of.get(name.lower())

    def weekday(self, name: str) -> int | None:
        """Weekday number (Monday is 0) of a weekday name."""
        return self._weekday_of.get(name.lower())

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
