"""Test set-up shared by tests/ and the doctests in src/.

Hypothesis profiles: ``ci`` (the default: derandomized, so every CI run tries the same examples)
and ``thorough`` for long local runs (``pytest --hypothesis-profile=thorough`` or
``HYPOTHESIS_PROFILE=thorough``). Charts draw off-screen and are closed after each test.
"""

import os
import sys
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile(
    "thorough",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Charts in tests and doctests draw into memory, never into a window.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every pyplot figure a test opened (pyplot warns past 20 open figures)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
