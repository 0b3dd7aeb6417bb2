"""Cost of capacitylib.rules.check() against validation of the same document, per example.

Run: python benchmarks/check_vs_validate.py
A ratio below 1 means checking costs less than validating. "cold" clears the memoised calendar
arithmetic before every check (no two records share a period).
"""

from __future__ import annotations

import timeit
from datetime import date

import capacitylib
from capacitylib import Programme
from capacitylib.rules import _calendar, check

AS_OF = date(2024, 6, 30)


def _cold(programme: Programme) -> None:
    _calendar.length.cache_clear()
    _calendar.shift.cache_clear()
    _calendar.whole_units.cache_clear()
    check(programme, as_of=AS_OF)


def main() -> None:
    n = 2000
    print(f"{'example':42s} {'validate':>9s} {'check':>9s} {'ratio':>6s} {'cold':>6s}")
    for path in capacitylib.example_paths():
        programme = capacitylib.load(path)
        data = programme.model_dump()
        validate = timeit.timeit(lambda d=data: Programme.model_validate(d), number=n) / n
        warm = timeit.timeit(lambda p=programme: check(p, as_of=AS_OF), number=n) / n
        cold = timeit.timeit(lambda p=programme: _cold(p), number=n) / n
        print(
            f"{path.name:42s} {validate * 1e6:7.1f}us {warm * 1e6:7.1f}us "
            f"{warm / validate:6.2f} {cold / validate:6.2f}"
        )


if __name__ == "__main__":
    main()
