"""Reading and writing programmes: the only package that touches files.

* :mod:`.documents`: one programme per YAML or JSON file.
* :mod:`.ndjson`: streams of programmes, one per line, in constant memory.
* :mod:`.records`: validating one record (a line, a document, parsed data) into an
  :class:`Outcome`; works on any iterable of records, so distributed engines can map it.
* :mod:`.tables`: flat tables in CSV, XLSX, Parquet and pandas, lossless.
* :mod:`.frames`: the tables as typed DataFrames and Arrow tables, for analysts.
* :mod:`.results_frames`: long frames of indicator breakdowns and reporting periods.
* :mod:`.validate` and :mod:`.conversion`: what the command line runs.
"""

import typing as _typing

from capacitylib._lazy import lazy_attributes as _lazy_attributes
from capacitylib.io._gc import gc_paused
from capacitylib.io.documents import (
    DocumentError,
    Format,
    dump,
    dumps,
    load,
    loads,
    to_document,
)
from capacitylib.io.examples import example_paths, load_examples
from capacitylib.io.ndjson import iter_ndjson, read_ndjson, write_ndjson
from capacitylib.io.records import (
    Outcome,
    RecordError,
    json_line,
    validate_record,
    validate_records,
)

if _typing.TYPE_CHECKING:
    from capacitylib.io.conversion import ConvertResult, convert
    from capacitylib.io.frames import from_arrow, from_frames, to_arrow, to_frames, to_polars
    from capacitylib.io.results_frames import breakdowns_frame, indicator_periods_frame
    from capacitylib.io.tables import (
        TableError,
        TableProblem,
        from_dataframes,
        from_tables,
        read_csv,
        read_parquet,
        read_tables,
        read_xlsx,
        to_dataframes,
        to_tables,
        write_csv,
        write_parquet,
        write_tables,
        write_xlsx,
    )
    from capacitylib.io.tables.parquet_dataset import read_parquet_dataset, write_parquet_dataset
    from capacitylib.io.validate import validate_paths

# Tables, conversion and path walking load on first use: `import capacitylib` stays cheap.
_LAZY = {
    "ConvertResult": "capacitylib.io.conversion",
    "convert": "capacitylib.io.conversion",
    "validate_paths": "capacitylib.io.validate",
    "breakdowns_frame": "capacitylib.io.results_frames",
    "indicator_periods_frame": "capacitylib.io.results_frames",
    **dict.fromkeys(
        ("from_arrow", "from_frames", "to_arrow", "to_frames", "to_polars"), "capacitylib.io.frames"
    ),
    **dict.fromkeys(
        ("read_parquet_dataset", "write_parquet_dataset"), "capacitylib.io.tables.parquet_dataset"
    ),
    **dict.fromkeys(
        (
            "TableError",
            "TableProblem",
            "from_dataframes",
            "from_tables",
            "read_csv",
            "read_parquet",
            "read_tables",
            "read_xlsx",
            "to_dataframes",
            "to_tables",
            "write_csv",
            "write_parquet",
            "write_tables",
            "write_xlsx",
        ),
        "capacitylib.io.tables",
    ),
}


__getattr__ = _lazy_attributes(__name__, _LAZY)


__all__ = [
    "ConvertResult",
    "DocumentError",
    "Format",
    "Outcome",
    "RecordError",
    "TableError",
    "TableProblem",
    "breakdowns_frame",
    "convert",
    "dump",
    "dumps",
    "example_paths",
    "from_arrow",
    "from_dataframes",
    "from_frames",
    "from_tables",
    "gc_paused",
    "indicator_periods_frame",
    "iter_ndjson",
    "json_line",
    "load",
    "load_examples",
    "loads",
    "read_csv",
    "read_ndjson",
    "read_parquet",
    "read_parquet_dataset",
    "read_tables",
    "read_xlsx",
    "to_arrow",
    "to_dataframes",
    "to_document",
    "to_frames",
    "to_polars",
    "to_tables",
    "validate_paths",
    "validate_record",
    "validate_records",
    "write_csv",
    "write_ndjson",
    "write_parquet",
    "write_parquet_dataset",
    "write_tables",
    "write_xlsx",
]
