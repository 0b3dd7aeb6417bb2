"""IATI results to capacitylib indicators: ``result`` / ``indicator`` / ``baseline`` / ``period``.

Each ``<indicator>`` of a ``<result>`` is one :class:`~capacitylib.models.Indicator`: the
result's type gives the kind (1 Output is an output indicator, 2 Outcome, 3 Impact and 9 Other
result indicators), the indicator's title its name, its measure the measure, the baseline's
value and date the baseline, and each reporting period with a target or an actual value an
:class:`~capacitylib.models.IndicatorPeriod`. IATI states no unit: a count's unit is
``other`` (not guessed). Its id is ``result-<r>-indicator-<i>`` (positions from 1). The
result's own title and description, references, dimensions, locations, comments and
document links have no field and are kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from capacitylib.codelists import IndicatorMeasure
from capacitylib.io.iati import _codes
from capacitylib.io.iati._import_values import decimal, iso_date
from capacitylib.io.iati._ledger import Marks
from capacitylib.models import Indicator, IndicatorPeriod

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._import_activity import ActivityMapper

_YEAR = re.compile(r"^\d{4}$")


def map_results(mapper: ActivityMapper) -> list[dict[str, Any]]:
    """The indicators of the activity's results, as model data (each validated)."""
    indicators: list[dict[str, Any]] = []
    for r, result in enumerate(mapper.all("result"), start=1):
        kind = _codes.RESULT_TYPE_IMPORT.get(result.get("type") or "")
        if kind is None:
            continue
        for i, element in enumerate(mapper.all("indicator", result), start=1):
            data = _indicator(mapper, element, f"result-{r}-indicator-{i}", kind.value, result)
            if data is not None:
                indicators.append(data)
    return indicators


def _indicator(
    mapper: ActivityMapper,
    element: etree._Element,
    indicator_id: str,
    kind: str,
    result: etree._Element,
) -> dict[str, Any] | None:
    marks = Marks()
    name = mapper.text(mapper.first("title", element), marks)
    measure = _codes.INDICATOR_MEASURE_IMPORT.get(element.get("measure") or "")
    if name is None or measure is None:
        return None
    data: dict[str, Any] = {
        "id": indicator_id,
        "kind": kind,
        "name": name.root,
        "measure": measure.value,
    }
    if measure is IndicatorMeasure.UNIT:
        data["unit"] = "other"  # IATI states no unit: "other" says so rather than guessing
    marks.use(element, "measure")
    marks.use(result, "type")
    baseline = mapper.first("baseline", element)
    value = decimal(baseline.get("value")) if baseline is not None else None
    if baseline is not None and value is not None:
        data["baseline"] = str(value)
        marks.use(baseline, "value")
        as_of = iso_date(baseline.get("iso-date"))
        year = baseline.get("year") or ""
        if as_of is not None:
            data["baseline_as_of"] = as_of
            marks.attribute(baseline, "iso-date")
        elif _YEAR.match(year):
            data["baseline_as_of"] = year
            marks.attribute(baseline, "year")
    periods = []
    for period in mapper.all("period", element):
        found = _period(mapper, period)
        if found is not None:
            periods.append(found[0])
            marks.merge(found[1])
    if periods:
        data["periods"] = periods
    if mapper.build(Indicator, data, marks, element) is None:
        return None
    return data


def _period(mapper: ActivityMapper, period: etree._Element) -> tuple[dict[str, Any], Marks] | None:
    marks = Marks()
    start = mapper.first("period-start", period)
    end = mapper.first("period-end", period)
    first_day = iso_date(start.get("iso-date")) if start is not None else None
    last_day = iso_date(end.get("iso-date")) if end is not None else None
    if start is None or first_day is None:
        return None
    data: dict[str, Any] = {"start": first_day}
    marks.use(start, "iso-date")
    if end is not None and last_day is not None:
        data["end"] = last_day
        marks.use(end, "iso-date")
    for name in ("target", "actual"):
        figure = mapper.first(name, period)
        value = decimal(figure.get("value")) if figure is not None else None
        if figure is not None and value is not None:
            data[name] = {"value": str(value)}
            marks.use(figure, "value")
    if "target" not in data and "actual" not in data:
        return None
    marks.use(period)
    try:
        IndicatorPeriod.model_validate(data)
    except ValidationError:
        return None
    return data, marks
