"""Pictures of programmes: a timeline, indicator achievement against targets, a portfolio view.

Needs the ``plot`` extra (``pip install "capacitylib[plot]"``); matplotlib is imported on the
first call, so ``import capacitylib.plots`` works without it.
"""

from capacitylib.plots.indicators import plot_achievement, plot_indicator_periods
from capacitylib.plots.portfolio import plot_portfolio
from capacitylib.plots.timeline import plot_timeline

__all__ = ["plot_achievement", "plot_indicator_periods", "plot_portfolio", "plot_timeline"]
