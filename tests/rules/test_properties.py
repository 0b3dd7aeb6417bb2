"""Properties of check() over generated valid programmes.

The programmes are built here from the public value strategies, with the ranges these rules
need (the field's years and the ends of the calendar, small and huge quantities).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capacitylib import FindingsError, Problem, Programme, testing, to_document
from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    FundingInstrument,
    FundingSourceKind,
    IndicatorKind,
    OrganisationKind,
    PartnerRole,
    ProgrammeCodeScheme,
    ReachUnit,
    RegionCategory,
    TargetGroup,
    TimeUnit,
)
from capacitylib.rules import CATALOGUE, check, check_strict
from capacitylib.testing import as_data
from capacitylib.testing._plain import codes as enum_values
from capacitylib.testing._plain import estimates as shared_estimates

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Mostly the field's years, sometimes the ends of the calendar.
dates = st.one_of(
    st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)),
    st.dates(),
)
check_dates = st.one_of(st.none(), dates)
small = st.integers(min_value=0, max_value=40).map(Decimal)
quantities = st.one_of(
    small,
    st.decimals(min_value=0, max_value=Decimal("1e15"), places=2, allow_nan=False),
)


def estimates(values: st.SearchStrategy[Decimal] = quantities) -> st.SearchStrategy[dict[str, Any]]:
    return shared_estimates(values)  # type: ignore[return-value]


def hours() -> st.SearchStrategy[dict[str, Any]]:
    return as_data(testing.hours(values=quantities, academic_hour_minutes=st.integers(1, 120)))


def periods() -> st.SearchStrategy[dict[str, Any]]:
    return as_data(testing.periods(dates=dates, max_date=date.max, max_days=3000))


def partial_dates() -> st.SearchStrategy[str]:
    return as_data(testing.partial_dates(dates=dates))


texts = st.sampled_from(
    [{"en": "Supervision"}, {"lt": "Intervizija"}, {"lv": "Supervīzija", "en-GB": "Supervision"}]
)
ids = st.sampled_from(["esfa", "edvia", "lm", "spa", "c-modulis", "a1", "x.y"])


def durations() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"value": estimates(small), "unit": enum_values(TimeUnit)})


def participations(orgs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"group": st.just("social_workers") | enum_values(TargetGroup)},
        optional={
            "count": estimates(),
            "unit": enum_values(ReachUnit),
            "organisations": st.lists(st.sampled_from(orgs), max_size=2) if orgs else st.just([]),
        },
    )


def activities(orgs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    session = st.fixed_dictionaries(
        {"date": partial_dates()},
        optional={
            "id": st.sampled_from(["s1", "s2"]),
            "status": enum_values(ActivityStatus),
            "hours": hours(),
            "participants": st.lists(participations(orgs), max_size=1),
        },
    )
    return st.fixed_dictionaries(
        {"id": ids, "kind": enum_values(ActivityKind)},
        optional={
            "status": enum_values(ActivityStatus),
            "title": texts,
            "period": periods(),
            "dates": st.lists(partial_dates(), max_size=3),
            "stated_duration": durations(),
            "sessions_planned": estimates(small),
            "sessions_actual": estimates(small),
            "hours_per_participant": hours(),
            "frequency": st.fixed_dictionaries(
                {"every": estimates(small), "unit": enum_values(TimeUnit)}
            ),
            "groups": estimates(small),
            "participants": st.lists(participations(orgs), max_size=3),
            "facilitators": st.lists(st.sampled_from(orgs), max_size=2) if orgs else st.just([]),
            "outputs": st.lists(
                st.fixed_dictionaries({"kind": st.just("handbook")}, optional={"title": texts}),
                max_size=2,
            ),
            "sessions": st.lists(session, max_size=4),
        },
    )


money = as_data(
    testing.money(
        currencies=["EUR", "LVL", "CZK"],
        amounts=st.one_of(
            st.sampled_from([Decimal("0.00"), Decimal("100.00"), Decimal("95.00")]),
            st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False),
        ),
    )
)


def budgets(orgs: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    org = st.sampled_from(orgs) if orgs else st.nothing()
    source = st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["eu_fund", "donor_grant"]) | enum_values(FundingSourceKind),
            "amount": money,
        },
        optional={
            "instrument": st.sampled_from(["esf_plus", "eea_grants"])
            | enum_values(FundingInstrument),
            "organisation": org,
        },
    )
    line = st.fixed_dictionaries({"organisation": org, "amount": money})
    return st.fixed_dictionaries(
        {},
        optional={
            "total": money,
            "sources": st.lists(source, max_size=3),
            "lines": st.lists(line, max_size=2) if orgs else st.just([]),
        },
    )


@st.composite
def programmes(draw: st.DrawFn) -> Programme:
    orgs = draw(st.lists(ids, max_size=4))
    organisations = [
        {"id": o, "name": {"lv": o.upper()}, "kind": draw(enum_values(OrganisationKind))}
        for o in orgs
    ]
    partner = st.fixed_dictionaries(
        {"organisation": st.sampled_from(orgs), "role": enum_values(PartnerRole)},
        optional={"period": periods()},
    )
    acts = draw(st.lists(activities(orgs), max_size=3))
    activity_ids = [a["id"] for a in acts]
    indicator = st.fixed_dictionaries(
        {
            "id": ids,
            "kind": enum_values(IndicatorKind),
            "name": texts,
            "unit": enum_values(ReachUnit),
        },
        optional={
            "target": estimates(),
            "target_date": partial_dates(),
            "actuals": st.lists(
                st.fixed_dictionaries({"value": estimates(), "as_of": partial_dates()}),
                max_size=2,
            ),
            "activity": st.sampled_from(activity_ids) if activity_ids else st.nothing(),
        },
    )
    document = draw(
        st.fixed_dictionaries(
            {"id": st.just("generated"), "title": texts},
            optional={
                "code": st.sampled_from(
                    [
                        "CZ.03.2.63/0.0/0.0/15_023/0001478",
                        "07-003-P-0001",
                        "9.2.1.1/15/I/001",
                        "2012.EEZ/PP/1/MEC/132",
                        "PROJ-42",
                        "07-003-P-001",
                    ]
                ),
                "code_scheme": enum_values(ProgrammeCodeScheme),
                "country": st.sampled_from(["CZ", "LT", "LV", "CZ", "LT", "LV", "PL", "DE"]),
                "funding_instruments": st.lists(enum_values(FundingInstrument), max_size=3),
                "programming_period": st.sampled_from(
                    ["2009-2014", "2014-2020", "2014-2021", "2021-2027"]
                ),
                "region_category": enum_values(RegionCategory),
                "periods": st.lists(
                    periods().map(lambda p: {**p, "status": "actual"})
                    | periods().map(lambda p: {**p, "status": "planned"})
                    | periods(),
                    max_size=2,
                ),
                "stated_duration": durations(),
                "stated_partner_count": st.integers(0, 10),
                "partners": st.lists(partner, max_size=4) if orgs else st.just([]),
                "budget": budgets(orgs),
                "indicators": st.lists(indicator, max_size=2),
            },
        )
    )
    document["organisations"] = organisations
    document["activities"] = acts
    return Programme.model_validate(document)


def resolve(document: Any, path: str) -> Any:
    """The value at a finding's path in the dumped document (KeyError/IndexError if none)."""
    node = document
    for name, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", path):
        node = node[name] if name else node[int(index)]
    return node


