"""The public names of capacitylib.calculators."""

from __future__ import annotations

import inspect

from capacitylib import calculators


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names every public object the package imports."""
    assert calculators.__all__ == sorted(calculators.__all__, key=lambda n: (not n.isupper(), n))
    public = {
        name
        for name, value in vars(calculators).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(calculators.__all__)


def test_every_public_function_documents_itself() -> None:
    """Every public function and class has a docstring; functions carry a worked example."""
    for name in calculators.__all__:
        value = getattr(calculators, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            assert value.__doc__, name
        if inspect.isfunction(value):
            assert ">>>" in (value.__doc__ or ""), name
