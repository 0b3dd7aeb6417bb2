"""check() is total: every valid programme, however extreme its figures, gets its findings."""

from __future__ import annotations

from datetime import date
from decimal import localcontext

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capacitylib import Programme, check
from capacitylib.rules import CATALOGUE
from capacitylib.testing import extreme_programmes

TOTAL = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@TOTAL
@given(extreme_programmes(), st.dates())
def test_check_never_raises_and_reports_only_catalogue_codes(programme, as_of):
    """Every finding of an extreme programme has a catalogue code, a path and a message."""
    for found in check(programme, as_of=as_of):
        assert found.code in CATALOGUE
        assert found.message


@pytest.mark.slow
@TOTAL
@given(extreme_programmes())
def test_findings_do_not_depend_on_the_callers_decimal_context(programme):
    """A caller's 3-digit context changes no finding."""
    as_of = date(2020, 1, 1)
    expected = check(programme, as_of=as_of)
    with localcontext() as ctx:
        ctx.prec = 3
        assert check(programme, as_of=as_of) == expected


def test_a_frequency_of_almost_nothing_does_not_overflow():
    """Every 10^-1000000 months: silent, not an overflow."""
    p = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "periods": [{"start": "2020-01-01", "end": "2020-12-31"}],
            "activities": [
                {
                    "id": "a",
                    "kind": "supervision",
                    "sessions_actual": 5,
                    "frequency": {"every": "1E-1000000", "unit": "month"},
                }
            ],
        }
    )
    assert [f.code for f in check(p, as_of=date(2021, 1, 1))] == []


def test_an_actual_far_above_a_tiny_target_is_reported_with_a_readable_ratio():
    """10^18 achieved for a target of 10^-1000000: far above, the ratio in E notation."""
    p = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "indicators": [
                {
                    "id": "i",
                    "kind": "output",
                    "name": {"en": "I"},
                    "unit": "persons",
                    "target": "1E-1000000",
                    "actuals": [{"value": "1E+18", "as_of": "2020"}],
                }
            ],
        }
    )
    (found,) = [f for f in check(p, as_of=date(2021, 1, 1)) if f.code.startswith("indicator")]
    assert found.code == "indicator_actual_far_above_target"
    assert "E+1000018 times" in found.message
