"""Reading the rows of one table: join keys, position, and each cell into the row's object."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from capacitylib.errors import Loc
from capacitylib.io.tables._decode import CellError, Decoder, canonical_type, plain, unchanged
from capacitylib.io.tables._figures import FigureReader
from capacitylib.io.tables._header import Header, resolve_header
from capacitylib.io.tables._schema import Column, Group, Table
from capacitylib.io.tables.problems import TableProblem


@dataclass(slots=True)
class Row:
    """One row read: its keys, the object its cells make, and where each value came from."""

    table: Table
    number: int
    join: tuple[Any, ...]
    position: int | None
    obj: Any
    prov: Mapping[Loc, str]
    """Where each value came from (path to column name); one mapping shared by a table's rows."""
    failed: set[Loc]
    problems: list[tuple[Loc, str | None, CellError, Any]]
    children: dict[str, list[Row]] = field(default_factory=dict)
    index: int = 0
    path: Loc = ()

    @property
    def key(self) -> Any:
        key = self.table.key
        if key == "position":
            return self.position if self.position is not None else self.index
        col = self.table.column(key or "")
        if col is None:
            return None
        return get(self.obj, col.path)


@dataclass
class Unplaced:
    """A row whose join keys or position cannot be read, so it belongs nowhere."""

    table: Table
    number: int
    column: str
    error: CellError
    value: Any
    programme_id: Any


