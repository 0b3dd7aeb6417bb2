"""Nothing lost on the command line: outputs never overwrite inputs and appear whole or not at all."""

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import capacitylib
from capacitylib import cli
from capacitylib.io import _atomic
from capacitylib.io.records import json_line
from tests.test_cli import run

EXAMPLES = capacitylib.load_examples()
LINES = [json_line(p) for p in EXAMPLES]
BAD = '{"id": "x"}'


def stream(tmp_path, name="data.ndjson", lines=None):
    path = tmp_path / name
    path.write_text("\n".join([*(lines or [*LINES, BAD])]) + "\n", encoding="utf-8")
    return path


def stray_files(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".cl-tmp"))


# --- an output that is an input -----------------------------------------------------------------


@pytest.mark.parametrize("option", ["--valid-out", "--rejects-out"])
def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path, option):
    data = stream(tmp_path)
    before = data.read_bytes()
    result = run("validate", str(data), option, str(data))
    assert result.returncode == 2
    assert f"{option} {data} is the input" in result.stderr
    assert data.read_bytes() == before


def test_an_output_reached_through_a_symlink_or_hard_link_is_refused(tmp_path):
    data = stream(tmp_path)
    before = data.read_bytes()
    (tmp_path / "link.ndjson").symlink_to(data)
    os.link(data, tmp_path / "hard.ndjson")
    for alias in ("link.ndjson", "hard.ndjson", f"../{tmp_path.name}/data.ndjson"):
        result = run("validate", str(data), "--valid-out", str(tmp_path / alias))
        assert result.returncode == 2, alias
        assert "is the input" in result.stderr
    assert data.read_bytes() == before


def test_an_output_inside_an_input_folder_that_is_read_is_refused(tmp_path):
    (tmp_path / "in").mkdir()
    stream(tmp_path / "in", "a.ndjson")
    target = tmp_path / "in" / "a.ndjson"
    before = target.read_bytes()
    result = run("validate", str(tmp_path / "in"), "--rejects-out", str(target))
    assert result.returncode == 2 and "is the input" in result.stderr
    assert target.read_bytes() == before


def test_both_outputs_naming_one_file_are_refused(tmp_path):
    data = stream(tmp_path)
    out = tmp_path / "out.ndjson"
    out.write_text("earlier\n")
    result = run("validate", str(data), "--valid-out", str(out), "--rejects-out", str(out))
    assert result.returncode == 2 and "also --valid-out's output" in result.stderr
    assert out.read_text() == "earlier\n"


def test_convert_onto_its_own_input_is_refused(tmp_path):
    data = stream(tmp_path, lines=LINES)
    before = data.read_bytes()
    result = run("convert", str(data), str(data))
    assert result.returncode == 2 and "OUT" in result.stderr and "is the input" in result.stderr
    assert data.read_bytes() == before


def test_outputs_are_not_replaced_when_an_input_cannot_be_read(tmp_path):
    data = stream(tmp_path)
    good, bad = tmp_path / "good.ndjson", tmp_path / "bad.ndjson"
    good.write_text("earlier good\n")
    bad.write_text("earlier bad\n")
    result = run(
        "validate",
        str(data),
        str(tmp_path / "missing.ndjson"),
        "--valid-out",
        str(good),
        "--rejects-out",
        str(bad),
    )
    assert result.returncode == 2 and "not written" in result.stderr
    assert good.read_text() == "earlier good\n" and bad.read_text() == "earlier bad\n"
    assert stray_files(tmp_path) == []


def test_outputs_split_a_stream_exactly(tmp_path):
    data = stream(tmp_path)
    good, bad = tmp_path / "good.ndjson", tmp_path / "bad.ndjson"
    result = run("validate", "-q", str(data), "--valid-out", str(good), "--rejects-out", str(bad))
    assert result.returncode == 1
    assert good.read_text().splitlines() == LINES
    [reject] = [json.loads(line) for line in bad.read_text().splitlines()]
    assert reject["input"] == BAD and reject["line"] == len(LINES) + 1
    assert f"{len(LINES) + 1} records: {len(LINES)} valid, 1 rejected" in result.stdout
    assert stray_files(tmp_path) == []


