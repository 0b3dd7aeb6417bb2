"""The machinery of the column definitions: columns, groups, tables, and their expansion.

:mod:`capacitylib.io.tables.columns` declares the tables with these pieces; this module turns a
declaration (a model and how each of its fields becomes columns) into :class:`Table` objects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, cast

from pydantic import BaseModel

from capacitylib.codelists import HoursUnit
from capacitylib.values import LocalizedText
from capacitylib.values._value import Value
from capacitylib.values.text import LANGUAGE_TAG_PATTERN

#: What a column holds, and so how its cells are written and read.
Kind = Literal[
    "id",  # an identifier (letters, digits, _ . : -)
    "text",  # free text, kept verbatim
    "code",  # a code from a codelist or an ISO code
    "int",  # a whole number
    "bool",  # true or false
    "decimal",  # an exact decimal, written as text (never a binary float)
    "date",  # an ISO 8601 date, YYYY-MM-DD
    "partial_date",  # YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD
    "ids",  # ids joined with ";"
    "codes",  # codes joined with ";"
    "partial_dates",  # partial dates joined with ";"
    "texts",  # free texts as a JSON array of strings
    "json",  # any JSON value as JSON text (extensions), numbers exact
    "objects",  # a list of objects as a JSON array (breakdowns), numbers exact
    "localized",  # one column per language: <name>_<lang>
    "position",  # 0-based order in the parent's list
]

GroupKind = Literal["money", "estimate", "hours"]

LANGUAGE_RE = re.compile(LANGUAGE_TAG_PATTERN)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table (for ``localized``, the family ``<name>_<lang>``)."""

    name: str
    """Column name; for a ``localized`` column the prefix before ``_<lang>``."""

    path: tuple[str, ...]
    """Where the value lives in the row's object (``("hours_per_session", "min")``)."""

    kind: Kind
    """How cells are written and read."""

    description: str
    """What the column holds, for the column reference."""

    codelist: type[StrEnum] | None = None
    """The codelist of a ``code`` or ``codes`` column."""

    required: bool = False
    """Whether a table must have this column (at least one language for ``localized``)."""

    group: str | None = None
    """Name of the Money, Estimate or Hours group the column belongs to."""


@dataclass(frozen=True, slots=True)
class Group:
    """Columns that together hold one Money, Estimate or Hours value.

    The first column (``_amount`` or ``_min``) also accepts the whole value as text
    (``12.50 EUR``, ``2-3``, ``cca 30``, ``2-3 h``), as does a column named just ``name``.
    """

    name: str
    path: tuple[str, ...]
    kind: GroupKind
    columns: tuple[Column, ...]
    members: dict[str, Column] = field(init=False, repr=False, compare=False)
    """Each column by its member name (``min``, ``unit``), made once for the readers."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "members", {col.path[-1]: col for col in self.columns})


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table: which list of the document it holds and its columns."""

    name: str
    description: str
    model: type[BaseModel | Value]
    parent: str | None
    list_path: tuple[str, ...]
    """Path of the list in the parent's object (``("budget", "sources")`` for ``funding``)."""

    join: tuple[str, ...]
    """Columns that name the parent row (``programme_id``, ``activity_id``, ...)."""

    columns: tuple[Column, ...]
    """Every column, join columns and ``position`` first."""

    groups: tuple[Group, ...] = ()
    key: str | None = None
    """The column that child tables join on (``activity_id``), if any."""

    key_as: str | None = None
    """The name of :attr:`key` in child tables (``session_position`` for ``position``)."""

    child_fields: tuple[str, ...] = ()
    """Fields of the model held by child tables rather than by columns."""

    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Readers look columns up by name once per row; a dict built once keeps that O(1).
        by_name: dict[str, Column] = {}
        for col in self.columns:
            by_name.setdefault(col.name, col)
        object.__setattr__(self, "_by_name", by_name)

    def column(self, name: str) -> Column | None:
        """The column called ``name`` (``None`` if the table has none)."""
        return self._by_name.get(name)

    def localized_column(self, name: str) -> tuple[Column, str] | None:
        """The ``localized`` column and language of a ``<prefix>_<lang>`` column name."""
        for col in self.columns:
            if col.kind == "localized":
                prefix = f"{col.name}_" if col.name else ""
                if name.startswith(prefix) and LANGUAGE_RE.match(name[len(prefix) :]):
                    return col, name[len(prefix) :]
        return None


@dataclass(frozen=True)
class Spec:
    """A field of a model and how it becomes columns."""

    field: str
    kind: str
    column: str | None = None
    codelist: type[StrEnum] | None = None
    model: type[BaseModel | Value] | None = None
    inner: tuple[Spec, ...] = ()


def spec(field: str, kind: str, column: str | None = None, codelist: Any = None) -> Spec:
    """A field held by columns: a :data:`Kind`, or ``money``, ``estimate``, ``hours``."""
    return Spec(field, kind, column, codelist)


def nested(field: str, model: type[BaseModel | Value], *inner: Spec) -> Spec:
    """An optional object whose fields become ``<field>_<inner>`` columns."""
    return Spec(field, "nested", model=model, inner=inner)


