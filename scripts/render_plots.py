"""Draw the charts of the bundled seed programmes into docs/images/ (run by the docs build).

python scripts/render_plots.py            # write docs/images/*.png
python scripts/render_plots.py OUT_DIR    # write them somewhere else

The mkdocs hook (docs/hooks.py) calls :func:`render` before every build, so the pictures in the
documentation are always drawn from the current seed data and code. A file is rewritten only
when its bytes change, so ``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure, SubFigure

import capacitylib
from capacitylib.plots import plot_achievement, plot_portfolio, plot_timeline

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "images"
DPI = 100


def _save(fig: Figure | SubFigure, path: Path) -> bool:
    """Write ``fig`` as PNG to ``path`` unless the file already holds these bytes."""
    buffer = io.BytesIO()
    # No "Software" metadata: the same chart gives the same bytes across matplotlib versions.
    root = fig.figure
    root.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(root)
    data = buffer.getvalue()
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def render(out: Path = DEFAULT_OUT) -> list[Path]:
    """Draw every chart of the seed programmes into ``out``; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    programmes = capacitylib.load_examples()
    charts: list[tuple[Path, Figure | SubFigure]] = []
    for programme in programmes:
        charts.append((out / f"timeline-{programme.id}.png", plot_timeline(programme).figure))
        if programme.indicators:
            figure = plot_achievement(programme).figure
            charts.append((out / f"achievement-{programme.id}.png", figure))
    charts.append((out / "portfolio.png", plot_portfolio(programmes)))
    return [path for path, fig in charts if _save(fig, path)]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for written in render(target):
        print(written)  # noqa: T201 - a script reports what it wrote
