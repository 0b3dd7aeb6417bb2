"""Reading the field's own languages: dates, amounts, ranges and words in every EU language.

Every parser takes the text and ``lang=`` (one of the 24 official EU languages, :data:`LANGS`)
and raises a :class:`ParseError` (a ``ValueError``) naming the input and what was expected.
Month names, date orders and number symbols come from CLDR (through babel, loaded on first
use); the ``find_*`` functions find every value inside running text.

>>> from capacitylib.parsing import parse_date, parse_money, parse_period, parse_quantity
>>> parse_date("2018. gada 27. marta", lang="lv")
PartialDate('2018-03-27')
>>> str(parse_period("1. 11. 2016 – 28. 2. 2018", lang="cs"))
'2016-11-01..2018-02-28'
>>> str(parse_money("5 504 400,00 zł", lang="pl"))
'5504400.00 PLN'
>>> str(parse_quantity("88-100 akadēmisko stundu", lang="lv"))
'88-100 academic h'

>>> [str(f.value) for f in find_dates("Rozpoczęcie projektu: 1 marca 2021 roku", lang="pl")]
['2021-03-01']

See ``docs/parsing.md`` for the forms each language accepts and ``docs/glossary.md`` for the
words :func:`parse_term` knows.
"""

from capacitylib.parsing._languages import LANGS, Lang
from capacitylib.parsing.batch import ParseResult, parse_many, try_parse
from capacitylib.parsing.dates import parse_date, parse_dates
from capacitylib.parsing.errors import (
    AmbiguousTermError,
    AmountParseError,
    DateParseError,
    OpenBoundError,
    ParseError,
    PeriodParseError,
    QuantityParseError,
    UnknownTermError,
    UnsupportedLanguageError,
)
from capacitylib.parsing.find import (
    Found,
    find_amounts,
    find_dates,
    find_periods,
    find_quantities,
)
from capacitylib.parsing.money import parse_money
from capacitylib.parsing.periods import PartialPeriod, parse_partial_period, parse_period
from capacitylib.parsing.quantities import Measure, parse_measure, parse_quantity
from capacitylib.parsing.terms import GlossaryEntry, Term, Unit, lookup_term, parse_term

__all__ = [
    "LANGS",
    "AmbiguousTermError",
    "AmountParseError",
    "DateParseError",
    "Found",
    "GlossaryEntry",
    "Lang",
    "Measure",
    "OpenBoundError",
    "ParseError",
    "ParseResult",
    "PartialPeriod",
    "PeriodParseError",
    "QuantityParseError",
    "Term",
    "Unit",
    "UnknownTermError",
    "UnsupportedLanguageError",
    "find_amounts",
    "find_dates",
    "find_periods",
    "find_quantities",
    "lookup_term",
    "parse_date",
    "parse_dates",
    "parse_many",
    "parse_measure",
    "parse_money",
    "parse_partial_period",
    "parse_period",
    "parse_quantity",
    "parse_term",
    "try_parse",
]
