"""Tables against hostile files, interrupted writes and texts that flat formats mangle."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import capacitylib
from capacitylib import LocalizedText, Programme
from capacitylib.io._atomic import OutputError
from capacitylib.io.tables import (
    TableError,
    from_dataframes,
    limits,
    read_tables,
    read_tables_result,
    to_dataframes,
    write_csv,
    write_tables,
)
from capacitylib.io.tables import csv as csv_tables
from capacitylib.io.tables import parquet as parquet_tables
from capacitylib.io.tables.xlsx import MAX_XLSX_CELL_CHARS, ooxml_escape, ooxml_unescape
from capacitylib.testing import programme_collections
from capacitylib.values.text import MAX_TEXT_LENGTH

openpyxl = pytest.importorskip("openpyxl")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("pandas")

EXAMPLES = capacitylib.load_examples()
ROOT = Path(__file__).resolve().parents[2]


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` (or ``path`` itself) by relative name, with its bytes."""
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*"))}


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".cl-tmp")]


def codes(result: Any) -> list[str]:
    return [p.code for p in result.problems]


# --- A. atomic writes ---------------------------------------------------------------------------


def test_csv_writer_failing_after_the_first_table_leaves_the_previous_folder(tmp_path, monkeypatch):
    """A CSV export that fails halfway leaves the old folder byte for byte, and no temporaries."""
    target = tmp_path / "tables"
    write_tables(EXAMPLES, target)
    before = snapshot(target)
    original = csv_tables._write_one
    calls = []

    def fail_after_first(data: Any, path: Path, **kwargs: Any) -> None:
        calls.append(data.name)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(data, path, **kwargs)

    monkeypatch.setattr(csv_tables, "_write_one", fail_after_first)
    with pytest.raises(OSError, match="No space left on device"):
        write_tables(EXAMPLES[:1], target)
    assert snapshot(target) == before
    assert temporaries(tmp_path) == []


def test_parquet_writer_on_a_full_disk_leaves_the_previous_folder(tmp_path, monkeypatch):
    """A full disk while writing Parquet is an OutputError; the old folder is unchanged."""
    target = tmp_path / "t.parquet"
    write_tables(EXAMPLES, target)
    before = snapshot(target)
    original = parquet_tables.arrow_table
    calls = []

    def full_disk_after_first(data: Any) -> Any:
        calls.append(data.name)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(data)

    monkeypatch.setattr(parquet_tables, "arrow_table", full_disk_after_first)
    with pytest.raises(OutputError) as info:
        write_tables(EXAMPLES[:1], target)
    assert info.value.errno == errno.ENOSPC
    assert str(target) in str(info.value)
    assert snapshot(target) == before
    assert temporaries(tmp_path) == []


def test_xlsx_writer_on_a_full_disk_leaves_the_previous_workbook(tmp_path, monkeypatch):
    """A workbook save that fails halfway leaves the old workbook readable and unchanged."""
    target = tmp_path / "t.xlsx"
    write_tables(EXAMPLES, target)
    before = target.read_bytes()
    original = openpyxl.Workbook.save

    def half_then_full(self: Any, filename: Any) -> None:
        buffer = io.BytesIO()
        original(self, buffer)
        Path(filename).write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_tables(EXAMPLES[:1], target)
    assert target.read_bytes() == before
    assert temporaries(tmp_path) == []
    assert read_tables(target) == EXAMPLES


_SLOW_WRITER = """
import sys, time
from pathlib import Path
import capacitylib
from capacitylib.io.tables import write_tables
fmt, target, ready = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if fmt == "csv":
    from capacitylib.io.tables import csv as module
    original = module._write_one
    def slow(data, path, **kwargs):
        original(data, path, **kwargs)
        ready.touch()
        time.sleep(60)
    module._write_one = slow
else:
    import io, openpyxl
    original = openpyxl.Workbook.save
    def slow(self, filename):
        buffer = io.BytesIO()
        original(self, buffer)
        with open(filename, "wb") as handle:
            handle.write(buffer.getvalue()[:1000])
            handle.flush()
            ready.touch()
            time.sleep(60)
    openpyxl.Workbook.save = slow
write_tables(capacitylib.load_examples()[:1], target)
"""


