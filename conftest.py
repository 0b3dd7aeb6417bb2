"""Test set-up shared by tests/ and the doctests in src/.

Hypothesis profiles: ``ci`` (the default: derandomized, so every CI run tries the same examples)
and ``thorough`` for long local runs (``HYPOTHESIS_PROFILE=thorough``), which tries 20 times
the examples each test states. Charts draw off-screen and are closed after each test.
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
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

#: How many times more examples each property test tries under a profile. Tests state the count
#: that keeps the default run fast (``@settings(max_examples=60)``); the profile, not the test,
#: decides how far a run goes: ``HYPOTHESIS_PROFILE=thorough`` tries 20 times as many.
EXAMPLE_SCALE = {"ci": 1, "thorough": 20}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Scale every property test's own example count by the profile's factor."""
    scale = EXAMPLE_SCALE.get(PROFILE, 1)
    if scale == 1:
        return
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None and getattr(test, "is_hypothesis_test", False):
            test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                own, max_examples=own.max_examples * scale
            )


# Charts in tests and doctests draw into memory, never into a window.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every pyplot figure a test opened (pyplot warns past 20 open figures)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
