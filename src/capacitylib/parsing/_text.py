"""Text clean-up shared by the parsers: one spelling of spaces, dashes and case."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Spaces written between digit groups: space, no-break space, thin space, narrow no-break space.
GROUP_SPACES = " \u00a0\u2009\u202f"

_SPACES_RE = re.compile(rf"[{GROUP_SPACES}\t\r\n]+")
# En dash, em dash and figure dash all separate ranges; the hyphen is kept apart because it
# also joins the parts of an ISO date. U+2010 and U+2011 (no-break) are hyphens.
_DASHES = str.maketrans({"—": "–", "‒": "–", "―": "–", "\u2010": "-", "\u2011": "-"})


def clean(text: str) -> str:
    """``text`` in NFC with one kind of space and dash, trimmed.

    >>> clean(" 1.\u00a011.\u20092016 — 28.2.2018 ")
    '1. 11. 2016 – 28.2.2018'
    """
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return _SPACES_RE.sub(" ", text).strip()


def fold(text: str) -> str:
    """The form words are matched on: cleaned, case-folded, without surrounding punctuation.

    Inner punctuation stays (``ak. val.`` keeps its inner dot, ``e-mokymai`` its hyphen).

    >>> fold("  „Supervizní setkání“, ")
    'supervizní setkání'
    """
    text = clean(text).casefold()
    start, end = 0, len(text)
    while start < end and _is_trim(text[start]):
        start += 1
    while end > start and _is_trim(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_trim(char: str) -> bool:
    """Punctuation and space around a word; symbols such as ``€`` and ``~`` are kept."""
    return char == " " or unicodedata.category(char).startswith("P")


@functools.cache
def words_pattern(words: tuple[str, ...]) -> str:
    """A regex alternative matching any of ``words`` as whole words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
