"""Extensions: each declared namespace is listed as info, never interpreted.

An unknown field is a structural error; a field under ``extensions`` is declared as a funder's
or a tool's, and ``validate`` lists where each namespace is used so that nothing passes unseen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from capacitylib.errors import Loc
from capacitylib.models import Programme
from capacitylib.rules._context import Context, Findings, finding


def _extended(programme: Programme) -> Iterator[tuple[Loc, dict[str, Any]]]:
    yield (), programme.extensions
    for i, org in enumerate(programme.organisations):
        yield ("organisations", i), org.extensions
    for i, activity in enumerate(programme.activities):
        yield ("activities", i), activity.extensions
    for i, indicator in enumerate(programme.indicators):
        yield ("indicators", i), indicator.extensions


def check_extensions(programme: Programme, ctx: Context) -> Findings:
    """Findings ``extension_present`` of one programme: one per namespace used."""
    for loc, extensions in _extended(programme):
        for namespace in extensions:
            yield finding(
                "extension_present",
                (*loc, "extensions", namespace),
                f"'extensions.{namespace}' is kept as stated and not checked",
                value=namespace,
                namespace=namespace,
            )
