"""Hypothesis strategies for the calculator tests: activities and programmes for the figures.

Values come from the public strategies of :mod:`capacitylib.testing`, with the calculators'
ranges (1990-2100, amounts in whole minor units).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from capacitylib import Activity, Estimate, Hours, Money, PartialDate, Period, Programme, testing

MIN_DATE = date(1990, 1, 1)
MAX_DATE = date(2100, 12, 31)

dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


def closed_periods(max_days: int = 5000) -> st.SearchStrategy[Period]:
    """A closed period of 1 to ``max_days`` days inside 1990-2100."""
    return testing.periods(
        open_end=False, min_date=MIN_DATE, max_date=MAX_DATE, max_days=max_days - 1
    )


def periods() -> st.SearchStrategy[Period]:
    """A closed period of up to 5,000 days inside 1990-2100, or an open one."""
    return testing.periods(min_date=MIN_DATE, max_date=MAX_DATE, max_days=4999)


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """A date known to the year, the month or the day (always with its year)."""
    return testing.partial_dates(
        precisions=("year", "month", "day"), yearless=False, min_date=MIN_DATE, max_date=MAX_DATE
    )


def estimates(*, positive: bool = False, integral: bool = False) -> st.SearchStrategy[Estimate]:
    """An exact figure or a range, non-negative (strictly positive when asked).

    Integral figures run to 500, others to 10,000 with two places.
    """
    if integral:
        return testing.estimates(min_value=1 if positive else 0, max_value=500)
    return testing.estimates(
        min_value=Decimal("0.01") if positive else 0, max_value=10_000, places=2
    )


def hours() -> st.SearchStrategy[Hours]:
    """Hours in clock hours, academic hours or days, sometimes with a stated academic-hour length."""
    return testing.hours(
        units=("clock_hour", "academic_hour", "day"),
        values=st.decimals(min_value=0, max_value=10_000, places=2),
        academic_hour_minutes=st.integers(min_value=30, max_value=60),
    )


CURRENCIES = ("EUR", "CZK", "PLN", "LTL", "LVL", "JPY")


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """A non-negative amount that is a whole number of the currency's minor units."""
    drawn = testing.money(currencies=[currency] if currency else CURRENCIES, max_amount=10**11)
    return drawn.map(lambda m: m.rounded())


weights = st.tuples(
    st.integers(min_value=1, max_value=10**6),
    st.lists(st.integers(min_value=0, max_value=10**6), max_size=11),
).flatmap(lambda pair: st.permutations([pair[0], *pair[1]]))

statuses = st.sampled_from([None, "planned", "ongoing", "completed", "cancelled"])
groups = st.sampled_from(["social_workers", "families", "children", "organisations"])
units = st.sampled_from(["persons", "families", "organisations", "cases"])


@st.composite
def participations(draw: st.DrawFn) -> dict[str, object]:
    """A participation as document data (a count, sometimes unknown)."""
    data: dict[str, object] = {
        "group": draw(groups),
        "unit": draw(units),
        "unique": draw(st.booleans()),
    }
    if draw(st.integers(0, 4)):
        figure = draw(estimates(integral=True))
        data["count"] = {"min": figure.min, "max": figure.max}
    return data


@st.composite
def activities(draw: st.DrawFn, index: int = 0) -> Activity:
    """An activity with any mix of stated and listed sessions, hours and participants."""
    data: dict[str, object] = {
        "id": f"a{index}",
        "kind": draw(st.sampled_from(["supervision_team", "seminar", "pilot", "training_course"])),
        "status": draw(statuses),
    }
    for key in ("sessions_actual", "sessions_planned", "groups"):
        if draw(st.booleans()):
            figure = draw(estimates(integral=True, positive=key == "groups"))
            data[key] = {"min": figure.min, "max": figure.max}
    for key in ("hours_per_session", "hours_per_participant"):
        if draw(st.booleans()):
            data[key] = draw(hours()).model_dump()
    data["participants"] = draw(st.lists(participations(), max_size=3))
    sessions = []
    for _ in range(draw(st.integers(0, 4))):
        session: dict[str, object] = {"date": "2019-05", "status": draw(statuses)}
        if draw(st.booleans()):
            session["hours"] = draw(hours()).model_dump()
        session["participants"] = draw(st.lists(participations(), max_size=2))
        sessions.append(session)
    data["sessions"] = sessions
    return Activity.model_validate(data)


@st.composite
def programmes(draw: st.DrawFn) -> Programme:
    """A programme with a period, a budget and random activities."""
    period = draw(periods())
    data: dict[str, object] = {
        "id": f"p{draw(st.integers(0, 10**6))}",
        "title": {"en": "Programme"},
        "country": draw(st.sampled_from(["LT", "LV", "CZ", "PL", "EE"])),
        "funding_instruments": draw(
            st.lists(st.sampled_from(["esf", "esf_plus", "eea_grants", "national"]), max_size=2)
        ),
        "periods": [{"start": period.start, "end": period.end}],
        "activities": [
            draw(activities(index=i)).model_dump(exclude_none=True)
            for i in range(draw(st.integers(0, 4)))
        ],
    }
    if draw(st.booleans()):
        total = draw(money("EUR"))
        data["budget"] = {"total": {"amount": total.amount, "currency": "EUR"}}
    return Programme.model_validate(data)
