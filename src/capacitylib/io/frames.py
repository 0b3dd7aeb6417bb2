"""Typed DataFrames and Arrow tables of programmes, for analysts (``pandas``/``parquet`` extras).

One table per entity, as in :mod:`capacitylib.io.tables`, with every column typed from its
kind in :mod:`capacitylib.io.tables.columns` (a new column is typed without a change here):

=========================== ======================================== ============================
kind                        pandas dtype                             Arrow type
=========================== ======================================== ============================
amounts and figures         ``decimal128(p, s)[pyarrow]``            ``decimal128(p, s)``
counts, positions           ``Int64``                                ``int64``
flags                       ``boolean``                              ``bool``
dates                       ``datetime64[ms]``                       ``date32``
codes                       ``category``                             ``dictionary<int32, string>``
ids, texts, lists           ``string[pyarrow]``                      ``string``
partial dates               ``string[pyarrow]`` and three columns    ``string`` and three columns
=========================== ======================================== ============================

* **Amounts are exact and numeric.** ``p`` and ``s`` are the least precision and scale that
  hold every value of the column (``decimal256`` above 38 digits), so ``sum()``, ``mean()``
  and ``groupby(...).sum()`` are computed by Arrow on exact decimals and return
  :class:`~decimal.Decimal`; :func:`describe` summarises them (pandas' own ``describe()``
  leaves decimal columns out). A column whose values need more than 76 digits (an amount of
  ``1E-100``) is never rounded: it is an ``object`` column of :class:`~decimal.Decimal`.
* **Ranges** are ``<field>_min``/``<field>_max`` column pairs (an exact figure has both equal).
* **Partial dates never get a made-up day.** Beside the text (``2019-05``) come
  ``<field>_start`` and ``<field>_end``, the first and last day of the range the date stands
  for (``2019-05-01`` and ``2019-05-31``; empty for a date without a year, ``--03-30``), and
  ``<field>_precision`` (``year``, ``month``, ``day``).
* **Lossless.** :func:`from_frames` and :func:`from_arrow` read the tables back into equal
  programmes (the derived partial-date columns are dropped).

>>> import capacitylib
>>> frames = to_frames(capacitylib.load_examples())
>>> programmes = frames["programmes"]
>>> str(programmes["budget_total_amount"].dtype), str(programmes["stated_partner_count"].dtype)
('decimal128(10, 2)[pyarrow]', 'Int64')
>>> programmes.groupby("budget_total_currency", observed=True)["budget_total_amount"].sum()
budget_total_currency
EUR    43940212.00
Name: budget_total_amount, dtype: decimal128(38, 2)[pyarrow]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from capacitylib.io._extras import require
from capacitylib.io.tables._arrow import KIND_KEY, field_of, is_decimal_text, pyarrow
from capacitylib.io.tables._spool import DecimalShape
from capacitylib.io.tables.columns import TABLES_BY_NAME, Kind
from capacitylib.io.tables.flatten import to_tables
from capacitylib.io.tables.parquet import arrow_table
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme
from capacitylib.values import PartialDate

#: Suffixes of the columns derived from a partial-date column.
PARTIAL_DATE_SUFFIXES = ("_start", "_end", "_precision")

_PRECISIONS = ("year", "month", "day")


def _pandas() -> Any:
    return require("pandas", extra="pandas")


def to_arrow(
    programmes: Iterable[Programme], *, partial_date_ranges: bool = True
) -> dict[str, Any]:
    """One typed ``pyarrow.Table`` per table, every table even if empty.

    The types are those :func:`~capacitylib.io.tables.write_parquet` writes (see the module
    docstring); ``partial_date_ranges`` adds the ``_start``, ``_end`` and ``_precision``
    columns of each partial date.

    >>> import capacitylib
    >>> tables = to_arrow(capacitylib.load_examples())
    >>> tables["activities"].schema.field("sessions_actual_min").type
    Decimal128Type(decimal128(3, 0))
    >>> sessions = tables["sessions"].select(["date", "date_start", "date_precision"])
    >>> sessions.to_pylist()[0]  # a day without a year: no range, never a made-up year
    {'date': '--03-30', 'date_start': None, 'date_precision': 'day'}
    """
    tables = {}
    for name, data in to_tables(programmes).items():
        table = arrow_table(data)
        tables[name] = with_partial_date_ranges(table) if partial_date_ranges else table
    return tables


def with_partial_date_ranges(table: Any) -> Any:
    """``table`` with ``<field>_start``, ``_end`` and ``_precision`` after each partial date.

    >>> import pyarrow as pa
    >>> from capacitylib.io.tables._arrow import KIND_KEY
    >>> field = pa.field("as_of", pa.string(), metadata={KIND_KEY: b"partial_date"})
    >>> table = pa.Table.from_pylist([{"as_of": "2019"}, {"as_of": "--03-30"}],
    ...                              schema=pa.schema([field]))
    >>> with_partial_date_ranges(table).to_pylist()[0]["as_of_end"]
    datetime.date(2019, 12, 31)
    """
    pa = pyarrow()
    for arrow_field in list(table.schema):
        if (arrow_field.metadata or {}).get(KIND_KEY) != b"partial_date":
            continue
        starts: list[date | None] = []
        ends: list[date | None] = []
        precisions: list[str | None] = []
        for text in table.column(arrow_field.name).to_pylist():
            if text is None:
                starts.append(None)
                ends.append(None)
                precisions.append(None)
                continue
            value = PartialDate.parse(text)
            interval = value.interval()
            starts.append(None if interval is None else interval[0])
            ends.append(None if interval is None else interval[1])
            precisions.append(value.precision.value)
        at = table.schema.get_field_index(arrow_field.name) + 1
        derived = {b"capacitylib.derived_from": arrow_field.name.encode()}
        columns = (
            ("_start", pa.array(starts, pa.date32())),
            ("_end", pa.array(ends, pa.date32())),
            (
                "_precision",
                pa.DictionaryArray.from_arrays(
                    pa.array(
                        [None if p is None else _PRECISIONS.index(p) for p in precisions],
                        pa.int32(),
                    ),
                    pa.array(_PRECISIONS),
                ),
            ),
        )
        for offset, (suffix, array) in enumerate(columns):
            new = pa.field(arrow_field.name + suffix, array.type, metadata=derived)
            table = table.add_column(at + offset, new, array)
    return table


def _dtype_for(pd: Any, pa: Any) -> Any:
    def mapper(arrow_type: Any) -> Any:
        if pa.types.is_int64(arrow_type):
            return pd.Int64Dtype()
        if pa.types.is_boolean(arrow_type):
            return pd.BooleanDtype()
        if pa.types.is_string(arrow_type):
            return pd.StringDtype("pyarrow")
        if pa.types.is_decimal(arrow_type):
            return pd.ArrowDtype(arrow_type)
        return None

    return mapper


def arrow_to_frame(table: Any) -> Any:
    """A typed ``pandas.DataFrame`` of one typed Arrow table (see the module docstring).

    >>> import capacitylib
    >>> tables = to_arrow(capacitylib.load_examples())
    >>> frame = arrow_to_frame(tables["indicators"])
    >>> str(frame["kind"].dtype), str(frame["target_min"].dtype)
    ('category', 'decimal128(4, 0)[pyarrow]')
    """
    pd = _pandas()
    pa = pyarrow()
    frame = table.to_pandas(types_mapper=_dtype_for(pd, pa), date_as_object=False)
    for arrow_field in table.schema:
        if is_decimal_text(arrow_field):
            frame[arrow_field.name] = pd.Series(
                [
                    None if v is None else Decimal(v)
                    for v in table.column(arrow_field.name).to_pylist()
                ],
                dtype=object,
            )
    return frame


def to_frames(programmes: Iterable[Programme]) -> dict[str, Any]:
    """One typed ``pandas.DataFrame`` per table, every table even if empty.

    Amounts are exact Arrow decimals, counts ``Int64``, flags ``boolean``, dates
    ``datetime64``, codes ``category``, texts ``string[pyarrow]``, partial dates their text
    and its range (see the module docstring).

    >>> import capacitylib
    >>> frames = to_frames(capacitylib.load_examples())
    >>> activities = frames["activities"]
    >>> activities["sessions_actual_max"].sum(), str(activities["period_start"].dtype)
    (Decimal('152'), 'datetime64[ms]')
    """
    return {name: arrow_to_frame(table) for name, table in to_arrow(programmes).items()}


def describe(frame: Any) -> Any:
    """Count, sum, mean, min and max of every numeric column, decimals exactly.

    ``DataFrame.describe()`` of pandas 3.1 leaves decimal Arrow columns out (and
    ``Series.describe()`` raises on one, as pandas casts the figures to ``float64``); this
    summary keeps them, as exact :class:`~decimal.Decimal` values (the mean at the column's
    scale, Arrow's rule), beside the integer and float columns.

    >>> import capacitylib
    >>> programmes = to_frames(capacitylib.load_examples())["programmes"]
    >>> summary = describe(programmes)["budget_total_amount"]
    >>> summary["count"], summary["sum"], summary["mean"]
    (1, Decimal('43940212.00'), Decimal('43940212.00'))
    """
    pd = _pandas()
    columns = {}
    for name in frame.columns:
        series = frame[name]
        if not pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(
            series.dtype
        ):
            continue
        known = series.dropna()
        columns[name] = pd.Series(
            {
                "count": int(known.count()),
                "sum": known.sum() if len(known) else None,
                "mean": known.mean() if len(known) else None,
                "min": known.min() if len(known) else None,
                "max": known.max() if len(known) else None,
            },
            dtype=object,
        )
    return pd.DataFrame(columns)


def _python(value: Any, pd: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN  # noqa: PLR0124
        return None
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    return value


def _derived_columns(name: str, columns: Iterable[str]) -> set[str]:
    table = TABLES_BY_NAME.get(name)
    present = set(columns)
    derived: set[str] = set()
    if table is None:
        return derived
    for col in table.columns:
        if col.kind == "partial_date" and col.name in present:
            derived |= {col.name + s for s in PARTIAL_DATE_SUFFIXES} & present
    return derived


def from_frames_result(frames: Mapping[str, Any], *, lang: str | None = None) -> TablesResult:
    """Read typed DataFrames, collecting every problem (see :func:`from_frames`)."""
    pd = _pandas()
    raw = {}
    for name, frame in frames.items():
        dropped = _derived_columns(name, frame.columns)
        columns = [c for c in frame.columns if c not in dropped]
        values = [[_python(v, pd) for v in frame[c].astype(object).tolist()] for c in columns]
        rows = [
            (number, list(cells))
            for number, cells in enumerate(
                zip(*values, strict=True) if values else ([] for _ in range(len(frame))), start=2
            )
        ]
        raw[name] = RawTable(name, [str(c) for c in columns], rows)
    return read_raw(raw, lang=lang)


def from_frames(frames: Mapping[str, Any], *, lang: str | None = None) -> list[Programme]:
    """Programmes from one DataFrame per table, typed (:func:`to_frames`) or not.

    The columns derived from partial dates are dropped; ``datetime64`` cells at midnight are
    dates; rows are counted as in a spreadsheet (the first data row is row 2).

    >>> import capacitylib
    >>> programmes = capacitylib.load_examples()
    >>> from_frames(to_frames(programmes)) == programmes
    True

    Raises:
        TableError: lists every problem, each bad cell by table, row and column.
    """
    return from_frames_result(frames, lang=lang).programmes_or_raise()


def from_arrow_result(tables: Mapping[str, Any], *, lang: str | None = None) -> TablesResult:
    """Read Arrow tables, collecting every problem (see :func:`from_arrow`)."""
    raw = {}
    for name, table in tables.items():
        dropped = _derived_columns(name, table.column_names)
        columns = [c for c in table.column_names if c not in dropped]
        values = [table.column(c).to_pylist() for c in columns]
        rows = [
            (number, list(cells))
            for number, cells in enumerate(
                zip(*values, strict=True) if values else ([] for _ in range(table.num_rows)),
                start=2,
            )
        ]
        raw[name] = RawTable(name, columns, rows)
    return read_raw(raw, lang=lang)


def from_arrow(tables: Mapping[str, Any], *, lang: str | None = None) -> list[Programme]:
    """Programmes from one ``pyarrow.Table`` per table (as :func:`to_arrow` makes them).

    >>> import capacitylib
    >>> programmes = capacitylib.load_examples()
    >>> from_arrow(to_arrow(programmes)) == programmes
    True

    Raises:
        TableError: lists every problem, each bad cell by table, row and column.
    """
    return from_arrow_result(tables, lang=lang).programmes_or_raise()


def to_polars(programmes: Iterable[Programme]) -> dict[str, Any]:
    """One ``polars.DataFrame`` per table (the ``polars`` extra), from the same Arrow tables.

    Amounts are ``pl.Decimal`` (exact); a column wider than 38 digits, which Polars' decimal
    cannot hold, stays exact decimal text.

    >>> import capacitylib
    >>> frames = to_polars(capacitylib.load_examples())
    >>> frames["programmes"]["budget_total_amount"].dtype
    Decimal(precision=10, scale=2)
    """
    pl = require("polars", extra="polars")
    pa = pyarrow()
    frames = {}
    for name, table in to_arrow(programmes).items():
        narrow = table
        for index, arrow_field in enumerate(table.schema):
            if pa.types.is_decimal256(arrow_field.type):
                text = table.column(index).cast(pa.string())
                narrow = narrow.set_column(index, arrow_field.with_type(pa.string()), text)
        frames[name] = pl.from_arrow(narrow)
    return frames


def typed_frame(columns: Iterable[tuple[str, Kind, list[Any]]]) -> Any:
    """A typed ``pandas.DataFrame`` of ``(name, kind, values)`` columns, typed as the tables are.

    >>> from decimal import Decimal
    >>> frame = typed_frame([("amount", "decimal", [Decimal("1.5"), Decimal("2.25"), None]),
    ...                      ("count", "int", [1, None, 3])])
    >>> frame["amount"].sum(), str(frame["count"].dtype)
    (Decimal('3.75'), 'Int64')
    """
    pa = pyarrow()
    fields = []
    arrays = []
    for name, kind, values in columns:
        shape = None
        if kind == "decimal":
            shape = DecimalShape()
            for value in values:
                if value is not None:
                    shape.add(value)
        arrow_field = field_of(pa, name, kind, shape)
        fields.append(arrow_field)
        arrays.append(
            pa.array([None if v is None else str(v) for v in values], pa.string())
            if pa.types.is_string(arrow_field.type)
            else pa.array(values, pa.string()).dictionary_encode()
            if pa.types.is_dictionary(arrow_field.type)
            else pa.array(values, arrow_field.type)
        )
    return arrow_to_frame(pa.Table.from_arrays(arrays, schema=pa.schema(fields)))


__all__ = [
    "PARTIAL_DATE_SUFFIXES",
    "arrow_to_frame",
    "describe",
    "from_arrow",
    "from_arrow_result",
    "from_frames",
    "from_frames_result",
    "to_arrow",
    "to_frames",
    "to_polars",
    "typed_frame",
    "with_partial_date_ranges",
]
