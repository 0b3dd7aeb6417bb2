from decimal import Decimal

import pytest

from capacitylib.reference import CofinancingCeiling, ReferenceTables, TableEntry
from capacitylib.rules import RuleOptions
from tests.rules._builders import codes_at, document, findings


def eur(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "EUR"}


def lt_esf_plus(sources, *, total="43940212.00", region=None, **changes):
    """Project 07-003-P-0001 (ESF+ 2021-2027) with a stated split of its 43 940 212,00 EUR."""
    doc = document(
        id="lt-07-003-P-0001",
        code="07-003-P-0001",
        country="LT",
        funding_instruments=["esf_plus", "national"],
        programming_period="2021-2027",
        periods=[{"start": "2022-12-08", "end": "2026-12-31", "status": "planned"}],
        organisations=[
            {
                "id": "esfa",
                "name": {"lt": "Europos socialinio fondo agentūra"},
                "kind": "state_agency",
            }
        ],
        partners=[{"organisation": "esfa", "role": "lead_implementer"}],
        activities=[],
        budget={"total": eur(total) if total else None, "sources": sources},
        **changes,
    )
    if region:
        doc["region_category"] = region
    return doc


SPLIT_85 = [
    {"kind": "eu_fund", "instrument": "esf_plus", "amount": eur("37349180.20")},
    {"kind": "national_budget", "amount": eur("6591031.80")},
]
SPLIT_90 = [
    {"kind": "eu_fund", "instrument": "esf_plus", "amount": eur("39546190.80")},
    {"kind": "national_budget", "amount": eur("4394021.20")},
]


def test_sources_that_add_up_to_the_total():
    """85% ESF+ and 15% national budget of 43 940 212,00 EUR add up: no finding."""
    assert findings(lt_esf_plus(SPLIT_85, region="less_developed")) == []


def test_sources_that_do_not_add_up():
    """A split missing 1 000 EUR is an error at budget.sources with sum, total and difference."""
    sources = [SPLIT_85[0], {"kind": "national_budget", "amount": eur("6590031.80")}]
    (found,) = findings(lt_esf_plus(sources, region="less_developed"))
    assert (found.code, found.path, found.severity) == (
        "budget_sources_do_not_add_up",
        "budget.sources",
        "error",
    )
    assert found.values["difference"] == "-1000.00 EUR"
    assert found.values["total"] == "43940212.00 EUR"


def test_budget_tolerance_is_configurable():
    """A one-cent rounding gap passes by default; a 5-cent gap passes with tolerance 0.05."""
    cent = [SPLIT_85[0], {"kind": "national_budget", "amount": eur("6591031.79")}]
    assert findings(lt_esf_plus(cent, region="less_developed")) == []
    five = [SPLIT_85[0], {"kind": "national_budget", "amount": eur("6591031.75")}]
    doc = lt_esf_plus(five, region="less_developed")
    assert codes_at(doc, "budget_sources_do_not_add_up") == ["budget.sources"]
    loose = RuleOptions(budget_tolerance=Decimal("0.05"))
    assert codes_at(doc, "budget_sources_do_not_add_up", options=loose) == []


def test_eu_share_above_the_esf_plus_ceiling_of_the_region():
    """90% ESF+ in a less developed region is above the 85% ceiling of Art. 112(3)."""
    (found,) = findings(lt_esf_plus(SPLIT_90, region="less_developed"))
    assert (found.code, found.path, found.severity) == (
        "budget_share_above_ceiling",
        "budget.sources[0].amount",
        "warning",
    )
    assert found.values["share_percent"] == Decimal("90.0")
    assert found.values["ceiling_percent"] == Decimal(85)
    assert "85%" in found.message


def test_transition_region_ceiling_is_lower():
    """85% is fine in a less developed region but above the 70% of a transition region."""
    doc = lt_esf_plus(SPLIT_85, region="transition")
    assert codes_at(doc, "budget_share_above_ceiling") == ["budget.sources[0].amount"]


def test_without_region_category_only_a_share_above_every_ceiling_is_reported():
    """No region category: 85% may be lawful (less developed), 90% is above every category."""
    assert codes_at(lt_esf_plus(SPLIT_85), "budget_share_above_ceiling") == []
    assert codes_at(lt_esf_plus(SPLIT_90), "budget_share_above_ceiling") == [
        "budget.sources[0].amount"
    ]


