"""How figures are shown: one rounding policy for the report's JSON, its text and the HTML views.

The calculators give exact figures (28 significant digits and more, never rounded); the views
round, and every view rounds through this module, so a figure reads the same in
``ProgrammeReport.to_json_dict()``, ``render_text()``, ``_repr_html_()`` and
``Programme.render_text()``. The policy:

========================================  ==============================================
figure                                    shown
========================================  ==============================================
shares, rates, the share elapsed,         a fraction rounded to 4 places, half-even: in
achievement (fractions, 1 is 100%)        JSON ``"0.6667"``, in text and HTML the same
                                          figure as a percent, ``66.67%``
clock hours, person-hours, hours per      2 decimal places, half-even (``66.67``)
participant
computed amounts (unit costs)             the currency's minor unit, half-up, as
                                          :meth:`~capacitylib.Money.rounded` (cents for
                                          EUR; the commercial rule for money)
stated amounts and the budget's splits    as they are: stated amounts are shown as
                                          stated, splits are already in minor units
counts, sessions, days, targets, actuals  as stated or computed: whole or exact, never
                                          rounded
========================================  ==============================================

Rounded or not, a shown number has no trailing zeros (``96%``, ``228-342``) and is never in
exponent form; a range stays a range (each bound rounded; ``min <= max`` holds), an open one
stays open (``at least 30``).

>>> from decimal import Decimal
>>> share = Decimal("0.666666")
>>> share_of(share), percent(share)
(Decimal('0.6667'), '66.67%')
>>> str(hours_of(Estimate.range(Decimal("58.6666"), Decimal("66.6666"))))
'58.67-66.67'
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import TYPE_CHECKING, Any

from capacitylib.calculators._common import WIDE, figure
from capacitylib.values import Estimate

if TYPE_CHECKING:
    from capacitylib.calculators.unit_costs import MoneyRange

#: Decimal places of a share, a rate or achievement as a fraction (half-even): 4 places of
#: the fraction are 2 places of the percent.
SHARE_PLACES = 4
#: Decimal places of a share as a percent: the same figure as :data:`SHARE_PLACES`.
PERCENT_PLACES = SHARE_PLACES - 2
#: Decimal places of clock hours, person-hours and hours per participant (half-even).
HOURS_PLACES = 2


#: A context with room for every digit of the figures the views show (up to 100 digits).
_ROOM = Context(prec=100, Emax=MAX_EMAX, Emin=MIN_EMIN)
_ONE = Decimal(1)


def _room(digits: int) -> Context:
    return _ROOM if digits <= _ROOM.prec else Context(prec=digits, Emax=MAX_EMAX, Emin=MIN_EMIN)


def exact(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form, every digit kept.

    >>> exact(Decimal("66.00")), exact(Decimal("1E+3")), exact(Decimal("58.6670"))
    (Decimal('66'), Decimal('1000'), Decimal('58.667'))
    """
    _sign, digits, exponent = value.as_tuple()
    room = _room(len(digits) + max(int(exponent), 0) + 2)
    if value == value.to_integral_value(context=room):
        return value.quantize(_ONE, context=room)
    return value.normalize(context=room)


def rounded(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` decimal places, half-even, every digit before them kept."""
    room = _room(max(value.adjusted(), 0) + places + 2)
    return value.quantize(_ONE.scaleb(-places), rounding=ROUND_HALF_EVEN, context=room)


def _shown(value: Estimate, places: int | None) -> Estimate:
    """``value`` rounded to ``places`` (half-even; ``None``: as it is), trailing zeros dropped."""
    low, high = value.min, value.max
    if places is not None:
        low = rounded(low, places)
        high = None if high is None else rounded(high, places)
    with localcontext(WIDE):
        return figure(
            exact(low), None if high is None else exact(high), approximate=value.approximate
        )


def hours_of(value: Estimate) -> Estimate:
    """Hours as shown: :data:`HOURS_PLACES` places, half-even."""
    return _shown(value, HOURS_PLACES)


def share_of(value: Decimal) -> Decimal:
    """A share or rate (a fraction) as shown: :data:`SHARE_PLACES` places, half-even."""
    return exact(rounded(value, SHARE_PLACES))


def shares_of(value: Estimate) -> Estimate:
    """A fraction that may be a range (achievement) as shown: :data:`SHARE_PLACES` places."""
    return _shown(value, SHARE_PLACES)


def percent(value: Decimal | Estimate) -> str:
    """A fraction as a percent: the shown fraction (:func:`share_of`) times 100, exactly.

    >>> percent(Decimal("0.85")), percent(Estimate.range(Decimal("0.9"), Decimal("1.1")))
    ('85%', '90-110%')
    """
    with localcontext(WIDE):  # scaleb keeps every digit of the rounded fraction
        if isinstance(value, Decimal):
            return f"{exact(share_of(value).scaleb(2)):f}%"
        rounded = shares_of(value)
        high = None if rounded.max is None else exact(rounded.max.scaleb(2))
        shown = figure(exact(rounded.min.scaleb(2)), high, approximate=rounded.approximate)
    return f"{shown}%"


def money_range(value: MoneyRange) -> MoneyRange:
    """A computed amount (a unit cost) as shown: the currency's minor unit, half-up."""
    return value.rounded()


def figure_text(value: Estimate) -> str:
    """A count, a stated figure or a computed one as text, unrounded, without trailing zeros.

    >>> figure_text(Estimate.range(Decimal("2.50"), Decimal("3.00")))
    '2.5-3'
    """
    return str(_shown(value, None))


def json_number(value: Decimal) -> int | str:
    """A JSON-safe exact number: an int when whole, else a decimal string (never a float)."""
    value = exact(value)
    if value == value.to_integral_value():
        return int(value)
    return format(value, "f")


def json_figure(value: Estimate | int | None, places: int | None = None) -> dict[str, Any] | None:
    """``{"min": n, "max": n}`` (rounded to ``places`` half-even when given) or ``None``.

    An open-ended figure ("at least 30") has ``"max": None``, never a made-up bound.

    >>> json_figure(Estimate.range(Decimal("2.125"), 3), HOURS_PLACES)
    {'min': '2.12', 'max': 3}
    """
    if value is None:
        return None
    if isinstance(value, int):
        return {"min": value, "max": value}
    low, high = value.min, value.max
    if places is not None:
        low = rounded(low, places)
        high = None if high is None else rounded(high, places)
    return {"min": json_number(low), "max": None if high is None else json_number(high)}


def json_share(value: Decimal | None) -> str | None:
    """A share or rate for JSON: the shown fraction (:func:`share_of`) as a decimal string."""
    return None if value is None else format(share_of(value), "f")


def json_money_range(value: MoneyRange | None) -> dict[str, str] | None:
    """A unit cost for JSON: ``{"min", "max"}`` amounts in the currency's minor unit."""
    if value is None:
        return None
    rounded = money_range(value)
    return {"min": format(rounded.min.amount, "f"), "max": format(rounded.max.amount, "f")}


__all__ = [
    "HOURS_PLACES",
    "PERCENT_PLACES",
    "SHARE_PLACES",
    "exact",
    "figure_text",
    "hours_of",
    "json_figure",
    "json_money_range",
    "json_number",
    "json_share",
    "money_range",
    "percent",
    "rounded",
    "share_of",
    "shares_of",
]
