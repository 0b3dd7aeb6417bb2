"""Scanning running text for values: words, runs of words, and the edges of a value found.

The machinery of :mod:`.find`: a text is cut into words (without the clause punctuation
around them), runs of words that may be one value are tried longest first, and the span of
a value found is trimmed of prepositions, dashes and a sentence's full stop.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from capacitylib import _tables
from capacitylib.parsing._languages import Lang, Language, language
from capacitylib.parsing._numbers import _number_words
from capacitylib.parsing._text import fold, words_pattern
from capacitylib.parsing.money import CURRENCY_WORDS, LANGUAGE_CURRENCY_WORDS
from capacitylib.parsing.terms import UNITS_FILE, entries

V = TypeVar("V")

#: Words dropped from the edges of a date found in text: prepositions that the date
#: parsers skip inside a date ("15. května v Olomouci" ends at "května").
EDGE_WORDS = frozenset({"v", "w", "dne", "dnia", "dňa", "am", "le", "den", "the", "of", "de"})

_CHUNK_RE = re.compile(r"\S+")
# Punctuation that closes or opens a clause around a value, never part of it.
_OUTER = ",;:!?()[]{}«»„“”\"'‚‘’"
DIGIT_RE = re.compile(r"\d")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_BREAK_RE = re.compile(r"\n\s*\n|[•·▪■►]")
YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


def cut(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` without the clause punctuation around them."""
    spans = []
    for match in _CHUNK_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start] in _OUTER:
            start += 1
        while end > start and text[end - 1] in _OUTER:
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def scan(
    text: str,
    read: Callable[[str], V | None],
    *,
    longest: int,
    allowed: frozenset[str],
) -> Iterator[tuple[int, int, V]]:
    """Every run of at most ``longest`` chunks that ``read`` reads, longest first, left to right.

    A run holds only chunks that may be part of such a value: figures, punctuation and the
    ``allowed`` words (month names, currency words, ...); any other word ends it, which keeps
    the number of texts tried small.
    """
    chunks = cut(text)
    fits = [belongs(text[a:b], allowed) for a, b in chunks]
    # A value never runs across a blank line or a list bullet, nor starts or ends with a dash.
    breaks = [
        _BREAK_RE.search(text, chunks[k][1], chunks[k + 1][0]) is not None
        for k in range(len(chunks) - 1)
    ]
    edges = [_is_edge(text[a:b]) for a, b in chunks]
    i = 0
    while i < len(chunks):
        if not fits[i] or not edges[i]:
            i += 1
            continue
        last = i
        while (
            last + 1 < len(chunks)
            and last + 1 < i + longest
            and fits[last + 1]
            and not breaks[last]
        ):
            last += 1
        for j in range(last, i - 1, -1):
            if not edges[j]:
                continue
            start, end = chunks[i][0], chunks[j][1]
            value = read(text[start:end])
            if value is None and end - start > 1 and text[end - 1] == ".":
                end -= 1  # the full stop of the sentence ("... 1,200.")
                value = read(text[start:end])
            if value is not None:
                yield start, end, value
                i = j + 1
                break
        else:
            i += 1


def _is_edge(chunk: str) -> bool:
    """Whether a value may start or end with this chunk: anything but bare punctuation."""
    return any(not unicodedata.category(char).startswith("P") for char in chunk)


def belongs(chunk: str, allowed: frozenset[str]) -> bool:
    """Whether a chunk may be part of a value: a figure, punctuation or an allowed word."""
    words = _LETTERS_RE.findall(chunk)
    return DIGIT_RE.search(chunk) is not None or all(fold(w) in allowed for w in words)


def _words_of(phrases: Iterable[str]) -> set[str]:
    return {fold(w) for phrase in phrases for w in _LETTERS_RE.findall(phrase)}


@functools.cache
def date_words(lang: Lang) -> frozenset[str]:
    """Words a date or a range may contain in ``lang``."""
    table = language(lang)
    words = _words_of(f for forms in table.months for f in forms)
    words |= _words_of(spaced for spaced, _ in table.joined)
    words |= _words_of(f for forms in table.weekdays for f in forms)
    words |= _words_of(table.jump_words + table.range_start_words + table.range_end_words)
    words |= _words_of(re.sub(r"\(\?P<year>[^)]*\)|\\.", " ", p) for p in table.end_of_year)
    return frozenset(words)


