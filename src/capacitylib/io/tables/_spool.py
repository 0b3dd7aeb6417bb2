"""Tables flattened chunk by chunk and kept on disk: the writers' way to stream any input.

A table file's header (CSV, XLSX) or schema (Parquet) depends on every row: which languages
the texts use, and (Parquet) the precision and scale of each decimal column. A writer that
holds every programme to find out costs memory in proportion to the input (about 2 GB for
20,000 records). :class:`TableSpool` instead flattens a few hundred programmes at a time,
pickles their rows to one anonymous temporary file per table, and keeps only what the header
and schema need: the languages in order of first use, and each decimal column's
:class:`DecimalShape`. The writer then reads the rows back chunk by chunk, so memory stays
bounded by one chunk whatever the input's length.

Rows, languages and problems are exactly those :func:`~capacitylib.io.tables.to_tables` gives
for the whole collection (programme ids used twice across chunks are found too).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from capacitylib.io.tables.columns import TABLES, Column, Kind, Table
from capacitylib.io.tables.flatten import Cell, TableData, to_tables
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.models import Programme

#: Programmes flattened at a time.
CHUNK_PROGRAMMES = 200

#: Whole numbers below this in magnitude fit an ``int64`` column (10^18: 18 digits).
INT64_LIMIT = 10**18


@dataclass
class DecimalShape:
    """The digits a decimal column needs: integer digits and decimals over all its values.

    An integer column has a shape only when a value does not fit ``int64`` (a count of
    10^30): it is then typed as a decimal of scale 0.

    >>> shape = DecimalShape()
    >>> for value in ("43940212.00", "12.5", "-0.125", "1E+3"):
    ...     shape.add(Decimal(value))
    >>> shape.integer_digits, shape.scale, shape.precision
    (8, 3, 11)
    """

    integer_digits: int = 0
    scale: int = 0
    finite: bool = True
    """``False`` once a value is not finite (``NaN``, ``Infinity``): no decimal type holds it."""

    def add(self, value: Decimal) -> None:
        """Widen the shape to hold ``value``."""
        _sign, digits, exponent = value.as_tuple()
        if not isinstance(exponent, int):
            self.finite = False
            return
        scale = -exponent if exponent < 0 else 0
        integer = len(digits) + exponent
        self.scale = max(self.scale, scale)
        self.integer_digits = max(self.integer_digits, integer)

    @property
    def precision(self) -> int:
        """Total digits (at least 1): integer digits plus decimals."""
        return max(self.integer_digits + self.scale, 1)


def measure(
    shapes: dict[str, DecimalShape],
    columns: Iterable[tuple[str, Kind]],
    rows: Iterable[Mapping[str, Cell]],
) -> None:
    """Widen ``shapes`` to hold the decimal columns' values, and integers beyond ``int64``.

    >>> shapes = {}
    >>> measure(shapes, [("amount", "decimal"), ("count", "int")],
    ...         [{"amount": Decimal("1.25"), "count": 10**30}, {"count": 3}])
    >>> shapes["amount"].precision, shapes["count"].precision
    (3, 31)
    """
    rows = list(rows)
    for column, kind in columns:
        if kind == "decimal":
            shape = shapes.setdefault(column, DecimalShape())
            for row in rows:
                value = row.get(column)
                if isinstance(value, Decimal):
                    shape.add(value)
        else:
            for row in rows:
                value = row.get(column)
                if isinstance(value, int) and not -INT64_LIMIT < value < INT64_LIMIT:
                    shapes.setdefault(column, DecimalShape()).add(Decimal(value))


@dataclass
class SpooledTable:
    """One table's rows on disk, with its final columns and the shape of its decimals."""

    table: Table
    columns: list[str] = field(default_factory=list)
    rows: int = 0
    shapes: dict[str, DecimalShape] = field(default_factory=dict)
    _file: IO[bytes] | None = None
    _chunks: int = 0

    @property
    def name(self) -> str:
        """The table's name."""
        return self.table.name

    def kind(self, column: str) -> Kind:
        """What the column holds (``text`` for a ``<field>_<lang>`` column)."""
        col = self.table.column(column)
        return "text" if col is None else col.kind

    def chunks(self) -> Iterator[list[dict[str, Cell]]]:
        """The rows, a chunk at a time, in table order."""
        if self._file is None:
            return
        self._file.seek(0)
        for _ in range(self._chunks):
            yield pickle.load(self._file)  # noqa: S301 - our own temporary file

    def _write(self, rows: list[dict[str, Cell]]) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by TableSpool.close
        pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._chunks += 1
        self.rows += len(rows)

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class TableSpool:
    """Every table of a stream of programmes, flattened a chunk at a time onto disk.

    >>> import capacitylib
    >>> with TableSpool(capacitylib.load_examples()) as spool:
    ...     activities = spool.tables["activities"]
    ...     shape = activities.shapes["sessions_actual_min"]
    ...     activities.rows, activities.columns[:3], shape.precision, shape.scale
    (22, ['programme_id', 'position', 'activity_id'], 3, 0)
    """

    def __init__(self, programmes: Iterable[Programme], *, chunk: int | None = None) -> None:
        chunk = CHUNK_PROGRAMMES if chunk is None else chunk
        self.tables: dict[str, SpooledTable] = {t.name: SpooledTable(t) for t in TABLES}
        self.programmes = 0
        self._languages: dict[tuple[str, str], dict[str, None]] = {}
        self._english: set[tuple[str, str]] = set()
        self._ids: set[str] = set()
        self._numbers = {
            t.name: [(c.name, c.kind) for c in t.columns if c.kind in ("decimal", "int")]
            for t in TABLES
        }
        try:
            batch: list[Programme] = []
            for programme in programmes:
                batch.append(programme)
                if len(batch) >= chunk:
                    self._add(batch)
                    batch = []
            if batch:
                self._add(batch)
            self._finish()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> TableSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the temporary files."""
        for spooled in self.tables.values():
            spooled._close()

    def _add(self, batch: list[Programme]) -> None:
        for programme in batch:
            if programme.id in self._ids:
                raise TableError([_duplicate(programme.id)])
            self._ids.add(programme.id)
        self.programmes += len(batch)
        for name, data in to_tables(batch).items():
            table = data.table
            for column in data.columns:
                if table.column(column) is None:
                    found = table.localized_column(column)
                    if found is not None:
                        self._language(table.name, found[0], found[1])
            if not data.rows:
                continue
            spooled = self.tables[name]
            measure(spooled.shapes, self._numbers[name], data.rows)
            spooled._write(data.rows)

    def _language(self, table: str, column: Column, lang: str) -> None:
        key = (table, column.name)
        if lang == "en":
            self._english.add(key)
        else:
            self._languages.setdefault(key, {})[lang] = None

    def _finish(self) -> None:
        for spooled in self.tables.values():
            columns: list[str] = []
            for col in spooled.table.columns:
                if col.kind != "localized":
                    columns.append(col.name)
                    continue
                key = (spooled.name, col.name)
                prefix = f"{col.name}_" if col.name else ""
                langs = list(self._languages.get(key, {}))
                if key in self._english:
                    langs.append("en")
                columns += [prefix + lang for lang in langs]
            spooled.columns = columns


@dataclass
class TableChunk(TableData):
    """Some rows of a spooled table, with the decimal shapes of the whole table."""

    shapes: dict[str, DecimalShape] = field(default_factory=dict)


def _duplicate(key: str) -> TableProblem:
    return TableProblem(
        code="table_id_duplicate",
        path="id",
        message=f"programme id {key!r} appears twice; tables join by programme_id, so ids "
        "must be unique in a collection",
        value=key,
        table="programmes",
        column="programme_id",
    )


def spooled_cells(spooled: SpooledTable) -> Iterator[tuple[int, list[Any]]]:
    """Each row's number (the header is row 1) and its cells in column order."""
    number = 2
    columns = spooled.columns
    for rows in spooled.chunks():
        for row in rows:
            yield number, [row.get(c) for c in columns]
            number += 1


__all__ = [
    "CHUNK_PROGRAMMES",
    "INT64_LIMIT",
    "DecimalShape",
    "SpooledTable",
    "TableChunk",
    "TableSpool",
    "measure",
    "spooled_cells",
]
