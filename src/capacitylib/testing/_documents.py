"""Strategies for whole programmes: valid ones and ones that break exactly one rule."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from capacitylib import _tables
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
    TargetGroup,
)
from capacitylib.io.documents import to_document
from capacitylib.models import Programme
from capacitylib.testing._rich import extreme_programme_documents
from capacitylib.testing._values import (
    LANGUAGES,
    estimates,
    hours,
    localized_texts,
    non_blank_text,
    partial_dates,
)
from capacitylib.values import Money

_CODES = [s.example for s in _tables.code_schemes()] + ["PROJ-2020/17"]
_EU_COUNTRIES = ["LT", "LV", "CZ", "PL", "EE", "SK", "SI", "HR", "RO", "BG", "HU", "DE"]
_MUNICIPALITIES = ["Visaginas", "Daugavpils", "Tukuma novads", "Ostrava", "Kaunas", "Rīga"]


def _text(languages: Sequence[str]) -> st.SearchStrategy[dict[str, str]]:
    return localized_texts(languages=languages).map(lambda t: dict(t.root))


@st.composite
def _date_within(draw: st.DrawFn, start: date, end: date) -> date:
    return start + timedelta(days=draw(st.integers(0, (end - start).days)))


@st.composite
def _participation(
    draw: st.DrawFn, org_ids: Sequence[str], languages: Sequence[str]
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "group": draw(st.sampled_from(list(TargetGroup))),
        "unit": draw(st.sampled_from(list(ReachUnit))),
        "unique": draw(st.booleans()),
    }
    if draw(st.booleans()):
        data["count"] = draw(estimates(max_value=500))
    if org_ids:
        data["organisations"] = draw(st.lists(st.sampled_from(list(org_ids)), max_size=2))
    data["municipalities"] = draw(st.lists(st.sampled_from(_MUNICIPALITIES), max_size=3))
    return data


@st.composite
def _activity(
    draw: st.DrawFn,
    index: int,
    span: tuple[date, date],
    org_ids: Sequence[str],
    languages: Sequence[str],
) -> dict[str, Any]:
    start = draw(_date_within(*span))
    end = draw(_date_within(start, span[1]))
    data: dict[str, Any] = {
        "id": f"activity-{index}",
        "kind": draw(st.sampled_from(list(ActivityKind))),
        "status": draw(st.sampled_from([None, *ActivityStatus])),
        "title": draw(_text(languages)),
        "period": {"start": start, "end": end},
        "sessions_actual": draw(st.none() | estimates(max_value=200)),
        "hours_per_session": draw(st.none() | hours(max_value=8)),
        "hours_per_participant": draw(st.none() | hours(max_value=120)),
        "participants": draw(st.lists(_participation(org_ids, languages), max_size=3)),
        "facilitators": draw(st.lists(st.sampled_from(list(org_ids)), max_size=1))
        if org_ids
        else [],
        "outputs": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"kind": st.sampled_from(list(OutputKind))},
                    optional={"quantity": estimates(max_value=1000), "unit": st.just("copies")},
                ),
                max_size=2,
            )
        ),
        "sessions": [
            {
                "date": draw(_date_within(start, end)),
                "hours": draw(st.none() | hours(max_value=8)),
                "participants": draw(st.lists(_participation(org_ids, languages), max_size=1)),
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
        "dates": draw(st.lists(partial_dates(yearless=False), max_size=2)),
    }
    return {k: v for k, v in data.items() if v is not None}


@st.composite
def programme_documents(
    draw: st.DrawFn,
    *,
    max_activities: int = 4,
    max_organisations: int = 4,
    max_indicators: int = 3,
    languages: Sequence[str] = LANGUAGES,
    currencies: Sequence[str] = ("EUR", "CZK", "PLN"),
) -> dict[str, Any]:
    """Valid programme documents as plain JSON-ready data (what a file holds).

    References resolve, dates of partners, activities and sessions lie within the programme
    period, and the funding sources add up to the budget total in one currency.
    """
    programme_start = draw(st.dates(min_value=date(2004, 1, 1), max_value=date(2030, 1, 1)))
    programme_end = programme_start + timedelta(days=draw(st.integers(30, 2500)))
    span = (programme_start, programme_end)
    n_orgs = draw(st.integers(0, max_organisations))
    org_ids = [f"org-{i}" for i in range(n_orgs)]
    currency = draw(st.sampled_from(list(currencies)))
    total = Money(
        amount=draw(st.decimals(min_value=0, max_value=10**9, places=2)), currency=currency
    ).rounded()
    kinds = draw(st.lists(st.sampled_from(list(FundingSourceKind)), min_size=1, max_size=3))
    weights = draw(st.lists(st.integers(1, 100), min_size=len(kinds), max_size=len(kinds)))
    shares = total.allocate(weights) if total.amount > 0 else [total for _ in kinds]
    activities = [
        draw(_activity(i, span, org_ids, languages))
        for i in range(draw(st.integers(0, max_activities)))
    ]
    activity_ids = [a["id"] for a in activities]
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z][a-z0-9\-]{0,20}", fullmatch=True)),
        "code": draw(st.none() | st.sampled_from(_CODES)),
        "title": draw(_text(languages)),
        "country": draw(st.sampled_from(_EU_COUNTRIES)),
        "funding_instruments": draw(st.lists(st.sampled_from(list(FundingInstrument)), max_size=2)),
        "periods": [
            {
                "start": programme_start,
                "end": programme_end,
                "status": draw(st.sampled_from([None, *PeriodStatus])),
            }
        ],
        "organisations": [
            {
                "id": oid,
                "name": draw(_text(languages)),
                "kind": draw(st.sampled_from(list(OrganisationKind))),
                "country": draw(st.sampled_from(_EU_COUNTRIES)),
            }
            for oid in org_ids
        ],
        "partners": [
            {
                "organisation": oid,
                "role": draw(st.sampled_from(list(PartnerRole))),
                "period": {"start": draw(_date_within(*span)), "end": programme_end},
            }
            for oid in org_ids
        ],
        "budget": {
            "total": total,
            "sources": [
                {"kind": kind, "amount": share} for kind, share in zip(kinds, shares, strict=True)
            ],
        },
        "target_groups": draw(st.lists(st.sampled_from(list(TargetGroup)), max_size=3)),
        "activities": activities,
        "indicators": [
            {
                "id": f"indicator-{i}",
                "kind": draw(st.sampled_from(list(IndicatorKind))),
                "name": draw(_text(languages)),
                "unit": draw(st.sampled_from(list(ReachUnit))),
                "target": draw(estimates(max_value=5000)),
                "actuals": [
                    {"value": draw(estimates(max_value=5000)), "as_of": draw(_date_within(*span))}
                ]
                if draw(st.booleans())
                else [],
                **({"activity": draw(st.sampled_from(activity_ids))} if activity_ids else {}),
            }
            for i in range(draw(st.integers(0, max_indicators)))
        ],
        "sources": [
            {"title": draw(non_blank_text(40)), "language": draw(st.sampled_from(LANGUAGES))}
        ],
        "note": draw(st.none() | non_blank_text(200)),
    }
    data = {k: v for k, v in data.items() if v is not None}
    return to_document(Programme.model_validate(data))


def programmes(**kwargs: Any) -> st.SearchStrategy[Programme]:
    """Valid :class:`~capacitylib.Programme` models; options as for :func:`programme_documents`."""
    return programme_documents(**kwargs).map(Programme.model_validate)


@dataclass(frozen=True)
class NearlyValid:
    """A document that breaks exactly one rule, with the code and path a validator must report.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], database=None)  # the first example, unshrunk
    >>> cases = nearly_valid_documents(codes=["money_negative"])
    >>> case = find(cases, lambda c: True, settings=quick)
    >>> case.code, case.path
    ('money_negative', 'budget.total')
    """

    document: dict[str, Any]
    code: str
    path: str


def _ensure_activity(doc: dict[str, Any]) -> dict[str, Any]:
    if not doc.get("activities"):
        doc["activities"] = [{"id": "activity-x", "kind": "seminar"}]
    activity: dict[str, Any] = doc["activities"][0]
    return activity


def _break_period(doc: dict[str, Any]) -> str:
    period = doc["periods"][0]
    start = date.fromisoformat(period["start"])
    period["end"] = (start - timedelta(days=1)).isoformat()
    return "periods[0]"


def _break_estimate(doc: dict[str, Any]) -> str:
    _ensure_activity(doc)["sessions_actual"] = {"min": 5, "max": 2}
    return "activities[0].sessions_actual"


def _break_money(doc: dict[str, Any]) -> str:
    doc["budget"]["total"]["amount"] = "-1.00"
    return "budget.total"


def _break_reference(doc: dict[str, Any]) -> str:
    doc.setdefault("partners", []).insert(0, {"organisation": "no-such-org", "role": "partner"})
    return "partners[0].organisation"


def _break_unknown_field(doc: dict[str, Any]) -> str:
    doc["colour"] = "red"
    return "colour"


def _break_currency(doc: dict[str, Any]) -> str:
    doc["budget"]["total"]["currency"] = "XYZ"
    return "budget.total.currency"


def _break_country(doc: dict[str, Any]) -> str:
    doc["country"] = "XX"
    return "country"


def _break_partial_date(doc: dict[str, Any]) -> str:
    _ensure_activity(doc)["dates"] = ["2019-02-30"]
    return "activities[0].dates[0]"


def _break_enum(doc: dict[str, Any]) -> str:
    _ensure_activity(doc)["kind"] = "seminr"
    return "activities[0].kind"


def _break_required(doc: dict[str, Any]) -> str:
    del doc["title"]
    return "title"


def _break_hours_unit(doc: dict[str, Any]) -> str:
    _ensure_activity(doc)["hours_per_session"] = {
        "min": 2,
        "unit": "clock_hour",
        "academic_hour_minutes": 45,
    }
    return "activities[0].hours_per_session"


#: Every rule :func:`nearly_valid_documents` can break, by the error code it must produce.
BREAKERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "period_end_before_start": _break_period,
    "estimate_min_above_max": _break_estimate,
    "money_negative": _break_money,
    "reference_unresolved": _break_reference,
    "field_unknown": _break_unknown_field,
    "currency_unknown": _break_currency,
    "country_unknown": _break_country,
    "partial_date_invalid": _break_partial_date,
    "enum": _break_enum,
    "field_required": _break_required,
    "hours_minutes_without_academic_unit": _break_hours_unit,
}


def nearly_valid_documents(
    *, codes: Sequence[str] | None = None, **kwargs: Any
) -> st.SearchStrategy[NearlyValid]:
    """A valid document with exactly one rule broken; ``codes`` limits which rules.

    Validating ``.document`` must fail with exactly one problem: ``.code`` at ``.path``.
    Options other than ``codes`` go to :func:`programme_documents`.
    """
    wanted = sorted(BREAKERS) if codes is None else list(codes)
    unknown = set(wanted) - set(BREAKERS)
    if unknown or not wanted:
        raise ValueError(f"no breaker for {sorted(unknown)}; known: {sorted(BREAKERS)}")
    return _nearly_valid(wanted, kwargs)


@st.composite
def _nearly_valid(draw: st.DrawFn, wanted: list[str], kwargs: dict[str, Any]) -> NearlyValid:
    code = draw(st.sampled_from(wanted))
    document = copy.deepcopy(draw(programme_documents(**kwargs)))
    path = BREAKERS[code](document)
    return NearlyValid(document=document, code=code, path=path)


def extreme_programmes() -> st.SearchStrategy[Programme]:
    """Valid :class:`~capacitylib.Programme` models with figures at the edges of the models.

    Validated :func:`~capacitylib.testing.extreme_programme_documents`: amounts and counts up
    to 10^18, decimals down to 10^-1000000, dates at 0001-01-01 and 9999-12-31.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate], database=None)  # the first example, unshrunk
    >>> found = find(extreme_programmes(), lambda p: p.budget is not None, settings=quick)
    >>> found.budget is not None
    True
    """
    return extreme_programme_documents().map(Programme.model_validate)
