"""The capacitylib command, end to end in subprocesses."""

import base64
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import capacitylib
from capacitylib.io.records import json_line

EXAMPLES_DIR = str(Path(capacitylib.example_paths()[0]).parent)
EXAMPLES = capacitylib.load_examples()
LINES = [json_line(p) for p in EXAMPLES]
COMMANDS = ("validate", "convert", "report", "schema")


def run(
    *args: str, stdin: str | bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "capacitylib", *args],
        capture_output=True,
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        check=False,
        cwd=cwd,
    )
    out = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )
    assert "Traceback" not in out.stdout + out.stderr, out.stderr
    return out


# --- validate -----------------------------------------------------------------------------------


def test_validate_examples_prints_a_line_per_programme_and_exits_0():
    result = run("validate", EXAMPLES_DIR)
    assert result.returncode == 0, result.stderr
    ok_lines = [line for line in result.stdout.splitlines() if line.startswith("OK")]
    assert len(ok_lines) == 6
    assert result.stdout.rstrip().endswith("6 records: 6 valid, 0 rejected")


def test_invalid_document_exits_1_with_path_code_and_value(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: p\ntitle: {en: x}\nperiods:\n  - {start: 2019-10-31, end: 2019-05-16}\n")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "periods[0]" in result.stdout and "[period_end_before_start]" in result.stdout


def test_missing_path_exits_2(tmp_path):
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "no such file" in result.stdout


def test_usage_errors_exit_2():
    assert run("validate").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("convert", "only-one").returncode == 2


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_has_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0 and "example" in result.stdout
    assert f"capacitylib {command}" in result.stdout


def test_schema_command_prints_the_shipped_schema():
    result = run("schema")
    assert json.loads(result.stdout)["title"] == "Programme"


def test_stream_splits_into_valid_and_rejected_and_loses_nothing(tmp_path):
    """Every good line reaches --valid-out, every bad line --rejects-out verbatim."""
    bad_lines = {
        3: '{"id": "x"',
        5: '{"id": "y", "title": {"en": "t"}, "colour": 1}',
        6: "not json at all",
        9: '{"id": "z", "title": {"en": "t"}, "budget": {"total": {"amount": "-1", "currency": "EUR"}}}',
    }
    good_lines = {1: LINES[0], 2: LINES[1], 7: LINES[2], 8: LINES[3], 10: LINES[4], 11: LINES[5]}
    stream = [""] * 11
    for number, line in {**bad_lines, **good_lines}.items():
        stream[number - 1] = line
    stream[3] = ""  # line 4 is blank: skipped, not a record
    source = tmp_path / "in.ndjson"
    source.write_text("\n".join(stream) + "\n", encoding="utf-8")
    result = run(
        "validate",
        "--quiet",
        "--valid-out",
        str(tmp_path / "v.ndjson"),
        "--rejects-out",
        str(tmp_path / "r.ndjson"),
        str(source),
    )
    assert result.returncode == 1
    assert result.stdout.rstrip().endswith("10 records: 6 valid, 4 rejected")
    assert not any(line.startswith("OK") for line in result.stdout.splitlines())
    valid = (tmp_path / "v.ndjson").read_text(encoding="utf-8").splitlines()
    rejects = [
        json.loads(x) for x in (tmp_path / "r.ndjson").read_text(encoding="utf-8").splitlines()
    ]
    assert len(valid) + len(rejects) == 10
    assert valid == [good_lines[n] for n in sorted(good_lines)]
    assert {r["line"]: r["input"] for r in rejects} == bad_lines
    assert all(r["source"] == str(source) and r["problems"] for r in rejects)
    codes = {r["line"]: r["problems"][0]["code"] for r in rejects}
    assert codes == {3: "json_invalid", 5: "field_unknown", 6: "json_invalid", 9: "money_negative"}


def test_json_format_writes_one_outcome_per_line_and_the_count_to_stderr(tmp_path):
    source = tmp_path / "in.ndjson"
    source.write_text("\n".join([LINES[0], "{}", LINES[1]]) + "\n", encoding="utf-8")
    result = run("validate", "--format", "json", str(source))
    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["line"], o["valid"]) for o in outcomes] == [(1, True), (2, False), (3, True)]
    assert outcomes[1]["problems"][0]["code"] == "field_required"
    assert "3 records: 2 valid, 1 rejected" in result.stderr
    assert result.returncode == 1


