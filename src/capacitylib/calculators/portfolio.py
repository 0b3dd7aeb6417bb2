"""Portfolio figures: the per-programme figures over many programmes, grouped for analysts.

One pass over the programmes, constant work per programme (cost grows linearly with their
number). Groupings: country, funder (the programme's main funding instrument), activity kind and
calendar year (budgets split over years by days). Budgets in different currencies are never
added: each row keeps one amount per currency, unless you pass ``currency=`` and a
:class:`~capacitylib.calculators.RateTable` to convert them first.

Sums over programmes are :class:`Tally` figures: ``total`` when every programme's figure is
known, else ``None``, with the ``known`` part and the number of ``unknown`` items beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from capacitylib.calculators._common import Scope, Tally
from capacitylib.calculators._parts import activity_parts
from capacitylib.calculators._render import json_figure
from capacitylib.calculators.allocation import allocate_by_year
from capacitylib.calculators.currency import RateTable, convert
from capacitylib.calculators.duration import days_by_year
from capacitylib.calculators.funding import budget_total, funding_shares
from capacitylib.calculators.hours import activity_clock_hours, person_hours, session_count
from capacitylib.calculators.reach import reach
from capacitylib.codelists import ActivityKind, FundingInstrument, ReachUnit
from capacitylib.models import Programme
from capacitylib.reference import ReferenceTables
from capacitylib.values import Estimate, Money

#: A grouping of the portfolio: by country, funder, activity kind or calendar year.
Dimension = Literal["country", "funder", "activity_kind", "year"]

#: Which funding instrument names a programme's funder, first match wins: EU and donor
#: instruments before national, municipal and private money.
FUNDER_PRECEDENCE: tuple[FundingInstrument, ...] = (
    FundingInstrument.ESF_PLUS,
    FundingInstrument.ESF,
    FundingInstrument.ERDF,
    FundingInstrument.EEA_GRANTS,
    FundingInstrument.NORWAY_GRANTS,
    FundingInstrument.SWISS_CONTRIBUTION,
    FundingInstrument.NATIONAL,
    FundingInstrument.MUNICIPAL,
    FundingInstrument.PRIVATE,
    FundingInstrument.OTHER,
)


def funder(programme: Programme) -> FundingInstrument | None:
    """The programme's main funding instrument (see :data:`FUNDER_PRECEDENCE`), or ``None``.

    >>> p = Programme(id="p", title={"en": "P"}, funding_instruments=["national", "esf_plus"])
    >>> funder(p).value
    'esf_plus'
    """
    stated = set(programme.funding_instruments)
    return next((i for i in FUNDER_PRECEDENCE if i in stated), None)


def _tally_json(tally: Tally | None) -> dict[str, Any] | None:
    if tally is None:
        return None
    return {
        "total": json_figure(tally.total),
        "known": json_figure(tally.known),
        "unknown": tally.unknown,
    }


def _money_json(amounts: tuple[Money, ...]) -> dict[str, str]:
    return {str(m.currency): format(m.amount, "f") for m in amounts}


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    """Figures of the programmes (or activities) in one group of one dimension.

    ``key`` is the country code, funder, activity kind or year (as text), ``None`` when the
    programmes do not state it. ``programmes`` counts the programmes in the row.

    * ``budget``: one exact amount per currency (for ``year`` rows, each programme's total
      rounded to the minor unit and split over its years by days); ``budget_unknown``: programmes
      in the row whose budget is unknown. ``None`` in ``activity_kind`` rows (activities have no
      budget of their own).
    * ``days``: programme days (``year`` rows: days in that year); ``None`` in
      ``activity_kind`` rows.
    * ``activities``, ``sessions``, ``clock_hours``, ``person_hours``: activities in the
      chosen scope and their figures; ``None`` in ``year`` rows (activities are not dated
      reliably enough to split by year).

    >>> import capacitylib
    >>> row = portfolio(capacitylib.load_examples()).by("country")[1]
    >>> row.key, row.programmes, [str(m) for m in row.budget], row.budget_unknown
    ('LT', 2, ['43940212.00 EUR'], 1)
    """

    dimension: Dimension
    key: str | None
    programmes: int
    budget: tuple[Money, ...] | None
    budget_unknown: int | None
    days: Tally | None
    activities: int | None
    sessions: Tally | None
    clock_hours: Tally | None
    person_hours: Tally | None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: amounts as decimal strings, figures as ``{"min", "max"}``."""
        return {
            "dimension": self.dimension,
            "key": self.key,
            "programmes": self.programmes,
            "budget": None if self.budget is None else _money_json(self.budget),
            "budget_unknown": self.budget_unknown,
            "days": _tally_json(self.days),
            "activities": self.activities,
            "sessions": _tally_json(self.sessions),
            "clock_hours": _tally_json(self.clock_hours),
            "person_hours": _tally_json(self.person_hours),
        }


