"""Checks on a workbook's zip before openpyxl opens it: size, zip bombs, DTDs, sheet dimensions.

openpyxl trusts the file: a 30 KB workbook whose sheet declares ``A1:XFD1048576`` or a 4 MB
zip that expands to gigabytes ends in a ``MemoryError``, and XML with a ``<!DOCTYPE`` ends in a
parse error traceback. :func:`inspect_workbook` reads only the zip's directory and streams each
XML member once, in bounded chunks, and refuses:

* a broken or encrypted zip (``table_file_unreadable``, ``table_file_unsafe``);
* a member whose compression ratio is above
  :data:`~capacitylib.io.tables.limits.MAX_XLSX_COMPRESSION_RATIO` (a zip bomb), or XML with a
  ``<!DOCTYPE`` or ``<!ENTITY`` (external entities, "billion laughs"): ``table_file_unsafe``;
* a workbook declaring more than
  :data:`~capacitylib.io.tables.limits.MAX_XLSX_UNCOMPRESSED_BYTES` unzipped, a sheet whose
  ``<dimension>`` spans more than :data:`~capacitylib.io.tables.limits.MAX_TABLE_CELLS` cells or
  :data:`~capacitylib.io.tables.limits.MAX_XLSX_COLUMNS` columns, or more shared strings than
  cells: ``table_too_large``.

The declared sizes bound what can be read: :mod:`zipfile` stops a member at its declared size
and checks its CRC. The same pass collects each sheet's ``<mergeCell>`` ranges, which
openpyxl's read-only mode does not report.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import IO

from capacitylib.io.tables import limits
from capacitylib.io.tables.problems import TableProblem

_CHUNK = 1 << 16
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_FORBIDDEN = tuple(
    token.encode(encoding)
    for token in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_DIMENSION_RE = re.compile(_PREFIX + rb'dimension\b[^>]*?\bref\s*=\s*["\']([^"\']*)["\']')
_MERGE_RE = re.compile(_PREFIX + rb'mergeCell\b[^>]*?\bref\s*=\s*["\']([^"\']*)["\']')
_SHARED_STRING_RE = re.compile(_PREFIX + rb"si\b")
_FORMULA_RE = re.compile(_PREFIX + rb"f[\s/>]")
_CELL_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
#: The longest tag the scan keeps across chunks; longer tags are not dimension or mergeCell.
_MAX_TAG = 4096


@dataclass
class SheetPart:
    """What the scan found in one worksheet part."""

    dimension: str | None = None
    merged: list[str] = field(default_factory=list)
    formulas: bool = False
    """Whether a cell holds a formula (``<f>``), so that the reader looks for uncached ones."""


@dataclass
class Inspection:
    """The result of :func:`inspect_workbook`: problems, or what the sheets declare."""

    problems: list[TableProblem]
    sheets: dict[str, SheetPart] = field(default_factory=dict)
    """By zip member name (``xl/worksheets/sheet1.xml``)."""


def cell_position(ref: str) -> tuple[int, int] | None:
    """(column, row), both from 1, of a reference such as ``XFD1048576``; ``None`` if invalid.

    >>> cell_position("XFD1048576"), cell_position("B$2"), cell_position("nonsense")
    ((16384, 1048576), (2, 2), None)
    """
    found = _CELL_RE.match(ref.strip())
    if found is None:
        return None
    column = 0
    for letter in found.group(1).upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return column, int(found.group(2))


def range_size(ref: str) -> tuple[int, int] | None:
    """(columns, rows) a range such as ``A1:XFD1048576`` spans; ``None`` if it is invalid."""
    parts = ref.split(":", 1)
    first, last = cell_position(parts[0]), cell_position(parts[-1])
    if first is None or last is None:
        return None
    return abs(last[0] - first[0]) + 1, abs(last[1] - first[1]) + 1


def inspect_workbook(path: str, limits_: limits.Limits) -> Inspection:
    """Refuse a workbook that is broken, unsafe or too large, before anything expands it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        return Inspection([_unreadable(path, exc)])
    with archive:
        problems = _check_directory(path, archive.infolist(), limits_)
        if problems:
            return Inspection(problems)
        inspection = Inspection([])
        for info in archive.infolist():
            if not info.filename.lower().endswith(_XML_SUFFIXES):
                continue
            try:
                with archive.open(info) as member:
                    problem = _scan(path, info.filename, member, inspection, limits_)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
                return Inspection([_unreadable(path, exc)])
            if problem is not None:
                return Inspection([problem])
        return inspection


