"""Strategies for programme documents that fill every table and every column, as plain data.

Wider than :func:`capacitylib.testing.programme_documents`: every field of every model is drawn
(or left out), with texts that are hard for flat formats (separators, quotes, a leading "=",
newlines, language tags such as ``pt-BR`` and ``no``) and decimals in every form (``0.00``,
``1E+3``). Optional objects are never empty and optional texts never ``""``: tables read an empty
cell as "not stated" (see docs/tables.md). Building blocks return JSON-ready values (dicts,
ISO text), not models.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from capacitylib import _tables
from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    FundingInstrument,
    FundingSourceKind,
    HoursUnit,
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

currencies = st.sampled_from(sorted(_tables.currencies()))
countries = st.sampled_from(sorted(_tables.countries()))

amounts = st.decimals(
    min_value=Decimal("-1e15"),
    max_value=Decimal("1e15"),
    allow_nan=False,
    allow_infinity=False,
    places=2,
)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def estimates(
    draw: st.DrawFn, values: st.SearchStrategy[Decimal] | None = None
) -> dict[str, object]:
    """An Estimate as plain data; ``values`` draws the bounds (default: :data:`quantities`)."""
    bounds = quantities if values is None else values
    low = draw(bounds)
    high = draw(st.one_of(st.just(low), bounds.map(lambda q: low + q)))
    return {"min": low, "max": high, "approximate": draw(st.booleans())}


@st.composite
def hours(draw: st.DrawFn) -> dict[str, object]:
    data = draw(estimates())
    unit = draw(st.sampled_from(list(HoursUnit)))
    data["unit"] = unit.value
    if unit is HoursUnit.ACADEMIC_HOUR and draw(st.booleans()):
        data["academic_hour_minutes"] = draw(st.sampled_from([40, 45, 50]))
    return data


@st.composite
def periods(draw: st.DrawFn, *, open_end: bool = True) -> dict[str, object]:
    start = draw(dates)
    if open_end and draw(st.booleans()):
        return {"start": start}
    return {"start": start, "end": start + timedelta(days=draw(st.integers(0, 4000)))}


@st.composite
def partial_dates(draw: st.DrawFn) -> str:
    d = draw(dates)
    form = draw(st.sampled_from(["y", "ym", "ymd", "md", "m"]))
    return {
        "y": f"{d.year:04d}",
        "ym": f"{d.year:04d}-{d.month:02d}",
        "ymd": d.isoformat(),
        "md": f"--{d.month:02d}-{d.day:02d}",
        "m": f"--{d.month:02d}",
    }[form]


def localized() -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(languages, texts, min_size=1, max_size=3)


TRICKY = [
    "a;b",
    "[not json",
    '["looks", "like json"]',
    "=SUM(A1:A3)",
    "+1",
    " leading and trailing ",
    'quote " and comma ,',
    "line one\nline two",
    "Šeima, ģimene, rodina",
    "true",
    "0001478",
    "2019-05",
]

texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
        ),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() != ""),
)
languages = st.sampled_from(["lt", "lv", "cs", "pl", "en", "no", "pt-BR", "de"])
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,12}", fullmatch=True)

quantities = st.one_of(
    st.sampled_from([Decimal("0"), Decimal("0.0"), Decimal("1E+3"), Decimal("2.50")]),
    st.decimals(min_value=0, max_value=Decimal("1e9"), allow_nan=False, places=3),
)
money_amounts = st.one_of(
    st.sampled_from([Decimal("0.00"), Decimal("43940212.00"), Decimal("0.1"), Decimal("1E+3")]),
    st.decimals(min_value=0, max_value=Decimal("1e15"), allow_nan=False, places=2),
)


def maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


def codes(enum: type) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])  # type: ignore[attr-defined]


@st.composite
def money(draw: st.DrawFn) -> dict[str, object]:
    return {"amount": draw(money_amounts), "currency": draw(currencies)}


def drop_none(data: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if v is not None and v != []}


@st.composite
def participation(draw: st.DrawFn, org_ids: list[str]) -> dict[str, object]:
    return drop_none(
        {
            "group": draw(codes(TargetGroup)),
            "count": draw(maybe(estimates())),
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
def stated_duration(draw: st.DrawFn) -> dict[str, object]:
    return drop_none(
        {"value": draw(estimates()), "unit": draw(codes(TimeUnit)), "text": draw(maybe(texts))}
    )


@st.composite
def activity(draw: st.DrawFn, activity_id: str, org_ids: list[str]) -> dict[str, object]:
    sessions = [
        drop_none(
            {
                "id": draw(maybe(ids)),
                "date": draw(partial_dates()),
                "status": draw(maybe(codes(ActivityStatus))),
                "hours": draw(maybe(hours())),
                "participants": draw(st.lists(participation(org_ids), max_size=2)),
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
            "period": draw(maybe(periods())),
            "dates": draw(st.lists(partial_dates(), max_size=2)),
            "stated_duration": draw(maybe(stated_duration())),
            "sessions_planned": draw(maybe(estimates())),
            "sessions_actual": draw(maybe(estimates())),
            "hours_per_session": draw(maybe(hours())),
            "hours_per_participant": draw(maybe(hours())),
            "frequency": draw(
                maybe(
                    st.builds(
                        lambda every, unit, text: drop_none(
                            {"every": every, "unit": unit, "text": text}
                        ),
                        estimates(),
                        codes(TimeUnit),
                        maybe(texts),
                    )
                )
            ),
            "groups": draw(maybe(estimates())),
            "participants": draw(st.lists(participation(org_ids), max_size=2)),
            "facilitators": draw(st.lists(st.sampled_from(org_ids), max_size=2)) if org_ids else [],
            "outputs": [
                drop_none(
                    {
                        "kind": draw(codes(OutputKind)),
                        "title": draw(maybe(localized())),
                        "quantity": draw(maybe(estimates())),
                        "unit": draw(maybe(codes(ReachUnit))),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "sessions": sessions,
            "locations": draw(st.lists(texts, max_size=2)),
            "note": draw(maybe(texts)),
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
        }
    )


@st.composite
def rich_programme_documents(draw: st.DrawFn) -> dict[str, object]:
    """A valid programme document that fills (or leaves out) every field, as plain data."""
    org_ids = [f"org-{i}" for i in range(draw(st.integers(0, 3)))]
    activity_ids = [f"act.{i}" for i in range(draw(st.integers(0, 3)))]
    budget = drop_none(
        {
            "total": draw(maybe(money())),
            "sources": [
                drop_none(
                    {
                        "kind": draw(codes(FundingSourceKind)),
                        "amount": draw(money()),
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
                        "amount": draw(money()),
                        "note": draw(maybe(texts)),
                    }
                )
                for oid in draw(st.lists(st.sampled_from(org_ids), max_size=2))
            ]
            if org_ids
            else [],
            "note": draw(maybe(texts)),
        }
    )
    operational = drop_none(
        {
            "name": draw(maybe(localized())),
            "code": draw(maybe(st.sampled_from(["2014CZ05M9OP001", "OP 2"]))),
        }
    )
    indicators = [
        drop_none(
            {
                "id": f"ind-{i}",
                "kind": draw(codes(IndicatorKind)),
                "name": draw(localized()),
                "unit": draw(codes(ReachUnit)),
                "target_group": draw(maybe(codes(TargetGroup))),
                "baseline": draw(maybe(estimates())),
                "target": draw(maybe(estimates())),
                "target_date": draw(maybe(partial_dates())),
                "actuals": [
                    drop_none(
                        {
                            "value": draw(estimates()),
                            "as_of": draw(partial_dates()),
                            "source": draw(maybe(texts)),
                        }
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ],
                "activity": draw(maybe(st.sampled_from(activity_ids))) if activity_ids else None,
                "note": draw(maybe(texts)),
            }
        )
        for i in range(draw(st.integers(0, 2)))
    ]
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
                drop_none(
                    {
                        **draw(periods()),
                        "status": draw(maybe(codes(PeriodStatus))),
                        "source": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "stated_duration": draw(maybe(stated_duration())),
            "organisations": [draw(organisation(oid)) for oid in org_ids],
            "partners": [
                drop_none(
                    {
                        "organisation": oid,
                        "role": draw(codes(PartnerRole)),
                        "period": draw(maybe(periods())),
                        "note": draw(maybe(texts)),
                    }
                )
                for oid in org_ids
            ],
            "stated_partner_count": draw(maybe(st.integers(0, 50))),
            "budget": budget or None,
            "target_groups": draw(st.lists(codes(TargetGroup), max_size=2)),
            "objectives": draw(st.lists(localized(), max_size=2)),
            "activities": [draw(activity(aid, org_ids)) for aid in activity_ids],
            "indicators": indicators,
            "locations": [
                drop_none(
                    {
                        "country": draw(maybe(countries)),
                        "region": draw(maybe(texts)),
                        "municipality": draw(maybe(texts)),
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
                        "retrieved": draw(maybe(dates)),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "note": draw(maybe(texts)),
        }
    )


@st.composite
def programme_collections(draw: st.DrawFn) -> list[dict[str, object]]:
    """One to three rich programme documents with distinct ids, as a stream or tables hold."""
    docs = draw(st.lists(rich_programme_documents(), min_size=1, max_size=3))
    return [{**doc, "id": f"{i}-{doc['id']}"} for i, doc in enumerate(docs)]