@dataclass
class _Acc:
    programmes: set[int] = field(default_factory=set)
    activities: int = 0
    budget: dict[str, Money] = field(default_factory=dict)
    budget_unknown: int = 0
    days: Tally = field(default_factory=Tally)
    sessions: Tally = field(default_factory=Tally)
    clock_hours: Tally = field(default_factory=Tally)
    person_hours: Tally = field(default_factory=Tally)

    def add_money(self, amount: Money | None) -> None:
        if amount is None:
            self.budget_unknown += 1
            return
        key = str(amount.currency)
        self.budget[key] = amount if key not in self.budget else self.budget[key] + amount

    def row(self, dimension: Dimension, key: str | None) -> PortfolioRow:
        has_budget = dimension != "activity_kind"
        has_activities = dimension != "year"
        return PortfolioRow(
            dimension=dimension,
            key=key,
            programmes=len(self.programmes),
            budget=tuple(self.budget[c] for c in sorted(self.budget)) if has_budget else None,
            budget_unknown=self.budget_unknown if has_budget else None,
            days=self.days if has_budget else None,
            activities=self.activities if has_activities else None,
            sessions=self.sessions if has_activities else None,
            clock_hours=self.clock_hours if has_activities else None,
            person_hours=self.person_hours if has_activities else None,
        )


@dataclass(frozen=True, slots=True)
class ProgrammeFigures:
    """One programme's figures in a portfolio: the analyst's row per programme.

    ``budget`` is the total (stated, else the sum of sources; converted when the portfolio
    converts); ``eu_rate``, ``public_rate`` and ``own_contribution_rate`` its co-financing
    shares (:func:`~capacitylib.calculators.funding_shares`, ``None`` when the sources are not
    stated); ``days`` the programme's days; ``activities`` the activities in scope with the sum
    of their ``sessions``, ``clock_hours`` and ``person_hours``; ``participations`` the
    participations of persons in scope (every target group counted in persons; the
    same person at two activities counts twice, see :func:`~capacitylib.calculators.reach`).

    >>> import capacitylib
    >>> first = portfolio(capacitylib.load_examples()).programmes[0]
    >>> first.programme_id, first.days, str(first.clock_hours.known), first.clock_hours.unknown
    ('cz-up-msk-supervision', 485, '228-342', 2)
    """

    programme_id: str
    title: str
    country: str | None
    funder: str | None
    start: date | None
    end: date | None
    days: int | None
    budget: Money | None
    eu_rate: Decimal | None
    public_rate: Decimal | None
    own_contribution_rate: Decimal | None
    activities: int
    sessions: Tally
    clock_hours: Tally
    person_hours: Tally
    participations: Tally


@dataclass(frozen=True, slots=True)
class ProgrammeYear:
    """One programme's figures in one calendar year: its days and its budget split by days.

    The split is of the total rounded to the minor unit, so the years add up exactly to it.

    >>> import capacitylib
    >>> year = portfolio(capacitylib.load_examples()).years[0]
    >>> year.programme_id, year.year, year.days, str(year.budget)
    ('cz-up-msk-supervision', 2016, 61, 'None')
    """

    programme_id: str
    year: int
    days: int
    budget: Money | None


