import io
import json
import pickle

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib import DocumentError, Programme
from capacitylib.io import ndjson, records
from capacitylib.io.ndjson import iter_lines, iter_ndjson, read_ndjson, write_ndjson
from capacitylib.io.records import RecordError, json_line
from capacitylib.testing import programme_collections as collections

EXAMPLES = capacitylib.load_examples()
GOOD = json_line(EXAMPLES[0])


def test_examples_round_trip_through_ndjson(tmp_path):
    path = tmp_path / "p.ndjson"
    assert write_ndjson(EXAMPLES, path) == len(EXAMPLES)
    assert list(read_ndjson(path)) == EXAMPLES
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(EXAMPLES) and lines[0] == GOOD


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=collections())
def test_generated_programmes_round_trip_through_ndjson(docs):
    """Unicode line separators and newlines in text never split a record."""
    programmes = [Programme.model_validate(d) for d in docs]
    buffer = io.BytesIO()
    write_ndjson(programmes, buffer)
    buffer.seek(0)
    assert list(read_ndjson(buffer)) == programmes


def test_lines_are_numbered_as_an_editor_shows_them():
    data = f"\ufeff{GOOD}\r\n\n   \n{GOOD}\n{GOOD}".encode()
    lines = list(iter_lines(io.BytesIO(data)))
    assert [line.number for line in lines] == [1, 4, 5]
    assert all(line.text == GOOD for line in lines)


def test_unicode_line_separator_stays_inside_its_record():
    doc = {"id": "p", "title": {"en": "one\u2028two\u0085three"}}
    text = json.dumps(doc, ensure_ascii=False) + "\n"
    outcomes = list(iter_ndjson(io.StringIO(text)))
    assert len(outcomes) == 1 and outcomes[0].valid


def test_bad_lines_are_rejected_records_not_crashes():
    stream = "\n".join(
        [GOOD, '{"id": "x"', "[1, 2]", '{"id": "p", "title": {"en": "t"}, "x": 1}', GOOD]
    )
    outcomes = list(iter_ndjson(io.StringIO(stream), name="s.ndjson"))
    assert [(o.line, o.valid) for o in outcomes] == [
        (1, True),
        (2, False),
        (3, False),
        (4, False),
        (5, True),
    ]
    assert outcomes[1].problems[0].code == "json_invalid"
    assert outcomes[1].text == '{"id": "x"'
    assert outcomes[3].problems[0].code == "field_unknown"
    assert outcomes[3].where == "s.ndjson:4"


def test_a_line_that_is_not_utf8_is_one_rejected_record_and_the_stream_goes_on(tmp_path):
    path = tmp_path / "latin.ndjson"
    bad = '{"id": "p", "title": {"lt": "Šeima"}}'.encode("cp1257")
    path.write_bytes(f"{GOOD}\n".encode() + bad + b"\r\n" + f"{GOOD}\n".encode())
    outcomes = list(iter_ndjson(path))
    assert [(o.line, o.valid, o.unreadable) for o in outcomes] == [
        (1, True, False),
        (2, False, False),
        (3, True, False),
    ]
    [problem] = outcomes[1].problems
    assert problem.code == "record_not_utf8" and "byte 30 of the line" in problem.message
    assert outcomes[1].raw is not None and outcomes[1].raw.getvalue() == bad
    with pytest.raises(RecordError, match=r"latin\.ndjson:2"):
        list(read_ndjson(path))


def test_one_bad_byte_deep_in_a_long_stream_loses_no_other_record():
    lines = [json_line(EXAMPLES[i % len(EXAMPLES)]).encode() for i in range(300)]
    lines[170] = lines[170].replace(b'"id":"', b'"id":"\xff', 1)
    outcomes = list(iter_ndjson(io.BytesIO(b"\n".join(lines) + b"\n")))
    assert len(outcomes) == 300
    assert [o.line for o in outcomes if not o.valid] == [171]
    assert sum(o.valid for o in outcomes) == 299


def test_rejects_keep_undecodable_bytes_exactly_as_base64():
    import base64

    raw_line = b'{"id": "\xe9\x00\xff"}'
    [outcome] = iter_ndjson(io.BytesIO(raw_line + b"\n"))
    buffer = io.StringIO()
    records.write_reject(outcome, buffer)
    written = json.loads(buffer.getvalue())
    assert written["input"] is None and written == outcome.reject_dict()
    assert base64.b64decode(written["input_base64"]) == raw_line


