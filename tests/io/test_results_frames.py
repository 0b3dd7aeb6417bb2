"""Long typed frames of results frameworks: every breakdown part, every indicator period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import pandas as pd

import capacitylib
from capacitylib import Programme
from capacitylib.calculators import CONTEXT, indicator_breakdowns, indicator_period_figures
from capacitylib.io.results_frames import breakdowns_frame, indicator_periods_frame
from capacitylib.testing import programme_collections
from tests.models.test_results_framework import MONITORING_REPORT

REPORT = Programme.model_validate(MONITORING_REPORT)

BREAKDOWN_COLUMNS = [
    "programme_id",
    "indicator_id",
    "figure",
    "period_start",
    "period_end",
    "as_of",
    "by",
    "category",
    "complete",
    "value_min",
    "value_max",
    "share_min",
    "share_max",
]


def test_breakdowns_frame_has_one_row_per_part_with_exact_shares():
    """The 2023 actual's gender (3 parts) and age (3 parts) breakdowns: six rows, 88/96 women."""
    frame = breakdowns_frame([REPORT])
    assert list(frame.columns) == BREAKDOWN_COLUMNS
    assert len(frame) == 6
    assert set(frame["figure"]) == {"period_actual"}
    women = frame[frame["category"] == "women"].iloc[0]
    assert women["value_min"] == women["value_max"] == Decimal(88)
    assert women["share_min"] == CONTEXT.divide(88, 96)
    assert women["period_end"] == pd.Timestamp("2023-12-31")
    assert bool(women["complete"]) is True
    age = frame[frame["by"] == "age"]
    assert age["complete"].tolist() == [False, False, False]
    assert age["value_min"].sum() == Decimal(35)  # exact decimal sum, not a float


def test_breakdowns_frame_columns_are_typed():
    """Figures are Arrow decimals, dates datetime64, codes category, flags boolean."""
    frame = breakdowns_frame([REPORT])
    assert str(frame["value_min"].dtype).startswith("decimal128")
    assert str(frame["share_min"].dtype).startswith("decimal128")
    assert str(frame["period_start"].dtype) == "datetime64[ms]"
    assert str(frame["by"].dtype) == "category"
    assert str(frame["complete"].dtype) == "boolean"


def test_every_figure_kind_and_unknown_shares():
    """Total target, period target and 1.0 actual breakdowns; an unknown whole leaves no share."""
    gender = [{"by": "gender", "parts": [{"category": "women", "value": 6}]}]
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "indicators": [
                {
                    "id": "i",
                    "kind": "output",
                    "name": {"en": "I"},
                    "unit": "persons",
                    "target": {"min": 10, "at_least": True},
                    "target_breakdowns": gender,
                    "periods": [{"start": "2023", "target": {"value": 0, "breakdowns": gender}}],
                    "actuals": [{"value": 8, "as_of": "2015-03", "breakdowns": gender}],
                }
            ],
        }
    )
    frame = breakdowns_frame([programme])
    assert frame["figure"].tolist() == ["target_total", "period_target", "actual"]
    # 6 of "at least 10": 0 .. 0.6; of a target 0: unknown; of 8: 0.75.
    assert frame["share_min"].tolist()[0] == 0
    assert frame["share_max"].tolist()[0] == Decimal("0.6")
    assert pd.isna(frame["share_min"].tolist()[1])
    assert frame["share_min"].tolist()[2] == Decimal("0.75")
    assert frame["as_of"].tolist()[2] == pd.Timestamp("2015-03-31")
    assert pd.isna(frame["period_start"].tolist()[0])


def test_indicator_periods_frame_of_the_monitoring_report():
    """Six periods; achievement and gap as exact decimals; unknown is empty, never 0."""
    frame = indicator_periods_frame([REPORT])
    assert len(frame) == 6
    first = frame.iloc[0]
    assert (first["indicator_id"], first["period"], first["unit"]) == (
        "participants",
        "2023",
        "persons",
    )
    assert first["achievement_min"] == Decimal("0.96")
    assert first["gap_min"] == first["gap_max"] == Decimal(4)
    assert first["as_of"] == pd.Timestamp("2023-12-31")
    later = frame.iloc[2]
    assert (later["target_min"], later["target_max"]) == (Decimal(90), Decimal(110))
    assert pd.isna(later["actual_min"]) and pd.isna(later["achievement_min"])
    satisfaction = frame.iloc[4]
    assert satisfaction["gap_min"] == Decimal("-3.5")  # above the target: negative
    qualitative = frame.iloc[5]
    assert qualitative["measure"] == "qualitative" and pd.isna(qualitative["target_min"])


def test_frames_of_programmes_without_indicators_are_empty_but_typed():
    """No indicator, no row; the columns are there, typed."""
    seeds = [p for p in capacitylib.load_examples() if not p.indicators]
    assert seeds
    assert len(breakdowns_frame(seeds)) == 0
    frame = indicator_periods_frame(seeds)
    assert len(frame) == 0 and "achievement_max" in frame.columns


def test_frames_are_reachable_from_capacitylib_io():
    """capacitylib.io.breakdowns_frame and indicator_periods_frame load on first use."""
    assert capacitylib.io.breakdowns_frame is breakdowns_frame
    assert capacitylib.io.indicator_periods_frame is indicator_periods_frame


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programme_collections())
def test_frames_hold_every_part_and_period_of_generated_programmes(documents):
    """One breakdown row per part and one period row per period, figures as calculated."""
    programmes = [Programme.model_validate(d) for d in documents]
    parts = [
        (p.id, i.id, b, part)
        for p in programmes
        for i in p.indicators
        for b in indicator_breakdowns(i)
        for part in b.breakdown.parts
    ]
    frame = breakdowns_frame(programmes)
    assert len(frame) == len(parts)
    for row, (pid, iid, found, part) in zip(frame.itertuples(), parts, strict=True):
        assert (row.programme_id, row.indicator_id, row.category) == (pid, iid, part.category)
        assert row.value_min == part.value.min
        assert (pd.isna(row.value_max) and part.value.max is None) or (
            row.value_max == part.value.max
        )
        assert row.figure == found.figure
    periods = [f for p in programmes for f in indicator_period_figures(p)]
    frame = indicator_periods_frame(programmes)
    assert len(frame) == len(periods)
    for row, f in zip(frame.itertuples(), periods, strict=True):
        expected = None if f.achievement is None else f.achievement.min
        assert (
            pd.isna(row.achievement_min) and expected is None
        ) or row.achievement_min == expected
        assert row.period_start == (pd.NaT if f.start is None else pd.Timestamp(f.start))


def test_dates_are_the_period_bounds():
    """A period of 2023-01..2023-06 runs from 2023-01-01 to 2023-06-30 in the frame."""
    frame = indicator_periods_frame([REPORT])
    last = frame.iloc[5]
    assert last["period"] == "2023-01..2023-06"
    assert (last["period_start"].date(), last["period_end"].date()) == (
        date(2023, 1, 1),
        date(2023, 6, 30),
    )
