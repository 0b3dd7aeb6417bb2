"""What it achieves: each indicator as a ``result`` with one ``indicator``, baseline and periods.

Policy (docs/iati.md): the result type is the indicator's kind (1 Output, 2 Outcome), the
indicator measure its measure; a baseline needs a year (its ``baseline_as_of``, else the
activity's start year, derived). Each reporting period is an IATI period with its target and
actual; a breakdown part is a further target or actual with a ``dimension`` (``gender`` =
``women``). The overall target (with ``target_date``) and the format 1.0 ``actuals`` are periods
from the activity's start to their date. A figure IATI cannot hold exactly (a range, an open
bound, an approximate figure) writes its value by :func:`._export_figures.figure`, with a
``comment`` stating it as the source does, and is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from capacitylib.codelists import IndicatorMeasure
from capacitylib.errors import Loc
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import decimal_text, figure, last_day
from capacitylib.values import Estimate, LocalizedText, PartialDate

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter
    from capacitylib.models import Indicator
    from capacitylib.models.indicator import IndicatorPeriod


@dataclass(slots=True)
class _Figure:
    """A target or an actual to write: its value, words, breakdown and where it comes from."""

    loc: Loc
    value: Estimate | None = None
    narrative: LocalizedText | None = None
    notes: list[str] = field(default_factory=list)
    dimension: tuple[str, str] | None = None


@dataclass(slots=True)
class _Period:
    start: date
    end: date
    targets: list[_Figure] = field(default_factory=list)
    actuals: list[_Figure] = field(default_factory=list)


def write_results(w: ActivityWriter, activity: etree._Element) -> None:
    """Append one ``result`` per indicator of the programme."""
    for i, indicator in enumerate(w.programme.indicators):
        _result(w, activity, indicator, ("indicators", i))


def _result(w: ActivityWriter, activity: etree._Element, ind: Indicator, loc: Loc) -> None:
    result = w.sub(activity, "result", type=_codes.RESULT_TYPE[ind.kind])
    w.narratives(w.sub(result, "title"), ind.name, (*loc, "name"))
    measure = ind.measure
    code = _codes.INDICATOR_MEASURE[measure]
    if not _codes.round_trips(_codes.INDICATOR_MEASURE, _codes.INDICATOR_MEASURE_IMPORT, measure):
        w.lossy(
            (*loc, "measure"),
            f"measure '{measure.value}' written as IATI indicator measure {code} (Unit): IATI "
            "has no ratio measure",
            measure.value,
        )
    node = w.sub(result, "indicator", measure=code)
    w.narratives(w.sub(node, "title"), ind.name, (*loc, "name"))
    words = []
    if ind.unit is not None:
        words.append(f"Unit: {ind.unit.value.replace('_', ' ')}.")
    if ind.target_group is not None:
        words.append(f"Target group: {ind.target_group.value.replace('_', ' ')}.")
    if ind.note:
        words.append(ind.note)
    if words:
        w.english(w.sub(node, "description"), " ".join(words), (*loc, "note"))
    common = ind.common_indicator
    if common:
        w.lossy(
            (*loc, "common_indicator"),
            f"common indicator {common} written as a reference in vocabulary 99 (the reporting "
            "organisation's): IATI has no vocabulary for the funders' common indicators",
            common,
        )
        w.sub(node, "reference", vocabulary="99", code=w.clean(common, (*loc, "common_indicator")))
    qualitative = measure is IndicatorMeasure.QUALITATIVE
    _baseline(w, node, ind, loc, qualitative=qualitative)
    for period in _periods(w, ind, loc):
        _write_period(w, node, period, qualitative=qualitative)


def _baseline(
    w: ActivityWriter, node: etree._Element, ind: Indicator, loc: Loc, *, qualitative: bool
) -> None:
    if ind.baseline is None:
        return
    as_of = ind.baseline_as_of
    year = as_of.year if as_of is not None else None
    day = as_of.to_date() if as_of is not None else None
    if year is None:
        start = w.dates.first
        if start is None:
            w.lossy(
                (*loc, "baseline"), "baseline not written: IATI needs its year", str(ind.baseline)
            )
            return
        year = start.year
        w.finding(
            "iati_export_derived",
            (*loc, "baseline"),
            f"no baseline date: IATI needs the baseline's year, so the activity's start year "
            f"({year}) is written",
            year,
        )
    value, words = figure(ind.baseline)
    if words:
        w.lossy((*loc, "baseline"), f"baseline {words}", str(ind.baseline))
    baseline = w.sub(
        node,
        "baseline",
        year=str(year),
        iso_date=day.isoformat() if day is not None else None,
        value=None if qualitative else decimal_text(value),
    )
    comments = [f"Baseline {words}."] if words else []
    source = ind.baseline_source
    if source:
        comments.append(f"Source: {source}")
    if qualitative:
        comments.append(f"Baseline: {ind.baseline}.")
    if comments:
        w.english(w.sub(baseline, "comment"), " ".join(comments), (*loc, "baseline"))


def _periods(w: ActivityWriter, ind: Indicator, loc: Loc) -> list[_Period]:
    found: dict[tuple[date, date], _Period] = {}

    def period(start: date, end: date) -> _Period:
        return found.setdefault((start, end), _Period(start, end))

    for j, stated in enumerate(ind.periods):
        if stated.span is not None:
            _reporting_period(period(*stated.span), stated, (*loc, "periods", j))
    start = w.dates.first
    if ind.target is not None:
        end = _last(w, ind.target_date, (*loc, "target_date")) if ind.target_date else w.dates.last
        if start is None or end is None:
            w.lossy(
                (*loc, "target"),
                "target not written: IATI needs its period and neither the target date nor the "
                "activity's end is known",
                str(ind.target),
            )
        else:
            target = _Figure((*loc, "target"), value=ind.target)
            parts = _breakdown_figures(ind.target_breakdowns, (*loc, "target"))
            period(min(start, end), end).targets += [target, *parts]
    for j, actual in enumerate(ind.actuals):
        aloc = (*loc, "actuals", j)
        end = _last(w, actual.as_of, (*aloc, "as_of"))
        if end is None or start is None:
            w.lossy(aloc, "actual not written: IATI needs its period end", str(actual.value))
            continue
        main = _Figure(aloc, value=actual.value)
        if actual.source:
            main.notes.append(f"Source: {actual.source}")
        period(min(start, end), end).actuals += [main, *_breakdown_figures(actual.breakdowns, aloc)]
    return sorted(found.values(), key=lambda p: (p.start, p.end))


def _reporting_period(here: _Period, stated: IndicatorPeriod, loc: Loc) -> None:
    """A stated reporting period's target and actual; its note goes with its first figure."""
    note = [stated.note] if stated.note else []
    if stated.target is not None:
        main, *parts = _figures(stated.target, (*loc, "target"))
        main.notes += note
        note = []
        here.targets += [main, *parts]
    if stated.actual is not None:
        main, *parts = _figures(stated.actual, (*loc, "actual"))
        if stated.actual.as_of is not None and stated.actual_as_of != here.end:
            main.notes.append(f"As of {stated.actual.as_of}.")
        main.notes += note
        here.actuals += [main, *parts]


