"""Strategy pieces for the fields format 1.1 added, as plain data (used by ``_rich``).

Stated periods to the month or year or with one end, funding shares, extensions, measures,
related programmes, stated counts, partner groups, target-group statements and unit costs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from capacitylib.codelists import (
    CountSubject,
    MeasureLevel,
    OrganisationKind,
    PartnerRole,
    PeriodStatus,
    PlaceKind,
    ProgrammeRelation,
    ProgrammeStatus,
    ReachUnit,
    TargetGroup,
    TargetRole,
    TaxBasis,
)
from capacitylib.testing._plain import codes, drop_none, maybe

#: Shares as sources state them: 0, 1, "0.85", four places at most.
shares = st.one_of(
    st.sampled_from([Decimal("0"), Decimal("0.85"), Decimal("0.10"), Decimal("1")]),
    st.decimals(min_value=0, max_value=1, places=4, allow_nan=False),
)

_json_numbers = st.one_of(
    st.integers(-(10**15), 10**15),
    st.decimals(
        min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=3, allow_nan=False
    ).filter(lambda d: d != d.to_integral_value()),
)
_json_scalars = st.one_of(st.none(), st.booleans(), st.text(max_size=10), _json_numbers)
#: Any JSON value an extension may hold (numbers exact).
json_values = st.recursive(
    _json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3),
    ),
    max_leaves=8,
)
_namespaces = st.from_regex(r"[a-z][a-z0-9_.\-]{0,10}", fullmatch=True)


def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """An ``extensions`` mapping: namespace -> any JSON."""
    return st.dictionaries(_namespaces, json_values, max_size=2)


def _period_end(value: date, form: str) -> str:
    if form == "y":
        return f"{value.year:04d}"
    if form == "ym":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


@st.composite
def stated_periods(
    draw: st.DrawFn, dates: st.SearchStrategy[date], texts: st.SearchStrategy[str]
) -> dict[str, object]:
    """A stated period: each end to the day, month or year, or absent (not both)."""
    first, last = sorted((draw(dates), draw(dates)))
    forms = st.sampled_from(["y", "ym", "ymd"])
    shape = draw(st.sampled_from(["both", "start", "end"]))
    start = _period_end(first, draw(forms)) if shape != "end" else None
    end = _period_end(last, draw(forms)) if shape != "start" else None
    when = st.builds(_period_end, dates, forms)
    return drop_none(
        {
            "start": start,
            "end": end,
            "status": draw(maybe(codes(PeriodStatus))),
            "source": draw(maybe(texts)),
            "url": draw(maybe(st.just("https://example.org/decision?id=1"))),
            "stated_on": draw(maybe(when)),
            "effective_from": draw(maybe(when)),
        }
    )


@st.composite
def context_fields(  # noqa: PLR0917 - the building blocks of _rich, passed in
    draw: st.DrawFn,
    texts: st.SearchStrategy[str],
    localized: st.SearchStrategy[dict[str, str]],
    estimates: st.SearchStrategy[dict[str, object]],
    partial_dates: st.SearchStrategy[str],
    countries: st.SearchStrategy[str],
) -> dict[str, object]:
    """The programme-level fields of format 1.1 (every one drawn or left out)."""
    measure_codes = st.sampled_from(["9.2.6", "4.3.1.1", "05-001-01-05-01", "Działanie 9.1"])
    return drop_none(
        {
            "short_name": draw(maybe(texts.filter(lambda t: len(t) <= 100))),
            "measures": [
                drop_none(
                    {
                        "level": draw(codes(MeasureLevel)),
                        "code": code,
                        "code_scheme": draw(maybe(st.just("other"))),
                        "name": draw(localized) if code is None or draw(st.booleans()) else None,
                    }
                )
                for code in draw(st.lists(maybe(measure_codes), max_size=2))
            ],
            "related_programmes": [
                drop_none(
                    {
                        "relation": draw(codes(ProgrammeRelation)),
                        "programme": draw(maybe(st.just("phase-1"))),
                        "code": draw(maybe(st.just("9.2.1.1/15/I/001"))),
                        "title": draw(localized),
                        "url": draw(maybe(st.just("https://example.org/phase-1"))),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "approved_on": draw(maybe(partial_dates)),
            "status": draw(maybe(codes(ProgrammeStatus))),
            "status_as_of": draw(maybe(partial_dates)),
            "stated_counts": draw(
                st.lists(stated_counts(texts, estimates, partial_dates), max_size=2)
            ),
            "partner_groups": [
                drop_none(
                    {
                        "description": draw(localized),
                        "role": draw(codes(PartnerRole)),
                        "kind": draw(maybe(codes(OrganisationKind))),
                        "count": draw(maybe(estimates)),
                        "country": draw(maybe(countries)),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "target_group_statements": [
                drop_none(
                    {
                        "text": draw(localized),
                        "role": draw(codes(TargetRole)),
                        "group": draw(maybe(codes(TargetGroup))),
                        "count": draw(maybe(estimates)),
                        "unit": draw(maybe(codes(ReachUnit))),
                        "note": draw(maybe(texts)),
                    }
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            "eligibility": draw(st.lists(localized, max_size=2)),
            "extensions": draw(extensions()),
        }
    )


@st.composite
def stated_counts(
    draw: st.DrawFn,
    texts: st.SearchStrategy[str],
    estimates: st.SearchStrategy[dict[str, object]],
    partial_dates: st.SearchStrategy[str],
) -> dict[str, object]:
    """A count as one source states it."""
    return drop_none(
        {
            "subject": draw(codes(CountSubject)),
            "value": draw(estimates),
            "source": draw(maybe(texts)),
            "url": draw(maybe(st.just("https://example.org/p"))),
            "stated_on": draw(maybe(partial_dates)),
            "note": draw(maybe(texts)),
        }
    )


@st.composite
def unit_costs(
    draw: st.DrawFn,
    texts: st.SearchStrategy[str],
    localized: st.SearchStrategy[dict[str, str]],
    money: st.SearchStrategy[dict[str, object]],
) -> dict[str, object]:
    """A unit-cost rule."""
    return drop_none(
        {
            "item": draw(localized),
            "amount": draw(money),
            "per": draw(texts.filter(lambda t: len(t) <= 100)),
            "ceiling": draw(st.booleans()) or None,
            "tax": draw(maybe(codes(TaxBasis))),
            "note": draw(maybe(texts)),
        }
    )


def place_fields(
    draw: st.DrawFn, estimates: st.SearchStrategy[dict[str, object]]
) -> dict[str, object]:
    """``place_kind`` and ``place_count`` of a location."""
    return drop_none(
        {
            "place_kind": draw(maybe(codes(PlaceKind))),
            "place_count": draw(maybe(estimates)),
        }
    )


__all__ = [
    "context_fields",
    "extensions",
    "json_values",
    "place_fields",
    "shares",
    "stated_counts",
    "stated_periods",
    "unit_costs",
]
