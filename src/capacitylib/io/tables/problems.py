"""Problems in flat tables, located by table (sheet), row and column as the user sees them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from capacitylib.errors import CapacitylibError, Problem

#: Problems shown in a :class:`TableError`'s message before "... and N more".
_SHOWN = 20


@dataclass(frozen=True, slots=True)
class TableProblem(Problem):
    """A :class:`~capacitylib.Problem` with the table cell it comes from.

    ``row`` counts as a spreadsheet does: the header is row 1, the first data row is row 2.
    ``path`` is the document path (``activities[2].kind``) when the cell maps to one.

    >>> p = TableProblem(code="enum", path="activities[0].kind", message="bad kind",
    ...                  table="activities", row=2, column="kind")
    >>> p.where
    'activities row 2, column kind'
    """

    table: str = ""
    """Table (sheet, file) name."""

    row: int | None = None
    """Row number, header = 1; ``None`` for a problem with the whole table."""

    column: str | None = None
    """Column name; ``None`` for a problem with a whole row or table."""

    programme_id: str | None = None
    """Id of the programme the row belongs to, when known."""

    @property
    def where(self) -> str:
        """``table row N, column C`` with the parts that are known."""
        parts = [self.table] if self.table else []
        if self.row is not None:
            parts.append(f"row {self.row}")
        where = " ".join(parts)
        if self.column is not None:
            where += f", column {self.column}" if where else f"column {self.column}"
        return where

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: the problem's fields plus table, row and column."""
        data = Problem.as_dict(self)
        data.update(
            table=self.table, row=self.row, column=self.column, programme_id=self.programme_id
        )
        return data

    def __str__(self) -> str:
        path = f" ({self.path})" if self.path else ""
        return f"{self.where}{path}: {self.message} [{self.code}]"


class TableError(CapacitylibError, ValueError):
    """Tables that cannot be read or written; ``problems`` lists every problem found.

    >>> import capacitylib
    >>> from capacitylib.io.tables import from_tables, to_tables
    >>> tables = to_tables(capacitylib.load_examples()[:1])
    >>> tables["activities"].rows[0]["kind"] = "supervize"
    >>> try:
    ...     from_tables(tables)
    ... except TableError as error:
    ...     [(p.table, p.row, p.column) for p in error.problems]
    [('activities', 2, 'kind')]
    """

    def __init__(self, problems: Sequence[TableProblem], *, source: str | None = None):
        self.problems = list(problems)
        self.source = source
        lines = [str(p) for p in self.problems[:_SHOWN]]
        if len(self.problems) > _SHOWN:
            lines.append(f"... and {len(self.problems) - _SHOWN} more")
        noun = "problem" if len(self.problems) == 1 else "problems"
        head = f"{source}: " if source else ""
        summary = f"{head}{len(self.problems)} {noun} in the tables:"
        super().__init__("\n  ".join([summary, *lines]))


__all__ = ["TableError", "TableProblem"]
