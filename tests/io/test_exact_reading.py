"""Document readers read exactly or refuse cleanly: no data lost, no traceback."""

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import capacitylib
from capacitylib import DocumentError, Estimate, Hours, Money, Programme, loads
from capacitylib.io import _yaml, documents
from capacitylib.io.records import validate_record
from capacitylib.testing import programmes

HEAD = "id: p\ntitle: {en: x}\n"
MINIMAL = {"id": "p", "title": {"en": "x"}}


def problems(make):
    with pytest.raises(ValidationError) as info:
        make()
    return capacitylib.problems_from_error(info.value)


# 1. Duplicate keys


def test_json_duplicate_root_key_is_reported_with_both_positions():
    """A repeated `activities` key in JSON is a duplicate_key problem, not a lost list."""
    text = (
        '{"id": "p", "title": {"en": "x"},\n'
        ' "activities": [{"id": "a", "kind": "seminar"}],\n'
        ' "activities": []}'
    )
    [problem] = problems(lambda: loads(text, format="json"))
    assert (problem.code, problem.path) == ("duplicate_key", "")
    assert problem.values == {
        "key": "activities",
        "first_line": 2,
        "first_column": 2,
        "line": 3,
        "column": 2,
    }


def test_json_duplicate_nested_key_names_the_mapping_path():
    """A key repeated inside activities[0] is reported at activities[0]."""
    text = '{"id":"p","title":{"en":"x"},"activities":[{"id":"a","kind":"seminar","id":"b"}]}'
    [problem] = problems(lambda: loads(text))
    assert (problem.code, problem.path, problem.values["key"]) == (
        "duplicate_key",
        "activities[0]",
        "id",
    )


def test_json_duplicate_written_with_an_escape_is_still_a_duplicate():
    """`"\\u0065n"` is the key `en`: the repetition is found although the texts differ."""
    [problem] = problems(lambda: loads('{"id":"p","title":{"en":"x","\\u0065n":"y"}}'))
    assert (problem.code, problem.path, problem.values["key"]) == ("duplicate_key", "title", "en")


def test_ndjson_line_with_a_duplicate_key_is_rejected():
    """validate_record (the NDJSON path) reports duplicate_key instead of keeping the last."""
    outcome = validate_record('{"id":"p","title":{"en":"x"},"id":"q"}', "s.ndjson", 4)
    assert not outcome.valid
    assert [(p.code, p.path, p.values["key"]) for p in outcome.problems] == [
        ("duplicate_key", "", "id")
    ]


def test_yaml_duplicate_keys_are_reported_with_line_and_column():
    """Every repeated YAML key is listed with the line and column of both occurrences."""
    text = HEAD + "activities:\n- id: a\n  kind: seminar\n  id: b\nnote: x\nnote: y\n"
    found = problems(lambda: loads(text))
    assert [(p.code, p.path, p.values["key"]) for p in found] == [
        ("duplicate_key", "activities[0]", "id"),
        ("duplicate_key", "", "note"),
    ]
    assert (found[0].values["first_line"], found[0].values["first_column"]) == (4, 3)
    assert (found[0].values["line"], found[0].values["column"]) == (6, 3)


def test_yaml_keys_equal_after_resolution_are_duplicates():
    """`1` and `0x1` are the same integer key once read, so the mapping repeats a key."""
    with pytest.raises(_yaml.DuplicateKeyError):
        _yaml.load_yaml("{1: a, 0x1: b}")


# 2. YAML 1.2 core schema


@pytest.mark.parametrize(
    ("plain", "value"),
    [("010", 10), ("0777", 777), ("0o17", 15), ("0x1F", 31), ("+5", 5)],
)
def test_yaml_integers_follow_yaml_1_2(plain, value):
    """Leading zeros are decimal in YAML 1.2 (010 is 10, not octal 8)."""
    p = loads(HEAD + f"stated_partner_count: {plain}\n")
    assert p.stated_partner_count == value


@pytest.mark.parametrize("plain", ["1:30", "1:20.5", "2020-01-01", "yes", "off", "1_000", "<<"])
def test_yaml_1_1_leftovers_stay_strings(plain):
    """Sexagesimals, timestamps, yes/off, underscores and the merge key are text in YAML 1.2."""
    assert _yaml.load_yaml(f"a: {plain}\n") == {"a": plain}


@pytest.mark.parametrize("plain", ["null", "~", ""])
def test_yaml_nulls(plain):
    assert _yaml.load_yaml(f"a: {plain}\n") == {"a": None}


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2023-02-29", "date_from_datetime_parsing"),
        ("0000-01-01", "date_parsing"),
        ("2023-13-01", "date_from_datetime_parsing"),
    ],
)
def test_yaml_impossible_dates_are_problems_with_their_path(day, code):
    """Dates are not resolved by YAML, so the model reports a bad one with its path."""
    found = problems(lambda: loads(HEAD + f"sources: [{{retrieved: {day}}}]\n"))
    assert [(p.code, p.path) for p in found] == [(code, "sources[0].retrieved")]


