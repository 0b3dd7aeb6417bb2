"""Hypothesis strategies for the calculator tests (a later issue makes public ones)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from capacitylib import Activity, Estimate, Hours, Money, PartialDate, Period, Programme

MIN_DATE = date(1990, 1, 1)
MAX_DATE = date(2100, 12, 31)

dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


@st.composite
def closed_periods(draw: st.DrawFn, max_days: int = 5000) -> Period:
    """A closed period of 1 to ``max_days`` days inside 1990-2100."""
    start = draw(st.dates(min_value=MIN_DATE, max_value=MAX_DATE - timedelta(days=max_days)))
    length = draw(st.integers(min_value=0, max_value=max_days - 1))
    return Period(start=start, end=start + timedelta(days=length))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A closed period, or now and then an open one."""
    if draw(st.booleans()) and draw(st.booleans()):
        return Period(start=draw(dates))
    return draw(closed_periods())


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A date known to the year, the month or the day."""
    day = draw(dates)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


def _decimals(low: int) -> st.SearchStrategy[Decimal]:
    """Decimals with 2 places from ``low / 100`` to 10 000 (no filtering)."""
    return st.integers(min_value=low, max_value=1_000_000).map(lambda n: Decimal(n).scaleb(-2))


@st.composite
def estimates(draw: st.DrawFn, *, positive: bool = False, integral: bool = False) -> Estimate:
    """An exact figure or a range, non-negative (strictly positive when asked)."""
    if integral:
        values = st.integers(min_value=1 if positive else 0, max_value=500).map(Decimal)
    else:
        values = _decimals(1 if positive else 0)
    low = draw(values)
    high = low + draw(values) if draw(st.booleans()) else low
    return Estimate(min=low, max=high, approximate=draw(st.booleans()))


@st.composite
def hours(draw: st.DrawFn) -> Hours:
    """Hours in any unit, sometimes with a stated academic-hour length."""
    figure = draw(estimates())
    unit = draw(st.sampled_from(["clock_hour", "academic_hour", "day"]))
    data: dict[str, object] = {"min": figure.min, "max": figure.max, "unit": unit}
    if unit == "academic_hour" and draw(st.booleans()):
        data["academic_hour_minutes"] = draw(st.integers(min_value=30, max_value=60))
    return Hours.model_validate(data)


currencies = st.sampled_from(["EUR", "CZK", "PLN", "LTL", "LVL", "JPY"])


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    """A non-negative amount that is a whole number of the currency's minor units."""
    code = currency or draw(currencies)
    minor = draw(st.integers(min_value=0, max_value=10**13))
    digits = 0 if code == "JPY" else 2
    return Money.of(Decimal(minor).scaleb(-digits), code)


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
