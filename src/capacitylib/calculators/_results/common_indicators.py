"""Common-indicator totals of a portfolio: per common indicator and unit, over programmes.

Two programmes reporting EECO01 in persons add; a programme reporting it in families is its
own row, named, never added to persons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from capacitylib.calculators._common import INCOMPUTABLE, Tally
from capacitylib.calculators._results.achievement import (
    Accumulation,
    gap_to_target,
    overall_achievement,
)
from capacitylib.codelists import IndicatorMeasure, ReachUnit
from capacitylib.models import Indicator, Programme
from capacitylib.reference import ReferenceTables, common_indicator_key
from capacitylib.values import Estimate


@dataclass(frozen=True, slots=True)
class CommonIndicatorTotal:
    """One common indicator in one unit over many programmes: the sum of their figures.

    ``code`` is the lookup form of the code (stripped, upper case); ``unit`` the unit the
    programmes' indicators count in (``unit_label``). A programme reporting the code in
    another unit is another row, never added. ``target`` and ``actual`` are :class:`Tally`
    sums of each indicator's :func:`overall_achievement` figures (``None`` for percentages,
    ratios and qualitative indicators: levels are not added). ``reference_unit`` is the
    unit the reference table gives the common indicator (``None``: code not in the table);
    ``fits_reference`` whether ``unit`` counts the same things (``None`` when unknown).

    >>> p = Programme(id="p", title={"en": "P"}, indicators=[{"id": "i", "kind": "output",
    ...     "name": {"en": "I"}, "unit": "persons", "common_indicator": "EECO01", "target": 5}])
    >>> t = common_indicator_totals([p, p.model_copy(update={"id": "q"})])[0]
    >>> t.code, t.unit, t.programmes, str(t.target.total), t.fits_reference
    ('EECO01', 'persons', ('p', 'q'), '10', True)
    """

    code: str
    unit: str
    programmes: tuple[str, ...]
    indicators: tuple[tuple[str, str], ...]
    target: Tally | None
    actual: Tally | None
    reference_unit: str | None
    fits_reference: bool | None


def common_indicator_totals(
    programmes: Iterable[Programme],
    *,
    accumulation: Accumulation = "per_period",
    as_of: date | None = None,
    tables: ReferenceTables | None = None,
) -> tuple[CommonIndicatorTotal, ...]:
    """Per common indicator and unit: the sum over the programmes' indicators that report it.

    Each indicator with a ``common_indicator`` adds its whole target and its actual so far
    (:func:`overall_achievement`); with ``as_of``, the actual as of that date
    (:func:`gap_to_target`'s ``actual``). Codes are compared after stripping and upper-casing
    (``eeco01`` is EECO01). Figures in different units are never added: each (code, unit) is
    its own row, ordered by code, then the reference table's unit first, then unit. An unknown
    figure leaves the row's ``total`` ``None`` with the ``known`` part beside it (a
    :class:`Tally`). ``tables`` overrides the reference tables. One pass; linear cost.

    >>> def prog(pid, unit, value):
    ...     return Programme(id=pid, title={"en": pid}, indicators=[{"id": "i", "kind": "output",
    ...         "name": {"en": "I"}, "unit": unit, "common_indicator": "EECO01",
    ...         "periods": [{"start": "2023", "target": 10, "actual": value}]}])
    >>> totals = common_indicator_totals([prog("a", "persons", 4), prog("b", "persons", 5),
    ...                                   prog("c", "families", 3)])
    >>> [(t.unit, t.programmes, str(t.actual.total), t.fits_reference) for t in totals]
    [('persons', ('a', 'b'), '9', True), ('families', ('c',), '3', False)]
    """
    table = tables if tables is not None else ReferenceTables.default()
    groups: dict[tuple[str, str], _TotalAcc] = {}
    for programme in programmes:
        for indicator in programme.indicators:
            if indicator.common_indicator is None:
                continue
            key = (common_indicator_key(indicator.common_indicator), indicator.unit_label)
            if key not in groups:
                groups[key] = _TotalAcc(indicator.unit, indicator.measure is IndicatorMeasure.UNIT)
            groups[key].add(programme.id, indicator, accumulation, as_of)
    rows = []
    for (code, unit), acc in groups.items():
        reference = table.common_indicator(code)
        fits = None
        if reference is not None:
            fits = acc.unit is not None and reference.counts_in(acc.unit)
        rows.append(
            CommonIndicatorTotal(
                code=code,
                unit=unit,
                programmes=tuple(dict.fromkeys(pid for pid, _ in acc.indicators)),
                indicators=tuple(acc.indicators),
                target=acc.target if acc.counts else None,
                actual=acc.actual if acc.counts else None,
                reference_unit=None if reference is None else reference.unit.value,
                fits_reference=fits,
            )
        )
    return tuple(sorted(rows, key=lambda r: (r.code, r.unit != r.reference_unit, r.unit)))


@dataclass
class _TotalAcc:
    unit: ReachUnit | None
    counts: bool
    indicators: list[tuple[str, str]] = field(default_factory=list)
    target: Tally = field(default_factory=Tally)
    actual: Tally = field(default_factory=Tally)

    def add(
        self, programme: str, indicator: Indicator, accumulation: Accumulation, as_of: date | None
    ) -> None:
        self.indicators.append((programme, indicator.id))
        if not self.counts:
            return
        whole = overall_achievement(indicator, accumulation=accumulation)
        actual = whole.actual
        if as_of is not None:
            actual = gap_to_target(indicator, as_of=as_of, accumulation=accumulation).actual
        self.target = _added(self.target, whole.target)
        self.actual = _added(self.actual, actual)


def _added(tally: Tally, value: Estimate | None) -> Tally:
    """``tally.add(value)``; a sum beyond exact arithmetic counts as unknown, never rounded."""
    try:
        return tally.add(value)
    except INCOMPUTABLE:
        return tally.add(None)


__all__ = ["CommonIndicatorTotal", "common_indicator_totals"]
