import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_format_reference_is_current():
    """docs/format.md is what the models generate now (python scripts/render_format_doc.py)."""
    rendered = load_script("render_format_doc").render()
    assert (ROOT / "docs" / "format.md").read_text(encoding="utf-8") == rendered


def test_readme_quick_start_is_exactly_what_ci_runs():
    """The README's test command is the one .ci/run executes."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\$ (.+)$", readme, flags=re.MULTILINE)
    assert len(commands) >= 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_readme_python_example_runs(monkeypatch, capsys):
    """The README's Python example runs and prints what its comments say."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), "README.md", "exec"), {})  # noqa: S102 - our own README
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["485", "228-342 h", "periods[0] period_end_before_start"]


def test_tables_reference_is_current():
    """docs/tables.md is what the column definitions generate now (scripts/render_tables_doc.py)."""
    rendered = load_script("render_tables_doc").render()
    assert (ROOT / "docs" / "tables.md").read_text(encoding="utf-8") == rendered


def test_cli_reference_names_every_command_and_option():
    """docs/cli.md documents every command and every option the parser accepts."""
    from capacitylib.cli import build_parser

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert f"## {name}" in text, name
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in text, (name, option)


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def example_stream(folder: Path, name: str, extra: list[str]) -> None:
    import capacitylib
    from capacitylib.io import json_line

    lines = [json_line(p) for p in capacitylib.load_examples()] + extra
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_pipeline_how_to_runs(tmp_path, monkeypatch, capsys):
    """The Python of docs/how-to/validate-a-pipeline-stream.md splits a stream, losing nothing."""
    example_stream(tmp_path, "incoming.ndjson", ["{}", "not json"])
    monkeypatch.chdir(tmp_path)
    for block in python_blocks(ROOT / "docs" / "how-to" / "validate-a-pipeline-stream.md"):
        exec(compile(block, "validate-a-pipeline-stream.md", "exec"), {})  # noqa: S102 - our docs
    assert "8 records: 6 valid, 2 rejected" in capsys.readouterr().out
    assert len((tmp_path / "good.ndjson").read_text(encoding="utf-8").splitlines()) == 6


def test_tables_reference_example_runs(tmp_path, monkeypatch):
    pytest.importorskip("openpyxl")
    pytest.importorskip("pandas")
    monkeypatch.chdir(tmp_path)
    for block in python_blocks(ROOT / "docs" / "tables.md"):
        exec(compile(block, "tables.md", "exec"), {})  # noqa: S102 - our docs
    assert (tmp_path / "tables.xlsx").exists()


def test_readme_main_job_validates_and_reports_the_examples():
    """The README's first command runs the validate and report commands on the examples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"^\$ (.+)$", readme, flags=re.MULTILINE)[0]
    assert "capacitylib validate examples/programmes" in first
    assert "capacitylib report examples/programmes" in first


def test_readme_links_work_on_the_package_index_and_in_the_repository():
    """Every README link is absolute (PyPI shows the README without the repository) and the
    repository file it names exists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", readme)
    assert links
    base = "https://github.com/capacitylib/capacitylib/blob/main/"
    for link in links:
        assert link.startswith(("https://", "http://")), link
        if link.startswith(base):
            assert (ROOT / link.removeprefix(base)).exists(), link