def test_truncated_stream_rejects_its_last_line(tmp_path):
    source = tmp_path / "cut.ndjson"
    data = "\n".join(LINES) + "\n"
    source.write_text(data[: len(data) - 500], encoding="utf-8")
    result = run("validate", "-q", str(source))
    assert result.returncode == 1
    assert "cut.ndjson:6" in result.stdout and "json_invalid" in result.stdout
    assert "6 records: 5 valid, 1 rejected" in result.stdout


def test_a_legacy_encoded_stream_line_is_a_rejected_record(tmp_path):
    path = tmp_path / "latin.ndjson"
    good = json.dumps({"id": "q", "title": {"en": "Q"}})
    path.write_bytes(
        '{"id": "p", "title": {"lt": "Šeima"}}\n'.encode("cp1257") + good.encode() + b"\n"
    )
    result = run("validate", str(path), "--rejects-out", str(tmp_path / "bad.ndjson"))
    assert result.returncode == 1
    assert "latin.ndjson:1" in result.stdout and "record_not_utf8" in result.stdout
    assert "2 records: 1 valid, 1 rejected" in result.stdout
    [reject] = [json.loads(x) for x in (tmp_path / "bad.ndjson").read_text().splitlines()]
    assert base64.b64decode(reject["input_base64"]) == path.read_bytes().split(b"\n")[0]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_legacy_encoding_is_a_clear_error_naming_the_file(tmp_path, suffix):
    path = tmp_path / f"latin{suffix}"
    text = (
        '{"id": "p", "title": {"lt": "Šeima"}}\n'
        if suffix != ".yaml"
        else "id: p\ntitle: {lt: Šeima}\n"
    )
    path.write_bytes(text.encode("cp1257"))
    result = run("validate", str(path))
    assert result.returncode == 2
    assert f"latin{suffix}" in result.stdout and "not UTF-8 text" in result.stdout
    assert "could not be read" in result.stdout


def test_empty_document_is_rejected_and_empty_stream_warned(tmp_path):
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "empty.ndjson").write_text("")
    result = run("validate", str(tmp_path / "empty.yaml"))
    assert result.returncode == 1 and "record_empty" in result.stdout
    result = run("validate", str(tmp_path / "empty.ndjson"))
    assert result.returncode == 0
    assert "empty.ndjson holds no records" in result.stderr
    assert "0 records: 0 valid, 0 rejected" in result.stdout


