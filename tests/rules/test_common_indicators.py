"""Indicators that report a common indicator are checked against the common-indicator table."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capacitylib.codelists import IndicatorKind, ReachUnit
from capacitylib.reference import CommonIndicator, ReferenceTables, TableEntry
from capacitylib.rules import CATALOGUE, RuleOptions
from capacitylib.testing import estimates
from tests.rules._builders import document, findings

TABLES = ReferenceTables.default()
ESF_PLUS = {"funding_instruments": ["esf_plus"], "programming_period": "2021-2027"}
GENDER = {
    "by": "gender",
    "complete": True,
    "parts": [
        {"category": "women", "value": 10},
        {"category": "men", "value": 3},
        {"category": "non_binary", "value": 1},
    ],
}


def indicator(**fields):
    """An output indicator of participants counted in persons, with a total target of 14."""
    base = {
        "id": "participants",
        "kind": "output",
        "name": {"cs": "Podpoření účastníci", "en": "Participants supported"},
        "unit": "persons",
        "target": 14,
    }
    base.update(fields)
    return base


def doc_with(*indicators, **programme):
    """The base CZ ESF 2014-2020 document with these indicators (and programme changes)."""
    return document(indicators=list(indicators), **programme)


def common_findings(doc, **kwargs):
    return [
        (f.code, f.path) for f in findings(doc, **kwargs) if f.code.startswith("common_indicator_")
    ]


def test_a_fitting_indicator_gives_no_finding():
    """CO16 reported by an output indicator of persons broken down by gender fits."""
    doc = doc_with(indicator(common_indicator="CO16", target_breakdowns=[GENDER]))
    assert common_findings(doc) == []


def test_no_common_indicator_no_finding():
    """An indicator that reports no common indicator is not checked."""
    assert common_findings(doc_with(indicator(unit="organisations", kind="result"))) == []


def test_unknown_code_is_a_warning_and_nothing_else_is_checked():
    """A code not in the table is reported once, at the field, even when the kind is wrong too."""
    doc = doc_with(indicator(common_indicator="CO99", kind="result", unit="organisations"))
    (found,) = [f for f in findings(doc) if f.code.startswith("common_indicator_")]
    assert (found.code, found.path, found.severity) == (
        "common_indicator_unknown",
        "indicators[0].common_indicator",
        "warning",
    )
    assert found.value == "CO99"
    assert "'common_indicator' must be a code of the common-indicator table" in found.message


def test_codes_are_found_in_any_case():
    """'co16' is CO16."""
    doc = doc_with(indicator(common_indicator="co16", target_breakdowns=[GENDER]))
    assert common_findings(doc) == []


def test_kind_mismatch():
    """An output indicator reporting CR03 (a result indicator) is reported at its kind."""
    doc = doc_with(indicator(common_indicator="CR03", target_breakdowns=[GENDER]))
    (found,) = [f for f in findings(doc) if f.code.startswith("common_indicator_")]
    assert (found.code, found.path) == ("common_indicator_kind_mismatch", "indicators[0].kind")
    assert found.values == {"common_indicator": "CR03", "expected": "result"}
    assert "(got 'output')" in found.message


def test_measure_mismatch_is_reported_instead_of_the_unit():
    """A percentage cannot report a count: the measure is reported, the unit is not."""
    doc = doc_with(
        indicator(common_indicator="CO16", measure="percentage", unit=None, target=40),
    )
    assert common_findings(doc) == [
        ("common_indicator_measure_mismatch", "indicators[0].measure"),
        ("common_indicator_breakdown_missing", "indicators[0]"),
    ]


@pytest.mark.parametrize(
    ("code", "unit", "reported"),
    [
        ("CO16", "persons", False),
        ("CO16", "families", True),
        ("CO16", "organisations", True),
        ("CO23", "organisations", False),
        ("CO23", "persons", True),
        ("CO22", "other", False),
    ],
)
def test_unit_mismatch(code, unit, reported):
    """The unit must be the common indicator's: persons for participants, else organisations."""
    fields = {"target_breakdowns": [GENDER]} if unit == "persons" else {}
    doc = doc_with(indicator(common_indicator=code, unit=unit, **fields))
    found = [path for c, path in common_findings(doc) if c == "common_indicator_unit_mismatch"]
    assert found == (["indicators[0].unit"] if reported else [])


