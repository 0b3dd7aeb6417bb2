"""A portfolio as a typed ``pandas.DataFrame`` (the ``pandas`` extra).

Columns are typed as in :mod:`capacitylib.io.frames` (:func:`~capacitylib.io.frames.typed_frame`):
amounts exact ``decimal128``, counts ``Int64``, codes ``category``, dates ``datetime64[ms]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from capacitylib.io.frames import typed_frame
from capacitylib.io.tables.columns import Kind

if TYPE_CHECKING:
    from capacitylib.calculators import Portfolio, Tally
    from capacitylib.values import Money

#: The columns of a tally: its known part's bounds and the number of unknown items.
_TALLY_PARTS: tuple[tuple[str, Kind], ...] = (
    ("min", "decimal"),
    ("max", "decimal"),
    ("unknown", "int"),
)

#: A named, typed cell of a frame being built.
_Cell = tuple[str, Kind, Any]

_EMPTY_PROGRAMME_ROW: list[_Cell] = [
    ("programme_id", "id", None),
    ("title", "text", None),
    ("country", "code", None),
    ("funder", "code", None),
    ("start", "date", None),
    ("end", "date", None),
    ("days", "int", None),
    ("budget_amount", "decimal", None),
    ("budget_currency", "code", None),
    ("eu_rate", "decimal", None),
    ("public_rate", "decimal", None),
    ("own_contribution_rate", "decimal", None),
    ("activities", "int", None),
    *(
        (f"{t}_{part}", kind, None)
        for t in ("sessions", "clock_hours", "person_hours", "participations")
        for part, kind in _TALLY_PARTS
    ),
]


def _tally(name: str, tally: Tally | None) -> list[tuple[str, Kind, Any]]:
    known = None if tally is None else tally.known
    return [
        (f"{name}_min", "decimal", None if known is None else known.min),
        (f"{name}_max", "decimal", None if known is None else known.max),
        (f"{name}_unknown", "int", None if tally is None else tally.unknown),
    ]


def _columns(records: list[list[tuple[str, Kind, Any]]], names: list[tuple[str, Kind]]) -> Any:
    values: dict[str, list[Any]] = {name: [] for name, _ in names}
    for record in records:
        cells = {name: value for name, _, value in record}
        for name, _ in names:
            values[name].append(cells.get(name))
    return typed_frame((name, kind, values[name]) for name, kind in names)


def _money(prefix: str, money: Money | None) -> list[tuple[str, Kind, Any]]:
    return [
        (f"{prefix}_amount", "decimal", None if money is None else money.amount),
        (f"{prefix}_currency", "code", None if money is None else str(money.currency)),
    ]


def portfolio_frame(
    result: Portfolio, *, by: Literal["programme", "year", "group"] = "programme"
) -> Any:
    """A portfolio as a typed ``pandas.DataFrame``, per programme, programme and year, or group.

    See :meth:`~capacitylib.calculators.Portfolio.to_frame`.

    Columns per programme: ``programme_id``, ``title``, ``country``, ``funder``, ``start``,
    ``end``, ``days``, ``budget_amount`` and ``budget_currency``, the co-financing shares
    ``eu_rate``, ``public_rate`` and ``own_contribution_rate``, ``activities``, and
    ``_min``/``_max``/``_unknown`` for ``sessions``, ``clock_hours``, ``person_hours`` and
    ``participations``. Per year: ``programme_id``, ``year``, ``days``, ``budget_amount``,
    ``budget_currency``. Per group: ``dimension``, ``key``, ``programmes``, one
    ``budget_<currency>`` column per currency, ``budget_unknown``, ``activities`` and the
    tallies of ``days``, ``sessions``, ``clock_hours``, ``person_hours``.

    >>> import capacitylib
    >>> from capacitylib.calculators import portfolio
    >>> years = portfolio_frame(portfolio(capacitylib.load_examples()), by="year")
    >>> years.groupby("year")["days"].sum().loc[2017], str(years["budget_amount"].dtype)
    (np.int64(365), 'decimal128(10, 2)[pyarrow]')
    """
    if by == "year":
        names: list[tuple[str, Kind]] = [
            ("programme_id", "id"),
            ("year", "int"),
            ("days", "int"),
            ("budget_amount", "decimal"),
            ("budget_currency", "code"),
        ]
        records: list[list[_Cell]] = [
            [
                ("programme_id", "id", y.programme_id),
                ("year", "int", y.year),
                ("days", "int", y.days),
                *_money("budget", y.budget),
            ]
            for y in result.years
        ]
        return _columns(records, names)
    if by == "group":
        currencies = sorted({str(m.currency) for r in result.rows for m in r.budget or ()})
        tallies = ("days", "sessions", "clock_hours", "person_hours")
        names = [
            ("dimension", "code"),
            ("key", "code"),
            ("programmes", "int"),
            *((f"budget_{c}", "decimal") for c in currencies),
            ("budget_unknown", "int"),
            ("activities", "int"),
            *((f"{t}_{part}", kind) for t in tallies for part, kind in _TALLY_PARTS),
        ]
        records = []
        for row in result.rows:
            record: list[_Cell] = [
                ("dimension", "code", row.dimension),
                ("key", "code", row.key),
                ("programmes", "int", row.programmes),
                *((f"budget_{m.currency}", "decimal", m.amount) for m in row.budget or ()),
                ("budget_unknown", "int", row.budget_unknown),
                ("activities", "int", row.activities),
            ]
            for t in tallies:
                if getattr(row, t) is not None:
                    record += _tally(t, getattr(row, t))
            records.append(record)
        return _columns(records, names)
    records = []
    for p in result.programmes:
        records.append(
            [
                ("programme_id", "id", p.programme_id),
                ("title", "text", p.title),
                ("country", "code", p.country),
                ("funder", "code", p.funder),
                ("start", "date", p.start),
                ("end", "date", p.end),
                ("days", "int", p.days),
                *_money("budget", p.budget),
                ("eu_rate", "decimal", p.eu_rate),
                ("public_rate", "decimal", p.public_rate),
                ("own_contribution_rate", "decimal", p.own_contribution_rate),
                ("activities", "int", p.activities),
                *_tally("sessions", p.sessions),
                *_tally("clock_hours", p.clock_hours),
                *_tally("person_hours", p.person_hours),
                *_tally("participations", p.participations),
            ]
        )
    names = [(name, kind) for name, kind, _ in (records[0] if records else _EMPTY_PROGRAMME_ROW)]
    return _columns(records, names)


__all__ = ["portfolio_frame"]