def _unreadable(path: str, exc: BaseException) -> TableProblem:
    return TableProblem(
        code="table_file_unreadable",
        path="",
        message=f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc}); the file "
        "may be truncated, or another format (save .xls and .ods workbooks as .xlsx)",
    )


def _check_directory(
    path: str, members: list[zipfile.ZipInfo], limits_: limits.Limits
) -> list[TableProblem]:
    max_bytes = limits_.bytes_or(limits.MAX_XLSX_UNCOMPRESSED_BYTES)
    ratio_cap = limits.MAX_XLSX_COMPRESSION_RATIO
    for info in members:
        if info.flag_bits & 0x1:
            return [limits.unsafe(path, f"the member {info.filename} is encrypted")]
        if info.file_size > limits.XLSX_RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > ratio_cap:
                return [
                    limits.unsafe(
                        path,
                        f"the member {info.filename} expands {ratio:,.0f} times "
                        f"({info.compress_size:,} to {info.file_size:,} bytes), above "
                        f"{ratio_cap}:1 (MAX_XLSX_COMPRESSION_RATIO); a zip bomb",
                    )
                ]
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        return [
            limits.too_large(
                path,
                f"the workbook is {total:,} bytes unzipped, above the limit of {max_bytes:,}",
                knob="max_bytes=...",
            )
        ]
    return []


def _scan(
    path: str, name: str, member: IO[bytes], inspection: Inspection, limits_: limits.Limits
) -> TableProblem | None:
    """Stream one XML member: refuse a DTD, note a sheet's dimension and merged ranges."""
    is_sheet = name.startswith("xl/worksheets/")
    is_strings = name.lower().endswith("sharedstrings.xml")
    part = SheetPart()
    strings = 0
    tail = b""
    while True:
        chunk = member.read(_CHUNK)
        buffer = tail + chunk
        if any(token in buffer for token in _FORBIDDEN):
            return limits.unsafe(
                path,
                f"the part {name} declares a DOCTYPE or an ENTITY (external entities or entity "
                "expansion), which no workbook needs",
            )
        if not chunk:
            break
        # Tags are matched in the complete part of the buffer, up to its last ">".
        end = buffer.rfind(b">") + 1
        complete, rest = buffer[:end], buffer[end:]
        if is_sheet:
            if part.dimension is None:
                found = _DIMENSION_RE.search(complete)
                if found is not None:
                    part.dimension = found.group(1).decode("ascii", "replace")
            part.merged += [
                m.group(1).decode("ascii", "replace") for m in _MERGE_RE.finditer(complete)
            ]
            part.formulas = part.formulas or _FORMULA_RE.search(complete) is not None
        if is_strings:
            strings += len(_SHARED_STRING_RE.findall(complete))
            if strings > limits_.max_cells:
                return limits.too_large(
                    path,
                    f"the workbook holds more than {limits_.max_cells:,} shared strings",
                    knob="max_cells=...",
                )
        # A token split across chunks has no ">" after it, so it is in the kept tail.
        tail = rest[-_MAX_TAG:]
    if is_sheet:
        problem = _check_dimension(path, name, part.dimension, limits_)
        if problem is not None:
            return problem
        inspection.sheets[name] = part
    return None


def _check_dimension(
    path: str, name: str, dimension: str | None, limits_: limits.Limits
) -> TableProblem | None:
    size = range_size(dimension) if dimension else None
    if size is None:
        return None  # no dimension: the reader counts the cells it reads
    columns, rows = size
    if columns > limits.MAX_XLSX_COLUMNS or columns * rows > limits_.max_cells:
        return limits.too_large(
            path,
            f"the sheet {name} spans {dimension} ({columns:,} columns, {columns * rows:,} "
            f"cells), above the limit of {limits_.max_cells:,} cells or "
            f"{limits.MAX_XLSX_COLUMNS:,} columns",
            knob="max_cells=...",
        )
    return None


__all__ = ["Inspection", "SheetPart", "cell_position", "inspect_workbook", "range_size"]
