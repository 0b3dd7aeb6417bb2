"""Text cells in the field's languages, read through capacitylib.parsing.

The wiring (canonical form first, parsers only with ``lang=``, every parser error reported by
cell) is tested with a stand-in parsing module; the tests at the end run the real parsers and
are skipped until ``capacitylib.parsing`` is part of the package.
"""

import re
import sys
import types
from datetime import date
from decimal import Decimal

import pytest

from capacitylib.codelists import TargetGroup
from capacitylib.io.tables import TableError, read_csv, read_xlsx
from capacitylib.values import Estimate, Hours, Money, PartialDate
from tests.io.test_tables_read import workbook, write_csv_table

CZECH_MONTHS = {"listopadu": 11, "ledna": 1}


class ParseError(ValueError):
    pass


def _parse_date(text: str, *, lang: str) -> PartialDate:
    match = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text)
    if match:
        return PartialDate(int(match[3]), int(match[2]), int(match[1]))
    match = re.fullmatch(r"(\w+) (\d{4})", text)
    if match and match[1] in CZECH_MONTHS:
        return PartialDate(int(match[2]), CZECH_MONTHS[match[1]])
    raise ParseError(f"could not read {text!r} as a date in {lang}: expected e.g. '1. 11. 2016'")


def _parse_money(text: str, *, lang: str, currency: str | None = None) -> Money:
    match = re.fullmatch(r"([\d ]+),(\d\d)(?: (Eur|Kč))?", text)
    if not match:
        raise ParseError(f"could not read {text!r} as an amount in {lang}")
    stated = {"Eur": "EUR", "Kč": "CZK"}.get(match[3] or "", currency)
    return Money.of(f"{match[1].replace(' ', '')}.{match[2]}", stated or "EUR")


def _parse_quantity(text: str, *, lang: str) -> Estimate:
    match = re.fullmatch(r"(cca )?(\d+)(?:\s*-\s*(\d+))?( hod\.)?", text)
    if not match:
        raise ParseError(f"could not read {text!r} as a figure in {lang}")
    low, high = int(match[2]), int(match[3] or match[2])
    if match[4]:
        return Hours.range(low, high, unit="clock_hour", approximate=bool(match[1]))
    return Estimate.range(low, high, approximate=bool(match[1]))


def _parse_term(text: str, *, lang: str, codelist: type) -> object:
    if codelist is TargetGroup and text == "sociální pracovníci":
        return TargetGroup.SOCIAL_WORKERS
    raise ParseError(f"could not read {text!r} as a term of {codelist.__name__} in {lang}")


@pytest.fixture
def stand_in_parsers(monkeypatch):
    module = types.ModuleType("capacitylib.parsing")
    module.parse_date = _parse_date  # type: ignore[attr-defined]
    module.parse_money = _parse_money  # type: ignore[attr-defined]
    module.parse_quantity = _parse_quantity  # type: ignore[attr-defined]
    module.parse_term = _parse_term  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "capacitylib.parsing", module)


def czech_sheet(tmp_path, **cells):
    row = {
        "programme_id": "cz-1",
        "title": "Supervize",
        "budget_total_amount": "43 940 212,00 Eur",
        "target_groups": "social_workers",
    }
    row.update(cells)
    folder = tmp_path / "t"
    write_csv_table(folder, "programmes", [list(row), list(row.values())])
    write_csv_table(
        folder,
        "periods",
        [["programme_id", "start", "end"], ["cz-1", "1. 11. 2016", "2018-02-28"]],
    )
    write_csv_table(
        folder,
        "activities",
        [
            [
                "programme_id",
                "activity_id",
                "kind",
                "sessions_actual",
                "hours_per_session",
                "dates",
            ],
            ["cz-1", "sup", "supervision_team", "114", "2-3 hod.", "listopadu 2016; 2017"],
        ],
    )
    write_csv_table(
        folder,
        "participants",
        [["programme_id", "activity_id", "group"], ["cz-1", "sup", "sociální pracovníci"]],
    )
    return folder