@pytest.mark.parametrize(("fmt", "name"), [("csv", "tables"), ("xlsx", "t.xlsx")])
def test_writer_killed_mid_write_leaves_the_previous_output(fmt, name, tmp_path):
    """SIGKILL while a table export is half written leaves the previous output intact."""
    target = tmp_path / name
    write_tables(EXAMPLES, target)
    before = snapshot(target)
    ready = tmp_path / "ready"
    script = tmp_path / "slow.py"
    script.write_text(textwrap.dedent(_SLOW_WRITER))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, str(script), fmt, str(target), str(ready)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert process.poll() is None, "the writer ended before it was killed"
            assert time.monotonic() < deadline, "the writer never started writing"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert snapshot(target) == before
    assert read_tables(target) == EXAMPLES
    write_tables(EXAMPLES[:1], target)  # the next write removes the killed run's temporaries
    assert read_tables(target) == EXAMPLES[:1]
    assert temporaries(tmp_path) == []


# --- B. exports that read back exactly ----------------------------------------------------------

HOSTILE_TEXTS = [
    "\r",
    "a\rb",
    "a\r\nb",
    "a\u0085b",
    "a\u2028b",
    "\ttab",
    "=1+1",
    "'=1",
    "_x000D_",
    "_x005F_x000D_",
    "x" * MAX_TEXT_LENGTH,
]


def hostile_programme(text: str) -> Programme:
    """Every kind of text field holding ``text`` (non-blank fields get a letter added)."""
    solid = text if text.strip() else f"t{text}"
    return Programme.model_validate(
        {
            "id": "p",
            "title": {"lt": solid, "en": "x"},
            "summary": {"en": solid},
            "note": text,
            "objectives": [{"en": solid}],
            "activities": [{"id": "a", "kind": "seminar", "note": text, "locations": [solid]}],
        }
    )


def through(fmt: str, programmes: list[Programme], tmp: Path) -> list[Programme]:
    if fmt == "pandas":
        return from_dataframes(to_dataframes(programmes))
    target = tmp / {"csv": "t.csv", "xlsx": "t.xlsx", "parquet": "t.parquet"}[fmt]
    write_tables(programmes, target)
    return read_tables(target)


FORMATS = ["csv", "xlsx", "parquet", "pandas"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=lambda t: repr(t[:12]))
def test_hostile_texts_read_back_equal_or_are_refused(fmt, text, tmp_path):
    """CR, NEL, U+2028, tabs, a leading "=" and 100,000 characters come back exactly or are refused."""
    programme = hostile_programme(text)
    if fmt == "xlsx" and len(text) > MAX_XLSX_CELL_CHARS:
        with pytest.raises(TableError) as info:
            through(fmt, [programme], tmp_path)
        assert {p.code for p in info.value.problems} == {"table_cell_unwritable"}
        assert all("32,767" in p.message and p.table and p.row for p in info.value.problems)
        assert not (tmp_path / "t.xlsx").exists()
        return
    back = through(fmt, [programme], tmp_path)
    assert back == [programme]
    assert back[0].note == text


@given(st.text(st.sampled_from(["_", "x", "0", "D", "5", "F", "\r", "A"])))
def test_ooxml_escape_is_undone_exactly(text):
    """Any mix of underscores, hex digits and CRs survives the workbook's _xHHHH_ escape."""
    assert ooxml_unescape(ooxml_escape(text)) == text


def test_two_longest_texts_in_one_csv_cell_read_back(tmp_path):
    """A CSV cell of two 100,000-character texts is above the csv module's default limit."""
    texts = ["x" * MAX_TEXT_LENGTH, "y" * MAX_TEXT_LENGTH]
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "t"},
            "activities": [{"id": "a", "kind": "seminar", "locations": texts}],
        }
    )
    assert through("csv", [programme], tmp_path) == [programme]


def test_csv_cell_above_the_field_limit_is_refused_on_writing_and_reading(tmp_path, monkeypatch):
    """The writer refuses a cell the reader would not accept; the reader reports it cleanly."""
    monkeypatch.setattr(limits, "MAX_CSV_FIELD_CHARS", 1000)
    programme = Programme.model_validate({"id": "p", "title": {"en": "x" * 2000}})
    with pytest.raises(TableError) as info:
        write_csv([programme], tmp_path / "t")
    assert [(p.code, p.table, p.row, p.column) for p in info.value.problems] == [
        ("table_cell_unwritable", "programmes", 2, "title_en")
    ]
    folder = tmp_path / "hand"
    folder.mkdir()
    (folder / "programmes.csv").write_text(f"programme_id,title_en\np,{'x' * 2000}\n")
    result = read_tables_result(folder)
    assert codes(result) == ["table_too_large"]
    assert result.problems[0].row == 2


