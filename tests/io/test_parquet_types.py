"""Parquet with real types: decimals, dates and integers; old files with text amounts still read."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib import Programme
from capacitylib.io import dumps
from capacitylib.io.tables import TABLES, read_parquet, to_tables, write_parquet
from capacitylib.testing import extreme_programmes
from capacitylib.testing import programme_collections as collections

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

EXAMPLES = capacitylib.load_examples()


def test_columns_have_real_types(tmp_path: Path) -> None:
    """Amounts are decimal128, dates date32, counts int64, codes dictionary strings."""
    write_parquet(EXAMPLES, tmp_path / "t.parquet")
    programmes = pq.read_schema(tmp_path / "t.parquet" / "programmes.parquet")
    assert programmes.field("budget_total_amount").type == pa.decimal128(10, 2)
    assert programmes.field("stated_partner_count").type == pa.int64()
    assert programmes.field("country").type == pa.dictionary(pa.int32(), pa.string())
    assert programmes.metadata[b"capacitylib.table"] == b"programmes"
    for table in TABLES:  # every column of kind date or int, in every table
        schema = pq.read_schema(tmp_path / "t.parquet" / f"{table.name}.parquet")
        for col in table.columns:
            if col.kind == "date":
                assert schema.field(col.name).type == pa.date32(), (table.name, col.name)
            elif col.kind in ("int", "position"):
                assert schema.field(col.name).type == pa.int64(), (table.name, col.name)
    activities = pq.read_schema(tmp_path / "t.parquet" / "activities.parquet")
    assert pa.types.is_decimal(activities.field("hours_per_session_min").type)
    assert activities.field("hours_per_session_approximate").type == pa.bool_()
    assert activities.field("hours_per_session_academic_hour_minutes").type == pa.int64()


def _old_arrow_table(data: object) -> object:
    """A table as capacitylib 0.x wrote it: amounts and figures as exact decimal text."""
    types = {"int": pa.int64(), "position": pa.int64(), "bool": pa.bool_(), "date": pa.date32()}
    fields, arrays = [], []
    for column in data.columns:  # type: ignore[attr-defined]
        kind = data.kind(column)  # type: ignore[attr-defined]
        arrow_type = types.get(kind, pa.string())
        values = [row.get(column) for row in data.rows]  # type: ignore[attr-defined]
        if arrow_type == pa.string():
            values = [None if v is None else str(v) for v in values]
        fields.append(pa.field(column, arrow_type, metadata={"capacitylib.kind": kind}))
        arrays.append(pa.array(values, type=arrow_type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def test_parquet_written_by_older_capacitylib_with_text_amounts_still_reads(
    tmp_path: Path,
) -> None:
    """Files whose amounts are decimal text (the earlier encoding) read back exactly."""
    folder = tmp_path / "old.parquet"
    folder.mkdir()
    for name, data in to_tables(EXAMPLES).items():
        pq.write_table(_old_arrow_table(data), folder / f"{name}.parquet")
    assert str(pq.read_schema(folder / "programmes.parquet").field("budget_total_amount").type) == (
        "string"
    )
    back = read_parquet(folder)
    assert back == EXAMPLES
    assert [dumps(p) for p in back] == [dumps(p) for p in EXAMPLES]


def test_a_decimal_column_shares_one_scale_and_keeps_every_value(tmp_path: Path) -> None:
    """12.5 beside 12.50 reads back as the equal 12.50; no digit is lost or rounded."""
    docs = [
        {
            "id": "a",
            "title": {"en": "A"},
            "budget": {"total": {"amount": "12.5", "currency": "EUR"}},
        },
        {
            "id": "b",
            "title": {"en": "B"},
            "budget": {"total": {"amount": "0.125", "currency": "EUR"}},
        },
    ]
    programmes = [Programme.model_validate(d) for d in docs]
    write_parquet(programmes, tmp_path / "t.parquet")
    field = pq.read_schema(tmp_path / "t.parquet" / "programmes.parquet").field(
        "budget_total_amount"
    )
    assert field.type == pa.decimal128(5, 3)
    back = read_parquet(tmp_path / "t.parquet")
    assert back == programmes
    assert [p.budget.total.amount for p in back] == [Decimal("12.500"), Decimal("0.125")]


def test_wide_decimals_widen_to_decimal256_and_wider_stay_exact_text(tmp_path: Path) -> None:
    """40 digits are decimal256; 1E-100 beside 10^17 (118 digits) stays exact decimal text."""
    wide = "123456789012345678.0123456789012345678901"
    docs = [
        {"id": "w", "title": {"en": "W"}, "budget": {"total": {"amount": wide, "currency": "EUR"}}},
        {
            "id": "t",
            "title": {"en": "T"},
            "activities": [
                {"id": "a", "kind": "pilot", "sessions_actual": {"min": "1E-100", "max": "1E+17"}}
            ],
        },
    ]
    programmes = [Programme.model_validate(d) for d in docs]
    write_parquet(programmes, tmp_path / "t.parquet")
    schema = pq.read_schema(tmp_path / "t.parquet" / "programmes.parquet")
    assert schema.field("budget_total_amount").type == pa.decimal256(40, 22)
    activities = pq.read_schema(tmp_path / "t.parquet" / "activities.parquet")
    text = activities.field("sessions_actual_min")
    assert text.type == pa.string()
    assert text.metadata[b"capacitylib.decimal"] == b"text"
    assert read_parquet(tmp_path / "t.parquet") == programmes


def test_row_groups_of_a_long_input_share_one_schema(tmp_path: Path, monkeypatch) -> None:
    """Programmes flattened in many chunks become row groups of one typed schema."""
    from capacitylib.io.tables import _spool, parquet

    monkeypatch.setattr(_spool, "CHUNK_PROGRAMMES", 2)
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 3)
    many = [p.model_copy(update={"id": f"{p.id}-{i}"}) for i in range(4) for p in EXAMPLES]
    write_parquet(iter(many), tmp_path / "t.parquet")
    handle = pq.ParquetFile(tmp_path / "t.parquet" / "activities.parquet")
    assert handle.metadata.num_row_groups > 1
    assert read_parquet(tmp_path / "t.parquet") == many


@pytest.mark.slow
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(collections())
def test_generated_programmes_round_trip_through_typed_parquet(
    tmp_path: Path, docs: list[dict[str, object]]
) -> None:
    """Any collection of rich programmes reads back equal from typed Parquet files."""
    programmes = [Programme.model_validate(d) for d in docs]
    write_parquet(programmes, tmp_path / "t.parquet")
    assert read_parquet(tmp_path / "t.parquet") == programmes


@pytest.mark.slow
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(extreme_programmes())
def test_extreme_figures_round_trip_through_parquet_without_rounding(
    tmp_path: Path, programme: Programme
) -> None:
    """Amounts of 10^18 and 10^-1000000, 40 digits, counts of 10^30: exact in Parquet."""
    write_parquet([programme], tmp_path / "t.parquet")
    assert read_parquet(tmp_path / "t.parquet") == [programme]


# --- a partitioned dataset -------------------------------------------------------------------

ds = pytest.importorskip("pyarrow.dataset")


def _by_id(programmes: list[Programme]) -> list[Programme]:
    return sorted(programmes, key=lambda p: p.id)


def test_a_partitioned_dataset_round_trips_and_prunes_by_country_and_year(tmp_path: Path) -> None:
    """Every table is split by programme country and year; pyarrow.dataset reads a partition."""
    from capacitylib.io import read_parquet_dataset, write_parquet_dataset

    folder = write_parquet_dataset(EXAMPLES, tmp_path / "portfolio")
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == sorted(to_tables(EXAMPLES))
    assert (folder / "activities" / "programme_country=LT").is_dir()
    activities = ds.dataset(folder / "activities", partitioning="hive")
    lt = activities.to_table(filter=ds.field("programme_country") == "LT")
    expected = sum(len(p.activities) for p in EXAMPLES if p.country == "LT")
    assert lt.num_rows == expected
    assert pa.types.is_decimal(activities.schema.field("sessions_actual_min").type)
    assert _by_id(read_parquet_dataset(folder)) == _by_id(EXAMPLES)


@pytest.mark.parametrize("partition_by", [(), ("country",), ("year",)])
def test_a_dataset_may_be_partitioned_by_fewer_keys(
    tmp_path: Path, partition_by: tuple[str, ...]
) -> None:
    """Either key alone, or none, gives the same programmes back."""
    from capacitylib.io import read_parquet_dataset, write_parquet_dataset

    folder = write_parquet_dataset(EXAMPLES, tmp_path / "p", partition_by=partition_by)  # type: ignore[arg-type]
    assert _by_id(read_parquet_dataset(folder)) == _by_id(EXAMPLES)


def test_a_dataset_replaces_a_previous_dataset_but_never_another_folder(tmp_path: Path) -> None:
    """Writing again swaps the dataset whole; a folder that is not a dataset is refused."""
    from capacitylib.io import read_parquet_dataset, write_parquet_dataset
    from capacitylib.io._atomic import OutputError

    folder = tmp_path / "p"
    write_parquet_dataset(EXAMPLES, folder)
    write_parquet_dataset(EXAMPLES[:2], folder)
    assert _by_id(read_parquet_dataset(folder)) == _by_id(EXAMPLES[:2])
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not a capacitylib Parquet dataset"):
        write_parquet_dataset(EXAMPLES, other)
    assert (other / "notes.txt").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".cl-tmp")] == []


def test_a_dataset_above_the_cell_limit_is_refused_before_reading(tmp_path: Path) -> None:
    """The files' metadata are checked against max_cells first: table_too_large."""
    from capacitylib.io.tables.parquet_dataset import (
        read_parquet_dataset_result,
        write_parquet_dataset,
    )

    folder = write_parquet_dataset(EXAMPLES, tmp_path / "p")
    result = read_parquet_dataset_result(folder, max_cells=50)
    assert "table_too_large" in [p.code for p in result.problems]


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(collections())
def test_generated_programmes_round_trip_through_a_dataset(
    tmp_path: Path, docs: list[dict[str, object]]
) -> None:
    """Any collection of rich programmes survives a partitioned dataset."""
    from capacitylib.io import read_parquet_dataset, write_parquet_dataset

    programmes = [Programme.model_validate(d) for d in docs]
    write_parquet_dataset(programmes, tmp_path / "p")
    assert _by_id(read_parquet_dataset(tmp_path / "p")) == _by_id(programmes)
