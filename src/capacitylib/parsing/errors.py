"""Errors raised by the parsers: each names the input, the language and what was expected."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class UnsupportedLanguageError(ValueError):
    """A ``lang`` argument that is not one of ``lt``, ``lv``, ``cs``, ``pl``, ``en``."""


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

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments: rebuild through __dict__ so errors survive pickling
        # (multiprocessing pools, ExceptionGroups sent between processes).
        return (_rebuild, (type(self), self.text, self.lang, self.expected, self.reason))


def _rebuild(
    cls: type[ParseError], text: str, lang: str, expected: str, reason: str | None
) -> ParseError:
    return cls(text, lang=lang, expected=expected, reason=reason)


class DateParseError(ParseError):
    """Text that is not a date in the language's forms."""

    kind = "date"


class PeriodParseError(DateParseError):
    """Text that is not a range of dates (``1. 11. 2016 – 28. 2. 2018``)."""

    kind = "period"


class AmountParseError(ParseError):
    """Text that is not an amount of money with a currency."""

    kind = "amount"


class QuantityParseError(ParseError):
    """Text that is not a count, a range of counts or an amount of time."""

    kind = "quantity"


class UnknownTermError(ParseError):
    """A word the glossary does not list for the language (never guessed by fuzzy matching)."""

    kind = "term"


class AmbiguousTermError(ParseError):
    """A word the glossary lists under more than one code: pass ``codelist=`` to choose.

    Attributes:
        candidates: every codelist value the word may mean.
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

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_ambiguous,
            (self.text, self.lang, self.expected, self.reason, self.candidates),
        )


def _rebuild_ambiguous(
    text: str, lang: str, expected: str, reason: str | None, candidates: Sequence[StrEnum]
) -> AmbiguousTermError:
    return AmbiguousTermError(
        text, lang=lang, expected=expected, reason=reason, candidates=candidates
    )