_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "money": {
        "amount": "{d} Exact decimal amount (`43940212.00`), or the whole amount (`12.50 EUR`).",
        "currency": "Its ISO 4217 currency code (`EUR`).",
    },
    "estimate": {
        "min": "{d} Lower bound, or the whole figure (`2-3`, `cca 30`).",
        "max": "Upper bound; empty means equal to the lower bound (or none, with `at_least`).",
        "approximate": "`true` when the source marks the figure approximate (`cca`).",
        "at_least": "`true` when the figure has no upper bound (`at least 30`); `max` empty.",
        "up_to": "`true` when the source states only the upper bound (`up to 200`); `min` 0.",
    },
    "hours": {
        "min": "{d} Lower bound, or the whole figure (`2-3 h`, `88-100 academic h`).",
        "max": "Upper bound; empty means equal to the lower bound.",
        "approximate": "`true` when the source marks the figure approximate (`cca`).",
        "at_least": "`true` when the figure has no upper bound (`at least 8 h`); `max` empty.",
        "up_to": "`true` when the source states only the upper bound (`up to 8 h`); `min` 0.",
        "unit": "Unit: `clock_hour`, `academic_hour` or `day`.",
        "academic_hour_minutes": "Length of an academic hour in minutes, when stated.",
    },
}
_MEMBERS: dict[str, tuple[tuple[str, Kind, type[StrEnum] | None], ...]] = {
    "money": (("amount", "decimal", None), ("currency", "code", None)),
    "estimate": (
        ("min", "decimal", None),
        ("max", "decimal", None),
        ("approximate", "bool", None),
        ("at_least", "bool", None),
        ("up_to", "bool", None),
    ),
    "hours": (
        ("min", "decimal", None),
        ("max", "decimal", None),
        ("approximate", "bool", None),
        ("at_least", "bool", None),
        ("up_to", "bool", None),
        ("unit", "code", HoursUnit),
        ("academic_hour_minutes", "int", None),
    ),
}
_REQUIRED_MEMBERS = {"money": ("amount",), "estimate": ("min",), "hours": ("min",)}


def expand(
    model: type[BaseModel | Value],
    specs: Sequence[Spec],
    *,
    path: tuple[str, ...] = (),
    prefix: str = "",
    required: bool = True,
) -> tuple[list[Column], list[Group]]:
    """The columns (and Money, Estimate, Hours groups) of ``specs`` fields of ``model``."""
    columns: list[Column] = []
    groups: list[Group] = []
    for spec in specs:
        info = model.model_fields[spec.field]
        desc = info.description or ""
        req = required and info.is_required()
        name = spec.column if spec.column is not None else prefix + spec.field
        here = (*path, spec.field)
        if spec.kind == "nested":
            inner_cols, inner_groups = expand(
                spec.model or model, spec.inner, path=here, prefix=f"{name}_", required=req
            )
            columns += inner_cols
            groups += inner_groups
        elif spec.kind in _MEMBERS:
            group_kind = cast("GroupKind", spec.kind)
            members = []
            for member, kind, codelist in _MEMBERS[group_kind]:
                col_name = member if name == "" else f"{name}_{member}"
                members.append(
                    Column(
                        name=col_name,
                        path=(*here, member),
                        kind=kind,
                        description=_DESCRIPTIONS[group_kind][member].format(d=desc).strip(),
                        codelist=codelist,
                        required=req and member in _REQUIRED_MEMBERS[group_kind],
                        group=name or spec.field,
                    )
                )
            columns += members
            groups.append(Group(name or spec.field, here, group_kind, tuple(members)))
        else:
            columns.append(Column(name, here, cast("Kind", spec.kind), desc, spec.codelist, req))
    return columns, groups


@dataclass(frozen=True)
class TableDecl:
    """A table as declared: its model, where its rows live, and how fields become columns."""

    name: str
    description: str
    model: type[BaseModel | Value]
    parent: str | None
    list_path: tuple[str, ...]
    specs: tuple[Spec, ...]
    key: str | None = None
    key_as: str | None = None
    child_fields: tuple[str, ...] = ()


def build_tables(declarations: Sequence[TableDecl]) -> tuple[Table, ...]:
    """The tables of ``declarations``: join columns, ``position`` and the field columns."""
    tables: dict[str, Table] = {}
    for decl in declarations:
        join: tuple[str, ...] = ()
        if decl.parent is not None:
            parent = tables[decl.parent]
            join = (*parent.join, parent.key_as or "")
        head = [
            Column(
                name,
                (),
                "position",
                "Position of the session in its activity (joins to `sessions.position`).",
                required=True,
            )
            if name == "session_position"
            else Column(
                name,
                (),
                "id",
                f"Id of the {name.removesuffix('_id')} the row belongs to.",
                required=True,
            )
            for name in join
        ]
        if decl.parent is not None:
            head.append(
                Column(
                    "position",
                    (),
                    "position",
                    "Order in the parent's list, from 0; blank keeps the table's row order.",
                )
            )
        if decl.model is LocalizedText:
            cols = [Column("text", (), "localized", "The objective in one language.", None, True)]
            groups: list[Group] = []
        else:
            cols, groups = expand(decl.model, decl.specs)
        tables[decl.name] = Table(
            name=decl.name,
            description=decl.description,
            model=decl.model,
            parent=decl.parent,
            list_path=decl.list_path,
            join=join,
            columns=(*head, *cols),
            groups=tuple(groups),
            key=decl.key,
            key_as=decl.key_as,
            child_fields=decl.child_fields,
        )
    return tuple(tables.values())


__all__ = [
    "LANGUAGE_RE",
    "Column",
    "Group",
    "GroupKind",
    "Kind",
    "Spec",
    "Table",
    "TableDecl",
    "build_tables",
    "expand",
    "nested",
    "spec",
]
