"""The tutorial, the how-to guides and the charts page run as written.

Every ```pycon block of a page is a doctest; the blocks of one page run in order in one
namespace, as a reader would type them. ```python blocks are executed in the same namespace.
Pages run in a temporary directory, so files they write do not land in the repository.
"""

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
PAGES = [
    "tutorial.md",
    "plots.md",
    "how-to/convert-currencies.md",
    "how-to/override-reference-tables.md",
    "how-to/property-tests.md",
]
FENCE = re.compile(r"^```(pycon|python|console)\n(.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def blocks(page: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer((DOCS / page).read_text("utf-8"))]


@pytest.mark.parametrize("page", PAGES)
def test_page_code_runs(page, tmp_path, monkeypatch):
    """Every Python block of the page runs and every shown output is what the code prints."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    found = blocks(page)
    assert any(kind == "pycon" for kind, _ in found), f"{page} has no runnable example"
    for number, (kind, code) in enumerate(found):
        if kind == "python":
            exec(compile(code, f"{page}[{number}]", "exec"), namespace)  # noqa: S102 - our docs
        elif kind == "pycon":
            test = parser.get_doctest(code, namespace, f"{page}[{number}]", page, 0)
            runner.run(test, clear_globs=False)
            namespace = test.globs  # DocTest copies its globals: carry them to the next block
    summary = runner.summarize(verbose=False)
    assert summary.failed == 0, f"{summary.failed} example(s) of {page} failed (see output above)"


@pytest.mark.parametrize("page", PAGES)
def test_console_blocks_are_install_or_known_commands(page):
    """Shell blocks only install the package or run its own command, so nothing shown is untested."""
    for kind, code in blocks(page):
        if kind != "console":
            continue
        for line in code.splitlines():
            if line.startswith("$ "):
                assert line.startswith(("$ python -m pip install", "$ capacitylib ")), line
