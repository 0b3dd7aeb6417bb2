"""Strategies for the results framework: reporting periods, breakdowns, relations of indicators.

They draw plain data (what a document holds) that loads as a valid :class:`Indicator`; the
figures may disagree with each other (a part above its whole, a subset above its parent) as
real reports do, so that the rules have something to find.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from capacitylib.codelists import (
    BreakdownDimension,
    Gender,
    IndicatorKind,
    IndicatorMeasure,
    LabourMarketStatus,
    TargetGroup,
)
from capacitylib.testing._plain import drop_none, maybe

_AGE_BANDS = ("<18", "18-29", "30-54", "55+", "18-24", "25-64", "65+")
_REGIONS = ("Vidzeme", "Latgale", "Moravskoslezský kraj", "Vilniaus apskritis", "LT011")
_CATEGORIES: dict[BreakdownDimension, tuple[str, ...]] = {
    BreakdownDimension.GENDER: tuple(g.value for g in Gender),
    BreakdownDimension.LABOUR_MARKET_STATUS: tuple(s.value for s in LabourMarketStatus),
    BreakdownDimension.TARGET_GROUP: tuple(t.value for t in TargetGroup),
    BreakdownDimension.AGE: _AGE_BANDS,
    BreakdownDimension.REGION: _REGIONS,
    BreakdownDimension.OTHER: ("first-time", "returning", "managers"),
}


@st.composite
def breakdowns(
    draw: st.DrawFn, *, estimate: st.SearchStrategy[Any], max_size: int = 2
) -> list[dict[str, Any]]:
    """Breakdowns of one figure, at most one per dimension, with distinct categories."""
    dimensions = draw(
        st.lists(st.sampled_from(list(BreakdownDimension)), unique=True, max_size=max_size)
    )
    drawn = []
    for by in dimensions:
        categories = draw(
            st.lists(st.sampled_from(_CATEGORIES[by]), unique=True, min_size=1, max_size=3)
        )
        drawn.append(
            drop_none(
                {
                    "by": by.value,
                    "parts": [{"category": c, "value": draw(estimate)} for c in categories],
                    "complete": draw(maybe(st.booleans())),
                }
            )
        )
    return drawn


@st.composite
def indicator_periods(
    draw: st.DrawFn,
    *,
    estimate: st.SearchStrategy[Any],
    localized: st.SearchStrategy[Any],
    texts: st.SearchStrategy[Any],
    qualitative: bool = False,
    max_size: int = 3,
) -> list[dict[str, Any]]:
    """Reporting periods, each a year or a span of years or months, with a target and/or actual."""
    periods = []
    for _ in range(draw(st.integers(0, max_size))):
        year = draw(st.integers(2014, 2030))
        start, end = draw(
            st.sampled_from(
                [
                    (str(year), None),
                    (f"{year}-01", f"{year}-06"),
                    (f"{year}-01-01", f"{year + 1}-12-31"),
                    (str(year), str(year + 1)),
                ]
            )
        )

        def figure(actual: bool, year: int = year) -> dict[str, Any]:
            value = None if qualitative and draw(st.booleans()) else draw(estimate)
            narrative = draw(localized) if value is None else draw(maybe(localized))
            data = {
                "value": value,
                "breakdowns": draw(breakdowns(estimate=estimate)) if value is not None else [],
                "narrative": narrative,
                "note": draw(maybe(texts)),
            }
            if actual:
                data["as_of"] = draw(maybe(st.sampled_from([f"{year}-12", f"{year}-06-30"])))
                data["source"] = draw(maybe(texts))
            return drop_none(data)

        which = draw(st.sampled_from(["target", "actual", "both", "both"]))
        periods.append(
            drop_none(
                {
                    "start": start,
                    "end": end,
                    "target": figure(False) if which in ("target", "both") else None,
                    "actual": figure(True) if which in ("actual", "both") else None,
                }
            )
        )
    return periods


@st.composite
def results_fields(
    draw: st.DrawFn,
    *,
    index: int,
    kind: str,
    estimate: st.SearchStrategy[Any],
    localized: st.SearchStrategy[Any],
    texts: st.SearchStrategy[Any],
    earlier: list[dict[str, Any]],
) -> dict[str, Any]:
    """The results-framework fields of the ``index``-th indicator of a document.

    ``earlier`` are the indicators drawn before it (so that ``subset_of`` and
    ``follows_from`` name existing ids and never form a cycle).
    """
    measure = draw(
        st.sampled_from(
            [IndicatorMeasure.UNIT] * 4
            + [IndicatorMeasure.PERCENTAGE, IndicatorMeasure.RATIO, IndicatorMeasure.QUALITATIVE]
        )
    )
    outputs = [i["id"] for i in earlier if i.get("kind") == IndicatorKind.OUTPUT.value]
    same_unit = [
        i["id"]
        for i in earlier
        if i.get("measure", "unit") == measure.value and measure is not IndicatorMeasure.QUALITATIVE
    ]
    fields: dict[str, Any] = {
        "measure": None if measure is IndicatorMeasure.UNIT else measure.value,
        "baseline_as_of": draw(maybe(st.sampled_from(["2014", "2019-12-31", "2020-06"]))),
        "baseline_source": draw(maybe(texts)),
        "target_breakdowns": draw(breakdowns(estimate=estimate)) or None,
        "periods": draw(
            indicator_periods(
                estimate=estimate,
                localized=localized,
                texts=texts,
                qualitative=measure is IndicatorMeasure.QUALITATIVE,
            )
        )
        or None,
        "common_indicator": draw(maybe(st.sampled_from(["EECO01", "EECR03", "CO01", "X-1"]))),
        "subset_of": draw(maybe(st.sampled_from(same_unit))) if same_unit else None,
        "follows_from": draw(st.lists(st.sampled_from(outputs), unique=True, max_size=2))
        if outputs and kind == IndicatorKind.RESULT.value
        else None,
    }
    return drop_none(fields)


__all__ = ["breakdowns", "indicator_periods", "results_fields"]
