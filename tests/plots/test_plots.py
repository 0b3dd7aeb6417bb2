import subprocess
import sys
from decimal import Decimal

import pytest

pytest.importorskip("matplotlib")

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import capacitylib
from capacitylib import MissingExtraError, Programme
from capacitylib.calculators import RateTable
from capacitylib.plots import plot_achievement, plot_portfolio, plot_timeline
from capacitylib.plots._common import PLANNED_HATCH

EXAMPLES = {p.id: p for p in capacitylib.load_examples()}


def _labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _lines(ax):
    return [line for line in ax.get_lines() if isinstance(line, Line2D)]


def _day(x: float):
    return mdates.num2date(x).date()


# --- the extra --------------------------------------------------------------------------------


def test_importing_plots_does_not_import_matplotlib():
    """import capacitylib.plots works without matplotlib; it is loaded on the first chart."""
    code = "import sys, capacitylib.plots; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_missing_matplotlib_names_the_extra(monkeypatch):
    """Without matplotlib a chart raises MissingExtraError naming pip install capacitylib[plot]."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r'pip install "capacitylib\[plot\]"'):
        plot_timeline(EXAMPLES["cz-up-msk-supervision"])


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_rows_are_periods_then_partners_then_activities():
    """The CZ timeline has the actual period, both partners and the three activities, in order."""
    ax = plot_timeline(EXAMPLES["cz-up-msk-supervision"])
    firsts = [label.splitlines()[0] for label in _labels(ax)]
    assert firsts[0] == "Programme period (actual)"
    assert firsts[1].startswith("EDVIA")
    assert firsts[3:] == [
        "Team supervision",
        "Networking across institutions and organisations (facil…",
        "Final evaluation report",
    ]
    assert "114 sessions held · 2-3 h each · 22 groups" in _labels(ax)[3]


def test_timeline_period_bar_covers_the_inclusive_days():
    """The programme bar runs from the first day to the end of the last day (485 days)."""
    ax = plot_timeline(EXAMPLES["cz-up-msk-supervision"])
    bar = _bars(ax)[0]
    assert _day(bar.get_x()).isoformat() == "2016-11-01"
    assert bar.get_width() == pytest.approx(485)


def test_planned_period_is_hatched_and_actual_is_solid():
    """A planned programme period is drawn hatched; an actual one is filled."""
    planned = _bars(plot_timeline(EXAMPLES["lv-2012.EEZ-PP-1-MEC-132"]))[0]
    actual = _bars(plot_timeline(EXAMPLES["cz-up-msk-supervision"]))[0]
    assert planned.get_hatch() == PLANNED_HATCH
    assert actual.get_hatch() is None


def test_undated_activities_are_dotted_outlines_over_the_programme_period():
    """An activity without dates is an unfilled dotted box over the programme period."""
    ax = plot_timeline(EXAMPLES["cz-up-msk-supervision"])
    outlines = [b for b in _bars(ax) if b.get_linestyle() == ":"]
    assert len(outlines) == 3
    assert all(not b.get_fill() or b.get_facecolor()[3] == 0 for b in outlines)


def test_open_partner_period_ends_in_an_arrow():
    """The Visaginas partner joined on 2023-01-02 with no end: its bar ends in an arrow marker."""
    ax = plot_timeline(EXAMPLES["lt-07-003-P-0001"])
    arrows = [line for line in _lines(ax) if line.get_marker() == ">"]
    assert len(arrows) == 1
    assert "2023-01-02 .. open" in _labels(ax)[2]


def test_year_precision_dates_are_spans_not_days():
    """Activities dated only "2018" are drawn across the whole year, never on one made-up day."""
    ax = plot_timeline(EXAMPLES["lv-daugavpils-social-services-2018"])
    spans = [line for line in _lines(ax) if line.get_marker() == "|"]
    assert len(spans) == 3
    xs = sorted(tuple(_day(x).isoformat() for x in line.get_xdata()) for line in spans)
    assert xs[0] == ("2018-01-01", "2019-01-01")
    assert not [line for line in _lines(ax) if line.get_marker() == "o"]


def test_yearless_dates_use_a_month_axis():
    """A programme whose dates have no year is drawn on months; month-only sessions are spans."""
    ax = plot_timeline(EXAMPLES["lt-institutional-care-transition"])
    assert "no date states a year: drawn by month" in ax.get_title(loc="left")
    points = [line for line in _lines(ax) if line.get_marker() == "o"]
    spans = [line for line in _lines(ax) if line.get_marker() == "|"]
    assert len(points) == 1  # 30 March, completed: the only day known
    assert points[0].get_markerfacecolor() != "white"
    assert len(spans) == 4  # April twice, May, June: planned, dashed
    assert {line.get_linestyle() for line in spans} == {"--"}
    april = [line for line in spans if _day(line.get_xdata()[0]).month == 4]
    assert len(april) == 2
    assert april[0].get_ydata()[0] != april[1].get_ydata()[0]  # stacked, not hidden


def test_yearless_dates_in_a_dated_programme_are_counted_not_drawn():
    """A year-less session in a programme with a period is left out and the title says so."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "Mixed"},
            "periods": [{"start": "2019-01-01", "end": "2019-12-31"}],
            "activities": [
                {"id": "a", "kind": "seminar", "sessions": [{"date": "--04"}, {"date": "2019-05"}]},
                {"id": "b", "kind": "seminar", "sessions": [{"date": "--06"}]},
            ],
        }
    )
    ax = plot_timeline(programme)
    assert "2 date(s) without a year not drawn" in ax.get_title(loc="left")
    assert "dates stated without a year" in [t.get_text().strip() for t in ax.texts]


