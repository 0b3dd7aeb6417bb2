"""Strategies for programme documents that fill every table and every column, as plain data.

Wider than :func:`capacitylib.testing.programme_documents`: every field of every model is drawn
(or left out), with texts that are hard for flat formats (separators, quotes, a leading "=",
newlines, language tags such as ``pt-BR`` and ``no``) and decimals in every form (``0.00``,
``1E+3``). Optional objects are never empty and optional texts never ``""``: tables read an empty
cell as "not stated" (see docs/tables.md). Building blocks return JSON-ready values (dicts,
ISO text), not models.
"""

from __future__ import annotations

from hypothesis import strategies as st

from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    FundingInstrument,
    FundingSourceKind,
    IndicatorKind,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    PeriodStatus,
    ReachUnit,
    RegionCategory,
    TargetGroup,
    TimeUnit,
)
from capacitylib.testing import _format11 as v11
from capacitylib.testing._figures import EXTREME, ORDINARY, Figures, languages, texts
from capacitylib.testing._plain import (
    codes,
    countries,
    drop_none,
    estimates,
    hours,
    ids,
    localized,
    maybe,
    money,
    partial_dates,
    periods,
)
from capacitylib.testing._results import results_fields


@st.composite
def participation(
    draw: st.DrawFn, org_ids: list[str], *, figures: Figures | None = None
) -> dict[str, object]:
    figures = figures or ORDINARY
    return drop_none(
        {
            "group": draw(codes(TargetGroup)),
            "count": draw(maybe(estimates(figures=figures))),
            "unit": draw(codes(ReachUnit)),
            "unique": draw(st.booleans()),
            "organisations": draw(st.lists(st.sampled_from(org_ids), max_size=2))
            if org_ids
            else [],
            "municipalities": draw(st.lists(texts, max_size=3)),
            "note": draw(maybe(texts)),
        }
    )


@st.composite
def stated_duration(draw: st.DrawFn, *, figures: Figures | None = None) -> dict[str, object]:
    figures = figures or ORDINARY
    return drop_none(
        {
            "value": draw(estimates(figures=figures)),
            "unit": draw(codes(TimeUnit)),
            "text": draw(maybe(texts)),
        }
    )


