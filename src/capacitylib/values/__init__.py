"""Value types: one value with its rules each. This package imports no model."""

from capacitylib.values.codes import (
    CountryCode,
    CurrencyCode,
    ObjectId,
    ProgrammeCode,
    code_matches_scheme,
    detect_code_scheme,
)
from capacitylib.values.dates import PartialDate, Period
from capacitylib.values.estimate import Estimate
from capacitylib.values.hours import Hours
from capacitylib.values.money import CurrencyMismatchError, Money
from capacitylib.values.text import LanguageTag, LocalizedText

__all__ = [
    "CountryCode",
    "CurrencyCode",
    "CurrencyMismatchError",
    "Estimate",
    "Hours",
    "LanguageTag",
    "LocalizedText",
    "Money",
    "ObjectId",
    "PartialDate",
    "Period",
    "ProgrammeCode",
    "code_matches_scheme",
    "detect_code_scheme",
]
