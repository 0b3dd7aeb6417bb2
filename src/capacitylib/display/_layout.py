"""Tables of text rendered as HTML (every text escaped) or as aligned text for a terminal."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: Cells of a text table wider than this are cut with an ellipsis (HTML keeps everything).
TEXT_CELL_WIDTH = 44
#: A text table wider than this is written as one block per row instead of columns.
TEXT_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table; ``header=None`` makes a two-column key/value table."""

    title: str | None
    header: tuple[str, ...] | None
    rows: Sequence[tuple[str, ...]]


_STYLE = "text-align:left;vertical-align:top"


def to_html(title: str, tables: Sequence[Table]) -> str:
    e = html.escape
    out = [f'<div class="capacitylib"><h4>{e(title)}</h4>']
    for table in tables:
        if table.title:
            out.append(f"<h5>{e(table.title)}</h5>")
        out.append("<table>")
        if table.header is not None:
            cells = "".join(f'<th style="{_STYLE}">{e(h)}</th>' for h in table.header)
            out.append(f"<thead><tr>{cells}</tr></thead>")
        out.append("<tbody>")
        for row in table.rows:
            if table.header is None:
                key, value = row
                out.append(
                    f'<tr><th style="{_STYLE}">{e(key)}</th><td style="{_STYLE}">'
                    f"{_html_cell(value)}</td></tr>"
                )
            else:
                out.append("<tr>" + "".join(f"<td>{_html_cell(c)}</td>" for c in row) + "</tr>")
        out.append("</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def _html_cell(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _cut(text: str, width: int = TEXT_CELL_WIDTH) -> str:
    text = text.replace("\n", "; ")
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(title: str, tables: Sequence[Table]) -> str:
    lines = [title, "=" * min(len(title), 100)]
    for table in tables:
        if table.title:
            lines += ["", table.title]
        if table.header is None:
            width = max((len(k) for k, _ in table.rows), default=0)
            indent = "  " if table.title else ""
            lines += [f"{indent}{k:<{width}}  {v}".rstrip() for k, v in table.rows]
        else:
            lines += _text_columns(table.header, table.rows) or _text_blocks(
                table.header, table.rows
            )
    return "\n".join(lines)


def _text_columns(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Aligned columns, or ``[]`` when they would not fit in :data:`TEXT_WIDTH`."""
    cells = [tuple(_cut(c) for c in row) for row in (header, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    if 2 + sum(widths) + 2 * (len(widths) - 1) > TEXT_WIDTH:
        return []
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]


def _text_blocks(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """One block per row: the first cell, then ``column: value`` lines (nothing cut)."""
    width = max(len(h) for h in header[1:])
    lines = []
    for first, *rest in rows:
        lines.append(f"  {first}")
        for name, value in zip(header[1:], rest, strict=True):
            if value == "—":
                continue
            for i, part in enumerate(value.split("\n")):
                label = name if i == 0 else ""
                lines.append(f"    {label:<{width}}  {part}")
    return lines
