import pytest

from tests.rules._builders import codes_at, document, findings, with_activity


@pytest.mark.parametrize(
    ("fields", "outside"),
    [
        ({"period": {"start": "2017-01-09", "end": "2017-12-15"}}, []),
        ({"period": {"start": "2018-01-15"}}, []),
        ({"period": {"start": "2017-09-01", "end": "2018-06-30"}}, ["activities[0].period"]),
        ({"period": {"start": "2016-10-03", "end": "2017-03-31"}}, ["activities[0].period"]),
        ({"period": {"start": "2018-03-01"}}, ["activities[0].period"]),
        ({"dates": ["2017-05-22", "2018-02-28"]}, []),
        ({"dates": ["2017-05-22", "2018-03-01"]}, ["activities[0].dates[1]"]),
        # Month and year precision: outside only when no day of it is inside.
        ({"dates": ["2016-11", "2018"]}, []),
        ({"dates": ["2016-10", "2019"]}, ["activities[0].dates[0]", "activities[0].dates[1]"]),
    ],
)
def test_activity_period_and_dates_against_programme_period(fields, outside):
    """An activity period or date is reported when it is not within the programme period."""
    assert codes_at(with_activity(**fields), "activity_outside_programme_period") == outside


@pytest.mark.parametrize(
    ("session_date", "outside"),
    [
        ("2017-03-30", False),
        ("2018-03-30", True),
        ("2017-04", False),
        ("2016-10", True),
        # A date without a year is inside when it falls in some year of the period.
        ("--03-30", False),
        ("--04", False),
    ],
)
def test_session_dates_against_programme_period(session_date, outside):
    """Sessions are judged by every day their partial date may denote."""
    doc = with_activity(sessions=[{"date": session_date, "status": "completed"}])
    expected = ["activities[0].sessions[0].date"] if outside else []
    assert codes_at(doc, "session_outside_programme_period") == expected


def test_year_less_session_outside_a_short_programme():
    """A year-less date is outside when its month is in no year of a short period."""
    doc = with_activity(sessions=[{"date": "--09", "status": "planned"}])
    doc["periods"] = [{"start": "2023-01-02", "end": "2023-06-30"}]
    assert codes_at(doc, "session_outside_programme_period") == ["activities[0].sessions[0].date"]


@pytest.mark.parametrize(
    ("target_date", "outside"),
    [("2018-02", False), ("2018", False), ("2019-12-31", True), ("2015", True)],
)
def test_indicator_target_date_against_programme_period(target_date, outside):
    """An indicator due outside the programme period is a warning."""
    doc = document(
        indicators=[
            {
                "id": "workers-supervised",
                "kind": "output",
                "name": {"cs": "Podpoření sociální pracovníci", "en": "Social workers supported"},
                "unit": "persons",
                "target": 180,
                "target_date": target_date,
            }
        ]
    )
    found = [f for f in findings(doc) if f.code == "indicator_target_date_outside_programme_period"]
    assert [f.path for f in found] == (["indicators[0].target_date"] if outside else [])
    assert all(f.severity == "warning" for f in found)


@pytest.mark.parametrize(
    ("partner_period", "outside"),
    [
        ({"start": "2017-01-02"}, False),
        ({"start": "2016-11-01", "end": "2018-02-28"}, False),
        ({"start": "2016-09-01", "end": "2017-12-31"}, True),
        ({"start": "2018-03-01"}, True),
        ({"start": "2017-01-02", "end": "2018-12-31"}, True),
    ],
)
def test_partner_participation_against_programme_period(partner_period, outside):
    """A partner joining before the start or leaving after the end is reported."""
    doc = document()
    doc["partners"][1]["period"] = partner_period
    expected = ["partners[1].period"] if outside else []
    assert codes_at(doc, "partner_outside_programme_period") == expected


def test_finding_names_both_periods():
    """The message and values give the offending and the programme period."""
    (found,) = findings(with_activity(period={"start": "2017-09-01", "end": "2018-06-30"}))
    assert found.severity == "error"
    assert found.value == "2017-09-01..2018-06-30"
    assert found.values["programme_period"] == "2016-11-01..2018-02-28"
    assert found.values["programme_period_path"] == "periods[0]"
    assert "'periods[0]' 2016-11-01..2018-02-28" in found.message
    assert found.message.startswith("'period' must lie within the programme period")


def test_the_period_chosen_is_the_actual_one():
    """The programme period is the actual version, not the planned one."""
    doc = with_activity(period={"start": "2018-04-01", "end": "2018-05-31"})
    doc["periods"] = [
        {"start": "2016-11-01", "end": "2018-02-28", "status": "planned"},
        {"start": "2016-11-01", "end": "2018-06-30", "status": "actual"},
    ]
    assert codes_at(doc, "activity_outside_programme_period") == []
    doc["periods"][1]["end"] = "2018-04-30"
    (found,) = findings(doc)
    assert found.values["programme_period_path"] == "periods[1]"


def test_no_programme_period_no_period_findings():
    """Without a programme period the period rules stay silent."""
    doc = with_activity(period={"start": "1999-01-01", "end": "1999-12-31"}, dates=["1998"])
    doc["periods"] = []
    assert findings(doc) == []


def test_open_programme_period_contains_every_later_day():
    """An ongoing programme (no end) contains every day from its start."""
    doc = with_activity(dates=["2031-05"], sessions=[{"date": "--02"}])
    doc["periods"] = [{"start": "2022-12-08"}]
    assert findings(doc) == []
    doc["activities"][0]["dates"] = ["2022-11"]
    assert codes_at(doc, "activity_outside_programme_period") == ["activities[0].dates[0]"]