def _workbook_with_formula(tmp_path: Path, cached: str | None) -> Path:
    """A workbook whose note cell is a formula, with or without the value Excel caches."""
    path = tmp_path / "f.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "programmes"
    sheet.append(["programme_id", "title_en", "note"])
    sheet.append(["p", "P", "=CONCATENATE(B2, B2)"])
    book.save(path)
    if cached is None:
        return path
    out = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes an empty <v /> (its own writer) or <v></v> (with lxml).
                data = re.sub(
                    rb"<f>CONCATENATE\(B2, B2\)</f><v\s*(?:/>|></v>)",
                    b"<f>CONCATENATE(B2, B2)</f><v>" + cached.encode() + b"</v>",
                    data,
                ).replace(b'<c r="C2">', b'<c r="C2" t="str">')
                assert b"<v>" + cached.encode() in data
            zout.writestr(info, data)
    return out


def test_xlsx_formula_without_a_cached_value_is_a_problem_not_an_empty_cell(tmp_path):
    """A formula nobody calculated is reported with its table, row and column."""
    result = read_tables_result(_workbook_with_formula(tmp_path, None))
    assert [(p.code, p.table, p.row, p.column) for p in result.problems] == [
        ("table_cell_formula", "programmes", 2, "note")
    ]
    assert "CONCATENATE" in result.problems[0].message


def test_xlsx_formula_with_a_cached_value_reads_the_value(tmp_path):
    """A formula Excel calculated reads as the value it saved."""
    (programme,) = read_tables(_workbook_with_formula(tmp_path, "PP"))
    assert programme.note == "PP"