@pytest.mark.parametrize(
    ("unit", "reported"),
    [("organisations", False), ("municipalities", False), ("offices", False), ("persons", True)],
)
def test_public_administrations_may_be_counted_in_municipalities(unit, reported):
    """EECO18 counts public administrations: organisations, municipalities or offices."""
    doc = doc_with(indicator(common_indicator="EECO18", unit=unit), **ESF_PLUS)
    found = [f for f in findings(doc) if f.code == "common_indicator_unit_mismatch"]
    assert len(found) == reported
    if reported:
        assert found[0].values["expected"] == ["organisations", "municipalities", "offices"]
        assert "'unit' must be 'organisations' or 'municipalities' or 'offices'" in (
            found[0].message
        )


@pytest.mark.parametrize(
    ("programme", "code", "reported"),
    [
        ({}, "CO01", False),  # the base document: ESF 2014-2020
        ({}, "EECO02", True),
        (ESF_PLUS, "EECO02", False),
        (ESF_PLUS, "CO01", True),
        ({"programming_period": None, "funding_instruments": []}, "EECO02", False),
        ({"programming_period": None, "funding_instruments": ["eea_grants"]}, "CO01", True),
        ({"programming_period": "2014-2020", "funding_instruments": []}, "CO01", False),
        (
            {"programming_period": "2014-2020", "funding_instruments": ["esf", "national"]},
            "CO01",
            False,
        ),
    ],
)
def test_framework_mismatch(programme, code, reported):
    """A common indicator of another period or instrument than the programme's is reported."""
    doc = doc_with(indicator(common_indicator=code, target_breakdowns=[GENDER]), **programme)
    found = [f for f in findings(doc) if f.code == "common_indicator_framework_mismatch"]
    assert [f.path for f in found] == (["indicators[0].common_indicator"] if reported else [])


def test_framework_mismatch_names_both_frameworks():
    """The message names the common indicator's framework and what the programme states."""
    doc = doc_with(indicator(common_indicator="CO01", target_breakdowns=[GENDER]), **ESF_PLUS)
    (found,) = [f for f in findings(doc) if f.code == "common_indicator_framework_mismatch"]
    assert "of esf 2014-2020" in found.message
    assert "programming period 2021-2027 and funding instruments esf_plus" in found.message
    assert found.values["framework"] == "esf_2014_2020"


def region(value):
    return {"by": "region", "parts": [{"category": "Ostrava", "value": value}]}


def test_unused_dimension_is_reported_once_at_its_first_place():
    """A region breakdown in the total target and two periods is one finding, at the first."""
    doc = doc_with(
        indicator(
            common_indicator="CO16",
            target_breakdowns=[GENDER, region(5)],
            periods=[
                {"start": "2017", "target": {"value": 7, "breakdowns": [region(2)]}},
                {"start": "2018", "actual": {"value": 6, "breakdowns": [region(3)]}},
            ],
        )
    )
    (found,) = [f for f in findings(doc) if f.code == "common_indicator_breakdown_unused"]
    assert found.path == "indicators[0].target_breakdowns[1].by"
    assert found.severity == "warning"
    assert found.values == {"common_indicator": "CO16", "expected": ["gender"], "places": 3}
    assert "(got 'region', in 3 places)" in found.message


