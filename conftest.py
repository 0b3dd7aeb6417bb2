"""Test set-up shared by tests/ and the doctests in src/: charts draw off-screen and are closed."""

import os
import sys
from collections.abc import Iterator

import pytest

# Charts in tests and doctests draw into memory, never into a window.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every pyplot figure a test opened (pyplot warns past 20 open figures)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
