import io

import pytest

import capacitylib
from capacitylib import DocumentError
from capacitylib.io.conversion import convert, format_of_path
from capacitylib.io.ndjson import read_ndjson, write_ndjson
from capacitylib.io.records import json_line
from capacitylib.io.tables import read_tables

EXAMPLES = capacitylib.load_examples()


@pytest.fixture
def stream(tmp_path):
    path = tmp_path / "in.ndjson"
    write_ndjson(EXAMPLES, path)
    return path


@pytest.mark.parametrize("target", ["t.xlsx", "t.parquet", "t.csv", "t", "out.jsonl"])
def test_every_format_converts_there_and_back(stream, tmp_path, target):
    pytest.importorskip("openpyxl")
    pytest.importorskip("pyarrow")
    result = convert(stream, tmp_path / target)
    assert result.ok and result.written == len(EXAMPLES)
    back = tmp_path / "back.ndjson"
    assert convert(tmp_path / target, back).written == len(EXAMPLES)
    assert back.read_text(encoding="utf-8") == stream.read_text(encoding="utf-8")


def test_single_documents_convert_to_and_from_streams(tmp_path):
    convert(capacitylib.example_paths()[0], tmp_path / "one.json")
    assert capacitylib.load(tmp_path / "one.json") == EXAMPLES[0]
    convert(tmp_path / "one.json", tmp_path / "one.yaml")
    assert capacitylib.load(tmp_path / "one.yaml") == EXAMPLES[0]


def test_many_programmes_cannot_become_one_document(stream, tmp_path):
    with pytest.raises(DocumentError, match="holds one programme and the input has 6"):
        convert(stream, tmp_path / "all.json")
    assert not (tmp_path / "all.json").exists()


def test_an_invalid_record_means_nothing_is_written(tmp_path):
    source = tmp_path / "in.ndjson"
    lines = [json_line(p) for p in EXAMPLES]
    source.write_text("\n".join([lines[0], "{}", lines[1], '{"id": 1}']) + "\n", encoding="utf-8")
    for target in ("out.ndjson", "out.csv"):
        result = convert(source, tmp_path / target)
        assert not result.ok and result.written == 0
        assert [o.line for o in result.rejected] == [2, 4]
        assert not (tmp_path / target).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.ndjson"]


def test_existing_output_survives_a_failed_conversion(tmp_path):
    target = tmp_path / "out.ndjson"
    target.write_text("precious\n")
    (tmp_path / "bad.ndjson").write_text("{}\n")
    assert not convert(tmp_path / "bad.ndjson", target).ok
    assert target.read_text() == "precious\n"


def test_stdin_and_stdout_need_a_named_format(stream):
    out = io.StringIO()
    result = convert(stream, "-", to_format="ndjson", stdout=out)
    assert result.written == 6 and list(read_ndjson(io.StringIO(out.getvalue()))) == EXAMPLES
    with pytest.raises(DocumentError, match="name the format"):
        convert(stream, "-")
    data = io.BytesIO(stream.read_bytes())
    out = io.StringIO()
    convert("-", "-", from_format="ndjson", to_format="ndjson", stdin=data, stdout=out)
    assert out.getvalue() == stream.read_text(encoding="utf-8")


def test_tables_read_with_lang_through_convert(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "programmes.csv").write_text("programme_id,title_en\np,P\n")
    convert(tmp_path / "t", tmp_path / "p.yaml")
    assert capacitylib.load(tmp_path / "p.yaml").id == "p"
    assert read_tables(tmp_path / "t")[0].id == "p"


def test_format_of_path():
    assert format_of_path("x.yml") == "yaml"
    with pytest.raises(DocumentError, match="cannot tell the format"):
        format_of_path("x.txt")


def test_a_folder_of_documents_converts_to_a_stream(tmp_path):
    folder = capacitylib.example_paths()[0].parent
    result = convert(folder, tmp_path / "all.ndjson")
    assert result.written == 6
    assert list(read_ndjson(tmp_path / "all.ndjson")) == EXAMPLES
