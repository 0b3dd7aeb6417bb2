"""The documentation site's own machinery: docstring examples as code, ``#:`` comments."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
pytest.importorskip("mkdocs")


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doctest_lines_become_a_pycon_fence():
    """A run of prompt lines and its output becomes one fenced pycon block; the text stays."""
    hooks = load("hooks")
    lines = ["Text.", ">>> 1 + 1", "2", "", "More text."]
    assert hooks.DoctestBlocks(None).run(lines) == [
        "Text.",
        "",
        "```pycon",
        ">>> 1 + 1",
        "2",
        "```",
        "",
        "",
        "More text.",
    ]


def test_fenced_examples_are_left_alone():
    """Examples already inside a fence (the tutorial's pycon blocks) are not fenced twice."""
    hooks = load("hooks")
    lines = ["```pycon", ">>> 1 + 1", "2", "```"]
    assert hooks.DoctestBlocks(None).run(lines) == lines


def test_hash_colon_comments_become_docstrings():
    """The griffe extension gives a constant the #: comment above it as its docstring."""
    griffe = pytest.importorskip("griffe")
    extension = load("griffe_comments").CommentDocstrings()
    module = griffe.load(
        "capacitylib.calculators.budget",
        search_paths=[ROOT / "src"],
        extensions=griffe.load_extensions(extension),
    )
    docstring = module["FIXED_EURO_RATES"].docstring
    assert docstring is not None
    assert docstring.value.startswith("The fixed euro conversion rates of the litas and the lats")


def test_sphinx_roles_become_code_spans_on_the_site():
    """No raw :func: or :class: reaches a page; the docstrings themselves keep them for IDEs."""
    griffe = pytest.importorskip("griffe")
    comments = load("griffe_comments")
    assert comments.plain_roles(
        "See :func:`~capacitylib.io.convert` and :class:`capacitylib.Programme`."
    ) == ("See `convert` and `capacitylib.Programme`.")
    package = griffe.load(
        "capacitylib",
        search_paths=[ROOT / "src"],
        extensions=griffe.load_extensions(comments.CommentDocstrings(), comments.SphinxRoles()),
        resolve_aliases=False,
    )
    leaks = []

    def walk(obj):
        for member in obj.members.values():
            if member.is_alias:
                continue
            if member.docstring is not None and comments._ROLE.search(member.docstring.value):
                leaks.append(member.path)
            if member.is_module or member.is_class:
                walk(member)

    walk(package)
    assert not leaks, leaks[:10]
