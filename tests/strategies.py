"""Hypothesis strategies for the core value types and small valid programmes (test-local)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from capacitylib import _tables
from capacitylib.codelists import ActivityKind, HoursUnit, ReachUnit, TargetGroup

currencies = st.sampled_from(sorted(_tables.currencies()))
countries = st.sampled_from(sorted(_tables.countries()))
languages = st.sampled_from(["lt", "lv", "cs", "pl", "en", "et", "no", "de"])

amounts = st.decimals(
    min_value=Decimal("-1e15"),
    max_value=Decimal("1e15"),
    allow_nan=False,
    allow_infinity=False,
    places=2,
)
quantities = st.decimals(
    min_value=Decimal(0),
    max_value=Decimal("1e9"),
    allow_nan=False,
    allow_infinity=False,
    places=3,
)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")


@st.composite
def estimates(draw: st.DrawFn) -> dict[str, object]:
    low = draw(quantities)
    high = draw(st.one_of(st.just(low), quantities.map(lambda q: low + q)))
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


@st.composite
def programmes(draw: st.DrawFn) -> dict[str, object]:
    """A valid programme document as plain data, with resolving references."""
    n_orgs = draw(st.integers(0, 3))
    org_ids = [f"org-{i}" for i in range(n_orgs)]
    currency = draw(currencies)
    doc: dict[str, object] = {
        "id": draw(st.from_regex(r"[a-z][a-z0-9\-]{0,20}", fullmatch=True)),
        "title": draw(localized()),
        "country": draw(countries),
        "organisations": [{"id": oid, "name": draw(localized()), "kind": "ngo"} for oid in org_ids],
        "partners": [{"organisation": oid, "role": "partner"} for oid in org_ids],
        "periods": [draw(periods())],
        "budget": {
            "total": {"amount": draw(amounts.map(abs)), "currency": currency},
            "lines": [
                {
                    "organisation": oid,
                    "amount": {"amount": draw(amounts.map(abs)), "currency": currency},
                }
                for oid in org_ids
            ],
        },
        "activities": [
            {
                "id": f"act-{i}",
                "kind": draw(st.sampled_from(list(ActivityKind))).value,
                "sessions_actual": draw(estimates()),
                "hours_per_session": draw(hours()),
                "dates": draw(st.lists(partial_dates(), max_size=2)),
                "participants": [
                    {
                        "group": draw(st.sampled_from(list(TargetGroup))).value,
                        "count": draw(estimates()),
                        "unit": draw(st.sampled_from(list(ReachUnit))).value,
                        "organisations": draw(st.lists(st.sampled_from(org_ids), max_size=2))
                        if org_ids
                        else [],
                    }
                ],
            }
            for i in range(draw(st.integers(0, 3)))
        ],
    }
    return doc
