"""Multilingual text: one text per language tag.

A :class:`LocalizedText` keeps its languages in one canonical order, sorted by tag, whatever
order a document or a table gives them in. Every format (YAML, JSON, NDJSON, CSV, XLSX,
Parquet, pandas) then gives back the same :attr:`LocalizedText.languages`, and two texts that
compare equal also dump the same. The order does not tell which language is the original.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated

from pydantic import ConfigDict, Field, RootModel, StringConstraints, field_validator

#: The pattern of a language tag (the documents' and the tables' one definition).
LANGUAGE_TAG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"

#: A BCP 47 language tag as used in the field's records: ``lt``, ``lv``, ``cs``, ``en``, ``pt-BR``.
LanguageTag = Annotated[str, StringConstraints(pattern=LANGUAGE_TAG_PATTERN)]

#: Longest text accepted in any single text field, in characters.
MAX_TEXT_LENGTH = 100_000

#: Text that is not empty and not only white space.
NonBlankText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TEXT_LENGTH, pattern=r"\S")
]

#: Fallback order used by :meth:`LocalizedText.best` when no preference is given.
DEFAULT_FALLBACK: tuple[str, ...] = ("en",)


class LocalizedText(RootModel[dict[LanguageTag, NonBlankText]]):
    """Text in one or more languages, keyed by language tag; at least one entry.

    >>> title = LocalizedText({"lt": "Intervizija socialiniame darbe", "en": "Intervision"})
    >>> title.best("lv")
    'Intervision'
    >>> title.best("lt")
    'Intervizija socialiniame darbe'
    >>> title.languages
    ('en', 'lt')
    """

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=False)

    root: dict[LanguageTag, NonBlankText] = Field(min_length=1)

    @field_validator("root")
    @classmethod
    def _sorted_by_tag(cls, value: dict[str, str]) -> dict[str, str]:
        # One order for every format: tables cannot keep a per-row order of their columns.
        if list(value) == sorted(value):
            return value
        return dict(sorted(value.items()))

    def best(self, lang: str | None = None, fallback: Sequence[str] = DEFAULT_FALLBACK) -> str:
        """Text in ``lang``, else its primary language, else the first of ``fallback``, else any.

        ``lang="pt-BR"`` matches ``pt-BR`` first and then ``pt``. "Any" is the first language by
        tag (the texts are sorted by tag): ``LocalizedText({"lv": .., "cs": ..}).best()`` is
        the Czech text.
        """
        wanted: list[str] = []
        if lang:
            wanted += [lang, lang.split("-")[0]]
        wanted += list(fallback)
        for tag in wanted:
            if tag in self.root:
                return self.root[tag]
        return next(iter(self.root.values()))

    def get(self, lang: str) -> str | None:
        """Text in exactly ``lang``, or ``None``."""
        return self.root.get(lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """Language tags present, sorted by tag (``("en", "lt")``) in every format."""
        return tuple(self.root)

    def __getitem__(self, lang: str) -> str:
        return self.root[lang]

    def __contains__(self, lang: object) -> bool:
        return lang in self.root

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.root)

    def __len__(self) -> int:
        return len(self.root)

    def __str__(self) -> str:
        return self.best()
