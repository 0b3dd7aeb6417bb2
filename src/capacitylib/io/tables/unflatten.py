"""Flat tables to programmes, with every bad cell reported by table, row and column at once.

Reading goes in four steps: resolve each table's header against the column definitions;
decode each row's cells (canonical form first, then the language parsers when ``lang`` is
given); attach child rows to their parents by the join columns and order them by ``position``;
validate each programme and map every validation error back to the cell it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from capacitylib.errors import format_path, problems_from_error
from capacitylib.io.tables import cells
from capacitylib.io.tables._decode import CellError, Decoder, plain
from capacitylib.io.tables._header import Header, resolve_header, unknown_table
from capacitylib.io.tables.columns import TABLES, TABLES_BY_NAME, Column, Table, children_of
from capacitylib.io.tables.flatten import Tables
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.models import Programme

Path = tuple[str | int, ...]


@dataclass
class RawTable:
    """A table as a format read it: the header and the rows of raw cells."""

    name: str
    columns: list[Any]
    """Header cells, in order (blank ones as ``None`` or ``""``)."""

    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    """(row number as the user sees it, header = 1; the cells in header order)."""


@dataclass
class ProgrammeResult:
    """One programme read from tables: the model, or the problems of its rows."""

    programme_id: str
    row: int
    programme: Programme | None
    problems: list[TableProblem]


@dataclass
class TablesResult:
    """Everything read from a set of tables."""

    programmes: list[ProgrammeResult]
    structural: list[TableProblem]
    """Problems with whole tables (unknown or missing columns, merged headers, ...)."""

    orphans: list[TableProblem]
    """Rows that name a programme no ``programmes`` row has, or have no programme id."""

    @property
    def problems(self) -> list[TableProblem]:
        """Every problem, structural first."""
        out = [*self.structural, *self.orphans]
        for result in self.programmes:
            out += result.problems
        return out

    def programmes_or_raise(self, *, source: str | None = None) -> list[Programme]:
        """The programmes, or a :class:`TableError` listing every problem."""
        problems = self.problems
        if problems:
            raise TableError(problems, source=source)
        return [r.programme for r in self.programmes if r.programme is not None]


def raw_from_data(tables: Tables) -> dict[str, RawTable]:
    """The :class:`RawTable` form of tables made by :func:`~.flatten.to_tables`."""
    return {
        name: RawTable(
            name,
            list(data.columns),
            [(i + 2, [row.get(c) for c in data.columns]) for i, row in enumerate(data.rows)],
        )
        for name, data in tables.items()
    }


def from_tables(
    tables: Tables | Mapping[str, RawTable], *, lang: str | None = None, source: str | None = None
) -> list[Programme]:
    """Programmes from tables, or a :class:`TableError` listing every bad cell.

    >>> import capacitylib
    >>> from capacitylib.io.tables.flatten import to_tables
    >>> examples = capacitylib.load_examples()
    >>> from_tables(to_tables(examples)) == examples
    True
    """
    return read_raw(_as_raw(tables), lang=lang).programmes_or_raise(source=source)


def _as_raw(tables: Tables | Mapping[str, RawTable]) -> dict[str, RawTable]:
    raw: dict[str, RawTable] = {}
    for name, table in tables.items():
        if isinstance(table, RawTable):
            raw[name] = table
        else:
            raw.update(raw_from_data({name: table}))
    return raw


def read_raw(
    tables: Mapping[str, RawTable],
    *,
    lang: str | None = None,
    structural: Iterable[TableProblem] = (),
) -> TablesResult:
    """Read programmes from raw tables, collecting every problem instead of stopping.

    ``structural`` are problems a format already found with whole files or sheets.
    """
    if lang is not None:
        cells.parsing()
    reader = _Reader(Decoder(lang), lang)
    reader.structural += structural
    for name in tables:
        if name not in TABLES_BY_NAME:
            reader.structural.append(unknown_table(name))
    if "programmes" not in tables and not reader.structural:
        reader.structural.append(
            TableProblem(
                code="table_missing",
                path="",
                message="there is no programmes table; every set of tables needs one",
                table="programmes",
            )
        )
    for table in TABLES:
        raw = tables.get(table.name)
        if raw is not None:
            reader.read_table(table, raw)
    return reader.finish()


# --- rows ---------------------------------------------------------------------------------------


@dataclass
class _Row:
    table: Table
    number: int
    join: tuple[Any, ...]
    position: int | None
    obj: Any
    prov: dict[Path, str]
    failed: set[Path]
    problems: list[tuple[Path, str | None, CellError, Any]]
    children: dict[str, list[_Row]] = field(default_factory=dict)
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
        return _get(self.obj, col.path)


class _Reader:
    def __init__(self, decoder: Decoder, lang: str | None) -> None:
        self.decoder = decoder
        self.lang = lang
        self.structural: list[TableProblem] = []
        self.orphans: list[TableProblem] = []
        self.rows: dict[str, list[_Row]] = {t.name: [] for t in TABLES}
        self.programme_rows: list[_Row] = []
        self.by_programme: dict[str, _Row] = {}
        self.extra: dict[str, list[TableProblem]] = {}

    def read_table(self, table: Table, raw: RawTable) -> None:
        headers, problems = resolve_header(table, raw.columns, raw.rows, self.lang)
        if problems:
            self.structural += problems
            return
        for number, row_cells in raw.rows:
            values = {
                h.name: plain(row_cells[h.index]) if h.index < len(row_cells) else None
                for h in headers
            }
            if all(v is None for v in values.values()):
                continue
            row = self._row(table, number, values)
            if row is not None:
                self._fields(row, headers, values)
                self._groups(row, headers, values)
                self.rows[table.name].append(row)

    def _row(self, table: Table, number: int, values: dict[str, Any]) -> _Row | None:
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
                self._orphan(table, number, name, exc, raw, programme_id=pid)
                return None
        position = join.pop() if values.get("position") is not None else None
        obj: Any = {}
        return _Row(table, number, tuple(join), position, obj, {}, set(), [])

    def _fields(self, row: _Row, headers: list[Header], values: dict[str, Any]) -> None:
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
                    _set(row.obj, col.path, self.decoder.cell(col, raw))
                except CellError as exc:
                    row.problems.append((col.path, col.name, exc, raw))
                    row.failed.add(col.path)
        for col in table.columns:
            if col.kind == "localized":
                row.prov.setdefault(col.path, _first_language(row.prov, col))
                if col.name in texts:
                    if col.path:
                        _set(row.obj, col.path, texts[col.name])
                    else:
                        row.obj = texts[col.name]  # a table of texts (objectives)
            elif col.path:
                row.prov[col.path] = col.name

    def _groups(self, row: _Row, headers: list[Header], values: dict[str, Any]) -> None:
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
            decoded = self.decoder.group(group, given.get(group.name, {}), whole.get(group.name))
            for rel, value in decoded.values:
                _set(row.obj, (*group.path, *rel), value)
            for rel, column, exc, raw in decoded.problems:
                row.problems.append(((*group.path, *rel), column, exc, raw))
                row.failed.add((*group.path, *rel))
            row.failed.update((*group.path, *rel) for rel in decoded.quiet)

    def _orphan(
        self,
        table: Table,
        number: int,
        column: str | None,
        exc: CellError,
        raw: Any,
        *,
        programme_id: Any = None,
    ) -> None:
        problem = TableProblem(
            code=exc.code,
            path="",
            message=str(exc),
            value=raw,
            table=table.name,
            row=number,
            column=column,
            programme_id=programme_id if isinstance(programme_id, str) else None,
        )
        if isinstance(programme_id, str) and table.name != "programmes":
            self.extra.setdefault(programme_id, []).append(problem)
        else:
            self.orphans.append(problem)

    # --- assembly -------------------------------------------------------------------------------

    def finish(self) -> TablesResult:
        if self.structural:
            return TablesResult([], self.structural, self.orphans)
        for row in self.rows["programmes"]:
            pid = row.key
            if not isinstance(pid, str):
                self.orphans.append(
                    TableProblem(
                        code="table_key_missing",
                        path="",
                        message="programme_id is empty",
                        table="programmes",
                        row=row.number,
                        column="programme_id",
                    )
                )
                continue
            if pid in self.by_programme:
                self.extra.setdefault(pid, []).append(
                    TableProblem(
                        code="table_id_duplicate",
                        path="",
                        message=f"programme_id {pid!r} is also on row "
                        f"{self.by_programme[pid].number}; each programme needs its own id",
                        value=pid,
                        table="programmes",
                        row=row.number,
                        column="programme_id",
                        programme_id=pid,
                    )
                )
                continue
            self.by_programme[pid] = row
            self.programme_rows.append(row)
        index: dict[str, dict[tuple[Any, ...], list[_Row]]] = {
            "programmes": {(r.key,): [r] for r in self.programme_rows}
        }
        for table in TABLES[1:]:
            parent = TABLES_BY_NAME[table.parent or ""]
            parents = index.get(parent.name, {})
            attached: list[_Row] = []
            for row in self.rows[table.name]:
                found = parents.get(row.join, [])
                if len(found) != 1:
                    self._unattached(table, parent, row, found)
                    continue
                found[0].children.setdefault(table.name, []).append(row)
                attached.append(row)
            for parent_row in {id(p): p for ps in parents.values() for p in ps}.values():
                self._order(parent_row.children.get(table.name, []), parent_row)
            if children_of(table.name):
                table_index: dict[tuple[Any, ...], list[_Row]] = {}
                for row in attached:
                    table_index.setdefault((*row.join, row.key), []).append(row)
                index[table.name] = table_index
        for pid in list(self.extra):
            if pid not in self.by_programme:
                self.orphans += self.extra.pop(pid)
        programmes = [self._programme(row) for row in self.programme_rows]
        return TablesResult(programmes, [], self.orphans)

    def _unattached(self, table: Table, parent: Table, row: _Row, found: list[_Row]) -> None:
        names = [*parent.join, parent.key_as or ""]
        keys = ", ".join(f"{n}={v!r}" for n, v in zip(names, row.join, strict=True))
        if found:
            message = f"{len(found)} {parent.name} rows have {keys}; the row cannot be placed"
            code = "table_reference_ambiguous"
        else:
            message = f"no {parent.name} row has {keys}"
            code = "table_reference_unknown"
        error = CellError(message, code=code)
        column = table.join[-1]
        self._orphan(table, row.number, column, error, row.join[-1], programme_id=row.join[0])

    def _order(self, rows: list[_Row], parent: _Row) -> None:
        positions: dict[int, _Row] = {}
        for row in rows:
            if row.position is None:
                continue
            if row.position in positions:
                row.problems.append(
                    (
                        (),
                        "position",
                        CellError(
                            f"position {row.position} is also on row "
                            f"{positions[row.position].number}",
                            code="table_position_duplicate",
                        ),
                        row.position,
                    )
                )
            positions.setdefault(row.position, row)
        rows.sort(key=lambda r: (r.position is None, r.position or 0, r.number))
        for i, row in enumerate(rows):
            row.index = i

    def _programme(self, row: _Row) -> ProgrammeResult:
        pid = str(row.key)
        prov: dict[Path, tuple[_Row, str | None]] = {}
        failed: set[Path] = set()
        rows: list[_Row] = []
        _build(row, (), prov, failed, rows)
        problems = list(self.extra.get(pid, []))
        for r in rows:
            for rel, column, exc, raw in r.problems:
                problems.append(
                    TableProblem(
                        code=exc.code,
                        path=format_path((*r.path, *rel)) if rel else format_path(r.path),
                        message=str(exc),
                        value=raw,
                        table=r.table.name,
                        row=r.number,
                        column=column,
                        programme_id=pid,
                    )
                )
        programme = None
        try:
            programme = Programme.model_validate(row.obj)
        except ValidationError as exc:
            for err, problem in zip(exc.errors(), problems_from_error(exc), strict=True):
                loc = tuple(err["loc"])
                if any(loc[:k] in failed for k in range(len(loc) + 1)):
                    continue
                where, column = _locate(loc, prov, row)
                problems.append(
                    TableProblem(
                        code=problem.code,
                        path=problem.path,
                        message=problem.message,
                        value=problem.value,
                        values=problem.values,
                        table=where.table.name,
                        row=where.number,
                        column=column,
                        programme_id=pid,
                    )
                )
        if problems:
            programme = None
        return ProgrammeResult(pid, row.number, programme, problems)


def _first_language(prov: dict[Path, str], col: Column) -> str:
    for path, name in prov.items():
        if path[:-1] == col.path and len(path) == len(col.path) + 1:
            return name
    return f"{col.name}_<lang>" if col.name else "<lang>"


def _build(
    row: _Row,
    path: Path,
    prov: dict[Path, tuple[_Row, str | None]],
    failed: set[Path],
    rows: list[_Row],
) -> Any:
    row.path = path
    rows.append(row)
    prov[path] = (row, None)
    for rel, column in row.prov.items():
        prov[(*path, *rel)] = (row, column)
    failed.update((*path, *rel) for rel in row.failed)
    for child in children_of(row.table.name):
        items = row.children.get(child.name)
        if not items:
            continue
        target = row.obj
        for part in child.list_path[:-1]:
            target = target.setdefault(part, {})
        target[child.list_path[-1]] = [
            _build(item, (*path, *child.list_path, item.index), prov, failed, rows)
            for item in items
        ]
    return row.obj


def _locate(
    loc: Path, prov: dict[Path, tuple[_Row, str | None]], root: _Row
) -> tuple[_Row, str | None]:
    for k in range(len(loc), -1, -1):
        found = prov.get(loc[:k])
        if found is not None:
            return found
    return root, None  # pragma: no cover - the root path is always known


def _get(obj: Any, path: Iterable[str]) -> Any:
    for part in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _set(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


__all__ = [
    "ProgrammeResult",
    "RawTable",
    "TablesResult",
    "from_tables",
    "raw_from_data",
    "read_raw",
]
