"""Tables as an Excel workbook (``.xlsx``): one sheet per table, header in row 1.

Needs the ``xlsx`` extra (openpyxl). Amounts and figures are written as *text* cells so that
no digit is lost (Excel numbers are binary floats: ``43940212.00`` would become ``43940212``);
dates are date cells, booleans boolean cells, counts number cells. Reading accepts what people
type by hand as well: number cells (read by their shortest decimal form), date cells, and, with
``lang=``, text such as ``1. 11. 2016`` or ``43 940 212,00 Eur``.

**Exactness.** Every text is a string cell, never a formula (``=1+1`` stays text). XML turns a
carriage return into a line feed, so the writer stores CR as OOXML's escape ``_x000D_`` (and a
literal ``_xHHHH_`` as ``_x005F_xHHHH_``), as Excel does; the reader undoes both (openpyxl
leaves them as they are). A text longer than a cell holds (32,767 characters, Excel's limit)
or holding control characters is refused with ``table_cell_unwritable``. A formula cell is
read by the value Excel cached for it; one without a cached value (a file written by a
program that never calculated it) is the problem ``table_cell_formula``, never an empty cell.

**Safety.** Before openpyxl opens a workbook, :mod:`._xlsx_guard` checks the zip (size,
compression ratio, encryption), scans every XML part for a ``<!DOCTYPE``/``<!ENTITY`` and each
sheet's declared dimension against the limits of :mod:`capacitylib.io.tables.limits`. The
workbook is then read in openpyxl's read-only mode, streaming rows, and reading stops after
:data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` cells even when a sheet declares no (or
a false) dimension. openpyxl parses with ``defusedxml`` whenever it is installed
(``openpyxl.xml.DEFUSEDXML``; the ``xlsx`` extra installs it), so an entity that slipped past
the scan is refused by the parser too.

**Atomic.** A workbook is written to a temporary file beside the target and renamed over it
when complete: a failed, interrupted or killed write (a full disk) leaves the previous
workbook as it was.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from capacitylib.io._atomic import write_file_atomically
from capacitylib.io._extras import require
from capacitylib.io.tables import limits
from capacitylib.io.tables._spool import SpooledTable, TableSpool, spooled_cells
from capacitylib.io.tables._xlsx_guard import Inspection, inspect_workbook, range_size
from capacitylib.io.tables.flatten import Cell
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme

SUFFIX = ".xlsx"

#: Characters in one cell: Excel's limit (it cuts longer texts when it opens the file).
MAX_XLSX_CELL_CHARS = 32_767

# Characters XML 1.0 (and so an .xlsx file) cannot hold.
_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# OOXML's escape of a character as _xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
# An underscore that would start an escape once written: followed by xHHHH and then "_" or a
# CR (which is written as "_x000D_").
_ESCAPED_RE = re.compile("_(?=x[0-9A-Fa-f]{4}[_\r])")
_UNESCAPE_RE = re.compile("_x([0-9A-Fa-f]{4})_")
# Excel's day numbers start in 1900 (with a phantom 29 February); earlier dates stay text.
_FIRST_EXCEL_DATE = date(1900, 3, 1)


def ooxml_escape(text: str) -> str:
    r"""A text as an .xlsx string cell holds it: CR as ``_x000D_``, ``_xHHHH_`` escaped.

    >>> ooxml_escape("a\rb"), ooxml_escape("_x000D_"), ooxml_escape("_x000D\r")
    ('a_x000D_b', '_x005F_x000D_', '_x005F_x000D_x000D_')
    """
    return _ESCAPED_RE.sub("_x005F_", text).replace("\r", "_x000D_")


def ooxml_unescape(text: str) -> str:
    r"""A string cell's text with OOXML's ``_xHHHH_`` escapes undone (Excel writes CR so).

    >>> ooxml_unescape("a_x000D_b"), ooxml_unescape("_x005F_x000D_")
    ('a\rb', '_x000D_')
    """
    if "_x" not in text:
        return text
    return _UNESCAPE_RE.sub(_unescape_one, text)


def _unescape_one(found: re.Match[str]) -> str:
    code = int(found.group(1), 16)
    return found.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)


def _openpyxl() -> Any:
    return require("openpyxl", extra="xlsx")


def write_xlsx(programmes: Iterable[Programme], path: str | Path) -> Path:
    """Write the tables of ``programmes`` as a workbook, one sheet per table, atomically.

    The workbook is written in openpyxl's write-only (streaming) mode from tables flattened a
    chunk at a time onto disk (:class:`~capacitylib.io.tables._spool.TableSpool`), so memory
    stays bounded however many programmes there are (an iterator is consumed once).

    >>> import capacitylib, tempfile
    >>> target = write_xlsx(capacitylib.load_examples(), tempfile.mkdtemp() + "/t.xlsx")
    >>> read_xlsx(target) == capacitylib.load_examples()
    True

    Raises:
        TableError: texts a cell cannot hold (``table_cell_unwritable``), every one listed.
        OutputError: the workbook cannot be written (a full disk); the old one is unchanged.
    """
    openpyxl = _openpyxl()
    out = Path(path)
    with TableSpool(programmes) as spool:
        workbook = openpyxl.Workbook(write_only=True)
        try:
            problems: list[TableProblem] = []
            for spooled in spool.tables.values():
                _write_sheet(workbook, spooled, problems)
            if problems:
                raise TableError(problems, source=str(path))
            write_file_atomically(out, workbook.save)
        finally:
            _discard(workbook)
    return out


def _discard(workbook: Any) -> None:
    """Close the write-only sheets of a workbook and remove openpyxl's temporary files."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        writer: Any = getattr(sheet, "_writer", None)
        out = getattr(writer, "out", None)
        if writer is not None and isinstance(out, str) and Path(out).exists():
            with contextlib.suppress(Exception):
                writer.cleanup()


