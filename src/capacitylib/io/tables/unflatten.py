"""Flat tables to programmes, with every bad cell reported by table, row and column at once.

Reading goes in four steps: resolve each table's header against the column definitions;
decode each row's cells (canonical form first, then the language parsers when ``lang`` is
given); attach child rows to their parents by the join columns and order them by ``position``;
validate each programme and map every validation error back to the cell it came from.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from capacitylib.errors import Loc, format_path, problems_from_error
from capacitylib.io._gc import gc_paused
from capacitylib.io.tables import cells
from capacitylib.io.tables._decode import CellError
from capacitylib.io.tables._header import unknown_table
from capacitylib.io.tables._rows import Row, RowReader
from capacitylib.io.tables.columns import TABLES, TABLES_BY_NAME, Table, children_of
from capacitylib.io.tables.flatten import Tables
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.models import Programme

#: The child tables of each table, looked up once per row.
_CHILDREN: dict[str, tuple[Table, ...]] = {t.name: children_of(t.name) for t in TABLES}


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
        name: RawTable(name, list(data.columns), _numbered_cells(data.columns, data.rows))
        for name, data in tables.items()
    }


def _numbered_cells(
    columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> list[tuple[int, list[Any]]]:
    """Each row's cells in column order, numbered as a sheet numbers them (header = 1)."""
    if len(columns) > 1:
        take = operator.itemgetter(*columns)
        try:
            return [(i + 2, list(take(row))) for i, row in enumerate(rows)]
        except KeyError:  # a row without some column: empty there
            pass
    return [(i + 2, [row.get(c) for c in columns]) for i, row in enumerate(rows)]


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


# Every table reader (CSV, XLSX, Parquet, frames, from_tables) builds its programmes here, all
# kept in one list: the collector is paused while they are built (capacitylib.io._gc).
@gc_paused()
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
    reader = _Reader(lang)
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


class _Reader:
    def __init__(self, lang: str | None) -> None:
        self.row_reader = RowReader(lang)
        self.structural: list[TableProblem] = []
        self.orphans: list[TableProblem] = []
        self.rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
        self.programme_rows: list[Row] = []
        self.by_programme: dict[str, Row] = {}
        self.extra: dict[str, list[TableProblem]] = {}

    def read_table(self, table: Table, raw: RawTable) -> None:
        rows, unplaced, problems = self.row_reader.read(table, raw.columns, raw.rows)
        self.structural += problems
        self.rows[table.name] += rows
        for u in unplaced:
            self._orphan(u.table, u.number, u.column, u.error, u.value, programme_id=u.programme_id)

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
        index: dict[str, dict[tuple[Any, ...], list[Row]]] = {
            "programmes": {(r.key,): [r] for r in self.programme_rows}
        }
        for table in TABLES[1:]:
            parent = TABLES_BY_NAME[table.parent or ""]
            parents = index.get(parent.name, {})
            attached: list[Row] = []
            with_children: dict[int, Row] = {}  # the parents given rows of this table
            for row in self.rows[table.name]:
                found = parents.get(row.join, [])
                if len(found) != 1:
                    self._unattached(table, parent, row, found)
                    continue
                found[0].children.setdefault(table.name, []).append(row)
                with_children[id(found[0])] = found[0]
                attached.append(row)
            for parent_row in with_children.values():
                self._order(parent_row.children[table.name], parent_row)
            if _CHILDREN[table.name]:
                table_index: dict[tuple[Any, ...], list[Row]] = {}
                for row in attached:
                    table_index.setdefault((*row.join, row.key), []).append(row)
                index[table.name] = table_index
        for pid in list(self.extra):
            if pid not in self.by_programme:
                self.orphans += self.extra.pop(pid)
        programmes = [self._programme(row) for row in self.programme_rows]
        return TablesResult(programmes, [], self.orphans)

    def _unattached(self, table: Table, parent: Table, row: Row, found: list[Row]) -> None:
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

    def _order(self, rows: list[Row], parent: Row) -> None:
        if not rows:
            return
        positions: dict[int, Row] = {}
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

    def _programme(self, row: Row) -> ProgrammeResult:
        pid = str(row.key)
        rows: list[Row] = []
        _build(row, (), rows)
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
            prov, failed = _provenance(rows)
            pairs = zip(exc.errors(), problems_from_error(exc, merge_bounds=False), strict=True)
            for err, problem in pairs:
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


def _build(row: Row, path: Loc, rows: list[Row]) -> Any:
    row.path = path
    rows.append(row)
    for child in _CHILDREN[row.table.name]:
        items = row.children.get(child.name)
        if not items:
            continue
        target = row.obj
        for part in child.list_path[:-1]:
            target = target.setdefault(part, {})
        target[child.list_path[-1]] = [
            _build(item, (*path, *child.list_path, item.index), rows) for item in items
        ]
    return row.obj


def _provenance(rows: list[Row]) -> tuple[dict[Loc, tuple[Row, str | None]], set[Loc]]:
    """Where each path of a programme came from, and the paths whose bad cell is reported.

    Worked out only for a programme that fails validation (``rows`` as :func:`_build` met them).
    """
    prov: dict[Loc, tuple[Row, str | None]] = {}
    failed: set[Loc] = set()
    for row in rows:
        path = row.path
        prov[path] = (row, None)
        for rel, column in row.prov.items():
            prov[(*path, *rel)] = (row, column)
        failed.update((*path, *rel) for rel in row.failed)
    return prov, failed


def _locate(loc: Loc, prov: dict[Loc, tuple[Row, str | None]], root: Row) -> tuple[Row, str | None]:
    for k in range(len(loc), -1, -1):
        found = prov.get(loc[:k])
        if found is not None:
            return found
    return root, None  # pragma: no cover - the root path is always known


__all__ = [
    "ProgrammeResult",
    "RawTable",
    "TablesResult",
    "from_tables",
    "raw_from_data",
    "read_raw",
]