@pytest.mark.parametrize(
    "tagged",
    [
        "!!int abc",
        "!!float x",
        "!!timestamp garbage",
        "!!timestamp 2020-01-01",
        "!!binary aGVsbG8=",
        "!foo bar",
        "!!python/object:os.system x",
        "!!bool yes",
        "!!null x",
        "!!set {a, b}",
        "!!str [a]",
        "!!map x",
    ],
)
def test_yaml_explicit_tags_outside_the_core_schema_are_document_errors(tagged):
    """A bad or foreign explicit tag is a DocumentError with line and column, not a traceback."""
    with pytest.raises(DocumentError) as info:
        loads(HEAD + f"note: {tagged}\n")
    assert (info.value.line, info.value.column) == (3, 7)
    outcome = validate_record(HEAD + f"note: {tagged}\n", format="yaml")
    assert [p.code for p in outcome.problems] == ["yaml_invalid"]
    assert "line 3 column 7" in outcome.problems[0].message


def test_yaml_explicit_core_tags_work():
    assert _yaml.load_yaml("a: !!int 010\nb: !!float 1.50\nc: !!str 010\n") == {
        "a": 10,
        "b": Decimal("1.50"),
        "c": "010",
    }


def test_yaml_huge_integer_is_a_document_error():
    with pytest.raises(DocumentError, match="too long"):
        loads(HEAD + "stated_partner_count: " + "9" * 5000 + "\n")


TRICKY_TEXTS = [
    "010",
    "0777",
    "1:30",
    "1:20.5",
    "2020-01-01",
    "2020-01-01 10:00:00",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "0o17",
    "0x1F",
    ".inf",
    "-.inf",
    ".nan",
    "1e3",
    "1_000",
    "<<",
    "=",
    "true",
    "y",
    "a\x85b",
    "a\u2028b\u2029c",
    "a\rb",
    "a\r\nb",
    "\ufeffbom",
    "tab\there",
    " lead",
    "trail ",
    "line\n",
    "\n\nx",
    "x\n\n",
    " \n x",
    "a\x00b",
    "\x07",
    "'quoted'",
    '"double"',
    "- dash",
    "# hash",
    "key: value",
    "\ud7ff\ue000\ufffd",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_yaml_dump_then_load_keeps_every_text(text):
    """Strings YAML 1.1 or 1.2 would read as non-strings, and special characters, read back."""
    dumped = _yaml.dump_yaml({"t": text})
    assert _yaml.load_yaml(dumped) == {"t": text}
    assert _yaml.load_yaml(dumped, pure=True) == {"t": text}


def _accepted(text: str) -> bool:
    try:
        Programme.model_validate({**MINIMAL, "title": {"en": text}, "note": text})
    except ValidationError:
        return False
    return True


@pytest.mark.slow
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(programmes(max_activities=1), st.text().filter(_accepted))
def test_yaml_round_trip_is_exact_for_any_text_the_model_accepts(programme, text):
    """loads(dumps(p)) == p through YAML for texts from st.text() (NEL, CR, U+2028, BOM...)."""
    document = {**documents.to_document(programme), "note": text, "title": {"en": text}}
    p = Programme.model_validate(document)
    assert loads(capacitylib.dumps(p, format="yaml"), format="yaml") == p


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(programmes(max_activities=2), st.text())
def test_libyaml_and_pure_python_loaders_read_the_same(programme, text):
    """The libyaml-backed loader gives the same data as the pure-Python one."""
    document = {**documents.to_document(programme), "note": text}
    dumped = _yaml.dump_yaml(document)
    assert _yaml.load_yaml(dumped) == _yaml.load_yaml(dumped, pure=True)


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "note: [[[[x]]]]\n",
        HEAD + "a: &x 1\nb: *x\n",
        HEAD + "note: [\n",
        "a: {b: 1, b: 2}\n",
    ],
)
def test_libyaml_and_pure_python_loaders_refuse_the_same(text):
    def outcome(pure):
        try:
            return _yaml.load_yaml(text, max_depth=3, pure=pure)
        except _yaml.DuplicateKeyError as exc:
            return exc.duplicates
        except _yaml.YAMLError as exc:
            return str(exc)

    assert outcome(False) == outcome(True)


def test_libyaml_is_used_when_available():
    assert _yaml.HAS_LIBYAML is (_yaml._Loader is not _yaml._PyLoader)


# 3. Memory bounds