def _write_sheet(workbook: Any, spooled: SpooledTable, problems: list[TableProblem]) -> None:
    cell_module = require("openpyxl.cell", extra="xlsx", package="openpyxl")
    styles = require("openpyxl.styles", extra="xlsx", package="openpyxl")
    sheet = workbook.create_sheet(title=spooled.name)
    sheet.freeze_panes = "A2"
    bold = styles.Font(bold=True)
    header = []
    for column in spooled.columns:
        cell = cell_module.WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row_number, values in spooled_cells(spooled):
        cells: list[Any] = []
        for column, value in zip(spooled.columns, values, strict=True):
            if value is None:
                cells.append(None)
                continue
            reason = _unwritable(value) if isinstance(value, str) else None
            if reason is not None:
                problems.append(
                    TableProblem(
                        code="table_cell_unwritable",
                        path="",
                        message=f"an .xlsx cell cannot hold {reason}; write CSV, Parquet "
                        "or NDJSON instead",
                        value=value,
                        table=spooled.name,
                        row=row_number,
                        column=column,
                    )
                )
                cells.append(None)
                continue
            cells.append(_cell(cell_module, sheet, value))
        sheet.append(cells)


def _unwritable(text: str) -> str | None:
    if _ILLEGAL_RE.search(text):
        return f"control characters (got {text[:200]!r})"
    if len(text) > MAX_XLSX_CELL_CHARS:
        return f"more than {MAX_XLSX_CELL_CHARS:,} characters (Excel's limit; got {len(text):,})"
    return None


def _cell(cell_module: Any, sheet: Any, value: Cell) -> Any:
    """What to append for a value: texts as string cells, never formulas.

    openpyxl types a plain value itself (a date gets the ``yyyy-mm-dd`` format); only a text
    it would take for a formula (``=1+1``) needs a cell whose type is set by hand, which costs
    more.
    """
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value if value >= _FIRST_EXCEL_DATE else value.isoformat()
    if not isinstance(value, str):
        return value
    text = ooxml_escape(value)
    if not text.startswith("="):
        return text
    cell = cell_module.WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


def read_xlsx_result(
    path: str | Path,
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> TablesResult:
    """Read a workbook, collecting every problem (see :func:`read_xlsx`)."""
    openpyxl = _openpyxl()
    source = str(path)

    def unreadable(message: str, code: str = "table_file_unreadable") -> TablesResult:
        problem = TableProblem(code=code, path="", message=f"{source}: {message}")
        return read_raw({}, structural=[problem])

    target = Path(path)
    if target.is_dir():
        return unreadable("is a folder, not an .xlsx workbook")
    if not target.exists():
        return unreadable("no such file")
    bounds = limits.Limits.of(max_cells, max_bytes)
    inspection = inspect_workbook(source, bounds)
    if inspection.problems:
        return read_raw({}, structural=inspection.problems)
    books: list[Any] = []
    raw: dict[str, RawTable] = {}
    problems: list[TableProblem] = []
    try:
        # Streaming: the values Excel cached and, when a sheet has formulas, the formulas too,
        # to tell one without a cached value from an empty cell.
        books.append(openpyxl.load_workbook(source, read_only=True, data_only=True))
        if any(part.formulas for part in inspection.sheets.values()):
            books.append(openpyxl.load_workbook(source, read_only=True, data_only=False))
        budget = limits.CellBudget(bounds)
        sheets = books[0].worksheets
        with_formulas = books[1].worksheets if len(books) > 1 else [None] * len(sheets)
        for sheet, formulas in zip(sheets, with_formulas, strict=True):
            table, found = _read_sheet(sheet, formulas, inspection, budget, source)
            problems += found
            if table is not None:
                raw[sheet.title] = table
            if any(p.code == "table_too_large" for p in found):
                break
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError, EOFError) as exc:
        # defusedxml's errors are ValueErrors; a part that is not XML is a ParseError.
        return unreadable(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {exc}); the file may be "
            "truncated, or another format (save .xls and .ods workbooks as .xlsx)"
        )
    finally:
        for book in books:
            book.close()
    return read_raw(raw, lang=lang, structural=problems)


