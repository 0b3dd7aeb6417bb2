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
>>> tables.common_indicator("EECO12").name
'participants with disabilities'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from capacitylib._tables import _rows
from capacitylib.codelists import BreakdownDimension, FundingInstrument, IndicatorKind, ReachUnit
from capacitylib.values.hours import CLOCK_HOUR_MINUTES as CLOCK_HOUR_MINUTES  # noqa: PLC0414 - re-exported where it was


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


#: The dimensions a common indicator may ask a breakdown by: the values of
#: :class:`capacitylib.codelists.BreakdownDimension`.
BREAKDOWN_DIMENSIONS = frozenset(d.value for d in BreakdownDimension)


@dataclass(frozen=True, slots=True)
class CommonIndicator:
    """A funder's common output or result indicator that programme indicators may report.

    ``code`` is the monitoring-system code (``EECO01``, ``CO01``): the regulations list the
    indicators by name only, so the code is commonly quoted rather than law (``code_verified``
    false). ``unit`` is what it counts in; ``compatible_units`` are other capacitylib units that
    count the same things (a municipality is a public administration). ``breakdowns`` are the
    dimensions the framework asks the figures to be broken down by.

    >>> ci = ReferenceTables.default().common_indicator("EECO01")
    >>> ci.framework, ci.kind.value, ci.unit.value, sorted(ci.breakdowns)
    ('esf_plus_2021_2027', 'output', 'persons', ['age', 'gender', 'labour_market_status'])
    >>> ci.entry.verified, ci.code_verified
    (True, False)
    """

    framework: str
    code: str
    kind: IndicatorKind
    subject: str
    name: str
    unit: ReachUnit
    breakdowns: frozenset[str]
    entry: TableEntry
    code_verified: bool = False
    compatible_units: frozenset[ReachUnit] = frozenset()
    instrument: FundingInstrument | None = None
    programming_period: str | None = None

    def counts_in(self, unit: ReachUnit) -> bool:
        """Whether an indicator counting in ``unit`` can report this common indicator."""
        return unit == self.unit or unit in self.compatible_units


def common_indicator_key(code: str) -> str:
    """The lookup key of a common-indicator code: stripped, upper case (``eeco01`` is EECO01).

    >>> common_indicator_key(" eeco01 ")
    'EECO01'
    """
    return code.strip().upper()


@dataclass(frozen=True)
class ReferenceTables:
    """The tables rules and calculators consult. Immutable; derive variants with overrides."""

    academic_hours: Mapping[str, int] = field(default_factory=dict)
    cpd_hours: Mapping[str, Decimal | None] = field(default_factory=dict)
    ceilings: tuple[CofinancingCeiling, ...] = ()
    sources: Mapping[str, TableEntry] = field(default_factory=dict)
    #: Common indicators by code (:func:`common_indicator_key`); codes are unique across the
    #: shipped frameworks (ESF+ 2021-2027 ``EECO``/``EECR``, ESF 2014-2020 ``CO``/``CR``).
    common_indicators: Mapping[str, CommonIndicator] = field(default_factory=dict)

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

    def common_indicator(self, code: str | None) -> CommonIndicator | None:
        """The common indicator with ``code`` (any case, surrounding spaces ignored), or ``None``.

        >>> ReferenceTables.default().common_indicator("cr03").framework
        'esf_2014_2020'
        >>> ReferenceTables.default().common_indicator("XX99") is None
        True
        """
        return self.common_indicators.get(common_indicator_key(code)) if code else None

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
        common_indicators: Mapping[str, CommonIndicator | None] | None = None,
    ) -> ReferenceTables:
        """A copy with some values replaced.

        ``None`` CPD hours: no requirement. ``common_indicators`` adds or replaces indicators by
        code and removes those mapped to ``None``; a key must be its indicator's code.

        >>> from capacitylib.codelists import IndicatorKind, ReachUnit
        >>> own = CommonIndicator("call_k408", "K408-1", IndicatorKind.OUTPUT, "entities",
        ...                       "social services supported", ReachUnit.ORGANISATIONS,
        ...                       frozenset(), TableEntry("call K-408, annex 2", verified=True))
        >>> tables = ReferenceTables.default().with_overrides(
        ...     common_indicators={"K408-1": own, "CO12": None})
        >>> tables.common_indicator("k408-1").name, tables.common_indicator("CO12")
        ('social services supported', None)

        Raises:
            ValueError: a common indicator under another code's key.
        """
        academic = dict(self.academic_hours)
        academic.update(academic_hour_minutes or {})
        cpd = dict(self.cpd_hours)
        for country, hours in (cpd_hours_per_year or {}).items():
            cpd[country] = None if hours is None else Decimal(hours)
        indicators = dict(self.common_indicators)
        for code, indicator in (common_indicators or {}).items():
            key = common_indicator_key(code)
            if indicator is None:
                indicators.pop(key, None)
                continue
            if common_indicator_key(indicator.code) != key:
                raise ValueError(
                    f"common_indicators[{code!r}] must be the indicator with that code "
                    f"(got code {indicator.code!r})"
                )
            indicators[key] = _normalised(indicator)
        return replace(
            self,
            academic_hours=academic,
            cpd_hours=cpd,
            ceilings=self.ceilings if ceilings is None else ceilings,
            common_indicators=indicators,
        )


def _normalised(indicator: CommonIndicator) -> CommonIndicator:
    """``indicator`` with enum fields as enums, so that overrides may pass plain strings."""
    unknown = set(indicator.breakdowns) - BREAKDOWN_DIMENSIONS
    if unknown:
        raise ValueError(
            f"common indicator {indicator.code!r}: breakdowns must be among "
            f"{', '.join(sorted(BREAKDOWN_DIMENSIONS))} (got {', '.join(sorted(unknown))})"
        )
    return replace(
        indicator,
        kind=IndicatorKind(indicator.kind),
        unit=ReachUnit(indicator.unit),
        compatible_units=frozenset(ReachUnit(u) for u in indicator.compatible_units),
        instrument=None
        if indicator.instrument is None
        else FundingInstrument(indicator.instrument),
        breakdowns=frozenset(str(b) for b in indicator.breakdowns),
    )


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _common_indicators() -> dict[str, CommonIndicator]:
    indicators: dict[str, CommonIndicator] = {}
    for r in _rows("common_indicators.csv"):
        key = common_indicator_key(r["code"])
        if key in indicators:
            raise ValueError(f"common_indicators.csv: code {r['code']!r} appears twice")
        indicators[key] = _normalised(
            CommonIndicator(
                framework=r["framework"],
                code=r["code"],
                kind=IndicatorKind(r["kind"]),
                subject=r["subject"],
                name=r["name"],
                unit=ReachUnit(r["unit"]),
                breakdowns=frozenset(_split(r["breakdowns"])),
                entry=TableEntry(r["source"], r["tag"] == "V", r["note"]),
                code_verified=r["code_tag"] == "V",
                compatible_units=frozenset(ReachUnit(u) for u in _split(r["compatible_units"])),
                instrument=FundingInstrument(r["instrument"]) if r["instrument"] else None,
                programming_period=r["programming_period"] or None,
            )
        )
    return indicators


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
        academic_hours=academic,
        cpd_hours=cpd,
        ceilings=ceilings,
        sources=sources,
        common_indicators=_common_indicators(),
    )
