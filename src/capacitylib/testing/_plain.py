"""Plain data (what a file holds) drawn from the public value strategies.

The document strategies build dicts and lists, not models. Each value here is one of the
public strategies of :mod:`capacitylib.testing._values`, drawn with a :class:`Figures` and turned
into data by :func:`as_data`; nothing here draws a value of its own.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from capacitylib import _tables
from capacitylib.testing import _values
from capacitylib.testing._figures import ORDINARY, Figures, languages, texts
from capacitylib.values import LocalizedText, PartialDate

currencies = st.sampled_from(sorted(_tables.currencies()))
countries = st.sampled_from(sorted(_tables.countries()))
ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,12}", fullmatch=True)


def to_data(value: Any) -> Any:
    """A value as plain data: a dict of its set fields (codes as text), text or a date.

    Multilingual text becomes a dict of language to text, a partial date its ISO form
    (``2019``, ``2019-05``, ``--05-12``); other values their fields, left out where unset or at
    their default. Decimals and dates stay Python objects, as a YAML or JSON reader gives them.

    >>> from capacitylib import Money
    >>> to_data(Money.of("12.50", "EUR"))
    {'amount': Decimal('12.50'), 'currency': 'EUR'}
    """
    if isinstance(value, LocalizedText):
        return dict(value)
    if isinstance(value, PartialDate):
        return str(value)
    data = value.model_dump(exclude_defaults=True, exclude_none=True)
    return {k: v.value if isinstance(v, Enum) else v for k, v in data.items()}


def as_data(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The values ``strategy`` draws, as plain data (see :func:`to_data`).

    >>> from hypothesis import Phase, find, settings
    >>> from capacitylib.testing import as_data, money
    >>> quick = settings(phases=[Phase.generate], database=None)
    >>> sorted(find(as_data(money()), lambda m: True, settings=quick))
    ['amount', 'currency']
    """
    return strategy.map(to_data)


def codes(enum: type[Enum]) -> st.SearchStrategy[str]:
    """The codes of a codelist, as text."""
    return st.sampled_from([member.value for member in enum])


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``strategy`` or ``None`` (a field left out, once :func:`drop_none` has run)."""
    return st.one_of(st.none(), strategy)


def drop_none(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without the fields that are ``None`` or empty (left out of the document)."""
    return {k: v for k, v in data.items() if v is not None and v not in ([], {})}


def estimates(
    values: st.SearchStrategy[Any] | None = None, *, figures: Figures | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """An Estimate as data: bounds from ``values``, else the figures' quantities.

    With the figures' quantities, one in eight is open ("at least", "up to").
    """
    figures = figures or ORDINARY
    return as_data(
        _values.estimates(
            values=figures.quantities if values is None else values, open_bounds=values is None
        )
    )


def hours(*, figures: Figures | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Hours as data, in any unit."""
    figures = figures or ORDINARY
    return as_data(
        _values.hours(
            values=figures.quantities,
            academic_hour_minutes=figures.academic_hour_minutes,
            open_bounds=True,
        )
    )


def money(*, figures: Figures | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Money as data, in any known currency."""
    return as_data(_values.money(amounts=(figures or ORDINARY).money_amounts))


def periods(
    *, open_end: bool = True, figures: Figures | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """A period as data (``start`` and ``end`` as dates)."""
    figures = figures or ORDINARY
    return as_data(
        _values.periods(
            open_end=open_end,
            dates=figures.dates,
            max_date=date.max,
            max_days=figures.period_days,
        )
    )


def partial_dates(*, figures: Figures | None = None) -> st.SearchStrategy[str]:
    """A partial date in ISO form: ``2019``, ``2019-05``, ``2019-05-12``, ``--05``, ``--05-12``."""
    return as_data(_values.partial_dates(dates=(figures or ORDINARY).dates))


def localized() -> st.SearchStrategy[dict[str, str]]:
    """Multilingual text as data: one to three languages of tricky texts."""
    return as_data(_values.localized_texts(languages=languages, texts=texts))
