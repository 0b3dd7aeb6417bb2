"""Every generated programme round-trips through every format losslessly (public strategies)."""

import io

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib.io.tables import from_dataframes, from_tables, to_dataframes, to_tables
from capacitylib.testing import programmes

MANY = settings(
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@MANY
@given(programmes(max_activities=3))
def test_documents_and_streams(programme):
    for fmt in ("yaml", "json"):
        assert capacitylib.loads(capacitylib.dumps(programme, format=fmt), format=fmt) == programme  # type: ignore[arg-type]
    stream = io.StringIO()
    capacitylib.write_ndjson([programme], stream)
    assert list(capacitylib.read_ndjson(io.StringIO(stream.getvalue()))) == [programme]


@pytest.mark.slow
@MANY
@given(programmes(max_activities=3))
def test_flat_tables_in_memory_and_pandas(programme):
    assert from_tables(to_tables([programme])) == [programme]
    pytest.importorskip("pandas")
    assert from_dataframes(to_dataframes([programme])) == [programme]


@pytest.mark.slow
@pytest.mark.parametrize("target", ["csv", "t.xlsx", "t.parquet"])
@settings(
    max_examples=10,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(programme=programmes(max_activities=2))
def test_flat_table_files(tmp_path_factory, target, programme):
    if target.endswith("xlsx"):
        pytest.importorskip("openpyxl")
    if target.endswith("parquet"):
        pytest.importorskip("pyarrow")
    path = tmp_path_factory.mktemp("tables") / target
    capacitylib.write_tables([programme], path)
    assert capacitylib.read_tables(path) == [programme]
