"""Amounts of money as the field writes them, read into :class:`~capacitylib.values.Money`.

Currency names and symbols come from CLDR for each language (``eurų``, ``české koruny``,
``Ft``, ``лв.``), plus the field's own spellings below; multipliers (``1,2 mln. EUR``,
``350 tūkst. Eur``) are read exactly.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from pydantic import ValidationError

from capacitylib import _tables
from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._numbers import FIGURE, read_decimal
from capacitylib.parsing._text import clean, fold, words_pattern
from capacitylib.parsing.errors import AmountParseError, examples, hinted_by
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

#: Spellings that mean a currency in one language only: plain "koruna" is the Czech koruna
#: in Czech but was the Slovak koruna (``Sk``, until 2009) in Slovak, so it is read in cs alone.
LANGUAGE_CURRENCY_WORDS: dict[str, dict[str, str]] = {
    "cs": {"koruna": "CZK", "koruny": "CZK", "korun": "CZK"},
    "sk": {"sk": "SKK"},
}


# Sign and currency before the figure, the figure, a Czech ",-" (no minor units), then the
# currency after it.
@functools.cache
def _amount_re(lang: Lang) -> re.Pattern[str]:
    table = language(lang)
    multipliers = words_pattern(tuple(table.multipliers))
    multiplier = rf"(?:\s*(?P<mult>{multipliers})(?!\w)\.?)?" if multipliers else ""
    return re.compile(
        rf"(?P<before>[^0-9]*?)\s*(?P<figure>{FIGURE})(?P<whole>[.,]-{{1,2}})?{multiplier}"
        rf"\s*(?P<after>[^0-9]*)",
        re.IGNORECASE,
    )


_SIGNS = "-−"


def _currency(word: str, table: Language) -> str | None:
    if re.fullmatch(r"[A-Z]{3}", word) and word in _tables.currencies():
        return word
    key = fold(word)
    if key in LANGUAGE_CURRENCY_WORDS.get(table.code, {}):
        return LANGUAGE_CURRENCY_WORDS[table.code][key]
    return CURRENCY_WORDS.get(key) or table.currency_words.get(key)


def _bound(before: str, table: Language) -> str | None:
    """The open-bound word ("iki", "up to") written before the figure, if any."""
    pattern = _bound_re(table.code)
    found = pattern.search(before) if pattern and before else None
    return found[1] if found else None


@functools.cache
def _bound_re(lang: Lang) -> re.Pattern[str] | None:
    words = language(lang).bound_words
    return re.compile(rf"(?<!\w)({words_pattern(words)})(?!\w)", re.I) if words else None


def _error(text: str, table: Language, reason: str) -> AmountParseError:
    return AmountParseError(
        text,
        lang=table.code,
        expected="a figure with a currency, " + examples(table.amount_examples),
        reason=reason,
    )


def _multiply(amount: Decimal, power: int) -> Decimal:
    """``amount`` times ten to ``power``, exactly, written without an exponent."""
    scaled = amount.scaleb(power)
    exponent = scaled.as_tuple().exponent
    return scaled.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else scaled


@hinted_by("find_amounts", AmountParseError)
def parse_money(text: str, *, lang: Lang, currency: str | None = None) -> Money:
    """Read an amount of money written in ``lang``; the digits are kept as written.

    ``43 940 212,00 Eur`` is ``Decimal("43940212.00")`` euros. Thousands may be grouped by
    a space, a no-break space, a thin space or the language's other mark; the decimal mark
    is CLDR's for the language (``,`` in lt, lv, cs, pl, sk, de...; ``.`` in en, ga, mt).
    ``12 000,- Kč`` is a whole amount; ``1,2 mln. EUR`` is exactly 1 200 000 euros.

    Args:
        text: the amount as written.
        lang: one of :data:`~capacitylib.parsing.LANGS`.
        currency: ISO 4217 code for a text that names no currency (a spreadsheet column
            in euros); a text naming another currency is refused.

    Raises:
        AmountParseError: no figure, an unknown or missing currency, a figure not in the
            language's style, a currency different from ``currency``, or an open bound
            (``iki 200 000 Eur``: open bounds are not representable yet).

    >>> str(parse_money("43 940 212,00 Eur", lang="lt"))
    '43940212.00 EUR'
    >>> str(parse_money("12 470 000", lang="lv", currency="EUR"))
    '12470000 EUR'
    >>> str(parse_money("1,2 mln. EUR", lang="lt"))
    '1200000 EUR'
    """
    return _parse_money(text, lang=lang, currency=currency)


def _parse_money(text: str, *, lang: Lang, currency: str | None) -> Money:
    table = language(lang)
    cleaned = clean(text)
    match = _amount_re(table.code).fullmatch(cleaned)
    if match is None:
        raise _error(text, table, "not one figure")
    before = match["before"]
    if bound := _bound(before, table):
        raise _error(
            text,
            table,
            f"{bound!r} makes it an open bound, which a Money cannot hold (open bounds are "
            "not representable yet)",
        )
    negative = any(sign in before for sign in _SIGNS)
    named = [w for w in (before.strip(_SIGNS + "+ "), match["after"].strip()) if w]
    if len(named) > 1:
        raise _error(text, table, "words both before and after the figure")
    stated = None
    if named:
        stated = _currency(named[0], table)
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
        if multiplier := match.groupdict().get("mult"):
            amount = _multiply(amount, table.multipliers[fold(multiplier)])
        return Money.of(-amount if negative else amount, stated or currency or "")
    except (ValueError, ValidationError) as exc:
        reason = str(exc.errors()[0]["msg"]) if isinstance(exc, ValidationError) else str(exc)
        raise _error(text, table, reason) from exc
