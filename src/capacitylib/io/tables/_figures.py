"""Reading Money, Estimate and Hours values from their group of columns.

A value may be split over its columns (``hours_per_session_min``, ``_max``, ``_unit``) or given
whole, as text, in its first column or in a column named after the field: ``12.50 EUR``,
``cca 2-3``, ``88-100 academic h`` (the ``str()`` forms of the values), or, with ``lang``, as the
field writes it (``43 940 212,00 Eur``, ``2-3 val.``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from capacitylib.io.tables import cells
from capacitylib.io.tables._decode import CellError, Decoder, as_decimal
from capacitylib.io.tables._schema import Column, Group
from capacitylib.values import Estimate, Hours

# The str() forms of Money, Estimate and Hours: "12.50 EUR", "cca 2-3", "88-100 academic h".
_MONEY_RE = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s+([A-Z]{3})$")
_FIGURE_RE = re.compile(
    r"^(?:(cca)\s+)?(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?(?:\s+(h|academic h|days))?$"
)
_UNITS = {"h": "clock_hour", "academic h": "academic_hour", "days": "day"}

Path = tuple[str, ...]


@dataclass
class Decoded:
    """The values of one row: relative path to value, and the problems found in its cells."""

    values: list[tuple[Path, Any]] = field(default_factory=list)
    problems: list[tuple[Path, str, CellError, Any]] = field(default_factory=list)
    """(relative path, column, error, cell value) for each bad cell."""

    quiet: list[Path] = field(default_factory=list)
    """Paths left out because of a bad cell already reported (no second problem for them)."""


class FigureReader:
    """Reads the groups of columns of a row with a cell :class:`Decoder`."""

    def __init__(self, cells: Decoder) -> None:
        self.cells = cells
        self.lang = cells.lang

    def read(self, group: Group, cells_by_column: Mapping[str, Any], bare: Any) -> Decoded:
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
            currency = self.cells.id(currency)
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
        by_member = group.members
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
        return self.cells.cell(col, cell)

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


__all__ = ["Decoded", "FigureReader"]
