"""Multilingual text: one text per language tag.

A :class:`LocalizedText` keeps its languages in one canonical order, sorted by tag, whatever
order a document or a table gives them in. Every format (YAML, JSON, NDJSON, CSV, XLSX,
Parquet, pandas) then gives back the same :attr:`LocalizedText.languages`, and two texts that
compare equal also dump the same. The order does not tell which language is the original.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from typing import Annotated, Any, ClassVar, Self

from pydantic import StringConstraints
from pydantic_core import core_schema

from capacitylib.values._value import Value

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


class LocalizedText(Value):
    """Text in one or more languages, keyed by language tag; at least one entry.

    >>> title = LocalizedText({"lt": "Intervizija socialiniame darbe", "en": "Intervision"})
    >>> title.best("lv")
    'Intervision'
    >>> title.best("lt")
    'Intervizija socialiniame darbe'
    >>> title.languages
    ('en', 'lt')
    """

    __slots__ = ("_root",)

    _fields: ClassVar[tuple[str, ...]] = ("_root",)

    _root: dict[str, str]

    def __new__(cls, root: Any = None, /, **texts: Any) -> Self:
        """Validate a mapping of language tag to text (or the texts as keyword arguments)."""
        return cls.model_validate(texts if root is None and texts else root)

    def __init__(self, root: Any = None, /, **texts: Any) -> None:
        pass  # built by __new__

    @classmethod
    def _build_schema(cls) -> core_schema.CoreSchema:
        texts = core_schema.dict_schema(
            keys_schema=core_schema.str_schema(pattern=LANGUAGE_TAG_PATTERN),
            values_schema=core_schema.str_schema(
                min_length=1, max_length=MAX_TEXT_LENGTH, pattern=r"\S"
            ),
            min_length=1,
        )

        def build(value: dict[str, str]) -> LocalizedText:
            # One order for every format: tables cannot keep a per-row order of their columns.
            # (Two languages, the common case, are put in order without sorting.)
            size = len(value)
            if size == 2:
                first, second = value
                if first > second:
                    value = {second: value[second], first: value[first]}
            elif size > 2:
                tags = list(value)
                if tags != sorted(tags):
                    value = dict(sorted(value.items()))
            text = _new(cls)
            _set(text, "_root", value)
            return text

        def from_python(value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if isinstance(value, LocalizedText):
                return value
            return build(handler(value))

        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_after_validator_function(build, texts),
            python_schema=core_schema.no_info_wrap_validator_function(from_python, texts),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _texts_of,
                return_schema=core_schema.dict_schema(
                    core_schema.str_schema(), core_schema.str_schema()
                ),
            ),
        )

    @property
    def root(self) -> dict[str, str]:
        """The texts by language tag, sorted by tag (a new dict: the text itself is immutable)."""
        return dict(self._root)

    def __repr__(self) -> str:
        return f"LocalizedText(root={self._root!r})"

    def __hash__(self) -> int:
        return hash(frozenset(self._root.items()))

    def keys(self) -> KeysView[str]:
        """Language tags, sorted by tag."""
        return self._root.keys()

    def values(self) -> ValuesView[str]:
        """The texts, in the order of their tags."""
        return self._root.values()

    def items(self) -> ItemsView[str, str]:
        """``(tag, text)`` pairs, sorted by tag."""
        return self._root.items()

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
            if tag in self._root:
                return self._root[tag]
        return next(iter(self._root.values()))

    def get(self, lang: str) -> str | None:
        """Text in exactly ``lang``, or ``None``."""
        return self._root.get(lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """Language tags present, sorted by tag (``("en", "lt")``) in every format."""
        return tuple(self._root)

    def __getitem__(self, lang: str) -> str:
        return self._root[lang]

    def __contains__(self, lang: object) -> bool:
        return lang in self._root

    def __iter__(self) -> Iterator[str]:
        return iter(self._root)

    def __len__(self) -> int:
        return len(self._root)

    def __str__(self) -> str:
        return self.best()


_new = object.__new__
_set = object.__setattr__


def _texts_of(text: LocalizedText) -> dict[str, str]:
    return text._root


# A read-only mapping of tag to text (it has every Mapping method, and equals only texts).
Mapping.register(LocalizedText)
