"""The report of one programme: every figure of the calculators, for JSON and for reading.

:func:`build_report` computes the figures (exact, unrounded), one section per topic
(``calculators/_report/``: duration, budget, activities and training, indicators, notes);
:meth:`ProgrammeReport.to_json_dict` gives the JSON shape documented in ``docs/semantics.md``
and :meth:`ProgrammeReport.render_text` a readable summary. Rounding happens only there, by
the one policy of every view (``calculators/_presentation.py``): shares and achievement to 4
places of the fraction (2 of the percent), clock hours and person-hours to 2 places, unit
costs to the currency's minor unit.

Total on every valid programme: a figure that cannot be computed exactly (a sum above the
amount limit of 10^18, more digits than exact arithmetic keeps, a division that overflows) is
``None`` (unknown), with a line in ``notes`` when a budget figure is lost; never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import localcontext
from typing import Any

from capacitylib.calculators._common import WIDE
from capacitylib.calculators._memo import computed_once
from capacitylib.calculators._render import report_json, report_text
from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.calculators._report.activities import (
    ActivityFigures,
    TrainingFigures,
    activities_section,
    activity_figures,
    training_section,
)
from capacitylib.calculators._report.budget import BudgetFigures, budget_section, report_currency
from capacitylib.calculators._report.duration import DurationFigures, duration_section
from capacitylib.calculators._report.indicators import IndicatorFigures, indicators_section
from capacitylib.calculators._report.notes import assumption_notes
from capacitylib.calculators.reach import (
    ReachFigure,
    municipalities_reached,
    organisations_reached,
    reach,
)
from capacitylib.calculators.results import IndicatorPeriodFigures, indicator_period_figures
from capacitylib.codelists import ActivityKind
from capacitylib.models import Programme
from capacitylib.reference import ReferenceTables


@dataclass(frozen=True, slots=True)
class ProgrammeReport:
    """Every figure of one programme, exact; render it with :meth:`to_json_dict` or as text.

    >>> import capacitylib
    >>> report = build_report(capacitylib.load_examples()[0])
    >>> report.country, report.duration.days
    ('CZ', 485)
    >>> print(report.render_text().splitlines()[3])
    Period: 2016-11-01 .. 2018-02-28, 485 days (1 year 4 months 0 days)
    """

    id: str
    code: str | None
    title: str
    country: str | None
    funding_instruments: tuple[str, ...]
    currency: str | None
    as_of: date | None
    duration: DurationFigures
    budget: BudgetFigures
    activities: dict[ActivityKind, ActivityFigures]
    activities_planned: dict[ActivityKind, ActivityFigures]
    reach: tuple[ReachFigure, ...]
    reach_planned: tuple[ReachFigure, ...]
    organisations_reached: tuple[str, ...]
    municipalities_reached: tuple[str, ...]
    indicators: tuple[IndicatorFigures, ...]
    notes: tuple[str, ...] = ()
    training: tuple[TrainingFigures, ...] = ()
    indicator_periods: tuple[IndicatorPeriodFigures, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON object of this programme (keys documented in ``docs/semantics.md``).

        Amounts are decimal strings; every count, hours or participants figure is
        ``{"min": n, "max": n}`` (n an int when whole, else a decimal string) or ``None`` when
        the data do not give it.
        """
        return report_json(self)

    def render_text(self) -> str:
        """A readable summary: title, period, budget, activities, reach and indicators."""
        return report_text(self)

    def _repr_html_(self) -> str:
        from capacitylib.display import report_html  # noqa: PLC0415 - loaded on first use

        return report_html(self)


def build_report(
    programme: Programme, *, as_of: date | None = None, tables: ReferenceTables | None = None
) -> ProgrammeReport:
    """Compute every report figure of ``programme``.

    ``as_of`` adds the elapsed and remaining days and the share elapsed (nothing is assumed
    about today's date); ``tables`` overrides the reference tables (academic-hour lengths).

    >>> import capacitylib
    >>> cz = capacitylib.load_examples()[0]
    >>> r = build_report(cz)
    >>> r.duration.days, str(r.duration.calendar)
    (485, '1 year 4 months 0 days')
    >>> str(r.activities[ActivityKind.SUPERVISION_TEAM].clock_hours)
    '228-342'
    """
    # Whatever the caller's decimal context; each activity's figures computed once.
    with localcontext(WIDE), computed_once():
        return _report(programme, as_of, tables)


def _report(
    programme: Programme, as_of: date | None, tables: ReferenceTables | None
) -> ProgrammeReport:
    inputs = ReportInputs(programme, as_of, tables)
    # The sections add their notes in this order: assumptions, training, budget.
    inputs.notes += assumption_notes(inputs)
    training = training_section(inputs)
    budget = budget_section(inputs)
    return ProgrammeReport(
        id=programme.id,
        code=str(programme.code) if programme.code is not None else None,
        title=programme.title.best("en"),
        country=str(programme.country) if programme.country is not None else None,
        funding_instruments=tuple(i.value for i in programme.funding_instruments),
        currency=report_currency(budget, programme),
        as_of=as_of,
        duration=duration_section(inputs),
        budget=budget,
        activities=activities_section(inputs, "achieved"),
        activities_planned=activities_section(inputs, "planned"),
        reach=reach(programme, scope="achieved"),
        reach_planned=reach(programme, scope="planned"),
        organisations_reached=organisations_reached(programme, scope="all"),
        municipalities_reached=municipalities_reached(programme, scope="all"),
        indicators=indicators_section(inputs),
        notes=tuple(inputs.notes),
        training=training,
        indicator_periods=indicator_period_figures(programme),
    )


def render_reports_text(reports: list[ProgrammeReport]) -> str:
    """The text summaries of several programmes, separated by a blank line.

    >>> import capacitylib
    >>> text = render_reports_text([build_report(p) for p in capacitylib.load_examples()])
    >>> text.count("Activities (achieved):")
    6
    """
    return "\n\n".join(report.render_text() for report in reports)


__all__ = [
    "ActivityFigures",
    "BudgetFigures",
    "DurationFigures",
    "IndicatorFigures",
    "ProgrammeReport",
    "TrainingFigures",
    "activity_figures",
    "build_report",
    "render_reports_text",
]
