"""The rules of the results framework: periods, measures, breakdowns and relations of indicators."""

from __future__ import annotations

import copy
from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib import Programme
from capacitylib.rules import CATALOGUE, RuleOptions, check
from capacitylib.testing import EXTREME, rich_programme_documents
from tests.models.test_results_framework import MONITORING_REPORT
from tests.rules._builders import AS_OF, codes_at, document, findings

#: The codes this file is about (the results and breakdowns families, and the new ones of the
#: indicators and references families).
NEW_CODES = {c for c, e in CATALOGUE.items() if e.family in {"results", "breakdowns"}} | {
    "indicator_actual_before_period",
    "indicator_reference_unknown",
}


def indicator(id_: str = "participants", **fields: Any) -> dict[str, Any]:
    """An output indicator counting persons, with ``fields`` added or replaced."""
    return {"id": id_, "kind": "output", "name": {"en": id_}, "unit": "persons", **fields}


def with_indicators(*indicators: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The base document (programme period 2016-11-01..2018-02-28) with these indicators."""
    return document(indicators=list(indicators), **changes)


def periods(*items: dict[str, Any]) -> dict[str, Any]:
    return with_indicators(indicator(periods=list(items)))


def gender(*values: Any, complete: bool = False) -> dict[str, Any]:
    categories = ("women", "men", "non_binary")
    return {
        "by": "gender",
        "complete": complete,
        "parts": [{"category": c, "value": v} for c, v in zip(categories, values, strict=False)],
    }


# Periods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "reported"),
    [
        ({"start": "2017"}, True),
        ({"start": "2017", "target": 10}, False),
        ({"start": "2017", "actual": 10}, False),
    ],
)
def test_a_period_needs_a_target_or_an_actual(period, reported):
    """A period with neither a target nor an actual is a warning; one of them is enough."""
    doc = periods(period)
    assert codes_at(doc, "indicator_period_empty") == (
        ["indicators[0].periods[0]"] if reported else []
    )
    assert CATALOGUE["indicator_period_empty"].severity == "warning"


@pytest.mark.parametrize(
    ("first", "second", "reported"),
    [
        ({"start": "2017"}, {"start": "2017"}, True),
        ({"start": "2017"}, {"start": "2017-01-01", "end": "2017-12-31"}, True),
        ({"start": "2017"}, {"start": "2018"}, False),
        ({"start": "2017-01", "end": "2017-06"}, {"start": "2017-06", "end": "2017-12"}, True),
        ({"start": "2017-01", "end": "2017-06"}, {"start": "2017-07", "end": "2017-12"}, False),
        ({"start": "2017", "end": "2018"}, {"start": "2018-03"}, True),
    ],
)
def test_periods_of_one_indicator_do_not_overlap(first, second, reported):
    """Periods sharing a day (inclusive ends) or repeating each other are reported once."""
    doc = periods({**first, "target": 5}, {**second, "target": 5})
    expected = ["indicators[0].periods[1]"] if reported else []
    assert codes_at(doc, "indicator_periods_overlap") == expected


def test_overlapping_periods_are_reported_at_the_later_one_naming_the_other():
    """The finding sits on the later-listed period and names the one it overlaps."""
    doc = periods(
        {"start": "2017-06", "end": "2018-06", "target": 1},
        {"start": "2016", "target": 1},
        {"start": "2017", "target": 1},
    )
    found = [f for f in findings(doc) if f.code == "indicator_periods_overlap"]
    assert [(f.path, f.values["other_path"]) for f in found] == [
        ("indicators[0].periods[2]", "indicators[0].periods[0]")
    ]
    assert found[0].severity == "error"


@pytest.mark.parametrize(
    ("period", "reported"),
    [
        ({"start": "2016"}, False),  # the programme starts on 2016-11-01: shares two months
        ({"start": "2018"}, False),  # ... and ends on 2018-02-28
        ({"start": "2016-01", "end": "2016-11"}, False),
        ({"start": "2016-01", "end": "2016-10"}, True),
        ({"start": "2018-03", "end": "2018-12"}, True),
        ({"start": "2019"}, True),
    ],
)
def test_a_period_shares_days_with_the_programme_period(period, reported):
    """A period is outside only when it shares no day with the programme period."""
    doc = periods({**period, "target": 5})
    expected = ["indicators[0].periods[0]"] if reported else []
    assert codes_at(doc, "indicator_period_outside_programme_period") == expected


def test_without_a_programme_period_no_period_is_outside():
    """Without a programme period the rule stays silent."""
    doc = periods({"start": "2030", "target": 5})
    doc["periods"] = []
    assert codes_at(doc, "indicator_period_outside_programme_period") == []


@pytest.mark.parametrize(
    ("as_of", "reported"),
    [
        ("2016-12-31", True),
        ("2016-12", True),
        ("2016", True),
        ("2017-01-01", False),
        ("2017", False),
    ],
)
def test_an_actual_is_not_dated_before_its_period(as_of, reported):
    """An actual is before its period when every day its date may denote is before the start."""
    doc = periods({"start": "2017", "actual": {"value": 5, "as_of": as_of}})
    expected = ["indicators[0].periods[0].actual.as_of"] if reported else []
    assert codes_at(doc, "indicator_actual_before_period") == expected


@pytest.mark.parametrize(
    ("period", "path"),
    [
        ({"start": "2024", "actual": {"value": 5, "as_of": "2024-07"}}, "actual.as_of"),
        ({"start": "2024", "actual": {"value": 5, "as_of": "2024-06"}}, None),
        ({"start": "2024", "actual": 5}, "actual"),  # as of the period's end, 2024-12-31
        ({"start": "2024-01", "end": "2024-06", "actual": 5}, None),  # ends on the check date
    ],
)
def test_a_period_actual_is_not_in_the_future(period, path):
    """A period's actual is judged by its as_of, else by the period's last day."""
    doc = periods(period)
    expected = [f"indicators[0].periods[0].{path}"] if path else []
    assert codes_at(doc, "indicator_actual_in_future") == expected


@pytest.mark.parametrize(
    ("target", "actual", "reported"),
    [
        (100, 150, False),
        (100, 151, True),
        ({"min": 80, "max": 100}, {"min": 140, "max": 200}, False),
        ({"min": 80, "max": 100}, {"min": 151, "max": 200}, True),
        (0, 5, False),
    ],
)
def test_far_above_target_applies_per_period(target, actual, reported):
    """A period's actual far above that period's target is reported like a 1.0 actual."""
    doc = periods({"start": "2017", "target": {"value": target}, "actual": {"value": actual}})
    expected = ["indicators[0].periods[0].actual.value"] if reported else []
    assert codes_at(doc, "indicator_actual_far_above_target") == expected
    ratio = RuleOptions(actual_target_ratio=Decimal(3))
    assert codes_at(doc, "indicator_actual_far_above_target", options=ratio) == []


# Measures -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reported"),
    [(100, False), ("100.5", True), ({"min": 90, "max": 110}, False), ({"min": 101}, True)],
)
def test_a_percentage_above_100_is_info(value, reported):
    """A percentage above 100 in every reading is info: a share cannot be, a growth can."""
    if isinstance(value, dict) and "max" not in value:
        value = {**value, "at_least": True}
    share = indicator("share", kind="result", measure="percentage", unit=None)
    doc = with_indicators({**share, "periods": [{"start": "2017", "actual": {"value": value}}]})
    found = [f for f in findings(doc) if f.code == "indicator_percentage_above_hundred"]
    assert [f.path for f in found] == (
        ["indicators[0].periods[0].actual.value"] if reported else []
    )
    assert all(f.severity == "info" for f in found)
    count = with_indicators(indicator(periods=[{"start": "2017", "actual": {"value": 150}}]))
    assert codes_at(count, "indicator_percentage_above_hundred") == []


@pytest.mark.parametrize(
    ("figure", "reported"),
    [
        ({"value": 3}, True),
        ({"value": 3, "narrative": {"en": "Three teams review cases monthly."}}, False),
        ({"narrative": {"en": "Teams review cases monthly."}}, False),
    ],
)
def test_a_qualitative_figure_needs_a_narrative(figure, reported):
    """A qualitative indicator's figure without a narrative is a warning."""
    practice = indicator("practice", kind="result", measure="qualitative", unit=None)
    doc = with_indicators({**practice, "periods": [{"start": "2017", "actual": figure}]})
    expected = ["indicators[0].periods[0].actual"] if reported else []
    assert codes_at(doc, "indicator_qualitative_without_narrative") == expected


def test_a_qualitative_indicator_with_a_total_target_figure_is_reported():
    """A qualitative indicator's total target, a figure, has no narrative."""
    practice = indicator("practice", kind="result", measure="qualitative", unit=None, target=3)
    doc = with_indicators(practice)
    assert codes_at(doc, "indicator_qualitative_without_narrative") == ["indicators[0].target"]


@pytest.mark.parametrize("measure", ["unit", "percentage", "ratio"])
def test_a_figure_in_words_only_is_reported_for_measured_indicators(measure):
    """A count, percentage or ratio stated only as a narrative is a warning; a value is not."""
    fields = {"measure": measure} if measure != "unit" else {}
    if measure != "unit":
        fields["unit"] = None
    words = {"narrative": {"en": "About a hundred."}}
    doc = with_indicators(indicator(periods=[{"start": "2017", "target": words}], **fields))
    assert codes_at(doc, "indicator_narrative_without_value") == ["indicators[0].periods[0].target"]
    stated = with_indicators(indicator(periods=[{"start": "2017", "target": 100}], **fields))
    assert codes_at(stated, "indicator_narrative_without_value") == []


# Breakdowns -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("whole", "part", "reported"),
    [
        (100, 100, False),
        (100, 101, True),
        ({"min": 90, "max": 110}, {"min": 100, "max": 120}, False),
        ({"min": 90, "max": 110}, {"min": 111, "max": 120}, True),
        ({"min": 90, "at_least": True}, 10**6, False),
        ({"min": 100, "max": 100, "approximate": True}, 125, False),  # cca 100: up to 125
        ({"min": 100, "max": 100, "approximate": True}, 126, True),
    ],
)
def test_a_part_does_not_exceed_the_whole(whole, part, reported):
    """A part is above the whole only when its minimum is above the whole's maximum."""
    breakdown = {"by": "gender", "parts": [{"category": "women", "value": part}]}
    doc = periods({"start": "2017", "actual": {"value": whole, "breakdowns": [breakdown]}})
    path = "indicators[0].periods[0].actual.breakdowns[0].parts[0].value"
    assert codes_at(doc, "breakdown_part_exceeds_whole") == ([path] if reported else [])