def test_instrument_comes_from_the_programme_when_the_source_does_not_say():
    """An eu_fund source without instrument takes the programme's only EU instrument."""
    sources = [
        {"kind": "eu_fund", "amount": eur("39546190.80")},
        {"kind": "national_budget", "amount": eur("4394021.20")},
    ]
    doc = lt_esf_plus(sources, region="less_developed")
    assert codes_at(doc, "budget_share_above_ceiling") == ["budget.sources[0].amount"]
    doc["funding_instruments"] = ["esf_plus", "erdf"]  # ambiguous: silent
    assert codes_at(doc, "budget_share_above_ceiling") == []


def eea_ngo(grant: str, own: str, *, lead_kind="foundation"):
    """EEA Grants 2009-2014 NGO programme project of foundation 'C Modulis'."""
    return document(
        id="lv-2012.EEZ-PP-1-MEC-132",
        code="2012.EEZ/PP/1/MEC/132",
        country="LV",
        funding_instruments=["eea_grants"],
        programming_period="2009-2014",
        periods=[{"start": "2013-11-01", "end": "2015-04-30", "status": "planned"}],
        organisations=[
            {"id": "c-modulis", "name": {"lv": 'Nodibinājums "C Modulis"'}, "kind": lead_kind}
        ],
        partners=[{"organisation": "c-modulis", "role": "lead_implementer"}],
        activities=[],
        budget={
            "total": eur("100000.00"),
            "sources": [
                {"kind": "donor_grant", "amount": eur(grant)},
                {"kind": "own_contribution_in_kind", "amount": eur(own)},
            ],
        },
    )


def test_eea_ngo_grant_up_to_90_percent():
    """An NGO's EEA grant of 90% is within the ceiling; 92% is above it."""
    assert findings(eea_ngo("90000.00", "10000.00")) == []
    assert codes_at(eea_ngo("92000.00", "8000.00"), "budget_share_above_ceiling") == [
        "budget.sources[0].amount"
    ]


def test_no_ceiling_known_for_the_beneficiary_is_silent():
    """EEA 2009-2014 has a ceiling for NGOs only: a municipality's 92% is not judged."""
    doc = eea_ngo("92000.00", "8000.00", lead_kind="municipality")
    assert codes_at(doc, "budget_share_above_ceiling") == []


def test_ceilings_can_be_overridden_per_call():
    """A funder's own ceiling table replaces the shipped one."""
    ceiling = CofinancingCeiling(
        instrument="eea_grants",
        programming_period="2009-2014",
        region_category=None,
        beneficiary="ngo",
        max_rate=Decimal("0.80"),
        entry=TableEntry("call for proposals, section 4.2", verified=True),
    )
    tables = ReferenceTables.default().with_overrides(ceilings=(ceiling,))
    doc = eea_ngo("85000.00", "15000.00")
    assert codes_at(doc, "budget_share_above_ceiling") == []
    (found,) = findings(doc, tables=tables)
    assert found.values["ceiling_source"] == "call for proposals, section 4.2"


def test_share_needs_a_stated_total():
    """With no stated total the listed sources may be only the EU part: no share is judged."""
    doc = lt_esf_plus(SPLIT_90, total=None, region="less_developed")
    del doc["budget"]["total"]
    assert codes_at(doc, "budget_share_above_ceiling") == []


def test_mixed_currencies_are_reported_at_each_odd_amount():
    """A litas amount in a euro budget is an error at that amount; no sum is attempted."""
    sources = [
        SPLIT_85[0],
        {"kind": "national_budget", "amount": {"amount": "22757874.61", "currency": "LTL"}},
    ]
    doc = lt_esf_plus(sources, region="less_developed")
    doc["budget"]["lines"] = [{"organisation": "esfa", "amount": eur("43940212.00")}]
    (found,) = findings(doc)
    assert (found.code, found.path, found.severity) == (
        "budget_currency_mixed",
        "budget.sources[1].amount",
        "error",
    )
    assert found.values == {"expected": "EUR", "expected_path": "budget.total"}


@pytest.mark.parametrize(
    "budget",
    [
        {"total": eur("43940212.00")},
        {"sources": [{"kind": "eu_fund", "amount": eur("100.00")}]},
        {"total": eur("0.00"), "sources": [{"kind": "eu_fund", "amount": eur("0.00")}]},
        {"note": "split not stated"},
    ],
)
def test_partial_budgets_are_silent(budget):
    """A total without sources, or a zero budget, is not judged."""
    doc = lt_esf_plus([], region="less_developed")
    doc["budget"] = budget
    assert findings(doc) == []
