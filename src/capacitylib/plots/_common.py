"""Shared pieces of the charts: the lazy matplotlib import, colours and label helpers."""

from __future__ import annotations

import textwrap
from types import ModuleType
from typing import TYPE_CHECKING

from capacitylib.io._extras import require

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Transform

#: Colours of the three kinds of timeline rows and of achieved and planned figures.
PROGRAMME_COLOUR = "#37474f"
PARTNER_COLOUR = "#00897b"
ACTIVITY_COLOUR = "#3949ab"
CANCELLED_COLOUR = "#9e9e9e"
ACHIEVED_COLOUR = "#1e88e5"
PLANNED_COLOUR = "#fb8c00"
#: Hatch pattern of everything that is a plan rather than a fact.
PLANNED_HATCH = "////"


def pyplot() -> ModuleType:
    """``matplotlib.pyplot``, or :class:`~capacitylib.MissingExtraError` naming the extra."""
    return module("matplotlib.pyplot")


def module(name: str) -> ModuleType:
    """A matplotlib submodule (``matplotlib.dates``), or the error naming the ``plot`` extra."""
    require("matplotlib", extra="plot")
    return require(name, extra="plot", package="matplotlib")


def below_axes(ax: Axes, points: float) -> Transform:
    """Axes coordinates shifted down by ``points``: a legend there clears the tick labels."""
    from matplotlib.transforms import ScaledTranslation  # noqa: PLC0415 - matplotlib is optional

    return ax.transAxes + ScaledTranslation(0, -points / 72, ax.figure.dpi_scale_trans)


def new_axes(width: float, height: float) -> tuple[Figure, Axes]:
    """A new pyplot figure (constrained layout) with one axes."""
    fig, ax = pyplot().subplots(figsize=(width, height), layout="constrained")
    return fig, ax


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def wrap(text: str, width: int, lines: int = 2) -> str:
    """``text`` wrapped to at most ``lines`` lines of ``width`` characters."""
    wrapped = textwrap.wrap(" ".join(text.split()), width)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], shorten(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped)