def test_a_part_above_the_whole_is_found_in_every_kind_of_figure():
    """Total targets, period targets and format 1.0 actuals are checked too, at their paths."""
    doc = with_indicators(
        indicator(
            target=10,
            target_breakdowns=[gender(11)],
            periods=[{"start": "2017", "target": {"value": 10, "breakdowns": [gender(3, 12)]}}],
            actuals=[{"value": 10, "as_of": "2017-12", "breakdowns": [gender(13)]}],
        )
    )
    found = [f for f in findings(doc) if f.code == "breakdown_part_exceeds_whole"]
    assert [(f.path, f.value, f.values["whole_path"]) for f in found] == [
        ("indicators[0].target_breakdowns[0].parts[0].value", "11", "indicators[0].target"),
        (
            "indicators[0].periods[0].target.breakdowns[0].parts[1].value",
            "12",
            "indicators[0].periods[0].target.value",
        ),
        (
            "indicators[0].actuals[0].breakdowns[0].parts[0].value",
            "13",
            "indicators[0].actuals[0].value",
        ),
    ]
    # One mistake, one finding: no sum finding for a breakdown with a part above its whole.
    assert codes_at(doc, "breakdown_sum_exceeds_whole") == []


def test_breakdowns_of_percentages_are_not_parts_of_the_whole():
    """The share among women may be above the share of all: not judged."""
    share = indicator("share", kind="result", measure="percentage", unit=None)
    figure = {"value": 80, "breakdowns": [gender(85, 70, complete=True)]}
    doc = with_indicators({**share, "periods": [{"start": "2017", "actual": figure}]})
    assert [f.code for f in findings(doc) if f.code.startswith("breakdown_")] == []


