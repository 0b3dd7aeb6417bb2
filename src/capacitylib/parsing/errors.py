"""Errors raised by the parsers: each names the input, the language and what was expected."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import ParamSpec, TypeVar

from capacitylib.errors import CapacitylibError

_P = ParamSpec("_P")
_R = TypeVar("_R")


class UnsupportedLanguageError(CapacitylibError, ValueError):
    """A ``lang`` argument that is not one of the 24 official EU languages (``LANGS``).

    >>> from capacitylib.parsing import parse_date
    >>> try:
    ...     parse_date("12 марта 2019", lang="ru")
    ... except UnsupportedLanguageError as error:
    ...     print(error)  # doctest: +ELLIPSIS
    lang must be one of bg, cs, da, de, ..., sk, sl, sv (got 'ru')
    """


class ParseError(CapacitylibError, ValueError):
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


class OpenBoundError(QuantityParseError):
    """A figure with an open bound ("at least 30", "do 200", "ne mazāk kā 20").

    An :class:`~capacitylib.values.Estimate` has a lower and an upper bound, both stated;
    open bounds are not representable yet, so such a text is refused rather than read as a
    closed value that it does not state.

    Attributes:
        bound: the word that opens the bound, as written.

    >>> from capacitylib.parsing import parse_quantity
    >>> try:
    ...     parse_quantity("ne mazāk kā 20", lang="lv")
    ... except OpenBoundError as error:
    ...     print(error.bound, "|", error.reason)
    ne mazāk kā | 'ne mazāk kā' is an open bound; open bounds are not representable yet
    """

    def __init__(
        self, text: str, *, lang: str, expected: str, bound: str, reason: str | None = None
    ):
        self.bound = bound
        reason = reason or f"{bound!r} is an open bound; open bounds are not representable yet"
        super().__init__(text, lang=lang, expected=expected, reason=reason)


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


def hinted_by(
    finder: str, error: type[ParseError], *options: str
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Make a ``parse_*`` function's ``error`` point to ``finder`` when values are inside words.

    The decorated parser raises what it raised, unless the text holds values among other
    words: the error then says so and names the ``find_*`` function that reads them
    (:func:`capacitylib.parsing.find.hint`). ``options`` are the parser's keyword arguments
    that the finder takes too (``reference_year``). The finders are imported when an error
    happens: :mod:`~capacitylib.parsing.find` imports the parsers, so it cannot be imported
    by them when they load.

    >>> from capacitylib.parsing import parse_money
    >>> try:
    ...     parse_money("Projekto vertė: 120 000 Eur", lang="lt")
    ... except AmountParseError as exc:
    ...     print(exc.reason.split("; ")[1])
    the text holds a value among other words (find_amounts reads '120 000 Eur')
    """

    def decorate(parse: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(parse)
        def parse_or_hint(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return parse(*args, **kwargs)
            except error as exc:
                from capacitylib.parsing import find  # noqa: PLC0415 - find imports the parsers

                passed = {name: kwargs[name] for name in options if name in kwargs}
                hinted = find.hint(exc, getattr(find, finder), **passed)
                if hinted is exc:
                    raise
                raise hinted from exc.__cause__

        return parse_or_hint

    return decorate
