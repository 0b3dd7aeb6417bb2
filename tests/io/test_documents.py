import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

import capacitylib
from capacitylib import DocumentError, Programme, dumps, load, loads
from capacitylib.testing import programme_documents as programmes

EXAMPLES = capacitylib.example_paths()


def test_six_seed_documents_are_bundled():
    assert len(EXAMPLES) == 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_seed_examples_round_trip_losslessly(path, fmt):
    """Every example loads, dumps and loads back equal, and the dump is stable."""
    programme = load(path)
    text = dumps(programme, format=fmt)
    again = loads(text, format=fmt)
    assert again == programme
    assert dumps(again, format=fmt) == text


def test_seed_figures_survive_load_and_dump():
    """The figures the seed texts give are in the documents exactly as stated."""
    by_id = {p.id: p for p in capacitylib.load_examples()}
    lt = by_id["lt-07-003-P-0001"]
    assert str(lt.budget.total.amount) == "43940212.00"  # type: ignore[union-attr]
    assert "43940212.00" in dumps(lt, format="json")
    assert lt.indicators[0].target.min == 4018  # type: ignore[union-attr]
    assert lt.activity("intervision-2023").sessions_actual.min == 4  # type: ignore[union-attr]

    cz = by_id["cz-up-msk-supervision"]
    sup = cz.activity("supervision")
    assert (sup.sessions_actual.min, sup.hours_per_session.min, sup.hours_per_session.max) == (
        114,
        2,
        3,
    )  # type: ignore[union-attr]
    assert sup.groups.min == 22 and sup.frequency.every.approximate  # type: ignore[union-attr]
    assert cz.activity("facilitation").sessions_actual.min == 34  # type: ignore[union-attr]

    seminar = by_id["lt-institutional-care-transition"].activity("cluster-seminars")
    assert str(seminar.sessions[0].date) == "--03-30"
    assert seminar.hours_per_session.unit.value == "academic_hour"  # type: ignore[union-attr]
    assert [str(s.date) for s in seminar.sessions[1:]] == ["--04", "--04", "--05", "--06"]

    pilot = by_id["lv-9.2.1.1-15-I-001"].activity("violence-methodology-pilot")
    assert (pilot.hours_per_participant.min, pilot.hours_per_participant.max) == (88, 100)  # type: ignore[union-attr]
    assert sorted(p.count.min for p in pilot.participants) == [2, 28]  # type: ignore[union-attr]
    assert len(pilot.participants[1].municipalities) == 16
    assert pilot.stated_duration.value.min == 6  # type: ignore[union-attr]

    eea = by_id["lv-2012.EEZ-PP-1-MEC-132"]
    assert eea.stated_partner_count == 7
    assert sum(1 for p in eea.partners if p.role.value == "partner") == 7
    assert {i.id: i.target.min for i in eea.indicators}["handbook-copies"] == 200  # type: ignore[union-attr]

    dgp = by_id["lv-daugavpils-social-services-2018"]
    fam = dgp.activity("family-assistant-2018")
    assert fam.total_hours.min == 313 and fam.participants[0].count.min == 12  # type: ignore[union-attr]


def test_yaml_reads_floats_as_exact_decimals():
    doc = "id: p\ntitle: {en: x}\nbudget:\n  total: {amount: 12.50, currency: EUR}\n"
    p = loads(doc)
    assert str(p.budget.total.amount) == "12.50"  # type: ignore[union-attr]


def test_yaml_norwegian_language_tag_is_not_a_boolean():
    """YAML 1.1 reads 'no' as false; capacitylib keeps it as the Norwegian language tag."""
    p = loads("id: p\ntitle:\n  no: Veiledning\n  en: Supervision\n")
    assert p.title.best("no") == "Veiledning"
    # Written quoted so that YAML 1.1 readers elsewhere do not turn it into false either.
    assert "'no': Veiledning" in dumps(p, format="yaml")
    assert loads(dumps(p, format="yaml")) == p


def test_yaml_aliases_are_refused():
    """Aliases could expand a small file enormously; they are refused with the line."""
    bomb = "id: p\ntitle: &t {en: x}\nsummary: *t\n"
    with pytest.raises(DocumentError, match="aliases"):
        loads(bomb)


def test_bad_yaml_syntax_names_the_line():
    with pytest.raises(DocumentError) as info:
        loads("id: p\ntitle: [unclosed\n", source="bad.yaml")
    assert info.value.line is not None and "bad.yaml" in str(info.value)


def test_bad_json_is_a_validation_error():
    with pytest.raises(ValidationError) as info:
        loads('{"id": "p",', format="json")
    assert info.value.errors()[0]["type"] == "json_invalid"


def test_json_amount_numbers_are_read_exactly_up_to_15_digits():
    text = json.dumps(
        {
            "id": "p",
            "title": {"en": "x"},
            "budget": {"total": {"amount": 1234567.89, "currency": "EUR"}},
        }
    )
    assert loads(text, format="json").budget.total.amount == Decimal("1234567.89")  # type: ignore[union-attr]


def test_load_reports_missing_files_and_unknown_suffixes(tmp_path: Path):
    with pytest.raises(DocumentError, match="no such file"):
        load(tmp_path / "missing.yaml")
    (tmp_path / "p.txt").write_text("x")
    with pytest.raises(DocumentError, match="suffix"):
        load(tmp_path / "p.txt")


def test_non_utf8_file_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("id: p\ntitle: {lt: Šeima}\n".encode("cp1257"))
    with pytest.raises(DocumentError, match="UTF-8"):
        load(path)


def test_dump_writes_by_suffix(tmp_path: Path):
    p = load(EXAMPLES[0])
    for name in ("out.yaml", "out.json"):
        capacitylib.dump(p, tmp_path / name)
        assert load(tmp_path / name) == p


@pytest.mark.slow
@settings(max_examples=40)
@given(programmes())
def test_generated_programmes_round_trip_through_yaml_and_json(doc):
    p = Programme.model_validate(doc)
    for fmt in ("yaml", "json"):
        assert loads(dumps(p, format=fmt), format=fmt) == p  # type: ignore[arg-type]