@pytest.mark.parametrize(
    ("whole", "parts", "reported"),
    [
        (100, (60, 40), False),
        (100, (60, 39), True),
        (100, (60, 30, 11), True),
        (100, ({"min": 50, "max": 60}, {"min": 40, "max": 45}), False),  # 90-105 holds 100
        (100, ({"min": 50, "max": 55}, {"min": 40, "max": 44}), True),  # 90-99
        (100, ({"min": 60, "at_least": True}, 40), False),  # at least 100
        ({"min": 100, "at_least": True}, (60, 30), True),  # 90 < at least 100
        ({"min": 95, "max": 105}, (60, 45), False),
    ],
)
def test_a_complete_breakdown_adds_up_to_the_whole(whole, parts, reported):
    """A complete breakdown is reported when its sum's interval and the whole's share no value."""
    doc = periods(
        {"start": "2017", "actual": {"value": whole, "breakdowns": [gender(*parts, complete=True)]}}
    )
    path = "indicators[0].periods[0].actual.breakdowns[0].parts"
    assert codes_at(doc, "breakdown_sum_mismatch") == ([path] if reported else [])


@pytest.mark.parametrize(
    ("breakdown", "reported"),
    [
        (gender(60, 40), False),
        (gender(60, 41), True),
        (
            {
                "by": "age",
                "parts": [{"category": "<18", "value": 50}, {"category": "55+", "value": 51}],
            },
            True,
        ),
        (
            {
                "by": "labour_market_status",
                "parts": [
                    {"category": "unemployed", "value": 60},
                    {"category": "long_term_unemployed", "value": 50},  # part of the unemployed
                    {"category": "employed", "value": 40},
                ],
            },
            False,
        ),
        (
            {
                "by": "labour_market_status",
                "parts": [
                    {"category": "unemployed", "value": 60},
                    {"category": "long_term_unemployed", "value": 50},
                    {"category": "employed", "value": 40},
                    {"category": "inactive", "value": 1},
                ],
            },
            True,
        ),
        # Target groups may nest (families, families at social risk): not judged.
        (
            {
                "by": "target_group",
                "parts": [
                    {"category": "families", "value": 80},
                    {"category": "families_at_social_risk", "value": 60},
                ],
            },
            False,
        ),
    ],
)
def test_a_partial_breakdown_of_disjoint_categories_does_not_exceed_the_whole(breakdown, reported):
    """The parts of one dimension are disjoint, so even "of whom" figures may not sum above it."""
    doc = periods({"start": "2017", "actual": {"value": 100, "breakdowns": [breakdown]}})
    path = "indicators[0].periods[0].actual.breakdowns[0].parts"
    assert codes_at(doc, "breakdown_sum_exceeds_whole") == ([path] if reported else [])
    assert codes_at(doc, "breakdown_sum_mismatch") == []


