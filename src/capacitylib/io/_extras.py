"""Lazy imports of optional extras with an error that names the install command."""

from __future__ import annotations

import importlib
from types import ModuleType

from capacitylib.errors import CapacitylibError


class MissingExtraError(CapacitylibError, ImportError):
    """An optional dependency is not installed; the message names the ``pip install`` command.

    >>> try:
    ...     require("no_such_module_here", extra="xlsx", package="openpyxl")
    ... except MissingExtraError as error:
    ...     print(error)
    openpyxl is needed for this; install it with pip install "capacitylib[xlsx]"
    """


def require(module: str, *, extra: str, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``capacitylib[extra]``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"{package or module} is needed for this; install it with "
            f'pip install "capacitylib[{extra}]"'
        ) from exc
