"""Matching a table's header row against the column definitions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from capacitylib.io.tables._decode import plain
from capacitylib.io.tables.columns import TABLE_NAMES, Column, Group, Table
from capacitylib.io.tables.problems import TableProblem


@dataclass
class Header:
    """One header cell, resolved: a column, a language of a text column, or a whole figure."""

    index: int
    name: str
    column: Column | None = None
    lang: str | None = None
    group: Group | None = None


def unknown_table(name: str) -> TableProblem:
    """The problem of a table (file, sheet) whose name is not a table's."""
    hint = difflib.get_close_matches(name, TABLE_NAMES, n=1)
    suggestion = f" (did you mean {hint[0]}?)" if hint else ""
    return TableProblem(
        code="table_unknown",
        path="",
        message=f"unknown table {name!r}{suggestion}; tables are: {', '.join(TABLE_NAMES)}",
        value=name,
        table=name,
    )


def resolve_header(
    table: Table, header: list[Any], rows: list[tuple[int, list[Any]]], lang: str | None
) -> tuple[list[Header], list[TableProblem]]:
    """The header cells as columns, and every problem with them (unknown, duplicate, missing)."""
    headers: list[Header] = []
    problems: list[TableProblem] = []
    seen: set[str] = set()

    def problem(code: str, message: str, column: str | None) -> None:
        problems.append(
            TableProblem(
                code=code, path="", message=message, value=column, table=table.name, column=column
            )
        )

    for index, cell in enumerate(header):
        name = "" if plain(cell) is None else str(cell).strip()
        if not name:
            if any(index < len(cells) and plain(cells[index]) is not None for _, cells in rows):
                problem("table_header_blank", f"column {index + 1} has data but no header", None)
            continue
        if name in seen:
            problem("table_column_duplicate", f"column {name!r} appears twice", name)
            continue
        seen.add(name)
        resolved = _resolve(table, index, name, lang)
        if isinstance(resolved, Header):
            headers.append(resolved)
        else:
            problem(resolved[0], resolved[1], name)
    # A table with no data rows needs no columns (an empty table has no languages to name).
    if any(any(plain(cell) is not None for cell in cells) for _, cells in rows):
        problems += missing_columns(table, headers)
    return headers, problems


def _resolve(table: Table, index: int, name: str, lang: str | None) -> Header | tuple[str, str]:
    col = table.column(name)
    if col is not None and col.kind != "localized":
        return Header(index, name, column=col)
    localized = table.localized_column(name)
    if localized is not None:
        return Header(index, name, column=localized[0], lang=localized[1])
    group = next((g for g in table.groups if g.name == name), None)
    if group is not None:
        return Header(index, name, group=group)
    if col is not None:  # a text column without its language suffix: "title"
        if lang is None:
            return (
                "table_column_language",
                f"column {name!r} needs a language: {name}_<lang> such as {name}_en, "
                "or read the table with lang=...",
            )
        return Header(index, name, column=col, lang=lang)
    known = [c.name for c in table.columns if c.kind != "localized"]
    hint = difflib.get_close_matches(name, known, n=1)
    suggestion = f" (did you mean {hint[0]}?)" if hint else ""
    return "table_column_unknown", f"table {table.name} has no column {name!r}{suggestion}"


def missing_columns(table: Table, headers: list[Header]) -> list[TableProblem]:
    """A problem for each required column the header lacks."""
    plain_columns = {h.column.name for h in headers if h.column is not None and h.lang is None}
    languages = {h.column.name for h in headers if h.column is not None and h.lang is not None}
    whole_figures = {h.group.name for h in headers if h.group is not None}
    problems = []
    for col in table.columns:
        if not col.required:
            continue
        if col.kind == "localized":
            found = col.name in languages
            shown = f"{col.name}_<lang>"
        elif col.group is not None:
            found = col.name in plain_columns or col.group in whole_figures
            shown = col.name
        else:
            found = col.name in plain_columns
            shown = col.name
        if not found:
            example = f" (e.g. {col.name}_en)" if col.kind == "localized" else ""
            problems.append(
                TableProblem(
                    code="table_column_missing",
                    path="",
                    message=f"table {table.name} has no column {shown}{example}, which is required",
                    table=table.name,
                    column=shown,
                )
            )
    return problems


__all__ = ["Header", "missing_columns", "resolve_header", "unknown_table"]