@functools.cache
def amount_words(lang: Lang) -> frozenset[str]:
    """Words an amount may contain in ``lang``: currency words, codes and multipliers."""
    table = language(lang)
    words = _words_of([*CURRENCY_WORDS, *table.currency_words, *table.multipliers])
    words |= _words_of(LANGUAGE_CURRENCY_WORDS.get(lang, {}))
    return frozenset(words | {fold(c) for c in _tables.currencies()})


@functools.cache
def quantity_words(lang: Lang) -> frozenset[str]:
    """Words a count may contain in ``lang``: number, "about", range and unit words."""
    table = language(lang)
    units = [e.term for e in entries(UNITS_FILE) if e.lang == lang]
    numbers = [w for (code, w) in _number_words() if code == lang]
    words = _words_of([*units, *numbers, *table.approximate_words])
    return frozenset(words | _words_of(table.range_start_words + table.range_end_words))


def trim(text: str, start: int, end: int, table: Language) -> tuple[int, int]:
    """The span without leading or trailing :data:`EDGE_WORDS`."""
    edge = words_pattern(tuple(sorted(EDGE_WORDS & set(table.jump_words))))
    if not edge:
        return start, end
    inner = text[start:end]
    lead = re.match(rf"(?:(?:{edge})\s+)+", inner, re.IGNORECASE)
    tail = re.search(rf"(?:\s+(?:{edge}))+$", inner, re.IGNORECASE)
    return start + (lead.end() if lead else 0), end - (len(tail[0]) if tail else 0)


def month_tokens_ok(written: str, table: Language, *, full: bool) -> bool:
    """Whether the month words of ``written`` are safe to read inside running text."""
    for match in re.finditer(r"[^\W\d_]+(\.)?", written):
        word = match[0].rstrip(".")
        form = fold(word)
        if not any(form in forms for forms in table.months):
            continue
        if table.code == "en" and not word[0].isupper():
            return False
        if form in table.abbreviations and not (match[1] or full):
            return False
    return True


def date_end(text: str, start: int, end: int, table: Language) -> int:
    """``end`` before a full stop that ends the sentence, not a date's own dot.

    Kept: the dot of a date word or month abbreviation (``d.``, ``r.``, ``g.``, ``kov.``) and,
    in lv, hr and hu, the dot after a number (``16.05.2019.``, ``12. ožujka 2019.``).
    """
    written = text[start:end]
    if not written.endswith(".") or len(written) < 2:
        return end
    before = written[-2]
    if before.isdigit():
        return end if table.dotted_year else end - 1
    word = fold(_LETTERS_RE.findall(written)[-1]) if _LETTERS_RE.search(written) else ""
    if word in table.jump_words or word in table.abbreviations:
        return end
    return end - 1


def is_number_only(written: str) -> bool:
    """Digits and punctuation only: no word but the :data:`EDGE_WORDS` ("of 2019")."""
    return all(fold(w) in EDGE_WORDS for w in re.findall(r"[^\W\d_]+", written))


def without_final_dot(text: str, start: int, end: int, table: Language) -> int:
    """``end`` before a full stop that ends the sentence, not an abbreviation (``val.``)."""
    if text[end - 1] != ".":
        return end
    last = text[start:end].rsplit(maxsplit=1)[-1]
    return end if last.casefold() in _dotted_forms(table) or last == "." else end - 1


def _dotted_forms(table: Language) -> frozenset[str]:
    """Unit and currency forms written with a final dot (``val.``, ``hod.``, ``kr.``)."""
    forms = {e.term.casefold() for e in entries(UNITS_FILE) if e.lang == table.code}
    return frozenset(f for f in forms | {"kr.", "лв."} if f.endswith("."))


def unit_or_currency_re(table: Language) -> re.Pattern[str]:
    r"""A unit word or a currency straight after a figure (``\\s+osób``, ``\\s*Kč``)."""
    words = {fold(e.term) for e in entries(UNITS_FILE) if e.lang == table.code}
    words |= set(CURRENCY_WORDS) | set(table.currency_words)
    return re.compile(rf"\s*(?:{words_pattern(tuple(words))})(?!\w)|\s*[A-Z]{{3}}\b", re.I)


def before(text: str, start: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands right before ``start``."""
    if not words:
        return False
    return re.search(rf"(?<!\w)(?:{words_pattern(words)})\.?\s*$", text[:start], re.I) is not None
