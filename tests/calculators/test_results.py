"""Results framework calculators: achievement per period and overall, shares, gaps, totals."""

from __future__ import annotations

from datetime import date
from decimal import Context, Decimal, localcontext

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capacitylib import Breakdown, Estimate, Indicator, IndicatorPeriod, IndicatorValue, Programme
from capacitylib.calculators import (
    CONTEXT,
    Gap,
    breakdown_shares,
    common_indicator_totals,
    gap_between,
    gap_to_target,
    indicator_breakdowns,
    indicator_period_figures,
    indicator_periods_json,
    indicator_periods_text,
    overall_achievement,
    period_achievement,
    share_of,
)
from capacitylib.testing import rich_programme_documents
from capacitylib.testing._figures import texts
from capacitylib.testing._plain import estimates, localized
from capacitylib.testing._results import breakdowns, indicator_periods
from tests.models.test_results_framework import MONITORING_REPORT

REPORT = Programme.model_validate(MONITORING_REPORT)
PARTICIPANTS, COMPLETERS, SATISFACTION, PRACTICE = REPORT.indicators


def _pair(value: Estimate | None) -> tuple[object, object] | None:
    return None if value is None else (value.min, value.max)


def _reading(value: int, as_of: str) -> IndicatorValue:
    return IndicatorValue.model_validate({"value": value, "as_of": as_of})


def _indicator(**fields: object) -> Indicator:
    return Indicator.model_validate(
        {"id": "i", "kind": "output", "name": {"en": "I"}, "unit": "persons", **fields}
    )


# --- the monitoring report, by hand ----------------------------------------------------------


def test_achievement_per_period_of_the_monitoring_report():
    """2023: 96 of 100 is 0.96; 2024 and 2025 are not reported yet, so unknown, not 0."""
    assert [_pair(period_achievement(p)) for p in PARTICIPANTS.periods] == [
        (Decimal("0.96"), Decimal("0.96")),
        None,
        None,
    ]


def test_completers_and_satisfaction_per_period():
    """80 of 90 completers is 8/9 to 28 digits; 83.5% of an 80% target is 1.04375."""
    (completers,) = (period_achievement(p) for p in COMPLETERS.periods)
    assert _pair(completers) == (CONTEXT.divide(80, 90), CONTEXT.divide(80, 90))
    (satisfaction,) = (period_achievement(p) for p in SATISFACTION.periods)
    assert _pair(satisfaction) == (Decimal("1.04375"), Decimal("1.04375"))


def test_qualitative_indicators_have_no_figure():
    """A narrative is not a number: achievement, gap and the whole are all None."""
    assert period_achievement(PRACTICE.periods[0]) is None
    whole = overall_achievement(PRACTICE)
    assert (whole.target, whole.actual, whole.achievement) == (None, None, None)
    gap = gap_to_target(PRACTICE, as_of=date(2024, 1, 1))
    assert (gap.target, gap.actual, gap.gap, gap.unit) == (None, None, None, "qualitative")


def test_overall_achievement_uses_the_stated_total_target():
    """The stated 300 is the whole; 96 achieved so far is 0.32, as of 2023-12-31."""
    whole = overall_achievement(PARTICIPANTS)
    assert whole.target_from == "stated"
    assert _pair(whole.target) == (300, 300)
    assert _pair(whole.actual) == (96, 96)
    assert whole.actual_as_of == date(2023, 12, 31)
    assert _pair(whole.achievement) == (Decimal("0.32"), Decimal("0.32"))


def test_without_a_total_target_the_period_targets_add_up():
    """Per period, 100 + 100 + 90-110 is 290-310; cumulative, the latest period's 90-110."""
    periods = MONITORING_REPORT["indicators"][0]["periods"]
    indicator = _indicator(periods=periods)
    per_period = overall_achievement(indicator)
    assert per_period.target_from == "periods"
    assert _pair(per_period.target) == (290, 310)
    assert _pair(per_period.achievement) == (CONTEXT.divide(96, 310), CONTEXT.divide(96, 290))
    cumulative = overall_achievement(indicator, accumulation="cumulative")
    assert _pair(cumulative.target) == (90, 110)
    assert _pair(cumulative.actual) == (96, 96)