class RowReader:
    """Reads the rows of tables, in canonical form or (with ``lang``) in a language."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self.decoder = Decoder(lang)
        self.figures = FigureReader(self.decoder)

    def read(
        self, table: Table, header: list[Any], body: list[tuple[int, list[Any]]]
    ) -> tuple[list[Row], list[Unplaced], list[TableProblem]]:
        """The rows of a table, the rows that belong nowhere, and problems with the header."""
        headers, problems = resolve_header(table, header, body, self.lang)
        rows: list[Row] = []
        unplaced: list[Unplaced] = []
        if problems:
            return rows, unplaced, problems
        plan = _Plan(table, headers, self.decoder)
        for number, row_cells in body:
            values = plan.values(row_cells)
            if values is None:  # every cell empty
                continue
            row = self._row(plan, number, values, unplaced)
            if row is not None:
                self._fields(plan, row, values)
                self._groups(plan, row, values)
                rows.append(row)
        return rows, unplaced, []

    def _row(
        self, plan: _Plan, number: int, values: tuple[Any, ...], unplaced: list[Unplaced]
    ) -> Row | None:
        """The row with its join keys and position, or ``None`` if they are unreadable."""
        join: list[Any] = []
        for name, slot, read in plan.join:
            raw = values[slot] if slot is not None else None
            try:
                if raw is None and name != "position":
                    raise CellError(f"{name} is empty", code="table_key_missing")
                if raw is not None:
                    join.append(read(raw))
            except CellError as exc:
                pid = join[0] if join else None
                unplaced.append(Unplaced(plan.table, number, name, exc, raw, pid))
                return None
        position = join.pop() if plan.position_given(values) else None
        return Row(plan.table, number, tuple(join), position, {}, plan.prov, set(), [])

    def _fields(self, plan: _Plan, row: Row, values: tuple[Any, ...]) -> None:
        """Decode the plain and text columns of a row into its object."""
        obj = row.obj
        for slot, path, name, read in plan.fields:
            raw = values[slot]
            if raw is None:
                continue
            try:
                value = read(raw)
            except CellError as exc:
                row.problems.append((path, name, exc, raw))
                row.failed.add(path)
                continue
            if len(path) == 1:
                obj[path[0]] = value
            else:
                set_(obj, path, value)
        if not plan.texts:
            return
        texts: dict[str, dict[str, Any]] = {}
        for slot, name, lang in plan.texts:
            raw = values[slot]
            if raw is not None:
                texts.setdefault(name, {})[lang] = self.decoder.text(raw)
        for name, path in plan.localized:
            if name in texts:
                if path:
                    set_(row.obj, path, texts[name])
                else:
                    row.obj = texts[name]  # a table of texts (objectives)

    def _groups(self, plan: _Plan, row: Row, values: tuple[Any, ...]) -> None:
        """Decode the Money, Estimate and Hours columns of a row into its object."""
        for group, members, whole_slot, ordered in plan.groups:
            bare = values[whole_slot] if whole_slot is not None else None
            if bare is None:
                # Canonical cells (a Decimal, a bool, a known code) are the value's members
                # as they are, in the group's order: what the figure reader would give.
                found: list[tuple[str, Any]] = []
                for slot, member, canonical, is_unchanged in ordered:
                    raw = values[slot]
                    if raw is not None:
                        # The type first (a Decimal, a bool, ...); codes also by their list.
                        if raw.__class__ is not canonical or (
                            canonical is str and not is_unchanged(raw)
                        ):
                            break
                        found.append((member, raw))
                else:
                    if found:
                        value_dict = _dig(row.obj, group.path)
                        for member, raw in found:
                            value_dict[member] = raw
                    continue
            given = {name: values[slot] for slot, name in members if values[slot] is not None}
            decoded = self.figures.read(group, given, bare)
            target: dict[str, Any] | None = None
            for rel, value in decoded.values:
                if target is None:
                    target = _dig(row.obj, group.path)
                set_(target, rel, value)
            for rel, column, exc, raw in decoded.problems:
                row.problems.append(((*group.path, *rel), column, exc, raw))
                row.failed.add((*group.path, *rel))
            row.failed.update((*group.path, *rel) for rel in decoded.quiet)


#: Cell types that :func:`~capacitylib.io.tables._decode.plain` returns unchanged (but ``""``).
_PLAIN_TYPES = frozenset({type(None), str, int, bool, Decimal, date, datetime})
_EMPTY = frozenset({type(None)})


class _Plan:
    """What each header cell of one table means, worked out once per table, not per row.

    A row's cells are taken in header order as a tuple (``values``); every list below names
    a slot of that tuple and what to do with a non-empty cell there.
    """

    def __init__(self, table: Table, headers: list[Header], decoder: Decoder) -> None:
        self.table = table
        indexes = [h.index for h in headers]
        self.width = max(indexes, default=-1) + 1
        self._take: Callable[[Sequence[Any]], Any] | None = (
            operator.itemgetter(*indexes) if len(indexes) > 1 else None
        )
        self._indexes = indexes
        slot_of = {h.name: slot for slot, h in enumerate(headers)}
        #: The join columns and ``position``: name, slot (``None`` if absent), reader.
        self.join: list[tuple[str, int | None, Callable[[Any], Any]]] = []
        for name in (*table.join, "position"):
            col = table.column(name)
            read = decoder.reader(col.kind, col.codelist) if col is not None else _same
            self.join.append((name, slot_of.get(name), read))
        self._position_slot = slot_of.get("position")
        #: Plain columns: slot, path in the row's object, column name, reader.
        self.fields: list[tuple[int, tuple[str, ...], str, Callable[[Any], Any]]] = []
        #: Language columns of texts: slot, the text column's name, language.
        self.texts: list[tuple[int, str, str]] = []
        members: dict[str, list[tuple[int, str]]] = {}
        wholes: dict[str, int] = {}
        for slot, h in enumerate(headers):
            col = h.column
            if h.group is not None:
                wholes[h.group.name] = slot
            elif col is None:
                continue
            elif col.group is not None:
                members.setdefault(col.group, []).append((slot, col.name))
            elif col.kind == "localized":
                self.texts.append((slot, col.name, h.lang or ""))
            elif col.path:
                read = decoder.reader(col.kind, col.codelist)
                self.fields.append((slot, col.path, col.name, read))
        #: The text columns of the table: name, path.
        self.localized = [(c.name, c.path) for c in table.columns if c.kind == "localized"]
        #: The groups the header has cells for, in the table's order: the group, its member
        #: columns' slots and names in header order, the slot of its whole-figure column, and
        #: its members' slots in the group's order with the test of a canonical cell.
        self.groups = [
            _group_plan(g, members.get(g.name, []), wholes.get(g.name))
            for g in table.groups
            if g.name in members or g.name in wholes
        ]
        #: Where each value came from, for problems: the same for every row of the table.
        self.prov: Mapping[Loc, str] = MappingProxyType(_provenance(table, headers))

    def values(self, row_cells: Sequence[Any]) -> tuple[Any, ...] | None:
        """The cells of a row in header order, as plain values (empty ones ``None``).

        ``None`` when every cell is empty.
        """
        if len(row_cells) < self.width:
            row_cells = [*row_cells, *([None] * (self.width - len(row_cells)))]
        if self._take is not None:
            values: tuple[Any, ...] = self._take(row_cells)
        else:
            values = tuple(row_cells[i] for i in self._indexes)
        # Most cells are already plain (None, str, Decimal, ...): check them all at C speed.
        types = set(map(type, values))
        if types <= _PLAIN_TYPES and (str not in types or "" not in values):
            return None if types <= _EMPTY else values
        values = tuple(map(plain, values))
        return None if values.count(None) == len(values) else values

    def position_given(self, values: tuple[Any, ...]) -> bool:
        """Whether the row states its position."""
        slot = self._position_slot
        return slot is not None and values[slot] is not None


def _same(raw: Any) -> Any:
    return raw


_GroupPlan = tuple[
    Group,
    list[tuple[int, str]],
    int | None,
    list[tuple[int, str, type | None, Callable[[Any], bool]]],
]


def _group_plan(group: Group, members: list[tuple[int, str]], whole: int | None) -> _GroupPlan:
    slots = {name: slot for slot, name in members}
    ordered = [
        (slots[c.name], c.path[-1], canonical_type(c.kind), unchanged(c.kind, c.codelist))
        for c in group.columns
        if c.name in slots
    ]
    return group, members, whole, ordered


def _provenance(table: Table, headers: list[Header]) -> dict[Loc, str]:
    """Path in a row's object -> the column its value comes from (language columns first)."""
    prov: dict[Loc, str] = {}
    for h in headers:
        col = h.column
        if h.group is None and col is not None and col.group is None and col.kind == "localized":
            lang = h.lang or ""
            prov[(*col.path, lang)] = f"{col.name}_{lang}" if col.name else lang
    for col in table.columns:
        if col.kind == "localized":
            prov.setdefault(col.path, first_language(prov, col))
        elif col.path:
            prov[col.path] = col.name
    for group in table.groups:
        prov[group.path] = group.columns[0].name
    return prov


def first_language(prov: Mapping[Loc, str], col: Column) -> str:
    """The name of the first language column of a text, for problems with the whole text."""
    for path, name in prov.items():
        if path[:-1] == col.path and len(path) == len(col.path) + 1:
            return name
    return f"{col.name}_<lang>" if col.name else "<lang>"


def get(obj: Any, path: Iterable[str]) -> Any:
    for part in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _dig(obj: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """The dict at ``path`` in ``obj``, made on the way where missing."""
    for part in path:
        obj = obj.setdefault(part, {})
    return obj


def set_(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


__all__ = ["Loc", "Row", "RowReader", "Unplaced", "first_language", "get", "set_"]
