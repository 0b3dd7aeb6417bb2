"""Reading many values without stopping at the first failure (a spreadsheet row or column)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from capacitylib.parsing._languages import Lang
from capacitylib.parsing.errors import ParseError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ParseResult(Generic[T]):
    """The outcome of reading one text: its ``value``, or the ``error`` that stopped it.

    >>> from capacitylib.parsing import parse_money
    >>> results = parse_many(parse_money, ["1 200 Eur", "12,5,0 Eur"], lang="lt")
    >>> [r.ok for r in results]
    [True, False]
    >>> print(results[1].error)  # doctest: +ELLIPSIS
    could not read '12,5,0 Eur' as an amount in lt: ...
    """

    text: str
    value: T | None = None
    error: ParseError | None = None

    @property
    def ok(self) -> bool:
        """Whether the text was read."""
        return self.error is None

    def unwrap(self) -> T:
        """The value; raises the error when the text could not be read."""
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]  # None only when T allows it


def try_parse(parser: Callable[..., T], text: str, *, lang: Lang, **options: Any) -> ParseResult[T]:
    """Call ``parser(text, lang=lang, **options)`` and keep its value or its error.

    Only :class:`~capacitylib.parsing.errors.ParseError` is caught: a bug still raises.
    """
    try:
        return ParseResult(text, value=parser(text, lang=lang, **options))
    except ParseError as exc:
        return ParseResult(text, error=exc)


def parse_many(
    parser: Callable[..., T], texts: Iterable[str], *, lang: Lang, **options: Any
) -> list[ParseResult[T]]:
    """Read every text with ``parser``, one :class:`ParseResult` each, in order.

    A failure never hides the others: a caller reading a spreadsheet gets all of them.
    """
    return [try_parse(parser, text, lang=lang, **options) for text in texts]