def test_a_breakdown_of_a_figure_without_a_value_is_reported():
    """Breakdowns need a whole: total target breakdowns without a target, a qualitative figure."""
    practice = indicator("practice", kind="result", measure="qualitative", unit=None)
    words = {"narrative": {"en": "Teams review cases."}, "breakdowns": [gender(3)]}
    doc = with_indicators(
        indicator(target_breakdowns=[gender(3)]),
        {**practice, "periods": [{"start": "2017", "actual": words}]},
        indicator("counted", periods=[{"start": "2017", "actual": words}]),
    )
    assert codes_at(doc, "breakdown_whole_missing") == [
        "indicators[0].target_breakdowns[0]",
        "indicators[1].periods[0].actual.breakdowns[0]",
    ]
    # A count in words only is one finding, not two.
    assert codes_at(doc, "indicator_narrative_without_value") == ["indicators[2].periods[0].actual"]


@pytest.mark.parametrize(
    ("bands", "reported"),
    [
        (("<18", "18-29", "55+"), []),
        (("18-29", "30-54"), []),
        (("18-29", "25-64"), [1]),
        (("18-29", "29-40"), [1]),  # bands are inclusive: 29 is in both
        (("60-64", "55+"), [0]),
        (("55+", "65+"), [1]),
        (("<18", "18-24", "18-29"), [2]),
    ],
)
def test_age_bands_of_one_breakdown_do_not_overlap(bands, reported):
    """Two bands sharing an age are reported at the one that starts later."""
    breakdown = {"by": "age", "parts": [{"category": b, "value": 1} for b in bands]}
    doc = periods({"start": "2017", "actual": {"value": 100, "breakdowns": [breakdown]}})
    at = "indicators[0].periods[0].actual.breakdowns[0].parts"
    assert codes_at(doc, "breakdown_age_bands_overlap") == [f"{at}[{m}].category" for m in reported]


