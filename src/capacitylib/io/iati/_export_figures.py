"""What IATI can say of capacitylib's values: figures, dates, text and budget periods.

Pure functions, no XML: each returns the IATI form and, where something is lost, a sentence
saying what (the export turns it into an ``iati_export_lossy`` finding and, where the element
has room, a narrative).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from capacitylib.values import Estimate, Money, PartialDate

#: The ``xml:lang`` attribute's name in lxml's notation.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: A path in a programme, as pydantic gives locations (``("budget", "sources", 0)``).

#: Characters an IATI identifier must not contain (IATI rule 1.3.13: they break URLs).
_IDENTIFIER_UNSAFE = re.compile(r"[/&|?]")


def identifier_text(code: str) -> str:
    """``code`` with each of ``/ & | ?`` written as ``-``, for an ``iati-identifier``.

    >>> identifier_text("9.2.1.1/15/I/001")
    '9.2.1.1-15-I-001'
    """
    return _IDENTIFIER_UNSAFE.sub("-", code)


#: Characters XML 1.0 cannot hold (controls other than tab and line ends, lone surrogates,
#: U+FFFE and U+FFFF): written as U+FFFD, the replacement character, and reported.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> tuple[str, int]:
    r"""``text`` with every character XML 1.0 cannot hold replaced by U+FFFD, and how many.

    >>> xml_text("a\x00b")
    ('a\ufffdb', 1)
    """
    return _NOT_XML.subn("\ufffd", text)


def decimal_text(value: Decimal) -> str:
    """A decimal in plain notation (``xsd:decimal`` has no exponent): ``1E+3`` is ``1000``.

    >>> decimal_text(Decimal("1E+3")), decimal_text(Decimal("0.50")), decimal_text(Decimal("-0"))
    ('1000', '0.50', '0')
    """
    return format(abs(value) if value == 0 else value, "f")


def figure(estimate: Estimate) -> tuple[Decimal, str | None]:
    """The value IATI gets for a figure, and a narrative when the figure is not one exact number.

    Policy: a range writes its lower bound (``88-100`` -> 88), "at least 30" its bound 30, "up to
    200" the stated 200 (its lower bound 0 says nothing), an approximate figure its number; the
    narrative states the figure as the source gives it.

    >>> figure(Estimate.exact(14))
    (Decimal('14'), None)
    >>> figure(Estimate.range(88, 100))
    (Decimal('88'), 'stated as 88-100 (a range); the value is its lower bound')
    >>> figure(Estimate.maximum(200))[1]
    'stated as up to 200 (an upper bound only); the value is that bound'
    """
    if estimate.up_to and estimate.max is not None:
        return estimate.max, f"stated as {estimate} (an upper bound only); the value is that bound"
    if not estimate.is_bounded:
        return estimate.min, f"stated as {estimate} (no upper bound); the value is its lower bound"
    if not estimate.is_exact:
        return estimate.min, f"stated as {estimate} (a range); the value is its lower bound"
    if estimate.approximate:
        return estimate.min, f"stated as {estimate} (approximate)"
    return estimate.min, None


def first_day(when: PartialDate) -> tuple[date | None, str | None]:
    """The first day a partial date may denote, and a note when it is not a day.

    >>> first_day(PartialDate.parse("2021-03"))
    (datetime.date(2021, 3, 1), 'stated as 2021-03 (to the month); the first day is written')
    """
    return _day(when, 0, "first")


def last_day(when: PartialDate) -> tuple[date | None, str | None]:
    """The last day a partial date may denote, and a note when it is not a day.

    >>> last_day(PartialDate.parse("2027"))
    (datetime.date(2027, 12, 31), 'stated as 2027 (to the year); the last day is written')
    """
    return _day(when, 1, "last")


def _day(when: PartialDate, index: int, which: str) -> tuple[date | None, str | None]:
    span = when.interval()
    if span is None:
        return None, f"stated as {when} (no year): no date can be written"
    exact = when.to_date()
    if exact is not None:
        return exact, None
    return span[index], (
        f"stated as {when} (to the {when.precision.value}); the {which} day is written"
    )


def year_parts(start: date, end: date) -> list[tuple[date, date]]:
    """``start..end`` (inclusive) cut at calendar years: each part at most a year long.

    >>> year_parts(date(2022, 12, 8), date(2024, 3, 31))  # doctest: +NORMALIZE_WHITESPACE
    [(datetime.date(2022, 12, 8), datetime.date(2022, 12, 31)),
     (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
     (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))]
    """
    parts = []
    for year in range(start.year, end.year + 1):
        parts.append((max(start, date(year, 1, 1)), min(end, date(year, 12, 31))))
    return parts


def apportion(total: Money, weights: list[int]) -> list[Decimal]:
    """``total`` split in proportion to ``weights``, summing exactly to ``total``.

    Largest-remainder method in the currency's minor unit, or in the amount's own last digit
    when it has more (``0.005`` EUR is split in thousandths): nothing is rounded away. The
    arithmetic is on integers, so amounts of any number of digits split exactly.

    >>> apportion(Money.of("100.00", "EUR"), [1, 1, 1])
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    >>> sum(apportion(Money.of("0.005", "EUR"), [2, 1]))
    Decimal('0.005')
    """
    sign, digits, exponent = total.amount.as_tuple()
    if not isinstance(exponent, int) or sign:
        raise ValueError(f"cannot apportion {total}")  # amounts are finite and not negative
    places = max(total.currency.minor_unit_digits, -exponent)
    units = int("".join(map(str, digits)) or "0") * 10 ** (exponent + places)
    weight_sum = sum(weights)
    floors = [units * w // weight_sum for w in weights]
    remainders = [units * w % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: units - sum(floors)]:
        floors[i] += 1
    return [Decimal((0, tuple(int(c) for c in str(f)), -places)) for f in floors]


def percentages(count: int) -> list[Decimal]:
    """``count`` equal percentages with two decimals that add up to exactly 100.

    >>> percentages(3)
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    return apportion(Money.of("100.00", "EUR"), [1] * count)
