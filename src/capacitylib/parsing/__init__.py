"""Reading the field's own languages: dates, amounts, ranges and words in lt, lv, cs, pl, en.

Every parser takes the text and ``lang=`` (one of ``lt``, ``lv``, ``cs``, ``pl``, ``en``) and
raises a :class:`ParseError` (a ``ValueError``) naming the input and what was expected.

>>> from capacitylib.parsing import parse_date, parse_money, parse_period, parse_quantity
>>> parse_date("2018. gada 27. marta", lang="lv")
PartialDate('2018-03-27')
>>> str(parse_period("1. 11. 2016 – 28. 2. 2018", lang="cs"))
'2016-11-01..2018-02-28'
>>> str(parse_money("5 504 400,00 zł", lang="pl"))
'5504400.00 PLN'
>>> str(parse_quantity("88-100 akadēmisko stundu", lang="lv"))
'88-100 academic h'

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
    ParseError,
    PeriodParseError,
    QuantityParseError,
    UnknownTermError,
    UnsupportedLanguageError,
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
    "GlossaryEntry",
    "Lang",
    "Measure",
    "ParseError",
    "ParseResult",
    "PartialPeriod",
    "PeriodParseError",
    "QuantityParseError",
    "Term",
    "Unit",
    "UnknownTermError",
    "UnsupportedLanguageError",
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
