"""Public names that load their module on first use, so that ``import capacitylib`` stays cheap."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(module_name: str, names: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``names[name]`` on first access and caches it.

    >>> getattr_ = lazy_attributes("capacitylib", {"check": "capacitylib.rules"})
    >>> getattr_("check").__name__
    'check'
    """

    def module_getattr(name: str) -> Any:
        if name in names:
            value = getattr(importlib.import_module(names[name]), name)
            setattr(sys.modules[module_name], name, value)
            return value
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")

    return module_getattr
