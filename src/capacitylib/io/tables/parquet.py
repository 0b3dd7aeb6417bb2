"""Tables as Parquet: a folder of ``<table>.parquet`` files (the ``parquet`` extra, pyarrow).

Column types: text, codes, ids and partial dates are ``string``; counts and positions
``int64``; booleans ``bool``; dates ``date32``. Amounts and figures are ``string`` holding the
exact decimal (``"43940212.00"``): Parquet's decimal type needs one scale per column, which
would rewrite ``12.5`` as ``12.50`` or round. Cast them where you compute, e.g. in DuckDB
``CAST(amount AS DECIMAL(20, 2))`` or with ``pyarrow.compute.cast``. Each field's metadata
names its capacitylib kind (``capacitylib.kind = decimal``). Reading also accepts decimal,
integer and float columns written by other tools (floats by their shortest decimal form), and
files of earlier versions.

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

from capacitylib._version import SCHEMA_VERSION
from capacitylib.io._extras import require
from capacitylib.io.tables import limits
from capacitylib.io.tables._files import read_table_files, table_files, write_table_files
from capacitylib.io.tables.flatten import TableData
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult
from capacitylib.models import Programme

SUFFIX = ".parquet"

#: Rows converted to Python objects at a time.
_BATCH_ROWS = 10_000


def _pyarrow() -> tuple[Any, Any]:
    pa = require("pyarrow", extra="parquet")
    pq = require("pyarrow.parquet", extra="parquet", package="pyarrow")
    return pa, pq


def arrow_table(data: TableData) -> Any:
    """The ``pyarrow.Table`` of one table, typed by column kind."""
    pa, _ = _pyarrow()
    types = {
        "int": pa.int64(),
        "position": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
    }
    fields = []
    arrays = []
    for column in data.columns:
        kind = data.kind(column)
        arrow_type = types.get(kind, pa.string())
        values = [row.get(column) for row in data.rows]
        if arrow_type == pa.string():
            values = [None if v is None else str(v) for v in values]
        fields.append(pa.field(column, arrow_type, metadata={"capacitylib.kind": kind}))
        arrays.append(pa.array(values, type=arrow_type))
    schema = pa.schema(
        fields,
        metadata={"capacitylib.table": data.name, "capacitylib.schema_version": SCHEMA_VERSION},
    )
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(programmes: Iterable[Programme], folder: str | Path) -> list[Path]:
    """Write one ``<table>.parquet`` per table as the folder ``folder``, atomically; the paths.

    The folder appears whole or not at all: a failed or killed run leaves the previous one.
    """
    _, pq = _pyarrow()
    return write_table_files(
        programmes, folder, SUFFIX, lambda data, path: pq.write_table(arrow_table(data), path)
    )


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


__all__ = ["arrow_table", "read_parquet", "read_parquet_result", "write_parquet"]
