from datetime import date
from decimal import Decimal

import pytest

from capacitylib.rules import RuleOptions
from tests.rules._builders import codes_at, document, findings


def trained(target, *actuals):
    """'Tiks apmācīti 14 sociālie darbinieki' with achieved values as (value, as_of)."""
    return document(
        periods=[{"start": "2013-11-01", "end": "2015-04-30"}],
        indicators=[
            {
                "id": "social-workers-trained",
                "kind": "output",
                "name": {"lv": "Apmācīti sociālie darbinieki", "en": "Social workers trained"},
                "unit": "persons",
                "target_group": "social_workers",
                "target": target,
                "actuals": [
                    {"value": value, "as_of": as_of, "source": "progress report"}
                    for value, as_of in actuals
                ],
            }
        ],
    )


@pytest.mark.parametrize(
    ("target", "actual", "reported"),
    [
        (14, 14, False),
        (14, 21, False),
        (14, 22, True),
        (14, 42, True),
        # Ranges: only when every reading is far above.
        ({"min": 10, "max": 14}, {"min": 18, "max": 40}, False),
        ({"min": 10, "max": 14}, {"min": 22, "max": 40}, True),
        (0, 5, False),
    ],
)
def test_actual_far_above_target(target, actual, reported):
    """An actual above 1.5 times the target (min over max) is possible double counting."""
    doc = trained(target, (actual, "2015-04-30"))
    expected = ["indicators[0].actuals[0].value"] if reported else []
    assert codes_at(doc, "indicator_actual_far_above_target") == expected


def test_far_above_threshold_is_configurable():
    """With a ratio of 3, 42 persons for a target of 14 pass."""
    doc = trained(14, (42, "2015-04-30"))
    (found,) = findings(doc)
    assert found.severity == "warning"
    assert found.values == {"target": "14", "ratio": Decimal("1.5")}
    options = RuleOptions(actual_target_ratio=Decimal(3))
    assert codes_at(doc, "indicator_actual_far_above_target", options=options) == []


@pytest.mark.parametrize(
    ("as_of", "reported"),
    [
        ("2015-04-30", False),
        ("2024-06-30", False),
        ("2024-07-01", True),
        ("2024-06", False),
        ("2024-07", True),
        ("2024", False),
        ("2025", True),
        ("--12-31", False),
    ],
)
def test_actual_dated_in_the_future(as_of, reported):
    """An actual is in the future when the first day its date may denote is after the check date."""
    doc = trained(14, (12, as_of))
    expected = ["indicators[0].actuals[0].as_of"] if reported else []
    assert codes_at(doc, "indicator_actual_in_future") == expected


def test_future_is_judged_against_the_check_date():
    """The same actual is in the future on one check date and not on a later one."""
    doc = trained(14, (12, "2015-06-30"))
    (found,) = findings(doc, as_of=date(2015, 5, 31))
    assert (found.code, found.severity) == ("indicator_actual_in_future", "error")
    assert found.values == {"check_date": "2015-05-31"}
    assert findings(doc, as_of=date(2015, 6, 30)) == []


def test_check_date_defaults_to_today():
    """Without as_of, an actual dated next year is in the future."""
    from capacitylib import Programme
    from capacitylib.rules import check

    doc = trained(14, (12, str(date.today().year + 1)))
    assert [f.code for f in check(Programme.model_validate(doc))] == ["indicator_actual_in_future"]


def test_indicators_without_target_or_actuals_are_silent():
    """An indicator with only a target, or only actuals, is checked for what it has."""
    assert findings(trained(None, (480, "2015-04"))) == []
    assert findings(trained(14)) == []
