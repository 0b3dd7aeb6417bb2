import json
import subprocess
import sys
from pathlib import Path

import capacitylib

EXAMPLES = str(Path(capacitylib.example_paths()[0]).parent)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "capacitylib", *args],
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


def test_validate_prints_findings_beside_errors():
    """The pilot's stated '6 months' is reported as a warning; warnings keep a record valid."""
    result = run("validate", EXAMPLES)
    assert "warning activities[0].stated_duration" in result.stdout
    assert "[duration_differs_from_stated]" in result.stdout
    assert result.returncode == 0


def test_report_json_has_the_documented_keys_and_seed_figures():
    result = run("report", "--format", "json", "--as-of", "2024-06-30", EXAMPLES)
    assert result.returncode == 0, result.stderr
    reports = {r["code"]: r for r in json.loads(result.stdout)}
    cz = reports["CZ.03.2.63/0.0/0.0/15_023/0001478"]
    assert {"code", "currency", "duration", "budget", "activities", "reach", "indicators"} <= set(
        cz
    )
    assert cz["duration"]["days"] == {"min": 485, "max": 485}
    assert cz["duration"]["calendar"] == {"years": 1, "months": 4, "days": 0}
    assert cz["activities"]["supervision_team"]["clock_hours"] == {"min": 228, "max": 342}
    lt = reports["07-003-P-0001"]
    assert lt["budget"]["total"] == "43940212.00"
    assert lt["duration"]["days"] == {"min": 1485, "max": 1485}


def test_report_text_is_a_readable_summary():
    result = run("report", EXAMPLES)
    assert result.returncode == 0
    assert "485 days (1 year 4 months 0 days)" in result.stdout


def test_report_skips_invalid_documents_with_their_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: p\ntitle: {en: x}\ncolour: red\n")
    result = run("report", str(bad))
    assert result.returncode == 1
    assert "colour" in result.stderr


def test_bad_as_of_date_is_a_usage_error():
    result = run("report", "--as-of", "31.12.2024", EXAMPLES)
    assert result.returncode == 2
    assert "not an ISO date" in result.stderr
