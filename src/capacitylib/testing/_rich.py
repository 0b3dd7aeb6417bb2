"""Strategies for programme documents that fill every table and every column, as plain data.

Wider than :func:`capacitylib.testing.programme_documents`: every field of every model is drawn
(or left out), with texts that are hard for flat formats (separators, quotes, a leading "=",
newlines, language tags such as ``pt-BR`` and ``no``) and decimals in every form (``0.00``,
``1E+3``). Optional objects are never empty and optional texts never ``""``: tables read an empty
cell as "not stated" (see docs/tables.md). Building blocks return JSON-ready values (dicts,
ISO text), not models.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from capacitylib.testing import _format11 as v11
from capacitylib.testing._results import results_fields

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
    draw: st.DrawFn,
    values: st.SearchStrategy[Decimal] | None = None,
    *,
    figures: Figures | None = None,
) -> dict[str, object]:
    """An Estimate as plain data; ``values`` draws the bounds (default: :data:`quantities`).

    Ordinary figures draw ``max`` as ``min`` plus a quantity; extreme ones draw both bounds
    from :attr:`Figures.quantities` and order them, so that ``max`` stays within the limit.
    """
    if values is None and draw(st.integers(0, 7)) == 0:
        # "at least 30", "up to 200": figures with one bound (format 1.1).
        return draw(v11.open_estimates((figures or ORDINARY).quantities))
    if figures is not None and figures.extreme:
        low, high = sorted((draw(figures.quantities), draw(figures.quantities)))
        high = draw(st.sampled_from([low, high]))
        return {"min": low, "max": high, "approximate": draw(st.booleans())}
    bounds = (quantities if figures is None else figures.quantities) if values is None else values
    low = draw(bounds)
    high = draw(st.one_of(st.just(low), bounds.map(lambda q: low + q)))
    return {"min": low, "max": high, "approximate": draw(st.booleans())}


@st.composite
def hours(draw: st.DrawFn, *, figures: Figures | None = None) -> dict[str, object]:
    figures = figures or ORDINARY
    data = draw(estimates(figures=figures))
    unit = draw(st.sampled_from(list(HoursUnit)))
    data["unit"] = unit.value
    if unit is HoursUnit.ACADEMIC_HOUR and draw(st.booleans()):
        data["academic_hour_minutes"] = draw(figures.academic_hour_minutes)
    return data


@st.composite
def periods(
    draw: st.DrawFn, *, open_end: bool = True, figures: Figures | None = None
) -> dict[str, object]:
    figures = figures or ORDINARY
    start = draw(figures.dates)
    if open_end and draw(st.booleans()):
        return {"start": start}
    if figures.extreme:
        # One day, a day more, or up to the end of the calendar.
        room = (date.max - start).days
        days = draw(st.one_of(st.sampled_from([0, min(1, room), room]), st.integers(0, room)))
        return {"start": start, "end": start + timedelta(days=days)}
    return {"start": start, "end": start + timedelta(days=draw(st.integers(0, 4000)))}


@st.composite
def partial_dates(draw: st.DrawFn, *, figures: Figures | None = None) -> str:
    d = draw((figures or ORDINARY).dates)
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


@dataclass(frozen=True, slots=True)
class Figures:
    """How the document strategies draw numbers and dates: :data:`ORDINARY` or :data:`EXTREME`.

    ``extreme`` also changes the shapes: estimates draw both bounds from ``quantities`` (rather
    than ``min`` plus a quantity) and periods run from one day to the end of the calendar.

    >>> from dataclasses import replace
    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], database=None)  # the first example, unshrunk
    >>> small_money = replace(ORDINARY, money_amounts=st.just(Decimal("0.01")))
    >>> documents = rich_programme_documents(figures=small_money)
    >>> find(documents, lambda d: "budget" in d, settings=quick) is not None
    True
    """

    quantities: st.SearchStrategy[Decimal]
    money_amounts: st.SearchStrategy[Decimal]
    dates: st.SearchStrategy[date]
    counts: st.SearchStrategy[int]
    academic_hour_minutes: st.SearchStrategy[int]
    extreme: bool = False


#: The field's figures: amounts to 10^15, quantities to 10^9, dates 1990-2060.
ORDINARY = Figures(
    quantities=quantities,
    money_amounts=money_amounts,
    dates=dates,
    counts=st.integers(0, 50),
    academic_hour_minutes=st.sampled_from([40, 45, 50]),
)

_LIMIT = Decimal("1e18")  # capacitylib.values._decimal.DECIMAL_LIMIT, the largest accepted
_EDGE_DECIMALS = [
    Decimal(0),
    Decimal("0E-30"),
    Decimal("1E-1000000"),  # below the default context's smallest exponent
    Decimal("1E-28"),
    Decimal("0.000000000000000001"),
    Decimal("0.1234567890123456789012345678901234567890"),  # more digits than 28
    Decimal(1),
    Decimal("7"),
    Decimal("1E+15"),
    Decimal("999999999999999999.999999999999"),
    Decimal(10**18 - 1),
    Decimal(10**18),
    _LIMIT,
]
_extreme_decimals = st.one_of(
    st.sampled_from(_EDGE_DECIMALS),
    st.integers(0, 10**18).map(Decimal),
    st.decimals(min_value=0, max_value=_LIMIT, allow_nan=False, allow_infinity=False),
)

#: The edges of what the models accept: 0, 10^-1000000, 10^18 (the limit), 40-digit decimals,
#: counts of 10^30, 0001-01-01 and 9999-12-31, academic hours of 1 and 120 minutes.
EXTREME = Figures(
    quantities=_extreme_decimals,
    money_amounts=_extreme_decimals,
    dates=st.one_of(
        st.sampled_from([date.min, date(1, 1, 2), date(2000, 2, 29), date(9999, 12, 30), date.max]),
        st.dates(),
    ),
    counts=st.one_of(st.sampled_from([0, 1, 10**18, 10**30]), st.integers(0, 10**40)),
    academic_hour_minutes=st.sampled_from([1, 40, 45, 119, 120]),
    extreme=True,
)


def maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


def codes(enum: type) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])  # type: ignore[attr-defined]


@st.composite
def money(draw: st.DrawFn, *, figures: Figures | None = None) -> dict[str, object]:
    amount = draw((figures or ORDINARY).money_amounts)
    return {"amount": amount, "currency": draw(currencies)}


def drop_none(data: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if v is not None and v != []}


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
