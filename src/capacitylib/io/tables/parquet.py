"""Tables as Parquet: a folder of ``<table>.parquet`` files (the ``parquet`` extra, pyarrow).

Column types: text, codes, ids and partial dates are ``string``; counts and positions
``int64``; booleans ``bool``; dates ``date32``. Amounts and figures are ``string`` holding the
exact decimal (``"43940212.00"``): Parquet's decimal type needs one scale per column, which
would rewrite ``12.5`` as ``12.50`` or round. Cast them where you compute, e.g. in DuckDB
``CAST(amount AS DECIMAL(20, 2))`` or with ``pyarrow.compute.cast``. Each field's metadata
names its capacitylib kind (``capacitylib.kind = decimal``). Reading also accepts decimal,
integer and float columns written by other tools (floats by their shortest decimal form).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from capacitylib._version import SCHEMA_VERSION
from capacitylib.io._extras import require
from capacitylib.io.tables._files import read_table_files, table_files, write_table_files
from capacitylib.io.tables.flatten import TableData
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult
from capacitylib.models import Programme

SUFFIX = ".parquet"


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
    """Write one ``<table>.parquet`` per table into ``folder`` (created if needed); the paths."""
    _, pq = _pyarrow()
    return write_table_files(
        programmes, folder, SUFFIX, lambda data, path: pq.write_table(arrow_table(data), path)
    )


def parquet_files(source: str | Path | Mapping[str, str | Path]) -> dict[str, Path]:
    """Table name to file: the ``*.parquet`` files of a folder, one file, or a given mapping."""
    return table_files(source, SUFFIX)


def _read_one(name: str, path: Path) -> tuple[RawTable | None, list[TableProblem]]:
    _, pq = _pyarrow()
    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        message = "no such file"
    except Exception as exc:  # pyarrow raises several types for a bad file
        message = f"not a readable Parquet file ({type(exc).__name__}: {exc})"
    else:
        columns = list(table.column_names)
        rows = [
            (number, [row[c] for c in columns])
            for number, row in enumerate(table.to_pylist(), start=2)
        ]
        return RawTable(name, columns, rows), []
    problem = TableProblem(
        code="table_file_unreadable", path="", message=f"{path}: {message}", table=name
    )
    return None, [problem]


def read_parquet_result(
    source: str | Path | Mapping[str, str | Path], *, lang: str | None = None
) -> TablesResult:
    """Read Parquet tables, collecting every problem (see :func:`read_parquet`)."""
    _pyarrow()
    return read_table_files(source, SUFFIX, _read_one, lang=lang)


def read_parquet(
    source: str | Path | Mapping[str, str | Path], *, lang: str | None = None
) -> list[Programme]:
    """Programmes from Parquet tables: a folder of ``<table>.parquet``, or ``{table: path}``.

    Raises:
        TableError: lists every problem, each bad cell by table, row (header = 1) and column.
    """
    return read_parquet_result(source, lang=lang).programmes_or_raise(source=str(source))


__all__ = ["arrow_table", "read_parquet", "read_parquet_result", "write_parquet"]