def test_overlong_line_is_rejected_whole_and_exact(monkeypatch):
    import base64

    monkeypatch.setattr(ndjson, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(ndjson, "_READ_CHUNK", 777)
    short = '{"id": "q", "title": {"en": "Q"}}'
    # The cut at 1001 bytes falls inside a two-byte character: still "too long", never "not UTF-8".
    long_line = f'{{"id": "p", "note": "{"ž" * 5000}"}}'.encode()
    stream = long_line + b"\r\n" + short.encode() + b"\n"
    outcomes = list(iter_ndjson(io.BytesIO(stream)))
    assert [(o.line, o.valid) for o in outcomes] == [(1, False), (2, True)]
    assert [p.code for p in outcomes[0].problems] == ["record_too_large"]
    assert outcomes[0].raw is not None and outcomes[0].raw.getvalue() == long_line
    buffer = io.StringIO()
    records.write_reject(outcomes[0], buffer)
    assert base64.b64decode(json.loads(buffer.getvalue())["input_base64"]) == long_line


class _Endless:
    """A stream with no line end, ever (like /dev/zero)."""

    name = "/dev/zero"

    def __init__(self):
        self.read = 0

    def readline(self, size=-1):
        self.read += size
        return b"\0" * size


def test_an_endless_line_is_bounded_and_ends_the_stream_cleanly(monkeypatch):
    monkeypatch.setattr(ndjson, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(ndjson, "MAX_KEPT_LINE_BYTES", 50_000)
    source = _Endless()
    outcomes = list(iter_ndjson(source))
    assert [(o.line, o.valid, o.unreadable) for o in outcomes] == [
        (1, False, False),
        (1, False, True),
    ]
    assert outcomes[0].problems[0].code == "record_too_large" and outcomes[0].raw is None
    assert outcomes[1].problems[0].code == "stream_line_endless"
    assert source.read <= 60_000


def test_missing_file_and_folder_are_unreadable(tmp_path):
    [missing] = iter_ndjson(tmp_path / "missing.ndjson")
    assert missing.unreadable and "no such file" in missing.problems[0].message
    [folder] = iter_ndjson(tmp_path)
    assert folder.unreadable and "is a folder" in folder.problems[0].message


def test_empty_stream_has_no_records(tmp_path):
    path = tmp_path / "empty.ndjson"
    path.write_bytes(b"")
    assert list(iter_ndjson(path)) == []
    path.write_bytes(b"\n\n  \n")
    assert list(iter_ndjson(path)) == []


def test_read_ndjson_stops_at_the_first_invalid_record():
    stream = io.StringIO(f"{GOOD}\n{{}}\n{GOOD}\n")
    reader = read_ndjson(stream, name="s.ndjson")
    assert next(reader) == EXAMPLES[0]
    with pytest.raises(RecordError, match=r"s.ndjson:2: invalid record: id: Field required"):
        next(reader)


def test_write_ndjson_to_text_and_binary_files(tmp_path):
    text = io.StringIO()
    binary = io.BytesIO()
    write_ndjson(EXAMPLES[:2], text)
    write_ndjson(EXAMPLES[:2], binary)
    assert binary.getvalue().decode() == text.getvalue()
    with (tmp_path / "b.ndjson").open("wb") as handle:
        write_ndjson(EXAMPLES[:2], handle)
    assert (tmp_path / "b.ndjson").read_text(encoding="utf-8") == text.getvalue()


def test_outcomes_pickle_for_distributed_engines():
    [outcome, bad] = iter_ndjson(io.StringIO(f"{GOOD}\n{{}}\n"))
    assert pickle.loads(pickle.dumps(outcome)) == outcome  # noqa: S301 - our own data
    assert pickle.loads(pickle.dumps(bad)) == bad  # noqa: S301 - our own data


def test_an_unreadable_stream_names_its_file_and_a_closed_handle_is_no_value_error(tmp_path):
    """read_ndjson's DocumentError says which file; a closed handle is an outcome, not a crash."""
    missing = tmp_path / "missing.ndjson"
    with pytest.raises(DocumentError) as info:
        list(read_ndjson(missing))
    assert info.value.source == str(missing) and str(info.value).startswith(str(missing))
    path = tmp_path / "s.ndjson"
    path.write_text('{"id": "p", "title": {"en": "P"}}\n', encoding="utf-8")
    with path.open("rb") as handle:
        pass
    [outcome] = list(iter_ndjson(handle))
    assert outcome.unreadable and "closed file" in outcome.problems[0].message
    with pytest.raises(DocumentError, match="closed file"):
        list(read_ndjson(handle))