@st.composite
def activity(
    draw: st.DrawFn, activity_id: str, org_ids: list[str], *, figures: Figures | None = None
) -> dict[str, object]:
    figures = figures or ORDINARY
    sessions = [
        drop_none(
            {
                "id": draw(maybe(ids)),
                "date": draw(partial_dates(figures=figures)),
                "status": draw(maybe(codes(ActivityStatus))),
                "hours": draw(maybe(hours(figures=figures))),
                "participants": draw(st.lists(participation(org_ids, figures=figures), max_size=2)),
                "location": draw(maybe(texts)),
                "note": draw(maybe(texts)),
            }
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return drop_none(
        {
            "id": activity_id,
            "kind": draw(codes(ActivityKind)),
            "status": draw(maybe(codes(ActivityStatus))),
            "title": draw(maybe(localized())),
            "description": draw(maybe(localized())),
            "period": draw(maybe(periods(figures=figures))),
            "dates": draw(st.lists(partial_dates(figures=figures), max_size=2)),
            "stated_duration": draw(maybe(stated_duration(figures=figures))),
            "sessions_planned": draw(maybe(estimates(figures=figures))),
            "sessions_actual": draw(maybe(estimates(figures=figures))),
            "hours_per_session": draw(maybe(hours(figures=figures))),
            "hours_per_participant": draw(maybe(hours(figures=figures))),
            "frequency": draw(
                maybe(
                    st.builds(
                        lambda every, unit, text: drop_none(
                            {"every": every, "unit": unit, "text": text}
                        ),
                        estimates(figures=figures),
                        codes(TimeUnit),
                        maybe(texts),
                    )
                )
            ),
            "groups": draw(maybe(estimates(figures=figures))),
            "participants": draw(st.lists(participation(org_ids, figures=figures), max_size=2)),
            "facilitators": draw(st.lists(st.sampled_from(org_ids), max_size=2)) if org_ids else [],
            "outputs": [
                drop_none(
                    {
                        "kind": draw(codes(OutputKind)),
                        "title": draw(maybe(localized())),
                        "quantity": draw(maybe(estimates(figures=figures))),
                        "unit": draw(maybe(codes(ReachUnit))),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "sessions": sessions,
            "locations": draw(st.lists(texts, max_size=2)),
            "eligibility": draw(st.lists(localized(), max_size=2)),
            "stated_counts": draw(
                st.lists(
                    v11.stated_counts(
                        texts, estimates(figures=figures), partial_dates(figures=figures)
                    ),
                    max_size=2,
                )
            ),
            "note": draw(maybe(texts)),
            "extensions": draw(v11.extensions()),
        }
    )


@st.composite
def organisation(draw: st.DrawFn, org_id: str) -> dict[str, object]:
    contact = drop_none(
        {
            "email": draw(
                maybe(st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.(lt|lv|cz)", fullmatch=True))
            ),
            "phone": draw(maybe(st.from_regex(r"\+?[0-9 ]{5,15}", fullmatch=True))),
            "address": draw(maybe(texts)),
        }
    )
    return drop_none(
        {
            "id": org_id,
            "name": draw(localized()),
            "kind": draw(codes(OrganisationKind)),
            "country": draw(maybe(countries)),
            "municipality": draw(maybe(texts)),
            "identifiers": [
                {"scheme": draw(st.sampled_from(["LT-JAR", "CZ-ICO", "VAT"])), "value": draw(texts)}
                for _ in range(draw(st.integers(0, 2)))
            ],
            "website": draw(maybe(st.just("https://example.org/a?b=c;d"))),
            "contact": contact or None,
            "note": draw(maybe(texts)),
            "extensions": draw(v11.extensions()),
        }
    )


@st.composite
def rich_programme_documents(
    draw: st.DrawFn, *, figures: Figures | None = None
) -> dict[str, object]:
    """A valid programme document that fills (or leaves out) every field, as plain data.

    ``figures`` draws the numbers and dates (default :data:`ORDINARY`; :data:`EXTREME` for
    the edges of what the models accept, as :func:`extreme_programme_documents` does).
    """
    figures = figures or ORDINARY
    org_ids = [f"org-{i}" for i in range(draw(st.integers(0, 3)))]
    activity_ids = [f"act.{i}" for i in range(draw(st.integers(0, 3)))]
    budget = drop_none(
        {
            "total": draw(maybe(money(figures=figures))),
            "sources": [
                drop_none(
                    {
                        "kind": draw(codes(FundingSourceKind)),
                        **draw(
                            st.one_of(
                                st.fixed_dictionaries({"amount": money(figures=figures)}),
                                st.fixed_dictionaries({"share": v11.shares}),
                                st.fixed_dictionaries(
                                    {"amount": money(figures=figures), "share": v11.shares}
                                ),
                            )
                        ),
                        "instrument": draw(maybe(codes(FundingInstrument))),
                        "organisation": draw(maybe(st.sampled_from(org_ids))) if org_ids else None,
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "lines": [
                drop_none(
                    {
                        "organisation": oid,
                        "amount": draw(money(figures=figures)),
                        "note": draw(maybe(texts)),
                    }
                )
                for oid in draw(st.lists(st.sampled_from(org_ids), max_size=2))
            ]
            if org_ids
            else [],
            "sources_complete": draw(maybe(st.just(False))),
            "unit_costs": draw(
                st.lists(v11.unit_costs(texts, localized(), money(figures=figures)), max_size=2)
            ),
            "note": draw(maybe(texts)),
        }
    )
    operational = drop_none(
        {
            "name": draw(maybe(localized())),
            "code": draw(maybe(st.sampled_from(["2014CZ05M9OP001", "OP 2"]))),
            "allocation": draw(maybe(money(figures=figures))),
        }
    )
    indicators: list[dict[str, object]] = []
    for i in range(draw(st.integers(0, 2))):
        kind = draw(codes(IndicatorKind))
        indicator = drop_none(
            {
                "id": f"ind-{i}",
                "kind": kind,
                "name": draw(localized()),
                "unit": draw(codes(ReachUnit)),
                "target_group": draw(maybe(codes(TargetGroup))),
                "baseline": draw(maybe(estimates(figures=figures))),
                "target": draw(maybe(estimates(figures=figures))),
                "target_date": draw(maybe(partial_dates(figures=figures))),
                "actuals": [
                    drop_none(
                        {
                            "value": draw(estimates(figures=figures)),
                            "as_of": draw(partial_dates(figures=figures)),
                            "source": draw(maybe(texts)),
                        }
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ],
                "activity": draw(maybe(st.sampled_from(activity_ids))) if activity_ids else None,
                "note": draw(maybe(texts)),
                "extensions": draw(v11.extensions()),
            }
        )
        indicator.update(
            draw(
                results_fields(
                    index=i,
                    kind=kind,
                    estimate=estimates(figures=figures),
                    localized=localized(),
                    texts=texts,
                    earlier=indicators,
                )
            )
        )
        indicators.append(indicator)
    return drop_none(
        {
            "id": draw(ids),
            "code": draw(maybe(st.sampled_from(["CZ.03.2.63/0.0/0.0/15_023/0001478", "P 42"]))),
            "code_scheme": draw(maybe(st.just("other"))),
            "title": draw(localized()),
            "summary": draw(maybe(localized())),
            "country": draw(maybe(countries)),
            "funding_instruments": draw(
                st.lists(codes(FundingInstrument), max_size=2, unique=True)
            ),
            "programming_period": draw(maybe(st.sampled_from(["2014-2020", "2021-2027"]))),
            "operational_programme": operational or None,
            "region_category": draw(maybe(codes(RegionCategory))),
            "periods": [
                draw(
                    st.one_of(
                        st.builds(
                            lambda period, status, source: drop_none(
                                {**period, "status": status, "source": source}
                            ),
                            periods(figures=figures),
                            maybe(codes(PeriodStatus)),
                            maybe(texts),
                        ),
                        v11.stated_periods(figures.dates, texts),
                    )
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "stated_duration": draw(maybe(stated_duration(figures=figures))),
            "organisations": [draw(organisation(oid)) for oid in org_ids],
            "partners": [
                drop_none(
                    {
                        "organisation": oid,
                        "role": draw(codes(PartnerRole)),
                        "period": draw(maybe(periods(figures=figures))),
                        "note": draw(maybe(texts)),
                    }
                )
                for oid in org_ids
            ],
            "stated_partner_count": draw(maybe(figures.counts)),
            "budget": budget or None,
            "target_groups": draw(st.lists(codes(TargetGroup), max_size=2)),
            "objectives": draw(st.lists(localized(), max_size=2)),
            "activities": [draw(activity(aid, org_ids, figures=figures)) for aid in activity_ids],
            "indicators": indicators,
            "locations": [
                drop_none(
                    {
                        "country": draw(maybe(countries)),
                        "region": draw(maybe(texts)),
                        "municipality": draw(maybe(texts)),
                        **v11.place_fields(draw, estimates(figures=figures)),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "sources": [
                drop_none(
                    {
                        "title": draw(maybe(texts)),
                        "url": draw(maybe(st.just("https://example.org/p"))),
                        "language": draw(maybe(languages)),
                        "retrieved": draw(maybe(figures.dates)),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "note": draw(maybe(texts)),
            **draw(
                v11.context_fields(
                    texts,
                    localized(),
                    estimates(figures=figures),
                    partial_dates(figures=figures),
                    countries,
                )
            ),
        }
    )


@st.composite
def programme_collections(draw: st.DrawFn) -> list[dict[str, object]]:
    """One to three rich programme documents with distinct ids, as a stream or tables hold."""
    docs = draw(st.lists(rich_programme_documents(), min_size=1, max_size=3))
    return [{**doc, "id": f"{i}-{doc['id']}"} for i, doc in enumerate(docs)]


def extreme_programme_documents() -> st.SearchStrategy[dict[str, object]]:
    """Valid documents with figures at the edges of what the models accept, as plain data.

    Like :func:`rich_programme_documents` with :data:`EXTREME` figures: amounts and counts of
    0, 10^-1000000 and 10^18 (the largest accepted), decimals with 40 digits, partner counts of
    10^30, dates at 0001-01-01 and 9999-12-31, periods of one day and open periods, zero
    participants. For properties such as "the report never raises".
    """
    return rich_programme_documents(figures=EXTREME)
