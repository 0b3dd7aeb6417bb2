"""The tutorial, the how-to guides and the charts page run as written.

Every ```pycon block of a page is a doctest; the blocks of one page run in order in one
namespace, as a reader would type them. ```python blocks are executed in the same namespace.
Pages run in a temporary directory, so files they write do not land in the repository.
"""

import doctest
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
PAGES = [
    "tutorial.md",
    "plots.md",
    "personal-data.md",
    "how-to/convert-currencies.md",
    "how-to/override-reference-tables.md",
    "how-to/property-tests.md",
    "how-to/see-what-is-wrong-with-a-dataset.md",
    "how-to/query-with-duckdb.md",
]
#: Pages that need a package outside capacitylib's extras: skipped when it is not installed.
NEEDS = {"how-to/query-with-duckdb.md": "duckdb"}
FENCE = re.compile(r"^```(pycon|python|console)\n(.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def blocks(page: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer((DOCS / page).read_text("utf-8"))]


@pytest.mark.parametrize("page", PAGES)
def test_page_code_runs(page, tmp_path, monkeypatch):
    """Every Python block of the page runs and every shown output is what the code prints."""
    if page in NEEDS:
        pytest.importorskip(NEEDS[page])
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


# Pages whose ```python blocks are each a complete script, to be saved and run with `python`
# (their code starts worker processes, which import the script: it must run as a file).
SCRIPT_PAGES = ["how-to/validate-with-dask.md"]

INVALID_LINES = ['{"id": "broken"', "{}", '{"id": "p", "title": {"en": "P"}, "colour": 1}']


def ndjson_partitions(folder: Path) -> list:
    """The seed programmes and a few invalid lines as two NDJSON files in ``folder/data``.

    Returns the outcomes of a single-process run over them, in file and line order.
    """
    import capacitylib
    from capacitylib.io import iter_ndjson, json_line

    lines = [json_line(p) for p in capacitylib.load_examples()]
    parts = [[*lines[:3], INVALID_LINES[0]], [*lines[3:], *INVALID_LINES[1:], ""]]
    (folder / "data").mkdir()
    paths = []
    for number, part in enumerate(parts):
        path = folder / "data" / f"part-{number}.ndjson"
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        paths.append(path)
    return [o for path in paths for o in iter_ndjson(path, name=f"data/{path.name}")]


def run_script(folder: Path, name: str, code: str):
    import subprocess
    import sys

    (folder / name).write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, name], cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("page", SCRIPT_PAGES)
def test_script_pages_name_their_guard(page):
    """Each script of the page keeps its work under the __main__ guard, as worker pools need."""
    scripts = [code for kind, code in blocks(page) if kind == "python"]
    assert scripts
    for code in scripts:
        assert code.rstrip().endswith('if __name__ == "__main__":\n    main()')


@pytest.mark.slow
def test_dask_how_to_scripts_run_as_scripts_in_worker_processes(tmp_path):
    """Both scripts of the Dask how-to, run with python, print what a single-process run finds."""
    from collections import Counter

    expected = ndjson_partitions(tmp_path)
    rejected = [o for o in expected if not o.valid]
    valid = len(expected) - len(rejected)
    counts = f"{len(expected)} records: {valid} valid, {len(rejected)} rejected"
    assert counts == "9 records: 6 valid, 3 rejected"
    dask_script, pool_script = [
        code for kind, code in blocks("how-to/validate-with-dask.md") if kind == "python"
    ]

    codes = Counter(p.code for o in rejected for p in o.problems)
    out = run_script(tmp_path, "validate_in_processes.py", pool_script)
    assert out == [counts, ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))]

    pytest.importorskip("dask.bag", reason="the Dask script needs capacitylib[dask]")
    out = run_script(tmp_path, "validate_partitions.py", dask_script)
    assert out == [counts, *(f"{o.where}: {o.problems[0].code}" for o in rejected)]
    import json

    written = [
        json.loads(line)
        for path in sorted((tmp_path / "rejects").glob("*.ndjson"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["input"] for r in written) == sorted(o.text for o in rejected)


IMAGE = re.compile(r"!\[[^\]]*\]\((images/[^)]+)\)")


@pytest.mark.slow
def test_every_chart_a_page_shows_is_in_the_repository_and_drawn_by_the_script(tmp_path):
    """The pages read right from the repository too: each chart they show is a committed file
    that scripts/render_plots.py draws (the docs build redraws them from the current code)."""
    pytest.importorskip("matplotlib")
    shown = {name for page in DOCS.rglob("*.md") for name in IMAGE.findall(page.read_text("utf-8"))}
    assert shown, "the pages show no chart: the pattern is wrong"
    missing = sorted(n for n in shown if not (DOCS / n).is_file())
    assert not missing, (
        f"charts shown but not committed (run python scripts/render_plots.py): {missing}"
    )
    spec = importlib.util.spec_from_file_location(
        "render_plots", ROOT / "scripts" / "render_plots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    drawn = {f"images/{path.name}" for path in module.render(tmp_path)}
    assert shown <= drawn, f"charts no script draws: {sorted(shown - drawn)}"
    committed = {f"images/{p.name}" for p in (DOCS / "images").glob("*.png")}
    assert committed <= drawn, (
        f"committed charts no page needs any more: {sorted(committed - drawn)}"
    )
