import io

import pytest

import capacitylib
from capacitylib.io.records import json_line
from capacitylib.io.tables import write_tables
from capacitylib.io.validate import input_kind, validate_paths, validate_stdin

EXAMPLES = capacitylib.load_examples()
LINES = [json_line(p) for p in EXAMPLES]


def test_folders_are_searched_for_documents_and_streams(tmp_path):
    (tmp_path / "sub").mkdir()
    capacitylib.dump(EXAMPLES[0], tmp_path / "a.yaml")
    capacitylib.dump(EXAMPLES[1], tmp_path / "sub" / "b.json")
    (tmp_path / "sub" / "c.ndjson").write_text("\n".join(LINES[2:4]) + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a programme")
    outcomes = list(validate_paths([tmp_path]))
    assert [o.where.replace(str(tmp_path), "") for o in outcomes] == [
        "/a.yaml",
        "/sub/b.json",
        "/sub/c.ndjson:1",
        "/sub/c.ndjson:2",
    ]
    assert all(o.valid for o in outcomes)


def test_an_unreadable_path_does_not_stop_the_others(tmp_path):
    capacitylib.dump(EXAMPLES[0], tmp_path / "a.yaml")
    outcomes = list(validate_paths([tmp_path / "missing.yaml", tmp_path / "a.yaml"]))
    assert [o.unreadable for o in outcomes] == [True, False]
    empty = tmp_path / "empty"
    empty.mkdir()
    [none] = validate_paths([empty])
    assert none.unreadable and "holds no .yaml" in none.problems[0].message


def test_table_folders_and_workbooks_are_validated_per_programme(tmp_path):
    pytest.importorskip("openpyxl")
    write_tables(EXAMPLES, tmp_path / "t")
    write_tables(EXAMPLES[:2], tmp_path / "w.xlsx")
    assert input_kind(tmp_path / "t") == "tables"
    outcomes = list(validate_paths([tmp_path / "t", tmp_path / "w.xlsx"]))
    assert len(outcomes) == len(EXAMPLES) + 2 and all(o.valid for o in outcomes)
    assert outcomes[0].record == EXAMPLES[0].id


def test_empty_inputs_are_noted(tmp_path):
    (tmp_path / "e.ndjson").write_text("")
    empty: list[str] = []
    assert list(validate_paths([tmp_path / "e.ndjson"], on_empty=empty.append)) == []
    assert empty == [str(tmp_path / "e.ndjson")]


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        ("\n".join(LINES) + "\n", [1, 2, 3, 4, 5, 6]),
        ("\n\n" + "\n".join(LINES[:2]), [3, 4]),
    ],
)
def test_stdin_stream_is_detected_and_keeps_line_numbers(data, lines):
    outcomes = list(validate_stdin(io.BytesIO(data.encode())))
    assert [o.line for o in outcomes] == lines and all(o.valid for o in outcomes)
    assert outcomes[0].source == "<stdin>"


def test_stdin_document_is_json_or_yaml():
    [from_json] = validate_stdin(io.BytesIO(capacitylib.dumps(EXAMPLES[0], format="json").encode()))
    [from_yaml] = validate_stdin(io.BytesIO(capacitylib.dumps(EXAMPLES[0], format="yaml").encode()))
    assert from_json.programme == from_yaml.programme == EXAMPLES[0]
    assert from_json.line is None


def test_stdin_format_can_be_forced():
    truncated = LINES[0][:50] + "\n" + LINES[1] + "\n"
    outcomes = list(validate_stdin(io.BytesIO(truncated.encode()), fmt="ndjson"))
    assert [(o.line, o.valid) for o in outcomes] == [(1, False), (2, True)]
    [single] = validate_stdin(io.BytesIO(truncated.encode()))
    assert not single.valid  # auto: not a stream, so one (broken) document


def test_a_single_table_file_is_validated_as_tables(tmp_path):
    (tmp_path / "programmes.csv").write_text("programme_id,title_en\np,P\nq,\n")
    outcomes = list(validate_paths([tmp_path / "programmes.csv"]))
    assert [(o.record, o.valid) for o in outcomes] == [("p", True), ("q", False)]
    assert outcomes[1].problems[0].code == "field_required"


def test_a_reader_failing_unexpectedly_ends_only_its_own_input(tmp_path, monkeypatch):
    from capacitylib.io import ndjson

    for name, programme in zip(("a", "b", "c"), EXAMPLES, strict=False):
        (tmp_path / f"{name}.ndjson").write_text(json_line(programme) + "\n", encoding="utf-8")
    real = ndjson.iter_ndjson

    def failing_on_b(path, **kwargs):
        if path.name == "b.ndjson":
            raise RuntimeError("boom")
        return real(path, **kwargs)

    monkeypatch.setattr(ndjson, "iter_ndjson", failing_on_b)
    outcomes = list(validate_paths([tmp_path]))
    assert [(o.where.replace(str(tmp_path), ""), o.valid) for o in outcomes] == [
        ("/a.ndjson:1", True),
        ("/b.ndjson", False),
        ("/c.ndjson:1", True),
    ]
    assert outcomes[1].unreadable and outcomes[1].problems[0].code == "reader_failed"
    assert "RuntimeError: boom" in outcomes[1].problems[0].message


class _EndlessDocument(io.RawIOBase):
    """Standard input that never ends: a YAML document of endless comment lines."""

    def __init__(self):
        super().__init__()
        self.served = 0

    def readable(self):
        return True

    def readline(self, size=-1):
        self.served += 10
        return b"# comment\n"

    def read(self, size=-1):
        self.served += size
        return b"#" * (size - 1) + b"\n"


def test_stdin_is_read_within_the_document_limit(monkeypatch):
    from capacitylib.io import validate

    monkeypatch.setattr(validate, "MAX_DOCUMENT_CHARS", 100_000)
    source = _EndlessDocument()
    [outcome] = validate_stdin(source, fmt="yaml")
    assert outcome.unreadable and outcome.problems[0].code == "record_too_large"
    assert "NDJSON" in outcome.problems[0].message
    assert source.served < 100_000 + 2_000_000
