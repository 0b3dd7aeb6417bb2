"""Every public name has a one-sentence summary; classes and calculators have a runnable example.

The examples themselves run as doctests (``--doctest-modules`` over ``src``); this test makes
sure they exist. Constants and type aliases cannot carry a docstring: they need a ``#:`` comment
where they are defined, which the API reference shows.
"""

import importlib
import inspect
import re
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "capacitylib"
MODULES = [
    "capacitylib",
    "capacitylib.calculators",
    "capacitylib.rules",
    "capacitylib.parsing",
    "capacitylib.testing",
    "capacitylib.plots",
    "capacitylib.display",
]
#: Modules whose public functions are calculators or charts: each needs an example.
EXAMPLE_FUNCTIONS = {"capacitylib.calculators", "capacitylib.plots"}


def own_doc(obj) -> str:
    """The docstring written for ``obj`` itself (not inherited, not generated)."""
    if inspect.isclass(obj):
        return obj.__dict__.get("__doc__") or ""
    return getattr(obj, "__doc__", None) or ""


def is_documentable(obj) -> bool:
    return inspect.isclass(obj) or inspect.isfunction(obj)


def is_ours(obj) -> bool:
    return getattr(obj, "__module__", "capacitylib").startswith("capacitylib")


def public_names():
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            yield module_name, name, getattr(module, name)


def params(names):
    return [pytest.param(m, n, o, id=f"{m}.{n}") for m, n, o in names]


NAMES = list(public_names())
#: Classes and functions defined in capacitylib (pydantic's ValidationError is re-exported).
DOCUMENTED = [(m, n, o) for m, n, o in NAMES if is_documentable(o) and is_ours(o)]
#: Classes, calculators and charts: each needs an example.
WITH_EXAMPLE = [
    (m, n, o) for m, n, o in DOCUMENTED if (inspect.isclass(o) or m in EXAMPLE_FUNCTIONS)
]
#: Constants and type aliases (``Scope``, ``CONTEXT``, ``CATALOGUE``, ...).
CONSTANTS = [
    (m, n, o)
    for m, n, o in NAMES
    if not is_documentable(o) and not inspect.ismodule(o) and n != "__version__"
]


@pytest.mark.parametrize(("module", "name", "obj"), params(DOCUMENTED))
def test_public_name_has_a_one_sentence_summary(module, name, obj):
    """A class or function starts its docstring with one sentence ending in a full stop."""
    summary = inspect.cleandoc(own_doc(obj)).split("\n\n")[0].replace("\n", " ").strip()
    assert summary, f"{module}.{name} has no docstring"
    assert summary.endswith((".", ".)")), f"{module}.{name}: {summary!r} is not a sentence"


@pytest.mark.parametrize(("module", "name", "obj"), params(WITH_EXAMPLE))
def test_classes_and_calculators_have_an_example(module, name, obj):
    """Every public class, calculator and chart function shows a runnable ``>>>`` example."""
    assert ">>>" in own_doc(obj), f"{module}.{name} has no example"


def _definition_comment(name: str) -> list[str]:
    """The ``#:`` comment lines above the module-level definition of ``name`` in src."""
    pattern = re.compile(rf"^{re.escape(name)}(\s*:[^=]*)?\s*=")
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if pattern.match(line):
                comment = []
                j = i - 1
                while j >= 0 and lines[j].startswith("#:"):
                    comment.insert(0, lines[j])
                    j -= 1
                if comment:
                    return comment
    return []


@pytest.mark.parametrize(("module", "name", "obj"), params(CONSTANTS))
def test_constants_and_aliases_have_a_comment(module, name, obj):
    """A public constant or type alias is introduced by a ``#:`` comment where it is defined."""
    assert _definition_comment(name), f"{module}.{name} has no #: comment"
