"""The shipped common-indicator table, its lookups and its overrides."""

import csv
import dataclasses
import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capacitylib.codelists import BreakdownDimension, FundingInstrument, IndicatorKind, ReachUnit
from capacitylib.reference import (
    BREAKDOWN_DIMENSIONS,
    CommonIndicator,
    ReferenceTables,
    TableEntry,
    common_indicator_key,
)

TABLES = ReferenceTables.default()
INDICATORS = TABLES.common_indicators
CODES = sorted(INDICATORS)

#: The codes each framework must have: the Annex I lists of both ESF regulations, complete.
EXPECTED = {
    "esf_plus_2021_2027": {
        *(f"EECO{n:02d}" for n in range(1, 20)),
        *(f"EECR{n:02d}" for n in range(1, 7)),
    },
    "esf_2014_2020": {*(f"CO{n:02d}" for n in range(1, 24)), *(f"CR{n:02d}" for n in range(1, 10))},
}

REGULATION = {
    "esf_plus_2021_2027": "Reg. (EU) 2021/1057 Annex I",
    "esf_2014_2020": "Reg. (EU) No 1304/2013 Annex I",
}


def _raw_rows() -> list[dict[str, str]]:
    text = resources.files("capacitylib._data").joinpath("common_indicators.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def own(code="K408-1", **changes) -> CommonIndicator:
    indicator = CommonIndicator(
        framework="call_k408",
        code=code,
        kind=IndicatorKind.OUTPUT,
        subject="entities",
        name="social services supported",
        unit=ReachUnit.ORGANISATIONS,
        breakdowns=frozenset(),
        entry=TableEntry("call K-408, annex 2", verified=True),
    )
    return dataclasses.replace(indicator, **changes)


def test_each_framework_lists_every_annex_indicator():
    """Both ESF regulations' participant and entity indicators are complete, and nothing else."""
    by_framework: dict[str, set[str]] = {}
    for code, indicator in INDICATORS.items():
        by_framework.setdefault(indicator.framework, set()).add(code)
    assert by_framework == EXPECTED


def test_codes_are_unique_across_frameworks():
    """Every code is on one row only, so that a code alone finds its indicator."""
    codes = [common_indicator_key(r["code"]) for r in _raw_rows()]
    assert len(codes) == len(set(codes)) == len(INDICATORS)


def test_rows_have_every_column_filled_as_documented():
    """Tags are V or U, kinds and subjects are known, and every row names its source."""
    for r in _raw_rows():
        assert r["tag"] in {"V", "U"}, r["code"]
        assert r["code_tag"] in {"V", "U"}, r["code"]
        assert r["kind"] in {"output", "result"}, r["code"]
        assert r["subject"] in {"participants", "entities"}, r["code"]
        assert r["source"].startswith(REGULATION[r["framework"]]), r["code"]
        assert r["name"] == r["name"].strip() and r["name"][0].islower(), r["code"]


def test_codes_are_never_claimed_as_law():
    """The regulations list names, not codes: every shipped code is tagged U and says so."""
    for indicator in INDICATORS.values():
        assert indicator.code_verified is False
        assert "not in the Regulation" in indicator.entry.note, indicator.code


def test_unconfirmed_rows_say_what_was_not_read():
    """A row tagged U states in its source that its wording was not read in the Regulation."""
    unconfirmed = [i for i in INDICATORS.values() if not i.entry.verified]
    assert unconfirmed
    for indicator in unconfirmed:
        assert re.search(r"not (fully )?read", indicator.entry.source), indicator.code


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("EECO01", "total number of participants"),
        ("EECO05", "employed, including self-employed"),
        ("EECO12", "participants with disabilities"),
        ("CO01", "unemployed, including long-term unemployed"),
        ("CO16", "participants with disabilities"),
    ],
)
def test_verified_names_are_the_regulations_words(code, name):
    """Indicators read in the Regulation carry its wording and the V tag."""
    indicator = TABLES.common_indicator(code)
    assert indicator is not None
    assert indicator.name == name
    assert indicator.entry.verified


def test_participants_count_persons_and_entities_count_organisations_or_projects():
    """Participant indicators count persons; entity indicators count organisations or projects."""
    for indicator in INDICATORS.values():
        if indicator.subject == "participants":
            assert indicator.unit is ReachUnit.PERSONS, indicator.code
        else:
            assert indicator.kind is IndicatorKind.OUTPUT, indicator.code
            assert indicator.unit in {ReachUnit.ORGANISATIONS, ReachUnit.OTHER}, indicator.code


def test_breakdowns_are_gender_for_participants_and_none_for_entities():
    """Participant data are broken down by gender; the ESF+ total also by age and status."""
    for indicator in INDICATORS.values():
        assert indicator.breakdowns <= BREAKDOWN_DIMENSIONS
        if indicator.subject == "entities":
            assert indicator.breakdowns == frozenset(), indicator.code
        elif indicator.code == "EECO01":
            assert indicator.breakdowns == {"gender", "age", "labour_market_status"}
        else:
            assert indicator.breakdowns == {"gender"}, indicator.code


