"""Time portfolio() and build_report() over N and 10 N programmes and print the ratios.

Linear cost means a ratio near 10. Run: python benchmarks/portfolio_scaling.py [N]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import capacitylib
from capacitylib.calculators import build_report, portfolio


def _best_of(
    runs: int,
    func: Callable[[list[capacitylib.Programme]], object],
    arg: list[capacitylib.Programme],
) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func(arg)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    examples = capacitylib.load_examples()
    small = (examples * (n // len(examples) + 1))[:n]
    large = small * 10

    def reports(programmes: list[capacitylib.Programme]) -> None:
        for p in programmes:
            build_report(p).to_json_dict()

    timed: tuple[tuple[str, Callable[[list[capacitylib.Programme]], object]], ...] = (
        ("portfolio", portfolio),
        ("build_report", reports),
    )
    for name, func in timed:
        t_small = _best_of(3, func, small)
        t_large = _best_of(3, func, large)
        print(
            f"{name}: {n} programmes {t_small * 1000:.1f} ms, {10 * n} programmes "
            f"{t_large * 1000:.1f} ms, ratio {t_large / t_small:.1f} (linear: 10)"
        )


if __name__ == "__main__":
    main()
