"""Fill rates: which fields of the document a record states.

A top-level field is *stated* when the record gives it (pydantic's ``model_fields_set``) with
a value: a field left to its default, ``null`` or an empty list is not stated; a nested field is
stated when the record gives it at all. Paths go two levels
deep, with ``[]`` for the items of a list: ``budget``, ``budget.total``, ``activities``,
``activities[].sessions``. A record states ``activities[].sessions`` when any of its
activities does.
"""

from __future__ import annotations

import functools

from pydantic import BaseModel

from capacitylib.models import Programme


def stated_fields(programme: Programme) -> set[str]:
    """The field paths ``programme`` states, two levels deep.

    >>> import capacitylib
    >>> fields = stated_fields(capacitylib.load_examples()[0])
    >>> "activities" in fields, "activities[].kind" in fields, "indicators" in fields
    (True, True, False)
    """
    found: set[str] = set()
    values = programme.__dict__
    for name in programme.__pydantic_fields_set__:
        value = values[name]
        if value is None or value == ():
            continue
        found.add(name)
        if isinstance(value, tuple):
            if isinstance(value[0], BaseModel) and not value[0].__pydantic_root_model__:
                inner = set().union(*(item.__pydantic_fields_set__ for item in value))
                found.update(_prefixed(f"{name}[].", frozenset(inner)))
        elif isinstance(value, BaseModel) and not value.__pydantic_root_model__:
            found.update(_prefixed(f"{name}.", frozenset(value.__pydantic_fields_set__)))
    return found


@functools.cache
def _prefixed(prefix: str, names: frozenset[str]) -> frozenset[str]:
    return frozenset(prefix + name for name in names)


def document_fields() -> list[str]:
    """Every path :func:`stated_fields` can report, in the order of the model's fields.

    >>> document_fields()[:3]
    ['schema_version', 'id', 'code']
    """
    paths: list[str] = []
    for name, info in Programme.model_fields.items():
        paths.append(name)
        inner = _model_of(info.annotation)
        if inner is not None:
            joint = "[]." if _is_sequence(info.annotation) else "."
            paths += [f"{name}{joint}{field}" for field in inner.model_fields]
    return paths


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The (non-root) model an annotation holds: ``X``, ``X | None``, ``tuple[X, ...]``."""
    args = getattr(annotation, "__args__", ())
    nested = [inner for arg in args for inner in getattr(arg, "__args__", ())]
    for candidate in (annotation, *args, *nested):
        if (
            isinstance(candidate, type)
            and issubclass(candidate, BaseModel)
            and not candidate.__pydantic_root_model__
        ):
            return candidate
    return None


def _is_sequence(annotation: object) -> bool:
    origin = getattr(annotation, "__origin__", None)
    return origin in (tuple, list)


__all__ = ["document_fields", "stated_fields"]