@pytest.mark.parametrize("complete", [True, False])
def test_long_term_unemployed_beside_unemployed_only_in_a_partial_breakdown(complete):
    """In a complete breakdown the long-term unemployed would count twice; "of whom" is fine."""
    breakdown = {
        "by": "labour_market_status",
        "complete": complete,
        "parts": [
            {"category": "unemployed", "value": 60},
            {"category": "long_term_unemployed", "value": 20},
            {"category": "employed", "value": 20},
        ],
    }
    doc = periods({"start": "2017", "actual": {"value": 80, "breakdowns": [breakdown]}})
    at = "indicators[0].periods[0].actual.breakdowns[0].parts[1].category"
    assert codes_at(doc, "breakdown_categories_nested") == ([at] if complete else [])
    # One mistake, one finding: the double-counted sum (100 for 80) is not reported as well.
    assert codes_at(doc, "breakdown_sum_mismatch") == []


# Relations ------------------------------------------------------------------------------------


def test_references_to_indicators_name_indicators_of_the_document():
    """subset_of and follows_from naming no indicator are errors at their paths."""
    doc = with_indicators(
        indicator(),
        indicator(
            "completers", kind="result", subset_of="nobody", follows_from=["participants", "x"]
        ),
    )
    found = [f for f in findings(doc) if f.code == "indicator_reference_unknown"]
    assert [(f.path, f.value, f.severity) for f in found] == [
        ("indicators[1].subset_of", "nobody", "error"),
        ("indicators[1].follows_from[1]", "x", "error"),
    ]


def test_a_subset_cycle_is_reported_once_at_its_first_indicator():
    """a of b, b of a: one finding; an indicator hanging off the cycle is not in it."""
    doc = with_indicators(
        indicator("a", subset_of="b", target=10),
        indicator("b", subset_of="a", target=5),
        indicator("c", subset_of="a", target=3),
    )
    found = [f for f in findings(doc) if f.code == "indicator_subset_cycle"]
    assert [(f.path, f.values["cycle"]) for f in found] == [("indicators[0].subset_of", ["a", "b"])]
    assert codes_at(doc, "indicator_subset_exceeds_parent") == []


def parent_and_subset(parent: Any, subset: Any, *, where: str) -> dict[str, Any]:
    """Participants and completers with one figure each, in the total target, a period or actuals."""

    def fields(value: Any) -> dict[str, Any]:
        if where == "target":
            return {"target": value}
        if where == "actuals":
            return {"actuals": [{"value": value, "as_of": "2017-12"}]}
        return {"periods": [{"start": "2017", where.removesuffix("_period"): {"value": value}}]}

    return with_indicators(
        indicator(**fields(parent)),
        indicator("completers", kind="result", subset_of="participants", **fields(subset)),
    )


@pytest.mark.parametrize("where", ["target", "actuals", "target_period", "actual_period"])
@pytest.mark.parametrize(
    ("parent", "subset", "reported"),
    [
        (100, 100, False),
        (100, 101, True),
        ({"min": 90, "max": 110}, {"min": 100, "max": 120}, False),
        ({"min": 90, "max": 110}, {"min": 111, "max": 120}, True),
        ({"min": 100, "at_least": True}, 10**6, False),
        ({"min": 100, "max": 100, "approximate": True}, 125, False),
        ({"min": 100, "max": 100, "approximate": True}, 126, True),
    ],
)
def test_a_subset_does_not_exceed_its_parent(where, parent, subset, reported):
    """Equal is fine; a range exceeds only when its minimum is above the parent's maximum."""
    doc = parent_and_subset(parent, subset, where=where)
    path = {
        "target": "indicators[1].target",
        "actuals": "indicators[1].actuals[0].value",
        "target_period": "indicators[1].periods[0].target.value",
        "actual_period": "indicators[1].periods[0].actual.value",
    }[where]
    assert codes_at(doc, "indicator_subset_exceeds_parent") == ([path] if reported else [])


