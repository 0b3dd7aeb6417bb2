"""The parsing docs stay true to the code: the glossary page is generated and current."""

from __future__ import annotations

import doctest
import importlib.util
from pathlib import Path
from types import ModuleType

from capacitylib.parsing import __all__ as public_names
from capacitylib.parsing.terms import GLOSSARY_FILE, UNITS_FILE, entries

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_glossary", ROOT / "scripts" / "render_glossary.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_glossary_page_is_current() -> None:
    """docs/glossary.md is what scripts/render_glossary.py writes from the data files."""
    page = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert page == _script().render(), "run: python scripts/render_glossary.py"


def test_glossary_page_lists_every_row() -> None:
    """Every form of every glossary and unit row appears in its code's row of the page."""
    lines = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines()
    for entry in entries(GLOSSARY_FILE) + entries(UNITS_FILE):
        section = lines.index(f"### {entry.codelist.__name__}")
        rows = lines[section : lines.index("", section + 2)]
        row = next(line for line in rows if line.startswith(f"| `{entry.code.value}` |"))
        assert entry.term in row


def test_parsing_page_names_every_public_name() -> None:
    """docs/parsing.md mentions every name capacitylib.parsing exports."""
    page = (ROOT / "docs" / "parsing.md").read_text(encoding="utf-8")
    assert [name for name in public_names if f"`{name}" not in page] == []


def test_parsing_page_examples_run() -> None:
    """Every example in docs/parsing.md gives the output shown."""
    failures, tried = doctest.testfile(
        str(ROOT / "docs" / "parsing.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 20
    assert failures == 0
