"""The report's notes on the defaults its figures rely on, instead of applying them silently."""

from __future__ import annotations

from capacitylib.calculators._report._inputs import ReportInputs
from capacitylib.codelists import HoursUnit
from capacitylib.reference import ReferenceTables
from capacitylib.values import Hours
from capacitylib.values.hours import DEFAULT_HOURS_PER_DAY


def assumption_notes(inputs: ReportInputs) -> list[str]:
    """Notes for hours stated in days, and for academic hours of no stated length."""
    programme, tables = inputs.programme, inputs.tables
    stated: list[Hours] = []
    for activity in programme.activities:
        for hours in (activity.hours_per_session, activity.hours_per_participant):
            if hours is not None:
                stated.append(hours)
        if activity.total_hours is not None:
            stated.append(activity.total_hours)
        stated += [s.hours for s in activity.sessions if s.hours is not None]
    notes = []
    if any(h.unit is HoursUnit.DAY for h in stated):
        notes.append(
            f"hours stated in days counted at {DEFAULT_HOURS_PER_DAY} clock hours a day "
            "(an assumption; pass hours_per_day to the calculators to change it)"
        )
    if any(h.unit is HoursUnit.ACADEMIC_HOUR and h.academic_hour_minutes is None for h in stated):
        table = tables if tables is not None else ReferenceTables.default()
        minutes = table.academic_hour_minutes(programme.country)
        where = programme.country or "unknown country"
        notes.append(
            f"academic hours counted at {minutes} minutes, the default for {where}"
            if minutes is not None
            else f"academic hours not converted: no default length for {where}"
        )
    return notes


__all__ = ["assumption_notes"]
