"""One rounding policy: every view of a report shows the same figure, and only views round."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib import Programme, load_examples
from capacitylib.calculators import build_report
from capacitylib.calculators._presentation import (
    HOURS_PLACES,
    SHARE_PLACES,
    hours_of,
    json_figure,
    json_share,
    percent,
    share_of,
    shares_of,
)
from capacitylib.display import programme_html, programme_text, report_html
from capacitylib.testing import estimates, programmes
from capacitylib.values import Estimate

SRC = Path(__file__).parents[2] / "src" / "capacitylib"

fractions = st.decimals(min_value=0, max_value=10**6, allow_nan=False, allow_infinity=False)


def _indicator_programme(actual: int, target: int) -> Programme:
    return Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "indicators": [
                {
                    "id": "trained",
                    "kind": "output",
                    "name": {"en": "Trained"},
                    "unit": "persons",
                    "target": target,
                    "actuals": [{"value": actual, "as_of": "2024-06"}],
                }
            ],
        }
    )


@settings(max_examples=200)
@given(fractions)
def test_a_share_reads_the_same_as_a_fraction_and_as_a_percent(value: Decimal) -> None:
    """The JSON fraction times 100 is exactly the percent the text and HTML show."""
    shown = json_share(value)
    assert shown is not None
    assert Decimal(shown) == share_of(value)
    assert Decimal(percent(value).removesuffix("%")) == Decimal(shown).scaleb(2)
    assert abs(Decimal(shown) - value) <= Decimal(1).scaleb(-SHARE_PLACES) / 2


@settings(max_examples=200)
@given(estimates())
def test_a_range_is_rounded_bound_by_bound_and_stays_a_range(value: Estimate) -> None:
    """Rounded hours and fractions keep min <= max, openness and the approximate mark."""
    for rounded, places in ((hours_of(value), HOURS_PLACES), (shares_of(value), SHARE_PLACES)):
        assert (rounded.max is None) == (value.max is None)
        assert rounded.approximate == value.approximate
        assert rounded.max is None or rounded.min <= rounded.max
        assert abs(rounded.min - value.min) <= Decimal(1).scaleb(-places) / 2
        figure = json_figure(value, places)
        assert figure is not None
        assert Decimal(str(figure["min"])) == rounded.min


def test_achievement_is_one_figure_in_json_text_and_html() -> None:
    """Two thirds is 0.6667 in JSON and 66.67% in the report text and both HTML views."""
    programme = _indicator_programme(actual=2, target=3)
    report = build_report(programme)
    assert report.to_json_dict()["indicators"][0]["achievement"] == {
        "min": "0.6667",
        "max": "0.6667",
    }
    assert "achievement 66.67%" in report.render_text()
    assert "<td>66.67%</td>" in report_html(report)
    assert "<td>66.67%</td>" in programme_html(programme)
    assert "66.67%" in programme_text(programme)


def test_a_whole_achievement_has_no_trailing_zeros() -> None:
    """Achievement of exactly 96% reads 0.96 and 96%, never 96.00%."""
    report = build_report(_indicator_programme(actual=96, target=100))
    assert report.to_json_dict()["indicators"][0]["achievement"]["min"] == "0.96"
    assert "achievement 96%" in report.render_text()
    assert "<td>96%</td>" in report_html(report)


_SEMINAR = Programme.model_validate(
    {
        "id": "s",
        "title": {"en": "S"},
        "activities": [
            {
                "id": "seminar",
                "kind": "seminar",
                "sessions_actual": 7,
                "hours_per_session": {
                    "min": 1,
                    "max": 2,
                    "unit": "academic_hour",
                    "academic_hour_minutes": 40,
                },
                "participants": [{"group": "social_workers", "count": 3, "unique": True}],
            }
        ],
    }
)


def _training_rows_checked(programme: Programme) -> int:
    report = build_report(programme)
    text = report.render_text()
    checked = 0
    for row in report.to_json_dict()["training"]:
        for key, label in (
            ("hours_per_participant", "clock hours per participant"),
            ("person_hours", "person-hours"),
        ):
            figure = row[key]
            if figure is None or figure["max"] is None:
                continue
            low, high = figure["min"], figure["max"]
            shown = str(low) if low == high else f"{low}-{high}"
            assert re.search(rf"{label} (cca )?{re.escape(shown)}(,|$)", text, re.M), shown
            checked += 1
    return checked


def test_training_hours_read_the_same_in_json_and_text() -> None:
    """Hours per participant and person-hours in the text are the JSON's, to 2 places."""
    assert "clock hours per participant 4.67-9.33, person-hours 14-28" in (
        build_report(_SEMINAR).render_text()
    )
    checked = sum(_training_rows_checked(p) for p in [_SEMINAR, *load_examples()])
    assert checked >= 4


@settings(max_examples=30)
@given(programmes(max_activities=4))
def test_training_hours_of_any_programme_read_the_same_in_json_and_text(
    programme: Programme,
) -> None:
    """Whatever the programme, the text shows the JSON's training hours."""
    _training_rows_checked(programme)


def test_funding_shares_read_the_same_in_json_and_text() -> None:
    """An EU rate of 84.99975% is 0.85 in JSON and 85% in the text and HTML."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "budget": {
                "total": {"amount": "100000.00", "currency": "EUR"},
                "sources": [
                    {"kind": "eu_fund", "amount": {"amount": "84999.75", "currency": "EUR"}},
                    {
                        "kind": "own_contribution_cash",
                        "amount": {"amount": "15000.25", "currency": "EUR"},
                    },
                ],
            },
        }
    )
    report = build_report(programme)
    assert report.to_json_dict()["budget"]["shares"]["eu_rate"] == "0.85"
    assert "EU rate 85%" in report.render_text()
    assert "EU 85%" in report_html(report)


def test_only_the_presentation_module_rounds_figures_for_the_views() -> None:
    """The report renderer and the display package round nothing themselves."""
    rounding = re.compile(r"round_decimal|round_estimate|quantize|\bround\(|\.rounded\(")
    views = [SRC / "calculators" / "_render.py", *sorted((SRC / "display").glob("*.py"))]
    assert len(views) > 4, views
    for view in views:
        assert not rounding.findall(view.read_text(encoding="utf-8")), view