def test_breakdown_dimensions_are_the_models():
    """The table's dimension names are exactly the model's BreakdownDimension values."""
    assert {d.value for d in BreakdownDimension} == BREAKDOWN_DIMENSIONS


def test_frameworks_name_their_instrument_and_period():
    """ESF+ indicators belong to esf_plus 2021-2027 and ESF ones to esf 2014-2020."""
    expected = {
        "esf_plus_2021_2027": (FundingInstrument.ESF_PLUS, "2021-2027"),
        "esf_2014_2020": (FundingInstrument.ESF, "2014-2020"),
    }
    for indicator in INDICATORS.values():
        assert (indicator.instrument, indicator.programming_period) == expected[indicator.framework]


def test_public_administrations_may_be_counted_as_municipalities():
    """EECO18 counts organisations, municipalities or offices; no other unit fits it."""
    eeco18 = TABLES.common_indicator("EECO18")
    assert eeco18 is not None
    assert eeco18.counts_in(ReachUnit.ORGANISATIONS)
    assert eeco18.counts_in(ReachUnit.MUNICIPALITIES)
    assert not eeco18.counts_in(ReachUnit.PERSONS)


@pytest.mark.parametrize("code", [None, "", "XX99", "EECO20", "CO24"])
def test_unknown_codes_find_nothing(code):
    """A code the table does not have (or none) gives None, never an error."""
    assert TABLES.common_indicator(code) is None


@given(
    code=st.sampled_from(CODES),
    upper=st.lists(st.booleans(), min_size=6, max_size=6),
    pad=st.sampled_from(["", " ", "\t", "  "]),
)
def test_lookup_ignores_case_and_surrounding_space(code, upper, pad):
    """'eeco01', ' EECO01 ' and 'EeCo01' all find EECO01."""
    spelled = "".join(c.upper() if u else c.lower() for c, u in zip(code, upper * 2, strict=False))
    found = TABLES.common_indicator(pad + spelled + pad)
    assert found is INDICATORS[code]


def test_override_adds_replaces_and_removes():
    """Overrides add a funder's own indicator, replace a shipped one and remove another."""
    renamed = dataclasses.replace(INDICATORS["CO12"], name="renamed")
    tables = TABLES.with_overrides(
        common_indicators={"K408-1": own(), "co12": renamed, "EECO17": None}
    )
    assert tables.common_indicator("k408-1") == own()
    assert tables.common_indicator("CO12").name == "renamed"
    assert tables.common_indicator("EECO17") is None
    assert len(tables.common_indicators) == len(INDICATORS)
    # The shipped tables are untouched.
    assert TABLES.common_indicator("EECO17") is not None
    assert TABLES.common_indicator("K408-1") is None


def test_override_keeps_other_tables():
    """Overriding common indicators leaves the other tables as they were, and vice versa."""
    tables = TABLES.with_overrides(common_indicators={"K408-1": own()})
    assert tables.academic_hours == TABLES.academic_hours
    assert tables.ceilings == TABLES.ceilings
    other = TABLES.with_overrides(academic_hour_minutes={"LV": 40})
    assert other.common_indicators == TABLES.common_indicators


def test_override_under_another_code_is_refused():
    """A key must be its indicator's code: a mix-up raises ValueError naming both."""
    with pytest.raises(ValueError, match=r"common_indicators\['EECO01'\].*'K408-1'"):
        TABLES.with_overrides(common_indicators={"EECO01": own()})


def test_override_accepts_plain_strings_for_enums():
    """An override written with plain strings is stored with the codelists' members."""
    loose = own(kind="result", unit="municipalities", breakdowns=frozenset({"gender"}))
    loose = dataclasses.replace(loose, compatible_units=frozenset({"offices"}), instrument="esf")
    stored = TABLES.with_overrides(common_indicators={"K408-1": loose}).common_indicators["K408-1"]
    assert stored.kind is IndicatorKind.RESULT
    assert stored.unit is ReachUnit.MUNICIPALITIES
    assert stored.compatible_units == {ReachUnit.OFFICES}
    assert stored.instrument is FundingInstrument.ESF


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"breakdowns": frozenset({"sex"})}, "breakdowns must be among"),
        ({"unit": "participants"}, "participants"),
        ({"kind": "impact"}, "impact"),
    ],
)
def test_override_with_unknown_values_is_refused(changes, message):
    """An override with a dimension, unit or kind capacitylib does not know raises ValueError."""
    with pytest.raises(ValueError, match=message):
        TABLES.with_overrides(common_indicators={"K408-1": own(**changes)})


@given(removed=st.sets(st.sampled_from(CODES)))
def test_removing_codes_leaves_exactly_the_others(removed):
    """Removing any set of codes leaves every other code, unchanged."""
    tables = TABLES.with_overrides(common_indicators=dict.fromkeys(removed))
    assert set(tables.common_indicators) == set(CODES) - removed
    for code in tables.common_indicators:
        assert tables.common_indicators[code] == INDICATORS[code]


def test_default_tables_are_loaded_once():
    """ReferenceTables.default() returns the same object each time (the CSV is read once)."""
    assert ReferenceTables.default() is ReferenceTables.default()
