import importlib

import pytest

import capacitylib


def _ruff_sort_key(name: str) -> tuple[int, str]:
    # isort-style: CONSTANTS, then Classes, then functions (ruff RUF022).
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def test_all_is_sorted():
    assert capacitylib.__all__ == sorted(capacitylib.__all__, key=_ruff_sort_key)


def test_all_is_complete_and_every_name_exists():
    """Every public name is in __all__, and everything in __all__ can be imported."""
    public = {name for name in dir(capacitylib) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(capacitylib, name)).__name__ == "module"}
    assert public - modules <= set(capacitylib.__all__)
    for name in capacitylib.__all__:
        assert getattr(capacitylib, name) is not None


def test_rules_and_calculators_load_lazily(monkeypatch):
    """import capacitylib does not import the rules or calculators until they are used."""
    import subprocess
    import sys

    code = "import sys, capacitylib; print('capacitylib.rules' in sys.modules, 'capacitylib.calculators' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute"):
        _ = capacitylib.no_such_name  # type: ignore[attr-defined]


PUBLIC_PACKAGES = [
    "capacitylib",
    "capacitylib.calculators",
    "capacitylib.cli",
    "capacitylib.display",
    "capacitylib.io",
    "capacitylib.io.iati",
    "capacitylib.io.tables",
    "capacitylib.models",
    "capacitylib.parsing",
    "capacitylib.plots",
    "capacitylib.quality",
    "capacitylib.rules",
    "capacitylib.testing",
    "capacitylib.values",
]


@pytest.mark.parametrize("module", PUBLIC_PACKAGES)
def test_public_subpackages_have_sorted_complete_all(module):
    """As httpx checks: __all__ is sorted, names what exists, and misses no public name."""
    mod = importlib.import_module(module)
    assert mod.__all__ == sorted(mod.__all__, key=_ruff_sort_key)
    for name in mod.__all__:
        assert hasattr(mod, name), name
    # Every public name the package defines or re-exports (not its submodules, not typing
    # helpers it imported for annotations) is in __all__.
    stray = {
        name
        for name, value in vars(mod).items()
        if not name.startswith("_")
        and type(value).__name__ != "module"
        and getattr(value, "__module__", "").startswith("capacitylib")
        and name not in mod.__all__
    }
    assert not stray, f"{module} has public names missing from __all__: {sorted(stray)}"


def test_every_public_package_is_checked():
    """A new public package (a folder without a leading underscore) is added to the list."""
    from pathlib import Path

    root = Path(capacitylib.__file__).parent
    found = {"capacitylib"} | {
        "capacitylib." + ".".join(p.parent.relative_to(root).parts)
        for p in root.rglob("__init__.py")
        if not any(part.startswith("_") for part in p.parent.relative_to(root).parts)
        and p.parent != root
    }
    assert found == set(PUBLIC_PACKAGES)
