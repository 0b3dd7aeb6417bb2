"""What every section builder of a report is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from capacitylib.models import Programme
from capacitylib.reference import ReferenceTables


@dataclass(slots=True)
class ReportInputs:
    """The programme, the options of :func:`~capacitylib.calculators.build_report`, the notes.

    ``notes`` collects, in the order the sections run, what a reader must know about the
    figures (a default assumed, a figure that could not be computed).
    """

    programme: Programme
    as_of: date | None = None
    tables: ReferenceTables | None = None
    notes: list[str] = field(default_factory=list)