def read_xlsx(
    path: str | Path,
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> list[Programme]:
    """Programmes from a workbook with one sheet per table (header in row 1).

    With ``lang`` (``"lt"``, ``"lv"``, ``"cs"``, ...), text cells that are not in canonical form
    are read as the language writes them (``1. 11. 2016``, ``43 940 212,00 Eur``, ``2-3``).
    ``max_cells`` (all sheets together) and ``max_bytes`` (the workbook unzipped) default to
    :data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` and
    :data:`~capacitylib.io.tables.limits.MAX_XLSX_UNCOMPRESSED_BYTES`.

    Raises:
        TableError: lists every problem: an unsafe or too large workbook, merged or missing
            header cells, formulas without a value, unknown sheets and columns, and each bad
            cell by sheet, row and column.
    """
    return read_xlsx_result(
        path, lang=lang, max_cells=max_cells, max_bytes=max_bytes
    ).programmes_or_raise(source=str(path))


def _merged_problems(name: str, ranges: list[str]) -> list[TableProblem]:
    problems = []
    for ref in ranges:
        first_row = _first_row(ref)
        in_header = first_row == 1
        problems.append(
            TableProblem(
                code="table_header_merged" if in_header else "table_cells_merged",
                path="",
                message=f"cells {ref} are merged; "
                + (
                    "each column needs its own header cell in row 1 (unmerge them)"
                    if in_header
                    else "each cell needs its own value (unmerge them)"
                ),
                table=name,
                row=first_row,
            )
        )
    return problems


def _first_row(ref: str) -> int | None:
    rows = [int(digits) for digits in re.findall(r"\d+", ref)]
    return min(rows) if rows and range_size(ref) is not None else None


def _read_sheet(
    sheet: Any,
    formulas: Any | None,
    inspection: Inspection,
    budget: limits.CellBudget,
    source: str,
) -> tuple[RawTable | None, list[TableProblem]]:
    name = sheet.title
    part = inspection.sheets.get(str(getattr(sheet, "_worksheet_path", "")).lstrip("/"))
    problems = _merged_problems(name, part.merged if part is not None else [])
    if problems:
        return None, problems
    if part is None or not part.formulas:
        formulas = None
    # Ignore the declared dimension: openpyxl would silently drop cells outside a false one.
    for ws in (sheet, formulas):
        if ws is not None:
            ws.reset_dimensions()
    header: list[Any] | None = None
    body: list[tuple[int, list[Any]]] = []
    width = 0
    cells_of = formulas.iter_rows() if formulas is not None else None
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if not budget.take(len(values)):
            return None, [budget.problem(source, name, number)]
        row = [ooxml_unescape(v) if isinstance(v, str) else v for v in values]
        cells = next(cells_of, ()) if cells_of is not None else ()
        for index, (value, cell) in enumerate(zip(row, cells, strict=False)):
            if value is None and getattr(cell, "data_type", None) == "f":
                problems.append(_formula_problem(name, number, index, header, cell.value))
        if number == 1:
            header = row
            continue
        if any(v is not None for v in row):
            width = max(width, len(row))
            body.append((number, row))
    if problems:
        return None, problems
    if header is None or all(cell is None for cell in header):
        return None, [
            TableProblem(
                code="table_empty",
                path="",
                message="the sheet has no header in row 1; a table needs at least a header row",
                table=name,
                row=1,
            )
        ]
    # Data to the right of the header is reported as data under a blank header cell.
    header += [None] * (width - len(header))
    return RawTable(name, header, body), []


def _formula_problem(
    table: str, row: int, index: int, header: list[Any] | None, formula: Any
) -> TableProblem:
    column = None
    if header is not None and index < len(header) and header[index] is not None:
        column = str(header[index])
    letters = _column_letters(index + 1)
    return TableProblem(
        code="table_cell_formula",
        path="",
        message=f"cell {letters}{row} holds the formula {str(formula)[:200]!r} with no value "
        "saved for it; open the workbook in Excel or LibreOffice and save it, or type the value",
        value=str(formula)[:200],
        table=table,
        row=row,
        column=column,
    )


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = ["MAX_XLSX_CELL_CHARS", "read_xlsx", "read_xlsx_result", "write_xlsx"]
