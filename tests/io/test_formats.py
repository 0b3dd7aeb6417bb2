"""The format registry: every format declared once, and every place that tells formats apart
asks it."""

import ast
import io
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib.cli import build_parser
from capacitylib.io import conversion, documents, formats, validate
from capacitylib.io.documents import DocumentError
from capacitylib.io.formats import FORMATS, FileFormat, format_named, format_of_path
from capacitylib.io.tables import table_format_of
from capacitylib.testing import programmes

SRC = Path(capacitylib.__file__).parent
EXAMPLE = capacitylib.load_examples()[0]
NAMES = [f.name for f in FORMATS]


def test_names_and_suffixes_are_unique_and_lower_case():
    """No two formats share a name or a suffix, and every suffix is a lower-case dot suffix."""
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(set(NAMES)) == len(NAMES)
    assert len(set(suffixes)) == len(suffixes)
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)
    assert formats.FOLDER_DEFAULT in NAMES


@pytest.mark.parametrize("fmt", FORMATS, ids=NAMES)
def test_every_suffix_in_any_case_names_its_format_everywhere(fmt: FileFormat):
    """A suffix gives its format in the registry and in each module's own lookup."""
    for suffix in fmt.suffixes:
        for written in (suffix, suffix.upper()):
            path = f"some/where/Data{written}"
            assert format_of_path(path) is fmt
            assert formats.format_of_suffix(path) is fmt
            assert conversion.format_of_path(path) == fmt.name
            if fmt.kind == "document":
                assert documents.format_of(path) == fmt.name
            if fmt.kind == "tables":
                assert table_format_of(path) == fmt.name


@given(
    fmt=st.sampled_from(FORMATS),
    stem=st.text(st.characters(blacklist_characters="/\\.\x00"), min_size=1, max_size=20),
    upper=st.lists(st.booleans(), min_size=10, max_size=10),
)
@settings(max_examples=100)
def test_any_file_name_with_a_format_suffix_is_that_format(fmt, stem, upper):
    """Whatever the file is called, and however its suffix is cased, the suffix decides."""
    suffix = "".join(c.upper() if u else c for c, u in zip(fmt.suffixes[-1], upper, strict=False))
    assert format_of_path(f"{stem}{suffix}") is fmt


@pytest.mark.parametrize("fmt", FORMATS, ids=NAMES)
def test_the_kind_of_a_file_follows_its_format(fmt: FileFormat, tmp_path):
    """validate reads a file as a document, a stream or tables according to the registry."""
    kind = {"document": "document", "records": "stream", "tables": "tables"}[fmt.kind]
    assert validate.input_kind(tmp_path / f"x{fmt.suffixes[0]}") == kind


def test_folders_hold_csv_unless_they_hold_only_parquet(tmp_path):
    """A folder (or a suffix-less path) is CSV tables, Parquet when it holds only .parquet."""
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "programmes.parquet").write_bytes(b"")
    (tmp_path / "both").mkdir()
    (tmp_path / "both" / "programmes.parquet").write_bytes(b"")
    (tmp_path / "both" / "programmes.csv").write_text("")
    (tmp_path / "odd.d").mkdir()
    assert format_of_path(tmp_path / "p").name == "parquet"
    assert format_of_path(tmp_path / "both").name == "csv"
    assert format_of_path(tmp_path / "odd.d").name == "csv"
    assert format_of_path(tmp_path / "not-there").name == "csv"
    # A suffix still wins over what a folder holds, as a name the user chose.
    (tmp_path / "t.csv").mkdir()
    (tmp_path / "t.csv" / "programmes.parquet").write_bytes(b"")
    assert format_of_path(tmp_path / "t.csv").name == "csv"
    # Only table formats are folders: a document needs its suffix.
    with pytest.raises(DocumentError, match="document format"):
        documents.format_of(tmp_path / "p")


def test_an_unknown_suffix_lists_every_known_format_and_suffix():
    """The error names the suffix and lists each format with its suffixes."""
    with pytest.raises(DocumentError) as info:
        format_of_path("notes.txt")
    message = str(info.value)
    assert message.startswith("notes.txt: cannot tell the format from the suffix '.txt'")
    for fmt in FORMATS:
        assert fmt.name in message and all(s in message for s in fmt.suffixes)
    with pytest.raises(DocumentError, match=r"known document formats: yaml \(\.yaml, \.yml\)"):
        documents.format_of("notes.txt")
    with pytest.raises(DocumentError, match=r"known table formats: csv \(\.csv or a folder\)"):
        table_format_of("notes.ods")


def test_an_unknown_name_lists_the_known_names():
    """A format named wrong (in Python, or --from and --to) gets the list of names."""
    with pytest.raises(DocumentError, match="unknown format 'yml'; known formats: yaml, json"):
        format_named("yml")
    with pytest.raises(DocumentError, match="unknown format 'xls'"):
        conversion.convert(capacitylib.example_paths()[0], "-", to_format="xls")


