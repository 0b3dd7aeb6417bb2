"""Arrow types of the flat tables, chosen from the column definitions (the ``parquet`` extra).

Each column's :data:`~capacitylib.io.tables.columns.Kind` gives its Arrow type, so a column
added to :mod:`~capacitylib.io.tables.columns` is typed without a change here:

========================== ==============================================================
kind                       Arrow type
========================== ==============================================================
``decimal``                ``decimal128(p, s)``, or ``decimal256(p, s)`` above 38 digits
``int``, ``position``      ``int64`` (``decimal128(p, 0)`` for counts beyond 10^18)
``bool``                   ``bool``
``date``                   ``date32``
``code``                   ``dictionary<int32, string>`` (a pandas ``category``)
everything else            ``string`` (ids, texts, partial dates, ``;``-joined lists)
========================== ==============================================================

``p`` and ``s`` are the least that hold every value of the column exactly
(:class:`~capacitylib.io.tables._spool.DecimalShape`): integer digits plus the most decimals
any value has. A column whose values need more than 76 digits (decimal256's most), such as an
amount of ``1E-100``, is never rounded: it is kept as exact decimal text with the field
metadata ``capacitylib.decimal = text`` (see :data:`DECIMAL_TEXT`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from capacitylib._version import SCHEMA_VERSION
from capacitylib.io._extras import require
from capacitylib.io.tables._spool import DecimalShape
from capacitylib.io.tables.columns import Kind

#: Most digits of Arrow's ``decimal128`` and ``decimal256``.
DECIMAL128_DIGITS = 38
DECIMAL256_DIGITS = 76

#: Field metadata of a decimal column too wide for ``decimal256``, kept as exact text.
DECIMAL_TEXT = {b"capacitylib.decimal": b"text"}

KIND_KEY = b"capacitylib.kind"


def pyarrow() -> Any:
    """The ``pyarrow`` module, or :class:`~capacitylib.MissingExtraError` naming the extra."""
    return require("pyarrow", extra="parquet")


def decimal_type(pa: Any, shape: DecimalShape | None) -> Any | None:
    """The narrowest Arrow decimal type that holds a column exactly, ``None`` if none does."""
    if shape is None:
        return pa.decimal128(1, 0)
    if not shape.finite:
        return None
    precision = shape.precision
    if precision <= DECIMAL128_DIGITS:
        return pa.decimal128(precision, shape.scale)
    if precision <= DECIMAL256_DIGITS:
        return pa.decimal256(precision, shape.scale)
    return None


def field_of(pa: Any, column: str, kind: Kind, shape: DecimalShape | None) -> Any:
    """The Arrow field of one column, its kind in the field metadata."""
    metadata: dict[bytes, bytes] = {KIND_KEY: kind.encode()}
    if kind == "decimal":
        arrow_type = decimal_type(pa, shape)
        if arrow_type is None:
            arrow_type = pa.string()
            metadata.update(DECIMAL_TEXT)
    elif kind in ("int", "position"):
        arrow_type = pa.int64()
        if shape is not None:  # a whole number beyond int64: a decimal of scale 0, or text
            arrow_type = decimal_type(pa, shape)
            if arrow_type is None:
                arrow_type = pa.string()
                metadata.update(DECIMAL_TEXT)
    elif kind == "bool":
        arrow_type = pa.bool_()
    elif kind == "date":
        arrow_type = pa.date32()
    elif kind == "code":
        arrow_type = pa.dictionary(pa.int32(), pa.string())
    else:
        arrow_type = pa.string()
    return pa.field(column, arrow_type, metadata=metadata)


def schema_of(
    pa: Any,
    table: str,
    columns: Sequence[str],
    kinds: Sequence[Kind],
    shapes: Mapping[str, DecimalShape],
) -> Any:
    """The Arrow schema of one table, its name and the format version in the metadata."""
    fields = [
        field_of(pa, column, kind, shapes.get(column))
        for column, kind in zip(columns, kinds, strict=True)
    ]
    return pa.schema(
        fields,
        metadata={"capacitylib.table": table, "capacitylib.schema_version": SCHEMA_VERSION},
    )


def record_batch(pa: Any, schema: Any, rows: Sequence[Mapping[str, Any]]) -> Any:
    """The rows of a table as one Arrow record batch of ``schema``."""
    arrays = []
    for arrow_field in schema:
        values = [row.get(arrow_field.name) for row in rows]
        arrow_type = arrow_field.type
        if pa.types.is_string(arrow_type):
            values = [None if v is None else str(v) for v in values]
        if pa.types.is_dictionary(arrow_type):
            arrays.append(pa.array(values, type=pa.string()).dictionary_encode())
        else:
            arrays.append(pa.array(values, type=arrow_type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def is_decimal_text(arrow_field: Any) -> bool:
    """Whether a field is a decimal column kept as text (too wide for ``decimal256``)."""
    metadata = arrow_field.metadata or {}
    return metadata.get(b"capacitylib.decimal") == b"text"


__all__ = [
    "DECIMAL128_DIGITS",
    "DECIMAL256_DIGITS",
    "DECIMAL_TEXT",
    "decimal_type",
    "field_of",
    "is_decimal_text",
    "pyarrow",
    "record_batch",
    "schema_of",
]
