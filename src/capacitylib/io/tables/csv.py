"""Tables as CSV: a folder of ``<table>.csv`` files, UTF-8, one header row each (stdlib only).

Cells are text: amounts and figures as exact decimals (``43940212.00``), dates ISO 8601,
booleans ``true``/``false``, an empty cell for "not stated". Reading also accepts a UTF-8 BOM
and ``;`` or tab as the delimiter (spreadsheets in Lithuanian, Latvian and Czech locales save
CSV with ``;``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from capacitylib.io.tables._files import read_table_files, table_files, write_table_files
from capacitylib.io.tables.flatten import Cell, TableData
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult
from capacitylib.models import Programme

SUFFIX = ".csv"


def cell_text(value: Cell) -> str:
    """The CSV text of a cell.

    >>> from decimal import Decimal
    >>> cell_text(Decimal("43940212.00")), cell_text(True), cell_text(None)
    ('43940212.00', 'true', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(programmes: Iterable[Programme], folder: str | Path) -> list[Path]:
    """Write one ``<table>.csv`` per table into ``folder`` (created if needed); the paths."""
    return write_table_files(programmes, folder, SUFFIX, _write_one)


def _write_one(data: TableData, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(data.columns)
        for row in data.rows:
            writer.writerow([cell_text(row.get(c)) for c in data.columns])


def csv_files(source: str | Path | Mapping[str, str | Path]) -> dict[str, Path]:
    """Table name to file: the ``*.csv`` files of a folder, one file, or a given mapping."""
    return table_files(source, SUFFIX)


def read_csv_result(
    source: str | Path | Mapping[str, str | Path], *, lang: str | None = None
) -> TablesResult:
    """Read CSV tables, collecting every problem (see :func:`read_csv`)."""
    return read_table_files(source, SUFFIX, read_csv_table, lang=lang)


def read_csv(
    source: str | Path | Mapping[str, str | Path], *, lang: str | None = None
) -> list[Programme]:
    """Programmes from CSV tables: a folder of ``<table>.csv``, one file, or ``{table: path}``.

    With ``lang`` (``"lt"``, ``"lv"``, ``"cs"``, ...), cells that are not in canonical form are
    read as the language writes them (``1. 11. 2016``, ``43 940 212,00 Eur``).

    Raises:
        TableError: lists every problem: unreadable files, missing or unknown columns, and each
            bad cell by table, row and column.
    """
    return read_csv_result(source, lang=lang).programmes_or_raise(source=str(source))


def read_csv_table(name: str, path: Path) -> tuple[RawTable | None, list[TableProblem]]:
    """One CSV file as a raw table, or the problems that make it unreadable."""

    def problem(
        message: str, *, code: str = "table_file_unreadable", row: int | None = None
    ) -> list[TableProblem]:
        return [TableProblem(code=code, path="", message=f"{path}: {message}", table=name, row=row)]

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, problem("no such file")
    except OSError as exc:
        return None, problem(f"cannot be read ({exc.strerror})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, problem(
            f"not UTF-8 text (line {line}, byte {data[exc.start : exc.start + 1]!r}); "
            "save the file as UTF-8 (in Excel: CSV UTF-8)",
            row=line,
        )
    if not text.strip():
        return None, problem(
            "the file is empty; a table needs at least a header row", code="table_empty"
        )
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str | None]]] = []
    problems: list[TableProblem] = []
    try:
        header = next(reader)
        width = len(header)
        for number, cells in enumerate(reader, start=2):
            if len(cells) != width and any(cells):
                problems += problem(
                    f"row {number} has {len(cells)} cells but the header has {width} "
                    "(a truncated file, or a delimiter inside an unquoted cell?)",
                    code="table_row_length",
                    row=number,
                )
                continue
            rows.append((number, [c if c != "" else None for c in cells]))
    except csv.Error as exc:
        line = reader.line_num
        problems += problem(f"not valid CSV near line {line}: {exc}", row=line)
    if problems:
        return None, problems
    return RawTable(name, list(header), rows), []


__all__ = ["cell_text", "csv_files", "read_csv", "read_csv_result", "write_csv"]
