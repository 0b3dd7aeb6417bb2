"""Long, typed DataFrames of results frameworks, for analysts (the ``pandas`` extra).

* :func:`breakdowns_frame`: one row per part of every breakdown of every indicator figure.
* :func:`indicator_periods_frame`: one row per indicator and reporting period.

Columns are typed as in :mod:`capacitylib.io.frames` (:func:`~capacitylib.io.frames.typed_frame`):
figures are exact Arrow decimals in ``_min``/``_max`` pairs (an exact figure has both equal, a
figure without an upper bound an empty ``_max``), dates ``datetime64``, codes ``category``.
Unknown is empty (``<NA>``), never 0. The figures are those of
:mod:`capacitylib.calculators.results`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from capacitylib.calculators.results import indicator_breakdowns, indicator_period_figures
from capacitylib.io.frames import typed_frame
from capacitylib.models import Programme

if TYPE_CHECKING:
    from capacitylib.io.tables.columns import Kind
    from capacitylib.values import Estimate

_BREAKDOWN_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("programme_id", "id"),
    ("indicator_id", "id"),
    ("figure", "code"),
    ("period_start", "date"),
    ("period_end", "date"),
    ("as_of", "date"),
    ("by", "code"),
    ("category", "code"),
    ("complete", "bool"),
    ("value_min", "decimal"),
    ("value_max", "decimal"),
    ("share_min", "decimal"),
    ("share_max", "decimal"),
)

_PERIOD_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("programme_id", "id"),
    ("indicator_id", "id"),
    ("measure", "code"),
    ("unit", "code"),
    ("period", "text"),
    ("period_start", "date"),
    ("period_end", "date"),
    ("target_min", "decimal"),
    ("target_max", "decimal"),
    ("actual_min", "decimal"),
    ("actual_max", "decimal"),
    ("as_of", "date"),
    ("achievement_min", "decimal"),
    ("achievement_max", "decimal"),
    ("gap_min", "decimal"),
    ("gap_max", "decimal"),
)


def _bounds(value: Estimate | None) -> tuple[Any, Any]:
    return (None, None) if value is None else (value.min, value.max)


def _frame(columns: tuple[tuple[str, Kind], ...], rows: list[tuple[Any, ...]]) -> Any:
    return typed_frame(
        (name, kind, [row[i] for row in rows]) for i, (name, kind) in enumerate(columns)
    )


def breakdowns_frame(programmes: Iterable[Programme]) -> Any:
    """One row per breakdown part of every indicator figure, as a typed ``pandas.DataFrame``.

    Columns: ``programme_id``, ``indicator_id``, ``figure`` (``target_total``,
    ``period_target``, ``period_actual`` or ``actual``, a format 1.0 dated actual),
    ``period_start`` and ``period_end`` (the period's first and last day; empty for the total
    target and 1.0 actuals), ``as_of`` (the last day an actual may refer to), ``by`` (the
    dimension), ``category``, ``complete`` (the breakdown covers the whole), ``value_min`` and
    ``value_max`` (the part, exact), ``share_min`` and ``share_max`` (part / the whole figure,
    a fraction to 28 digits; empty when the whole is unknown or may be 0).

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "i",
    ...     "kind": "output", "name": {"en": "I"}, "unit": "persons", "periods": [
    ...         {"start": "2023", "actual": {"value": 96, "breakdowns": [{"by": "gender",
    ...          "complete": True, "parts": [{"category": "women", "value": 88},
    ...                                      {"category": "men", "value": 8}]}]}}]}])
    >>> frame = breakdowns_frame([p])
    >>> frame["category"].tolist(), frame["value_min"].sum(), str(frame["share_min"].dtype)
    (['women', 'men'], Decimal('96'), 'decimal128(29, 29)[pyarrow]')
    >>> [round(share, 4) for share in frame["share_min"]]
    [Decimal('0.9167'), Decimal('0.0833')]
    """
    rows: list[tuple[Any, ...]] = []
    for programme in programmes:
        for indicator in programme.indicators:
            for found in indicator_breakdowns(indicator):
                for part, share in zip(found.breakdown.parts, found.shares, strict=True):
                    rows.append(
                        (
                            programme.id,
                            indicator.id,
                            found.figure,
                            found.start,
                            found.end,
                            found.as_of,
                            found.breakdown.by.value,
                            part.category,
                            found.breakdown.complete,
                            *_bounds(part.value),
                            *_bounds(share.share),
                        )
                    )
    return _frame(_BREAKDOWN_COLUMNS, rows)


def indicator_periods_frame(programmes: Iterable[Programme]) -> Any:
    """One row per indicator and reporting period, as a typed ``pandas.DataFrame``.

    Columns: ``programme_id``, ``indicator_id``, ``measure``, ``unit`` (the indicator's
    ``unit_label``), ``period`` (as stated), ``period_start``, ``period_end``, ``target_min``
    and ``_max``, ``actual_min`` and ``_max``, ``as_of`` (the last day the actual may refer
    to), ``achievement_min`` and ``_max`` (actual / target, a fraction to 28 digits) and
    ``gap_min`` and ``_max`` (target - actual, signed: negative is above the target; an empty
    bound is no bound on that side, both empty an unknown gap). Rows come from
    :func:`~capacitylib.calculators.results.indicator_period_figures`.

    >>> import capacitylib
    >>> p = capacitylib.Programme(id="p", title={"en": "P"}, indicators=[{"id": "i",
    ...     "kind": "output", "name": {"en": "I"}, "unit": "persons",
    ...     "periods": [{"start": "2023", "target": 100, "actual": 96}, {"start": "2024",
    ...                  "target": 100}]}])
    >>> frame = indicator_periods_frame([p])
    >>> frame["achievement_min"].tolist(), frame["gap_max"].tolist()
    ([Decimal('0.96'), <NA>], [Decimal('4'), <NA>])
    """
    rows: list[tuple[Any, ...]] = []
    for programme in programmes:
        for f in indicator_period_figures(programme):
            gap = f.gap
            rows.append(
                (
                    programme.id,
                    f.indicator,
                    f.measure,
                    f.unit,
                    f.period,
                    f.start,
                    f.end,
                    *_bounds(f.target),
                    *_bounds(f.actual),
                    f.as_of,
                    *_bounds(f.achievement),
                    None if gap is None else gap.min,
                    None if gap is None else gap.max,
                )
            )
    return _frame(_PERIOD_COLUMNS, rows)


__all__ = ["breakdowns_frame", "indicator_periods_frame"]
