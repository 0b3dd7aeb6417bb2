"""The table reader's fast paths: canonical cells skip decoding, and give what decoding gives."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capacitylib import Programme
from capacitylib.codelists import HoursUnit, TargetGroup
from capacitylib.io.tables import TableError, from_tables, to_tables
from capacitylib.io.tables._decode import Decoder, unchanged
from capacitylib.io.tables.unflatten import RawTable, raw_from_data, read_raw
from capacitylib.testing import programme_collections
from capacitylib.values import Estimate, Hours

cells = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from([" clock_hour", "clock_hour", "day ", "EUR", " EUR", "eur", "families"]),
    st.dates(),
    st.datetimes(),
)
kinds = st.sampled_from(
    [("decimal", None), ("bool", None), ("int", None), ("code", None), ("code", HoursUnit)]
)


@settings(max_examples=500)
@given(kinds, cells, st.sampled_from([None, "cs", "lt"]))
def test_a_cell_counted_canonical_is_what_its_reader_gives(
    kind: tuple[str, Any], cell: Any, lang: str | None
) -> None:
    """Whenever unchanged() says a cell needs no decoding, the reader gives the cell back."""
    name, codelist = kind
    if unchanged(name, codelist)(cell):
        read = Decoder(lang).reader(name, codelist)(cell)
        assert type(read) is type(cell)
        assert repr(read) == repr(cell)


def _as_text(value: Any) -> Any:
    """A cell as a spreadsheet of text holds it: decimals and flags as their text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _text_tables(tables: dict[str, RawTable]) -> dict[str, RawTable]:
    return {
        name: RawTable(name, t.columns, [(n, [_as_text(c) for c in row]) for n, row in t.rows])
        for name, t in tables.items()
    }


@pytest.mark.slow
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(programme_collections())
def test_canonical_and_text_cells_read_the_same_programmes(docs: list[dict[str, object]]) -> None:
    """Tables of Decimal and bool cells (fast path) and of their text read back equal."""
    programmes = [Programme.model_validate(d) for d in docs]
    canonical = raw_from_data(to_tables(programmes))
    assert from_tables(canonical) == programmes
    assert from_tables(_text_tables(canonical)) == programmes


def _activity_tables(**cells: Any) -> dict[str, RawTable]:
    columns = ["programme_id", "activity_id", "kind", *cells]
    return {
        "programmes": RawTable("programmes", ["programme_id", "title_en"], [(2, ["p", "P"])]),
        "activities": RawTable(
            "activities", columns, [(2, ["p", "a", "training_course", *cells.values()])]
        ),
    }


def _problems(tables: dict[str, RawTable]) -> list[tuple[Any, ...]]:
    result = read_raw(tables)
    return [(p.code, p.path, p.table, p.row, p.column, p.value) for p in result.problems]


@settings(max_examples=100)
@given(
    st.sampled_from(
        [
            ("hours_per_session_unit", "fortnight"),
            ("hours_per_session_max", "many"),
            ("hours_per_session_max", Decimal("1")),
            ("hours_per_session_approximate", "sometimes"),
            ("hours_per_session_academic_hour_minutes", Decimal("45.5")),
            ("hours_per_session_min", -3),
        ]
    )
)
def test_a_bad_cell_beside_canonical_ones_gives_the_same_problems(bad: tuple[str, Any]) -> None:
    """One bad member among canonical cells is reported exactly as among cells of text."""
    column, value = bad
    good: dict[str, Any] = {
        "hours_per_session_min": Decimal("2"),
        "hours_per_session_max": Decimal("3"),
        "hours_per_session_approximate": False,
        "hours_per_session_unit": "clock_hour",
    }
    canonical = _activity_tables(**{**good, column: value})
    text = _activity_tables(**{**{k: _as_text(v) for k, v in good.items()}, column: value})
    problems = _problems(canonical)
    assert problems, bad
    assert problems == _problems(text)


def test_a_code_with_spaces_beside_canonical_cells_is_read_as_among_text() -> None:
    """ " day" is not canonical (its reader strips it): it is decoded, and reads as "day"."""
    cells = {"hours_per_session_min": Decimal("2"), "hours_per_session_unit": " day"}
    [canonical] = read_raw(_activity_tables(**cells)).programmes_or_raise()
    assert canonical.activities[0].hours_per_session == Hours.exact(2, unit="day")


def test_a_short_row_and_an_empty_row_read_as_before() -> None:
    """Cells missing at the end of a row are empty; a row of empty cells is no row."""
    tables = {
        "programmes": RawTable(
            "programmes",
            ["programme_id", "title_en", "country"],
            [(2, ["p", "P"]), (3, [None, "", float("nan")])],
        ),
        "activities": RawTable(
            "activities",
            ["programme_id", "activity_id", "kind", "groups_min"],
            [(2, ["p", "a", "seminar"])],
        ),
    }
    [programme] = from_tables(tables)
    assert programme.country is None
    assert [a.id for a in programme.activities] == ["a"]


def test_numpy_and_pandas_cells_take_the_slow_path() -> None:
    """Cells that are not plain Python values are unwrapped before they are read."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    tables = {
        "programmes": RawTable(
            "programmes",
            ["programme_id", "title_en", "approved_on"],
            [(2, ["p", "P", pd.Timestamp("2020-01-02")])],
        ),
        "activities": RawTable(
            "activities",
            ["programme_id", "activity_id", "kind", "sessions_actual_min", "groups_min"],
            [(2, ["p", "a", "seminar", np.int64(4), pd.NA]), (3, ["p", "b", "seminar", 4.0, None])],
        ),
    }
    [programme] = from_tables(tables)
    assert programme.approved_on == datetime.date(2020, 1, 2)
    a, b = programme.activities
    assert a.sessions_actual == b.sessions_actual == Estimate.exact(4)
    assert a.groups is None


def test_a_target_group_code_cell_is_read_whatever_the_language() -> None:
    """A known code needs no parser; an unknown one still reaches the language parser."""
    tables = {
        "programmes": RawTable("programmes", ["programme_id", "title_en"], [(2, ["p", "P"])]),
        "activities": RawTable(
            "activities", ["programme_id", "activity_id", "kind"], [(2, ["p", "a", "seminar"])]
        ),
        "participants": RawTable(
            "participants",
            ["programme_id", "activity_id", "group", "count_min"],
            [(2, ["p", "a", TargetGroup.SOCIAL_WORKERS.value, Decimal(5)])],
        ),
    }
    for lang in (None, "cs"):
        [programme] = read_raw(tables, lang=lang).programmes_or_raise()
        assert programme.activities[0].participants[0].group is TargetGroup.SOCIAL_WORKERS
    tables["participants"].rows[0][1][2] = "not a group"
    with pytest.raises(TableError) as error:
        read_raw(tables, lang="cs").programmes_or_raise()
    assert [p.column for p in error.value.problems] == ["group"]
