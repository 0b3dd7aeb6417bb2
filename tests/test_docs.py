import importlib.util
import re
from pathlib import Path

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
