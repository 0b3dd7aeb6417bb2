import subprocess
import sys

import pytest

pytest.importorskip("matplotlib")

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from capacitylib import MissingExtraError, Programme
from capacitylib.plots.indicators import plot_indicator_periods
from tests.models.test_results_framework import MONITORING_REPORT

REPORT = Programme.model_validate(MONITORING_REPORT)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _actual_widths(ax):
    return sorted(round(b.get_width(), 2) for b in _bars(ax) if b.get_height() < 0.5)


def test_one_row_per_indicator_and_period_with_figures_in_the_label():
    """The monitoring report has six periods; each label names the period and its figures."""
    ax = plot_indicator_periods(REPORT)
    labels = _labels(ax)
    assert len(labels) == 6
    assert labels[0].splitlines() == [
        "Social workers taking part in supervision training · 2023",
        "target 100 persons · actual 96 (as of 2023-12-31)",
    ]
    assert labels[2].endswith("target 90-110 persons · not reported")
    assert labels[5].startswith("Change in case work practice · 2023-01..2023-06")
    assert "Indicators by reporting period" in ax.get_title(loc="left")


def test_each_period_is_drawn_against_its_own_target():
    """96 of 100 is 96%, 80 of 90 is 88.89%, 83.5 of 80 is 104.38%: each its own scale."""
    ax = plot_indicator_periods(REPORT)
    assert _actual_widths(ax) == [88.89, 96.0, 104.38]
    assert ax.get_xlim()[1] > 104.38
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("no achieved value reported") == 2  # 2024 and 2025 of participants
    assert "qualitative: no figure to draw" in texts


def test_a_target_range_is_a_band_and_rows_of_indicators_are_separated():
    """The 2025 target of 90-110 is a band from 81.8% to 100%; indicators are ruled apart."""
    ax = plot_indicator_periods(REPORT)
    bands = [b for b in _bars(ax) if b.get_height() > 0.5 and b.get_x() > 0]
    assert len(bands) == 1
    assert bands[0].get_x() == pytest.approx(90 / 110 * 100)
    rules = [line for line in ax.get_lines() if line.get_ydata()[0] == line.get_ydata()[-1]]
    assert sorted(line.get_ydata()[0] for line in rules) == [2.5, 3.5, 4.5]


def test_one_indicator_alone_and_a_given_axes():
    """An indicator draws on its own, into the axes passed, titled by its name."""
    _, ax = plt.subplots()
    assert plot_indicator_periods(REPORT.indicators[1], ax=ax) is ax
    assert ax.get_title(loc="left").startswith("Participants who completed the training")
    assert _actual_widths(ax) == [88.89]
    assert ax.get_legend() is not None


def test_no_periods_says_so():
    """A programme whose indicators have no periods gives an empty chart that says so."""
    programme = Programme.model_validate({"id": "p", "title": {"en": "P"}})
    ax = plot_indicator_periods(programme)
    assert [t.get_text() for t in ax.texts] == ["no reporting periods stated"]


def test_missing_matplotlib_names_the_extra(monkeypatch):
    """Without matplotlib the chart raises MissingExtraError naming the plot extra."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r'pip install "capacitylib\[plot\]"'):
        plot_indicator_periods(REPORT)


def test_importing_the_module_does_not_import_matplotlib():
    """capacitylib.plots.indicators imports without matplotlib; it loads on the first chart."""
    code = "import sys, capacitylib.plots.indicators; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
