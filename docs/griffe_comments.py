"""Griffe extensions: ``#:`` comments become docstrings; Sphinx roles become code spans.

capacitylib documents constants and type aliases (``FIXED_EURO_RATES``, ``Scope``) with
Sphinx-style ``#:`` comments; griffe reads only string literals after an assignment. Loaded by
mkdocstrings (``extensions:`` in ``mkdocs.yml``), so the API reference shows those comments.
"""

from __future__ import annotations

import re
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


# A Sphinx role such as :func:`~capacitylib.io.convert` or :class:`Programme`, which markdown
# does not know: shown as the name in code, the short form when the target starts with "~".
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")


def plain_roles(text: str) -> str:
    """``text`` with every Sphinx role written as a code span (``~a.b.c`` as ``c``)."""

    def code(match: re.Match[str]) -> str:
        short, target = match.groups()
        return f"`{target.rsplit('.', 1)[-1] if short else target}`"

    return _ROLE.sub(code, text)


class SphinxRoles(griffe.Extension):
    """Docstrings keep their Sphinx roles for IDEs; the site shows them as code, not raw text.

    Runs once the package is loaded, so docstrings made from ``#:`` comments are rewritten too.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the roles of every docstring in the package."""
        _rewrite_roles(pkg)


def _rewrite_roles(obj: griffe.Object) -> None:
    if obj.docstring is not None:
        obj.docstring.value = plain_roles(obj.docstring.value)
    for member in obj.members.values():
        if not member.is_alias:
            _rewrite_roles(member)


class PydanticFieldsOnly(griffe.Extension):
    """After griffe-pydantic: operator aliases (``__radd__ = __add__``) are not model fields."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Drop the ``pydantic-field`` label from attributes that have no annotation."""
        _unlabel(pkg)


def _unlabel(obj: griffe.Object) -> None:
    for member in obj.members.values():
        if member.is_alias:
            continue
        if member.is_attribute and member.annotation is None:
            member.labels.discard("pydantic-field")
        if member.is_module or member.is_class:
            _unlabel(member)