def _last(w: ActivityWriter, when: PartialDate | None, loc: Loc) -> date | None:
    if when is None:
        return None
    if when.year is None:
        w.lossy(loc, f"stated as {when} (no year): no IATI period end can be written", str(when))
        return None
    day, note = last_day(when)
    if note:
        w.lossy(loc, note, str(when))
    return day


def _figures(stated: Any, loc: Loc) -> list[_Figure]:
    main = _Figure(loc, value=stated.value, narrative=stated.narrative)
    if getattr(stated, "source", None):
        main.notes.append(f"Source: {stated.source}")
    if stated.note:
        main.notes.append(stated.note)
    return [main, *_breakdown_figures(stated.breakdowns, loc)]


def _breakdown_figures(breakdowns: Any, loc: Loc) -> list[_Figure]:
    parts = []
    for k, breakdown in enumerate(breakdowns):
        for m, part in enumerate(breakdown.parts):
            item = _Figure(
                (*loc, "breakdowns", k, "parts", m),
                value=part.value,
                dimension=(breakdown.by.value, part.category),
            )
            if part.label is not None:
                item.notes.append(part.label.best("en"))
            if part.note:
                item.notes.append(part.note)
            if breakdown.note:
                item.notes.append(breakdown.note)
            parts.append(item)
    return parts


def _write_period(
    w: ActivityWriter, node: etree._Element, period: _Period, *, qualitative: bool
) -> None:
    figures = [
        (tag, item)
        for tag, items in (("target", period.targets), ("actual", period.actuals))
        for item in items
        if _writable(w, tag, item, qualitative=qualitative)
    ]
    if not figures:
        return
    element = w.sub(node, "period")
    w.sub(element, "period-start", iso_date=period.start.isoformat())
    w.sub(element, "period-end", iso_date=period.end.isoformat())
    for tag, item in figures:  # every target, then every actual: the schema's order
        _write_figure(w, element, tag, item, qualitative=qualitative)


def _writable(w: ActivityWriter, tag: str, item: _Figure, *, qualitative: bool) -> bool:
    if item.value is None and not qualitative:
        # IATI rules 8.9.1 and 8.10.1: a figure of a non-qualitative indicator has a value.
        w.lossy(
            item.loc,
            f"a {tag} stated only in words is not written: IATI needs a value for a "
            "non-qualitative indicator",
        )
        return False
    return True


def _write_figure(
    w: ActivityWriter, parent: etree._Element, tag: str, item: _Figure, *, qualitative: bool
) -> None:
    notes = list(item.notes)
    value_text = None
    if item.value is not None and not qualitative:
        value, words = figure(item.value)
        value_text = decimal_text(value)
        if words:
            w.lossy(item.loc, f"{tag} {words}", str(item.value))
            notes.insert(0, f"The {tag} is {words}.")
    elif item.value is not None:
        notes.insert(0, f"{tag.capitalize()}: {item.value}.")
    figure_node = w.sub(parent, tag, value=value_text)
    if item.dimension is not None:
        name, category = item.dimension
        w.sub(figure_node, "dimension", name=name, value=w.clean(category, item.loc))
    if item.narrative is not None or notes:
        comment = w.sub(figure_node, "comment")
        if item.narrative is not None:
            w.narratives(comment, item.narrative, (*item.loc, "narrative"))
        if notes:
            w.english(comment, " ".join(notes), item.loc)
