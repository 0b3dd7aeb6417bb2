"""Reading cells: the canonical form first, then, with ``lang``, the language parsers.

A cell that is neither canonical nor readable in the language is passed on unchanged, so that
the model reports it with its own error code (``decimal_parsing``, ``enum``, ...); only text
that the language parsers reject is reported here, with their message.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from capacitylib.errors import CapacitylibError
from capacitylib.io.tables import cells
from capacitylib.io.tables.columns import Column
from capacitylib.values import PartialDate

_DECIMAL_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_INT_RE = re.compile(r"^[+-]?\d+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Path = tuple[str, ...]


class CellError(CapacitylibError, ValueError):
    """A cell this module can tell is wrong (the model checks the rest)."""

    def __init__(self, message: str, *, code: str = "cell_unreadable"):
        self.code = code
        super().__init__(message)


def plain(raw: Any) -> Any:
    """``raw`` as a plain Python value: numpy and pandas scalars unwrapped, NaN/NA as ``None``."""
    if raw is None:
        return None
    module = type(raw).__module__
    if module.startswith(("numpy", "pandas")):
        if type(raw).__name__ in ("NAType", "NaTType"):
            return None
        if hasattr(raw, "to_pydatetime"):
            raw = raw.to_pydatetime()
        elif hasattr(raw, "item"):
            raw = raw.item()
    if isinstance(raw, float) and math.isnan(raw):
        return None
    if isinstance(raw, str) and raw == "":
        return None
    return raw


def _finite(value: float | Decimal) -> bool:
    # Decimal("sNaN") raises in math.isfinite; Decimal's own test never does.
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def float_text(value: float) -> str:
    """The shortest decimal text of a float a spreadsheet typed (``12.5``, ``43940212``)."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def as_decimal(raw: Any) -> Any:
    """A Decimal from a canonical cell; anything else unchanged for the model to report."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(float_text(raw))
    if isinstance(raw, str) and _DECIMAL_RE.match(raw.strip()):
        return Decimal(raw.strip())
    return raw


#: The Python type of a canonical cell of each kind of Money, Estimate and Hours member.
_CANONICAL_TYPES: dict[str, type] = {"decimal": Decimal, "bool": bool, "int": int, "code": str}


def canonical_type(kind: str) -> type | None:
    """The type of a cell of ``kind`` that may be read as it is (see :func:`unchanged`)."""
    return _CANONICAL_TYPES.get(kind)


def unchanged(kind: str, codelist: type[StrEnum] | None = None) -> Callable[[Any], bool]:
    """A test of whether a column's reader gives a non-empty cell back as it is.

    True only for cells already in their canonical Python type (:func:`canonical_type`): a
    ``Decimal`` for a decimal, a ``bool``, an ``int``, a code of the codelist (any text
    without surrounding spaces when the column has no codelist), whatever ``lang`` is. Tables
    made by :func:`~capacitylib.io.tables.flatten.to_tables` hold such cells, so readers skip
    decoding them.

    >>> from decimal import Decimal
    >>> unchanged("decimal")(Decimal("2.50")), unchanged("decimal")("2.50")
    (True, False)
    """
    cls = canonical_type(kind)
    if cls is None:
        return lambda raw: False
    if kind == "code":
        if codelist is None:
            return lambda raw: raw.__class__ is str and raw == raw.strip()
        codes = codelist._value2member_map_
        return lambda raw: raw.__class__ is str and raw in codes
    return lambda raw: raw.__class__ is cls


class Decoder:
    """Reads the cells of one table, in canonical form or (with ``lang``) in a language."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self._readers: dict[tuple[str, type[StrEnum] | None], Callable[[Any], Any]] = {}

    # --- single cells -------------------------------------------------------------------------

    def cell(self, col: Column, raw: Any) -> Any:
        """The value of one non-group cell (``raw`` is not empty)."""
        return self.reader(col.kind, col.codelist)(raw)

    def reader(self, kind: str, codelist: type[StrEnum] | None = None) -> Callable[[Any], Any]:
        """The function that reads a non-empty cell of a column of ``kind``, chosen once."""
        key = (kind, codelist)
        read = self._readers.get(key)
        if read is None:
            read = self._readers[key] = self._make_reader(kind, codelist)
        return read

    def _make_reader(self, kind: str, codelist: type[StrEnum] | None) -> Callable[[Any], Any]:
        if kind == "code":
            if codelist is None:
                return lambda raw: self._code(raw, None)
            codes = codelist._value2member_map_

            def read_code(raw: Any) -> Any:
                # A code of the codelist as it is: the common case, without the layers below.
                if raw.__class__ is str and raw in codes:
                    return raw
                return self._code(raw, codelist)

            return read_code
        if kind in ("ids", "codes", "partial_dates"):
            return lambda raw: self._list(raw, kind, codelist)
        readers: dict[str, Callable[[Any], Any]] = {
            "text": self._text,
            "id": self.id,
            "int": self._int,
            "bool": self._bool,
            "decimal": as_decimal,
            "date": self._date,
            "partial_date": self._partial_date,
            "position": self.position,
            "texts": self._texts,
            "json": self._json,
            "objects": self._objects,
        }
        return readers[kind]

    def text(self, raw: Any) -> Any:
        """A free-text cell: text kept verbatim, a number or date a spreadsheet typed as text."""
        return self._text(raw)

    def _text(self, raw: Any) -> Any:
        if isinstance(raw, str):
            return raw
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, float):
            return float_text(raw)
        if isinstance(raw, int | Decimal):
            return str(raw)
        if isinstance(raw, date):
            return raw.isoformat()
        return raw

    def id(self, raw: Any) -> Any:
        """An id or code cell: text without surrounding spaces."""
        if raw.__class__ is str:
            return raw.strip()
        value = self._text(raw)
        return value.strip() if isinstance(value, str) else value

    def _code(self, raw: Any, codelist: type[StrEnum] | None) -> Any:
        value = self.id(raw)
        if not isinstance(value, str) or codelist is None:
            return value
        if value in codelist._value2member_map_:
            return value
        if self.lang is not None:
            try:
                return cells.parse_term(value, self.lang, codelist).value
            except ValueError as exc:
                raise CellError(str(exc)) from None
        return value

    def _int(self, raw: Any) -> Any:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float | Decimal) and _finite(raw) and raw == int(raw):
            return int(raw)
        if isinstance(raw, str) and _INT_RE.match(raw.strip()):
            return int(raw.strip())
        return raw

    def position(self, raw: Any) -> int:
        """A 0-based list position."""
        value = self._int(raw)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CellError(
                f"a position must be a whole number from 0 (got {raw!r})",
                code="table_position_invalid",
            )
        return value

    def _bool(self, raw: Any) -> Any:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
            return raw.strip().lower() == "true"
        return raw

    def _date(self, raw: Any) -> Any:
        if isinstance(raw, datetime) and raw.time() == datetime.min.time():
            raw = raw.date()
        if isinstance(raw, str):
            raw = raw.strip()
            if _DATE_RE.match(raw):
                try:
                    raw = date.fromisoformat(raw)
                except ValueError:
                    return raw
            elif self.lang is not None:
                raw = self._date_in_language(raw, self.lang)
        return raw

    @staticmethod
    def _date_in_language(text: str, lang: str) -> date:
        try:
            parsed = cells.parse_date(text, lang)
        except ValueError as exc:
            raise CellError(str(exc)) from None
        day = parsed.to_date()
        if day is None:
            raise CellError(
                f"{text!r} is {parsed.isoformat()}; a full date (day, month, year) is needed"
            )
        return day

    def _partial_date(self, raw: Any) -> Any:
        if isinstance(raw, datetime):
            raw = raw.date()
        if isinstance(raw, date):
            return PartialDate.from_date(raw).isoformat()
        if isinstance(raw, int) and not isinstance(raw, bool):
            return str(raw)
        if not isinstance(raw, str):
            return raw
        text = raw.strip()
        try:
            return PartialDate.parse(text).isoformat()
        except ValueError:
            pass
        if self.lang is None:
            return text
        try:
            return cells.parse_date(text, self.lang).isoformat()
        except ValueError as exc:
            raise CellError(str(exc)) from None

    def _list(self, raw: Any, kind: str, codelist: type[StrEnum] | None) -> Any:
        text = self._text(raw)
        if not isinstance(text, str):
            return text
        items = [item.strip() for item in text.split(";")]
        items = [item for item in items if item]
        if kind == "codes":
            return [self._code(item, codelist) for item in items]
        if kind == "partial_dates":
            return [self._partial_date(item) for item in items]
        return items

    def _json(self, raw: Any) -> Any:
        """A JSON object (extensions); numbers are read exactly, as decimals."""
        try:
            value = json.loads(raw, parse_float=Decimal) if isinstance(raw, str) else None
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise CellError(f'extensions must be a JSON object ({{"ns": {{...}}}}) (got {raw!r})')
        return value

    def _objects(self, raw: Any) -> Any:
        """A JSON array of objects (breakdowns); numbers are read exactly, as decimals."""
        try:
            value = json.loads(raw, parse_float=Decimal) if isinstance(raw, str) else None
        except ValueError:
            value = None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise CellError(f'must be a JSON array of objects ([{{"by": ...}}]) (got {raw!r})')
        return value

    def _texts(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return [self._text(raw)]
        if raw.lstrip().startswith("["):
            try:
                items = json.loads(raw)
            except ValueError:
                items = None
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise CellError(
                    'a list of texts must be a JSON array of strings (["a", "b"]) or texts '
                    f"separated by ';' (got {raw!r})"
                )
            return items
        return [item.strip() for item in raw.split(";") if item.strip()]


__all__ = [
    "CellError",
    "Decoder",
    "as_decimal",
    "canonical_type",
    "float_text",
    "plain",
    "unchanged",
]
