"""Programmes to flat tables: one row per object, cells as plain typed values.

Cells are ``str``, ``int``, ``bool``, ``Decimal``, ``datetime.date`` or ``None`` (empty); each
format then writes them its own way (CSV text, XLSX cells, Parquet columns, DataFrames).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from capacitylib.io.tables.columns import TABLES, Column, Kind, Table, children_of
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.models import Programme
from capacitylib.values import PartialDate
from capacitylib.values.extensions import json_ready

#: One cell: ``None`` is an empty cell.
Cell = str | int | bool | Decimal | date | None


@dataclass
class TableData:
    """The rows of one table, with its columns in order (languages expanded)."""

    table: Table
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Cell]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The table's name."""
        return self.table.name

    def kind(self, column: str) -> Kind:
        """What the column holds (``text`` for a ``<field>_<lang>`` column)."""
        col = self.table.column(column)
        if col is not None:
            return col.kind
        return "text"


#: All tables of a collection of programmes, by table name, parents before children.
Tables = dict[str, TableData]


def to_tables(programmes: Iterable[Programme]) -> Tables:
    """Flatten programmes into one :class:`TableData` per table (every table, even if empty).

    >>> import capacitylib
    >>> tables = to_tables(capacitylib.load_examples())
    >>> len(tables["programmes"].rows), tables["activities"].rows[0]["activity_id"]
    (6, 'supervision')
    >>> tables["activities"].rows[0]["hours_per_session_max"]
    Decimal('3')
    """
    state = _State()
    for programme in programmes:
        root = TABLES[0]
        data = programme.model_dump(mode="python")
        key = programme.id
        if key in state.programme_ids:
            raise TableError(
                [
                    TableProblem(
                        code="table_id_duplicate",
                        path="id",
                        message=f"programme id {key!r} appears twice; tables join by "
                        "programme_id, so ids must be unique in a collection",
                        value=key,
                        table="programmes",
                        column="programme_id",
                    )
                ]
            )
        state.programme_ids.add(key)
        state.emit(root, data, {}, None, programme_id=key)
    state.check_ambiguous()
    return state.finish()


class _State:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Cell]]] = {t.name: [] for t in TABLES}
        self.languages: dict[tuple[str, str], dict[str, None]] = {}
        self.programme_ids: set[str] = set()
        self.keys_seen: dict[tuple[str, tuple[Any, ...]], int] = {}
        self.keys_with_children: set[tuple[str, tuple[Any, ...]]] = set()

    def emit(
        self,
        table: Table,
        obj: Any,
        join: dict[str, Cell],
        position: int | None,
        *,
        programme_id: str,
    ) -> None:
        row: dict[str, Cell] = dict(join)
        if position is not None:
            row["position"] = position
        for col in table.columns:
            if not col.path and col.kind != "localized":
                continue  # join and position columns, set above
            value = _get(obj, col.path)
            if col.kind == "localized":
                self._localized(table, col, value, row)
            else:
                row[col.name] = encode(col, value)
        self.rows[table.name].append(row)
        children = children_of(table.name)
        if not children or table.key is None or table.key_as is None:
            return
        child_join = {**join, table.key_as: row[table.key]}
        key = (table.name, tuple(child_join.values()))
        self.keys_seen[key] = self.keys_seen.get(key, 0) + 1
        for child in children:
            items = _get(obj, child.list_path) or ()
            if items:
                self.keys_with_children.add(key)
            for i, item in enumerate(items):
                self.emit(child, item, child_join, i, programme_id=programme_id)

    def _localized(self, table: Table, col: Column, value: Any, row: dict[str, Cell]) -> None:
        if not value:
            return
        langs = self.languages.setdefault((table.name, col.name), {})
        prefix = f"{col.name}_" if col.name else ""
        for lang, text in value.items():
            langs[lang] = None
            row[prefix + lang] = text

    def check_ambiguous(self) -> None:
        problems = [
            TableProblem(
                code="table_reference_ambiguous",
                path="",
                message=f"{table.removesuffix('s')} id {key[-1]!r} is used twice in programme "
                f"{key[0]!r}; child tables join by id, so ids must be unique in a programme",
                value=key[-1],
                table=table,
                programme_id=str(key[0]),
            )
            for (table, key), count in self.keys_seen.items()
            if count > 1 and (table, key) in self.keys_with_children
        ]
        if problems:
            raise TableError(problems)

    def finish(self) -> Tables:
        tables: Tables = {}
        for table in TABLES:
            columns: list[str] = []
            for col in table.columns:
                if col.kind == "localized":
                    prefix = f"{col.name}_" if col.name else ""
                    langs = self.languages.get((table.name, col.name), {})
                    columns += [prefix + lang for lang in _language_order(langs)]
                else:
                    columns.append(col.name)
            tables[table.name] = TableData(table, columns, self.rows[table.name])
        return tables


def _language_order(languages: Iterable[str]) -> list[str]:
    """Languages in order of first use, English last: documents give the original first."""
    return sorted(languages, key=lambda lang: lang == "en")


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if obj is None:
            return None
        obj = obj[part]
    return obj


def encode(col: Column, value: Any) -> Cell:
    """The cell for one value of a column (lists joined, enums by code, dates kept as dates)."""
    if value is None:
        return None
    kind = col.kind
    if kind in ("ids", "codes", "partial_dates"):
        return ";".join(_scalar(v) for v in value) if value else None
    if kind == "texts":
        return json.dumps(list(value), ensure_ascii=False) if value else None
    if kind in ("json", "objects"):
        return _json_cell(kind, value)
    if kind in ("bool", "int", "decimal", "date", "position"):
        return value  # type: ignore[no-any-return]
    return _scalar(value)


def _json_cell(kind: str, value: Any) -> str | None:
    if not value:
        return None
    data = json_ready(value) if kind == "json" else [_plain(item) for item in value]
    return json.dumps(data, ensure_ascii=False)


def _plain(item: Any) -> Any:
    """An object as a document holds it: decimals as exact text, defaults left out.

    The defaults of the objects held this way (breakdowns) are all null, false or empty,
    so those keys are left out.
    """
    if isinstance(item, BaseModel):
        return item.model_dump(mode="json", exclude_defaults=True)
    if isinstance(item, dict):
        return {
            k: _plain(v) for k, v in item.items() if v is not None and v is not False and v != ()
        }
    if isinstance(item, tuple | list):
        return [_plain(v) for v in item]
    return _scalar(item) if isinstance(item, Decimal | Enum | PartialDate) else item


def _scalar(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, PartialDate):
        return value.isoformat()
    return str(value)


__all__ = ["Cell", "TableData", "Tables", "encode", "to_tables"]
