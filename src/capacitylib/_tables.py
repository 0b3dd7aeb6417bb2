"""Reference tables shipped in ``capacitylib/_data``, each loaded once on first use.

Loading is lazy so that ``import capacitylib`` stays cheap.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("capacitylib._data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@dataclass(frozen=True, slots=True)
class CurrencyInfo:
    """An ISO 4217 currency: code, English name, minor-unit digits, whether withdrawn."""

    code: str
    name: str
    minor_unit_digits: int | None
    withdrawn: bool


@dataclass(frozen=True, slots=True)
class CodeScheme:
    """A programme-code numbering scheme and the pattern its codes follow."""

    scheme: str
    example: str
    pattern: re.Pattern[str]
    source: str
    verified: bool


@functools.cache
def currencies() -> dict[str, CurrencyInfo]:
    """ISO 4217 currencies, current and the withdrawn ones the field's records still use."""
    return {
        r["code"]: CurrencyInfo(
            code=r["code"],
            name=r["name"],
            minor_unit_digits=int(r["minor_unit_digits"]) if r["minor_unit_digits"] else None,
            withdrawn=r["withdrawn"] == "yes",
        )
        for r in _rows("currencies.csv")
    }


@functools.cache
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code to English short name."""
    return {r["alpha_2"]: r["name"] for r in _rows("countries.csv")}


@functools.cache
def code_schemes() -> tuple[CodeScheme, ...]:
    """Programme-code schemes in detection order (first match wins)."""
    return tuple(
        CodeScheme(
            scheme=r["scheme"],
            example=r["example"],
            pattern=re.compile(r["pattern"]),
            source=r["source"],
            verified=r["tag"] == "V",
        )
        for r in _rows("code_schemes.csv")
    )
