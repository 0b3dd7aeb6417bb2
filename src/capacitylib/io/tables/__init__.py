"""Flat tables: programmes as one table per entity, in CSV, XLSX, Parquet or pandas.

The column of every table is defined once, in :mod:`capacitylib.io.tables.columns`, and
documented column by column in ``docs/tables.md`` (generated from the definitions). A round
trip is lossless: ``read_tables(write_tables(programmes))`` gives equal models.

Each format is an optional extra imported on first use: ``xlsx`` (openpyxl), ``parquet``
(pyarrow), ``pandas``; CSV needs nothing. A missing extra raises
:class:`~capacitylib.MissingExtraError` naming the ``pip install`` command.

>>> import capacitylib, tempfile
>>> programmes = capacitylib.load_examples()
>>> folder = tempfile.mkdtemp()
>>> _ = write_tables(programmes, f"{folder}/tables.csv")
>>> read_tables(f"{folder}/tables.csv") == programmes
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

from capacitylib.io.formats import TableFormat
from capacitylib.io.formats import format_of_path as _format_of_path
from capacitylib.io.tables.columns import TABLE_NAMES, TABLES, Column, Table
from capacitylib.io.tables.csv import read_csv, read_csv_result, write_csv
from capacitylib.io.tables.flatten import TableData, Tables, to_tables
from capacitylib.io.tables.pandas import from_dataframes, to_dataframes
from capacitylib.io.tables.parquet import read_parquet, read_parquet_result, write_parquet
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.io.tables.unflatten import ProgrammeResult, TablesResult, from_tables
from capacitylib.io.tables.xlsx import read_xlsx, read_xlsx_result, write_xlsx
from capacitylib.models import Programme as _Programme


def table_format_of(path: str | Path) -> TableFormat:
    """The table format of a path, from its suffix or, for a folder, what it holds.

    ``.xlsx`` is a workbook, ``.parquet`` a folder of Parquet files, ``.csv`` or no suffix a
    folder of CSV files; a folder with another suffix is Parquet when it holds ``.parquet``
    files and no ``.csv`` file, else CSV (:func:`capacitylib.io.formats.format_of_path`).

    >>> table_format_of("t.xlsx"), table_format_of("tables")
    ('xlsx', 'csv')

    Raises:
        DocumentError: the suffix is no table format's; the message lists the known ones.
    """
    return cast("TableFormat", _format_of_path(path, kinds=("tables",)).name)


def write_tables(
    programmes: Iterable[_Programme],
    target: str | Path,
    *,
    format: TableFormat | None = None,
    csv_formula_escape: bool = True,
) -> Path:
    """Write programmes as tables; the format comes from ``target`` (see :func:`table_format_of`).

    CSV and Parquet write a folder with one file per table; XLSX a workbook with one sheet per
    table. Every format is written atomically: the new output appears whole, or the previous
    one stays as it was. ``csv_formula_escape=False`` writes CSV texts that start like a
    formula raw (see :func:`~capacitylib.io.tables.csv.write_csv`). Returns ``target`` as a
    path.
    """
    fmt = format or table_format_of(target)
    if fmt == "xlsx":
        return write_xlsx(programmes, target)
    if fmt == "parquet":
        write_parquet(programmes, target)
    else:
        write_csv(programmes, target, formula_escape=csv_formula_escape)
    return Path(target)


def read_tables_result(
    source: str | Path,
    *,
    format: TableFormat | None = None,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> TablesResult:
    """Read tables, collecting every problem per programme instead of raising."""
    fmt = format or table_format_of(source)
    if fmt == "xlsx":
        return read_xlsx_result(source, lang=lang, max_cells=max_cells, max_bytes=max_bytes)
    if fmt == "parquet":
        return read_parquet_result(source, lang=lang, max_cells=max_cells, max_bytes=max_bytes)
    return read_csv_result(source, lang=lang, max_cells=max_cells, max_bytes=max_bytes)


def read_tables(
    source: str | Path,
    *,
    format: TableFormat | None = None,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> list[_Programme]:
    """Programmes from tables in a workbook or a folder of CSV or Parquet files.

    With ``lang``, cells not in canonical form are read as the language writes them.
    ``max_cells`` and ``max_bytes`` bound what is read (a file above them is refused with
    ``table_too_large`` before it is read); they default to the constants of
    :mod:`capacitylib.io.tables.limits`.

    Raises:
        TableError: lists every problem, each bad cell by table, row (header = 1) and column.
    """
    return read_tables_result(
        source, format=format, lang=lang, max_cells=max_cells, max_bytes=max_bytes
    ).programmes_or_raise(source=str(source))


__all__ = [
    "TABLES",
    "TABLE_NAMES",
    "Column",
    "ProgrammeResult",
    "Table",
    "TableData",
    "TableError",
    "TableFormat",
    "TableProblem",
    "Tables",
    "TablesResult",
    "from_dataframes",
    "from_tables",
    "read_csv",
    "read_csv_result",
    "read_parquet",
    "read_parquet_result",
    "read_tables",
    "read_tables_result",
    "read_xlsx",
    "read_xlsx_result",
    "table_format_of",
    "to_dataframes",
    "to_tables",
    "write_csv",
    "write_parquet",
    "write_tables",
    "write_xlsx",
]
