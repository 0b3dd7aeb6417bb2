"""Reading tables people make by hand, and every way a table can be wrong."""

import csv
import datetime
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import capacitylib
from capacitylib.io.tables import (
    TableError,
    from_dataframes,
    read_csv,
    read_parquet,
    read_tables,
    read_xlsx,
    write_tables,
)

openpyxl = pytest.importorskip("openpyxl")

EXAMPLES = capacitylib.load_examples()


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write_csv_table(folder: Path, name: str, rows: list[list[object]], **kwargs: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    with path.open("w", encoding=str(kwargs.get("encoding", "utf-8")), newline="") as handle:
        csv.writer(handle, delimiter=str(kwargs.get("delimiter", ","))).writerows(rows)
    return path


def problems_of(
    error: pytest.ExceptionInfo[TableError],
) -> list[tuple[str, int | None, str | None, str]]:
    return [(p.table, p.row, p.column, p.code) for p in error.value.problems]


# --- hand-made sheets ---------------------------------------------------------------------------


def test_hand_made_workbook_with_number_and_date_cells(tmp_path):
    """Number cells, date cells, a bare text column with lang, and whole figures are read."""
    path = workbook(
        tmp_path / "hand.xlsx",
        {
            "programmes": [
                ["programme_id", "title_cs", "budget_total", "country"],
                ["cz-1", "Supervize", "100.50 CZK", "CZ"],
            ],
            "periods": [
                ["programme_id", "start", "end"],
                ["cz-1", datetime.datetime(2016, 11, 1), "2018-02-28"],
            ],
            "activities": [
                ["programme_id", "activity_id", "kind", "sessions_actual", "hours_per_session"],
                ["cz-1", "sup", "supervision_team", 114, "cca 2-3 h"],
            ],
            "indicators": [
                ["programme_id", "indicator_id", "kind", "name_cs", "unit", "target_min"],
                ["cz-1", "trained", "output", "Proškolení", "persons", 14.5],
            ],
        },
    )
    [p] = read_xlsx(path)
    assert p.budget.total.amount == Decimal("100.50") and p.budget.total.currency == "CZK"  # type: ignore[union-attr]
    assert p.periods[0].start == datetime.date(2016, 11, 1)
    sup = p.activity("sup")
    assert sup.sessions_actual.min == 114  # type: ignore[union-attr]
    assert str(sup.hours_per_session) == "cca 2-3 h"
    assert p.indicators[0].target.min == Decimal("14.5")  # type: ignore[union-attr]


def test_positions_order_rows_and_blank_positions_keep_table_order(tmp_path):
    folder = tmp_path / "t"
    write_csv_table(folder, "programmes", [["programme_id", "title_en"], ["p", "P"]])
    write_csv_table(
        folder,
        "activities",
        [
            ["programme_id", "position", "activity_id", "kind"],
            ["p", "1", "second", "seminar"],
            ["p", "0", "first", "seminar"],
            ["p", "", "third", "seminar"],
        ],
    )
    [p] = read_csv(folder)
    assert [a.id for a in p.activities] == ["first", "second", "third"]


def test_semicolon_delimited_csv_with_bom_is_read(tmp_path):
    """Spreadsheets in lt/lv/cs locales save CSV with ';' and often a BOM."""
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "programmes.csv").write_bytes(
        "\ufeffprogramme_id;title_lt;budget_total_amount;budget_total_currency\n"
        "lt-1;Šeima;43940212.00;EUR\n".encode()
    )
    [p] = read_csv(folder)
    assert p.title["lt"] == "Šeima" and str(p.budget.total.amount) == "43940212.00"  # type: ignore[union-attr]


def test_a_single_table_file_can_be_read(tmp_path):
    path = write_csv_table(tmp_path, "programmes", [["programme_id", "title_en"], ["p", "P"]])
    assert [p.id for p in read_csv(path)] == ["p"]


# --- bad cells: all at once, by table, row and column --------------------------------------------


def test_every_bad_cell_is_reported_with_table_row_and_column(tmp_path):
    path = workbook(
        tmp_path / "bad.xlsx",
        {
            "programmes": [
                ["programme_id", "title_en", "budget_total_amount", "budget_total_currency"],
                ["p1", "One", "12,50", "EUR"],
                ["p2", "Two", "10", "EURO"],
            ],
            "activities": [
                ["programme_id", "activity_id", "kind", "hours_per_session_min", "period_start"],
                ["p1", "a", "supervison", "2", "1. 11. 2016"],
                ["p1", "b", "seminar", "x", None],
                ["p3", "c", "seminar", None, None],
            ],
        },
    )
    with pytest.raises(TableError) as error:
        read_xlsx(path)
    found = problems_of(error)
    assert ("programmes", 2, "budget_total_amount", "decimal_parsing") in found
    assert ("programmes", 3, "budget_total_currency", "currency_unknown") in found
    assert ("activities", 2, "kind", "enum") in found
    assert ("activities", 2, "period_start", "date_from_datetime_parsing") in found
    assert ("activities", 3, "hours_per_session_min", "decimal_parsing") in found
    assert ("activities", 4, "programme_id", "table_reference_unknown") in found
    # Hours need a unit: the problem names the column even though the sheet lacks it.
    assert ("activities", 2, "hours_per_session_unit", "field_required") in found
    assert len(found) == 7
    by_row = {(p.table, p.row, p.column): p for p in error.value.problems}
    assert by_row["activities", 2, "kind"].path == "activities[0].kind"
    assert "activities row 2, column kind" in str(error.value)


