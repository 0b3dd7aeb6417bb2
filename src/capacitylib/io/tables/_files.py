"""Tables kept as one file per table (CSV and Parquet): finding, reading and writing the files.

A folder of tables is written whole or not at all (:func:`capacitylib.io._atomic.atomic_folder`):
the tables go to a new folder beside the target, which replaces the target only when every
table is written. A failed, interrupted or killed run leaves the previous folder as it was, so
a reader never sees old and new tables mixed (old child tables under new programmes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from capacitylib.io._atomic import atomic_folder
from capacitylib.io.tables._spool import SpooledTable, TableSpool
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme

#: Reads one table file: the raw table, or ``None`` and the problems that make it unreadable.
ReadOne = Callable[[str, Path], tuple[RawTable | None, list[TableProblem]]]

Source = str | Path | Mapping[str, str | Path]


def table_files(source: Source, suffix: str) -> dict[str, Path]:
    """Table name to file: the ``*<suffix>`` files of a folder, one file, or a given mapping."""
    if isinstance(source, Mapping):
        return {name: Path(path) for name, path in source.items()}
    path = Path(source)
    if path.is_dir():
        return {p.stem: p for p in sorted(path.glob(f"*{suffix}"))}
    return {path.stem: path}


def read_table_files(
    source: Source, suffix: str, read_one: ReadOne, *, lang: str | None
) -> TablesResult:
    """Read every table file of ``source``, collecting every problem instead of raising."""
    raw: dict[str, RawTable] = {}
    problems: list[TableProblem] = []
    files = table_files(source, suffix)
    if not files:
        problems.append(
            TableProblem(
                code="table_missing",
                path="",
                message=f"{source} holds no {suffix} table",
                table="programmes",
            )
        )
    for name, path in files.items():
        table, found = read_one(name, path)
        problems += found
        if table is not None:
            raw[name] = table
    return read_raw(raw, lang=lang, structural=problems)


def write_table_files(
    programmes: Iterable[Programme],
    folder: str | Path,
    suffix: str,
    write_one: Callable[[SpooledTable, Path], None],
) -> list[Path]:
    """Write one ``<table><suffix>`` per table as the folder ``folder``, atomically; the paths.

    ``folder`` may exist only as a folder of ``*<suffix>`` files (a previous run's tables),
    which it replaces whole; anything else there is refused with an
    :class:`~capacitylib.io._atomic.OutputError` rather than deleted (before any programme is
    read). The programmes are flattened onto disk a chunk at a time
    (:class:`~capacitylib.io.tables._spool.TableSpool`), so memory stays bounded however many
    there are; an exception while they are read (a bad record) leaves the previous folder.
    """
    out = Path(folder)
    with atomic_folder(out, owned_suffix=suffix) as temp, TableSpool(programmes) as spool:
        for name, spooled in spool.tables.items():
            write_one(spooled, temp / f"{name}{suffix}")
    return [out / f"{name}{suffix}" for name in spool.tables]
