"""Hypothesis building blocks for the value tests: JSON-ready forms of the value types.

They are the public value strategies of :mod:`capacitylib.testing` turned into plain data
(:mod:`capacitylib.testing._plain`), with the figures, dates and texts of
:mod:`capacitylib.testing._figures`: one definition for the library's strategies and the tests.
"""

from capacitylib.testing._figures import dates, languages, money_amounts, quantities, texts
from capacitylib.testing._plain import (
    countries,
    currencies,
    estimates,
    hours,
    localized,
    partial_dates,
    periods,
)

__all__ = [
    "countries",
    "currencies",
    "dates",
    "estimates",
    "hours",
    "languages",
    "localized",
    "money_amounts",
    "partial_dates",
    "periods",
    "quantities",
    "texts",
]
