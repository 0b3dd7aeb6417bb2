"""Reading cells: the canonical form first, then, with ``lang``, the language parsers.

A cell that is neither canonical nor readable in the language is passed on unchanged, so that
the model reports it with its own error code (``decimal_parsing``, ``enum``, ...); only text
that the language parsers reject is reported here, with their message.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from capacitylib.io.tables import cells
from capacitylib.io.tables.columns import Column, Group
from capacitylib.values import Estimate, Hours, PartialDate

_DECIMAL_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_INT_RE = re.compile(r"^[+-]?\d+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The str() forms of Money, Estimate and Hours: "12.50 EUR", "cca 2-3", "88-100 academic h".
_MONEY_RE = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s+([A-Z]{3})$")
_FIGURE_RE = re.compile(
    r"^(?:(cca)\s+)?(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?(?:\s+(h|academic h|days))?$"
)
_UNITS = {"h": "clock_hour", "academic h": "academic_hour", "days": "day"}

Path = tuple[str, ...]


class CellError(ValueError):
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


@dataclass
class Decoded:
    """The values of one row: relative path to value, and the problems found in its cells."""

    values: list[tuple[Path, Any]] = field(default_factory=list)
    problems: list[tuple[Path, str, CellError, Any]] = field(default_factory=list)
    """(relative path, column, error, cell value) for each bad cell."""

    quiet: list[Path] = field(default_factory=list)
    """Paths left out because of a bad cell already reported (no second problem for them)."""


class Decoder:
    """Reads the cells of one table, in canonical form or (with ``lang``) in a language."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang

    # --- single cells -------------------------------------------------------------------------

    def cell(self, col: Column, raw: Any) -> Any:
        """The value of one non-group cell (``raw`` is not empty)."""
        kind = col.kind
        if kind == "code":
            return self._code(raw, col.codelist)
        if kind in ("ids", "codes", "partial_dates"):
            return self._list(raw, kind, col.codelist)
        read = {
            "text": self._text,
            "id": self._id,
            "int": self._int,
            "bool": self._bool,
            "decimal": as_decimal,
            "date": self._date,
            "partial_date": self._partial_date,
            "position": self.position,
            "texts": self._texts,
        }[kind]
        return read(raw)

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

    def _id(self, raw: Any) -> Any:
        value = self._text(raw)
        return value.strip() if isinstance(value, str) else value

    def _code(self, raw: Any, codelist: type[StrEnum] | None) -> Any:
        value = self._id(raw)
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
        if isinstance(raw, float | Decimal) and raw == int(raw):
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

    # --- groups: Money, Estimate, Hours -------------------------------------------------------

    def group(self, group: Group, cells_by_column: Mapping[str, Any], bare: Any) -> Decoded:
        """The values of a Money, Estimate or Hours group from its cells (non-empty only).

        ``bare`` is the cell of a column named after the group (``hours_per_session``), which
        holds the whole value as text; it may not be combined with the group's first column.
        """
        out = Decoded()
        first = group.columns[0]
        raw_first = cells_by_column.get(first.name)
        if bare is not None and raw_first is not None:
            out.problems.append(
                (
                    (first.path[-1],),
                    first.name,
                    CellError(
                        f"give the figure either in {group.name} or in {first.name}, not both",
                        code="cell_shorthand_conflict",
                    ),
                    bare,
                )
            )
            return out
        if raw_first is None:
            raw_first = bare
        if group.kind == "money":
            self._money(group, cells_by_column, raw_first, out)
        else:
            self._figure(group, cells_by_column, raw_first, out)
        return out

    def _money(
        self, group: Group, cells_by_column: Mapping[str, Any], raw: Any, out: Decoded
    ) -> None:
        amount_col, currency_col = group.columns
        currency = cells_by_column.get(currency_col.name)
        if currency is not None:
            currency = self._id(currency)
        amount: Any = None
        stated: str | None = None
        if raw is not None:
            amount = as_decimal(raw)
            if isinstance(amount, str):
                text = amount.strip()
                match = _MONEY_RE.match(text)
                if match:
                    amount, stated = Decimal(match[1]), match[2]
                elif self.lang is not None:
                    try:
                        money = cells.parse_money(
                            text, self.lang, currency if isinstance(currency, str) else None
                        )
                    except ValueError as exc:
                        error = CellError(str(exc))
                        out.problems.append(((amount_col.path[-1],), amount_col.name, error, raw))
                        amount = None
                    else:
                        amount, stated = money.amount, str(money.currency)
            if amount is not None:
                out.values.append(((amount_col.path[-1],), amount))
        if stated is not None and currency is not None and stated != currency:
            out.problems.append(
                (
                    (currency_col.path[-1],),
                    currency_col.name,
                    CellError(
                        f"the amount says {stated} but {currency_col.name} says {currency}",
                        code="cell_shorthand_conflict",
                    ),
                    currency,
                )
            )
            return
        currency = currency if currency is not None else stated
        if currency is not None:
            out.values.append(((currency_col.path[-1],), currency))

    def _figure(
        self, group: Group, cells_by_column: Mapping[str, Any], raw: Any, out: Decoded
    ) -> None:
        by_member = {col.path[-1]: col for col in group.columns}
        whole: dict[str, Any] = {}
        if raw is not None:
            value = as_decimal(raw)
            if isinstance(value, str):
                try:
                    whole = self._whole_figure(value.strip(), group.kind == "hours")
                except CellError as exc:
                    out.problems.append((("min",), by_member["min"].name, exc, raw))
                    out.quiet.append(("max",))
                    return
                if not whole:
                    hint = "" if self.lang else ", or read the table with lang=..."
                    error = CellError(
                        f"not a figure: write a number (12.5), a range (2-3) or cca 30{hint}",
                        code="decimal_parsing",
                    )
                    out.problems.append((("min",), by_member["min"].name, error, raw))
                    out.quiet.append(("max",))
                    return
            else:
                whole = {"min": value}
        for member, col in by_member.items():
            if member == "min":
                continue
            cell = cells_by_column.get(col.name)
            if cell is None:
                continue
            try:
                value = self._member(member, col, cell)
            except CellError as exc:
                out.problems.append(((member,), col.name, exc, cell))
                continue
            if member in whole and whole[member] != value:
                out.problems.append(
                    (
                        (member,),
                        col.name,
                        CellError(
                            f"{col.name} says {cell!r} but the figure says {whole[member]!r}",
                            code="cell_shorthand_conflict",
                        ),
                        cell,
                    )
                )
                continue
            whole[member] = value
        out.values += [((member,), value) for member, value in whole.items()]

    def _member(self, member: str, col: Column, cell: Any) -> Any:
        if member == "max":
            value = as_decimal(cell)
            if isinstance(value, str) and self.lang is not None:
                try:
                    parsed = cells.parse_quantity(value.strip(), self.lang)
                except ValueError as exc:
                    raise CellError(str(exc)) from None
                if not parsed.is_exact:
                    raise CellError(f"{col.name} holds one figure (got the range {value!r})")
                return parsed.min
            return value
        return self.cell(col, cell)

    def _whole_figure(self, text: str, hours: bool) -> dict[str, Any]:
        """Min, max, approximate (and unit) from a whole figure: ``cca 2-3 h``."""
        match = _FIGURE_RE.match(text)
        if match and (hours or not match[4]):
            whole: dict[str, Any] = {"min": Decimal(match[2]), "max": Decimal(match[3] or match[2])}
            if match[1]:
                whole["approximate"] = True
            if match[4]:
                whole["unit"] = _UNITS[match[4]]
            return whole
        if self.lang is None:
            return {}
        try:
            parsed = cells.parse_quantity(text, self.lang)
        except ValueError as exc:
            raise CellError(str(exc)) from None
        return _figure_parts(parsed, hours)


def _figure_parts(parsed: Estimate, hours: bool) -> dict[str, Any]:
    whole: dict[str, Any] = {"min": parsed.min, "max": parsed.max}
    if parsed.approximate:
        whole["approximate"] = True
    if hours and isinstance(parsed, Hours):
        whole["unit"] = parsed.unit.value
        if parsed.academic_hour_minutes is not None:
            whole["academic_hour_minutes"] = parsed.academic_hour_minutes
    return whole


__all__ = ["CellError", "Decoded", "Decoder", "as_decimal", "float_text", "plain"]
