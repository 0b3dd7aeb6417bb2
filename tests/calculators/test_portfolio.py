"""Portfolio: figures over many programmes, grouped by country, funder, activity kind and year."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib import Estimate, Money, Programme
from capacitylib.calculators import (
    FIXED_EURO_RATES,
    MissingRateError,
    PortfolioRow,
    Tally,
    funder,
    portfolio,
)

from .strategies import programmes

EXAMPLES = capacitylib.load_examples()


def _row(rows: tuple[PortfolioRow, ...], key: str | None) -> PortfolioRow:
    return next(r for r in rows if r.key == key)


def test_rows_by_country() -> None:
    """The seeds group into CZ, LT and LV with their programmes, budgets and days."""
    rows = portfolio(EXAMPLES).by("country")
    assert [(r.key, r.programmes) for r in rows] == [("CZ", 1), ("LT", 2), ("LV", 3)]
    lt = _row(rows, "LT")
    assert lt.budget == (Money.of("43940212.00", "EUR"),)
    assert lt.budget_unknown == 1
    assert lt.days == Tally(known=Estimate.exact(1485), unknown=1)
    cz = _row(rows, "CZ")
    assert cz.clock_hours is not None
    assert cz.clock_hours.known == Estimate.range(228, 342)
    assert cz.clock_hours.unknown == 2  # facilitation and evaluation state no hours
    assert cz.clock_hours.total is None


def test_rows_by_funder() -> None:
    """Funders follow the precedence of EU and donor instruments over national money."""
    rows = portfolio(EXAMPLES).by("funder")
    assert [r.key for r in rows] == ["esf_plus", "esf", "eea_grants", "municipal", None]
    assert _row(rows, "esf").programmes == 2
    assert _row(rows, None).programmes == 1  # the LT seminar news item names no instrument


def test_rows_by_activity_kind() -> None:
    """Activity kinds come in codelist order with their sessions and hours; no budget."""
    rows = portfolio(EXAMPLES).by("activity_kind")
    supervision = _row(rows, "supervision_team")
    assert supervision.activities == 1
    assert supervision.sessions == Tally(known=Estimate.exact(114))
    assert supervision.budget is None
    assert supervision.days is None
    seminar = _row(rows, "seminar")
    assert seminar.clock_hours == Tally(known=Estimate.exact(6))
    planned = portfolio(EXAMPLES, scope="planned").by("activity_kind")
    assert _row(planned, "seminar").sessions == Tally(known=Estimate.exact(7))
    assert _row(planned, "seminar").programmes == 2


def test_rows_by_year() -> None:
    """Year rows carry each budget split by days and the days in the year; no activities."""
    rows = portfolio(EXAMPLES).by("year")
    assert [r.key for r in rows][:3] == ["2013", "2014", "2015"]
    y2024 = _row(rows, "2024")
    assert y2024.budget == (Money.of("10829708.81", "EUR"),)
    assert y2024.days == Tally(known=Estimate.exact(366))
    assert y2024.activities is None
    lt_years = [_row(rows, str(y)).budget for y in range(2022, 2027)]
    assert sum((b[0] for b in lt_years if b), Money.of(0, "EUR")) == Money.of("43940212.00", "EUR")
    unknown = _row(rows, None)
    assert unknown.programmes == 3  # no period stated


def test_currencies_are_never_added() -> None:
    """Budgets in two currencies stay two amounts; with a rate table they become one."""
    lv = Programme.model_validate(
        {
            "id": "lv",
            "title": {"en": "LV"},
            "country": "LT",
            "budget": {"total": {"amount": "70.28", "currency": "LVL"}},
        }
    )
    rows = portfolio([*EXAMPLES, lv]).by("country")
    assert _row(rows, "LT").budget == (
        Money.of("43940212.00", "EUR"),
        Money.of("70.28", "LVL"),
    )
    converted = portfolio([*EXAMPLES, lv], currency="EUR", rates=FIXED_EURO_RATES).by("country")
    assert _row(converted, "LT").budget == (Money.of("43940312.00", "EUR"),)


def test_conversion_refusals() -> None:
    """A target currency needs a rate table, and every rate must be in it."""
    with pytest.raises(ValueError, match="RateTable"):
        portfolio(EXAMPLES, currency="EUR")
    with pytest.raises(MissingRateError):
        portfolio(EXAMPLES, currency="CZK", rates=FIXED_EURO_RATES)


def test_single_pass_over_an_iterator() -> None:
    """The programmes are read once, so a generator works."""
    consumed = []

    def stream() -> Iterator[Programme]:
        for p in EXAMPLES:
            consumed.append(p.id)
            yield p

    result = portfolio(stream())
    assert len(consumed) == len(EXAMPLES)
    assert sum(r.programmes for r in result.by("country")) == len(EXAMPLES)


def test_rows_are_json_ready() -> None:
    """Every row dict serialises to JSON without floats."""
    rows = portfolio(EXAMPLES).as_rows()
    floats: list[float] = []
    json.loads(json.dumps(rows), parse_float=lambda text: floats.append(float(text)))
    assert floats == []
    assert rows[0]["dimension"] == "country"
    assert rows[0]["budget"] == {}
    assert rows[0]["clock_hours"]["known"] == {"min": 228, "max": 342}


def test_funder_of_a_programme_without_instruments() -> None:
    """A programme naming no instrument has no funder (None), not a guessed one."""
    assert funder(EXAMPLES[1]) is None


# --- properties ---------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=30)
@given(st.lists(programmes(), max_size=4), st.integers(min_value=2, max_value=4))
def test_repeating_programmes_multiplies_the_figures(progs: list[Programme], k: int) -> None:
    """k copies of a portfolio count k times the programmes, budgets and known figures."""
    once = portfolio(progs)
    many = portfolio(progs * k)
    assert [(r.dimension, r.key) for r in once.rows] == [(r.dimension, r.key) for r in many.rows]
    for a, b in zip(once.rows, many.rows, strict=True):
        assert b.programmes == k * a.programmes
        if a.budget is not None and b.budget is not None:
            assert [m.amount * k for m in a.budget] == [m.amount for m in b.budget]
        for ta, tb in ((a.sessions, b.sessions), (a.clock_hours, b.clock_hours), (a.days, b.days)):
            if ta is None or tb is None:
                assert ta is tb
                continue
            assert tb.unknown == k * ta.unknown
            if ta.known is not None and tb.known is not None:
                # Sums of 28-digit quotients: equal up to the last digits.
                tolerance = Decimal("1e-20") * (1 + tb.known.max)
                assert abs(tb.known.min - k * ta.known.min) <= tolerance
                assert abs(tb.known.max - k * ta.known.max) <= tolerance
                assert tb.known.min <= tb.known.max


@pytest.mark.slow
@settings(max_examples=30)
@given(st.lists(programmes(), max_size=4))
def test_year_budgets_add_up_to_programme_budgets(progs: list[Programme]) -> None:
    """The year rows' budgets add up exactly to the budgets of programmes with a closed period."""
    rows = portfolio(progs).by("year")
    by_year = sum(
        (m.amount for r in rows if r.key is not None for m in (r.budget or ())), Decimal(0)
    )
    expected = sum(
        (
            p.budget.total.amount
            for p in progs
            if p.budget is not None
            and p.budget.total is not None
            and p.period is not None
            and p.period.end is not None
        ),
        Decimal(0),
    )
    assert by_year == expected