def test_planned_day_sessions_are_hollow_markers():
    """A planned session on a known day is a hollow marker; a completed one is filled."""
    programme = Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "Days"},
            "activities": [
                {
                    "id": "a",
                    "kind": "seminar",
                    "sessions": [
                        {"date": "2019-05-16", "status": "completed"},
                        {"date": "2019-09-16", "status": "planned"},
                    ],
                }
            ],
        }
    )
    points = [line for line in _lines(plot_timeline(programme)) if line.get_marker() == "o"]
    assert [p.get_markerfacecolor() == "white" for p in points] == [False, True]


def test_timeline_draws_into_a_given_axes(tmp_path):
    """With ax= the timeline draws there and returns that axes; the figure saves as PNG."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    assert plot_timeline(EXAMPLES["lv-9.2.1.1-15-I-001"], ax=ax) is ax
    fig.savefig(tmp_path / "t.png")
    assert (tmp_path / "t.png").stat().st_size > 1000


@pytest.mark.parametrize("programme", list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_every_seed_draws_a_timeline_with_a_legend(programme):
    """Every bundled example draws, with its English title and a legend of what is drawn."""
    ax = plot_timeline(programme)
    assert ax.get_title(loc="left").startswith(programme.title.best("en")[:40])
    assert ax.get_legend() is not None


# --- achievement ------------------------------------------------------------------------------


def _indicators(*items):
    return Programme.model_validate({"id": "p", "title": {"en": "P"}, "indicators": list(items)})


def test_achievement_rows_label_unit_target_and_missing_actual():
    """The EEA project's seven targets are drawn with their units; none has an actual."""
    ax = plot_achievement(EXAMPLES["lv-2012.EEZ-PP-1-MEC-132"])
    labels = _labels(ax)
    assert len(labels) == 7
    assert labels[1].endswith("result · target 48 families · no actual reported")
    assert labels[2].endswith("target 200 copies · no actual reported")
    assert sum(t.get_text() == "no achieved value reported" for t in ax.texts) == 7


def test_achievement_is_a_share_of_each_row_target():
    """12 of 14 persons is drawn as 85.7% of the target; 60 of 48 families as 125%."""
    ax = plot_achievement(
        _indicators(
            {
                "id": "a",
                "kind": "output",
                "name": {"en": "Trained"},
                "unit": "persons",
                "target": 14,
                "actuals": [{"value": 12, "as_of": "2015-03"}],
            },
            {
                "id": "b",
                "kind": "result",
                "name": {"en": "Families"},
                "unit": "families",
                "target": 48,
                "actuals": [{"value": 60, "as_of": "2015"}],
            },
        )
    )
    widths = sorted(round(b.get_width(), 2) for b in _bars(ax) if b.get_height() < 0.5)
    assert widths == [85.71, 125.0]
    assert ax.get_xlim()[1] > 125
    assert "actual 12 (2015-03)" in _labels(ax)[0]