def test_unused_dimension_in_an_actual_of_format_1_0():
    """A breakdown of a dated actual (format 1.0 actuals) is checked too."""
    doc = doc_with(
        indicator(
            common_indicator="CO16",
            target_breakdowns=[GENDER],
            actuals=[{"value": 12, "as_of": "2017-12", "breakdowns": [region(12)]}],
        )
    )
    assert ("common_indicator_breakdown_unused", "indicators[0].actuals[0].breakdowns[0].by") in (
        common_findings(doc)
    )


def test_entities_are_not_broken_down_by_gender():
    """SMEs supported (CO23) broken down by gender do not fit the common indicator."""
    doc = doc_with(
        indicator(common_indicator="CO23", unit="organisations", target_breakdowns=[GENDER])
    )
    assert common_findings(doc) == [
        ("common_indicator_breakdown_unused", "indicators[0].target_breakdowns[0].by")
    ]


def test_missing_dimensions_are_info_listing_each():
    """EECO01 broken down by gender only misses age and labour-market status (info)."""
    doc = doc_with(indicator(common_indicator="EECO01", target_breakdowns=[GENDER]), **ESF_PLUS)
    (found,) = [f for f in findings(doc) if f.code.startswith("common_indicator_")]
    assert (found.code, found.path, found.severity) == (
        "common_indicator_breakdown_missing",
        "indicators[0]",
        "info",
    )
    assert found.values == {
        "common_indicator": "EECO01",
        "missing": ["age", "labour_market_status"],
    }


def test_missing_dimension_counts_breakdowns_of_any_figure():
    """A gender breakdown of one period's actual is enough."""
    doc = doc_with(
        indicator(
            common_indicator="CO16",
            target=None,
            periods=[{"start": "2017", "actual": {"value": 14, "breakdowns": [GENDER]}}],
        )
    )
    assert common_findings(doc) == []


def test_no_figure_no_missing_breakdown():
    """An indicator that states no figure yet is not asked for breakdowns."""
    doc = doc_with(indicator(common_indicator="CO16", target=None))
    assert common_findings(doc) == []


def test_every_indicator_is_checked_in_document_order():
    """Two misfitting indicators give their findings in document order."""
    doc = doc_with(
        indicator(id="a", common_indicator="XX1"),
        indicator(id="b", common_indicator="CO16", unit="families", target_breakdowns=[GENDER]),
    )
    assert common_findings(doc) == [
        ("common_indicator_unknown", "indicators[0].common_indicator"),
        ("common_indicator_unit_mismatch", "indicators[1].unit"),
    ]


def own_indicator():
    return CommonIndicator(
        framework="call_k408",
        code="K408-1",
        kind=IndicatorKind.OUTPUT,
        subject="entities",
        name="social services supported",
        unit=ReachUnit.ORGANISATIONS,
        breakdowns=frozenset(),
        entry=TableEntry("call K-408, annex 2", verified=True),
    )


def test_a_funders_own_indicator_added_to_the_tables_is_known():
    """With the funder's indicator in the tables, the code is known and checked."""
    doc = doc_with(indicator(common_indicator="K408-1", unit="persons"))
    assert [c for c, _ in common_findings(doc)] == ["common_indicator_unknown"]
    tables = TABLES.with_overrides(common_indicators={"K408-1": own_indicator()})
    assert common_findings(doc, tables=tables) == [
        ("common_indicator_unit_mismatch", "indicators[0].unit")
    ]


def test_a_removed_code_is_unknown():
    """Removing a code from the tables makes it unknown."""
    doc = doc_with(indicator(common_indicator="CO16", target_breakdowns=[GENDER]))
    tables = TABLES.with_overrides(common_indicators={"CO16": None})
    assert common_findings(doc, tables=tables) == [
        ("common_indicator_unknown", "indicators[0].common_indicator")
    ]


