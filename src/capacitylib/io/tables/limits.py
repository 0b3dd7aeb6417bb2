"""Limits on the tables a reader accepts, checked before the expensive step.

A hostile file must not cost more than a bounded amount of memory: a 30 KB workbook can
declare a sheet of 17 billion cells, a 4 MB zip can expand to gigabytes, an 84 KB Parquet file
can hold 30 million dictionary-encoded rows. Each reader checks what the file *declares* (its
size on disk, the zip's uncompressed sizes, a sheet's dimension, Parquet metadata) against the
limits below before reading, and counts what it reads as it goes (a declaration can lie), so
that reading stops with a ``table_too_large`` problem instead of a ``MemoryError``.

Change a limit for one call with the readers' keyword arguments (``read_tables(path,
max_cells=5_000_000, max_bytes=1_000_000_000)``, the same on ``read_csv``, ``read_xlsx`` and
``read_parquet``) or for the process by setting the constant
(``capacitylib.io.tables.limits.MAX_TABLE_CELLS = 5_000_000``): the constants are read at each
call. At the default limits a refused file costs a few MB, and the largest accepted collection
a few hundred MB.
"""

from __future__ import annotations

from dataclasses import dataclass

from capacitylib.io.tables.problems import TableProblem

#: Cells (header included) read from one set of tables: a workbook, a folder of CSV or of
#: Parquet files. A million cells are 20,000 sessions of 50 columns; Python holds each read
#: cell as an object, so this bounds the reader's memory.
MAX_TABLE_CELLS = 1_000_000

#: Bytes of one CSV file on disk, checked with ``stat`` before reading (as NDJSON lines and
#: documents, 50 MB).
MAX_CSV_BYTES = 50_000_000

#: Bytes one Parquet file declares its data to take uncompressed (its metadata), summed over
#: its columns and row groups.
MAX_PARQUET_UNCOMPRESSED_BYTES = 200_000_000

#: Bytes a workbook may declare once unzipped, summed over its members.
MAX_XLSX_UNCOMPRESSED_BYTES = 200_000_000

#: Largest compression ratio (uncompressed : compressed) of a workbook member above
#: :data:`XLSX_RATIO_MIN_BYTES`; sheet XML compresses about 10:1, a zip bomb 1000:1 or more.
MAX_XLSX_COMPRESSION_RATIO = 100

#: Members smaller than this (uncompressed) may compress as well as they like.
XLSX_RATIO_MIN_BYTES = 1_000_000

#: Columns of one sheet: Excel's own limit (column ``XFD``).
MAX_XLSX_COLUMNS = 16_384

#: Characters in one CSV cell: the ``csv`` module's field-size limit while capacitylib reads
#: (the module's default, 131,072, is less than two texts of the longest length a field accepts,
#: ``MAX_TEXT_LENGTH`` = 100,000). Writers refuse longer cells (``table_cell_unwritable``).
MAX_CSV_FIELD_CHARS = 10_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits of one read: cells, and bytes of a file (``max_bytes`` as the format means it).

    ``max_bytes`` is a CSV file's size, a workbook's unzipped size or a Parquet file's
    uncompressed size; ``None`` takes the format's constant.
    """

    max_cells: int
    max_bytes: int | None = None

    @classmethod
    def of(cls, max_cells: int | None, max_bytes: int | None) -> Limits:
        """The limits given, :data:`MAX_TABLE_CELLS` when ``max_cells`` is ``None``."""
        return cls(MAX_TABLE_CELLS if max_cells is None else max_cells, max_bytes)

    def bytes_or(self, default: int) -> int:
        """``max_bytes``, or the format's ``default`` when it was not given."""
        return default if self.max_bytes is None else self.max_bytes


class CellBudget:
    """Counts the cells read from a set of tables against :attr:`Limits.max_cells`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.used = 0

    def take(self, cells: int) -> bool:
        """Count ``cells`` more; ``False`` once the total passes the limit."""
        self.used += cells
        return self.used <= self.limits.max_cells

    def problem(self, source: str, table: str, row: int | None = None) -> TableProblem:
        """The ``table_too_large`` problem for a read that passed the limit."""
        return too_large(
            source,
            f"the tables hold more than {self.limits.max_cells:,} cells"
            + (f" (reading stopped at row {row})" if row is not None else ""),
            table=table,
            row=row,
            knob="max_cells=...",
        )


def too_large(
    source: str, what: str, *, table: str = "", row: int | None = None, knob: str
) -> TableProblem:
    """A ``table_too_large`` problem: ``what`` passes a limit that ``knob`` raises."""
    return TableProblem(
        code="table_too_large",
        path="",
        message=f"{source}: {what}; it is not read (split it, or raise the limit: {knob})",
        table=table,
        row=row,
    )


def unsafe(source: str, what: str, *, table: str = "") -> TableProblem:
    """A ``table_file_unsafe`` problem: the file is built to attack its reader."""
    return TableProblem(
        code="table_file_unsafe",
        path="",
        message=f"{source}: {what}; it is not read",
        table=table,
    )


__all__ = [
    "MAX_CSV_BYTES",
    "MAX_CSV_FIELD_CHARS",
    "MAX_PARQUET_UNCOMPRESSED_BYTES",
    "MAX_TABLE_CELLS",
    "MAX_XLSX_COLUMNS",
    "MAX_XLSX_COMPRESSION_RATIO",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "XLSX_RATIO_MIN_BYTES",
    "CellBudget",
    "Limits",
    "too_large",
    "unsafe",
]