_HOSTILE_CHARS = st.sampled_from(
    ["\r", "\n", "\r\n", "\u0085", "\u2028", "\t", "=", "'", "_x000D_"]
)
_hostile_texts = (
    st.lists(
        st.one_of(_HOSTILE_CHARS, st.text(st.characters(codec="utf-8", categories=["L", "N"]))),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(bool)
)
_solid_texts = _hostile_texts.map(lambda t: t if t.strip() else f"x{t}")
_tags = st.sampled_from(["lt", "en", "cs", "lv", "pt-BR", "no"])


@st.composite
def hostile_collections(draw: st.DrawFn) -> list[Programme]:
    """Programme collections with hostile texts and texts whose languages come in any order."""
    docs = draw(programme_collections())
    out = []
    for drawn in docs:
        languages = draw(st.lists(_tags, min_size=1, max_size=3, unique=True))
        doc = {**drawn, "title": {tag: draw(_solid_texts) for tag in languages}}
        doc["note"] = draw(_hostile_texts)
        doc["objectives"] = [
            {tag: draw(_solid_texts) for tag in draw(st.permutations(languages))}
            for _ in range(draw(st.integers(0, 2)))
        ]
        out.append(Programme.model_validate(doc))
    return out


def languages_of(value: Any, path: str = "") -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every LocalizedText in a model, with its path and its languages in order."""
    if isinstance(value, LocalizedText):
        yield path, value.languages
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from languages_of(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from languages_of(item, f"{path}[{i}]")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(programmes=hostile_collections())
def test_every_format_gives_back_the_same_languages_in_the_same_order(fmt, programmes, tmp_path):
    """Every LocalizedText keeps its languages, in the same order, through each format."""
    back = through(fmt, programmes, tmp_path)
    assert back == programmes
    assert [list(languages_of(p)) for p in back] == [list(languages_of(p)) for p in programmes]


def test_languages_are_kept_sorted_by_tag_whatever_order_they_come_in():
    """{"lt": .., "en": ..} and {"en": .., "lt": ..} are the same text with the same languages."""
    a = LocalizedText({"lt": "Intervizija", "en": "Intervision"})
    b = LocalizedText.model_validate_json('{"en": "Intervision", "lt": "Intervizija"}')
    assert a.languages == b.languages == ("en", "lt")
    assert a.model_dump_json() == b.model_dump_json()
    assert LocalizedText({"lv": "Supervīzija", "cs": "Supervize"}).best() == "Supervize"


# --- D. CSV formula injection -------------------------------------------------------------------

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+cmd",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'=1",
]


def programme_cells(folder: Path) -> dict[str, str]:
    with (folder / "programmes.csv").open(encoding="utf-8", newline="") as handle:
        return next(iter(csv.DictReader(handle)))


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_csv_export_neutralises_formulas_and_reads_back_exactly(payload, tmp_path):
    """A title or note that a spreadsheet would run is written after a ' and read back as is."""
    programme = Programme.model_validate({"id": "p", "title": {"en": payload}, "note": payload})
    write_csv([programme], tmp_path / "t")
    cells = programme_cells(tmp_path / "t")
    assert cells["title_en"] == cells["note"] == "'" + payload
    assert read_tables(tmp_path / "t") == [programme]


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_raw_csv_export_writes_formulas_verbatim_and_reads_back_exactly(payload, tmp_path):
    """formula_escape=False writes the text as is (a leading ' still doubled), lossless too."""
    programme = Programme.model_validate({"id": "p", "title": {"en": payload}, "note": payload})
    write_tables([programme], tmp_path / "t", csv_formula_escape=False)
    cells = programme_cells(tmp_path / "t")
    expected = "'" + payload if payload.startswith("'") else payload
    assert cells["title_en"] == cells["note"] == expected
    assert read_tables(tmp_path / "t") == [programme]


def test_csv_canonical_columns_are_not_prefixed(tmp_path):
    """A yearless partial date (--03-30) is a value, not a formula: written and read as is."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "t"},
            "activities": [{"id": "a", "kind": "seminar", "sessions": [{"date": "--03-30"}]}],
        }
    )
    write_csv([programme], tmp_path / "t")
    sessions = (tmp_path / "t" / "sessions.csv").read_text(encoding="utf-8")
    assert ",--03-30" in sessions and "'--03-30" not in sessions
    assert read_tables(tmp_path / "t") == [programme]


@pytest.mark.parametrize("escape", [True, False])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(
        st.tuples(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", ""]), _hostile_texts),
        min_size=1,
        max_size=3,
    )
)
def test_csv_round_trip_is_exact_for_formula_like_texts(escape, texts, tmp_path_factory):
    """Texts starting like a formula or with quotes read back exactly, escaped or raw."""
    made = ["".join(pair) for pair in texts]
    programmes = [
        Programme.model_validate(
            {"id": f"p{i}", "title": {"en": f"{t}x"}, "note": t, "objectives": [{"lt": f"{t}o"}]}
        )
        for i, t in enumerate(made)
    ]
    target = tmp_path_factory.mktemp("t") / "t"
    write_tables(programmes, target, csv_formula_escape=escape)
    assert read_tables(target) == programmes
    if escape:
        with (target / "programmes.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                assert not row["title_en"].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_xlsx_export_writes_formula_like_texts_as_strings_never_formulas(tmp_path):
    """Every payload is a string cell in the workbook; none is a formula Excel would run."""
    programmes = [
        Programme.model_validate({"id": f"p{i}", "title": {"en": p}, "note": p})
        for i, p in enumerate(PAYLOADS)
    ]
    write_tables(programmes, tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    book = openpyxl.load_workbook(tmp_path / "t.xlsx", data_only=False)
    cells = [c for row in book["programmes"].iter_rows(min_row=2) for c in row if c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    assert read_tables(tmp_path / "t.xlsx") == programmes


# --- C. hostile workbooks, Parquet and CSV files ------------------------------------------------


def _sheet_xml(body: bytes, dimension: bytes | None) -> bytes:
    dim = b'<dimension ref="' + dimension + b'"/>' if dimension else b""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + dim
        + b"<sheetData>"
        + body
        + b"</sheetData></worksheet>"
    )


def _rows_xml(rows: list[list[str]]) -> bytes:
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for c, v in enumerate(row)
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out).encode()


def _replace_member(path: Path, name: str, data: bytes, out: Path, **members: bytes) -> Path:
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, data if info.filename == name else zin.read(info))
        for extra, content in members.items():
            zout.writestr(extra, content)
    return out


@pytest.fixture
def small_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "good.xlsx"
    write_tables(EXAMPLES[:1], path)
    return path


def _sheet1_of(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_xlsx_sheet_spanning_a_whole_grid_is_refused_before_reading(small_workbook, tmp_path):
    """One cell at XFD1048576 (a 17-billion-cell dimension) is table_too_large, at once."""
    sheet = _sheet_xml(
        _rows_xml([["programme_id", "title_en"], ["p", "P"]])
        + b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
        b"A1:XFD1048576",
    )
    path = _replace_member(small_workbook, "xl/worksheets/sheet1.xml", sheet, tmp_path / "x.xlsx")
    started = time.monotonic()
    result = read_tables_result(path)
    assert codes(result) == ["table_too_large"]
    assert "XFD1048576" in result.problems[0].message
    assert time.monotonic() - started < 10


def test_xlsx_sheet_without_a_dimension_stops_at_the_cell_limit(small_workbook, tmp_path):
    """A sheet that declares no dimension is counted as it is read, and reading stops."""
    rows = [["programme_id", "title_en"]] + [[f"p{i}", "P"] for i in range(600)]
    sheet = _sheet_xml(_rows_xml(rows), None)
    path = _replace_member(small_workbook, "xl/worksheets/sheet1.xml", sheet, tmp_path / "n.xlsx")
    result = read_tables_result(path, max_cells=500)
    assert codes(result) == ["table_too_large"]
    assert result.problems[0].row is not None and result.problems[0].row <= 251


def test_xlsx_with_a_false_small_dimension_loses_no_rows(small_workbook, tmp_path):
    """A dimension of A1:B2 over three data rows: every row is read, none silently dropped."""
    rows = [["programme_id", "title_en"], ["p1", "P"], ["p2", "P"], ["p3", "P"]]
    sheet = _sheet_xml(_rows_xml(rows), b"A1:B2")
    path = _replace_member(small_workbook, "xl/worksheets/sheet1.xml", sheet, tmp_path / "d.xlsx")
    ids = [r.programme_id for r in read_tables_result(path).programmes]
    assert ids == ["p1", "p2", "p3"]


def test_xlsx_zip_bomb_is_refused_from_the_zip_directory(small_workbook, tmp_path):
    """A member that expands a thousand times is table_file_unsafe before it is unzipped."""
    sheet = _sheet_xml(
        _rows_xml([["programme_id", "title_en"], ["p", "P" + " " * 3_000_000]]), b"A1:B2"
    )
    path = _replace_member(small_workbook, "xl/worksheets/sheet1.xml", sheet, tmp_path / "b.xlsx")
    assert path.stat().st_size < 100_000
    result = read_tables_result(path)
    assert codes(result) == ["table_file_unsafe"]
    assert "zip bomb" in result.problems[0].message


def test_xlsx_declaring_more_than_the_byte_limit_unzipped_is_refused(small_workbook, monkeypatch):
    """The sum of the declared sizes is checked against MAX_XLSX_UNCOMPRESSED_BYTES."""
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED_BYTES", 10_000)
    assert codes(read_tables_result(small_workbook)) == ["table_too_large"]
    assert codes(read_tables_result(small_workbook, max_bytes=10**9)) == []


@pytest.mark.parametrize(
    ("member", "prolog"),
    [
        (
            "xl/workbook.xml",
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        ),
        ("xl/worksheets/sheet1.xml", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
        ("xl/sharedStrings.xml", "<!DOCTYPE x>".encode("utf-16-le")),
    ],
    ids=["entity-expansion", "external-entity", "utf-16-doctype"],
)
def test_xlsx_with_a_doctype_is_refused_cleanly(small_workbook, tmp_path, member, prolog):
    """A DOCTYPE or ENTITY in any XML part is table_file_unsafe, never a parser traceback."""
    with zipfile.ZipFile(small_workbook) as archive:
        names = archive.namelist()
        data = archive.read(member) if member in names else b""
    head, sep, rest = data.partition(b"?>")
    data = head + sep + prolog + rest if sep else prolog + data
    path = tmp_path / "dtd.xlsx"
    if member in names:
        _replace_member(small_workbook, member, data, path)
    else:
        _replace_member(small_workbook, "", b"", path, **{member: data})
    result = read_tables_result(path)
    assert codes(result) == ["table_file_unsafe"]
    assert "DOCTYPE" in result.problems[0].message


def test_xlsx_with_an_encrypted_member_is_refused(small_workbook, tmp_path):
    """A zip member flagged as encrypted is table_file_unsafe, not a RuntimeError."""
    data = bytearray(small_workbook.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    path = tmp_path / "enc.xlsx"
    path.write_bytes(bytes(data))
    result = read_tables_result(path)
    assert codes(result) == ["table_file_unsafe"]
    assert "encrypted" in result.problems[0].message


def test_xlsx_merged_cells_are_still_reported_in_streaming_mode(tmp_path):
    """Merged header and data cells keep their problems though read-only mode hides them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "programmes"
    sheet.append(["programme_id", "title_en", "note"])
    sheet.append(["p", "P", "n"])
    sheet.append(["q", "Q", "n"])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "m.xlsx")
    result = read_tables_result(tmp_path / "m.xlsx")
    assert sorted((p.code, p.row) for p in result.problems) == [
        ("table_cells_merged", 2),
        ("table_header_merged", 1),
    ]