# --- one row per programme, and typed frames ---------------------------------------------------


def test_one_figures_entry_per_programme_in_input_order() -> None:
    """portfolio() keeps each programme's own figures beside the groups."""
    result = portfolio(EXAMPLES)
    assert [p.programme_id for p in result.programmes] == [p.id for p in EXAMPLES]
    cz = result.programmes[0]
    assert cz.country == "CZ"
    assert cz.days == 485
    assert cz.clock_hours.known == Estimate.range(228, 342)
    lt = next(p for p in result.programmes if p.budget is not None)
    assert lt.budget == Money.of("43940212.00", "EUR")


def test_programme_figures_add_up_to_the_country_rows() -> None:
    """Per-programme activities and hours sum to the country groups' figures."""
    result = portfolio(EXAMPLES)
    for row in result.by("country"):
        mine = [p for p in result.programmes if p.country == row.key]
        assert sum(p.activities for p in mine) == row.activities
        tally = Tally()
        for p in mine:
            tally = Tally(
                known=p.clock_hours.known
                if tally.known is None
                else (
                    tally.known
                    if p.clock_hours.known is None
                    else tally.known + p.clock_hours.known
                ),
                unknown=tally.unknown + p.clock_hours.unknown,
            )
        assert tally == row.clock_hours


def test_years_split_each_budget_exactly() -> None:
    """Each programme's years add up to its budget rounded to the cent."""
    result = portfolio(EXAMPLES)
    for figures in result.programmes:
        if figures.budget is None:
            continue
        years = [y for y in result.years if y.programme_id == figures.programme_id]
        total = sum((y.budget.amount for y in years if y.budget), Decimal(0))
        assert total == figures.budget.rounded().amount


def test_portfolio_frame_is_typed_and_exact() -> None:
    """to_frame() gives one typed row per programme: exact decimals, Int64, dates, categories."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = portfolio(EXAMPLES).to_frame()
    assert frame["programme_id"].tolist() == [p.id for p in EXAMPLES]
    assert str(frame["budget_amount"].dtype).startswith("decimal128(")
    assert str(frame["days"].dtype) == "Int64"
    assert str(frame["country"].dtype) == "category"
    assert str(frame["start"].dtype).startswith("datetime64[")
    assert frame["budget_amount"].sum() == Decimal("43940212.00")
    assert isinstance(frame["clock_hours_max"].sum(), Decimal)
    assert frame["start"].dt.year.min() == min(p.period.start.year for p in EXAMPLES if p.period)
    years = portfolio(EXAMPLES).to_frame(by="year")
    assert years.loc[years.year == 2024, "budget_amount"].sum() == Decimal("10829708.81")
    groups = portfolio(EXAMPLES).to_frame(by="group")
    assert set(groups["dimension"].cat.categories) == {"country", "funder", "activity_kind", "year"}
    assert pd.api.types.is_numeric_dtype(groups["budget_EUR"].dtype)


@settings(max_examples=30, deadline=None)
@given(st.lists(programmes(), max_size=4))
def test_portfolio_frame_matches_the_figures_exactly(progs: list[Programme]) -> None:
    """Every frame cell is the figure it comes from: no float, no rounding, no lost unknown."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    unique = [p.model_copy(update={"id": f"{i}-{p.id}"}) for i, p in enumerate(progs)]
    result = portfolio(unique)
    frame = result.to_frame()
    assert len(frame) == len(unique)
    for row, figures in zip(frame.to_dict("records"), result.programmes, strict=True):
        expected = None if figures.budget is None else figures.budget.amount
        got = row["budget_amount"]
        assert (got is None or got is pd_na()) if expected is None else got == expected
        assert row["sessions_unknown"] == figures.sessions.unknown


def pd_na() -> object:
    import pandas as pd

    return pd.NA
