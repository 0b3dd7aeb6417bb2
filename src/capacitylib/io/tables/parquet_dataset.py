"""A partitioned Parquet dataset: a folder per table, hive-partitioned by programme (``parquet``).

For portfolios too large for one file per table, and for engines that prune partitions
(``pyarrow.dataset``, DuckDB, Spark, Polars). Every row of every table carries its
programme's partition values, so each table is split the same way::

    portfolio/
      _capacitylib_dataset.json
      programmes/programme_country=LT/programme_year=2019/part-0.parquet
      activities/programme_country=LT/programme_year=2019/part-0.parquet
      ...

``programme_country`` is the programme's ``country`` and ``programme_year`` the year its
period starts; a programme without one goes to ``__HIVE_DEFAULT_PARTITION__`` (read back as
null). Columns are typed as in :mod:`capacitylib.io.tables.parquet`, with one schema per
table across its partitions. An empty table is one file without partitions, so every table
folder exists.

The dataset is written to a temporary folder beside the target and swapped in whole, as
:func:`~capacitylib.io.tables.write_parquet` does; the target may only be absent or a dataset
written before (it holds ``_capacitylib_dataset.json``). Reading checks each file's metadata
against the limits of :mod:`capacitylib.io.tables.limits` before reading, then reads batch by
batch, counting cells.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from capacitylib._version import SCHEMA_VERSION
from capacitylib.io._atomic import atomic_folder
from capacitylib.io._extras import require
from capacitylib.io.tables import limits
from capacitylib.io.tables._arrow import pyarrow, record_batch, schema_of
from capacitylib.io.tables._spool import SpooledTable, TableSpool
from capacitylib.io.tables.columns import TABLE_NAMES
from capacitylib.io.tables.parquet import _check_metadata, _python_values
from capacitylib.io.tables.problems import TableProblem
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme

#: The file that marks a folder as a dataset this module wrote (and may replace).
MARKER = "_capacitylib_dataset.json"

#: Partition columns, by the name ``partition_by`` gives them.
PARTITIONS: dict[str, str] = {"country": "programme_country", "year": "programme_year"}

Partition = Literal["country", "year"]


def _dataset() -> Any:
    return require("pyarrow.dataset", extra="parquet", package="pyarrow")


def _atomic_dataset(path: str | Path) -> contextlib.AbstractContextManager[Path]:
    """A new dataset folder, swapped in whole; an existing folder must be a dataset of ours."""

    def ours(target: Path) -> str | None:
        if (target / MARKER).is_file():
            return None
        return (
            f"it exists and is not a capacitylib Parquet dataset (no {MARKER}); "
            "write to a new folder"
        )

    return atomic_folder(path, check=ours)


def write_parquet_dataset(
    programmes: Iterable[Programme],
    folder: str | Path,
    *,
    partition_by: tuple[Partition, ...] = ("country", "year"),
) -> Path:
    """Write programmes as a hive-partitioned Parquet dataset, a folder per table, atomically.

    ``partition_by`` names the partitions, outermost first (``("country", "year")``, a subset
    of it, or ``()``). Programmes are flattened a chunk at a time, so any number is written in
    bounded memory. Returns ``folder`` as a path.

    >>> import capacitylib, tempfile
    >>> import pyarrow.dataset as ds
    >>> folder = write_parquet_dataset(capacitylib.load_examples(), tempfile.mkdtemp() + "/p")
    >>> programmes = ds.dataset(folder / "programmes", partitioning="hive")
    >>> sorted(programmes.to_table(filter=ds.field("programme_country") == "LV")
    ...        .column("programme_id").to_pylist())[:2]
    ['lv-2012.EEZ-PP-1-MEC-132', 'lv-9.2.1.1-15-I-001']
    >>> by_id = lambda programmes: sorted(programmes, key=lambda p: p.id)
    >>> by_id(read_parquet_dataset(folder)) == by_id(capacitylib.load_examples())
    True
    """
    pa = pyarrow()
    ds = _dataset()
    partitions = [PARTITIONS[p] for p in partition_by]
    keys: dict[str, tuple[str | None, int | None]] = {}

    def noted(items: Iterable[Programme]) -> Iterator[Programme]:
        for programme in items:
            period = programme.period
            country = None if programme.country is None else str(programme.country)
            keys[programme.id] = (country, None if period is None else period.start.year)
            yield programme

    out = Path(folder)
    with _atomic_dataset(out) as temp, TableSpool(noted(programmes)) as spool:
        for name, spooled in spool.tables.items():
            _write_table(pa, ds, spooled, folder=temp / name, partitions=partitions, keys=keys)
        marker = {"schema_version": SCHEMA_VERSION, "partition_by": list(partition_by)}
        (temp / MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")
    return out


def _write_table(
    pa: Any,
    ds: Any,
    spooled: SpooledTable,
    *,
    folder: Path,
    partitions: list[str],
    keys: dict[str, tuple[str | None, int | None]],
) -> None:
    kinds = [spooled.kind(c) for c in spooled.columns]
    schema = schema_of(pa, spooled.name, spooled.columns, kinds, spooled.shapes)
    folder.mkdir()
    if spooled.rows == 0 or not partitions:
        pq = require("pyarrow.parquet", extra="parquet", package="pyarrow")
        with pq.ParquetWriter(folder / "part-0.parquet", schema) as writer:
            for rows in spooled.chunks():
                writer.write_batch(record_batch(pa, schema, rows))
        return
    types = {"programme_country": pa.string(), "programme_year": pa.int32()}
    partition_schema = pa.schema([(p, types[p]) for p in partitions])
    full = pa.schema([*schema, *partition_schema], metadata=schema.metadata)

    def batches() -> Iterator[Any]:
        for rows in spooled.chunks():
            batch = record_batch(pa, schema, rows)
            values = [keys[str(row["programme_id"])] for row in rows]
            extra = {
                "programme_country": pa.array([v[0] for v in values], pa.string()),
                "programme_year": pa.array([v[1] for v in values], pa.int32()),
            }
            arrays = [*batch.columns, *(extra[p] for p in partitions)]
            yield pa.RecordBatch.from_arrays(arrays, schema=full)

    ds.write_dataset(
        batches(),
        folder,
        schema=full,
        format="parquet",
        partitioning=ds.partitioning(partition_schema, flavor="hive"),
        basename_template="part-{i}.parquet",
        existing_data_behavior="error",
    )


def read_parquet_dataset_result(
    folder: str | Path,
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> TablesResult:
    """Read a partitioned dataset, collecting every problem (see :func:`read_parquet_dataset`)."""
    pa = pyarrow()
    ds = _dataset()
    pq = require("pyarrow.parquet", extra="parquet", package="pyarrow")
    budget = limits.CellBudget(limits.Limits.of(max_cells, max_bytes))
    root = Path(folder)
    partitioning = _partitioning(pa, ds, root)
    raw: dict[str, RawTable] = {}
    problems: list[TableProblem] = []
    for path in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        name = path.name
        try:
            dataset = ds.dataset(path, format="parquet", partitioning=partitioning)
            for fragment in dataset.get_fragments():
                refused = _check_metadata(
                    name, Path(fragment.path), pq.ParquetFile(fragment.path).metadata, budget
                )
                if refused is not None:
                    problems.append(refused)
            if problems:
                break
            partition_names = set(PARTITIONS.values())
            columns = [n for n in dataset.schema.names if n not in partition_names]
            table, found = _read_dataset(pa, name, path, dataset, columns=columns, budget=budget)
        except Exception as exc:  # pyarrow raises several types for a bad file
            message = f"{path}: not a readable Parquet dataset ({type(exc).__name__}: {exc})"
            problems.append(
                TableProblem(code="table_file_unreadable", path="", message=message, table=name)
            )
            continue
        problems += found
        if table is not None:
            raw[name] = table
    if not raw and not problems:
        problems.append(
            TableProblem(
                code="table_missing",
                path="",
                message=f"{folder} holds no table folder ({', '.join(TABLE_NAMES[:2])}, ...)",
                table="programmes",
            )
        )
    return read_raw(raw, lang=lang, structural=problems)


def _partitioning(pa: Any, ds: Any, root: Path) -> Any:
    """The partitioning the marker names (a partition may be null everywhere), else inferred."""
    types = {"programme_country": pa.string(), "programme_year": pa.int32()}
    try:
        marker = json.loads((root / MARKER).read_text(encoding="utf-8"))
        names = [PARTITIONS[p] for p in marker["partition_by"]]
    except (OSError, ValueError, KeyError, TypeError):
        return "hive"
    return ds.partitioning(pa.schema([(n, types[n]) for n in names]), flavor="hive")


def _read_dataset(
    pa: Any, name: str, path: Path, dataset: Any, *, columns: list[str], budget: limits.CellBudget
) -> tuple[RawTable | None, list[TableProblem]]:
    if not budget.take(len(columns)):
        return None, [budget.problem(str(path), name, 1)]
    rows: list[tuple[int, list[Any]]] = []
    number = 2
    for batch in dataset.to_batches(columns=columns, batch_size=10_000):
        if not budget.take(batch.num_rows * len(columns)):
            return None, [budget.problem(str(path), name, number + batch.num_rows - 1)]
        values = [_python_values(pa, column) for column in batch.columns]
        for cells in zip(*values, strict=True) if values else ([] for _ in range(batch.num_rows)):
            rows.append((number, list(cells)))
            number += 1
    return RawTable(name, columns, rows), []


def read_parquet_dataset(
    folder: str | Path,
    *,
    lang: str | None = None,
    max_cells: int | None = None,
    max_bytes: int | None = None,
) -> list[Programme]:
    """Programmes from a partitioned Parquet dataset (as :func:`write_parquet_dataset` writes).

    Rows of a table come back in the order of their partitions, then their files; each
    child row names its parent and position, so the programmes are whole and their lists in
    order whatever the partitioning. The programmes come in partition order. ``max_cells`` and
    ``max_bytes`` bound what is read, as for :func:`~capacitylib.io.tables.read_parquet`.

    >>> import capacitylib, tempfile
    >>> folder = write_parquet_dataset(capacitylib.load_examples(), tempfile.mkdtemp() + "/p")
    >>> sorted(p.id for p in read_parquet_dataset(folder))[:2]
    ['cz-up-msk-supervision', 'lt-07-003-P-0001']

    Raises:
        TableError: lists every problem, each bad cell by table, row and column.
    """
    return read_parquet_dataset_result(
        folder, lang=lang, max_cells=max_cells, max_bytes=max_bytes
    ).programmes_or_raise(source=str(folder))


__all__ = [
    "MARKER",
    "PARTITIONS",
    "Partition",
    "read_parquet_dataset",
    "read_parquet_dataset_result",
    "write_parquet_dataset",
]
