"""Hypothesis building blocks for the value tests: JSON-ready forms of the value types.

They live in :mod:`capacitylib.testing._rich` (one definition for the library's strategies and
the tests).
"""

from capacitylib.testing._rich import (
    amounts,
    countries,
    currencies,
    dates,
    estimates,
    hours,
    languages,
    localized,
    partial_dates,
    periods,
    quantities,
    texts,
)

__all__ = [
    "amounts",
    "countries",
    "currencies",
    "dates",
    "estimates",
    "hours",
    "languages",
    "localized",
    "partial_dates",
    "periods",
    "quantities",
    "texts",
]
