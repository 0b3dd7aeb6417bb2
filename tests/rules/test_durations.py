from datetime import date

import pytest

from capacitylib.rules import RuleOptions
from tests.rules._builders import codes_at, document, findings

PILOT = {
    "id": "violence-methodology-pilot",
    "kind": "pilot",
    "title": {"lv": "Metodikas aprobēšana", "en": "Piloting the methodology"},
    "period": {"start": "2019-05-16", "end": "2019-10-31"},
    "stated_duration": {"value": 6, "unit": "month", "text": "Pilotprojekts ilgst 6 mēnešus"},
}


def pilot_document(**changes):
    activity = {**PILOT, **changes}
    return document(
        id="lv-9.2.1.1-15-I-001",
        code="9.2.1.1/15/I/001",
        country="LV",
        periods=[],
        organisations=[{"id": "lm", "name": {"lv": "Labklājības ministrija"}, "kind": "ministry"}],
        partners=[{"organisation": "lm", "role": "lead_implementer"}],
        activities=[activity],
    )


def test_six_months_for_16_may_to_31_october_is_reported_with_both_figures():
    """'6 months' for 2019-05-16..2019-10-31 is a warning: really 5 months 16 days."""
    (found,) = findings(pilot_document())
    assert (found.code, found.path, found.severity) == (
        "duration_differs_from_stated",
        "activities[0].stated_duration",
        "warning",
    )
    assert found.values["stated"] == "6 months"
    assert found.values["actual"] == "5 months 16 days"
    assert found.values["actual_days"] == 169
    assert found.values["difference_days"] == -15
    assert "6 months" in found.message
    assert "5 months 16 days" in found.message


@pytest.mark.parametrize(
    ("period", "stated"),
    [
        ({"start": "2019-05-16", "end": "2019-11-15"}, {"value": 6, "unit": "month"}),
        ({"start": "2013-11-01", "end": "2015-04-30"}, {"value": 18, "unit": "month"}),
        ({"start": "2013-11-01", "end": "2015-04-30"}, {"value": "1.5", "unit": "year"}),
        ({"start": "2019-05-16", "end": "2019-05-17"}, {"value": 2, "unit": "day"}),
        ({"start": "2023-01-01", "end": "2026-12-31"}, {"value": 4, "unit": "year"}),
        (
            {"start": "2019-05-16", "end": "2019-10-31"},
            {"value": {"min": 5, "max": 6}, "unit": "month"},
        ),
        (
            {"start": "2019-05-16", "end": "2019-10-31"},
            {"value": {"min": 6, "approximate": True}, "unit": "month"},
        ),
        ({"start": "2019-05-01", "end": "2019-07-26"}, {"value": 12, "unit": "week"}),
    ],
)
def test_durations_that_match_their_period(period, stated):
    """A stated duration within the tolerance (or its range) of the period is not reported."""
    assert findings(pilot_document(period=period, stated_duration=stated)) == []


def test_longer_period_than_stated_is_reported_as_more():
    """A period longer than stated gives a positive difference."""
    doc = pilot_document(period={"start": "2019-05-16", "end": "2020-01-31"})
    (found,) = findings(doc)
    assert found.values["difference_days"] == 77
    assert "77 days more" in found.message


def test_tolerance_is_configurable():
    """With a 31-day tolerance the pilot's 15 days pass; with 0 days a 1-day gap is reported."""
    assert findings(pilot_document(), options=RuleOptions(duration_tolerance_days=31)) == []
    doc = pilot_document(period={"start": "2019-05-16", "end": "2019-11-16"})
    strict = RuleOptions(duration_tolerance_days=0)
    assert codes_at(doc, "duration_differs_from_stated", options=strict) == [
        "activities[0].stated_duration"
    ]
    assert codes_at(doc, "duration_differs_from_stated") == []


def test_programme_stated_duration_against_programme_period():
    """The programme's own stated duration is compared with the programme period."""
    doc = document(stated_duration={"value": 2, "unit": "year", "text": "dvouletý projekt"})
    (found,) = findings(doc)
    assert (found.code, found.path) == ("duration_differs_from_stated", "stated_duration")
    assert found.values["actual"] == "1 year 4 months"
    assert "'periods[0]'" in found.message
    doc["stated_duration"] = {"value": 16, "unit": "month"}
    assert findings(doc) == []


@pytest.mark.parametrize(
    "period",
    [None, {"start": "2019-05-16"}],
)
def test_no_closed_period_no_duration_finding(period):
    """Without a closed period to compare with, the rule stays silent."""
    doc = pilot_document(period=period)
    if period is None:
        del doc["activities"][0]["period"]
    assert findings(doc) == []


def test_dates_at_the_end_of_the_calendar_do_not_crash():
    """A period ending on 9999-12-31 or a stated duration past it is silent, not an error."""
    doc = pilot_document(
        period={"start": "9999-01-01", "end": "9999-12-31"},
        stated_duration={"value": 5, "unit": "year"},
    )
    assert findings(doc, as_of=date(2024, 1, 1)) == []