def test_subset_periods_are_compared_only_with_the_parents_period_of_the_same_span():
    """A subset's 2017 is not compared with the parent's 2018, nor with a repeated span."""
    doc = with_indicators(
        indicator(periods=[{"start": "2018", "target": 10}]),
        indicator(
            "completers",
            kind="result",
            subset_of="participants",
            periods=[{"start": "2017", "target": 50}],
        ),
    )
    assert codes_at(doc, "indicator_subset_exceeds_parent") == []
    ambiguous = with_indicators(
        indicator(periods=[{"start": "2017", "target": 10}, {"start": "2017", "target": 100}]),
        indicator(
            "completers",
            kind="result",
            subset_of="participants",
            periods=[{"start": "2017", "target": 50}],
        ),
    )
    assert codes_at(ambiguous, "indicator_subset_exceeds_parent") == []


@pytest.mark.parametrize(
    ("subset_fields", "reported"),
    [
        ({}, False),
        ({"unit": "hours"}, True),
        ({"measure": "percentage", "unit": None}, True),
    ],
)
def test_a_subset_counts_in_its_parents_measure_and_unit(subset_fields, reported):
    """Persons of hours, or a percentage of persons, cannot be compared: a warning."""
    doc = with_indicators(
        indicator(target=10),
        indicator(
            "completers", kind="result", subset_of="participants", target=500, **subset_fields
        ),
    )
    assert codes_at(doc, "indicator_subset_unit_mismatch") == (
        ["indicators[1].subset_of"] if reported else []
    )
    assert codes_at(doc, "indicator_subset_exceeds_parent") == (
        [] if reported else ["indicators[1].target"]
    )


def test_follows_from_belongs_to_results_and_names_outputs():
    """An output with follows_from, or a result naming a result, is a warning; results of outputs pass."""
    doc = with_indicators(
        indicator("trained"),
        indicator("seminars", follows_from=["trained"]),
        indicator("practice", kind="result", follows_from=["trained"]),
        indicator("families", kind="result", follows_from=["trained", "practice"]),
    )
    found = [f for f in findings(doc) if f.code == "indicator_follows_from_kind_mismatch"]
    assert [(f.path, f.severity) for f in found] == [
        ("indicators[1].follows_from", "warning"),
        ("indicators[3].follows_from[1]", "warning"),
    ]


# Whole documents ------------------------------------------------------------------------------


def results_document() -> dict[str, Any]:
    """One document with a problem of every kind the results rules know (for the catalogue)."""
    words = {"narrative": {"en": "Most of them."}}
    statuses = [("unemployed", 50), ("long_term_unemployed", 20), ("employed", 20)]
    return with_indicators(
        indicator(
            target=100,
            periods=[
                {
                    "start": "2017",
                    "target": 100,
                    "actual": {
                        "value": 90,
                        "as_of": "2016-06",  # indicator_actual_before_period
                        "breakdowns": [
                            gender(95),  # breakdown_part_exceeds_whole
                            {  # breakdown_age_bands_overlap
                                "by": "age",
                                "parts": [
                                    {"category": "18-29", "value": 10},
                                    {"category": "25-64", "value": 10},
                                ],
                            },
                            {  # breakdown_categories_nested
                                "by": "labour_market_status",
                                "complete": True,
                                "parts": [{"category": c, "value": v} for c, v in statuses],
                            },
                        ],
                    },
                },
                {"start": "2017-06", "end": "2017-12", "target": 10},  # indicator_periods_overlap
                {"start": "2019"},  # indicator_period_empty, ..._outside_programme_period
            ],
        ),
        # indicator_subset_exceeds_parent; indicator_reference_unknown
        indicator(
            "completers",
            kind="result",
            subset_of="participants",
            follows_from=["participants", "nobody"],
            target=120,
        ),
        # indicator_subset_unit_mismatch; indicator_follows_from_kind_mismatch (an output)
        indicator("hours", unit="hours", subset_of="participants", follows_from=["participants"]),
        indicator("a", subset_of="b"),  # indicator_subset_cycle
        indicator("b", subset_of="a"),
        indicator(
            "share",
            kind="result",
            measure="percentage",
            unit=None,
            follows_from=["completers"],  # indicator_follows_from_kind_mismatch (names a result)
            periods=[
                {"start": "2017", "actual": 120},  # indicator_percentage_above_hundred
                {"start": "2018", "target": words},  # indicator_narrative_without_value
            ],
        ),
        indicator(
            "practice",
            kind="result",
            measure="qualitative",
            unit=None,
            periods=[
                {"start": "2017", "actual": 3},  # indicator_qualitative_without_narrative
                {
                    "start": "2018",
                    "actual": {**words, "breakdowns": [gender(1)]},
                },  # ..._whole_missing
            ],
        ),
        indicator(
            "sums",
            periods=[
                # breakdown_sum_mismatch
                {
                    "start": "2017",
                    "actual": {"value": 100, "breakdowns": [gender(60, 30, complete=True)]},
                },
                # breakdown_sum_exceeds_whole
                {"start": "2018", "target": {"value": 100, "breakdowns": [gender(60, 41)]}},
            ],
        ),
    )


