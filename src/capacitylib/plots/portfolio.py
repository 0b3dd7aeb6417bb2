"""The portfolio view: programmes, budget and reach of many programmes by country and year.

Four panels, all from :func:`capacitylib.calculators.portfolio` and
:func:`capacitylib.calculators.reach`: programmes running in each calendar year; budget by year
(each budget split over its years by days); budget by country, with how many programmes do not
state one; and participations by country, target-group unit and scope (achieved solid, planned
hatched). Budgets in different currencies are never added: pass ``currency=`` and ``rates=`` to
convert, else only the most common currency is drawn and the others are named.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from capacitylib.plots._common import (
    ACHIEVED_COLOUR,
    PLANNED_COLOUR,
    PLANNED_HATCH,
    pyplot,
)
from capacitylib.values import Estimate, Money

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from capacitylib.calculators import RateTable
    from capacitylib.models import Programme

__all__ = ["plot_portfolio"]

_UNKNOWN = "not stated"


def _country(programme: Programme) -> str:
    return str(programme.country) if programme.country is not None else _UNKNOWN


@dataclass(slots=True)
class _ReachCell:
    """Participations of one (country, unit, scope): the known sum and the unknown counts."""

    known: Estimate | None = None
    unknown: int = 0

    def add(self, value: Estimate | None) -> None:
        if value is None:
            self.unknown += 1
        else:
            self.known = value if self.known is None else self.known + value


@dataclass(slots=True)
class _Figures:
    countries: list[str]
    programmes: dict[str, int] = field(default_factory=dict)
    running: dict[str, Counter[str]] = field(default_factory=dict)  # year -> country -> n
    budget_by_year: dict[str, dict[str, Money]] = field(default_factory=dict)
    budget_by_country: dict[str, Money] = field(default_factory=dict)
    budget_unknown: dict[str, int] = field(default_factory=dict)
    currency: str | None = None
    other_currencies: list[str] = field(default_factory=list)
    reach: dict[tuple[str, str, str], _ReachCell] = field(default_factory=dict)
    undated: int = 0


def _figures(
    programmes: Sequence[Programme], currency: str | None, rates: RateTable | None
) -> _Figures:
    from capacitylib.calculators import budget_total, portfolio  # noqa: PLC0415 - loaded on use

    by_country: dict[str, list[Programme]] = defaultdict(list)
    for programme in programmes:
        by_country[_country(programme)].append(programme)
    countries = sorted(by_country, key=lambda c: (c == _UNKNOWN, c))
    figures = _Figures(countries=countries)
    per_country_money: dict[str, dict[str, Money]] = {}
    for country in countries:
        members = by_country[country]
        figures.programmes[country] = len(members)
        result = portfolio(members, currency=currency, rates=rates)
        for row in result.by("country"):
            per_country_money[country] = {str(m.currency): m for m in row.budget or ()}
            figures.budget_unknown[country] = row.budget_unknown or 0
        for row in result.by("year"):
            if row.key is None:
                figures.undated += row.programmes
                continue
            figures.running.setdefault(row.key, Counter())[country] = row.programmes
            for money in row.budget or ():
                year_money = figures.budget_by_year.setdefault(row.key, {})
                year_money[country] = money
        _add_reach(figures, country, members)
    # The currency most programmes state is drawn when budgets are not converted.
    found: Counter[str] = Counter(
        str(total.currency)
        for p in programmes
        if p.budget is not None and (total := budget_total(p.budget)) is not None
    )
    if currency is not None and found:
        figures.currency = currency  # every budget was converted to it
    elif found:
        figures.currency = found.most_common(1)[0][0]
        figures.other_currencies = sorted(c for c in found if c != figures.currency)
    for country, amounts in per_country_money.items():
        if figures.currency in amounts:
            figures.budget_by_country[country] = amounts[figures.currency]
    for year, amounts in figures.budget_by_year.items():
        figures.budget_by_year[year] = {
            c: m for c, m in amounts.items() if str(m.currency) == figures.currency
        }
    return figures


def _add_reach(figures: _Figures, country: str, members: Iterable[Programme]) -> None:
    from capacitylib.calculators import reach  # noqa: PLC0415 - loaded on use

    for programme in members:
        for scope in ("achieved", "planned"):
            for figure in reach(programme, scope=scope):
                key = (country, figure.unit.value, scope)
                figures.reach.setdefault(key, _ReachCell()).add(figure.participations)


def _colours(countries: Sequence[str]) -> dict[str, str]:
    palette = ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00acc1", "#6d4c41"]
    return {
        c: ("#9e9e9e" if c == _UNKNOWN else palette[i % len(palette)])
        for i, c in enumerate(countries)
    }


def _amount(value: Decimal) -> str:
    """A short amount for a chart: 43.9 M, 710 k, 950."""
    number = float(value)
    for limit, suffix in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(number) >= limit:
            return f"{number / limit:.3g}{suffix}"
    return f"{number:.0f}"


def _decorate(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def _years(f: _Figures) -> list[int]:
    """Every calendar year from the first to the last in which a programme runs."""
    known = [int(y) for y in f.running]
    return list(range(min(known), max(known) + 1)) if known else []


def _year_axis(ax: Axes, years: list[int]) -> None:
    if years:
        ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
        ax.set_xticks(years, [str(y) for y in years], rotation=45, fontsize=8)
    ax.grid(axis="y", color="#eeeeee")


def _stack(
    ax: Axes, years: list[int], values: dict[str, list[float]], colours: dict[str, str]
) -> list[float]:
    bottom = [0.0] * len(years)
    for country, column in values.items():
        if any(column):
            ax.bar(years, column, bottom=bottom, color=colours[country], label=country)
            bottom = [b + v for b, v in zip(bottom, column, strict=True)]
    return bottom


def _country_legend(ax: Axes) -> None:
    ax.legend(
        title="country",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
    )


def _running_panel(ax: Axes, f: _Figures, colours: dict[str, str]) -> None:
    years = _years(f)
    values = {c: [float(f.running.get(str(y), Counter())[c]) for y in years] for c in f.countries}
    _stack(ax, years, values, colours)
    dated = {c for counts in f.running.values() for c, n in counts.items() if n}
    without = f.undated
    title = "Programmes running, by calendar year"
    if without:
        title += f"\n({without} more programme{'s' * (without > 1)} state no period)"
    _decorate(ax, title)
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 - matplotlib is optional

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _year_axis(ax, years)
    if dated:
        _country_legend(ax)


def _budget_year_panel(ax: Axes, f: _Figures, colours: dict[str, str]) -> None:
    years = _years(f)
    stated = sum(f.programmes.values()) - sum(f.budget_unknown.values())
    _decorate(
        ax,
        f"Budget by year ({f.currency or 'no budget stated'}), split by days\n"
        f"(stated for {stated} of {sum(f.programmes.values())} programmes)",
    )
    _year_axis(ax, years)
    if f.currency is None:
        ax.text(0.5, 0.5, "no programme states a budget", ha="center", transform=ax.transAxes)
        return
    # Floats only for drawing: the portfolio figures themselves are exact Decimals.
    values = {
        c: [
            float(f.budget_by_year[str(y)][c].amount)
            if c in f.budget_by_year.get(str(y), {})
            else 0.0
            for y in years
        ]
        for c in f.countries
    }
    totals = _stack(ax, years, values, colours)
    if len(years) <= 8:
        for year, total in zip(years, totals, strict=True):
            if total:
                label = _amount(Decimal(str(total)))
                ax.text(year, total, label, ha="center", va="bottom", fontsize=7)
    ax.yaxis.set_major_formatter(lambda v, _: _amount(Decimal(str(v))))
    _country_legend(ax)


def _budget_country_panel(ax: Axes, f: _Figures, colours: dict[str, str]) -> None:
    _decorate(ax, f"Budget by country ({f.currency or 'none stated'})")
    values = [
        float(f.budget_by_country[c].amount) if c in f.budget_by_country else 0.0
        for c in f.countries
    ]
    ax.barh(f.countries, values, color=[colours[c] for c in f.countries])
    top = max(values, default=0.0) or 1.0
    for y, country in enumerate(f.countries):
        unknown = f.budget_unknown.get(country, 0)
        total = f.programmes[country]
        parts = []
        if country in f.budget_by_country:
            money = f.budget_by_country[country]
            parts.append(f"{money.amount:,f} {money.currency}".replace(",", "\u202f"))
        if unknown:
            parts.append(f"not stated for {unknown} of {total} programme{'s' * (total > 1)}")
        ax.text(values[y] + top * 0.02, y, "; ".join(parts), va="center", fontsize=8)
    ax.set_xlim(0, top * 1.9)
    ax.set_ylim(len(f.countries) - 0.5, -0.5)
    ax.xaxis.set_major_formatter(lambda v, _: _amount(Decimal(str(v))))
    ax.grid(axis="x", color="#eeeeee")
    if f.other_currencies:
        others = ", ".join(f.other_currencies)
        ax.set_xlabel(f"budgets in {others} are not added (pass currency= and rates=)", fontsize=8)


def _reach_panel(ax: Axes, f: _Figures) -> None:
    _decorate(
        ax,
        "Participations by country and unit (never added across units)\n"
        "achieved: solid blue; planned: hatched orange",
    )
    keys = sorted(
        {(c, u) for c, u, _ in f.reach},
        key=lambda k: (f.countries.index(k[0]), k[1]),
    )
    if not keys:
        ax.text(0.5, 0.5, "no participants stated", ha="center", transform=ax.transAxes)
        return
    top = max(
        (
            float(cell.known.max if cell.known.max is not None else cell.known.min)
            for cell in f.reach.values()
            if cell.known is not None
        ),
        default=1.0,
    )
    for y, (country, unit) in enumerate(keys):
        for offset, scope in ((-0.2, "achieved"), (0.2, "planned")):
            cell = f.reach.get((country, unit, scope))
            if cell is None:
                continue
            _reach_bar(ax, y + offset, cell, scope, top)
    ax.set_yticks(range(len(keys)), [f"{c} · {u}" for c, u in keys], fontsize=8)
    ax.set_ylim(len(keys) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.6)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_xlabel(
        "participations (sum of stated counts; one person at two activities counts twice)",
        fontsize=8,
    )


def _reach_bar(ax: Axes, y: float, cell: _ReachCell, scope: str, top: float) -> None:
    planned = scope == "planned"
    style: dict[str, object] = (
        {"facecolor": "white", "edgecolor": PLANNED_COLOUR, "hatch": PLANNED_HATCH}
        if planned
        else {"color": ACHIEVED_COLOUR}
    )
    colour = PLANNED_COLOUR if planned else ACHIEVED_COLOUR
    low = 0.0 if cell.known is None else float(cell.known.min)
    high = (
        0.0
        if cell.known is None
        else float(cell.known.max if cell.known.max is not None else cell.known.min)
    )
    ax.barh(y, low, height=0.38, **style)  # type: ignore[arg-type]
    if high > low:
        ax.errorbar(
            (low + high) / 2, y, xerr=(high - low) / 2, fmt="none", ecolor=colour, capsize=3
        )
    text = "" if cell.known is None else str(cell.known)
    if cell.unknown:
        text += f"{' + ' if text else ''}{cell.unknown} count{'s' * (cell.unknown > 1)} not stated"
    ax.text(high + top * 0.02, y, text, va="center", fontsize=7, color=colour)


def plot_portfolio(
    programmes: Iterable[Programme],
    *,
    currency: str | None = None,
    rates: RateTable | None = None,
    fig: Figure | None = None,
) -> Figure:
    """Draw budget and reach of ``programmes`` by country and year; return the ``Figure``.

    Panels: programmes running per calendar year and budget per year (each stacked by country),
    budget by country (with how many programmes state none), and participations by country and
    unit, achieved beside planned. Figures come from :func:`capacitylib.calculators.portfolio`
    (budgets split over years by days, exact to the cent) and are turned into floats only to be
    drawn. ``currency`` with ``rates`` converts every budget first. Needs the ``plot`` extra.

    >>> import capacitylib
    >>> from capacitylib.plots import plot_portfolio
    >>> fig = plot_portfolio(capacitylib.load_examples())
    >>> [ax.get_title(loc="left").splitlines()[0] for ax in fig.axes][:2]
    ['Programmes running, by calendar year', 'Budget by year (EUR), split by days']
    """
    plt = pyplot()
    programmes = list(programmes)
    f = _figures(programmes, currency, rates)
    if fig is None:
        fig = plt.figure(figsize=(13, 8.5), layout="constrained")
    axes = fig.subplots(2, 2)
    colours = _colours(f.countries)
    _running_panel(axes[0][0], f, colours)
    _budget_year_panel(axes[0][1], f, colours)
    _budget_country_panel(axes[1][0], f, colours)
    _reach_panel(axes[1][1], f)
    fig.suptitle(
        f"Portfolio of {len(programmes)} programmes in {len(f.countries)} countries",
        x=0.01,
        ha="left",
        fontsize=12,
    )
    return fig
