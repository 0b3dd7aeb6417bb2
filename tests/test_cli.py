import json
import subprocess
import sys
from pathlib import Path

import capacitylib

EXAMPLES = str(Path(capacitylib.example_paths()[0]).parent)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "capacitylib.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
    )


def test_validate_examples_prints_a_line_per_programme_and_exits_0():
    result = run("validate", EXAMPLES)
    assert result.returncode == 0, result.stderr
    ok_lines = [line for line in result.stdout.splitlines() if line.startswith("OK")]
    assert len(ok_lines) == 6
    assert "6 record(s): 6 valid, 0 invalid" in result.stdout


def test_invalid_document_exits_1_with_path_code_and_value(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: p\ntitle: {en: x}\nperiods:\n  - {start: 2019-10-31, end: 2019-05-16}\n")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "periods[0]" in result.stdout and "[period_end_before_start]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_unreadable_input_exits_2_without_traceback(tmp_path):
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "no such file" in result.stdout
    assert "Traceback" not in result.stderr


def test_json_output_lists_every_record():
    result = run("validate", "--format", "json", EXAMPLES)
    records = json.loads(result.stdout)
    assert len(records) == 6 and all(r["valid"] for r in records)


def test_stdin_json_is_validated():
    result = run("validate", "-", stdin='{"id": "p", "title": {"en": "x"}, "colour": 1}')
    assert result.returncode == 1
    assert "colour" in result.stdout and "field_unknown" in result.stdout


def test_usage_error_exits_2():
    assert run("validate").returncode == 2
    assert run("frobnicate").returncode == 2


def test_help_of_every_command_has_an_example():
    for command in ("validate", "schema"):
        result = run(command, "--help")
        assert result.returncode == 0 and "example" in result.stdout


def test_schema_command_prints_the_shipped_schema():
    result = run("schema")
    assert json.loads(result.stdout)["title"] == "Programme"
