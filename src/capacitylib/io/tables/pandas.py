"""Tables as pandas DataFrames, one per table (the ``pandas`` extra).

Column dtypes: text, codes, ids and partial dates ``string``; counts and positions ``Int64``;
booleans ``boolean``; dates ``object`` holding ``datetime.date`` (convert with
``pd.to_datetime`` when you need timestamps); amounts and figures ``object`` holding exact
``decimal.Decimal`` values, never floats. ``frame["amount"].sum()`` adds Decimals exactly.

For analysis, :func:`capacitylib.io.frames.to_frames` gives the same tables with numeric
dtypes: amounts as exact Arrow decimals (``describe()``, ``mean()`` and ``groupby`` sums work
on them), dates as ``datetime64``, codes as ``category`` and partial dates with their range.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from capacitylib.io._extras import require
from capacitylib.io.tables.flatten import to_tables
from capacitylib.io.tables.unflatten import RawTable, TablesResult, read_raw
from capacitylib.models import Programme

_DTYPES: dict[str, Any] = {
    "int": "Int64",
    "position": "Int64",
    "bool": "boolean",
    "decimal": object,
    "date": object,
}


def _pandas() -> Any:
    return require("pandas", extra="pandas")


def to_dataframes(programmes: Iterable[Programme]) -> dict[str, Any]:
    """One ``pandas.DataFrame`` per table, every table even if empty.

    >>> import capacitylib
    >>> frames = to_dataframes(capacitylib.load_examples())
    >>> frames["activities"].loc[0, ["activity_id", "sessions_actual_min"]].tolist()
    ['supervision', Decimal('114')]
    """
    pd = _pandas()
    frames = {}
    for name, data in to_tables(programmes).items():
        columns = {}
        for column in data.columns:
            dtype = _DTYPES.get(data.kind(column), "string")
            values = [row.get(column) for row in data.rows]
            columns[column] = pd.Series(values, dtype=dtype)
        frames[name] = pd.DataFrame(columns, columns=data.columns)
    return frames


def from_dataframes_result(frames: Mapping[str, Any], *, lang: str | None = None) -> TablesResult:
    """Read DataFrames, collecting every problem (see :func:`from_dataframes`)."""
    raw = {}
    for name, frame in frames.items():
        columns = list(frame.columns)
        rows = [
            (number, list(values))
            for number, values in enumerate(frame.itertuples(index=False, name=None), start=2)
        ]
        raw[name] = RawTable(name, columns, rows)
    return read_raw(raw, lang=lang)


def from_dataframes(frames: Mapping[str, Any], *, lang: str | None = None) -> list[Programme]:
    """Programmes from one DataFrame per table (as :func:`to_dataframes` makes them).

    Float columns are read by their shortest decimal form (``12.5``); keep amounts as Decimal
    or text to be exact. Rows are counted as in a spreadsheet: the first data row is row 2.

    Raises:
        TableError: lists every problem, each bad cell by table, row and column.
    """
    return from_dataframes_result(frames, lang=lang).programmes_or_raise()


__all__ = ["from_dataframes", "from_dataframes_result", "to_dataframes"]
