"""Tables as Parquet: a folder of ``<table>.parquet`` files (the ``parquet`` extra, pyarrow).

Column types follow the column kinds (:mod:`._arrow`): amounts and figures are
``decimal128(p, s)`` (``decimal256`` above 38 digits) with the least precision and scale that
hold every value of the column exactly; counts and positions ``int64``; booleans ``bool``;
dates ``date32``; codes dictionary-encoded ``string``; ids, texts, partial dates and
``;``-joined lists ``string``. A decimal column holds one scale, so ``12.5`` in a column that
also holds ``12.50`` reads back as the equal ``12.50``. A column whose values need more than
76 digits (an amount of ``1E-100``) is never rounded: it stays exact decimal text, with the
field metadata ``capacitylib.decimal = text``. Each field's metadata names its capacitylib
kind (``capacitylib.kind = decimal``). Reading accepts these files, the files of earlier
versions (amounts as decimal text) and decimal, integer and float columns written by other
tools (floats by their shortest decimal form).

**Limits.** Before reading a file, the reader checks its metadata (the footer only): a table
of more than :data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` cells (rows times columns,
all files together) or declaring more than
:data:`~capacitylib.io.tables.limits.MAX_PARQUET_UNCOMPRESSED_BYTES` uncompressed is refused
with ``table_too_large``, so an 84 KB file of 30 million dictionary-encoded rows costs nothing.
It then reads batch by batch, text columns as dictionaries, so that a value repeated on many
rows is one Python object, and counts the cells as it goes.

**Atomic.** The folder is written whole (see :mod:`._files`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from capacitylib.io._extras import require
from capacitylib.io.tables import limits
from capacitylib.io.tables._arrow import pyarrow, record_batch, schema_of
from capacitylib.io.tables._files import read_table_files, table_files, write_table_files
from capacitylib.io.tables._spool import DecimalShape, SpooledTable, TableChunk, measure
from capacitylib.io.tables.flatten import TableData
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult
from capacitylib.models import Programme

SUFFIX = ".parquet"

#: Rows converted to Python objects at a time.
_BATCH_ROWS = 10_000

#: Most rows of one row group written.
ROW_GROUP_ROWS = 16_384

#: Most bytes of Arrow data gathered for one row group (a table of long texts, such as
#: ``programmes`` with its summaries, reaches it long before :data:`ROW_GROUP_ROWS`).
ROW_GROUP_BYTES = 4 * 2**20


def _pyarrow() -> tuple[Any, Any]:
    pa = pyarrow()
    pq = require("pyarrow.parquet", extra="parquet", package="pyarrow")
    return pa, pq


def arrow_table(data: TableData) -> Any:
    """The ``pyarrow.Table`` of one table, typed by column kind (see :mod:`._arrow`).

    The precision and scale of the decimal columns are the least that hold ``data``'s rows,
    or, for a :class:`~capacitylib.io.tables._spool.TableChunk` (the writer's row groups),
    those of the whole table, so that every row group has one schema.

    >>> import capacitylib
    >>> from capacitylib.io.tables import to_tables
    >>> table = arrow_table(to_tables(capacitylib.load_examples())["programmes"])
    >>> str(table.schema.field("budget_total_amount").type)
    'decimal128(10, 2)'
    >>> str(table.schema.field("code_scheme").type)
    'dictionary<values=string, indices=int32, ordered=0>'
    """
    pa = pyarrow()
    schema = schema_of(
        pa,
        data.name,
        data.columns,
        [data.kind(c) for c in data.columns],
        data.shapes if isinstance(data, TableChunk) else decimal_shapes(data),
    )
    return pa.Table.from_batches([record_batch(pa, schema, data.rows)], schema=schema)


def decimal_shapes(data: TableData) -> dict[str, DecimalShape]:
    """The :class:`DecimalShape` of each decimal column of ``data``, and of integers too wide.

    An integer column has one only when a value does not fit ``int64``.
    """
    shapes: dict[str, DecimalShape] = {}
    numbers = [(c, data.kind(c)) for c in data.columns if data.kind(c) in ("decimal", "int")]
    measure(shapes, numbers, data.rows)
    return shapes


def write_parquet(programmes: Iterable[Programme], folder: str | Path) -> list[Path]:
    """Write one ``<table>.parquet`` per table as the folder ``folder``, atomically; the paths.

    The folder appears whole or not at all: a failed or killed run leaves the previous one.
    Programmes are flattened a few hundred at a time and written in row groups of at most
    :data:`ROW_GROUP_ROWS` rows or about :data:`ROW_GROUP_BYTES` of data, so any number of
    them is written in bounded memory (an iterator is consumed once).

    >>> import capacitylib, tempfile
    >>> folder = tempfile.mkdtemp() + "/tables.parquet"
    >>> paths = write_parquet(capacitylib.load_examples(), folder)
    >>> read_parquet(folder) == capacitylib.load_examples()
    True
    """
    _pyarrow()
    return write_table_files(programmes, folder, SUFFIX, _write_spooled)


def _write_spooled(spooled: SpooledTable, path: Path) -> None:
    pa, pq = _pyarrow()
    kinds = [spooled.kind(c) for c in spooled.columns]
    schema = schema_of(pa, spooled.name, spooled.columns, kinds, spooled.shapes)
    with pq.ParquetWriter(path, schema) as writer:
        # Each chunk becomes Arrow data at once (compact); a row group gathers several.
        pending: list[Any] = []
        rows = size = 0
        for chunk in spooled.chunks():
            table = _arrow_of(spooled, chunk)
            pending.append(table)
            rows += table.num_rows
            size += table.nbytes
            if rows >= ROW_GROUP_ROWS or size >= ROW_GROUP_BYTES:
                writer.write_table(pa.concat_tables(pending))
                pending, rows, size = [], 0, 0
        if pending:
            writer.write_table(pa.concat_tables(pending))


def _arrow_of(spooled: SpooledTable, rows: list[dict[str, Any]]) -> Any:
    return arrow_table(TableChunk(spooled.table, spooled.columns, rows, spooled.shapes))


def parquet_files(source: str | Path | Mapping[str, str | Path]) -> dict[str, Path]:
    """Table name to file: the ``*.parquet`` files of a folder, one file, or a given mapping."""
    return table_files(source, SUFFIX)


def _read_one(
    name: str, path: Path, budget: limits.CellBudget
) -> tuple[RawTable | None, list[TableProblem]]:
    _, pq = _pyarrow()
    try:
        handle = pq.ParquetFile(path)
    except FileNotFoundError:
        message = "no such file"
    except Exception as exc:  # pyarrow raises several types for a bad file
        message = f"not a readable Parquet file ({type(exc).__name__}: {exc})"
    else:
        with handle:
            refused = _check_metadata(name, path, handle.metadata, budget)
            schema = handle.schema_arrow
        if refused is not None:
            return None, [refused]
        pa, _ = _pyarrow()
        texts = [
            f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)
        ]
        try:
            with pq.ParquetFile(path, read_dictionary=texts) as handle:
                return _read_batches(name, path, handle, budget)
        except Exception as exc:  # a file whose data does not match its metadata
            message = f"not a readable Parquet file ({type(exc).__name__}: {exc})"
    problem = TableProblem(
        code="table_file_unreadable", path="", message=f"{path}: {message}", table=name
    )
    return None, [problem]


def _check_metadata(
    name: str, path: Path, metadata: Any, budget: limits.CellBudget
) -> TableProblem | None:
    """``table_too_large`` when the footer declares too many cells or bytes; else ``None``."""
    cells = metadata.num_rows * max(metadata.num_columns, 1)
    max_cells = budget.limits.max_cells
    if budget.used + cells > max_cells:
        return limits.too_large(
            str(path),
            f"the file declares {metadata.num_rows:,} rows of {metadata.num_columns} columns "
            f"({cells:,} cells), above the limit of {max_cells:,} cells",
            table=name,
            knob="max_cells=...",
        )
    max_bytes = budget.limits.bytes_or(limits.MAX_PARQUET_UNCOMPRESSED_BYTES)
    size = 0
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        size += max(
            row_group.total_byte_size,
            sum(row_group.column(c).total_uncompressed_size for c in range(row_group.num_columns)),
        )
    if size > max_bytes:
        return limits.too_large(
            str(path),
            f"the file declares {size:,} bytes uncompressed, above the limit of {max_bytes:,}",
            table=name,
            knob="max_bytes=...",
        )
    return None


def _read_batches(
    name: str, path: Path, handle: Any, budget: limits.CellBudget
) -> tuple[RawTable | None, list[TableProblem]]:
    pa, _ = _pyarrow()
    columns = list(handle.schema_arrow.names)
    if not budget.take(len(columns)):
        return None, [budget.problem(str(path), name, 1)]
    rows: list[tuple[int, list[Any]]] = []
    number = 2
    for batch in handle.iter_batches(batch_size=_BATCH_ROWS):
        if not budget.take(batch.num_rows * len(columns)):
            return None, [budget.problem(str(path), name, number + batch.num_rows - 1)]
        values = [_python_values(pa, column) for column in batch.columns]
        for cells in zip(*values, strict=True) if values else ([] for _ in range(batch.num_rows)):
            rows.append((number, list(cells)))
            number += 1
    return RawTable(name, columns, rows), []


def _python_values(pa: Any, array: Any) -> list[Any]:
    """The values of an Arrow array; a dictionary array's values are converted once each."""
    if pa.types.is_dictionary(array.type):
        dictionary = array.dictionary.to_pylist()
        return [None if i is None else dictionary[i] for i in array.indices.to_pylist()]
    return list(array.to_pylist())


def read_parquet_result(
    source: str | Path | Mapping[str, str | Path],
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> TablesResult:
    """Read Parquet tables, collecting every problem (see :func:`read_parquet`)."""
    _pyarrow()
    budget = limits.CellBudget(limits.Limits.of(max_cells, max_bytes))
    return read_table_files(
        source, SUFFIX, lambda name, path: _read_one(name, path, budget), lang=lang
    )


def read_parquet(
    source: str | Path | Mapping[str, str | Path],
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> list[Programme]:
    """Programmes from Parquet tables: a folder of ``<table>.parquet``, or ``{table: path}``.

    ``max_cells`` (all files together) and ``max_bytes`` (each file, uncompressed, as its
    metadata declares) default to :data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` and
    :data:`~capacitylib.io.tables.limits.MAX_PARQUET_UNCOMPRESSED_BYTES`.

    Raises:
        TableError: lists every problem, each bad cell by table, row (header = 1) and column.
    """
    return read_parquet_result(
        source, lang=lang, max_cells=max_cells, max_bytes=max_bytes
    ).programmes_or_raise(source=str(source))


__all__ = [
    "ROW_GROUP_BYTES",
    "ROW_GROUP_ROWS",
    "arrow_table",
    "decimal_shapes",
    "read_parquet",
    "read_parquet_result",
    "write_parquet",
]
