"""The fields of format 1.1 in flat tables: partial periods, shares, open figures, extensions."""

from decimal import Decimal
from pathlib import Path

import pytest

from capacitylib import Programme
from capacitylib.io.tables import TableError, read_csv, read_tables, to_tables, write_tables

pytest.importorskip("openpyxl")
pytest.importorskip("pyarrow")

DOC = {
    "id": "lv-ngo-fund",
    "title": {"lv": "NVO fonds", "en": "NGO fund"},
    "short_name": "NVO",
    "status": "completed",
    "approved_on": "2012-05",
    "periods": [
        {"start": "2013-11", "end": "2015", "status": "planned", "stated_on": "2013-10-01"},
        {"end": "2015-04-30", "status": "actual", "url": "https://example.org/final"},
    ],
    "measures": [{"level": "specific_objective", "code": "9.2.6", "name": {"lv": "SAM 9.2.6"}}],
    "operational_programme": {"allocation": {"amount": "5504400.00", "currency": "LVL"}},
    "budget": {
        "total": {"amount": "2000000.00", "currency": "EUR"},
        "sources_complete": False,
        "sources": [{"kind": "eu_fund", "share": "0.85"}],
        "unit_costs": [
            {
                "item": {"en": "accommodation"},
                "amount": {"amount": "60.00", "currency": "EUR"},
                "per": "night",
                "ceiling": True,
                "tax": "gross",
            }
        ],
    },
    "stated_counts": [{"subject": "partners_and_lead", "value": {"min": 14, "at_least": True}}],
    "locations": [{"country": "LV", "place_kind": "town", "place_count": 7}],
    "activities": [
        {
            "id": "a",
            "kind": "study_support",
            "participants": [{"group": "social_workers", "count": {"max": 200, "up_to": True}}],
            "eligibility": [{"en": "at least 3 years of practice in social work"}],
            "extensions": {"esfa": {"rate": Decimal("0.1"), "codes": ["K-408", 3]}},
        }
    ],
    "extensions": {"lt.esfa": {"call": "08.1.2-CPVA-K-408", "nested": {"ok": True}}},
}


@pytest.mark.parametrize("name", ["tables", "t.xlsx", "t.parquet"])
def test_format_1_1_fields_survive_every_table_format(name, tmp_path: Path):
    """Partial periods, shares, open figures and extensions come back exactly."""
    programme = Programme.model_validate(DOC)
    write_tables([programme], tmp_path / name)
    [back] = read_tables(tmp_path / name)
    assert back == programme
    assert back.activities[0].extensions["esfa"]["rate"] == Decimal("0.1")


def test_the_columns_hold_what_the_source_states():
    tables = to_tables([Programme.model_validate(DOC)])
    [planned, actual] = tables["periods"].rows
    assert (planned["start"], planned["end"], actual["start"]) == ("2013-11", "2015", None)
    [source] = tables["funding"].rows
    assert source["share"] == Decimal("0.85") and source["amount"] is None
    [count] = tables["stated_counts"].rows
    assert (count["value_min"], count["value_max"], count["value_at_least"]) == (14, None, True)
    assert tables["programmes"].rows[0]["budget_sources_complete"] is False
    assert tables["activities"].rows[0]["extensions"].startswith('{"esfa": {"rate": 0.1')


def _minimal_csv(folder: Path, activities: str) -> None:
    folder.mkdir()
    (folder / "programmes.csv").write_text("programme_id,title_en\np,P\n", encoding="utf-8")
    (folder / "activities.csv").write_text(activities, encoding="utf-8")


def test_an_extensions_cell_that_is_not_a_json_object_is_a_cell_problem(tmp_path: Path):
    folder = tmp_path / "t"
    _minimal_csv(folder, 'programme_id,activity_id,kind,extensions\np,a,seminar,"[1, 2]"\n')
    with pytest.raises(TableError) as error:
        read_csv(folder)
    [problem] = error.value.problems
    assert (problem.table, problem.column) == ("activities", "extensions")
    assert "JSON object" in problem.message


def test_a_hand_made_sheet_states_an_open_figure(tmp_path: Path):
    """``at_least`` true with an empty max column: "at least 30 sessions"."""
    folder = tmp_path / "t"
    _minimal_csv(
        folder,
        "programme_id,activity_id,kind,sessions_actual_min,sessions_actual_at_least\n"
        "p,a,seminar,30,true\n",
    )
    [p] = read_csv(folder)
    assert str(p.activities[0].sessions_actual) == "at least 30"
