"""Budget: totals by source and shares, partner totals, unit costs, year splits, conversion."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import (
    Budget,
    CurrencyMismatchError,
    Estimate,
    FundingSourceKind,
    Money,
    Period,
    Programme,
)
from capacitylib.calculators import (
    FIXED_EURO_RATES,
    MissingRateError,
    MoneyRange,
    RateTable,
    allocate_by_year,
    budget_total,
    convert,
    cost_per,
    cost_per_participant,
    cost_per_person_reached,
    cost_per_session,
    cost_per_training_hour,
    days_by_year,
    funding_shares,
    partner_totals,
    totals_by_source,
)

from .strategies import closed_periods, estimates, money, weights

LT = Period(start=date(2022, 12, 8), end=date(2026, 12, 31))


def _eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


EEA_BUDGET = Budget.model_validate(
    {
        "total": _eur("100000.00"),
        "sources": [
            {"kind": "donor_grant", "instrument": "eea_grants", "amount": _eur("90000.00")},
            {"kind": "own_contribution_cash", "amount": _eur("5000.00")},
            {"kind": "own_contribution_in_kind", "amount": _eur("5000.00")},
        ],
    }
)


def test_eea_shares() -> None:
    """An EEA grant of 90% counts in the EU rate; cash and in kind make the own contribution."""
    shares = funding_shares(EEA_BUDGET)
    assert shares is not None
    assert shares.eu_rate == Decimal("0.9")
    assert shares.public_rate == Decimal("0.9")
    assert shares.own_contribution_rate == Decimal("0.1")
    assert shares.base == Money.of("100000.00", "EUR")


def test_esf_plus_shares_with_national_cofinancing() -> None:
    """ESF+ 85% with national 15% gives an EU rate of 0.85 and a public rate of 1."""
    budget = Budget.model_validate(
        {
            "sources": [
                {"kind": "eu_fund", "amount": _eur("850.00")},
                {"kind": "national_budget", "amount": _eur("100.00")},
                {"kind": "municipal_budget", "amount": _eur("50.00")},
            ]
        }
    )
    shares = funding_shares(budget)
    assert shares is not None
    assert (shares.eu_rate, shares.public_rate, shares.own_contribution_rate) == (
        Decimal("0.85"),
        Decimal(1),
        Decimal(0),
    )
    assert budget_total(budget) == Money.of("1000.00", "EUR")


def test_totals_by_source_adds_same_kind() -> None:
    """Several sources of one kind add up; kinds come in codelist order."""
    budget = Budget.model_validate(
        {
            "sources": [
                {"kind": "national_budget", "amount": _eur("1.00")},
                {"kind": "eu_fund", "amount": _eur("2.00")},
                {"kind": "eu_fund", "amount": _eur("3.50")},
            ]
        }
    )
    assert totals_by_source(budget) == {
        FundingSourceKind.EU_FUND: Money.of("5.50", "EUR"),
        FundingSourceKind.NATIONAL_BUDGET: Money.of("1.00", "EUR"),
    }


def test_lt_budget_has_no_split() -> None:
    """The LT ESF+ project states a total but no split: shares are None, not 0%."""
    programme = next(p for p in capacitylib.load_examples() if p.id == "lt-07-003-P-0001")
    assert programme.budget is not None
    assert budget_total(programme.budget) == Money.of("43940212.00", "EUR")
    assert totals_by_source(programme.budget) == {}
    assert funding_shares(programme.budget) is None


def test_no_budget_figures_are_none() -> None:
    """An empty budget has no total and no shares."""
    assert budget_total(Budget()) is None
    assert funding_shares(Budget()) is None
    assert funding_shares(Budget(total=Money.of(0, "EUR"))) is None
    zero = Budget.model_validate(
        {"total": _eur("0.00"), "sources": [{"kind": "eu_fund", "amount": _eur("0.00")}]}
    )
    assert funding_shares(zero) is None


def test_mixed_currencies_are_refused() -> None:
    """Sources in two currencies are refused, naming both."""
    budget = Budget.model_validate(
        {
            "sources": [
                {"kind": "eu_fund", "amount": _eur("1.00")},
                {"kind": "national_budget", "amount": {"amount": "1.00", "currency": "LTL"}},
            ]
        }
    )
    with pytest.raises(CurrencyMismatchError, match="LTL"):
        totals_by_source(budget)


def test_partner_totals() -> None:
    """Budget lines add up per organisation, in document order."""
    budget = Budget.model_validate(
        {
            "lines": [
                {"organisation": "b", "amount": _eur("1.00")},
                {"organisation": "a", "amount": _eur("2.00")},
                {"organisation": "b", "amount": _eur("0.50")},
            ]
        }
    )
    assert partner_totals(budget) == {
        "b": Money.of("1.50", "EUR"),
        "a": Money.of("2.00", "EUR"),
    }


def test_lt_budget_by_year_adds_up_to_the_cent() -> None:
    """The LT ESF+ total split over 2022-2026 by days adds up exactly."""
    total = Money.of("43940212.00", "EUR")
    split = allocate_by_year(total, LT)
    assert split is not None
    assert list(split) == [2022, 2023, 2024, 2025, 2026]
    assert sum(split.values(), Money.of(0, "EUR")) == total
    assert split[2022] == Money.of("710144.84", "EUR")  # 24 of 1485 days
    assert split[2024] == Money.of("10829708.81", "EUR")  # 366 days


def test_allocation_refusals() -> None:
    """An open period gives None; an amount with sub-cent digits is refused."""
    assert allocate_by_year(Money.of("1.00", "EUR"), Period(start=date(2020, 1, 1))) is None
    with pytest.raises(ValueError, match="minor units"):
        allocate_by_year(Money.of("1.005", "EUR"), LT)


def test_cost_per_range() -> None:
    """A range of participants gives a range of unit costs (total/max .. total/min)."""
    result = cost_per(Money.of("6000.00", "EUR"), Estimate.range(20, 30))
    assert result == MoneyRange(Money.of(200, "EUR"), Money.of(300, "EUR"))
    assert str(cost_per(Money.of("100.00", "EUR"), 3).rounded()) == "33.33 EUR"
    with pytest.raises(ZeroDivisionError):
        cost_per(Money.of("1.00", "EUR"), Estimate.range(0, 3))


def test_money_range_checks() -> None:
    """A money range refuses mixed currencies and min above max."""
    with pytest.raises(ValueError, match="currency"):
        MoneyRange(Money.of(1, "EUR"), Money.of(2, "CZK"))
    with pytest.raises(ValueError, match="exceed"):
        MoneyRange(Money.of(3, "EUR"), Money.of(2, "EUR"))


def _programme(**extra: object) -> Programme:
    data: dict[str, object] = {
        "id": "p",
        "title": {"en": "P"},
        "country": "LT",
        "budget": {"total": _eur("12000.00")},
        "activities": [
            {
                "id": "course",
                "kind": "training_course",
                "status": "completed",
                "sessions_actual": 4,
                "hours_per_session": {"min": 8, "unit": "academic_hour"},
                "participants": [
                    {"group": "social_workers", "count": {"min": 20, "max": 30}, "unique": True}
                ],
            },
            {"id": "kit", "kind": "equipment", "status": "completed"},
        ],
    }
    data.update(extra)
    return Programme.model_validate(data)


def test_unit_costs_of_a_programme() -> None:
    """Costs per participant, person, session and clock hour divide the whole budget."""
    programme = _programme()
    assert cost_per_participant(programme) == MoneyRange(Money.of(400, "EUR"), Money.of(600, "EUR"))
    assert cost_per_person_reached(programme) == cost_per_participant(programme)
    assert cost_per_session(programme) == MoneyRange.exact(Money.of(3000, "EUR"))
    # 4 sessions x 8 academic hours x 45 min = 24 clock hours.
    assert cost_per_training_hour(programme) == MoneyRange.exact(Money.of(500, "EUR"))


def test_unit_costs_need_the_whole_budget_to_pay_for_what_is_counted() -> None:
    """A budget that also pays for client services, or for planned work, has no unit cost."""
    services = _programme(
        activities=[
            *_programme().model_dump()["activities"],
            {"id": "care", "kind": "service_provision", "status": "completed"},
        ]
    )
    assert cost_per_session(services) is None
    assert cost_per_participant(services) is None
    planned = _programme(
        activities=[
            *_programme().model_dump()["activities"],
            {"id": "later", "kind": "seminar", "status": "planned", "sessions_planned": 2},
        ]
    )
    assert cost_per_session(planned) is None
    assert cost_per_session(_programme()) is not None


def test_unit_costs_unknown() -> None:
    """Without a budget, or with an unknown denominator, unit costs are None."""
    assert cost_per_participant(_programme(budget=None)) is None
    unknown = _programme(
        activities=[{"id": "s", "kind": "seminar", "participants": [{"group": "children"}]}]
    )
    assert cost_per_participant(unknown) is None
    assert cost_per_session(unknown) is None
    assert cost_per_training_hour(unknown) is None
    assert cost_per_participant(_programme(), scope="planned") is None


def test_fixed_euro_rates() -> None:
    """The shipped example rates convert litas and lats to euro and back."""
    assert convert(Money.of("345.28", "LTL"), "EUR", rates=FIXED_EURO_RATES) == Money.of(
        "100.00", "EUR"
    )
    assert convert(Money.of("100.00", "EUR"), "LTL", rates=FIXED_EURO_RATES) == Money.of(
        "345.28", "LTL"
    )
    assert convert(Money.of("70.28", "LVL"), "EUR", rates=FIXED_EURO_RATES) == Money.of(
        "100.00", "EUR"
    )
    assert FIXED_EURO_RATES.rate("LTL", "EUR") == 1 / Decimal("3.4528")


def test_conversion_unrounded_and_identity() -> None:
    """``rounded=False`` keeps every digit; a same-currency conversion is the identity."""
    value = convert(Money.of("1.00", "LTL"), "EUR", rates=FIXED_EURO_RATES, rounded=False)
    assert value.amount == Decimal(1) / Decimal("3.4528")
    same = Money.of("1.234", "EUR")
    assert convert(same, "EUR", rates=RateTable()) is same


def test_missing_rate_is_refused() -> None:
    """A pair missing from the table is refused with a clear error, never looked up."""
    with pytest.raises(MissingRateError, match="CZK->EUR"):
        convert(Money.of("1.00", "CZK"), "EUR", rates=FIXED_EURO_RATES)
    with pytest.raises(MissingRateError, match="LTL->LVL"):
        FIXED_EURO_RATES.rate("LTL", "LVL")


@pytest.mark.parametrize("bad", [0.29, Decimal(0), Decimal(-1), Decimal("NaN")])
def test_bad_rates_are_refused(bad: object) -> None:
    """Rates must be positive finite Decimals; floats are refused."""
    with pytest.raises((TypeError, ValueError)):
        RateTable({("EUR", "LTL"): bad})  # type: ignore[dict-item]


# --- properties ---------------------------------------------------------------------------


@given(money("EUR"), weights)
def test_allocations_sum_exactly(amount: Money, ws: list[int]) -> None:
    """Any split by weights adds up exactly to the amount, each part within a cent of its share."""
    parts = amount.allocate(ws)
    assert sum(parts, Money.of(0, "EUR")) == amount
    total = sum(ws)
    for part, w in zip(parts, ws, strict=True):
        assert abs(part.amount - amount.amount * w / total) < Decimal("0.01")


@given(money(), closed_periods())
def test_year_allocation_sums_exactly(amount: Money, period: Period) -> None:
    """A budget split over calendar years by days adds up exactly, one part per year."""
    split = allocate_by_year(amount, period)
    assert split is not None
    assert list(split) == list(days_by_year(period) or {})
    assert sum(split.values(), Money.of(0, amount.currency)) == amount
    assert all(part.amount >= 0 for part in split.values())


@given(
    money(),
    st.sampled_from(["EUR", "CZK", "JPY", "LTL"]),
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=6),
)
def test_conversion_round_trip_within_rounding(amount: Money, target: str, rate: Decimal) -> None:
    """Converting there and back differs by no more than the two roundings allow."""
    rates = RateTable({(str(amount.currency), target): rate})
    there = convert(amount, target, rates=rates)
    back = convert(there, str(amount.currency), rates=rates)
    if target == amount.currency:
        assert back == amount
        return
    half_target = Decimal(1).scaleb(-there.currency.minor_unit_digits) / 2
    half_source = Decimal(1).scaleb(-amount.currency.minor_unit_digits) / 2
    assert abs(back.amount - amount.amount) <= half_target / rate + half_source


@given(money("EUR"), estimates(positive=True))
def test_cost_per_brackets_the_amount(amount: Money, quantity: Estimate) -> None:
    """Unit costs form a range whose bounds times the quantity give back the amount."""
    result = cost_per(amount, quantity)
    assert result.min.amount <= result.max.amount
    tolerance = Decimal("1e-15") * (1 + amount.amount)
    assert abs(result.min.amount * quantity.max - amount.amount) <= tolerance
    assert abs(result.max.amount * quantity.min - amount.amount) <= tolerance
