"""Typed DataFrames and Arrow tables: dtypes from the column kinds, exact decimals, lossless."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

import capacitylib
from capacitylib import Programme
from capacitylib.io.tables import TABLES, TableError
from capacitylib.testing import extreme_programmes
from capacitylib.testing import programme_collections as collections

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from capacitylib.io.frames import (  # noqa: E402 - after the extras are known to be there
    from_arrow,
    from_frames,
    to_arrow,
    to_frames,
    to_polars,
    typed_frame,
    with_partial_date_ranges,
)

EXAMPLES = capacitylib.load_examples()


def _expected_dtype(kind: str, dtype: object) -> bool:
    name = str(dtype)
    if kind == "decimal":
        return name.startswith("decimal128(") and name.endswith("[pyarrow]")
    if kind in ("int", "position"):
        return name == "Int64"
    if kind == "bool":
        return name == "boolean"
    if kind == "date":
        return name.startswith("datetime64[")
    if kind == "code":
        return name == "category"
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def test_every_column_is_typed_from_its_kind() -> None:
    """Each column of every table has the dtype its kind in the column definitions gives."""
    frames = to_frames(EXAMPLES)
    checked = 0
    for table in TABLES:
        frame = frames[table.name]
        for name in frame.columns:
            col = table.column(name)
            if col is None:
                derived = name.rsplit("_", 1)[0]
                base = table.column(derived)
                if base is not None and base.kind == "partial_date":
                    continue
                kind = "text"  # a <field>_<lang> column
            else:
                kind = col.kind
            assert _expected_dtype(kind, frame[name].dtype), (table.name, name, frame[name].dtype)
            checked += 1
    assert checked > 200


def test_counts_are_int64_with_na_never_floats() -> None:
    """Counts are nullable integers: no 0.0, 1.0 and NaN mixed in."""
    frame = to_frames(EXAMPLES)["programmes"]
    counts = frame["stated_partner_count"]
    assert str(counts.dtype) == "Int64"
    assert counts.isna().any() and not counts.isna().all()
    assert all(isinstance(v, int) for v in counts.dropna().tolist())


def test_amount_columns_aggregate_exactly() -> None:
    """Sums and means of amount columns are exact Decimals, and describe() sees numbers."""
    frame = typed_frame(
        [("amount", "decimal", [Decimal("0.10"), Decimal("0.20"), None, Decimal("1E+3")])]
    )
    amounts = frame["amount"]
    assert str(amounts.dtype) == "decimal128(6, 2)[pyarrow]"
    assert amounts.sum() == Decimal("1000.30")
    assert isinstance(amounts.sum(), Decimal)
    assert amounts.mean() == Decimal("333.43")  # Arrow's exact decimal mean, at the scale
    assert pd.api.types.is_numeric_dtype(amounts.dtype)
    seeds = to_frames(EXAMPLES)["programmes"]["budget_total_amount"]
    assert seeds.sum() == sum(
        p.budget.total.amount for p in EXAMPLES if p.budget and p.budget.total
    )


def test_dates_are_datetimes_and_accept_dt() -> None:
    """Full dates are datetime64 columns, so .dt works on them."""
    periods = to_frames(EXAMPLES)["activities"]["period_start"]
    starts = [a.period.start.year for p in EXAMPLES for a in p.activities if a.period]
    assert periods.dt.year.dropna().astype(int).tolist() == starts


def test_partial_dates_keep_their_text_and_get_their_range_never_a_made_up_day() -> None:
    """A partial date has its text, the first and last day it stands for and its precision."""
    field = pa.field("as_of", pa.string(), metadata={b"capacitylib.kind": b"partial_date"})
    table = pa.Table.from_pylist(
        [{"as_of": t} for t in ("2019", "2019-02", "2019-05-16", "--03-30", None)],
        schema=pa.schema([field]),
    )
    rows = with_partial_date_ranges(table).to_pylist()
    d = datetime.date
    assert [(r["as_of_start"], r["as_of_end"], r["as_of_precision"]) for r in rows] == [
        (d(2019, 1, 1), d(2019, 12, 31), "year"),
        (d(2019, 2, 1), d(2019, 2, 28), "month"),
        (d(2019, 5, 16), d(2019, 5, 16), "day"),
        (None, None, "day"),
        (None, None, None),
    ]


def test_seed_examples_round_trip_through_frames_and_arrow() -> None:
    """Frames and Arrow tables read back into equal programmes."""
    assert from_frames(to_frames(EXAMPLES)) == EXAMPLES
    assert from_arrow(to_arrow(EXAMPLES)) == EXAMPLES


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(collections())
def test_generated_programmes_round_trip_through_frames(docs: list[dict[str, object]]) -> None:
    """Any collection of rich programmes survives typed frames and Arrow tables unchanged."""
    programmes = [Programme.model_validate(d) for d in docs]
    assert from_frames(to_frames(programmes)) == programmes
    assert from_arrow(to_arrow(programmes)) == programmes


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extreme_programmes())
def test_extreme_figures_round_trip_through_frames_without_rounding(
    programme: Programme,
) -> None:
    """Amounts of 10^18, 10^-1000000 and 40 digits, counts of 10^30: exact or kept as text."""
    assert from_frames(to_frames([programme])) == [programme]
    assert from_arrow(to_arrow([programme])) == [programme]


def test_a_column_too_wide_for_decimal128_widens_to_decimal256() -> None:
    """40 significant digits need decimal256; nothing is rounded."""
    value = Decimal("123456789012345678.0123456789012345678901")
    frame = typed_frame([("amount", "decimal", [value])])
    assert str(frame["amount"].dtype).startswith("decimal256(40, 22)")
    assert frame["amount"].tolist() == [value]


def test_a_column_too_wide_for_any_arrow_decimal_stays_exact() -> None:
    """A value needing more than 76 digits is an object column of exact Decimals."""
    tiny = Decimal("1E-100")
    frame = typed_frame([("amount", "decimal", [tiny, Decimal("2")])])
    assert frame["amount"].dtype == object
    assert frame["amount"].tolist() == [tiny, Decimal("2")]
    assert frame["amount"].sum() == tiny + 2


def test_typed_frames_report_bad_cells_like_every_table_reader() -> None:
    """A frame edited into a bad state gives the table problem, by table, row and column."""
    frames = to_frames(EXAMPLES)
    frames["programmes"].loc[0, "programme_id"] = pd.NA
    with pytest.raises(TableError) as info:
        from_frames(frames)
    assert "table_key_missing" in [p.code for p in info.value.problems]


def test_polars_frames_hold_exact_decimals() -> None:
    """The same tables in Polars: amounts as pl.Decimal with the column's scale."""
    pl = pytest.importorskip("polars")
    frames = to_polars(EXAMPLES)
    amounts = frames["programmes"]["budget_total_amount"]
    assert amounts.dtype == pl.Decimal(10, 2)
    assert amounts.sum() == Decimal("43940212.00")


def test_describe_summarises_decimal_columns_exactly() -> None:
    """describe() keeps the decimal columns pandas' own describe() leaves out, exactly."""
    from capacitylib.io.frames import describe

    frame = typed_frame(
        [
            ("amount", "decimal", [Decimal("0.10"), Decimal("0.20"), None]),
            ("count", "int", [1, 2, None]),
            ("flag", "bool", [True, None, False]),
        ]
    )
    summary = describe(frame)
    assert list(summary.columns) == ["amount", "count"]
    assert summary["amount"].to_dict() == {
        "count": 2,
        "sum": Decimal("0.30"),
        "mean": Decimal("0.15"),
        "min": Decimal("0.10"),
        "max": Decimal("0.20"),
    }
