"""The field's words, in their inflected forms, read into codelist values.

The glossary is data (``capacitylib/_data/glossary.csv``: ``lang,term,codelist,code``, one row
per inflected form), loaded once on first use. Words are matched exactly after case folding
and trimming punctuation; a word the glossary does not list is reported, never guessed.
``units.csv`` has the same columns for the unit words :mod:`.quantities` reads; the regular
case forms of the unit nouns are made from ``unit_lemmas.csv`` by :mod:`._inflection`.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar, overload

from capacitylib._tables import _rows
from capacitylib.codelists import (
    ActivityKind,
    HoursUnit,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    ReachUnit,
    TargetGroup,
    TimeUnit,
)
from capacitylib.parsing._inflection import inflect
from capacitylib.parsing._languages import Lang, language
from capacitylib.parsing._text import fold
from capacitylib.parsing.errors import AmbiguousTermError, UnknownTermError

#: A value :func:`parse_term` may return.
Term = ActivityKind | TargetGroup | PartnerRole | OrganisationKind | OutputKind

#: A unit :func:`~capacitylib.parsing.parse_measure` may return.
Unit = HoursUnit | TimeUnit | ReachUnit

E = TypeVar("E", bound=StrEnum)

#: Codelists the glossary files may name, by class name.
CODELISTS: dict[str, type[StrEnum]] = {
    c.__name__: c
    for c in (
        ActivityKind,
        TargetGroup,
        PartnerRole,
        OrganisationKind,
        OutputKind,
        HoursUnit,
        TimeUnit,
        ReachUnit,
    )
}

#: Units the field counts that ``ReachUnit`` lacks yet. Their rows in ``units.csv`` and
#: ``unit_lemmas.csv`` are ready and load as soon as the codelist has the member; until then
#: such words are unknown units (refused, as any unknown unit is).
PENDING_UNITS = frozenset({"partners", "countries", "regions", "offices", "cities"})

GLOSSARY_FILE = "glossary.csv"
UNITS_FILE = "units.csv"
LEMMAS_FILE = "unit_lemmas.csv"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One inflected form of a word in one language and the codelist value it means.

    >>> [(e.lang, e.term, e.code.value) for e in entries() if e.term == "intervizijos"]
    [('lt', 'intervizijos', 'intervision')]
    """

    lang: Lang
    term: str
    code: StrEnum

    @property
    def codelist(self) -> type[StrEnum]:
        """The codelist (enum class) of :attr:`code`."""
        return type(self.code)


@functools.cache
def entries(name: str = GLOSSARY_FILE) -> tuple[GlossaryEntry, ...]:
    """Every row of a glossary file in ``capacitylib/_data``, in file order (loaded once).

    The units file also has the forms :mod:`._inflection` makes from ``unit_lemmas.csv``
    (after the written rows, each form once).
    """
    rows = [(r["lang"], r["term"], r["codelist"], r["code"]) for r in _rows(name)]
    if name == UNITS_FILE:
        rows += [
            (r["lang"], form, r["codelist"], r["code"])
            for r in _rows(LEMMAS_FILE)
            for form in inflect(r["lang"], r["stem"], r["paradigm"])
        ]
    return tuple(
        GlossaryEntry(lang=language(lang).code, term=term, code=CODELISTS[codelist](code))
        for lang, term, codelist, code in dict.fromkeys(rows)
        if not _pending(codelist, code)
    )


def _pending(codelist: str, code: str) -> bool:
    """Whether a row names a :data:`PENDING_UNITS` unit that its codelist does not have yet."""
    values = {member.value for member in CODELISTS[codelist]}
    return code in PENDING_UNITS and code not in values


@functools.cache
def _index(name: str) -> dict[tuple[str, str], tuple[StrEnum, ...]]:
    found: defaultdict[tuple[str, str], list[StrEnum]] = defaultdict(list)
    for entry in entries(name):
        codes = found[(entry.lang, fold(entry.term))]
        if entry.code not in codes:
            codes.append(entry.code)
    return {key: tuple(codes) for key, codes in found.items()}


def find(name: str, text: str, lang: Lang) -> tuple[StrEnum, ...]:
    """Every value ``text`` may mean in glossary file ``name`` (empty when unknown)."""
    return _index(name).get((lang, fold(text)), ())


def find_unit(text: str, lang: Lang) -> Unit | None:
    """The unit ``text`` names in ``lang`` (``units.csv`` lists each form once), or ``None``."""
    for code in find(UNITS_FILE, text, lang):
        if isinstance(code, HoursUnit | TimeUnit | ReachUnit):
            return code
    return None


def lookup_term(
    text: str, *, lang: Lang, codelist: type[StrEnum] | None = None
) -> tuple[StrEnum, ...]:
    """Every codelist value the glossary gives for ``text`` in ``lang``; empty when unknown.

    >>> [code.value for code in lookup_term("rokasgrāmata", lang="lv")]
    ['publication', 'handbook']
    """
    language(lang)
    found = find(GLOSSARY_FILE, text, lang)
    return found if codelist is None else tuple(c for c in found if isinstance(c, codelist))


@overload
def parse_term(text: str, *, lang: Lang, codelist: type[E]) -> E: ...
@overload
def parse_term(text: str, *, lang: Lang, codelist: None = None) -> Term: ...
def parse_term(text: str, *, lang: Lang, codelist: type[StrEnum] | None = None) -> StrEnum:
    """The one codelist value a word of the field means, in any listed inflected form.

    Args:
        text: the word or phrase (case and surrounding punctuation do not matter).
        lang: ``lt``, ``lv``, ``cs``, ``pl`` or ``en``.
        codelist: look only in this codelist (e.g. ``ActivityKind``).

    Raises:
        UnknownTermError: the glossary does not list the word (it is never guessed).
        AmbiguousTermError: the word may mean several values (``.candidates``); plain
            "supervision" does not say whether it is group, team or individual supervision,
            and "rokasgrāmata" is both an activity (publication) and an output (handbook).

    >>> parse_term("socialiniams darbuotojams", lang="lt")
    <TargetGroup.SOCIAL_WORKERS: 'social_workers'>
    >>> parse_term("rokasgrāmata", lang="lv", codelist=OutputKind)
    <OutputKind.HANDBOOK: 'handbook'>
    """
    found = lookup_term(text, lang=lang, codelist=codelist)
    where = f"a {codelist.__name__} word" if codelist else "a word"
    expected = f"{where} listed in the {lang} glossary (docs/glossary.md)"
    if not found:
        raise UnknownTermError(text, lang=lang, expected=expected, reason="not in the glossary")
    if len(found) > 1:
        names = ", ".join(f"{type(c).__name__}.{c.name}" for c in found)
        raise AmbiguousTermError(
            text,
            lang=lang,
            expected=f"{expected}, with codelist= to choose",
            reason=f"it may mean {names}",
            candidates=found,
        )
    return found[0]