def test_yaml_syntax_error_names_the_line(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: p\ntitle: {en: x}\nnote: [unclosed\n")
    result = run("validate", str(tmp_path / "bad.yaml"))
    assert result.returncode == 1
    assert "line 4 column 1: not valid YAML" in result.stdout and "yaml_invalid" in result.stdout


def test_csv_table_missing_a_column_names_table_and_column(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "programmes.csv").write_text("programme_id,title_en\np,P\n")
    (tmp_path / "t" / "activities.csv").write_text("programme_id,activity_id\np,a\n")
    result = run("validate", str(tmp_path / "t"))
    assert result.returncode == 2
    assert "activities, column kind: table activities has no column kind" in result.stdout


def test_xlsx_with_merged_header_cells_is_a_clear_error(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "programmes"
    sheet.append(["programme_id", "title_en", "title_lt"])
    sheet.append(["p", "P", "P"])
    sheet.merge_cells("B1:C1")
    book.save(tmp_path / "m.xlsx")
    result = run("validate", str(tmp_path / "m.xlsx"))
    assert result.returncode == 2
    assert "cells B1:C1 are merged" in result.stdout


def test_bad_cells_of_a_workbook_are_listed_by_sheet_row_and_column(tmp_path):
    pytest.importorskip("openpyxl")
    run("convert", EXAMPLES_DIR + "/cz-up-msk-supervision.json", str(tmp_path / "t.xlsx"))
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book["activities"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("kind") + 1).value = "facilitation"
    book.save(tmp_path / "t.xlsx")
    result = run("validate", str(tmp_path / "t.xlsx"))
    assert result.returncode == 1
    assert "activities row 3, column kind (activities[1].kind)" in result.stdout


def test_stdin_takes_a_document_or_a_stream():
    result = run("validate", "-", stdin='{"id": "p", "title": {"en": "x"}, "colour": 1}')
    assert result.returncode == 1
    assert "colour" in result.stdout and "field_unknown" in result.stdout
    result = run("validate", "-q", "-", stdin="\n".join([LINES[0], "{}", LINES[1]]))
    assert result.returncode == 1 and "<stdin>:2" in result.stdout
    assert "3 records: 2 valid, 1 rejected" in result.stdout


def test_output_file_that_cannot_be_written_exits_2(tmp_path):
    result = run("validate", "--valid-out", str(tmp_path / "no" / "v.ndjson"), EXAMPLES_DIR)
    assert result.returncode == 2 and "cannot write" in result.stderr


def test_no_progress_counter_when_piped(tmp_path):
    result = run("validate", "-q", EXAMPLES_DIR)
    assert "\r" not in result.stderr and "records," not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_counter_on_a_terminal(tmp_path):
    """On a terminal stderr shows a live record counter, cleared at the end."""
    import pty

    source = tmp_path / "many.ndjson"
    source.write_text("\n".join(LINES * 50) + "\n", encoding="utf-8")
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "capacitylib", "validate", "-q", str(source)],
        stdout=subprocess.PIPE,
        stderr=terminal,
    ) as process:
        os.close(terminal)
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            seen += chunk
        os.close(controller)
        assert process.stdout is not None
        stdout = process.stdout.read()
    assert process.returncode == 0
    assert b"record, 0 rejected" in seen and b"\r" in seen and b"\x1b[K" in seen
    assert "300 records: 300 valid, 0 rejected" in stdout.decode()


def test_piping_into_head_stops_quietly(tmp_path):
    source = tmp_path / "big.ndjson"
    source.write_text("\n".join(LINES * 200) + "\n", encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "capacitylib", "validate", "--format", "json", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
    assert b"Traceback" not in errors and b"Exception ignored" not in errors


# --- convert ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_convert_between_every_format_end_to_end(tmp_path):
    pytest.importorskip("openpyxl")
    pytest.importorskip("pyarrow")
    run("validate", "--valid-out", str(tmp_path / "all.ndjson"), EXAMPLES_DIR)
    chain = ["all.ndjson", "t.xlsx", "t.parquet", "t.csv", "back.jsonl"]
    for source, target in itertools.pairwise(chain):
        result = run("convert", str(tmp_path / source), str(tmp_path / target))
        assert result.returncode == 0, result.stderr
        assert "6 programmes written" in result.stderr
    assert (tmp_path / "back.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "all.ndjson"
    ).read_text(encoding="utf-8")
    result = run("convert", str(tmp_path / "t.csv"), "-", "--to", "ndjson")
    assert result.stdout == (tmp_path / "all.ndjson").read_text(encoding="utf-8")


def test_convert_refuses_invalid_input_and_writes_nothing(tmp_path):
    (tmp_path / "in.ndjson").write_text(LINES[0] + "\n{}\n", encoding="utf-8")
    result = run("convert", str(tmp_path / "in.ndjson"), str(tmp_path / "out.xlsx"))
    assert result.returncode == 1
    assert "in.ndjson:2" in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_convert_usage_errors_exit_2(tmp_path):
    result = run("convert", EXAMPLES_DIR + "/cz-up-msk-supervision.json", str(tmp_path / "x.txt"))
    assert result.returncode == 2 and "cannot tell the format" in result.stderr
    result = run("convert", str(tmp_path / "missing.ndjson"), str(tmp_path / "x.json"))
    assert result.returncode == 2 and "no such file" in result.stderr


# --- report -------------------------------------------------------------------------------------


def test_validate_prints_findings_beside_errors():
    """The pilot's stated '6 months' is reported as a warning; warnings keep a record valid."""
    result = run("validate", EXAMPLES_DIR)
    assert result.returncode == 0, result.stdout
    assert "warning activities[0].stated_duration" in result.stdout
    assert "[duration_differs_from_stated]" in result.stdout
    quiet = run("validate", "--no-check", EXAMPLES_DIR)
    assert "duration_differs_from_stated" not in quiet.stdout


def test_error_level_findings_reject_a_record(tmp_path):
    """An activity dated outside its programme's period is an error finding: the record fails."""
    doc = tmp_path / "p.yaml"
    doc.write_text(
        "id: p\ntitle: {en: x}\nperiods: [{start: 2019-01-01, end: 2019-12-31}]\n"
        "activities: [{id: a, kind: seminar, dates: ['2021-03-30']}]\n"
    )
    result = run("validate", "--as-of", "2024-01-01", str(doc))
    assert result.returncode == 1
    assert "activity_outside_programme_period" in result.stdout


def test_report_json_is_an_array_with_the_documented_keys_and_seed_figures():
    result = run("report", "--format", "json", "--as-of", "2024-06-30", EXAMPLES_DIR)
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


def test_report_json_of_nothing_is_an_empty_array(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: p\ntitle: {en: x}\ncolour: red\n")
    result = run("report", "--format", "json", str(bad))
    assert result.returncode == 1
    assert json.loads(result.stdout) == []
    assert "colour" in result.stderr


def test_report_text_is_a_readable_summary():
    result = run("report", EXAMPLES_DIR)
    assert result.returncode == 0
    assert "485 days (1 year 4 months 0 days)" in result.stdout


def test_bad_as_of_date_is_a_usage_error():
    for command in ("report", "validate"):
        result = run(command, "--as-of", "31.12.2024", EXAMPLES_DIR)
        assert result.returncode == 2
        assert "--as-of must be a date" in result.stderr


def test_personal_data_is_a_warning_or_with_the_flag_a_rejection(tmp_path):
    from capacitylib.rules.personal_data import lt_ee_check_digit

    code = "3870318174"
    code += str(lt_ee_check_digit(code))
    doc = {"id": "p", "title": {"en": "Supervision"}, "note": f"Client {code} attended"}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    warned = run("validate", str(path))
    assert warned.returncode == 0 and "personal_data_national_id" in warned.stdout
    assert code not in warned.stdout
    failed = run("validate", "--fail-on-personal-data", str(path))
    assert failed.returncode == 1
    assert "error   note" in failed.stdout and "personal_data_national_id" in failed.stdout


def test_convert_csv_neutralises_formulas_unless_raw(tmp_path):
    doc = {"id": "p", "title": {"en": '=HYPERLINK("http://x","y")'}}
    source = tmp_path / "p.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    assert run("convert", str(source), str(tmp_path / "safe")).returncode == 0
    assert run("convert", "--csv-raw", str(source), str(tmp_path / "raw")).returncode == 0
    safe = (tmp_path / "safe" / "programmes.csv").read_text(encoding="utf-8")
    raw = (tmp_path / "raw" / "programmes.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in safe and "'=HYPERLINK" not in raw and "=HYPERLINK" in raw
    for folder in ("safe", "raw"):
        back = run("convert", str(tmp_path / folder), str(tmp_path / f"{folder}.json"))
        assert back.returncode == 0
        assert json.loads((tmp_path / f"{folder}.json").read_text())["title"] == doc["title"]


def test_upgrade_rewrites_a_1_0_document_as_the_current_format(tmp_path):
    old = Path(__file__).parent / "models" / "format_1_0" / "cz-up-msk-supervision.yaml"
    assert 'schema_version: "1.0"' in old.read_text(encoding="utf-8")
    out = tmp_path / "new.json"
    result = run("upgrade", str(old), str(out))
    assert result.returncode == 0, result.stderr
    upgraded = json.loads(out.read_text(encoding="utf-8"))
    assert upgraded["schema_version"] == capacitylib.SCHEMA_VERSION
    assert capacitylib.to_document(capacitylib.load(out)) == capacitylib.to_document(
        capacitylib.load(old)
    )
    to_stdout = run("upgrade", str(old))
    assert to_stdout.stdout.startswith(f"schema_version: '{capacitylib.SCHEMA_VERSION}'")
    refused = run("upgrade", str(old), str(old))
    assert refused.returncode == 2 and "is the input" in refused.stderr


def test_progress_bar_only_on_a_terminal_and_only_when_wanted(monkeypatch):
    import io as _io

    from capacitylib.cli._common import progress_bar

    class Terminal(_io.StringIO):
        def isatty(self):
            return True

    assert progress_bar(True) is None  # pytest's stderr is not a terminal
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert progress_bar(False) is None
    pytest.importorskip("tqdm")
    bar = progress_bar(True)
    assert bar is not None
    bar.update()
    assert bar.n == 1
    bar.close()
    assert "records" in terminal.getvalue()  # drawn on the terminal, cleared when done
