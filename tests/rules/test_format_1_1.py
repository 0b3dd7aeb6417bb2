"""Rules over the fields of format 1.1: partial periods, shares, partial splits, counts."""

from capacitylib import Programme
from capacitylib.rules import check
from tests.rules._builders import AS_OF, document, with_activity


def _eur(amount):
    return {"amount": amount, "currency": "EUR"}


def _codes(doc):
    return [(f.code, f.path) for f in check(Programme.model_validate(doc), as_of=AS_OF)]


def test_activity_dates_are_judged_against_the_range_a_partial_period_may_cover():
    """A programme of 2016-11..2018-02 may cover 2018-02-28 but not 2018-03-01."""
    periods = [{"start": "2016-11", "end": "2018-02", "status": "actual"}]
    inside = with_activity(dates=["2018-02-28", "2016-11-01"])
    inside["periods"] = periods
    assert _codes(inside) == []
    outside = with_activity(dates=["2018-03-01"])
    outside["periods"] = periods
    assert _codes(outside) == [("activity_outside_programme_period", "activities[0].dates[0]")]


def test_a_period_stated_only_by_its_end_bounds_only_the_end():
    """ "Implemented until 30 September 2020": earlier dates are inside, later ones are not."""
    doc = with_activity(dates=["2001-01-01", "2020-10-01"])
    doc["periods"] = [{"end": "2020-09-30"}]
    assert _codes(doc) == [("activity_outside_programme_period", "activities[0].dates[1]")]


def test_a_partial_period_is_named_as_stated_in_the_message():
    doc = with_activity(dates=["2019-01"])
    doc["periods"] = [{"start": "2016-11", "end": "2018", "status": "actual"}]
    [found] = check(Programme.model_validate(doc), as_of=AS_OF)
    assert "2016-11..2018" in found.message and found.values["programme_period"] == "2016-11..2018"


def test_a_partial_period_has_no_duration_to_compare():
    """A stated "6 months" is not compared with a period known only to the month."""
    doc = document(
        periods=[{"start": "2016-11", "end": "2018-02", "status": "actual"}],
        stated_duration={"value": 6, "unit": "month"},
    )
    assert _codes(doc) == []


def test_an_explicitly_partial_split_is_not_an_error():
    """Total 2 000 000 EUR, of which ESF+ 1 700 000 EUR: no invented remainder needed."""
    doc = document(
        budget={
            "total": _eur("2000000.00"),
            "sources_complete": False,
            "sources": [{"kind": "eu_fund", "instrument": "esf", "amount": _eur("1700000.00")}],
        }
    )
    assert _codes(doc) == []
    complete = document(budget={**doc["budget"], "sources_complete": True})
    assert _codes(complete) == [("budget_sources_do_not_add_up", "budget.sources")]


def test_a_full_set_of_shares_adds_up_to_one():
    """ESF 80 %, state budget 10 %, own contribution 10 %."""
    sources = [
        {"kind": "eu_fund", "instrument": "esf", "share": "0.80"},
        {"kind": "national_budget", "share": "0.10"},
        {"kind": "own_contribution_cash", "share": "0.10"},
    ]
    assert _codes(document(budget={"sources": sources})) == []
    short = [*sources[:2], {"kind": "own_contribution_cash", "share": "0.05"}]
    assert _codes(document(budget={"sources": short})) == [
        ("budget_shares_do_not_add_up", "budget.sources")
    ]
    assert _codes(document(budget={"sources": short, "sources_complete": False})) == []


def test_shares_never_add_up_to_more_than_one():
    sources = [{"kind": "eu_fund", "share": "0.85"}, {"kind": "national_budget", "share": "0.2"}]
    for complete in (True, False):
        doc = document(budget={"sources": sources, "sources_complete": complete})
        assert _codes(doc) == [("budget_shares_above_one", "budget.sources")]


def test_a_share_must_agree_with_its_amount():
    doc = document(
        budget={
            "total": _eur("1000.00"),
            "sources_complete": False,
            "sources": [
                {"kind": "eu_fund", "amount": _eur("850.00"), "share": "0.85"},
                {"kind": "national_budget", "amount": _eur("150.00"), "share": "0.1"},
            ],
        }
    )
    assert _codes(doc) == [("funding_source_share_differs_from_amount", "budget.sources[1].share")]


def test_a_share_above_the_ceiling_is_reported_from_the_share():
    """An ESF share of 90 % in 2014-2020 is above the ceiling, with no amount stated."""
    doc = document(
        region_category="more_developed",
        budget={
            "total": _eur("1000.00"),
            "sources_complete": False,
            "sources": [{"kind": "eu_fund", "instrument": "esf", "share": "0.9"}],
        },
    )
    assert _codes(doc) == [("budget_share_above_ceiling", "budget.sources[0].share")]


def _partners(n_partners):
    orgs = [{"id": "lead", "name": {"en": "Lead"}, "kind": "ngo", "country": "LV"}]
    orgs += [
        {"id": f"p{i}", "name": {"en": f"P{i}"}, "kind": "ngo", "country": ["LV", "LT"][i % 2]}
        for i in range(n_partners)
    ]
    partners = [{"organisation": "lead", "role": "lead_implementer"}]
    partners += [{"organisation": f"p{i}", "role": "partner"} for i in range(n_partners)]
    return {"organisations": orgs, "partners": partners, "activities": []}


def test_a_partner_count_checks_exactly_what_it_counts():
    """9 partners besides the lead vs 8 listed is reported; 9 with the lead is not."""
    besides = document(**_partners(8), stated_counts=[{"subject": "partners", "value": 9}])
    assert _codes(besides) == [("stated_count_differs_from_listed", "stated_counts[0].value")]
    with_lead = document(
        **_partners(8), stated_counts=[{"subject": "partners_and_lead", "value": 9}]
    )
    assert _codes(with_lead) == []


def test_counts_of_countries_and_approximate_counts():
    doc = document(
        **_partners(3),
        stated_counts=[
            {"subject": "countries", "value": 2},
            {"subject": "partners", "value": {"min": 3, "at_least": True}},
            {"subject": "experts", "value": 5},
        ],
    )
    assert _codes(doc) == []


def test_partners_named_only_as_a_class_silence_the_count():
    doc = document(
        **_partners(2),
        stated_counts=[{"subject": "partners", "value": 12}],
        partner_groups=[
            {
                "description": {"en": "all municipal social services of the county"},
                "role": "partner",
                "kind": "municipal_social_service",
            }
        ],
    )
    assert _codes(doc) == []


def test_each_extension_namespace_is_listed_as_info():
    doc = with_activity(extensions={"esfa": {"call": "K-408"}, "tool.x": [1, 2]})
    found = check(Programme.model_validate(doc), as_of=AS_OF)
    assert [(f.code, f.path, f.severity) for f in found] == [
        ("extension_present", "activities[0].extensions.esfa", "info"),
        ("extension_present", "activities[0].extensions.tool.x", "info"),
    ]


def test_an_open_training_figure_shows_no_shortfall():
    """At least 4 hours a year may meet any minimum: no finding."""
    doc = document(
        country="LT",
        periods=[{"start": "2023-01-01", "end": "2023-12-31", "status": "actual"}],
        activities=[
            {
                "id": "t",
                "kind": "training_course",
                "hours_per_participant": {"min": 4, "at_least": True, "unit": "clock_hour"},
                "participants": [{"group": "social_workers"}],
            }
        ],
    )
    assert [c for c, _ in _codes(doc) if c.startswith("training")] == []
