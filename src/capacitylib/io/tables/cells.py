"""Text cells in the field's languages, read through :mod:`capacitylib.parsing`.

The one place where the table readers meet the language parsers. A cell is first read in its
canonical form (``2016-11-01``, ``43940212.00``); only when that fails and the caller named a
language (``read_xlsx(path, lang="cs")``) is the text handed to the parsers, so ``1. 11. 2016``,
``43 940 212,00 Eur`` and ``2-3 h`` are read as the field writes them. The parsers are imported
on first use, so reading canonical tables never loads them.

Every function raises ``ValueError`` (the parsers' ``ParseError``) for text it cannot read; the
message names the text, the language and what was expected.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from types import ModuleType
from typing import Any

from capacitylib.values import Estimate, Money, PartialDate


def parsing() -> ModuleType:
    """The :mod:`capacitylib.parsing` module, imported on first use (it is heavy to import)."""
    return importlib.import_module("capacitylib.parsing")


def parse_date(text: str, lang: str) -> PartialDate:
    """A date as the language writes it (``1. 11. 2016``, ``2022 m. gruodžio 8 d.``)."""
    value: PartialDate = parsing().parse_date(text, lang=lang)
    return value


def parse_money(text: str, lang: str, currency: str | None) -> Money:
    """An amount as the language writes it (``43 940 212,00 Eur``); ``currency`` if unstated."""
    value: Money = parsing().parse_money(text, lang=lang, currency=currency)
    return value


def parse_quantity(text: str, lang: str) -> Estimate:
    """A figure or range, possibly with an hours unit (``2-3``, ``cca 30``, ``88-100 ak. val.``)."""
    value: Estimate = parsing().parse_quantity(text, lang=lang)
    return value


def parse_term(text: str, lang: str, codelist: type[StrEnum]) -> StrEnum:
    """The code of ``codelist`` that a term in the language names (``sociální pracovníci``)."""
    value: Any = parsing().parse_term(text, lang=lang, codelist=codelist)
    return codelist(value)


__all__ = [
    "parse_date",
    "parse_money",
    "parse_quantity",
    "parse_term",
    "parsing",
]
