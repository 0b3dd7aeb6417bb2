"""The calendar length of an inclusive period, shared by the rules and the calculators.

A period ``start..end`` includes its last day, so its length is
``relativedelta(end + 1 day, start)``: 2016-11-01..2018-02-28 is 1 year 4 months 0 days.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

_ONE_DAY = timedelta(days=1)


def inclusive_delta(start: date, end: date) -> relativedelta:
    """Years, months and days from ``start`` to ``end``, both inclusive.

    Works up to 9999-12-31, whose next day does not exist: the Gregorian calendar repeats
    every 400 years, so such a period is measured 400 years earlier and the years added back.

    >>> inclusive_delta(date(2019, 5, 16), date(2019, 10, 31))
    relativedelta(months=+5, days=+16)
    >>> inclusive_delta(date(1, 1, 1), date(9999, 12, 31))
    relativedelta(years=+9999)
    """
    if end < date.max:
        return relativedelta(end + _ONE_DAY, start)
    earlier_end = end.replace(year=end.year - 400) + _ONE_DAY
    if start.year > 400:
        return relativedelta(earlier_end, start.replace(year=start.year - 400))
    return relativedelta(earlier_end, start) + relativedelta(years=400)