@pytest.mark.slow
@SETTINGS
@given(programme=programmes(), as_of=check_dates)
def test_check_never_raises_and_reports_catalogue_codes(programme, as_of):
    """On any valid programme check() returns findings of catalogue codes at their severity."""
    found = check(programme, as_of=as_of)
    assert all(isinstance(f, Problem) for f in found)
    for f in found:
        assert CATALOGUE[f.code].severity == f.severity
        assert f.message.startswith("'")


@pytest.mark.slow
@SETTINGS
@given(programme=programmes(), as_of=dates)
def test_finding_paths_exist_in_the_dumped_document(programme, as_of):
    """Every finding's path points at an existing place in the canonical document."""
    document = to_document(programme)
    for f in check(programme, as_of=as_of):
        resolve(document, f.path)


@pytest.mark.slow
@SETTINGS
@given(programme=programmes(), as_of=dates)
def test_check_is_deterministic_and_strict_agrees(programme, as_of):
    """Two checks give equal lists; check_strict raises exactly when there is an error."""
    first = check(programme, as_of=as_of)
    assert check(programme, as_of=as_of) == first
    errors = [f for f in first if f.severity == "error"]
    if errors:
        with pytest.raises(FindingsError) as info:
            check_strict(programme, as_of=as_of)
        assert info.value.problems == errors
    else:
        assert check_strict(programme, as_of=as_of) == first


@pytest.mark.slow
@SETTINGS
@given(programme=programmes())
def test_findings_survive_a_document_round_trip(programme):
    """The dumped and reloaded programme gives the same findings."""
    again = Programme.model_validate(to_document(programme))
    as_of = date(2024, 6, 30)
    assert check(again, as_of=as_of) == check(programme, as_of=as_of)
