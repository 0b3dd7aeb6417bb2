"""How the strategies draw numbers, dates and texts: :class:`Figures`, ORDINARY and EXTREME."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

#: The largest figure the models accept (``capacitylib.values._decimal.DECIMAL_LIMIT``).
_LIMIT = Decimal("1e18")

#: Texts that are hard for flat formats: separators, JSON look-alikes, formulas, newlines,
#: leading zeros, dates and booleans as text.
TRICKY = [
    "a;b",
    "[not json",
    '["looks", "like json"]',
    "=SUM(A1:A3)",
    "+1",
    " leading and trailing ",
    'quote " and comma ,',
    "line one\nline two",
    "Šeima, ģimene, rodina",
    "true",
    "0001478",
    "2019-05",
]

#: Short texts: the tricky ones or any non-blank text of 1-30 characters (no control
#: characters, surrogates or non-characters).
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
        ),
        min_size=1,
        max_size=30,
    ).filter(lambda s: s.strip() != ""),
)

#: Language tags, including region and macrolanguage forms (``pt-BR``, ``no``).
languages = st.sampled_from(["lt", "lv", "cs", "pl", "en", "no", "pt-BR", "de"])

#: Quantities: 0 to 10^9, three places, with the forms ``0.0``, ``1E+3`` and ``2.50``.
quantities = st.one_of(
    st.sampled_from([Decimal("0"), Decimal("0.0"), Decimal("1E+3"), Decimal("2.50")]),
    st.decimals(min_value=0, max_value=Decimal("1e9"), allow_nan=False, places=3),
)
#: Amounts of money: 0 to 10^15 with two places, and the forms ``0.1`` and ``1E+3``.
money_amounts = st.one_of(
    st.sampled_from([Decimal("0.00"), Decimal("43940212.00"), Decimal("0.1"), Decimal("1E+3")]),
    st.decimals(min_value=0, max_value=Decimal("1e15"), allow_nan=False, places=2),
)
#: Dates of the field: 1990-2060.
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@dataclass(frozen=True, slots=True)
class Figures:
    """How the document strategies draw numbers and dates: :data:`ORDINARY` or :data:`EXTREME`.

    ``extreme`` also changes the shapes: periods run from one day to the end of the calendar.

    >>> from dataclasses import replace
    >>> from hypothesis import Phase, find, settings
    >>> from capacitylib.testing import rich_programme_documents
    >>> quick = settings(phases=[Phase.generate], database=None)  # the first example, unshrunk
    >>> small_money = replace(ORDINARY, money_amounts=st.just(Decimal("0.01")))
    >>> documents = rich_programme_documents(figures=small_money)
    >>> find(documents, lambda d: "budget" in d, settings=quick) is not None
    True
    """

    quantities: st.SearchStrategy[Decimal]
    money_amounts: st.SearchStrategy[Decimal]
    dates: st.SearchStrategy[date]
    counts: st.SearchStrategy[int]
    academic_hour_minutes: st.SearchStrategy[int]
    extreme: bool = False

    @property
    def period_days(self) -> int | None:
        """The longest period drawn, in days: 4,000, or ``None`` (to the end of the calendar)."""
        return None if self.extreme else 4000


#: The field's figures: amounts to 10^15, quantities to 10^9, dates 1990-2060.
ORDINARY = Figures(
    quantities=quantities,
    money_amounts=money_amounts,
    dates=dates,
    counts=st.integers(0, 50),
    academic_hour_minutes=st.sampled_from([40, 45, 50]),
)

_EDGE_DECIMALS = [
    Decimal(0),
    Decimal("0E-30"),
    Decimal("1E-1000000"),  # below the default context's smallest exponent
    Decimal("1E-28"),
    Decimal("0.000000000000000001"),
    Decimal("0.1234567890123456789012345678901234567890"),  # more digits than 28
    Decimal(1),
    Decimal("7"),
    Decimal("1E+15"),
    Decimal("999999999999999999.999999999999"),
    Decimal(10**18 - 1),
    Decimal(10**18),
    _LIMIT,
]
_extreme_decimals = st.one_of(
    st.sampled_from(_EDGE_DECIMALS),
    st.integers(0, 10**18).map(Decimal),
    st.decimals(min_value=0, max_value=_LIMIT, allow_nan=False, allow_infinity=False),
)

#: The edges of what the models accept: 0, 10^-1000000, 10^18 (the limit), 40-digit decimals,
#: counts of 10^30, 0001-01-01 and 9999-12-31, academic hours of 1 and 120 minutes.
EXTREME = Figures(
    quantities=_extreme_decimals,
    money_amounts=_extreme_decimals,
    dates=st.one_of(
        st.sampled_from([date.min, date(1, 1, 2), date(2000, 2, 29), date(9999, 12, 30), date.max]),
        st.dates(),
    ),
    counts=st.one_of(st.sampled_from([0, 1, 10**18, 10**30]), st.integers(0, 10**40)),
    academic_hour_minutes=st.sampled_from([1, 40, 45, 119, 120]),
    extreme=True,
)