def test_yaml_above_the_cap_is_refused_pointing_to_json():
    """A YAML document above MAX_YAML_BYTES is refused before PyYAML builds its node graph."""
    text = HEAD + "note: [" + "1, " * (documents.MAX_YAML_BYTES // 3) + "1]\n"
    with pytest.raises(DocumentError, match="JSON or NDJSON"):
        loads(text)
    outcome = validate_record(text, format="yaml")
    assert [p.code for p in outcome.problems] == ["record_too_large"]


def test_yaml_cap_is_configurable_per_call(monkeypatch):
    text = HEAD + "note: " + "x" * 200 + "\n"
    with pytest.raises(DocumentError, match="YAML limit of 100"):
        loads(text, max_yaml_bytes=100)
    monkeypatch.setattr(documents, "MAX_YAML_BYTES", 100)
    with pytest.raises(DocumentError, match="YAML limit of 100"):
        loads(text)


def test_yaml_cap_counts_utf8_bytes_not_characters():
    text = HEAD + "note: " + "ž" * 60 + "\n"  # 81 characters, 141 bytes
    with pytest.raises(DocumentError, match="above the YAML limit"):
        loads(text, max_yaml_bytes=120)


def test_read_text_refuses_a_big_file_from_its_size(tmp_path):
    """A sparse 1 GB file is refused from stat, instantly, with the limit named."""
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(10**9)
    with pytest.raises(DocumentError, match=f"above the limit of {documents.MAX_DOCUMENT_CHARS}"):
        documents.read_text(big)
    yaml_file = tmp_path / "big.yaml"
    yaml_file.write_bytes(b"a" * (documents.MAX_YAML_BYTES + 1))
    with pytest.raises(DocumentError, match="JSON or NDJSON"):
        capacitylib.load(yaml_file)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_read_text_refuses_an_endless_device():
    """/dev/zero reports size 0 but never ends: at most limit + 1 bytes are read."""
    with pytest.raises(DocumentError, match="above the limit of 1000 bytes"):
        documents.read_text("/dev/zero", max_bytes=1000)


# 4. Exact or refused numbers; dates are days


COUNT = '{"id":"p","title":{"en":"x"},"activities":[{"id":"a","kind":"seminar",%s}]}'


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ('"sessions_actual":{"min":2.00000000000000000001}', "sessions_actual.min"),
        ('"groups":{"min":1,"max":3.00000000000000000001}', "groups.max"),
        (
            '"hours_per_session":{"min":1.00000000000000000001,"unit":"clock_hour"}',
            "hours_per_session.min",
        ),
        ('"sessions_actual":{"min":1e-400}', "sessions_actual.min"),
    ],
)
def test_json_counts_and_hours_a_double_cannot_hold_are_refused(field, path):
    """Counts and hours refuse rounded JSON numbers as amounts do (decimal_json_number_inexact)."""
    found = problems(lambda: loads(COUNT % field))
    assert ("decimal_json_number_inexact", f"activities[0].{path}") in [
        (p.code, p.path) for p in found
    ]


def test_json_counts_are_exact_as_strings_and_short_numbers():
    p = loads(COUNT % '"sessions_actual":{"min":"2.00000000000000000001","max":2.5}')
    assert p.activities[0].sessions_actual == Estimate(
        min=Decimal("2.00000000000000000001"), max=Decimal("2.5")
    )


def test_json_amount_rounded_to_a_short_double_is_refused():
    """2.00000000000000000001 is the double 2.0 (short repr): still refused, not 2.0."""
    text = json.dumps({**MINIMAL, "budget": {"total": {"amount": 0, "currency": "EUR"}}})
    text = text.replace('"amount": 0', '"amount": 2.00000000000000000001')
    found = problems(lambda: loads(text))
    assert [(p.code, p.path) for p in found] == [
        ("decimal_json_number_inexact", "budget.total.amount")
    ]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Money.of(0.1, "EUR"),  # type: ignore[arg-type]
        lambda: Estimate.exact(0.1),  # type: ignore[arg-type]
        lambda: Estimate.range(1, 2.5),  # type: ignore[arg-type]
        lambda: Hours.exact(1.5, unit="clock_hour"),  # type: ignore[arg-type]
        lambda: Hours.range(1.5, 2, unit="clock_hour"),  # type: ignore[arg-type]
    ],
)
def test_public_constructors_refuse_floats_with_a_hint(make):
    with pytest.raises(TypeError, match="pass a str or Decimal"):
        make()


@pytest.mark.parametrize(
    "make",
    [
        lambda: Estimate(min=0.1),  # type: ignore[arg-type]
        lambda: Hours(min=1.5, unit="clock_hour"),  # type: ignore[arg-type]
    ],
)
def test_model_constructors_refuse_floats_with_a_hint(make):
    with pytest.raises(ValidationError, match="pass a str or Decimal"):
        make()


