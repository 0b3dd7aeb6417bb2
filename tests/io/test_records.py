import json

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib import Problem
from capacitylib.io import to_document
from capacitylib.io.records import Outcome, json_line, validate_record, validate_records
from capacitylib.testing import rich_programme_documents as programmes

EXAMPLE = capacitylib.load_examples()[0]
GOOD = json_line(EXAMPLE)


def test_a_record_may_be_json_text_bytes_yaml_text_or_data():
    assert validate_record(GOOD).programme == EXAMPLE
    assert validate_record(GOOD.encode()).programme == EXAMPLE
    assert validate_record(capacitylib.dumps(EXAMPLE), format="yaml").programme == EXAMPLE
    assert validate_record(json.loads(GOOD)).programme == EXAMPLE


def test_bad_records_become_problems_with_codes():
    assert validate_record("").problems[0].code == "record_empty"
    assert validate_record("{").problems[0].code == "json_invalid"
    assert validate_record(b"\xff{}").problems[0].code == "record_not_utf8"
    assert validate_record("id: [x", format="yaml").problems[0].code == "yaml_invalid"
    outcome = validate_record({"id": "p", "title": {"en": "t"}, "sources": [{"retrieved": "x"}]})
    assert [(p.path, p.code) for p in outcome.problems] == [
        ("sources[0].retrieved", "date_from_datetime_parsing")
    ]


def test_input_is_kept_verbatim_for_rejects():
    line = '{"id": "p",  "title": {"en": "t"}, "oops": 1.10}'
    outcome = validate_record(line + "\r\n", "s.ndjson", 3)
    reject = outcome.reject_dict()
    assert reject["input"] == line and reject["line"] == 3 and reject["source"] == "s.ndjson"
    assert reject["problems"][0]["code"] == "field_unknown"
    json.dumps(reject)


def test_checks_add_findings_and_only_errors_reject():
    """Findings slot in beside validation errors; warnings keep a record valid."""

    def warn(programme: capacitylib.Programme) -> list[Problem]:
        return [Problem(code="w", path="id", message="look", severity="warning")]

    def fail(programme: capacitylib.Programme) -> list[Problem]:
        return [Problem(code="e", path="id", message="wrong", severity="error")]

    warned = validate_record(GOOD, checks=warn)
    assert warned.valid and [p.code for p in warned.problems] == ["w"]
    failed = validate_record(GOOD, checks=fail)
    assert not failed.valid and failed.programme == EXAMPLE
    assert validate_record("{}", checks=fail).problems[0].code == "field_required"


def test_validate_records_numbers_lines_and_skips_blanks():
    outcomes = list(validate_records([GOOD, "  ", "{}", GOOD], source="part-0"))
    assert [(o.where, o.valid) for o in outcomes] == [
        ("part-0:1", True),
        ("part-0:3", False),
        ("part-0:4", True),
    ]
    paired = list(validate_records([(10, GOOD), (12, "{}")]))
    assert [o.line for o in paired] == [10, 12]


def test_outcome_reports_are_json_ready():
    outcome = validate_record("{}", "s", 1)
    report = outcome.as_dict()
    assert report["valid"] is False and report["line"] == 1
    assert json.loads(json.dumps(report)) == report
    assert Outcome("t.xlsx", record="p-1").where == "t.xlsx [p-1]"


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=programmes())
def test_json_line_is_the_canonical_document_on_one_line(doc):
    """The fast serializer writes exactly json.dumps of the canonical document."""
    programme = capacitylib.Programme.model_validate(doc)
    expected = json.dumps(to_document(programme), ensure_ascii=False, separators=(",", ":"))
    assert json_line(programme) == expected
    assert "\n" not in json_line(programme)


def test_gc_paused_pauses_and_restores_the_collector():
    """The collector is off inside the block and back as it was after, even on error."""
    import gc

    import pytest

    assert gc.isenabled()
    with capacitylib.gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), capacitylib.gc_paused():
        _ = 1 / 0
    assert gc.isenabled()
    gc.disable()
    try:
        with capacitylib.gc_paused():
            pass
        assert not gc.isenabled(), "a collector the caller had paused stays paused"
    finally:
        gc.enable()