@dataclass(frozen=True, slots=True)
class Portfolio:
    """Rows of every dimension; :meth:`by` picks one, :meth:`as_rows` gives a flat table.

    >>> import capacitylib
    >>> result = portfolio(capacitylib.load_examples())
    >>> [row.key for row in result.by("year")][:3], len(result.as_rows())
    (['2013', '2014', '2015'], 29)
    """

    rows: tuple[PortfolioRow, ...]
    programmes: tuple[ProgrammeFigures, ...] = ()
    """One entry per programme, in input order."""
    years: tuple[ProgrammeYear, ...] = ()
    """One entry per programme and calendar year of its period, in input order."""

    def to_frame(self, *, by: Literal["programme", "year", "group"] = "programme") -> Any:
        """The portfolio as a typed ``pandas.DataFrame`` (the ``pandas`` extra).

        ``by="programme"``: one row per programme; ``"year"``: one per programme and calendar
        year; ``"group"``: the rows of :meth:`by` for every dimension. Amounts are exact
        Arrow decimals with their currency beside them, counts ``Int64``, dates
        ``datetime64``, codes ``category``, figures ``_min``/``_max`` pairs with an
        ``_unknown`` count (see :func:`capacitylib.io.portfolio_frames.portfolio_frame`).

        >>> import capacitylib
        >>> frame = portfolio(capacitylib.load_examples()).to_frame()
        >>> budgets = frame.groupby("country", observed=True)["budget_amount"]
        >>> budgets.sum(min_count=1).to_dict()  # min_count=1: unknown stays unknown, not 0
        {'CZ': None, 'LT': Decimal('43940212.00'), 'LV': None}
        """
        from capacitylib.io.portfolio_frames import portfolio_frame  # noqa: PLC0415 - optional pandas

        return portfolio_frame(self, by=by)

    def by(self, dimension: Dimension) -> tuple[PortfolioRow, ...]:
        """The rows of one dimension, sorted by key (unknown last)."""
        return tuple(r for r in self.rows if r.dimension == dimension)

    def as_rows(self) -> list[dict[str, Any]]:
        """Every row as a JSON-ready dict (a flat table for a DataFrame or a CSV writer)."""
        return [r.as_dict() for r in self.rows]


def portfolio(
    programmes: Iterable[Programme],
    *,
    scope: Scope = "achieved",
    tables: ReferenceTables | None = None,
    currency: str | None = None,
    rates: RateTable | None = None,
) -> Portfolio:
    """Group the figures of ``programmes`` by country, funder, activity kind and calendar year.

    Per programme: its budget total (stated, else the sum of sources), its days
    (:func:`~capacitylib.calculators.period_days`), and per activity in ``scope`` its sessions,
    clock hours and person-hours (as in the programme report). Year rows split each budget over
    calendar years by days (cents exact) and count each programme's days in the year.
    ``currency`` with ``rates`` converts every budget first (a missing rate is refused with
    ``MissingRateError``). Single pass; cost is linear in the number of programmes.

    >>> import capacitylib
    >>> p = portfolio(capacitylib.load_examples())
    >>> [(r.key, r.programmes) for r in p.by("country")]
    [('CZ', 1), ('LT', 2), ('LV', 3)]
    >>> [(r.key, str(r.clock_hours.known), r.clock_hours.unknown)
    ...  for r in p.by("activity_kind") if r.key == "supervision_team"]
    [('supervision_team', '228-342', 0)]
    """
    if currency is not None and rates is None:
        raise ValueError("converting budgets to one currency needs a RateTable (rates=...)")
    groups: dict[tuple[Dimension, str | None], _Acc] = {}

    def acc(dimension: Dimension, key: str | None) -> _Acc:
        return groups.setdefault((dimension, key), _Acc())

    figures: list[ProgrammeFigures] = []
    years: list[ProgrammeYear] = []
    for index, programme in enumerate(programmes):
        one, its_years = _add_programme(
            index, programme, acc, scope=scope, tables=tables, currency=currency, rates=rates
        )
        figures.append(one)
        years += its_years
    keys = sorted(groups, key=_rank)
    return Portfolio(
        rows=tuple(groups[k].row(*k) for k in keys),
        programmes=tuple(figures),
        years=tuple(years),
    )