def test_ranges_are_drawn_as_ranges():
    """A target of 88-100 h is a band from 88% to 100%; an actual of 90-110 h has error bars."""
    ax = plot_achievement(
        _indicators(
            {
                "id": "h",
                "kind": "output",
                "name": {"en": "Hours"},
                "unit": "hours",
                "target": {"min": 88, "max": 100},
                "actuals": [{"value": {"min": 90, "max": 110}, "as_of": "2015"}],
            }
        )
    )
    band = [b for b in _bars(ax) if b.get_height() > 0.5 and b.get_x() > 0]
    assert len(band) == 1
    assert band[0].get_x() == pytest.approx(88)
    assert band[0].get_width() == pytest.approx(12)
    assert ax.containers  # the error bar of the actual range
    assert "90-110%" in [t.get_text() for t in ax.texts]
    assert "target 88-100 hours" in _labels(ax)[0]


def test_indicator_without_target_is_not_put_on_a_scale():
    """An indicator with an actual but no target is labelled, not drawn against a made-up 100%."""
    ax = plot_achievement(
        _indicators(
            {
                "id": "x",
                "kind": "result",
                "name": {"en": "Cases"},
                "unit": "cases",
                "actuals": [{"value": 5, "as_of": "2018"}],
            }
        )
    )
    assert not _bars(ax)
    assert "no target stated: nothing to compare with" in [t.get_text() for t in ax.texts]


def test_programme_without_indicators_says_so():
    """A programme without indicators gives an empty chart that says so."""
    ax = plot_achievement(EXAMPLES["cz-up-msk-supervision"])
    assert [t.get_text() for t in ax.texts] == ["no indicators stated"]


# --- portfolio --------------------------------------------------------------------------------


def test_portfolio_has_four_panels_from_the_seed_figures():
    """The portfolio of the seeds: years 2013-2026, the LT budget split by days, LV reach."""
    fig = plot_portfolio(capacitylib.load_examples())
    assert isinstance(fig, Figure)
    running, by_year, by_country, reach = fig.axes[:4]
    assert running.get_xticklabels()[0].get_text() == "2013"
    assert "3 more programmes state no period" in running.get_title(loc="left")
    heights = {round(b.get_x() + b.get_width() / 2): b.get_height() for b in _bars(by_year)}
    assert heights[2024] == pytest.approx(10829708.81)
    assert heights[2022] == pytest.approx(710144.84)
    texts = [t.get_text() for t in by_country.texts]
    assert "43\u202f940\u202f212.00 EUR; not stated for 1 of 2 programmes" in texts
    assert "not stated for 3 of 3 programmes" in texts
    assert "LV · families" in [t.get_text() for t in reach.get_yticklabels()]
    assert "69 + 1 count not stated" in [t.get_text() for t in reach.texts]


def _budgeted(pid: str, country: str, amount: str, currency: str) -> Programme:
    return Programme.model_validate(
        {
            "id": pid,
            "title": {"en": pid},
            "country": country,
            "periods": [{"start": "2014-01-01", "end": "2014-12-31"}],
            "budget": {"total": {"amount": amount, "currency": currency}},
        }
    )


def test_portfolio_never_adds_currencies():
    """Budgets in LTL and EUR are not added: the chart draws one and names the other."""
    fig = plot_portfolio(
        [
            _budgeted("a", "LT", "345.28", "LTL"),
            _budgeted("b", "LV", "100.00", "EUR"),
            _budgeted("c", "LV", "50.00", "EUR"),
        ]
    )
    by_country = fig.axes[2]
    assert "(EUR)" in by_country.get_title(loc="left")
    assert "LTL are not added" in by_country.get_xlabel()


def test_portfolio_converts_with_rates():
    """With currency= and rates= every budget is converted first and drawn together."""
    rates = RateTable({("EUR", "LTL"): Decimal("3.4528")})
    fig = plot_portfolio(
        [_budgeted("a", "LT", "345.28", "LTL"), _budgeted("b", "LV", "100.00", "EUR")],
        currency="EUR",
        rates=rates,
    )
    bars = [b.get_width() for b in _bars(fig.axes[2])]
    assert bars == [pytest.approx(100.0), pytest.approx(100.0)]
    assert not fig.axes[2].get_xlabel()