@pytest.mark.parametrize("value", [0, 20190516, True, 1.5])
def test_numbers_are_not_dates_in_json_or_yaml(value):
    """`0` is not 1970-01-01: a number for a date field is refused in JSON and YAML."""
    doc = {**MINIMAL, "periods": [{"start": value}]}
    found = problems(lambda: loads(json.dumps(doc)))
    assert [p.path for p in found] == ["periods[0].start"]
    yaml_text = HEAD + f"periods: [{{start: {json.dumps(value)}}}]\n"
    assert [p.path for p in problems(lambda: loads(yaml_text))] == ["periods[0].start"]


@pytest.mark.parametrize(
    "value",
    [
        datetime(2020, 1, 1),
        datetime(2020, 1, 1, tzinfo=UTC),
        "2020-01-01T00:00:00",
        "2020-01-01T00:00:00+02:00",
        "2020-01-01 00:00",
    ],
)
def test_datetimes_are_not_silently_dates(value):
    found = problems(lambda: capacitylib.Period.model_validate({"start": value}))
    assert [(p.code, p.path) for p in found] == [("date_from_datetime", "start")]


def test_datetimes_and_numbers_are_not_partial_dates():
    for value in (datetime(2020, 1, 1), 2020, True):
        found = problems(
            lambda value=value: Programme.model_validate(
                {**MINIMAL, "activities": [{"id": "a", "kind": "seminar", "dates": [value]}]}
            )
        )
        assert [p.path for p in found] == ["activities[0].dates[0]"]


def test_dates_still_accept_days():
    period = capacitylib.Period.model_validate({"start": date(2020, 1, 1), "end": "2020-01-31"})
    assert period.days == 31


@pytest.mark.parametrize("text", ['"stated_partner_count": true', '"stated_partner_count": 1.5'])
def test_booleans_are_not_counts(text):
    found = problems(lambda: loads('{"id":"p","title":{"en":"x"},' + text + "}"))
    assert [p.path for p in found] == ["stated_partner_count"]


def test_booleans_are_not_estimates_or_amounts():
    found = problems(lambda: loads(COUNT % '"sessions_actual":{"min":true}'))
    assert "activities[0].sessions_actual.min" in [p.path for p in found]
    found = problems(lambda: Money.model_validate({"amount": True, "currency": "EUR"}))
    assert [p.path for p in found] == ["amount"]


# 5. Format detection; JSON without the yaml extra


@pytest.mark.parametrize("prefix", ["", "  \n", "\ufeff", "\ufeff \t\r\n"])
def test_loads_detects_json(prefix):
    assert loads(prefix + json.dumps(MINIMAL)).id == "p"
    assert documents.detect_format((prefix + "{}").encode()) == "json"


def test_loads_reads_yaml_when_not_json():
    assert loads("id: p\ntitle: {en: x}\n").id == "p"


def test_dumps_writes_json_by_default():
    p = Programme.model_validate(MINIMAL)
    assert json.loads(capacitylib.dumps(p))["id"] == "p"
    assert loads(capacitylib.dumps(p)) == p


_NO_YAML = """
import sys
sys.modules["yaml"] = None
import capacitylib
from capacitylib.io.documents import loads, dumps
p = loads('{"id": "p", "title": {"en": "x"}}')
assert loads(dumps(p)) == p
try:
    loads("id: p\\ntitle: {en: x}\\n")
except capacitylib.MissingExtraError as exc:
    print("MISSING", exc)
"""


def test_core_install_reads_and_writes_json_and_names_the_yaml_extra():
    """Without PyYAML, JSON works and YAML text names pip install "capacitylib[yaml]"."""
    result = subprocess.run(
        [sys.executable, "-c", _NO_YAML], capture_output=True, text=True, check=True
    )
    assert "MISSING" in result.stdout
    assert 'pip install "capacitylib[yaml]"' in result.stdout


# 6. Line and column


def test_yaml_syntax_error_has_line_and_column():
    with pytest.raises(DocumentError) as info:
        loads("id: p\ntitle: {en: x}\nnote: [a, b\n", source="p.yaml")
    assert info.value.line == 4 and info.value.column is not None
    assert str(info.value).startswith(f"p.yaml:4:{info.value.column}: ")


def test_yaml_bad_character_has_line_and_column():
    with pytest.raises(DocumentError) as info:
        loads("id: p\ntitle: {en: x}\nnote: a\x07\n")
    assert (info.value.line, info.value.column) == (3, 8)


def test_document_error_column_is_optional():
    error = DocumentError("bad", source="p.yaml", line=3)
    assert (str(error), error.column) == ("p.yaml:3: bad", None)
