from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from capacitylib import DatePrecision, PartialDate, Period
from tests.strategies import dates, partial_dates, periods


class Holder(BaseModel):
    when: PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "interval"),
    [
        ("2023", DatePrecision.YEAR, (date(2023, 1, 1), date(2023, 12, 31))),
        ("2022-10", DatePrecision.MONTH, (date(2022, 10, 1), date(2022, 10, 31))),
        ("2024-02", DatePrecision.MONTH, (date(2024, 2, 1), date(2024, 2, 29))),
        ("2019-05-16", DatePrecision.DAY, (date(2019, 5, 16), date(2019, 5, 16))),
        ("--03-30", DatePrecision.DAY, None),
        ("--04", DatePrecision.MONTH, None),
    ],
)
def test_partial_dates_know_their_precision_and_interval(text, precision, interval):
    """A partial date covers exactly the days its precision allows; no year, no interval."""
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert d.interval() == interval
    assert str(d) == text


def test_year_less_date_takes_a_reference_year():
    """'Kovo 30 d.' in a 2023 news item is 30 March 2023."""
    assert PartialDate.parse("--03-30").interval(year=2023) == (date(2023, 3, 30),) * 2


def test_year_less_29_february_is_valid_but_has_no_day_in_a_common_year():
    d = PartialDate.parse("--02-29")
    assert d.interval(year=2024) == (date(2024, 2, 29),) * 2
    assert d.interval(year=2023) is None


@pytest.mark.parametrize(
    "bad", ["2023-13", "2023-02-30", "23-01-01", "2023/01/01", "--13", "", "x"]
)
def test_malformed_partial_dates_are_refused_with_their_code(bad):
    with pytest.raises(ValidationError) as info:
        Holder.model_validate({"when": bad})
    assert info.value.errors()[0]["type"] == "partial_date_invalid"
    assert info.value.errors()[0]["loc"] == ("when",)


def test_partial_date_accepts_a_date_but_not_a_number_in_python():
    """A date object is a day; a bare number is refused, as it is in JSON (text only)."""
    assert Holder(when=date(2019, 5, 16)).when == PartialDate(2019, 5, 16)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="partial_date_invalid"):
        Holder.model_validate({"when": 2026})


def test_partial_date_json_form_is_iso_text():
    assert Holder.model_validate({"when": "--03-30"}).model_dump_json() == '{"when":"--03-30"}'


def test_year_less_date_may_fall_within_a_multi_year_period():
    """--03-30 may fall within 2022-12-08..2026-12-31 but not within May..October 2019."""
    d = PartialDate.parse("--03-30")
    assert d.may_fall_within(date(2022, 12, 8), date(2026, 12, 31))
    assert not d.may_fall_within(date(2019, 5, 16), date(2019, 10, 31))


def test_period_days_are_inclusive():
    """The CZ project ran 485 days; the LT ESF+ project 1485 days."""
    assert Period(start=date(2016, 11, 1), end=date(2018, 2, 28)).days == 485
    assert Period(start=date(2022, 12, 8), end=date(2026, 12, 31)).days == 1485
    assert Period(start=date(2019, 5, 16), end=date(2019, 5, 16)).days == 1


def test_period_end_before_start_is_refused_with_both_dates():
    with pytest.raises(ValidationError) as info:
        Period.model_validate({"start": "2019-10-31", "end": "2019-05-16"})
    err = info.value.errors()[0]
    assert err["type"] == "period_end_before_start"
    assert err["ctx"] == {"start": "2019-10-31", "end": "2019-05-16"}


def test_open_period_contains_every_later_day():
    p = Period(start=date(2023, 1, 2))
    assert p.is_open and p.days is None
    assert p.contains(date(2030, 1, 1)) and not p.contains(date(2023, 1, 1))


@given(partial_dates())
def test_partial_dates_round_trip(text):
    d = PartialDate.parse(text)
    assert PartialDate.parse(d.isoformat()) == d
    assert Holder.model_validate_json(Holder(when=d).model_dump_json()).when == d
    span = d.interval(year=2024)
    assert span is None or span[0] <= span[1]


@given(periods())
def test_periods_round_trip_and_contain_their_ends(data):
    p = Period.model_validate(data)
    assert Period.model_validate_json(p.model_dump_json()) == p
    assert p.contains(p.start)
    if p.end is not None:
        assert p.contains(p.end)
        assert p.days == (p.end - p.start).days + 1


@given(dates, st.integers(0, 3000), st.integers(1, 3000))
def test_adjacent_periods_add_up(start, first, second):
    """Two periods that meet end to end have as many days as the period they make."""
    a = Period(start=start, end=start + timedelta(days=first))
    b = Period(start=a.end + timedelta(days=1), end=a.end + timedelta(days=second))  # type: ignore[operator]
    whole = Period(start=a.start, end=b.end)
    assert a.days + b.days == whole.days  # type: ignore[operator]
