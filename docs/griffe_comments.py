"""Griffe extension: a ``#:`` comment above a module constant or alias becomes its docstring.

capacitylib documents constants and type aliases (``FIXED_EURO_RATES``, ``Scope``) with
Sphinx-style ``#:`` comments; griffe reads only string literals after an assignment. Loaded by
mkdocstrings (``extensions:`` in ``mkdocs.yml``), so the API reference shows those comments.
"""

from __future__ import annotations

from typing import Any

import griffe


class CommentDocstrings(griffe.Extension):
    """Give every attribute without a docstring the ``#:`` comment lines just above it."""

    def on_attribute_instance(self, *, attr: griffe.Attribute, **kwargs: Any) -> None:
        """Set ``attr``'s docstring from the ``#:`` comment block above its first line."""
        if attr.docstring is not None or attr.lineno is None:
            return
        try:
            lines = attr.lines_collection[attr.filepath]
        except (KeyError, TypeError):
            return
        comment: list[str] = []
        index = attr.lineno - 2  # the line above, 0-based
        while index >= 0 and lines[index].lstrip().startswith("#:"):
            comment.insert(0, lines[index].lstrip()[2:].strip())
            index -= 1
        if comment:
            attr.docstring = griffe.Docstring(
                " ".join(comment), lineno=index + 2, endlineno=attr.lineno - 1, parent=attr
            )
