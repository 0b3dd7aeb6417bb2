from decimal import Decimal

import pytest

from capacitylib.reference import ReferenceTables
from capacitylib.rules import RuleOptions
from tests.rules._builders import codes_at, document, findings

CODE = "training_hours_below_cpd_minimum"


def course(hours, *, country="CZ", group="social_workers", **fields):
    """A course for the Labour Office's social workers with stated hours per participant."""
    doc = document(country=country)
    activity = {
        "id": "course",
        "kind": "training_course",
        "title": {"cs": "Kurz případové práce", "en": "Casework course"},
        "hours_per_participant": hours,
        "participants": [{"group": group, "organisations": ["up-msk"], "count": 180}],
        "facilitators": ["edvia"],
    }
    activity.update(fields)
    doc["activities"] = [activity]
    return doc


def clock(low, high=None):
    return {"min": low, "max": low if high is None else high, "unit": "clock_hour"}


def academic(low, high=None, **extra):
    return {"min": low, "max": low if high is None else high, "unit": "academic_hour", **extra}


def test_a_year_of_training_below_the_czech_24_hours():
    """16 clock hours over 2017 are below §111's 24 hours a year: info, with the figures."""
    (found,) = findings(course(clock(16), dates=["2017"]))
    assert (found.code, found.path, found.severity) == (
        CODE,
        "activities[0].hours_per_participant",
        "info",
    )
    assert found.values["required_hours"] == "24"
    assert found.values["months"] == 12
    assert found.values["clock_hours"] == "16"


def test_a_year_of_training_at_the_minimum():
    """24 clock hours over 2017 meet the minimum."""
    assert findings(course(clock(24), dates=["2017"])) == []


@pytest.mark.parametrize(("hours", "reported"), [(30, True), (32, False)])
def test_pro_rata_for_the_calendar_months_covered(hours, reported):
    """2016-11-01..2018-02-28 touches 16 calendar months: 16/12 of 24 h = 32 h."""
    doc = course(clock(hours), period={"start": "2016-11-01", "end": "2018-02-28"})
    assert codes_at(doc, CODE) == (["activities[0].hours_per_participant"] if reported else [])


def test_programme_period_when_the_activity_has_none():
    """An activity without dates or period is judged over the programme period (16 months)."""
    assert codes_at(course(clock(30)), CODE) == ["activities[0].hours_per_participant"]


def latvian_pilot(hours):
    doc = course(
        hours,
        country="LV",
        kind="pilot",
        period={"start": "2019-05-16", "end": "2019-10-31"},
    )
    doc["periods"] = []
    return doc


def test_latvian_pilot_88_to_100_academic_hours_are_above_the_minimum():
    """88-100 academic hours (66-75 clock hours) over May-October exceed 6/12 of 24 h."""
    assert findings(latvian_pilot(academic(88, 100, approximate=True))) == []


def test_academic_hours_convert_with_the_country_length():
    """10-15 academic hours of 45 minutes are 7.5-11.25 clock hours, below 12."""
    (found,) = findings(latvian_pilot(academic(10, 15)))
    assert found.values["clock_hours"] == "7.5-11.3"
    assert found.values["required_hours"] == "12"


def test_stated_academic_hour_length_wins():
    """16 academic hours of 45 minutes (12 h) meet 12 h; of 40 minutes (10.7 h) they do not."""
    assert findings(latvian_pilot(academic(16))) == []
    assert codes_at(latvian_pilot(academic(16, academic_hour_minutes=40)), CODE) == [
        "activities[0].hours_per_participant"
    ]


def test_tables_override_the_minimum_and_the_hour_length():
    """A user's table (LV 40-minute hours, 150 h a year) changes the verdict."""
    tables = ReferenceTables.default().with_overrides(
        academic_hour_minutes={"LV": 40}, cpd_hours_per_year={"LV": 150}
    )
    doc = latvian_pilot(academic(88, 100, approximate=True))
    (found,) = findings(doc, tables=tables)
    assert found.values["required_hours"] == "75"
    assert found.values["clock_hours"] == "58.7-66.7"


def test_days_convert_with_hours_per_day():
    """2 training days are 16 hours by default, 24 with 12-hour days."""
    doc = course({"min": 2, "max": 2, "unit": "day"}, dates=["2017"])
    assert codes_at(doc, CODE) == ["activities[0].hours_per_participant"]
    options = RuleOptions(hours_per_day=Decimal(12))
    assert codes_at(doc, CODE, options=options) == []


@pytest.mark.parametrize("country", ["PL", "EE", "SK", "DE", None])
def test_no_requirement_known_reports_nothing(country):
    """Countries without statutory annual hours (or unknown) give no finding, not a failure."""
    assert findings(course(clock(1), country=country, dates=["2017"])) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"group": "families"},
        {"status": "cancelled"},
        {"kind": "service_provision"},
        {"period": {"start": "2017-01-01"}},
        {"dates": ["--05-16"]},
    ],
)
def test_not_judged_without_workers_or_a_usable_span(changes):
    """Families' hours, cancelled or non-learning activities and unknown spans are not judged."""
    group = changes.pop("group", "social_workers")
    assert findings(course(clock(1), group=group, **changes)) == []


def test_academic_hours_without_a_known_length_are_silent():
    """Academic hours in a country with a minimum but no default length are not converted."""
    tables = ReferenceTables.default().with_overrides(cpd_hours_per_year={"DE": 40})
    assert findings(course(academic(1), country="DE", dates=["2017"]), tables=tables) == []
    assert codes_at(course(clock(1), country="DE", dates=["2017"]), CODE, tables=tables) == [
        "activities[0].hours_per_participant"
    ]