def test_validation_errors_across_rows_point_at_the_cell(tmp_path):
    """A reference to no organisation and a min above max are mapped to their cells."""
    folder = tmp_path / "t"
    write_csv_table(folder, "programmes", [["programme_id", "title_en"], ["p", "P"]])
    write_csv_table(
        folder, "partners", [["programme_id", "organisation_id", "role"], ["p", "ghost", "partner"]]
    )
    write_csv_table(
        folder,
        "activities",
        [
            ["programme_id", "activity_id", "kind", "groups_min", "groups_max"],
            ["p", "a", "seminar", "3", "2"],
        ],
    )
    with pytest.raises(TableError) as error:
        read_csv(folder)
    assert problems_of(error) == [("activities", 2, "groups_min", "estimate_min_above_max")]
    write_csv_table(
        folder,
        "activities",
        [["programme_id", "activity_id", "kind"], ["p", "a", "seminar"]],
    )
    with pytest.raises(TableError) as error:
        read_csv(folder)
    assert problems_of(error) == [("partners", 2, "organisation_id", "reference_unresolved")]


def test_rows_of_unknown_parents_and_duplicate_ids_are_reported(tmp_path):
    folder = tmp_path / "t"
    write_csv_table(
        folder, "programmes", [["programme_id", "title_en"], ["p", "P"], ["p", "Again"]]
    )
    write_csv_table(
        folder,
        "sessions",
        [["programme_id", "activity_id", "date"], ["p", "nope", "2020"], ["", "a", "2020"]],
    )
    with pytest.raises(TableError) as error:
        read_csv(folder)
    assert sorted(problems_of(error), key=str) == sorted(
        [
            ("programmes", 3, "programme_id", "table_id_duplicate"),
            ("sessions", 2, "activity_id", "table_reference_unknown"),
            ("sessions", 3, "programme_id", "table_key_missing"),
        ],
        key=str,
    )


def test_duplicate_ids_with_children_cannot_be_written(tmp_path):
    doc = {
        "id": "p",
        "title": {"en": "P"},
        "activities": [
            {"id": "a", "kind": "seminar", "outputs": [{"kind": "report"}]},
            {"id": "a", "kind": "seminar"},
        ],
    }
    with pytest.raises(TableError, match="used twice in programme"):
        write_tables([capacitylib.Programme.model_validate(doc)], tmp_path / "t")
    with pytest.raises(TableError, match="appears twice"):
        write_tables([EXAMPLES[0], EXAMPLES[0]], tmp_path / "t")


# --- bad tables ---------------------------------------------------------------------------------


