"""Tables as an Excel workbook (``.xlsx``): one sheet per table, header in row 1.

Needs the ``xlsx`` extra (openpyxl). Amounts and figures are written as *text* cells so that
no digit is lost (Excel numbers are binary floats: ``43940212.00`` would become ``43940212``);
dates are date cells, booleans boolean cells, counts number cells. Reading accepts what people
type by hand as well: number cells (read by their shortest decimal form), date cells, and, with
``lang=``, text such as ``1. 11. 2016`` or ``43 940 212,00 Eur``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from capacitylib.io._extras import require
from capacitylib.io.tables.flatten import Cell, to_tables
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme

SUFFIX = ".xlsx"

# Characters XML 1.0 (and so an .xlsx file) cannot hold.
_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Excel's day numbers start in 1900 (with a phantom 29 February); earlier dates stay text.
_FIRST_EXCEL_DATE = date(1900, 3, 1)


def _openpyxl() -> Any:
    return require("openpyxl", extra="xlsx")


def write_xlsx(programmes: Iterable[Programme], path: str | Path) -> Path:
    """Write the tables of ``programmes`` as a workbook, one sheet per table."""
    openpyxl = _openpyxl()
    styles = require("openpyxl.styles", extra="xlsx", package="openpyxl")
    tables = to_tables(programmes)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    bold = styles.Font(bold=True)
    problems: list[TableProblem] = []
    for name, data in tables.items():
        sheet = workbook.create_sheet(title=name)
        sheet.append(data.columns)
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for row_number, row in enumerate(data.rows, start=2):
            for col_number, column in enumerate(data.columns, start=1):
                value = row.get(column)
                if value is None:
                    continue
                cell = sheet.cell(row=row_number, column=col_number)
                if isinstance(value, str) and _ILLEGAL_RE.search(value):
                    problems.append(
                        TableProblem(
                            code="table_cell_unwritable",
                            path="",
                            message="an .xlsx cell cannot hold control characters "
                            f"(got {value!r}); write CSV, Parquet or NDJSON instead",
                            value=value,
                            table=name,
                            row=row_number,
                            column=column,
                        )
                    )
                    continue
                _write_cell(cell, value)
    if problems:
        raise TableError(problems, source=str(path))
    out = Path(path)
    workbook.save(out)
    return out


def _write_cell(cell: Any, value: Cell) -> None:
    if isinstance(value, Decimal):
        cell.value = str(value)
        cell.data_type = "s"
    elif isinstance(value, date) and value >= _FIRST_EXCEL_DATE:
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, date):
        cell.value = value.isoformat()
    else:
        cell.value = value
        if isinstance(value, str):
            # A text starting with "=" is text, never a formula.
            cell.data_type = "s"


def read_xlsx_result(path: str | Path, *, lang: str | None = None) -> TablesResult:
    """Read a workbook, collecting every problem (see :func:`read_xlsx`)."""
    openpyxl = _openpyxl()
    source = str(path)

    def unreadable(message: str, code: str = "table_file_unreadable") -> TablesResult:
        problem = TableProblem(code=code, path="", message=f"{source}: {message}")
        return read_raw({}, structural=[problem])

    try:
        workbook = openpyxl.load_workbook(source, data_only=True)
    except FileNotFoundError:
        return unreadable("no such file")
    except IsADirectoryError:
        return unreadable("is a folder, not an .xlsx workbook")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return unreadable(
            f"not a readable .xlsx workbook ({type(exc).__name__}: {exc}); the file may be "
            "truncated, or another format (save .xls and .ods workbooks as .xlsx)"
        )
    raw: dict[str, RawTable] = {}
    problems: list[TableProblem] = []
    for sheet in workbook.worksheets:
        table, found = _read_sheet(sheet)
        problems += found
        if table is not None:
            raw[sheet.title] = table
    workbook.close()
    return read_raw(raw, lang=lang, structural=problems)


def read_xlsx(path: str | Path, *, lang: str | None = None) -> list[Programme]:
    """Programmes from a workbook with one sheet per table (header in row 1).

    With ``lang`` (``"lt"``, ``"lv"``, ``"cs"``, ...), text cells that are not in canonical form
    are read as the language writes them (``1. 11. 2016``, ``43 940 212,00 Eur``, ``2-3``).

    Raises:
        TableError: lists every problem: merged or missing header cells, unknown sheets and
            columns, and each bad cell by sheet, row and column.
    """
    return read_xlsx_result(path, lang=lang).programmes_or_raise(source=str(path))


def _read_sheet(sheet: Any) -> tuple[RawTable | None, list[TableProblem]]:
    name = sheet.title
    problems = []
    for merged in sheet.merged_cells.ranges:
        in_header = merged.min_row == 1
        problems.append(
            TableProblem(
                code="table_header_merged" if in_header else "table_cells_merged",
                path="",
                message=f"cells {merged.coord} are merged; "
                + (
                    "each column needs its own header cell in row 1 (unmerge them)"
                    if in_header
                    else "each cell needs its own value (unmerge them)"
                ),
                table=name,
                row=merged.min_row,
            )
        )
    if problems:
        return None, problems
    rows = iter(sheet.iter_rows(values_only=True))
    header = next(rows, None)
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
    body = [(number, list(cells)) for number, cells in enumerate(rows, start=2)]
    return RawTable(name, list(header), body), []


__all__ = ["read_xlsx", "read_xlsx_result", "write_xlsx"]