def _many_rows_parquet(folder: Path, rows: int) -> Path:
    folder.mkdir()
    ids = pa.DictionaryArray.from_arrays(pa.array([0] * rows, pa.int32()), pa.array(["p"]))
    pq.write_table(pa.table({"programme_id": ids, "title_en": ids}), folder / "programmes.parquet")
    return folder


def test_parquet_declaring_too_many_rows_is_refused_from_its_metadata(tmp_path, monkeypatch):
    """A small dictionary-encoded file of many rows is table_too_large before any row is read."""
    folder = _many_rows_parquet(tmp_path / "p", 50_000)
    assert (folder / "programmes.parquet").stat().st_size < 20_000
    monkeypatch.setattr(limits, "MAX_TABLE_CELLS", 10_000)
    monkeypatch.setattr(parquet_tables, "_read_batches", None)  # reading rows would fail
    result = read_tables_result(folder)
    assert codes(result) == ["table_too_large"]
    assert "50,000 rows" in result.problems[0].message


def test_parquet_declaring_more_than_the_byte_limit_is_refused(tmp_path, monkeypatch):
    """The uncompressed size the metadata declares is checked before reading."""
    write_tables(EXAMPLES, tmp_path / "t.parquet")
    monkeypatch.setattr(limits, "MAX_PARQUET_UNCOMPRESSED_BYTES", 100)
    assert set(codes(read_tables_result(tmp_path / "t.parquet"))) == {"table_too_large"}
    assert read_tables(tmp_path / "t.parquet", max_bytes=10**9) == EXAMPLES