_DIMENSION_ORDER: Mapping[Dimension, int] = {
    "country": 0,
    "funder": 1,
    "activity_kind": 2,
    "year": 3,
}
_KIND_ORDER = {kind.value: i for i, kind in enumerate(ActivityKind)}
_FUNDER_ORDER = {instrument.value: i for i, instrument in enumerate(FUNDER_PRECEDENCE)}


def _rank(group: tuple[Dimension, str | None]) -> tuple[int, bool, int, str]:
    """Rows by dimension, then codelist order (kinds, funders) or text order; unknown last."""
    dimension, key = group
    if key is None:
        return (_DIMENSION_ORDER[dimension], True, 0, "")
    orders = {"activity_kind": _KIND_ORDER, "funder": _FUNDER_ORDER}
    position = orders.get(dimension, {}).get(key, 0)
    return (_DIMENSION_ORDER[dimension], False, position, key)


_AccFor = Callable[[Dimension, str | None], _Acc]


def _add_programme(
    index: int,
    programme: Programme,
    acc: _AccFor,
    *,
    scope: Scope,
    tables: ReferenceTables | None,
    currency: str | None,
    rates: RateTable | None,
) -> tuple[ProgrammeFigures, list[ProgrammeYear]]:
    total = budget_total(programme.budget) if programme.budget is not None else None
    if total is not None and currency is not None and rates is not None:
        total = convert(total, currency, rates=rates)
    period = programme.period
    days = None if period is None else period.days
    country = None if programme.country is None else str(programme.country)
    found = funder(programme)
    by_programme = (acc("country", country), acc("funder", found.value if found else None))
    for row in by_programme:
        row.programmes.add(index)
        row.add_money(total)
        row.days = row.days.add(None if days is None else Estimate.exact(days))
    options: dict[str, Any] = {"scope": scope, "country": country, "tables": tables}
    own = _Acc()
    for activity in programme.activities:
        if not activity_parts(activity, scope):
            continue
        figures = (
            session_count(activity, scope=scope),
            activity_clock_hours(activity, **options),
            person_hours(activity, **options),
        )
        for row in (*by_programme, acc("activity_kind", activity.kind.value), own):
            row.programmes.add(index)
            row.activities += 1
            row.sessions = row.sessions.add(figures[0])
            row.clock_hours = row.clock_hours.add(figures[1])
            row.person_hours = row.person_hours.add(figures[2])
    years = _add_years(index, programme, acc, total)
    shares = None if programme.budget is None else funding_shares(programme.budget)
    one = ProgrammeFigures(
        programme_id=programme.id,
        title=programme.title.best("en"),
        country=country,
        funder=found.value if found else None,
        start=None if period is None else period.start,
        end=None if period is None else period.end,
        days=days,
        budget=total,
        eu_rate=None if shares is None else shares.eu_rate,
        public_rate=None if shares is None else shares.public_rate,
        own_contribution_rate=None if shares is None else shares.own_contribution_rate,
        activities=own.activities,
        sessions=own.sessions,
        clock_hours=own.clock_hours,
        person_hours=own.person_hours,
        participations=_participations(programme, scope),
    )
    return one, years


def _participations(programme: Programme, scope: Scope) -> Tally:
    """Participations of persons over every target group counted in persons."""
    tally = Tally()
    for figure in reach(programme, scope=scope):
        if figure.unit is ReachUnit.PERSONS:
            tally = tally.add(figure.participations)
    return tally


def _add_years(
    index: int, programme: Programme, acc: _AccFor, total: Money | None
) -> list[ProgrammeYear]:
    period = programme.period
    split = None if period is None else days_by_year(period)
    if period is None or split is None:
        row = acc("year", None)
        row.programmes.add(index)
        row.add_money(total)
        return []
    # The split is of the total rounded to the minor unit, so that the years add up exactly.
    amounts = None if total is None else allocate_by_year(total.rounded(), period)
    years = []
    for year, days in split.items():
        row = acc("year", str(year))
        row.programmes.add(index)
        row.days = row.days.add(Estimate.exact(days))
        amount = None if amounts is None else amounts[year]
        row.add_money(amount)
        years.append(ProgrammeYear(programme.id, year, days, amount))
    return years