def test_a_period_without_a_target_leaves_the_summed_target_unknown():
    """Per period, a period with only an actual has an unknown target: the whole is None."""
    indicator = _indicator(
        periods=[{"start": "2023", "target": 10, "actual": 4}, {"start": "2024", "actual": 5}]
    )
    whole = overall_achievement(indicator)
    assert whole.target is None and whole.target_from is None and whole.achievement is None
    assert _pair(whole.actual) == (9, 9)
    assert _pair(overall_achievement(indicator, accumulation="cumulative").target) == (10, 10)


def test_percentages_are_levels_never_added():
    """Two years of a percentage: the whole is the latest figure, whatever accumulation says."""
    indicator = _indicator(
        measure="percentage",
        unit=None,
        periods=[
            {"start": "2023", "target": 80, "actual": 70},
            {"start": "2024", "target": 85, "actual": 90},
        ],
    )
    whole = overall_achievement(indicator)
    assert (_pair(whole.target), _pair(whole.actual)) == ((85, 85), (90, 90))


def test_format_1_0_actuals_are_cumulative_readings():
    """With no period actual, the latest 1.0 actual is the actual so far."""
    indicator = _indicator(
        target=14,
        target_date="2015-04",
        actuals=[{"value": 7, "as_of": "2014-06"}, {"value": 12, "as_of": "2015-03"}],
    )
    whole = overall_achievement(indicator)
    assert _pair(whole.actual) == (12, 12)
    assert whole.actual_as_of == date(2015, 3, 31)
    # Due at 2015-04-30, last read on 2015-03-31: at least 12 by then, so at most 2 short.
    gap = gap_to_target(indicator, as_of=date(2015, 4, 30))
    assert (_pair(gap.target), _pair(gap.actual), gap.unreported) == ((14, 14), (12, 12), 1)
    assert gap.gap == Gap(None, Decimal(2))
    read = indicator.model_copy(update={"actuals": (*indicator.actuals, _reading(13, "2015-05"))})
    assert gap_to_target(read, as_of=date(2015, 5, 31)).gap == Gap(Decimal(1), Decimal(1))
    # Before the target date nothing is due: no gap, never a made-up one.
    assert gap_to_target(indicator, as_of=date(2015, 3, 31)).gap is None


def test_gender_and_age_shares_of_the_2023_actual():
    """Of the 96 participants of 2023: women 88/96, men 7/96, non-binary 1/96; age 21/96."""
    gender, age = PARTICIPANTS.periods[0].actual.breakdowns
    whole = PARTICIPANTS.periods[0].actual.value
    shares = {s.category: s.share for s in breakdown_shares(gender, whole)}
    for category, count in (("women", 88), ("men", 7), ("non_binary", 1)):
        exact = CONTEXT.divide(count, 96)
        assert _pair(shares[category]) == (exact, exact)
    ages = {s.category: _pair(s.share) for s in breakdown_shares(age, whole)}
    assert ages["<18"] == (0, 0)
    assert ages["18-29"] == (CONTEXT.divide(21, 96), CONTEXT.divide(21, 96))
    found = indicator_breakdowns(PARTICIPANTS)
    assert [(b.figure, b.breakdown.by.value, b.end) for b in found] == [
        ("period_actual", "gender", date(2023, 12, 31)),
        ("period_actual", "age", date(2023, 12, 31)),
    ]
    assert found[0].as_of == date(2023, 12, 31)


@pytest.mark.parametrize(
    ("as_of", "target", "actual", "unreported", "gap"),
    [
        (date(2023, 6, 30), None, None, 0, None),  # nothing due yet
        (date(2023, 12, 31), (100, 100), (96, 96), 0, Gap(Decimal(4), Decimal(4))),
        (date(2024, 12, 31), (200, 200), (96, 96), 1, Gap(None, Decimal(104))),
        (date(2025, 12, 31), (290, 310), (96, 96), 2, Gap(None, Decimal(214))),
    ],
)
def test_gap_to_target_by_date(as_of, target, actual, unreported, gap):
    """Targets of the periods ended by the date minus the actuals as of it; unreported: no floor."""
    found = gap_to_target(PARTICIPANTS, as_of=as_of)
    assert found.unit == "persons"
    assert (_pair(found.target), _pair(found.actual)) == (target, actual)
    assert (found.unreported, found.gap) == (unreported, gap)


