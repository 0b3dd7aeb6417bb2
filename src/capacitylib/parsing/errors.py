"""Errors raised by the parsers: each names the input, the language and what was expected."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any


class UnsupportedLanguageError(ValueError):
    """A ``lang`` argument that is not one of ``lt``, ``lv``, ``cs``, ``pl``, ``en``.

    >>> from capacitylib.parsing import parse_date
    >>> try:
    ...     parse_date("12. März 2019", lang="de")
    ... except UnsupportedLanguageError as error:
    ...     print(error)
    lang must be one of lt, lv, cs, pl, en (got 'de')
    """


class ParseError(ValueError):
    """Text that could not be read as the value asked for.

    Attributes:
        text: the input, exactly as given.
        lang: the language it was read in.
        expected: what would have been accepted, with examples.
        reason: what was wrong with this input, when known.

    >>> err = ParseError("31.13.2019", lang="lv", expected="e.g. '16.05.2019.'", reason="month 13")
    >>> str(err)
    "could not read '31.13.2019' as a value in lv: month 13; expected e.g. '16.05.2019.'"
    """

    #: What the parser was reading, used in the message ("date", "amount", ...).
    kind = "value"

    def __init__(self, text: str, *, lang: str, expected: str, reason: str | None = None):
        self.text = text
        self.lang = lang
        self.expected = expected
        self.reason = reason
        detail = f"{reason}; " if reason else ""
        article = "an" if self.kind[0] in "aeiou" else "a"
        super().__init__(
            f"could not read {text!r} as {article} {self.kind} in {lang}: "
            f"{detail}expected {expected}"
        )

    def _options(self) -> dict[str, object]:
        return {"lang": self.lang, "expected": self.expected, "reason": self.reason}

    def __reduce__(self) -> tuple[object, ...]:
        # The arguments are keyword-only: rebuild through them so that errors survive
        # pickling (worker pools, errors sent between processes).
        return (_rebuild, (type(self), self.text, self._options()))


def _rebuild(cls: type[ParseError], text: str, options: dict[str, Any]) -> ParseError:
    return cls(text, **options)


def examples(forms: Sequence[str]) -> str:
    """``e.g. 'a', 'b' or 'c'``: the language's own forms, for an error's ``expected``."""
    quoted = [repr(form) for form in forms]
    return "e.g. " + ", ".join(quoted[:-1]) + " or " + quoted[-1]


class DateParseError(ParseError):
    """Text that is not a date in the language's forms.

    >>> from capacitylib.parsing import parse_date
    >>> try:
    ...     parse_date("30. února 2019", lang="cs")
    ... except DateParseError as error:
    ...     print(error.text, "|", error.lang)
    30. února 2019 | cs
    """

    kind = "date"


class PeriodParseError(DateParseError):
    """Text that is not a range of dates (``1. 11. 2016 – 28. 2. 2018``).

    >>> from capacitylib.parsing import parse_period
    >>> try:
    ...     parse_period("od listopadu", lang="cs")
    ... except PeriodParseError as error:
    ...     print(error.kind, "|", error.text)
    period | od listopadu
    """

    kind = "period"


class AmountParseError(ParseError):
    """Text that is not an amount of money with a currency.

    >>> from capacitylib.parsing import parse_money
    >>> try:
    ...     parse_money("apie milijoną", lang="lt")
    ... except AmountParseError as error:
    ...     print(error.kind, "|", error.text)
    amount | apie milijoną
    """

    kind = "amount"


class QuantityParseError(ParseError):
    """Text that is not a count, a range of counts or an amount of time.

    >>> from capacitylib.parsing import parse_quantity
    >>> try:
    ...     parse_quantity("daudz stundu", lang="lv")
    ... except QuantityParseError as error:
    ...     print(error.kind, "|", error.text)
    quantity | daudz stundu
    """

    kind = "quantity"


class UnknownTermError(ParseError):
    """A word the glossary does not list for the language (never guessed by fuzzy matching).

    >>> from capacitylib.parsing import parse_term
    >>> try:
    ...     parse_term("kavos pertrauka", lang="lt")
    ... except UnknownTermError as error:
    ...     print(error.kind, "|", error.text)
    term | kavos pertrauka
    """

    kind = "term"


class AmbiguousTermError(ParseError):
    """A word the glossary lists under more than one code: pass ``codelist=`` to choose.

    Attributes:
        candidates: every codelist value the word may mean.

    >>> from capacitylib.parsing import parse_term
    >>> try:
    ...     parse_term("rokasgrāmata", lang="lv")
    ... except AmbiguousTermError as error:
    ...     print(sorted(c.value for c in error.candidates))
    ['handbook', 'publication']
    """

    kind = "term"

    def __init__(
        self,
        text: str,
        *,
        lang: str,
        expected: str,
        reason: str | None = None,
        candidates: Sequence[StrEnum] = (),
    ):
        self.candidates = tuple(candidates)
        super().__init__(text, lang=lang, expected=expected, reason=reason)

    def _options(self) -> dict[str, object]:
        return {**super()._options(), "candidates": self.candidates}
