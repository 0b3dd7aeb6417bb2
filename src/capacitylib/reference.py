"""Reference tables that vary by country, instrument or year, overridable per call.

The defaults live in ``capacitylib/_data/*.csv`` with their source and a tag: ``V`` (read in the
cited source) or ``U`` (commonly quoted, unconfirmed; an overridable default, never law).
Pass your own :class:`ReferenceTables` (see :meth:`ReferenceTables.with_overrides`) to any check
or calculator that takes ``tables=``.

>>> tables = ReferenceTables.default()
>>> tables.academic_hour_minutes("LT"), tables.cpd_hours_per_year("CZ")
(45, Decimal('24'))
>>> tables.cpd_hours_per_year("PL") is None  # no requirement known: None, never 0
True
>>> tables.with_overrides(academic_hour_minutes={"LV": 40}).academic_hour_minutes("LV")
40
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from capacitylib._tables import _rows

#: Minutes in a clock hour.
CLOCK_HOUR_MINUTES = 60


@dataclass(frozen=True, slots=True)
class TableEntry:
    """Where a reference value comes from: the source and whether it was verified (``V``/``U``)."""

    source: str
    verified: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class CofinancingCeiling:
    """Highest EU or donor share of eligible costs for an instrument, period and region category."""

    instrument: str
    programming_period: str
    region_category: str | None
    beneficiary: str | None
    max_rate: Decimal
    entry: TableEntry


@dataclass(frozen=True)
class ReferenceTables:
    """The tables rules and calculators consult. Immutable; derive variants with overrides."""

    academic_hours: Mapping[str, int] = field(default_factory=dict)
    cpd_hours: Mapping[str, Decimal | None] = field(default_factory=dict)
    ceilings: tuple[CofinancingCeiling, ...] = ()
    sources: Mapping[str, TableEntry] = field(default_factory=dict)

    @classmethod
    def default(cls) -> ReferenceTables:
        """The shipped tables (loaded once)."""
        return _default_tables()

    def academic_hour_minutes(self, country: str | None) -> int | None:
        """Minutes in an academic hour in ``country``, or ``None`` when unknown."""
        return self.academic_hours.get(country) if country else None

    def cpd_hours_per_year(self, country: str | None) -> Decimal | None:
        """Minimum CPD hours per worker per calendar year, or ``None`` (no requirement known)."""
        return self.cpd_hours.get(country) if country else None

    def cofinancing_ceiling(
        self,
        instrument: str,
        programming_period: str | None,
        *,
        region_category: str | None = None,
        beneficiary: str | None = None,
    ) -> CofinancingCeiling | None:
        """The most specific ceiling matching the arguments, or ``None`` when none applies.

        A row with a region category or beneficiary kind matches only that category or kind;
        a row with neither is the fallback for its instrument and period.
        """
        best: CofinancingCeiling | None = None
        for row in self.ceilings:
            if row.instrument != instrument or row.programming_period != programming_period:
                continue
            if row.region_category is not None and row.region_category != region_category:
                continue
            if row.beneficiary is not None and row.beneficiary != beneficiary:
                continue
            specificity = (row.region_category is not None) + (row.beneficiary is not None)
            if best is None or specificity > (best.region_category is not None) + (
                best.beneficiary is not None
            ):
                best = row
        return best

    def with_overrides(
        self,
        *,
        academic_hour_minutes: Mapping[str, int] | None = None,
        cpd_hours_per_year: Mapping[str, Decimal | int | None] | None = None,
        ceilings: tuple[CofinancingCeiling, ...] | None = None,
    ) -> ReferenceTables:
        """A copy with some countries' values replaced (``None`` CPD hours: no requirement)."""
        academic = dict(self.academic_hours)
        academic.update(academic_hour_minutes or {})
        cpd = dict(self.cpd_hours)
        for country, hours in (cpd_hours_per_year or {}).items():
            cpd[country] = None if hours is None else Decimal(hours)
        return replace(
            self,
            academic_hours=academic,
            cpd_hours=cpd,
            ceilings=self.ceilings if ceilings is None else ceilings,
        )


@functools.cache
def _default_tables() -> ReferenceTables:
    sources: dict[str, TableEntry] = {}
    academic: dict[str, int] = {}
    for r in _rows("academic_hours.csv"):
        academic[r["country"]] = int(r["minutes"])
        sources[f"academic_hours:{r['country']}"] = TableEntry(r["source"], r["tag"] == "V")
    cpd: dict[str, Decimal | None] = {}
    for r in _rows("cpd_minimums.csv"):
        cpd[r["country"]] = Decimal(r["hours_per_year"]) if r["hours_per_year"] else None
        sources[f"cpd:{r['country']}"] = TableEntry(r["source"], r["tag"] == "V", r["note"])
    ceilings = tuple(
        CofinancingCeiling(
            instrument=r["instrument"],
            programming_period=r["programming_period"],
            region_category=r["region_category"] or None,
            beneficiary=r["beneficiary"] or None,
            max_rate=Decimal(r["max_rate"]),
            entry=TableEntry(r["source"], r["tag"] == "V"),
        )
        for r in _rows("cofinancing_ceilings.csv")
    )
    return ReferenceTables(
        academic_hours=academic, cpd_hours=cpd, ceilings=ceilings, sources=sources
    )
