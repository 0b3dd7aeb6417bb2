"""Indicator achievement: achieved values against their targets, overall or per period.

Indicators count different things (persons, families, copies, events), so each row is drawn
against its own target: the horizontal axis is the share of the target (100% is the target, or
its upper bound when the target is a range). The absolute figures, with their unit, are in the
row's label. Nothing is added across indicators or units.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from capacitylib.codelists import IndicatorMeasure
from capacitylib.models import Indicator, Programme
from capacitylib.plots._common import (
    ACHIEVED_COLOUR,
    PLANNED_COLOUR,
    PLANNED_HATCH,
    below_axes,
    new_axes,
    shorten,
    wrap,
)

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from capacitylib.models import IndicatorPeriod
    from capacitylib.values import Estimate

__all__ = ["plot_achievement", "plot_indicator_periods"]

_TARGET_HEIGHT = 0.7
_ACTUAL_HEIGHT = 0.3


def _percent(value: Decimal, reference: Decimal) -> float:
    # Floats only for drawing: the figures in the labels stay exact.
    return float(value / reference * 100)


def _label(indicator: Indicator) -> str:
    unit = indicator.unit_label
    target = "no target" if indicator.target is None else f"target {indicator.target} {unit}"
    if indicator.target is not None and indicator.target_date is not None:
        target += f" by {indicator.target_date}"
    latest = indicator.latest_actual
    actual = "no actual reported" if latest is None else f"actual {latest.value} ({latest.as_of})"
    name = wrap(indicator.name.best("en"), 50)
    return f"{name}\n{indicator.kind.value} · {shorten(f'{target} · {actual}', 70)}"


def _draw_row(ax: Axes, y: int, indicator: Indicator, used: set[str]) -> float:
    """Draw one indicator; return the largest share drawn (for the axis limit)."""
    latest = indicator.latest_actual
    return _draw_figures(ax, y, indicator.target, None if latest is None else latest.value, used)


def _draw_figures(
    ax: Axes, y: int, target: Estimate | None, actual: Estimate | None, used: set[str]
) -> float:
    """Draw a target and an actual as shares of the target; return the largest share drawn."""
    # "at least N" has no upper bound: the chart measures against its lower bound.
    ref = None if target is None else (target.max if target.max is not None else target.min)
    if target is None or ref is None or ref <= 0:
        note = "no target stated: nothing to compare with"
        ax.text(1, y, note, va="center", fontsize=8, style="italic", color="#616161")
        return 100.0
    low = _percent(target.min, ref)
    ax.barh(
        y,
        low,
        height=_TARGET_HEIGHT,
        facecolor="white",
        edgecolor=PLANNED_COLOUR,
        hatch=PLANNED_HATCH,
        linewidth=1,
    )
    used.add("target")
    if not target.is_exact:
        used.add("target_range")
        ax.barh(
            y,
            100 - low,
            left=low,
            height=_TARGET_HEIGHT,
            facecolor=PLANNED_COLOUR,
            alpha=0.25,
            edgecolor=PLANNED_COLOUR,
        )
    if actual is None:
        ax.text(
            2,
            y,
            "no achieved value reported",
            va="center",
            fontsize=8,
            style="italic",
            color="#424242",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        )
        return 100.0
    a_low = _percent(actual.min, ref)
    a_high = a_low if actual.max is None else _percent(actual.max, ref)
    used.add("actual")
    ax.barh(y, a_low, height=_ACTUAL_HEIGHT, color=ACHIEVED_COLOUR)
    if a_high > a_low:
        used.add("actual_range")
        ax.barh(
            y, a_high - a_low, left=a_low, height=_ACTUAL_HEIGHT, color=ACHIEVED_COLOUR, alpha=0.35
        )
        ax.errorbar(
            (a_low + a_high) / 2,
            y,
            xerr=(a_high - a_low) / 2,
            fmt="none",
            ecolor=ACHIEVED_COLOUR,
            capsize=4,
        )
    share = f"{a_low:.0f}%" if a_high == a_low else f"{a_low:.0f}-{a_high:.0f}%"
    ax.text(
        a_high + 1.5,
        y,
        share,
        va="center",
        fontsize=8,
        color=ACHIEVED_COLOUR,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
    )
    return a_high


def _legend(used: set[str], actual: str = "achieved (latest reported)") -> list[Artist]:
    from matplotlib.patches import Patch  # noqa: PLC0415 - matplotlib is optional

    made = {
        "target": Patch(
            facecolor="white",
            edgecolor=PLANNED_COLOUR,
            hatch=PLANNED_HATCH,
            label="target (planned)",
        ),
        "target_range": Patch(
            facecolor=PLANNED_COLOUR, alpha=0.25, label="target stated as a range"
        ),
        "actual": Patch(facecolor=ACHIEVED_COLOUR, label=actual),
        "actual_range": Patch(
            facecolor=ACHIEVED_COLOUR, alpha=0.35, label="achieved stated as a range"
        ),
    }
    return [made[k] for k in ("target", "target_range", "actual", "actual_range") if k in used]


def plot_achievement(programme: Programme, ax: Axes | None = None) -> Axes:
    """Draw each indicator's latest achieved value against its target; return the ``Axes``.

    Rows are indicators; the axis is the share of the row's own target (its upper bound when the
    target is a range), so indicators in different units are never put on one scale or added.
    Targets are hatched (plans), achieved values solid; a range is drawn from its lower to its
    upper bound with caps. Labels give the figures with their units. Needs the ``plot`` extra.

    >>> import capacitylib
    >>> from capacitylib.plots import plot_achievement
    >>> eea = capacitylib.load_examples()[3]
    >>> ax = plot_achievement(eea)
    >>> ax.get_yticklabels()[0].get_text().splitlines()[-1]
    'output · target 14 persons · no actual reported'
    """
    indicators = programme.indicators
    if ax is None:
        _, ax = new_axes(10, 1.6 + 0.62 * max(len(indicators), 1))
    title = wrap(programme.title.best("en"), 90)
    ax.set_title(f"{title}\nIndicators: achieved against target", loc="left", fontsize=10)
    if not indicators:
        ax.text(0.5, 0.5, "no indicators stated", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    used: set[str] = set()
    highest = max(_draw_row(ax, y, ind, used) for y, ind in enumerate(indicators))
    _finish(ax, highest, [_label(i) for i in indicators], "the target")
    _legend_below(ax, _legend(used))
    return ax


def _finish(ax: Axes, highest: float, labels: list[str], reference: str) -> None:
    """The 100% line, the share axis, the row labels and a quiet frame."""
    ax.axvline(100, color="#616161", linewidth=1, linestyle="--")
    ax.set_xlim(0, max(110.0, highest * 1.12))
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter("{x:.0f}%")
    ax.set_xlabel(
        f"share of {reference} (100% = {reference}, or its upper bound when it is a range)",
        fontsize=8,
    )
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend_below(ax: Axes, handles: list[Artist]) -> None:
    if not handles:
        return
    below = below_axes(ax, 36)
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        bbox_transform=below,
        ncols=len(handles),
        fontsize=8,
        frameon=False,
    )


def _period_label(indicator: Indicator, period: IndicatorPeriod) -> str:
    stated = str(period.start) if period.end is None else f"{period.start}..{period.end}"
    unit = "%" if indicator.measure is IndicatorMeasure.PERCENTAGE else f" {indicator.unit_label}"
    target = period.target
    if target is None or target.value is None:
        planned = "no target" if target is None else "target in words"
    else:
        planned = f"target {target.value}{unit}"
    actual = period.actual
    if actual is None:
        achieved = "not reported"
    elif actual.value is None:
        achieved = "actual in words"
    else:
        achieved = f"actual {actual.value} (as of {period.actual_as_of})"
    name = shorten(indicator.name.best("en"), 60)
    return f"{name} · {stated}\n{shorten(f'{planned} · {achieved}', 70)}"


def plot_indicator_periods(
    programme_or_indicator: Programme | Indicator, ax: Axes | None = None
) -> Axes:
    """Draw every reporting period's actual against that period's target; return the ``Axes``.

    One row per indicator and period, in document order. The axis is the share of the row's
    own period target (its upper bound when the target is a range), as in
    :func:`plot_achievement`, so indicators in different units are never put on one scale; a
    qualitative indicator's periods are listed, not drawn. The figures, with their unit and
    the actual's as-of date, are in the row labels. Needs the ``plot`` extra.

    >>> from capacitylib import Indicator
    >>> i = Indicator(id="i", kind="output", name={"en": "Trained"}, unit="persons",
    ...               periods=[{"start": "2023", "target": 100, "actual": 96},
    ...                        {"start": "2024", "target": 100}])
    >>> ax = plot_indicator_periods(i)
    >>> [label.get_text().splitlines()[-1] for label in ax.get_yticklabels()]
    ['target 100 persons · actual 96 (as of 2023-12-31)', 'target 100 persons · not reported']
    """
    if isinstance(programme_or_indicator, Programme):
        indicators = programme_or_indicator.indicators
        heading = programme_or_indicator.title.best("en")
    else:
        indicators = (programme_or_indicator,)
        heading = programme_or_indicator.name.best("en")
    rows = [(i, p) for i in indicators for p in i.periods]
    if ax is None:
        _, ax = new_axes(10, 1.6 + 0.62 * max(len(rows), 1))
    title = wrap(heading, 90)
    ax.set_title(
        f"{title}\nIndicators by reporting period: achieved against target", loc="left", fontsize=10
    )
    if not rows:
        ax.text(
            0.5,
            0.5,
            "no reporting periods stated",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return ax
    used: set[str] = set()
    highest = 100.0
    for y, (indicator, period) in enumerate(rows):
        if indicator.measure is IndicatorMeasure.QUALITATIVE:
            ax.text(
                1,
                y,
                "qualitative: no figure to draw",
                va="center",
                fontsize=8,
                style="italic",
                color="#616161",
            )
            continue
        target = None if period.target is None else period.target.value
        actual = None if period.actual is None else period.actual.value
        highest = max(highest, _draw_figures(ax, y, target, actual, used))
    for y in range(1, len(rows)):
        if rows[y][0] is not rows[y - 1][0]:
            ax.axhline(y - 0.5, color="#bdbdbd", linewidth=0.8)
    _finish(ax, highest, [_period_label(i, p) for i, p in rows], "the period's target")
    _legend_below(ax, _legend(used, "achieved in the period"))
    return ax
