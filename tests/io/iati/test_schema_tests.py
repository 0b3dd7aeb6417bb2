"""The IATI 2.03 schema test files: every should-pass file imports, every should-fail file is refused.

The files are the IATI-Schemas repository's own ``tests/`` (``should-pass/``, ``should-fail/``
and ``activity-tests/should-*/``, 547 files), read from ``../shared/external/iati`` (or
``CAPACITYLIB_IATI_DIR``); without them the tests are skipped with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

from capacitylib.io.iati._schema import IatiSchemaError, load_schemas, resolve_schemas
from capacitylib.io.iati.imports import read_iati
from capacitylib.rules.catalogue import READER_CODES, STRUCTURAL_CODES
from tests.io.iati.conftest import _iati_dir

TESTS = _iati_dir() / "schema-tests" / "tests"
KNOWN_CODES = set(READER_CODES) | set(STRUCTURAL_CODES)


def _files(kind: str) -> list[Path]:
    found = sorted((TESTS / kind).rglob("*.xml")) + sorted(
        (TESTS / "activity-tests" / kind).rglob("*.xml")
    )
    return found or [Path("absent")]


def _id(path: Path) -> str:
    return str(path.relative_to(TESTS)) if path.is_absolute() else "absent"


PASSING = _files("should-pass")
FAILING = _files("should-fail")


@pytest.fixture(scope="session")
def schemas(iati_dir):
    """The IATI 2.03 schemas, compiled once per session."""
    return load_schemas(iati_dir / "schemas")


def _outcomes(path: Path, schemas):
    if not path.is_file():
        pytest.skip(f"IATI schema tests not found under {TESTS}")
    return read_iati(path, schemas=schemas)


@pytest.mark.parametrize("path", PASSING, ids=_id)
def test_every_should_pass_file_imports_or_gives_named_problems(path, schemas):
    outcomes = _outcomes(path, schemas)
    assert outcomes
    codes = {p.code for o in outcomes for p in o.problems}
    assert codes <= KNOWN_CODES
    assert "iati_schema_invalid" not in codes
    if "iati-organisations" in path.parts:
        # An organisation file is a valid IATI file, but no activity file.
        [outcome] = outcomes
        assert [p.code for p in outcome.problems] == ["iati_root_unexpected"]
        return
    for outcome in outcomes:
        assert outcome.valid, [p.message for p in outcome.problems if p.severity == "error"]


@pytest.mark.parametrize("path", FAILING, ids=_id)
def test_every_should_fail_file_is_refused_with_a_named_problem(path, schemas):
    outcomes = _outcomes(path, schemas)
    assert outcomes
    assert {p.code for o in outcomes for p in o.problems} <= KNOWN_CODES
    refused = [o for o in outcomes if not o.valid]
    assert refused, "a should-fail file imported without an error"
    for outcome in refused:
        assert outcome.programme is None
        errors = [p for p in outcome.problems if p.severity == "error"]
        assert {p.code for p in errors} <= {"iati_schema_invalid", "iati_xml_invalid"}
        assert all(p.values.get("line") for p in errors if p.code == "iati_schema_invalid")


def test_the_counts_are_those_of_the_issue(iati_dir):
    """547 activity schema test files: 221 should pass (6 of them organisation files), 326 fail."""
    assert len(PASSING) == 221
    assert len(FAILING) == 326


def test_a_schema_error_names_the_element_path_and_line(schemas):
    data = (
        b'<iati-activities version="2.03">\n<iati-activity>\n'
        b"<iati-identifier>XM-1</iati-identifier>\n"
        b'<reporting-org ref="XM" type="10"><narrative>M</narrative></reporting-org>\n'
        b"<title><narrative>T</narrative></title>\n"
        b"<description><narrative>D</narrative></description>\n"
        b'<participating-org role="1" ref="XM-2"/><activity-status code="2"/>\n'
        b'<activity-date type="1" iso-date="2024-01-01"/>\n'
        b'<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>\n'
        b'<value value-date="2020-01-01">ten</value></budget>\n'
        b"</iati-activity>\n</iati-activities>"
    )
    [outcome] = read_iati(data, schemas=schemas)
    [problem] = outcome.problems
    assert problem.code == "iati_schema_invalid"
    assert problem.path == "/iati-activities/iati-activity/budget/value"
    assert problem.values == {"line": 10}
    assert problem.message.startswith("line 10: Element 'value'")


STATUS = '<activity-status code="2"/>'


def _activity(identifier: str, status: str = STATUS) -> str:
    """A schema-valid activity (the elements 2.03 requires, in its order)."""
    return (
        f"<iati-activity><iati-identifier>{identifier}</iati-identifier>"
        '<reporting-org ref="XM-1" type="10"><narrative>Ministry</narrative></reporting-org>'
        f"<title><narrative>{identifier}</narrative></title>"
        f"<description><narrative>About {identifier}</narrative></description>"
        f'<participating-org role="1" ref="XM-2"/>{status}'
        '<activity-date type="1" iso-date="2024-01-01"/></iati-activity>'
    )


def test_a_bad_activity_never_loses_the_good_ones(schemas):
    data = (
        '<iati-activities version="2.03">'
        + _activity("XM-1-a")
        + _activity("XM-1-b", '<activity-status code="2" extra="x"/>')
        + _activity("XM-1-c")
        + "</iati-activities>"
    ).encode()
    outcomes = read_iati(data, schemas=schemas)
    assert [o.valid for o in outcomes] == [True, False, True]
    assert [o.record for o in outcomes] == ["XM-1-a", "XM-1-b", "XM-1-c"]
    assert [p.code for p in outcomes[1].problems] == ["iati_schema_invalid"]
    assert outcomes[1].problems[0].path.startswith("/iati-activities/iati-activity[2]/")
    assert outcomes[1].text.startswith("<iati-activity>")


def test_an_error_outside_every_activity_refuses_each_of_them(schemas):
    data = "<iati-activities>" + _activity("XM-1-a") + _activity("XM-1-b") + "</iati-activities>"
    outcomes = read_iati(data.encode(), schemas=schemas)
    assert [o.valid for o in outcomes] == [False, False]
    for outcome in outcomes:
        [problem] = outcome.problems
        assert problem.code == "iati_schema_invalid" and "'version'" in problem.message
        assert problem.path == "/iati-activities"


def test_without_a_schema_folder_the_check_is_skipped_and_said(monkeypatch):
    monkeypatch.delenv("CAPACITYLIB_IATI_SCHEMAS", raising=False)
    data = '<iati-activities version="2.03">' + _activity("XM-1-a") + "</iati-activities>"
    [outcome] = read_iati(data.encode())
    assert outcome.valid
    [skipped] = outcome.problems
    assert skipped.code == "iati_schema_skipped" and skipped.severity == "info"
    assert "CAPACITYLIB_IATI_SCHEMAS" in skipped.message


def test_the_environment_variable_names_the_schema_folder(monkeypatch, iati_dir):
    monkeypatch.setenv("CAPACITYLIB_IATI_SCHEMAS", str(iati_dir / "schemas"))
    assert resolve_schemas(None) is load_schemas(iati_dir / "schemas")
    data = "<iati-activities>" + _activity("XM-1-a") + "</iati-activities>"
    [outcome] = read_iati(data.encode())
    assert [p.code for p in outcome.problems] == ["iati_schema_invalid"]


def test_a_folder_without_schemas_is_the_callers_error(tmp_path):
    with pytest.raises(IatiSchemaError, match="no IATI schema"):
        read_iati(b"<iati-activities/>", schemas=tmp_path)
    (tmp_path / "iati-activities-schema.xsd").write_text("<not-a-schema/>")
    with pytest.raises(IatiSchemaError, match="does not load"):
        load_schemas(tmp_path)


def test_a_schema_may_not_read_outside_its_folder(tmp_path):
    """An include that leaves the folder reads as nothing: the schema does not load."""
    outside = tmp_path / "outside.xsd"
    outside.write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:element name="iati-activities"/></xsd:schema>'
    )
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "iati-activities-schema.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:include schemaLocation="../outside.xsd"/></xsd:schema>'
    )
    with pytest.raises(IatiSchemaError):
        load_schemas(folder)


def test_organisation_files_are_checked_against_their_own_schema(schemas):
    bad = b"<iati-organisations/>"
    [outcome] = read_iati(bad, schemas=schemas)
    assert [p.code for p in outcome.problems] == ["iati_schema_invalid"] * 2
    assert "'version'" in outcome.problems[0].message
    assert outcome.unreadable
