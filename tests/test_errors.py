"""Problems show the value the user wrote, as a JSON value, bounded in size."""

import json
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib.cli._common import problem_line
from capacitylib.errors import Problem, Shorthand, _short, value_text
from capacitylib.io.records import validate_record
from capacitylib.io.tables import TableError, from_tables, to_tables
from capacitylib.testing import nearly_valid_documents

DOC = {"id": "p", "title": {"en": "P"}}
REPR = re.compile(r"^[\[{(]'|^Decimal\(|^\{'")


def activity_problems(activity: dict[str, Any], *, yaml: bool = False) -> list[Problem]:
    """The problems of a programme holding one activity with the given fields."""
    document = {**DOC, "activities": [{"id": "a", "kind": "seminar", **activity}]}
    if yaml:
        outcome = validate_record(json.dumps(document), format="yaml")
    else:
        outcome = validate_record(json.dumps(document))
    assert not outcome.valid
    return outcome.problems


def test_a_bare_number_for_hours_shows_the_number_not_the_range_made_of_it():
    """hours_per_session: 2 lacks a unit; the problem shows 2, in JSON and in YAML."""
    for yaml in (False, True):
        [problem] = activity_problems({"hours_per_session": 2}, yaml=yaml)
        assert (problem.path, problem.code) == (
            "activities[0].hours_per_session.unit",
            "field_required",
        )
        assert problem.value == 2 and problem.as_dict()["value"] == 2
        assert problem_line(problem).endswith("Field required (got 2) [field_required]")


def test_lists_and_mappings_are_json_values_not_reprs():
    """A wrong dict or list is a JSON object or array in as_dict, and JSON in the text line."""
    [problem] = activity_problems({"participants": {"a": 1}})
    assert problem.as_dict()["value"] == {"a": 1}
    assert '(got {"a": 1})' in problem_line(problem)
    outcome = validate_record(json.dumps({**DOC, "title": ["x", {"y": None}]}))
    [problem] = outcome.problems
    data = json.loads(json.dumps(outcome.as_dict()))
    assert data["problems"][0]["value"] == ["x", {"y": None}]
    assert '(got ["x", {"y": null}])' in problem_line(problem)


def test_validate_json_output_holds_json_values(tmp_path):
    """capacitylib validate --format json writes each value as the document held it."""
    path = tmp_path / "p.json"
    document = {
        **DOC,
        "activities": [{"id": "a", "kind": "seminar", "participants": {"a": [1, 2]}}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "capacitylib", "validate", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["value"] == {"a": [1, 2]}


def test_a_megabyte_list_is_cut_with_a_marker():
    """A 1 MB list given where text is expected is kept as its first items and a marker."""
    big = list(range(200_000))
    assert len(json.dumps(big)) > 1_000_000
    [problem] = validate_record(json.dumps({**DOC, "title": big})).problems
    value = problem.as_dict()["value"]
    assert value[:20] == list(range(20)) and value[-1] == "... (200000 items)"
    assert len(json.dumps(value)) < 200


def test_a_huge_mapping_and_deep_nesting_are_cut_with_markers():
    """A mapping keeps its first keys and a "..." key; deep levels become their marker."""
    wide = {f"k{i}": i for i in range(1000)}
    value = _short(wide)
    assert list(value)[:20] == [f"k{i}" for i in range(20)] and value["..."] == "(1000 keys)"
    deep: Any = [1]
    for _ in range(10):
        deep = [deep]
    assert json.dumps(_short(deep)) == '[[[["... (1 item)"]]]]'


def test_long_text_is_cut_as_before():
    """Text over 200 characters keeps 200 and says how long it was."""
    assert _short("x" * 1000) == "x" * 200 + "... (1000 characters)"


def test_many_long_strings_stay_within_the_budget():
    """Twenty strings of 200 characters are not all kept: the whole value stays bounded."""
    value = _short(["y" * 10_000] * 50)
    assert len(json.dumps(value)) < 2_000 and value[-1] == "... (50 items)"


def test_numbers_are_json_numbers():
    """Decimals a double holds exactly are JSON numbers; longer ones keep their digits as text."""
    problem = Problem(
        "x", "", "m", value=[Decimal("2.5"), Decimal("7"), Decimal("0.1" * 1 + "1" * 30)]
    )
    assert problem.as_dict()["value"] == [2.5, 7, "0." + "1" * 31]
    assert Problem("x", "", "m", value=float("inf")).as_dict()["value"] == "inf"
    assert value_text(Decimal("2.50")) == "2.50"


def test_a_shorthand_shows_what_was_written():
    """A Shorthand mapping stands for the value the user wrote, wherever it is in the value."""
    assert _short(Shorthand({"min": 2, "max": 2}, written=2)) == 2
    assert _short([Shorthand({"min": "3"}, written="3")]) == ["3"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=30) | st.dictionaries(st.text(), inner, max_size=30),
    max_leaves=50,
)


@given(json_values)
@settings(max_examples=100)
def test_any_json_value_stays_json_and_bounded(value):
    """Bounded, any JSON value is still JSON and small; a small value is kept exactly."""
    short = _short(value)
    text = json.dumps(Problem("x", "", "m", value=short).as_dict()["value"], allow_nan=False)
    assert len(text) < 10_000
    if len(json.dumps(value)) < 100 and _depth(value) <= 4:
        assert short == value


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@given(nearly_valid_documents(max_activities=2))
@settings(max_examples=25)
def test_the_value_of_a_broken_rule_is_the_value_the_document_holds(case):
    """For any document with one rule broken, the problem's JSON value is the one written."""
    outcome = validate_record(json.dumps(case.document))
    for problem in outcome.problems:
        value = problem.as_dict()["value"]
        json.dumps(value, allow_nan=False)
        assert not (isinstance(value, str) and REPR.match(value)), value
        written = _at(case.document, problem.path)
        if written is not _MISSING and len(json.dumps(written)) < 500:
            assert value == written, (problem.path, value, written)


_MISSING = object()


def _at(document: Any, path: str) -> Any:
    """The value at a problem path (``activities[0].dates[1]``) of a document, if any."""
    value = document
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        try:
            value = value[int(index)] if index else value[name]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return value


def test_a_table_with_both_bounds_wrong_reports_each_cell():
    """Two bad cells (a range's min and max) are two problems in a table, not a crash."""
    tables = to_tables(capacitylib.load_examples()[:1])
    row = tables["activities"].rows[0]
    row["sessions_actual_min"] = row["sessions_actual_max"] = "-1"
    with pytest.raises(TableError) as info:
        from_tables(tables)
    assert [(p.column, p.code) for p in info.value.problems] == [
        ("sessions_actual_min", "greater_than_equal"),
        ("sessions_actual_max", "greater_than_equal"),
    ]