def test_the_command_offers_the_registered_formats():
    """--from and --to offer every format; --stdin-format the formats that stdin can hold."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    convert_parser = sub.choices["convert"]  # type: ignore[index]
    choices = {a.dest: a.choices for a in convert_parser._actions}
    assert list(choices["from_format"]) == NAMES == list(choices["to_format"])
    assert list(conversion.FORMATS) == NAMES
    validate_parser = sub.choices["validate"]  # type: ignore[index]
    stdin = next(a for a in validate_parser._actions if a.dest == "stdin_format")
    assert set(stdin.choices) == {"auto"} | {f.name for f in FORMATS if f.stdio}
    for line in formats.describe().splitlines():
        assert line in convert_parser.epilog


def test_the_type_aliases_name_the_registered_formats():
    """The Literal aliases list exactly the registered document, table and stdin formats."""
    assert set(get_args(formats.DocumentFormat)) == {
        f.name for f in FORMATS if f.kind == "document"
    }
    assert set(get_args(formats.TableFormat)) == {f.name for f in FORMATS if f.kind == "tables"}
    assert set(get_args(formats.StdinFormat)) - {"auto"} == {f.name for f in FORMATS if f.stdio}
    assert documents.Format is formats.DocumentFormat


@pytest.mark.parametrize("fmt", FORMATS, ids=NAMES)
def test_every_reader_and_writer_resolves(fmt: FileFormat):
    """Each dotted reader and writer names a function that exists (all extras installed)."""
    assert callable(formats._resolve(fmt.reader, fmt.extra))
    assert callable(formats._resolve(fmt.writer, fmt.extra))


def test_a_missing_extra_names_its_install_command():
    """A reader whose module needs a missing package raises MissingExtraError with pip."""
    fmt = FileFormat(
        "fake",
        (".fake",),
        "records",
        "a fake",
        reader="no_such_module_anywhere:read",
        writer="no_such_module_anywhere:write",
        extra="iati",
    )
    with pytest.raises(capacitylib.MissingExtraError, match=r"capacitylib\[iati\]"):
        list(fmt.read("x.fake"))


@pytest.mark.parametrize("fmt", FORMATS, ids=NAMES)
def test_every_format_writes_and_reads_back_through_the_registry(fmt: FileFormat, tmp_path):
    """A programme written by a format's writer is read back (equal, if it is lossless)."""
    target = tmp_path / f"out{fmt.suffixes[0]}"
    fmt.write([EXAMPLE], target)
    [outcome] = fmt.read(target)
    assert outcome.programme is not None
    if fmt.lossless:
        assert outcome.valid and outcome.programme == EXAMPLE


@given(programme=programmes(max_activities=2))
@settings(max_examples=10)
def test_generated_programmes_round_trip_through_every_stream_format(programme):
    """Any programme goes through the formats that write to a stream and reads back equal."""
    for fmt in FORMATS:
        if not (fmt.stdio and fmt.lossless):
            continue
        out = io.StringIO()
        fmt.write([programme], out)
        [outcome] = list(_read_text(fmt, out.getvalue()))
        assert outcome.programme == programme, fmt.name


def _read_text(fmt: FileFormat, text: str):
    return validate.validate_stdin(io.BytesIO(text.encode()), fmt=fmt.name)  # type: ignore[arg-type]


def test_checks_run_on_every_valid_record_read(tmp_path):
    """Checks add their findings to each valid outcome; options a reader lacks are dropped."""
    finding = capacitylib.Problem(code="x", path="", message="seen", severity="info")
    fmt = format_named("ndjson")
    target = tmp_path / "d.ndjson"
    fmt.write(capacitylib.load_examples(), target)
    outcomes = list(fmt.read(target, checks=lambda programme: [finding], lang="lt"))
    assert len(outcomes) == 6 and all(o.problems == [finding] for o in outcomes)


OWNED = [
    "io/documents.py",
    "io/validate.py",
    "io/conversion.py",
    "io/tables/__init__.py",
    *(f"cli/{p.name}" for p in (SRC / "cli").glob("*.py")),
]


@pytest.mark.parametrize("module", OWNED)
def test_suffixes_are_declared_only_in_the_registry(module):
    """No module that tells formats apart writes a suffix itself: it asks the registry."""
    suffixes = {s for f in FORMATS for s in f.suffixes}
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    literals = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert not literals & suffixes


def test_a_named_input_format_is_the_one_read(tmp_path):
    """convert --from json reads a document whose suffix says nothing as JSON."""
    source = tmp_path / "exported.txt"
    documents.dump(EXAMPLE, tmp_path / "p.json")
    source.write_text((tmp_path / "p.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = conversion.convert(source, tmp_path / "out.ndjson", from_format="json")
    assert result.ok and result.written == 1
    with pytest.raises(DocumentError, match="cannot tell the format"):
        conversion.convert(source, tmp_path / "out2.ndjson")


def test_streams_to_stdout_and_tables_refused_there():
    """NDJSON goes to stdout record by record; tables cannot be written there."""
    out = io.StringIO()
    result = conversion.convert(capacitylib.example_paths()[0], "-", to_format="ndjson", stdout=out)
    assert result.written == 1 and out.getvalue().count("\n") == 1
    with pytest.raises(DocumentError, match="csv tables cannot be written to stdout"):
        conversion.convert(capacitylib.example_paths()[0], "-", to_format="csv")
    with pytest.raises(DocumentError, match="xlsx tables cannot be read from stdin"):
        list(conversion.read_outcomes("-", "xlsx"))