def test_cumulative_gap_compares_the_latest_figures():
    """Cumulative: 2024's 100 due, the 2023 reading 96 a floor of what was achieved: at most 4."""
    found = gap_to_target(PARTICIPANTS, as_of=date(2024, 12, 31), accumulation="cumulative")
    assert (_pair(found.target), found.unreported, found.gap) == ((100, 100), 1, Gap(None, 4))


def test_an_unreported_percentage_has_no_gap():
    """An old reading of a percentage bounds nothing: the gap is unknown."""
    found = gap_to_target(SATISFACTION, as_of=date(2023, 12, 31))
    assert found.gap == Gap(Decimal("-3.5"), Decimal("-3.5"))
    later = _indicator(
        measure="percentage",
        unit=None,
        periods=[{"start": "2023", "target": 80, "actual": 83}, {"start": "2024", "target": 85}],
    )
    assert gap_to_target(later, as_of=date(2024, 12, 31)).gap is None


def test_an_actual_dated_after_the_date_does_not_count():
    """An actual as of 2024-03 is not yet known on 2024-01-31."""
    indicator = _indicator(
        periods=[{"start": "2023", "target": 10, "actual": {"value": 9, "as_of": "2024-03"}}]
    )
    found = gap_to_target(indicator, as_of=date(2024, 1, 31))
    assert (found.actual, found.unreported, found.gap) == (None, 1, Gap(None, Decimal(10)))
    assert gap_to_target(indicator, as_of=date(2024, 3, 31)).gap == Gap(Decimal(1), Decimal(1))


def test_periods_without_targets_fall_back_to_the_total_target():
    """Actuals per year and one total target by 2025: 300 due, 206 known, 2025 not reported."""
    indicator = _indicator(
        target=300,
        target_date="2025",
        periods=[{"start": "2023", "actual": 96}, {"start": "2024", "actual": 110}],
    )
    found = gap_to_target(indicator, as_of=date(2025, 12, 31))
    assert (_pair(found.target), _pair(found.actual), found.unreported) == (
        (300, 300),
        (206, 206),
        1,
    )
    assert found.gap == Gap(None, Decimal(94))
    assert gap_to_target(indicator, as_of=date(2025, 12, 30)).gap is None  # not due yet


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=5))
def test_gap_of_fully_reported_exact_periods_is_target_sum_minus_actual_sum(figures):
    """Every period reported with exact figures: the gap is sum(targets) - sum(actuals)."""
    periods = [
        {"start": str(2020 + n), "target": target, "actual": actual}
        for n, (target, actual) in enumerate(figures)
    ]
    found = gap_to_target(_indicator(periods=periods), as_of=date(2030, 1, 1))
    expected = Decimal(sum(t for t, _ in figures) - sum(a for _, a in figures))
    assert found.unreported == 0
    assert found.gap == Gap(expected, expected)


# --- ranges, open bounds, zero targets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [
        (Estimate.exact(99), Estimate.range(90, 110), (Decimal("0.9"), Decimal("1.1"))),
        (Estimate.range(45, 55), Estimate.exact(50), (Decimal("0.9"), Decimal("1.1"))),
        (Estimate.minimum(90), Estimate.exact(100), (Decimal("0.9"), None)),  # at least 90
        (Estimate.exact(50), Estimate.minimum(100), (Decimal(0), Decimal("0.5"))),
        (Estimate.exact(5), Estimate.exact(0), None),  # target 0: no ratio
        (Estimate.exact(5), Estimate.maximum(10), None),  # "up to 10" may be 0
        (Estimate.exact(5), Estimate.range(0, 10), None),
        (Estimate.exact(0), Estimate.exact(10), (Decimal(0), Decimal(0))),  # 0 achieved is 0
    ],
)
def test_share_of_ranges_open_bounds_and_zero_targets(actual, target, expected):
    """actual.min/target.max .. actual.max/target.min; open ends stay open; may-be-0: None."""
    assert _pair(share_of(actual, target)) == expected


