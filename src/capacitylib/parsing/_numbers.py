"""Figures as the field writes them: decimal and thousands marks, small number words."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from capacitylib._tables import _rows
from capacitylib.parsing._languages import Language
from capacitylib.parsing._text import GROUP_SPACES, fold

#: A written figure: digits with any spaces, dots and commas between them.
FIGURE = r"[0-9](?:[0-9 .,]*[0-9])?"


def read_decimal(figure: str, table: Language) -> Decimal:
    """The exact value of a figure written in the language's style, keeping its digits.

    The decimal mark is CLDR's for the language (``,`` in lt, lv, cs, pl, de...; ``.`` in en,
    ga and mt). Thousands are grouped in threes by spaces (any of the spaces
    :func:`~._text.clean` turns into one) or by the language's group symbol (CLDR's, plus
    ``.`` in lt, lv, cs, pl and sk, where the field writes ``43.940.212,00``).

    Raises:
        ValueError: saying what is wrong with the figure.

    >>> from capacitylib.parsing._languages import language
    >>> read_decimal("43 940 212,00", language("lt")), read_decimal("43,940,212.00", language("en"))
    (Decimal('43940212.00'), Decimal('43940212.00'))
    """
    mark = table.decimal_mark
    marks = _group_marks(table)
    whole, has_mark, fraction = figure.partition(mark)
    if mark in fraction:
        raise ValueError(f"'{mark}' is the decimal mark in {table.code} and appears twice")
    if has_mark and not re.fullmatch(r"[0-9]+", fraction):
        raise ValueError(f"'{mark}' is the decimal mark in {table.code}; digits must follow it")
    if not re.fullmatch(r"[0-9]+", whole):
        grouped = re.fullmatch(
            rf"[0-9]{{1,3}}([{re.escape(marks)}])[0-9]{{3}}(?:\1[0-9]{{3}})*", whole
        )
        if grouped is None:
            shown = " or ".join(["spaces", *(f"'{m}'" for m in marks if m != " ")])
            raise ValueError(
                f"thousands are grouped in threes by {shown}, and '{mark}' is "
                f"the decimal mark in {table.code}"
            )
        whole = whole.replace(grouped[1], "")
    return Decimal(f"{whole}.{fraction}" if has_mark else whole)


def _group_marks(table: Language) -> str:
    """The marks that may group thousands: a space (any kind) and CLDR's group symbol."""
    marks = {" " if m in GROUP_SPACES else m for m in table.group_marks} - {table.decimal_mark}
    return " " + "".join(sorted(marks - {" "}))


@functools.cache
def _number_words() -> dict[tuple[str, str], int]:
    return {(r["lang"], fold(r["word"])): int(r["value"]) for r in _rows("number_words.csv")}


def read_number(token: str, table: Language) -> Decimal:
    """A figure or a small number word ("aštuonias", "dvě", "twelve") as a Decimal.

    Raises:
        ValueError: the token is neither.
    """
    if token[0].isdigit():
        return read_decimal(token, table)
    value = _number_words().get((table.code, fold(token)))
    if value is None:
        raise ValueError(f"{token!r} is not a number or a number word in {table.code}")
    return Decimal(value)
