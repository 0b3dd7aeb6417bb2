"""IATI XML through the command line: convert to and from it, validate it with the schema and ruleset."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import capacitylib

pytest.importorskip("lxml", reason="the iati extra (lxml) is not installed")

EXAMPLES_DIR = str(Path(capacitylib.example_paths()[0]).parent)
PUBLISHER = ("--iati-reporting-org", "LT-RC-188681153", "--iati-reporting-org-name", "lt:Agentūra")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "capacitylib", *args], capture_output=True, text=True, check=False
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("iati") / "programmes.xml"
    result = run("convert", EXAMPLES_DIR, str(target), *PUBLISHER)
    assert result.returncode == 0, result.stderr
    assert "6 programmes written to" in result.stderr
    # Every lossy conversion is reported on stderr, with the output and the path in the programme.
    assert "iati_export_lossy" in result.stderr
    assert all(line.startswith(str(target)) for line in result.stderr.splitlines()[:-1])
    return target


def test_convert_writes_one_activity_per_programme_with_the_publisher(exported: Path) -> None:
    text = exported.read_text(encoding="utf-8")
    assert text.count("<iati-activity ") == 6
    assert 'ref="LT-RC-188681153"' in text
    assert "XE-EXAMPLE" not in text


def test_an_export_validates_against_the_schema_and_the_ruleset(
    exported: Path, iati_dir: Path
) -> None:
    result = run(
        "validate",
        str(exported),
        "--iati-schemas",
        str(iati_dir / "schemas"),
        "--iati-ruleset",
        str(iati_dir / "rulesets" / "standard.json"),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outcomes) == 6 and all(o["valid"] for o in outcomes)
    codes = {p["code"] for o in outcomes for p in o["problems"]}
    assert "iati_schema_invalid" not in codes and "iati_schema_skipped" not in codes
    assert not any(
        p["code"] == "iati_rule_failed" and p["severity"] == "error"
        for o in outcomes
        for p in o["problems"]
    )


def test_the_ruleset_findings_land_on_the_activity_they_are_about(
    tmp_path: Path, iati_dir: Path
) -> None:
    example = iati_dir / "examples" / "activity-standard-example-annotated.xml"
    result = run(
        "validate",
        str(example),
        "--iati-ruleset",
        str(iati_dir / "rulesets" / "standard.json"),
        "--format",
        "json",
    )
    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    failed = [p for o in outcomes for p in o["problems"] if p["code"] == "iati_rule_failed"]
    assert failed, "the annotated example breaks a few rules (3.4.2, 6.6.2, ...)"
    assert all(p["values"]["identifier"] == outcomes[0]["record"] for p in failed)


def test_an_exported_file_converts_back_to_programmes(exported: Path, tmp_path: Path) -> None:
    target = tmp_path / "back.ndjson"
    result = run("convert", str(exported), str(target))
    assert result.returncode == 0, result.stderr
    back = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    originals = {p.id: p for p in capacitylib.load_examples()}
    assert len(back) == 6
    for data in back:
        programme = capacitylib.Programme.model_validate(data)
        original = originals[programme.id]
        assert programme.title == original.title


def test_a_schema_folder_without_a_schema_is_a_usage_error(exported: Path, tmp_path: Path) -> None:
    result = run("validate", str(exported), "--iati-schemas", str(tmp_path))
    assert result.returncode == 2
    assert "--iati-schemas" in result.stderr


def test_an_unreadable_ruleset_is_a_usage_error(exported: Path, tmp_path: Path) -> None:
    bad = tmp_path / "rules.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("validate", str(exported), "--iati-ruleset", str(bad))
    assert result.returncode == 2
    assert "--iati-ruleset" in result.stderr


def test_a_hostile_iati_file_is_a_named_problem_not_a_crash(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        '<iati-activities version="2.03">&lol2;</iati-activities>',
        encoding="utf-8",
    )
    result = run("validate", str(bomb))
    assert result.returncode == 2
    assert "iati_xml_unsafe" in result.stdout + result.stderr