def test_period_achievement_honours_open_bounds_and_zero_targets():
    """A period target of 0 has no achievement; "at least 90" of 100 is at least 0.9."""
    zero = IndicatorPeriod.model_validate({"start": "2023", "target": 0, "actual": 3})
    assert period_achievement(zero) is None
    open_actual = IndicatorPeriod.model_validate(
        {"start": "2023", "target": 100, "actual": {"value": {"min": 90, "at_least": True}}}
    )
    assert _pair(period_achievement(open_actual)) == (Decimal("0.9"), None)


def test_gap_between_ranges_and_open_bounds():
    """target - actual bound by bound; an open actual leaves no lower bound."""
    assert gap_between(Estimate.range(90, 110), Estimate.exact(96)) == Gap(-6, 14)
    assert gap_between(Estimate.exact(100), Estimate.minimum(90)) == Gap(None, 10)
    assert gap_between(Estimate.minimum(100), Estimate.exact(90)) == Gap(10, None)
    assert gap_between(None, Estimate.exact(1)) is None
    assert str(Gap(None, None)) == "unbounded"


def test_shares_of_an_unknown_or_zero_whole_are_unknown():
    """A breakdown of a figure that is not stated, or 0, has no shares."""
    indicator = _indicator(
        target_breakdowns=[{"by": "gender", "parts": [{"category": "women", "value": 0}]}],
        target=0,
    )
    (found,) = indicator_breakdowns(indicator)
    assert found.figure == "target_total" and found.shares[0].share is None
    (share,) = breakdown_shares(found.breakdown, None)
    assert share.share is None and share.value.min == 0


# --- the report section -------------------------------------------------------------------------


def test_report_section_rows_and_text_of_the_monitoring_report():
    """One row per indicator and period; the text shows achievement in % and the gap."""
    rows = indicator_period_figures(REPORT)
    assert [(r.indicator, r.period) for r in rows] == [
        ("participants", "2023"),
        ("participants", "2024"),
        ("participants", "2025"),
        ("completers", "2023"),
        ("satisfaction", "2023"),
        ("practice-change", "2023-01..2023-06"),
    ]
    first = rows[0]
    assert (first.as_of, first.gap, _pair(first.achievement)) == (
        date(2023, 12, 31),
        Gap(Decimal(4), Decimal(4)),
        (Decimal("0.96"), Decimal("0.96")),
    )
    assert rows[5].actual_narrative == "Teams hold monthly case reviews."
    assert indicator_periods_text(rows) == [
        "Indicators by period:",
        "  participants (persons): Social workers taking part in supervision training",
        "    2023: target 100, actual 96 (as of 2023-12-31), achievement 96%, gap 4",
        "    2024: target 100, actual not reported",
        "    2025: target 90-110, actual not reported",
        "  completers (persons): Participants who completed the training",
        "    2023: target 90, actual 80 (as of 2023-12-31), achievement 88.89%, gap 10",
        "  satisfaction (percentage): Participants rating the supervision useful",
        "    2023: target 80, actual 83.5 (as of 2023-12-31), achievement 104.38%, gap -3.5",
        "  practice-change (qualitative): Change in case work practice",
        "    2023-01..2023-06: actual: Teams hold monthly case reviews.",
    ]
    assert indicator_periods_text([]) == []


def test_report_section_json_rounds_achievement_only():
    """JSON: exact figures, achievement to 4 places, a signed gap, null for unknown."""
    rows = indicator_periods_json(indicator_period_figures(REPORT))
    assert rows[3]["achievement"] == {"min": "0.8889", "max": "0.8889"}
    assert rows[4]["gap"] == {"min": "-3.5", "max": "-3.5"}
    assert rows[1] == {
        "indicator": "participants",
        "unit": "persons",
        "period": "2024",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "target": {"min": 100, "max": 100},
        "actual": None,
        "as_of": None,
        "achievement": None,
        "gap": None,
        "target_narrative": None,
        "actual_narrative": None,
    }


