"""build_report is total: every valid programme, however extreme its figures, gets a report."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, localcontext

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capacitylib import Programme, build_report
from capacitylib.calculators import budget_total, clock_hours, cost_per_participant
from capacitylib.testing import extreme_programmes
from capacitylib.values import Hours

TOTAL = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@TOTAL
@given(extreme_programmes(), st.one_of(st.none(), st.dates()))
def test_build_report_and_its_renderings_never_raise(programme, as_of):
    """The report, its text and its JSON (through json.dumps) exist for every valid programme."""
    report = build_report(programme, as_of=as_of)
    assert report.render_text()
    json.dumps(report.to_json_dict())


@pytest.mark.slow
@TOTAL
@given(extreme_programmes())
def test_the_report_does_not_depend_on_the_callers_decimal_context(programme):
    """A caller's 5-digit context changes no figure of the report."""
    expected = build_report(programme).to_json_dict()
    with localcontext() as ctx:
        ctx.prec = 5
        assert build_report(programme).to_json_dict() == expected


def _programme(**fields: object) -> Programme:
    return Programme.model_validate({"id": "p", "title": {"en": "P"}, **fields})


def _eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def test_hours_above_the_input_limit_are_computed_exactly():
    """10^18 days are 8 x 10^18 clock hours, above the input limit but exact."""
    assert clock_hours(Hours.exact(10**18, unit="day")).max == Decimal(8 * 10**18)
    p = _programme(
        activities=[
            {
                "id": "a",
                "kind": "seminar",
                "sessions_actual": "1E+18",
                "hours_per_session": {"min": "1E+18", "unit": "day"},
            }
        ]
    )
    figures = build_report(p).to_json_dict()["activities"]["seminar"]
    assert figures["clock_hours"] == {"min": 8 * 10**36, "max": 8 * 10**36}


def test_sources_summing_above_the_limit_give_an_unknown_total_and_a_note():
    """Two sources of 10^18 sum above the amount limit: total unknown, said in the notes."""
    p = _programme(
        budget={
            "sources": [
                {"kind": "eu_fund", "amount": _eur("1E+18")},
                {"kind": "eu_fund", "amount": _eur("1E+18")},
            ]
        }
    )
    assert budget_total(p.budget) is None
    report = build_report(p)
    assert report.budget.total is None and report.budget.by_source == {}
    assert any("not computed" in note for note in report.notes)


def test_a_sum_that_would_lose_digits_is_unknown_not_rounded():
    """10^18 + 10^-1000000 persons cannot be held exactly: unknown, never 10^18."""
    p = _programme(
        activities=[
            {
                "id": "a",
                "kind": "seminar",
                "participants": [
                    {"group": "social_workers", "count": "1E+18"},
                    {"group": "social_workers", "count": "1E-1000000"},
                ],
            }
        ]
    )
    (figure,) = build_report(p).reach
    assert figure.participations is None


def test_a_cost_that_overflows_is_unknown():
    """10^18 EUR for 10^-1000000 participants has no representable cost: unknown."""
    p = _programme(
        budget={"total": _eur("1E+18")},
        activities=[
            {
                "id": "a",
                "kind": "seminar",
                "participants": [{"group": "social_workers", "count": "1E-1000000"}],
            }
        ],
    )
    assert cost_per_participant(p) is None
    assert build_report(p).to_json_dict()["budget"]["cost_per"]["participant"] is None


def test_calendar_ends_and_one_day_periods_have_durations():
    """A one-day period at 9999-12-31 and one from 0001-01-01 to 9999-12-31 both report."""
    for start, end in ((date.max, date.max), (date.min, date.max)):
        p = _programme(periods=[{"start": start, "end": end}], budget={"total": _eur("1E+18")})
        report = build_report(p, as_of=date.min)
        assert report.duration.days == (end - start).days + 1
        json.dumps(report.to_json_dict())