def test_parquet_is_read_batch_by_batch_with_the_same_result(tmp_path, monkeypatch):
    """Reading in batches of two rows gives the same programmes."""
    write_tables(EXAMPLES, tmp_path / "t.parquet")
    monkeypatch.setattr(parquet_tables, "_BATCH_ROWS", 2)
    assert read_tables(tmp_path / "t.parquet") == EXAMPLES


def test_parquet_files_with_amounts_as_text_and_other_tools_types_still_read(tmp_path):
    """A file without capacitylib metadata, amounts as plain strings and dictionary ids, reads."""
    folder = tmp_path / "old"
    folder.mkdir()
    ids = pa.DictionaryArray.from_arrays(pa.array([0], pa.int32()), pa.array(["p"]))
    table = pa.table(
        {
            "programme_id": ids,
            "title_en": pa.array(["T"]),
            "budget_total_amount": pa.array(["43940212.00"]),
            "budget_total_currency": pa.array(["EUR"]),
        }
    )
    pq.write_table(table, folder / "programmes.parquet")
    (programme,) = read_tables(folder)
    assert str(programme.budget.total.amount) == "43940212.00"  # type: ignore[union-attr]


def test_csv_file_above_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    """The size on disk is checked first: the file's bytes are never read."""
    write_tables(EXAMPLES, tmp_path / "t")
    monkeypatch.setattr(limits, "MAX_CSV_BYTES", 10)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    result = read_tables_result(tmp_path / "t")
    assert set(codes(result)) == {"table_too_large"}
    assert "above the limit of 10;" in result.problems[0].message


def test_csv_reading_stops_at_the_cell_limit(tmp_path):
    """A folder of more cells than max_cells is table_too_large; a higher limit reads it."""
    write_tables(EXAMPLES, tmp_path / "t")
    assert "table_too_large" in codes(read_tables_result(tmp_path / "t", max_cells=200))
    assert read_tables(tmp_path / "t", max_cells=10**7) == EXAMPLES