# --- portfolio: common indicators ----------------------------------------------------------------


def _programme(pid: str, *indicators: dict) -> Programme:
    return Programme.model_validate({"id": pid, "title": {"en": pid}, "indicators": indicators})


def _common(code: str, unit: str, target: int, actual: int, **extra: object) -> dict:
    return {
        "id": f"i-{unit}",
        "kind": "output",
        "name": {"en": "I"},
        "unit": unit,
        "common_indicator": code,
        "periods": [{"start": "2023", "target": target, "actual": actual}],
        **extra,
    }


def test_common_indicator_totals_add_per_unit_and_name_the_odd_one():
    """EECO01 in persons adds across programmes; EECO01 in families is its own, named row."""
    totals = common_indicator_totals(
        [
            REPORT,
            _programme("b", _common("eeco01", "persons", 50, 40)),
            _programme("c", _common("EECO01", "families", 20, 12)),
        ]
    )
    persons, families = totals
    assert (persons.code, persons.unit, persons.programmes) == (
        "EECO01",
        "persons",
        ("esf-plus-training", "b"),
    )
    assert persons.indicators == (("esf-plus-training", "participants"), ("b", "i-persons"))
    assert (_pair(persons.target.total), _pair(persons.actual.total)) == ((350, 350), (136, 136))
    assert (persons.reference_unit, persons.fits_reference) == ("persons", True)
    assert (families.unit, families.programmes, families.fits_reference) == (
        "families",
        ("c",),
        False,
    )
    assert _pair(families.actual.total) == (12, 12)


def test_common_indicator_totals_as_of_a_date_and_unknown_figures():
    """As of a date only the actuals known then count; an unknown figure is counted, not 0."""
    late = _common("CO01", "persons", 10, 7)
    late["periods"][0]["actual"] = {"value": 7, "as_of": "2024-06"}
    no_target = {**_common("CO01", "persons", 1, 3), "periods": [{"start": "2023", "actual": 3}]}
    (row,) = common_indicator_totals(
        [_programme("a", late), _programme("b", no_target)], as_of=date(2023, 12, 31)
    )
    assert (
        row.actual.total is None and row.actual.unknown == 1 and _pair(row.actual.known) == (3, 3)
    )
    assert row.target.total is None and _pair(row.target.known) == (10, 10)


def test_common_indicator_percentages_are_listed_not_added():
    """A common indicator reported as a percentage is named with no total (levels never add)."""
    share = _common("EECR03", "persons", 80, 70, measure="percentage")
    del share["unit"]
    (row,) = common_indicator_totals([_programme("a", share), _programme("b", share)])
    assert (row.unit, row.programmes, row.target, row.actual) == (
        "percentage",
        ("a", "b"),
        None,
        None,
    )


# --- properties -------------------------------------------------------------------------------------

positive = st.integers(1, 10**6).map(lambda n: Decimal(n).scaleb(-2))
counts = st.integers(0, 10**6).map(lambda n: Decimal(n).scaleb(-2))


@given(counts, positive)
def test_achievement_of_exact_figures_is_actual_over_target(actual, target):
    """For exact figures, achievement is exactly actual / target (28 digits, half-even)."""
    found = share_of(Estimate.exact(actual), Estimate.exact(target))
    with localcontext(Context(prec=100)):
        quotient = actual / target  # exact, or far more digits than 28
    assert found is not None and found.min == found.max == CONTEXT.plus(quotient)
    if CONTEXT.plus(quotient) == quotient:  # a quotient of at most 28 digits is exact
        assert found.min * target == actual


@st.composite
def readings(draw: st.DrawFn, estimate: dict) -> tuple[Estimate, Decimal]:
    """An estimate drawn by the public strategies and one exact reading inside it."""
    value = Estimate.model_validate(estimate)
    high = value.max if value.max is not None else value.min + 1000
    scale = draw(st.integers(0, 1000))
    return value, value.min + (high - value.min) * Decimal(scale) / 1000


