"""Amounts of money as the field writes them, read into :class:`~capacitylib.values.Money`."""

from __future__ import annotations

import re

from pydantic import ValidationError

from capacitylib import _tables
from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._numbers import FIGURE, read_decimal
from capacitylib.parsing._text import clean, fold
from capacitylib.parsing.errors import AmountParseError, examples
from capacitylib.values import Money

#: Currency words and symbols (case-folded) and the ISO 4217 code they stand for. Any ISO
#: code written in capitals (``EUR``, ``NOK``) is accepted as well.
CURRENCY_WORDS: dict[str, str] = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "eurai": "EUR",
    "euras": "EUR",
    "eurų": "EUR",
    "eiro": "EUR",
    "eura": "EUR",
    "kč": "CZK",
    "koruna": "CZK",
    "koruny": "CZK",
    "korun": "CZK",
    "zł": "PLN",
    "złoty": "PLN",
    "złote": "PLN",
    "złotych": "PLN",
    # Withdrawn currencies still found in older records: the litas until 2015, the lats
    # until 2014.
    "lt": "LTL",
    "litas": "LTL",
    "litai": "LTL",
    "litų": "LTL",
    "ls": "LVL",
    "lats": "LVL",
    "lati": "LVL",
    "latu": "LVL",
}

# Sign and currency before the figure, the figure, a Czech ",-" (no minor units), then the
# currency after it.
_AMOUNT_RE = re.compile(
    rf"(?P<before>[^0-9]*?)\s*(?P<figure>{FIGURE})(?P<whole>[.,]-{{1,2}})?\s*(?P<after>[^0-9]*)"
)
_SIGNS = "-−"


def _currency(word: str) -> str | None:
    if re.fullmatch(r"[A-Z]{3}", word) and word in _tables.currencies():
        return word
    return CURRENCY_WORDS.get(fold(word))


def _error(text: str, table: Language, reason: str) -> AmountParseError:
    return AmountParseError(
        text,
        lang=table.code,
        expected="a figure with a currency, " + examples(table.amount_examples),
        reason=reason,
    )


def parse_money(text: str, *, lang: Lang, currency: str | None = None) -> Money:
    """Read an amount of money written in ``lang``; the digits are kept as written.

    ``43 940 212,00 Eur`` is ``Decimal("43940212.00")`` euros. Thousands may be grouped by
    a space, a no-break space, a thin space or the language's other mark; the decimal mark
    is ``,`` in lt, lv, cs and pl and ``.`` in en. ``12 000,- Kč`` is a whole amount.

    Args:
        text: the amount as written.
        lang: ``lt``, ``lv``, ``cs``, ``pl`` or ``en``.
        currency: ISO 4217 code for a text that names no currency (a spreadsheet column
            in euros); a text naming another currency is refused.

    Raises:
        AmountParseError: no figure, an unknown or missing currency, a figure not in the
            language's style, or a currency different from ``currency``.

    >>> str(parse_money("43 940 212,00 Eur", lang="lt"))
    '43940212.00 EUR'
    >>> str(parse_money("12 470 000", lang="lv", currency="EUR"))
    '12470000 EUR'
    """
    table = language(lang)
    cleaned = clean(text)
    match = _AMOUNT_RE.fullmatch(cleaned)
    if match is None:
        raise _error(text, table, "not one figure")
    before = match["before"]
    negative = any(sign in before for sign in _SIGNS)
    named = [w for w in (before.strip(_SIGNS + "+ "), match["after"].strip()) if w]
    if len(named) > 1:
        raise _error(text, table, "words both before and after the figure")
    stated = None
    if named:
        stated = _currency(named[0])
        if stated is None:
            raise _error(text, table, f"{named[0]!r} is not a currency")
    if stated is None and currency is None:
        raise _error(text, table, "no currency; pass currency= for a column in one currency")
    if stated is not None and currency is not None and stated != currency:
        raise _error(text, table, f"the text says {stated}, the caller {currency}")
    if match["whole"] and match["whole"][0] != table.decimal_mark:
        raise _error(text, table, f"'{match['whole']}' needs the decimal mark of {lang}")
    try:
        amount = read_decimal(match["figure"], table)
        return Money.of(-amount if negative else amount, stated or currency or "")
    except (ValueError, ValidationError) as exc:
        reason = str(exc.errors()[0]["msg"]) if isinstance(exc, ValidationError) else str(exc)
        raise _error(text, table, reason) from exc