def test_language_cells_are_read_through_the_parsers(stand_in_parsers, tmp_path):
    [p] = read_csv(czech_sheet(tmp_path), lang="cs")
    assert p.title["cs"] == "Supervize"
    assert p.budget.total == Money.of("43940212.00", "EUR")  # type: ignore[union-attr]
    assert p.periods[0].start == date(2016, 11, 1)
    sup = p.activity("sup")
    assert str(sup.hours_per_session) == "2-3 h"
    assert [str(d) for d in sup.dates] == ["2016-11", "2017"]
    assert sup.participants[0].group is TargetGroup.SOCIAL_WORKERS


def test_without_lang_the_parsers_are_not_used(stand_in_parsers, tmp_path):
    with pytest.raises(TableError) as error:
        read_csv(czech_sheet(tmp_path))
    codes = {(p.table, p.column, p.code) for p in error.value.problems}
    assert ("programmes", "title", "table_column_language") in codes


def test_text_the_parsers_reject_is_reported_by_cell(stand_in_parsers, tmp_path):
    folder = czech_sheet(tmp_path, budget_total_amount="hodně peněz")
    with pytest.raises(TableError) as error:
        read_csv(folder, lang="cs")
    [problem] = error.value.problems
    assert (problem.table, problem.row, problem.column) == ("programmes", 2, "budget_total_amount")
    assert problem.code == "cell_unreadable" and "as an amount in cs" in problem.message


def test_a_date_cell_needs_a_whole_date(stand_in_parsers, tmp_path):
    folder = czech_sheet(tmp_path)
    write_csv_table(folder, "sources", [["programme_id", "retrieved"], ["cz-1", "listopadu 2016"]])
    with pytest.raises(TableError, match="a full date"):
        read_csv(folder, lang="cs")


def test_canonical_cells_need_no_parser(stand_in_parsers, tmp_path):
    """Canonical cells are read without calling the parsers, even with lang=."""
    path = workbook(
        tmp_path / "c.xlsx",
        {
            "programmes": [
                ["programme_id", "title_cs", "budget_total_amount", "budget_total_currency"],
                ["p", "P", "12.50", "CZK"],
            ]
        },
    )
    sys.modules["capacitylib.parsing"].parse_money = None  # type: ignore[attr-defined]
    [p] = read_xlsx(path, lang="cs")
    assert p.budget.total.amount == Decimal("12.50")  # type: ignore[union-attr]


# --- with the real parsers (skipped until capacitylib.parsing lands) ----------------------------


def test_real_parsers_read_a_hand_made_czech_sheet(tmp_path):
    pytest.importorskip("capacitylib.parsing")
    [p] = read_csv(czech_sheet(tmp_path, budget_total_amount="43 940 212,00 Kč"), lang="cs")
    assert p.budget.total == Money.of("43940212.00", "CZK")  # type: ignore[union-attr]
    assert p.periods[0].start == date(2016, 11, 1)
    assert p.activity("sup").hours_per_session.max == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("cs", "1. 11. 2016", "2016-11-01"),
        ("lv", "16.05.2019.", "2019-05-16"),
        ("lt", "2022 m. gruodžio 8 d.", "2022-12-08"),
    ],
)
def test_real_parsers_read_dates_in_the_field_languages(lang, text, expected, tmp_path):
    pytest.importorskip("capacitylib.parsing")
    folder = tmp_path / "t"
    write_csv_table(folder, "programmes", [["programme_id", "title_en"], ["p", "P"]])
    write_csv_table(folder, "periods", [["programme_id", "start"], ["p", text]])
    [p] = read_csv(folder, lang=lang)
    assert p.periods[0].start.isoformat() == expected


def test_real_parsers_read_amounts_and_ranges(tmp_path):
    pytest.importorskip("capacitylib.parsing")
    folder = tmp_path / "t"
    write_csv_table(
        folder,
        "programmes",
        [["programme_id", "title_lt", "budget_total_amount"], ["p", "P", "43 940 212,00 Eur"]],
    )
    write_csv_table(
        folder,
        "activities",
        [["programme_id", "activity_id", "kind", "sessions_actual"], ["p", "a", "seminar", "2-3"]],
    )
    [p] = read_csv(folder, lang="lt")
    assert str(p.budget.total) == "43940212.00 EUR"  # type: ignore[union-attr]
    assert str(p.activity("a").sessions_actual) == "2-3"
