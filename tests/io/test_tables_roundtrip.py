from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib import Programme
from capacitylib.io import dumps
from capacitylib.io.tables import (
    TABLES,
    from_dataframes,
    from_tables,
    read_tables,
    to_dataframes,
    to_tables,
    write_tables,
)
from capacitylib.io.tables.columns import _DECLARATIONS, LANGUAGE_RE
from capacitylib.testing import programme_collections as collections

EXAMPLES = capacitylib.load_examples()

pytest.importorskip("openpyxl")
pytest.importorskip("pyarrow")
pytest.importorskip("pandas")

# (format name, target under a temporary folder)
FILE_FORMATS = [
    ("csv", "tables.csv"),
    ("csv", "tables"),
    ("xlsx", "t.xlsx"),
    ("parquet", "t.parquet"),
]


def round_trip(programmes: list[Programme], fmt: str, tmp: Path, name: str) -> list[Programme]:
    if fmt == "memory":
        return from_tables(to_tables(programmes))
    if fmt == "pandas":
        return from_dataframes(to_dataframes(programmes))
    target = tmp / name
    write_tables(programmes, target)
    return read_tables(target)


@pytest.mark.parametrize(
    ("fmt", "name"), [("memory", ""), ("pandas", ""), *FILE_FORMATS], ids=lambda x: x or "-"
)
def test_seed_examples_round_trip_through_every_table_format(fmt, name, tmp_path):
    """documents -> tables -> documents gives equal models, and the same canonical text."""
    back = round_trip(EXAMPLES, fmt, tmp_path, name)
    assert back == EXAMPLES
    assert [dumps(p) for p in back] == [dumps(p) for p in EXAMPLES]


def test_seed_figures_survive_tables_exactly(tmp_path):
    """Amounts keep their digits, ranges stay ranges, partial dates keep their precision."""
    write_tables(EXAMPLES, tmp_path / "t.xlsx")
    by_id = {p.id: p for p in read_tables(tmp_path / "t.xlsx")}
    lt = by_id["lt-07-003-P-0001"]
    assert str(lt.budget.total.amount) == "43940212.00"  # type: ignore[union-attr]
    sup = by_id["cz-up-msk-supervision"].activity("supervision")
    assert str(sup.hours_per_session) == "2-3 h"
    seminar = by_id["lt-institutional-care-transition"].activity("cluster-seminars")
    assert [str(s.date) for s in seminar.sessions] == ["--03-30", "--04", "--04", "--05", "--06"]
    assert lt.title.languages == ("en", "lt")


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "name"), [("memory", ""), ("pandas", "")])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=collections())
def test_generated_programmes_round_trip_in_memory(fmt, name, docs, tmp_path_factory):
    programmes = [Programme.model_validate(d) for d in docs]
    assert round_trip(programmes, fmt, tmp_path_factory.mktemp("t"), name) == programmes


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "name"), FILE_FORMATS)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(docs=collections())
def test_generated_programmes_round_trip_through_files(fmt, name, docs, tmp_path_factory):
    programmes = [Programme.model_validate(d) for d in docs]
    assert round_trip(programmes, fmt, tmp_path_factory.mktemp("t"), name) == programmes


def test_every_model_field_has_a_column_or_a_table():
    """A new model field cannot be dropped silently: each is a column or a child table."""
    for decl in _DECLARATIONS:
        if decl.model.__name__ == "LocalizedText":
            continue
        covered = {spec.field for spec in decl.specs} | {f.split(".")[0] for f in decl.child_fields}
        assert set(decl.model.model_fields) == covered, decl.name
        for spec in decl.specs:
            if spec.kind == "nested":
                inner = {s.field for s in spec.inner}
                nested_children = {
                    f.split(".")[1] for f in decl.child_fields if f.startswith(f"{spec.field}.")
                }
                assert set(spec.model.model_fields) == inner | nested_children, spec.field  # type: ignore[union-attr]


def test_column_names_are_unique_and_unambiguous():
    """No column name repeats, and none could be read as a language column of a text field."""
    for table in TABLES:
        names = [c.name for c in table.columns if c.kind != "localized"]
        assert len(names) == len(set(names)), table.name
        for name in names:
            assert table.localized_column(name) is None, (table.name, name)
        for col in table.columns:
            if col.kind == "localized":
                assert col.name == "" or not LANGUAGE_RE.match(col.name)


def test_decimals_are_never_floats_in_any_format(tmp_path):
    """Amount cells are Decimal in DataFrames, decimal128 in Parquet, text in XLSX, never float."""
    import openpyxl
    import pyarrow.parquet as pq

    frames = to_dataframes(EXAMPLES)
    amounts = frames["programmes"]["budget_total_amount"].dropna().tolist()
    assert amounts and all(type(a).__name__ == "Decimal" for a in amounts)
    write_tables(EXAMPLES, tmp_path / "t.parquet")
    schema = pq.read_schema(tmp_path / "t.parquet" / "programmes.parquet")
    assert str(schema.field("budget_total_amount").type) == "decimal128(10, 2)"
    assert schema.field("budget_total_amount").metadata == {b"capacitylib.kind": b"decimal"}
    write_tables(EXAMPLES, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["programmes"]
    header = [c.value for c in sheet[1]]
    column = header.index("budget_total_amount") + 1
    values = [sheet.cell(row=r, column=column).value for r in range(2, sheet.max_row + 1)]
    assert "43940212.00" in values