@given(estimates().flatmap(readings), estimates().flatmap(readings))
def test_a_range_achievement_contains_every_exact_reading(actual, target):
    """Whatever exact figures the ranges stand for, their achievement lies in the range's."""
    (actual_range, a), (target_range, t) = actual, target
    found = share_of(actual_range, target_range)
    if target_range.min <= 0:
        assert found is None
        return
    exact = share_of(Estimate.exact(a), Estimate.exact(t))
    assert found is not None and exact is not None
    assert found.contains(exact.min)


@given(breakdowns(estimate=st.integers(0, 1000), max_size=3))
def test_exact_shares_of_a_breakdown_over_its_total_add_up_to_one(drawn):
    """Exact parts over their own total: each share is part/total, and they sum to 1 (28 digits)."""
    for data in drawn:
        breakdown = Breakdown.model_validate(data)
        total = breakdown.total
        shares = breakdown_shares(breakdown, total)
        if total.min == 0:
            assert all(s.share is None for s in shares)
            continue
        for share in shares:
            assert share.share.min == share.share.max == CONTEXT.divide(share.value.min, total.min)
        error = abs(sum((s.share.min for s in shares), Decimal(0)) - 1)
        assert error <= len(shares) * Decimal("1e-27")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["EECO01", "eeco01", "CO01"]),
            st.sampled_from(["persons", "families"]),
            indicator_periods(estimate=estimates(), localized=localized(), texts=texts),
            st.none() | estimates(),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["per_period", "cumulative"]),
)
def test_portfolio_totals_are_the_per_unit_sums_and_never_mix_units(drawn, accumulation):
    """Each row sums exactly its own (code, unit) indicators; every indicator is in one row."""
    programmes = [
        _programme(
            f"p{n}",
            {
                "id": "i",
                "kind": "output",
                "name": {"en": "I"},
                "unit": unit,
                "common_indicator": code,
                "periods": periods,
                **({} if target is None else {"target": target}),
            },
        )
        for n, (code, unit, periods, target) in enumerate(drawn)
    ]
    totals = common_indicator_totals(programmes, accumulation=accumulation)
    seen = [pair for row in totals for pair in row.indicators]
    assert sorted(seen) == sorted((p.id, "i") for p in programmes)
    by_id = {p.id: p.indicators[0] for p in programmes}
    for row in totals:
        members = [by_id[pid] for pid, _ in row.indicators]
        assert {m.unit_label for m in members} == {row.unit}
        assert {m.common_indicator.upper() for m in members} == {row.code}
        for figure, tally in (("target", row.target), ("actual", row.actual)):
            values = [
                getattr(overall_achievement(m, accumulation=accumulation), figure) for m in members
            ]
            known = [v for v in values if v is not None]
            assert tally.unknown == len(values) - len(known)
            if known:
                assert tally.known.min == sum((v.min for v in known), Decimal(0))
                if all(v.max is not None for v in known):
                    assert tally.known.max == sum((v.max for v in known), Decimal(0))
                else:
                    assert tally.known.max is None
            else:
                assert tally.known is None


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_programme_documents(), st.dates(date(2013, 1, 1), date(2032, 12, 31)))
def test_every_generated_results_framework_gives_figures_without_raising(document, as_of):
    """Achievement, gaps, shares and the report section never raise and keep min <= max."""
    programme = Programme.model_validate(document)
    for indicator in programme.indicators:
        for period in indicator.periods:
            found = period_achievement(period)
            assert found is None or found.max is None or found.min <= found.max
        for accumulation in ("per_period", "cumulative"):
            whole = overall_achievement(indicator, accumulation=accumulation)
            assert (whole.achievement is None) or (whole.target is not None)
            gap = gap_to_target(indicator, as_of=as_of, accumulation=accumulation)
            if gap.gap is not None and gap.gap.min is not None and gap.gap.max is not None:
                assert gap.gap.min <= gap.gap.max
        for breakdown in indicator_breakdowns(indicator):
            assert len(breakdown.shares) == len(breakdown.breakdown.parts)
    rows = indicator_period_figures(programme)
    assert len(rows) == sum(len(i.periods) for i in programme.indicators)
    assert len(indicator_periods_json(rows)) == len(rows)
    indicator_periods_text(rows)
    common_indicator_totals([programme], as_of=as_of)