def test_the_results_document_has_a_problem_of_every_new_kind():
    """results_document() gives every new code, each at the catalogue's severity."""
    found = findings(results_document())
    assert {f.code for f in found if f.code in NEW_CODES} == NEW_CODES
    assert all(f.severity == CATALOGUE[f.code].severity for f in found)


def test_the_monitoring_report_gives_no_error():
    """The illustrative ESF+ monitoring report is consistent: no error finding."""
    found = check(Programme.model_validate(MONITORING_REPORT), as_of=AS_OF)
    assert [f for f in found if f.severity == "error"] == []
    assert [f.code for f in found if f.code in NEW_CODES] == []


def test_the_seeds_give_no_results_finding():
    """The bundled seed programmes stay clean of the new codes."""
    for programme in capacitylib.load_examples():
        assert [f.code for f in check(programme, as_of=AS_OF) if f.code in NEW_CODES] == []


_SLOW = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@_SLOW
@given(st.one_of(rich_programme_documents(), rich_programme_documents(figures=EXTREME)))
def test_the_rules_never_crash_on_generated_programmes(doc):
    """Every valid programme, ordinary or extreme, gets findings, never an exception."""
    found = check(Programme.model_validate(doc), as_of=AS_OF)
    assert all(f.code in CATALOGUE for f in found)


def _scaled(value: Any, factor: Decimal) -> Any:
    """A dumped Estimate with both bounds times ``factor`` (an open end stays open)."""
    with localcontext() as context:
        context.prec = 100
        scaled = {**value, "min": str(Decimal(value["min"]) * factor)}
        if value.get("max") is not None:
            scaled["max"] = str(Decimal(value["max"]) * factor)
    return scaled


def _scaled_figures(data: Any, factor: Decimal) -> Any:
    """Every Estimate in a dumped indicator scaled by ``factor``; other fields unchanged."""
    if isinstance(data, dict):
        if "min" in data and "at_least" in data:
            return _scaled(data, factor)
        return {key: _scaled_figures(item, factor) for key, item in data.items()}
    if isinstance(data, list):
        return [_scaled_figures(item, factor) for item in data]
    return data


@_SLOW
@given(rich_programme_documents(), st.sampled_from(["0", "0.5", "0.999", "1"]))
def test_a_subset_scaled_down_from_its_parent_never_exceeds_it(doc, factor):
    """A subset whose every figure is the parent's scaled by at most 1 never exceeds the parent."""
    grown = copy.deepcopy(doc)
    if not grown.get("indicators"):
        grown["indicators"] = [indicator("ind-0", target={"min": 3, "max": 9})]
    # The first indicator becomes a count (figures are compared for counts only).
    grown["indicators"][0].pop("measure", None)
    parent = Programme.model_validate(grown).indicators[0]
    subset = _scaled_figures(
        parent.model_dump(
            mode="json",
            exclude_none=True,
            exclude={"follows_from", "common_indicator", "extensions"},
        ),
        Decimal(factor),
    )
    subset.update(id=f"{parent.id}-subset", subset_of=parent.id)
    grown["indicators"].append(subset)
    index = len(grown["indicators"]) - 1
    found = check(Programme.model_validate(grown), as_of=AS_OF)
    assert [
        f.path
        for f in found
        if f.code == "indicator_subset_exceeds_parent" and f.path.startswith(f"indicators[{index}]")
    ] == []
