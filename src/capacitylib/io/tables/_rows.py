"""Reading the rows of one table: join keys, position, and each cell into the row's object."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from capacitylib.io.tables._decode import CellError, Decoder, plain
from capacitylib.io.tables._figures import FigureReader
from capacitylib.io.tables._header import Header, resolve_header
from capacitylib.io.tables._schema import Column, Table
from capacitylib.io.tables.problems import TableProblem

Path = tuple[str | int, ...]


@dataclass
class Row:
    """One row read: its keys, the object its cells make, and where each value came from."""

    table: Table
    number: int
    join: tuple[Any, ...]
    position: int | None
    obj: Any
    prov: dict[Path, str]
    failed: set[Path]
    problems: list[tuple[Path, str | None, CellError, Any]]
    children: dict[str, list[Row]] = field(default_factory=dict)
    index: int = 0
    path: Path = ()

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
        for number, row_cells in body:
            values = {
                h.name: plain(row_cells[h.index]) if h.index < len(row_cells) else None
                for h in headers
            }
            if all(v is None for v in values.values()):
                continue
            row = self._row(table, number, values, unplaced)
            if row is not None:
                self._fields(row, headers, values)
                self._groups(row, headers, values)
                rows.append(row)
        return rows, unplaced, []

    def _row(
        self, table: Table, number: int, values: dict[str, Any], unplaced: list[Unplaced]
    ) -> Row | None:
        """The row with its join keys and position, or ``None`` if they are unreadable."""
        join: list[Any] = []
        for name in (*table.join, "position"):
            raw = values.get(name)
            try:
                if raw is None and name != "position":
                    raise CellError(f"{name} is empty", code="table_key_missing")
                if raw is not None:
                    col = table.column(name)
                    join.append(self.decoder.cell(col, raw) if col is not None else raw)
            except CellError as exc:
                pid = join[0] if join else None
                unplaced.append(Unplaced(table, number, name, exc, raw, pid))
                return None
        position = join.pop() if values.get("position") is not None else None
        obj: Any = {}
        return Row(table, number, tuple(join), position, obj, {}, set(), [])

    def _fields(self, row: Row, headers: list[Header], values: dict[str, Any]) -> None:
        """Decode the plain and text columns of a row into its object."""
        table = row.table
        texts: dict[str, dict[str, Any]] = {}
        for h in headers:
            col, raw = h.column, values[h.name]
            if col is None or col.group is not None or (not col.path and col.kind != "localized"):
                continue
            if col.kind == "localized":
                lang = h.lang or ""
                row.prov[(*col.path, lang)] = f"{col.name}_{lang}" if col.name else lang
                if raw is not None:
                    text = self.decoder.cell(Column(h.name, col.path, "text", ""), raw)
                    texts.setdefault(col.name, {})[lang] = text
            elif raw is not None:
                try:
                    set_(row.obj, col.path, self.decoder.cell(col, raw))
                except CellError as exc:
                    row.problems.append((col.path, col.name, exc, raw))
                    row.failed.add(col.path)
        for col in table.columns:
            if col.kind == "localized":
                row.prov.setdefault(col.path, first_language(row.prov, col))
                if col.name in texts:
                    if col.path:
                        set_(row.obj, col.path, texts[col.name])
                    else:
                        row.obj = texts[col.name]  # a table of texts (objectives)
            elif col.path:
                row.prov[col.path] = col.name

    def _groups(self, row: Row, headers: list[Header], values: dict[str, Any]) -> None:
        """Decode the Money, Estimate and Hours columns of a row into its object."""
        given: dict[str, dict[str, Any]] = {}
        whole: dict[str, Any] = {}
        for h in headers:
            raw = values[h.name]
            if raw is None:
                continue
            if h.group is not None:
                whole[h.group.name] = raw
            elif h.column is not None and h.column.group is not None:
                given.setdefault(h.column.group, {})[h.column.name] = raw
        for group in row.table.groups:
            row.prov[group.path] = group.columns[0].name
            if group.name not in given and group.name not in whole:
                continue
            decoded = self.figures.read(group, given.get(group.name, {}), whole.get(group.name))
            for rel, value in decoded.values:
                set_(row.obj, (*group.path, *rel), value)
            for rel, column, exc, raw in decoded.problems:
                row.problems.append(((*group.path, *rel), column, exc, raw))
                row.failed.add((*group.path, *rel))
            row.failed.update((*group.path, *rel) for rel in decoded.quiet)


def first_language(prov: dict[Path, str], col: Column) -> str:
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


def set_(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


__all__ = ["Path", "Row", "RowReader", "Unplaced", "first_language", "get", "set_"]
