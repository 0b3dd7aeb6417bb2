"""Indicators that report a funder's common indicator, checked against the common-indicator table.

An indicator's ``common_indicator`` names a code of
:attr:`capacitylib.reference.ReferenceTables.common_indicators` (``EECO01``, ``CR03``; any
case). The table is law or practice, and overridable, so every finding is a warning or info:

* **Unknown**: the code is not in the table (a typo, or a funder's own indicator: add it with
  ``ReferenceTables.with_overrides(common_indicators=...)``). Nothing else is checked.
* **Framework**: the programme states a programming period other than the common indicator's,
  or funding instruments none of which is its instrument (an ESF+ 2021-2027 project reporting
  the ESF 2014-2020 ``CO01``).
* **Kind**: an output indicator reports a common result indicator, or the reverse.
* **Measure and unit**: common indicators are counts, so the measure must be ``unit``; the unit
  must be the common indicator's, or one of its compatible units (``EECO18``, public
  administrations, also in ``municipalities`` or ``offices``).
* **Breakdowns**: a breakdown (of the total target, a period's target or actual, or an actual)
  by a dimension the common indicator does not ask for is reported once per dimension, at its
  first place. A dimension the common indicator asks for (ESF+: gender, women, men and
  non-binary persons) that no figure is broken down by is reported as info, and only when the
  indicator states some figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from capacitylib.codelists import IndicatorMeasure
from capacitylib.errors import Loc
from capacitylib.models import Indicator, Programme
from capacitylib.models.breakdown import Breakdown
from capacitylib.reference import CommonIndicator
from capacitylib.rules._context import Context, Findings, finding, quoted


def check_common_indicators(programme: Programme, ctx: Context) -> Findings:
    """Findings ``common_indicator_*`` of one programme."""
    for i, indicator in enumerate(programme.indicators):
        code = indicator.common_indicator
        if code is None:
            continue
        loc: Loc = ("indicators", i, "common_indicator")
        common = ctx.tables.common_indicator(code)
        if common is None:
            yield finding(
                "common_indicator_unknown",
                loc,
                f"'common_indicator' must be a code of the common-indicator table (got '{code}'; "
                "a funder's own indicator can be added to the table)",
                value=code,
            )
            continue
        yield from _framework(programme, indicator, common, loc)
        yield from _kind(indicator, common, ("indicators", i))
        yield from _measure_and_unit(indicator, common, ("indicators", i))
        yield from _breakdowns(indicator, common, ("indicators", i))


def _label(common: CommonIndicator) -> str:
    return f"{common.code} ({common.name})"


def _framework(
    programme: Programme, indicator: Indicator, common: CommonIndicator, loc: Loc
) -> Findings:
    period = programme.programming_period
    instruments = programme.funding_instruments
    wrong_period = (
        period is not None
        and common.programming_period is not None
        and period != common.programming_period
    )
    wrong_instrument = (
        bool(instruments) and common.instrument is not None and common.instrument not in instruments
    )
    if not (wrong_period or wrong_instrument):
        return
    stated = []
    if wrong_period:
        stated.append(f"programming period {period}")
    if wrong_instrument:
        stated.append("funding instruments " + ", ".join(i.value for i in instruments))
    of = " ".join(
        part
        for part in (
            common.instrument.value if common.instrument is not None else None,
            common.programming_period,
        )
        if part
    )
    yield finding(
        "common_indicator_framework_mismatch",
        loc,
        f"'common_indicator' must be a common indicator of the programme's framework (got "
        f"{_label(common)} of {of or common.framework}, for a programme with "
        f"{' and '.join(stated)})",
        value=indicator.common_indicator,
        framework=common.framework,
        programming_period=period,
        funding_instruments=[i.value for i in instruments],
    )


def _kind(indicator: Indicator, common: CommonIndicator, loc: Loc) -> Findings:
    if indicator.kind is common.kind:
        return
    yield finding(
        "common_indicator_kind_mismatch",
        (*loc, "kind"),
        f"'kind' must be '{common.kind.value}' to report the {common.kind.value} indicator "
        f"{_label(common)} (got '{indicator.kind.value}')",
        value=indicator.kind.value,
        common_indicator=common.code,
        expected=common.kind.value,
    )


def _measure_and_unit(indicator: Indicator, common: CommonIndicator, loc: Loc) -> Findings:
    if indicator.measure is not IndicatorMeasure.UNIT:
        yield finding(
            "common_indicator_measure_mismatch",
            (*loc, "measure"),
            f"'measure' must be 'unit' to report {_label(common)}, a count of "
            f"{common.unit.value} (got '{indicator.measure.value}')",
            value=indicator.measure.value,
            common_indicator=common.code,
        )
        return
    unit = indicator.unit
    if unit is None or common.counts_in(unit):
        return
    allowed = [common.unit.value, *sorted(u.value for u in common.compatible_units)]
    shown = " or ".join(f"'{u}'" for u in allowed)
    yield finding(
        "common_indicator_unit_mismatch",
        (*loc, "unit"),
        f"'unit' must be {shown} to report {_label(common)} (got '{unit.value}'; counts in "
        "different units never add up)",
        value=unit.value,
        common_indicator=common.code,
        expected=allowed,
    )


def _breakdown_places(indicator: Indicator, loc: Loc) -> Iterator[tuple[Loc, Breakdown]]:
    """Every breakdown of the indicator with its location, in document order."""
    for k, breakdown in enumerate(indicator.target_breakdowns):
        yield (*loc, "target_breakdowns", k), breakdown
    for p, period in enumerate(indicator.periods):
        for part, figure in (("target", period.target), ("actual", period.actual)):
            if figure is not None:
                for k, breakdown in enumerate(figure.breakdowns):
                    yield (*loc, "periods", p, part, "breakdowns", k), breakdown
    for j, actual in enumerate(indicator.actuals):
        for k, breakdown in enumerate(actual.breakdowns):
            yield (*loc, "actuals", j, "breakdowns", k), breakdown


def _states_a_figure(indicator: Indicator) -> bool:
    if indicator.target is not None or indicator.actuals:
        return True
    return any(
        figure is not None and figure.value is not None
        for period in indicator.periods
        for figure in (period.target, period.actual)
    )


def _breakdowns(indicator: Indicator, common: CommonIndicator, loc: Loc) -> Findings:
    first: dict[str, Loc] = {}
    places: dict[str, int] = {}
    for where, breakdown in _breakdown_places(indicator, loc):
        dimension = breakdown.by.value
        first.setdefault(dimension, where)
        places[dimension] = places.get(dimension, 0) + 1
    asked = sorted(common.breakdowns)
    for dimension, where in first.items():
        if dimension in common.breakdowns:
            continue
        yield finding(
            "common_indicator_breakdown_unused",
            (*where, "by"),
            f"'by' must be a dimension {_label(common)} is broken down by "
            f"({', '.join(asked) or 'none'}) (got '{dimension}', in {places[dimension]} "
            f"{'place' if places[dimension] == 1 else 'places'})",
            value=dimension,
            common_indicator=common.code,
            expected=asked,
            places=places[dimension],
        )
    missing = [d for d in asked if d not in first]
    if missing and _states_a_figure(indicator):
        yield finding(
            "common_indicator_breakdown_missing",
            loc,
            f"breakdowns of {quoted(loc)} must include {', '.join(missing)} to report "
            f"{_label(common)} (got no figure broken down by {' or '.join(missing)})",
            value=None,
            common_indicator=common.code,
            missing=missing,
        )