def test_options_change_severity_and_disable():
    """Severity overrides and disabled codes apply to these findings like to any other."""
    doc = doc_with(indicator(common_indicator="CO99"))
    options = RuleOptions(severity_overrides={"common_indicator_unknown": "error"})
    (found,) = [f for f in findings(doc, options=options) if f.code == "common_indicator_unknown"]
    assert found.severity == "error"
    options = RuleOptions(disabled=frozenset({"common_indicator_unknown"}))
    assert common_findings(doc, options=options) == []


def test_catalogue_lists_the_family():
    """Every code of this family is catalogued under common_indicators."""
    codes = {c for c, info in CATALOGUE.items() if info.family == "common_indicators"}
    assert codes == {
        "common_indicator_unknown",
        "common_indicator_framework_mismatch",
        "common_indicator_kind_mismatch",
        "common_indicator_measure_mismatch",
        "common_indicator_unit_mismatch",
        "common_indicator_breakdown_unused",
        "common_indicator_breakdown_missing",
    }


FRAMEWORKS = {
    "esf_plus_2021_2027": ESF_PLUS,
    "esf_2014_2020": {"funding_instruments": ["esf"], "programming_period": "2014-2020"},
}
CATEGORIES = {
    "gender": ["women", "men", "non_binary"],
    "age": ["<18", "18-29", "55+"],
    "labour_market_status": ["unemployed", "inactive", "employed"],
}


@st.composite
def fitting(draw):
    """A common indicator of the table and a document whose indicator fits it exactly."""
    code = draw(st.sampled_from(sorted(TABLES.common_indicators)))
    common = TABLES.common_indicators[code]
    unit = draw(st.sampled_from(sorted([common.unit, *common.compatible_units])))
    breakdowns = [
        {
            "by": dimension,
            "parts": [
                {"category": category, "value": draw(estimates(max_value=50))}
                for category in draw(
                    st.lists(st.sampled_from(CATEGORIES[dimension]), min_size=1, unique=True)
                )
            ],
        }
        for dimension in sorted(common.breakdowns)
    ]
    fields = {
        "kind": common.kind.value,
        "unit": unit.value,
        "common_indicator": draw(st.sampled_from([code, code.lower()])),
        "target": draw(estimates(max_value=10_000)),
        "target_breakdowns": breakdowns,
    }
    return common, doc_with(indicator(**fields), **FRAMEWORKS[common.framework])


@given(fitting())
def test_an_indicator_built_to_fit_its_common_indicator_gives_no_finding(case):
    """Any common indicator, reported by an indicator with its kind, unit and breakdowns, fits."""
    _, doc = case
    assert common_findings(doc) == []


@given(fitting(), st.sampled_from(["kind", "unit", "framework"]))
def test_one_misfit_gives_exactly_its_finding(case, misfit):
    """Changing one thing of a fitting indicator gives exactly the finding of that thing."""
    common, doc = case
    ind = doc["indicators"][0]
    if misfit == "kind":
        ind["kind"] = "result" if common.kind is IndicatorKind.OUTPUT else "output"
        expected = ("common_indicator_kind_mismatch", "indicators[0].kind")
    elif misfit == "unit":
        ind["unit"] = "cases"
        expected = ("common_indicator_unit_mismatch", "indicators[0].unit")
    else:
        other = next(f for f in FRAMEWORKS if f != common.framework)
        doc.update(FRAMEWORKS[other])
        expected = ("common_indicator_framework_mismatch", "indicators[0].common_indicator")
    assert common_findings(doc) == [expected]


def test_catalogue_entries_name_their_regulations():
    """Each entry of the family cites both ESF regulations' Annex I."""
    for code, info in CATALOGUE.items():
        if info.family == "common_indicators":
            assert "2021/1057 Annex I" in info.source, code
            assert "1304/2013 Annex I" in info.source, code


def test_compatible_units_are_never_the_unit_itself():
    """The table's compatible units are extra units, not a repeat of the unit."""
    for common in TABLES.common_indicators.values():
        assert common.unit not in common.compatible_units
        assert dataclasses.replace(common, compatible_units=frozenset()).counts_in(common.unit)