# --- interrupted, killed, full disk, concurrent -------------------------------------------------


def _start_validate_on_stdin(tmp_path, good):
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "capacitylib", "validate", "-", "--stdin-format", "ndjson"),
            *("--valid-out", str(good), "--no-progress", "-q"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None
    for line in LINES * 20:
        process.stdin.write(line.encode() + b"\n")
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not stray_files(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stray_files(tmp_path), "the run never opened its output"
    time.sleep(0.5)  # records are being written to the temporary file now
    return process


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_killed_validate_leaves_the_previous_output_as_it_was(tmp_path, sig):
    good = tmp_path / "good.ndjson"
    good.write_text("earlier complete output\n")
    process = _start_validate_on_stdin(tmp_path, good)
    process.send_signal(sig)
    process.wait(timeout=20)
    assert process.stdin is not None
    process.stdin.close()
    assert good.read_text() == "earlier complete output\n"
    if sig != signal.SIGKILL:
        assert process.returncode in (130, 143)
        assert stray_files(tmp_path) == []
    else:
        # A SIGKILLed run cannot clean up; the next write to the same output does.
        result = run("validate", "-q", str(stream(tmp_path, "in.ndjson")), "--valid-out", str(good))
        assert result.returncode == 1
        assert good.read_text().splitlines() == LINES
        assert stray_files(tmp_path) == []


def test_a_full_disk_names_the_file_and_keeps_the_previous_output(tmp_path, monkeypatch, capsys):
    data = stream(tmp_path)
    good = tmp_path / "good.ndjson"
    good.write_text("earlier\n")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(_atomic.os, "fsync", full)
    code = cli.main(["validate", "-q", str(data), "--valid-out", str(good)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"cannot write {good} (No space left on device)" in err
    assert "unchanged" in err
    assert good.read_text() == "earlier\n"
    assert stray_files(tmp_path) == []


def test_writing_to_a_full_device_is_a_clean_error_naming_it(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = run("validate", "-q", str(stream(tmp_path)), "--valid-out", "/dev/full")
    assert result.returncode == 2
    assert "cannot write /dev/full (No space left on device)" in result.stderr


def test_concurrent_runs_to_one_output_leave_one_complete_result(tmp_path):
    first = stream(tmp_path, "first.ndjson", lines=LINES * 30)
    second = stream(tmp_path, "second.ndjson", lines=list(reversed(LINES)) * 30)
    out = tmp_path / "out.ndjson"
    processes = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "capacitylib", "validate", "-q", str(source)),
                *("--valid-out", str(out), "--no-check"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for source in (first, second)
    ]
    for process in processes:
        process.wait(timeout=60)
        assert process.returncode == 0
    assert out.read_text() in (first.read_text(), second.read_text())
    assert stray_files(tmp_path) == []


# --- what reaches the terminal ------------------------------------------------------------------


def test_control_characters_in_records_are_escaped_on_the_terminal_not_in_json(tmp_path):
    hostile = {"id": "p", "title": {"en": "Clear\x1b[2J\x1b]8;;http://evil\x07link\u202e"}}
    data = stream(tmp_path, lines=[json.dumps(hostile), json.dumps({**hostile, "colour": 1})])
    text = run("validate", str(data))
    assert "\x1b" not in text.stdout and "\x07" not in text.stdout and "\u202e" not in text.stdout
    assert "\\x1b[2J" in text.stdout
    as_json = run("validate", "--format", "json", str(data))
    outcomes = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert outcomes[1]["problems"][0]["code"] == "field_unknown"
    report = run("report", str(data))
    assert "\x1b" not in report.stdout and "\x1b" not in report.stderr


def test_report_json_is_one_json_array_whatever_the_inputs(tmp_path):
    data = stream(tmp_path)
    result = run("report", "--format", "json", str(data), str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    reports = json.loads(result.stdout)
    assert len(reports) == len(LINES)
    assert {r["versions"]["schema_version"] for r in reports} == {capacitylib.SCHEMA_VERSION}
