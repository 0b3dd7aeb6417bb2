r"""Tables as CSV: a folder of ``<table>.csv`` files, UTF-8, one header row each (stdlib only).

Cells are text: amounts and figures as exact decimals (``43940212.00``), dates ISO 8601,
booleans ``true``/``false``, an empty cell for "not stated". Reading also accepts a UTF-8 BOM
and ``;`` or tab as the delimiter (spreadsheets in Lithuanian, Latvian and Czech locales save
CSV with ``;``).

**Formula injection.** A spreadsheet opening a CSV runs a cell that starts with ``=``, ``+``,
``-`` or ``@`` (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``) as a formula, and tab or CR can
hide such a start. Following the OWASP rule, the writer prefixes a single quote ``'`` to every
*free-text* cell (text and ``<field>_<lang>`` columns) that starts with one of ``= + - @``, tab
or CR, and also to one that starts with ``'`` itself; the reader removes exactly one leading
``'`` from free-text cells, so a round trip is exact. Other columns hold canonical values whose
grammar cannot spell a function call (decimals such as ``-5``, partial dates such as
``--03-30``, codes, ids, JSON arrays of texts), so they are never prefixed.
``write_csv(..., formula_escape=False)`` writes formula-like texts raw for tools that need them;
it still doubles a leading ``'``, so both kinds of file read back exactly. The one ambiguity is
a CSV made elsewhere whose text starts with ``'``: the reader takes that quote as the escape.

**Exactness.** Every cell holding a CR, LF, quote or comma is quoted, so a text of just ``\r``
or ``a\rb`` reads back as written; cells up to
:data:`~capacitylib.io.tables.limits.MAX_CSV_FIELD_CHARS` characters are read (the ``csv``
module's own limit, 131,072, is less than two of the longest texts), and the writer refuses a
longer cell.

**Limits.** A file larger than :data:`~capacitylib.io.tables.limits.MAX_CSV_BYTES` is refused
from its size on disk before it is read, and reading stops after
:data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` cells (``table_too_large``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from capacitylib.io.tables import limits
from capacitylib.io.tables._files import read_table_files, table_files, write_table_files
from capacitylib.io.tables._spool import SpooledTable, spooled_cells
from capacitylib.io.tables.columns import TABLES_BY_NAME
from capacitylib.io.tables.flatten import Cell
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult
from capacitylib.models import Programme

SUFFIX = ".csv"

#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection),
#: and the escape quote itself.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")

_QUOTE_WHEN = frozenset(',"\r\n')
_NEEDS_QUOTES = re.compile('[,"\r\n]')


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


def escape_text(text: str, *, formula_escape: bool = True) -> str:
    """The CSV text of a free-text cell: ``'`` before a formula start (and before ``'``).

    >>> escape_text("=1+1"), escape_text("'quoted"), escape_text("plain")
    ("'=1+1", "''quoted", 'plain')
    >>> escape_text("=1+1", formula_escape=False), escape_text("'q", formula_escape=False)
    ('=1+1', "''q")
    """
    if text.startswith("'") or (formula_escape and text.startswith(FORMULA_STARTS)):
        return "'" + text
    return text


def unescape_text(text: str) -> str:
    """A free-text cell as written before :func:`escape_text`: one leading ``'`` removed.

    >>> unescape_text("'=1+1"), unescape_text("''quoted"), unescape_text("plain")
    ('=1+1', "'quoted", 'plain')
    """
    return text[1:] if text.startswith("'") else text


def write_csv(
    programmes: Iterable[Programme], folder: str | Path, *, formula_escape: bool = True
) -> list[Path]:
    """Write one ``<table>.csv`` per table as the folder ``folder``, atomically; the paths.

    The folder appears whole or not at all: a failed or killed run leaves the previous one
    as it was (see :func:`~capacitylib.io.tables._files.write_table_files`). Free-text cells
    that a spreadsheet would run as a formula are prefixed with ``'`` unless
    ``formula_escape=False`` (see the module docstring); reading undoes it either way.

    Raises:
        TableError: a cell longer than
            :data:`~capacitylib.io.tables.limits.MAX_CSV_FIELD_CHARS` (``table_cell_unwritable``).
        OutputError: the folder cannot be written (it holds other files, the disk is full).
    """
    return write_table_files(
        programmes,
        folder,
        SUFFIX,
        lambda data, path: _write_one(data, path, formula_escape=formula_escape),
    )


def _write_one(data: SpooledTable, path: Path, *, formula_escape: bool = True) -> None:
    texts = [data.kind(c) == "text" for c in data.columns]
    limit = limits.MAX_CSV_FIELD_CHARS
    starts = FORMULA_STARTS if formula_escape else ("'",)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_line(data.columns))
        for number, values in spooled_cells(data):
            cells = []
            for is_text, value in zip(texts, values, strict=True):
                # The common cases first: an empty cell, a plain text, a canonical value.
                if value is None:
                    cells.append("")
                    continue
                text = value if value.__class__ is str else cell_text(value)
                if is_text and text.startswith(starts):
                    text = "'" + text
                if _NEEDS_QUOTES.search(text) is not None:
                    text = '"' + text.replace('"', '""') + '"'
                cells.append(text)
            line = ",".join(cells)
            if len(line) > limit:
                _check_lengths(data, number, values, texts, formula_escape=formula_escape)
            handle.write(line + "\n")


def _check_lengths(
    data: SpooledTable, number: int, values: list[Any], texts: list[bool], *, formula_escape: bool
) -> None:
    """Refuse a row with a cell longer than :data:`~.limits.MAX_CSV_FIELD_CHARS`."""
    limit = limits.MAX_CSV_FIELD_CHARS
    for column, is_text, value in zip(data.columns, texts, values, strict=True):
        text = cell_text(value)
        if is_text:
            text = escape_text(text, formula_escape=formula_escape)
        if len(text) > limit:
            raise TableError([_too_long(data.name, number, column, len(text), limit)])


def _line(cells: Iterable[str]) -> str:
    """One CSV line, with every cell holding a comma, quote, CR or LF quoted.

    The ``csv`` module leaves a lone CR unquoted when lines end in LF, which splits the row.
    """
    return (
        ",".join(
            '"' + c.replace('"', '""') + '"' if not _QUOTE_WHEN.isdisjoint(c) else c for c in cells
        )
        + "\n"
    )


def _too_long(table: str, row: int, column: str, length: int, limit: int) -> TableProblem:
    return TableProblem(
        code="table_cell_unwritable",
        path="",
        message=f"the CSV cell has {length:,} characters, above the {limit:,} that reading "
        "accepts (MAX_CSV_FIELD_CHARS); write Parquet or NDJSON instead",
        table=table,
        row=row,
        column=column,
    )


def csv_files(source: str | Path | Mapping[str, str | Path]) -> dict[str, Path]:
    """Table name to file: the ``*.csv`` files of a folder, one file, or a given mapping."""
    return table_files(source, SUFFIX)


def read_csv_result(
    source: str | Path | Mapping[str, str | Path],
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> TablesResult:
    """Read CSV tables, collecting every problem (see :func:`read_csv`)."""
    budget = limits.CellBudget(limits.Limits.of(max_cells, max_bytes))
    return read_table_files(
        source, SUFFIX, lambda name, path: read_csv_table(name, path, budget), lang=lang
    )


def read_csv(
    source: str | Path | Mapping[str, str | Path],
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> list[Programme]:
    """Programmes from CSV tables: a folder of ``<table>.csv``, one file, or ``{table: path}``.

    With ``lang`` (``"lt"``, ``"lv"``, ``"cs"``, ...), cells that are not in canonical form are
    read as the language writes them (``1. 11. 2016``, ``43 940 212,00 Eur``). ``max_cells``
    (all the files together) and ``max_bytes`` (each file) default to
    :data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` and
    :data:`~capacitylib.io.tables.limits.MAX_CSV_BYTES`.

    Raises:
        TableError: lists every problem: unreadable or too large files, missing or unknown
            columns, and each bad cell by table, row and column.
    """
    return read_csv_result(
        source, lang=lang, max_cells=max_cells, max_bytes=max_bytes
    ).programmes_or_raise(source=str(source))


@contextlib.contextmanager
def _field_limit(chars: int) -> Iterator[None]:
    """The ``csv`` module's (process-wide) field-size limit set to ``chars`` for a read."""
    previous = csv.field_size_limit(chars)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _text_columns(name: str, header: list[str]) -> list[int]:
    """Indexes of the free-text columns of a header (where the formula escape is undone)."""
    table = TABLES_BY_NAME.get(name)
    if table is None:
        return []
    found = []
    for index, cell in enumerate(header):
        column = table.column(cell.strip())
        if column is not None:
            if column.kind in ("text", "localized"):
                found.append(index)
        elif table.localized_column(cell.strip()) is not None:
            found.append(index)
    return found


def read_csv_table(
    name: str, path: Path, budget: limits.CellBudget | None = None
) -> tuple[RawTable | None, list[TableProblem]]:
    """One CSV file as a raw table, or the problems that make it unreadable or too large."""
    budget = budget or limits.CellBudget(limits.Limits.of(None, None))
    text, problems = _read_text(name, path, budget.limits.bytes_or(limits.MAX_CSV_BYTES))
    if text is None:
        return None, problems
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    del text
    field_limit = limits.MAX_CSV_FIELD_CHARS
    with _field_limit(field_limit):
        try:
            return _parse(name, path, reader, budget)
        except csv.Error as exc:
            line = reader.line_num
            if "field larger than field limit" in str(exc):
                return None, [
                    limits.too_large(
                        str(path),
                        f"a cell near line {line} is longer than {field_limit:,} characters",
                        table=name,
                        row=line,
                        knob="capacitylib.io.tables.limits.MAX_CSV_FIELD_CHARS",
                    )
                ]
            return None, [_problem(name, path, f"not valid CSV near line {line}: {exc}", row=line)]


def _problem(
    name: str,
    path: Path,
    message: str,
    *,
    code: str = "table_file_unreadable",
    row: int | None = None,
) -> TableProblem:
    return TableProblem(code=code, path="", message=f"{path}: {message}", table=name, row=row)


def _read_text(name: str, path: Path, max_bytes: int) -> tuple[str | None, list[TableProblem]]:
    """The file's text, or the problems that keep it from being read (size first, from stat)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [
                limits.too_large(
                    str(path),
                    f"the file is {size:,} bytes, above the limit of {max_bytes:,}",
                    table=name,
                    knob="max_bytes=...",
                )
            ]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [_problem(name, path, "no such file")]
    except OSError as exc:
        return None, [_problem(name, path, f"cannot be read ({exc.strerror})")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            _problem(
                name,
                path,
                f"not UTF-8 text (line {line}, byte {data[exc.start : exc.start + 1]!r}); "
                "save the file as UTF-8 (in Excel: CSV UTF-8)",
                row=line,
            )
        ]
    if not text.strip():
        return None, [
            _problem(
                name,
                path,
                "the file is empty; a table needs at least a header row",
                code="table_empty",
            )
        ]
    return text, []


def _parse(
    name: str, path: Path, reader: Any, budget: limits.CellBudget
) -> tuple[RawTable | None, list[TableProblem]]:
    rows: list[tuple[int, list[str | None]]] = []
    problems: list[TableProblem] = []
    header = next(reader)
    width = len(header)
    texts = _text_columns(name, header)
    if not budget.take(width):
        return None, [budget.problem(str(path), name, 1)]
    for number, cells in enumerate(reader, start=2):
        if not budget.take(len(cells)):
            return None, [budget.problem(str(path), name, number)]
        if len(cells) != width and any(cells):
            problems.append(
                _problem(
                    name,
                    path,
                    f"row {number} has {len(cells)} cells but the header has {width} "
                    "(a truncated file, or a delimiter inside an unquoted cell?)",
                    code="table_row_length",
                    row=number,
                )
            )
            continue
        for index in texts:
            if index < len(cells):
                cells[index] = unescape_text(cells[index])
        rows.append((number, [c if c != "" else None for c in cells]))
    if problems:
        return None, problems
    return RawTable(name, list(header), rows), []


__all__ = [
    "FORMULA_STARTS",
    "cell_text",
    "csv_files",
    "escape_text",
    "read_csv",
    "read_csv_result",
    "unescape_text",
    "write_csv",
]