def test_csv_with_a_missing_required_column_names_table_and_column(tmp_path):
    folder = tmp_path / "t"
    write_tables(EXAMPLES, folder)
    with (folder / "activities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    index = rows[0].index("kind")
    write_csv_table(folder, "activities", [r[:index] + r[index + 1 :] for r in rows])
    with pytest.raises(TableError) as error:
        read_csv(folder)
    assert problems_of(error) == [("activities", None, "kind", "table_column_missing")]
    assert "table activities has no column kind, which is required" in str(error.value)


def test_unknown_tables_and_columns_are_refused_with_a_suggestion(tmp_path):
    folder = tmp_path / "t"
    write_csv_table(
        folder, "programmes", [["programme_id", "title_en", "titel_lt"], ["p", "P", "x"]]
    )
    write_csv_table(folder, "activites", [["programme_id"], ["p"]])
    with pytest.raises(TableError) as error:
        read_csv(folder)
    text = str(error.value)
    assert "unknown table 'activites' (did you mean activities?)" in text
    assert "no column 'titel_lt'" in text


def test_text_column_without_language_needs_lang(tmp_path):
    folder = tmp_path / "t"
    write_csv_table(folder, "programmes", [["programme_id", "title"], ["p", "P"]])
    with pytest.raises(TableError, match="needs a language: title_<lang>"):
        read_csv(folder)


def test_xlsx_with_merged_header_cells_is_a_clear_error(tmp_path):
    path = tmp_path / "t.xlsx"
    write_tables(EXAMPLES, path)
    book = openpyxl.load_workbook(path)
    book["activities"].merge_cells("C1:D1")
    book.save(path)
    with pytest.raises(TableError) as error:
        read_xlsx(path)
    assert problems_of(error) == [("activities", 1, None, "table_header_merged")]
    assert "cells C1:D1 are merged" in str(error.value)


def test_xlsx_with_merged_data_cells_is_a_clear_error(tmp_path):
    path = workbook(
        tmp_path / "m.xlsx",
        {"programmes": [["programme_id", "title_en", "title_lt"], ["p", "P", None]]},
    )
    book = openpyxl.load_workbook(path)
    book["programmes"].merge_cells("B2:C2")
    book.save(path)
    with pytest.raises(TableError, match="table_cells_merged"):
        read_xlsx(path)


def test_truncated_or_foreign_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "t.xlsx"
    write_tables(EXAMPLES, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(TableError, match=r"not a readable \.xlsx workbook"):
        read_xlsx(path)
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0 an old .xls file")
    with pytest.raises(TableError, match=r"not a readable \.xlsx workbook"):
        read_xlsx(tmp_path / "old.xlsx")
    with pytest.raises(TableError, match="no such file"):
        read_xlsx(tmp_path / "missing.xlsx")
    assert zipfile.is_zipfile(path) is False


def test_blank_header_over_data_is_an_error(tmp_path):
    path = workbook(
        tmp_path / "b.xlsx", {"programmes": [["programme_id", None, "title_en"], ["p", "x", "P"]]}
    )
    with pytest.raises(TableError, match="column 2 has data but no header"):
        read_xlsx(path)


def test_empty_sheet_and_empty_csv_are_clear_errors(tmp_path):
    path = workbook(tmp_path / "e.xlsx", {"programmes": []})
    with pytest.raises(TableError, match="no header in row 1"):
        read_xlsx(path)
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "programmes.csv").write_text("")
    with pytest.raises(TableError, match="the file is empty"):
        read_csv(folder)
    with pytest.raises(TableError, match="nothing-here: no such file"):
        read_csv(tmp_path / "nothing-here")
    (tmp_path / "no-tables").mkdir()
    with pytest.raises(TableError, match=r"holds no \.csv table"):
        read_csv(tmp_path / "no-tables")


def test_csv_in_a_legacy_encoding_names_the_file_and_line(tmp_path):
    folder = tmp_path / "t"
    write_csv_table(
        folder, "programmes", [["programme_id", "title_lt"], ["p", "Šeima"]], encoding="cp1257"
    )
    with pytest.raises(TableError) as error:
        read_csv(folder)
    message = str(error.value)
    assert "programmes.csv" in message and "not UTF-8 text (line 2" in message


def test_truncated_csv_rows_are_reported(tmp_path):
    folder = tmp_path / "t"
    write_tables(EXAMPLES, folder)
    text = (folder / "activities.csv").read_text(encoding="utf-8")
    (folder / "activities.csv").write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(TableError) as error:
        read_csv(folder)
    assert {p.code for p in error.value.problems} <= {"table_row_length", "table_file_unreadable"}
    assert error.value.problems[0].table == "activities"


def test_parquet_file_that_is_not_parquet_is_a_clear_error(tmp_path):
    pytest.importorskip("pyarrow")
    folder = tmp_path / "t.parquet"
    write_tables(EXAMPLES, folder)
    (folder / "sessions.parquet").write_bytes(b"PAR1 truncated")
    with pytest.raises(TableError, match=r"sessions\.parquet: not a readable Parquet file"):
        read_parquet(folder)


def test_dataframes_from_elsewhere_with_floats_and_nan_are_read():
    pd = pytest.importorskip("pandas")
    frames = {
        "programmes": pd.DataFrame(
            {
                "programme_id": ["p"],
                "title_en": ["P"],
                "budget_total_amount": [12.5],
                "budget_total_currency": ["EUR"],
                "stated_partner_count": [float("nan")],
            }
        )
    }
    [p] = from_dataframes(frames)
    assert p.budget.total.amount == Decimal("12.5") and p.stated_partner_count is None  # type: ignore[union-attr]


def test_xlsx_cells_that_look_like_formulas_stay_text(tmp_path):
    doc = {"id": "p", "title": {"en": '=HYPERLINK("http://x")'}, "note": "+1"}
    programme = capacitylib.Programme.model_validate(doc)
    write_tables([programme], tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["programmes"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert read_tables(tmp_path / "t.xlsx") == [programme]


def test_control_characters_cannot_go_into_xlsx(tmp_path):
    doc = {"id": "p", "title": {"en": "bell \x07"}}
    with pytest.raises(TableError) as error:
        write_tables([capacitylib.Programme.model_validate(doc)], tmp_path / "t.xlsx")
    assert problems_of(error) == [("programmes", 2, "title_en", "table_cell_unwritable")]
    assert not (tmp_path / "t.xlsx").exists()


def test_unknown_table_suffix_is_a_document_error(tmp_path):
    with pytest.raises(capacitylib.DocumentError, match="table format"):
        read_tables(tmp_path / "t.ods")
