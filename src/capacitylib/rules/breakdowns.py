"""Breakdowns of indicator figures against the figure they split (the whole).

Every breakdown is checked: of the total target (``target_breakdowns``, whole ``target``), of a
period's target or actual (whole: that figure's ``value``) and of a format 1.0 actual.

* **Categories** (any measure): the parts of one breakdown are disjoint categories, so two age
  bands sharing an age (``18-29`` and ``25-64``) are reported, and so is ``long_term_unemployed``
  beside ``unemployed`` in a complete breakdown (the long-term unemployed are unemployed). In a
  partial ("of whom") breakdown both may be stated, as ESF+ asks for both.
* **No whole**: a breakdown of a figure without a value (a qualitative figure, or
  ``target_breakdowns`` without ``target``) cannot be checked. A count stated in words only is
  ``indicator_narrative_without_value`` already and not reported again.
* **Parts and sums** (counts only, measure ``unit``: a percentage or ratio of a subgroup is not a
  part of the whole's): a part is above the whole when its minimum is above the whole's maximum;
  a complete breakdown's parts cannot add up to the whole when the interval of their sum and the
  whole's interval share no value (an open bound reaches every value); a partial breakdown's
  parts exceed the whole in sum when the sum's minimum is above the whole's maximum, judged only
  for dimensions whose categories are disjoint by definition: gender, age bands that do not
  overlap, labour-market status (the long-term unemployed left out when the unemployed are
  stated). Target groups, regions and other categories may nest (families, families at social
  risk), so their partial sums are not judged. Approximate figures are widened by
  ``RuleOptions.approximate_margin``; a sum that cannot be computed exactly is not judged. One
  mistake, one finding: a breakdown with a part above the whole, or with overlapping categories,
  is not judged on its sum.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

from capacitylib.codelists import BreakdownDimension, IndicatorMeasure, LabourMarketStatus
from capacitylib.errors import Loc, Problem, format_path
from capacitylib.models import Indicator, Programme
from capacitylib.models.breakdown import Breakdown, age_band_bounds
from capacitylib.rules._bounds import exact_sum, exceeds, overlap, text, widened
from capacitylib.rules._context import Context, Findings, finding, quoted
from capacitylib.values import Estimate

_UNEMPLOYED = LabourMarketStatus.UNEMPLOYED.value
_LONG_TERM = LabourMarketStatus.LONG_TERM_UNEMPLOYED.value

#: Dimensions whose categories never overlap (age bands: when checked not to).
_DISJOINT = frozenset(
    {BreakdownDimension.GENDER, BreakdownDimension.AGE, BreakdownDimension.LABOUR_MARKET_STATUS}
)

#: A breakdown with where it is, its whole and where that is; ``narrated``: the whole is a
#: figure that could have had a value (a period's target or actual) but states words only.
Place = tuple[Loc, Breakdown, Estimate | None, Loc, bool]


def check_breakdowns(programme: Programme, ctx: Context) -> Findings:
    """Findings ``breakdown_*`` of one programme."""
    for i, indicator in enumerate(programme.indicators):
        counts = indicator.measure is IndicatorMeasure.UNIT
        for at, breakdown, whole, whole_at, narrated in _places(indicator, ("indicators", i)):
            overlapping = yield from _categories(breakdown, at)
            if whole is None:
                if not (narrated and indicator.measure is not IndicatorMeasure.QUALITATIVE):
                    yield _no_whole(at, whole_at)
                continue
            if counts:
                yield from _parts(breakdown, at, whole, whole_at, overlapping=overlapping, ctx=ctx)


def _places(indicator: Indicator, at: Loc) -> Iterator[Place]:
    for k, breakdown in enumerate(indicator.target_breakdowns):
        loc: Loc = (*at, "target_breakdowns", k)
        yield loc, breakdown, indicator.target, (*at, "target"), False
    for j, period in enumerate(indicator.periods):
        for name, figure in (("target", period.target), ("actual", period.actual)):
            if figure is None:
                continue
            of: Loc = (*at, "periods", j, name)
            for k, breakdown in enumerate(figure.breakdowns):
                yield (*of, "breakdowns", k), breakdown, figure.value, (*of, "value"), True
    for j, actual in enumerate(indicator.actuals):
        of = (*at, "actuals", j)
        for k, breakdown in enumerate(actual.breakdowns):
            yield (*of, "breakdowns", k), breakdown, actual.value, (*of, "value"), False


def _categories(breakdown: Breakdown, at: Loc) -> Generator[Problem, None, bool]:
    """Overlapping or nested categories; returns whether there were any."""
    found = False
    if breakdown.by is BreakdownDimension.AGE:
        overlaps = _age_overlaps(breakdown, at)
        found = bool(overlaps)
        yield from overlaps
    if breakdown.by is BreakdownDimension.LABOUR_MARKET_STATUS and breakdown.complete:
        categories = [part.category for part in breakdown.parts]
        if _UNEMPLOYED in categories and _LONG_TERM in categories:
            found = True
            m = categories.index(_LONG_TERM)
            yield finding(
                "breakdown_categories_nested",
                (*at, "parts", m, "category"),
                f"'category' '{_LONG_TERM}' must not be a part of a complete breakdown that "
                f"also has '{_UNEMPLOYED}' (the long-term unemployed are unemployed, so they "
                "would be counted twice; set 'complete' false for \"of whom\" figures)",
                value=_LONG_TERM,
                other=_UNEMPLOYED,
            )
    return found


def _age_overlaps(breakdown: Breakdown, at: Loc) -> list[Problem]:
    """Each band that shares an age with a band starting no later, in document order."""
    bands = sorted(
        ((age_band_bounds(part.category), m) for m, part in enumerate(breakdown.parts)),
        key=lambda band: (band[0][0], band[0][1] is None, band[0][1] or 0, band[1]),
    )
    found: list[tuple[int, Problem]] = []
    reach: tuple[int | None, int] | None = None  # the highest age so far (None: no end), its part
    for (low, high), m in bands:
        if reach is not None and (reach[0] is None or low <= reach[0]):
            other = breakdown.parts[reach[1]].category
            category = breakdown.parts[m].category
            problem = finding(
                "breakdown_age_bands_overlap",
                (*at, "parts", m, "category"),
                f"'category' must not share an age with "
                f"{quoted((*at, 'parts', reach[1], 'category'))} '{other}' (got '{category}': "
                "the parts of one breakdown are disjoint; overlapping bands belong to separate "
                "indicators, related by subset_of)",
                value=category,
                other=other,
            )
            found.append((m, problem))
        if reach is None or (reach[0] is not None and (high is None or high > reach[0])):
            reach = high, m
    return [problem for _, problem in sorted(found, key=lambda pair: pair[0])]


def _no_whole(at: Loc, whole_at: Loc) -> Problem:
    return finding(
        "breakdown_whole_missing",
        at,
        f"a breakdown needs the figure it splits: {quoted(whole_at)} must be stated (got no "
        "value, so the parts cannot be checked against it)",
        value=None,
        whole_path=format_path(whole_at),
    )


def _parts(
    breakdown: Breakdown,
    at: Loc,
    whole: Estimate,
    whole_at: Loc,
    *,
    overlapping: bool,
    ctx: Context,
) -> Findings:
    whole_bounds = widened(whole, ctx)
    above = False
    for m, part in enumerate(breakdown.parts):
        if exceeds(widened(part.value, ctx), whole_bounds):
            above = True
            yield finding(
                "breakdown_part_exceeds_whole",
                (*at, "parts", m, "value"),
                f"'value' of '{part.category}' must not exceed the whole {quoted(whole_at)} "
                f"{whole} (got {part.value})",
                value=str(part.value),
                whole=str(whole),
                whole_path=format_path(whole_at),
            )
    if above or overlapping:
        return
    if breakdown.complete:
        total = exact_sum(widened(part.value, ctx) for part in breakdown.parts)
        if total is None or overlap(total, whole_bounds):
            return
        yield finding(
            "breakdown_sum_mismatch",
            (*at, "parts"),
            f"'parts' of a complete breakdown must add up to the whole {quoted(whole_at)} "
            f"{whole} (got {text(total)} in sum; set 'complete' false when some are missing)",
            value=text(total),
            whole=str(whole),
            whole_path=format_path(whole_at),
        )
        return
    if breakdown.by not in _DISJOINT:
        return
    categories = {part.category for part in breakdown.parts}
    counted = [
        part
        for part in breakdown.parts
        if not (part.category == _LONG_TERM and _UNEMPLOYED in categories)
    ]
    total = exact_sum(widened(part.value, ctx) for part in counted)
    if total is None or not exceeds(total, whole_bounds):
        return
    yield finding(
        "breakdown_sum_exceeds_whole",
        (*at, "parts"),
        f"'parts' must not exceed the whole {quoted(whole_at)} {whole} in sum (got "
        f"{text(total)}; the categories of one {breakdown.by.value} breakdown are disjoint)",
        value=text(total),
        whole=str(whole),
        whole_path=format_path(whole_at),
    )
