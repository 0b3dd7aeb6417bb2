"""The results framework: indicators per period, breakdowns, common indicators, relations."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import capacitylib
from capacitylib import Breakdown, Indicator, IndicatorPeriod, Programme
from capacitylib.models.breakdown import age_band_bounds
from capacitylib.testing import rich_programme_documents
from capacitylib.testing._figures import texts
from capacitylib.testing._plain import estimates, localized
from capacitylib.testing._results import breakdowns, indicator_periods

#: An indicator as an ESF+ monitoring report states it (illustrative figures, not a seed's):
#: targets per year, actuals with dates and sources, gender and age breakdowns, the common
#: indicator it reports, and a completers-of-participants relation.
MONITORING_REPORT = {
    "schema_version": "1.1",
    "id": "esf-plus-training",
    "title": {"en": "Supervision training for social workers"},
    "indicators": [
        {
            "id": "participants",
            "kind": "output",
            "name": {"en": "Social workers taking part in supervision training"},
            "unit": "persons",
            "target_group": "social_workers",
            "common_indicator": "EECO01",
            "baseline": 0,
            "baseline_as_of": "2022",
            "baseline_source": "programme application",
            "target": 300,
            "target_date": "2025-12-31",
            "periods": [
                {
                    "start": "2023",
                    "target": 100,
                    "actual": {
                        "value": 96,
                        "as_of": "2023-12-31",
                        "source": "annual implementation report 2023",
                        "breakdowns": [
                            {
                                "by": "gender",
                                "complete": True,
                                "parts": [
                                    {"category": "women", "value": 88},
                                    {"category": "men", "value": 7},
                                    {"category": "non_binary", "value": 1},
                                ],
                            },
                            {
                                "by": "age",
                                "parts": [
                                    {"category": "<18", "value": 0},
                                    {"category": "18-29", "value": 21},
                                    {"category": "55+", "value": 14},
                                ],
                            },
                        ],
                    },
                },
                {"start": "2024", "target": {"value": 100}},
                {"start": "2025", "target": {"value": {"min": 90, "max": 110}}},
            ],
        },
        {
            "id": "completers",
            "kind": "result",
            "name": {"en": "Participants who completed the training"},
            "unit": "persons",
            "subset_of": "participants",
            "follows_from": ["participants"],
            "periods": [{"start": "2023", "target": 90, "actual": {"value": 80}}],
        },
        {
            "id": "satisfaction",
            "kind": "result",
            "name": {"en": "Participants rating the supervision useful"},
            "measure": "percentage",
            "periods": [{"start": "2023", "target": 80, "actual": {"value": "83.5"}}],
        },
        {
            "id": "practice-change",
            "kind": "result",
            "name": {"en": "Change in case work practice"},
            "measure": "qualitative",
            "periods": [
                {
                    "start": "2023-01",
                    "end": "2023-06",
                    "actual": {"narrative": {"en": "Teams hold monthly case reviews."}},
                }
            ],
        },
    ],
}


def test_a_monitoring_report_indicator_is_written_without_notes_standing_in_for_fields():
    programme = Programme.model_validate(MONITORING_REPORT)
    participants, completers, satisfaction, practice = programme.indicators
    first = participants.periods[0]
    assert first.span is not None and first.span[0].isoformat() == "2023-01-01"
    assert first.actual is not None and first.actual.value is not None
    assert first.actual.value.min == 96
    gender = first.actual.breakdowns[0]
    assert gender.by.value == "gender" and gender.complete and gender.total.min == 96
    assert participants.periods[2].target is not None
    assert str(participants.periods[2].target.value) == "90-110"
    assert participants.common_indicator == "EECO01"
    assert str(participants.baseline_as_of) == "2022"
    assert completers.subset_of == "participants"
    assert completers.follows_from == ("participants",)
    assert satisfaction.unit is None and satisfaction.unit_label == "percentage"
    assert practice.periods[0].actual is not None and practice.periods[0].actual.value is None
    assert all(i.note is None for i in programme.indicators)


def test_a_monitoring_report_round_trips_through_json_tables_and_yaml(tmp_path):
    programme = Programme.model_validate(MONITORING_REPORT)
    again = Programme.model_validate_json(programme.model_dump_json())
    assert again == programme
    tables = capacitylib.io.to_tables([programme])
    assert capacitylib.io.from_tables(tables) == [programme]
    path = tmp_path / "p.yaml"
    capacitylib.dump(programme, path)
    assert capacitylib.load(path) == programme


def test_the_actual_of_a_period_defaults_to_the_end_of_the_period():
    period = IndicatorPeriod.model_validate({"start": "2023", "actual": 5})
    assert period.actual_as_of is not None and period.actual_as_of.isoformat() == "2023-12-31"
    dated = IndicatorPeriod.model_validate(
        {"start": "2023", "end": "2024", "actual": {"value": 5, "as_of": "2024-06"}}
    )
    assert dated.actual_as_of is not None and dated.actual_as_of.isoformat() == "2024-06-30"


def test_format_1_0_indicators_still_load_unchanged():
    old = {
        "id": "x",
        "kind": "output",
        "name": {"lv": "Apmācīti"},
        "unit": "persons",
        "target": 14,
        "baseline": 0,
        "actuals": [{"value": 12, "as_of": "2015-03", "source": "final report"}],
    }
    indicator = Indicator.model_validate(old)
    assert indicator.model_dump(mode="json", exclude_defaults=True) == {
        **old,
        "target": {"min": 14, "max": 14},
        "baseline": {"min": 0, "max": 0},
        "actuals": [
            {"value": {"min": 12, "max": 12}, "as_of": "2015-03", "source": "final report"}
        ],
    }


@pytest.mark.parametrize(
    ("change", "code", "where"),
    [
        ({"unit": None}, "indicator_unit_missing", ()),
        ({"subset_of": "i"}, "indicator_subset_of_itself", ()),
        ({"periods": [{"start": "2023"}]}, None, None),  # a bare period loads: a rule reports it
        (
            {"periods": [{"start": "2024", "end": "2023"}]},
            "period_end_before_start",
            ("periods", 0),
        ),
        ({"periods": [{"start": "--03"}]}, "period_date_without_year", ("periods", 0)),
        (
            {"periods": [{"start": "2023", "target": {}}]},
            "indicator_figure_empty",
            ("periods", 0, "target"),
        ),
        (
            {
                "target_breakdowns": [
                    {"by": "gender", "parts": [{"category": "female", "value": 1}]}
                ]
            },
            "breakdown_category_unknown",
            ("target_breakdowns", 0),
        ),
        (
            {"target_breakdowns": [{"by": "age", "parts": [{"category": "30-18", "value": 1}]}]},
            "breakdown_age_band_invalid",
            ("target_breakdowns", 0),
        ),
        (
            {"target_breakdowns": [{"by": "age", "parts": [{"category": "young", "value": 1}]}]},
            "breakdown_age_band_invalid",
            ("target_breakdowns", 0),
        ),
        (
            {
                "target_breakdowns": [
                    {"by": "region", "parts": [{"category": "Latgale", "value": 1}] * 2}
                ]
            },
            "breakdown_category_repeated",
            ("target_breakdowns", 0),
        ),
        (
            {
                "target_breakdowns": [
                    {"by": "gender", "parts": [{"category": "men", "value": 1}]},
                    {"by": "gender", "parts": [{"category": "women", "value": 1}]},
                ]
            },
            "breakdown_dimension_repeated",
            ("target_breakdowns",),
        ),
        ({"common_indicator": "EE CO 01"}, "string_pattern_mismatch", ("common_indicator",)),
    ],
)
def test_what_the_model_refuses_is_named_with_its_path(change, code, where):
    data = {"id": "i", "kind": "output", "name": {"en": "I"}, "unit": "persons", **change}
    data = {key: value for key, value in data.items() if value is not None}
    if code is None:
        Indicator.model_validate(data)
        return
    with pytest.raises(ValidationError) as raised:
        Indicator.model_validate(data)
    errors = raised.value.errors()
    assert [e["type"] for e in errors] == [code]
    assert tuple(errors[0]["loc"][: len(where)]) == where


def test_age_bands_are_inclusive_year_ranges():
    assert age_band_bounds("18-29") == (18, 29)
    assert age_band_bounds("<18") == (0, 17)
    assert age_band_bounds("55+") == (55, None)
    with pytest.raises(ValueError, match="not an age band"):
        age_band_bounds("adults")


@given(breakdowns(estimate=estimates()))
def test_a_breakdown_total_is_the_sum_of_its_parts(drawn):
    for data in drawn:
        breakdown = Breakdown.model_validate(data)
        total = breakdown.total
        assert total.min == sum((p.value.min for p in breakdown.parts), Decimal(0))
        if all(p.value.max is not None for p in breakdown.parts):
            assert total.max == sum((p.value.max or 0 for p in breakdown.parts), Decimal(0))
        else:
            assert total.max is None


@settings(max_examples=40)
@given(
    indicator_periods(estimate=estimates(), localized=localized(), texts=texts, qualitative=True),
    st.sampled_from(["unit", "qualitative"]),
)
def test_generated_periods_load_and_round_trip_through_json(drawn, measure):
    data = {"id": "i", "kind": "output", "name": {"en": "I"}, "unit": "persons"}
    indicator = Indicator.model_validate({**data, "measure": measure, "periods": drawn})
    assert len(indicator.periods) == len(drawn)
    dumped = json.loads(indicator.model_dump_json())
    assert Indicator.model_validate(dumped) == indicator
    for period in indicator.periods:
        assert period.span is not None and period.span[0] <= period.span[1]


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_programme_documents())
def test_generated_results_frameworks_keep_their_relations_acyclic(document):
    programme = Programme.model_validate(document)
    ids = [i.id for i in programme.indicators]
    for position, indicator in enumerate(programme.indicators):
        earlier = set(ids[:position])
        assert indicator.subset_of is None or indicator.subset_of in earlier
        assert set(indicator.follows_from) <= earlier
