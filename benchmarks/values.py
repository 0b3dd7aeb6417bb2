"""Benchmarks of the values on their own: a million Estimates, Money sums, memory per value.

Run:  python benchmarks/values.py            (1,000,000 values; about a minute)
      python benchmarks/values.py --quick    (100,000 values)
      python benchmarks/run.py --only values (the same, beside the document benchmarks)

Each case is timed in one process, round-robin over the repetitions, with the garbage collector
paused (as ``timeit`` does); the floor of each table is the same work on plain ``Decimal``s or
on ``msgspec.Struct``s.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal

import msgspec
from pydantic import TypeAdapter

from capacitylib import Estimate, Money


class _Estimate(msgspec.Struct, frozen=True):
    """The Estimate as a msgspec Struct, with its bounds checked (the floor)."""

    min: Decimal
    max: Decimal | None = None
    at_least: bool = False
    up_to: bool = False
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.min < 0 or (self.max is not None and self.min > self.max):
            raise msgspec.ValidationError("0 <= min <= max")


def _timed(cases: list[tuple[str, Callable[[], object]]], repeats: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(repeats):
        for name, fn in cases:
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                fn()
                samples[name].append(time.perf_counter() - start)
            finally:
                gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def _table(title: str, results: dict[str, float], baseline: str, per: int) -> None:
    print(f"\n## {title}\n")
    print(f"| case | per value | ratio to {baseline} |")
    print("|---|---:|---:|")
    base = results[baseline]
    for name, seconds in results.items():
        print(f"| {name} | {seconds / per * 1e9:,.0f} ns | {seconds / base:.2f}x |")


def _kept_bytes(make: Callable[[], list[object]]) -> float:
    gc.collect()
    tracemalloc.start()
    kept = make()
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return size / len(kept)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100,000 values instead of 1,000,000")
    args = parser.parse_args(argv)
    n = 100_000 if args.quick else 1_000_000
    repeats = 3 if args.quick else 5

    # Estimates as documents write them: a third bare numbers, the rest ranges.
    items = [i % 11 if i % 3 == 0 else {"min": i % 7, "max": i % 7 + 2} for i in range(n)]
    raw = json.dumps(items).encode()
    as_dicts = [{"min": i, "max": i} if isinstance(i, int) else i for i in items]
    struct_raw = json.dumps(as_dicts).encode()
    estimates = TypeAdapter(list[Estimate])
    structs = msgspec.json.Decoder(list[_Estimate])
    results = _timed(
        [
            ("msgspec Struct from JSON (floor)", lambda: structs.decode(struct_raw)),
            ("Estimate from JSON", lambda: estimates.validate_json(raw)),
            ("Estimate from Python data", lambda: estimates.validate_python(items)),
            ("json.loads (parse only)", lambda: json.loads(raw)),
        ],
        repeats,
    )
    _table(f"Validate {n:,} Estimates", results, "msgspec Struct from JSON (floor)", n)

    kept = estimates.validate_json(raw)
    amounts = [Decimal(i % 1000) / 100 for i in range(n)]
    money = [Money.of(a, "EUR") for a in amounts]
    results = _timed(
        [
            ("sum of Decimals (floor)", lambda: sum(amounts, Decimal(0))),
            ("sum of Money", lambda: sum(money)),
            ("Money.of(amount, 'EUR')", lambda: [Money.of(a, "EUR") for a in amounts]),
            ("sum of Estimates", lambda: sum(kept, Estimate.exact(0))),
            ("Estimate * 3", lambda: [e * 3 for e in kept]),
            ("Estimate.exact(n)", lambda: [Estimate.exact(i) for i in range(n)]),
            ("model_dump_json() of an Estimate", lambda: [e.model_dump_json() for e in kept]),
            ("list of Estimates to JSON", lambda: estimates.dump_json(kept)),
        ],
        repeats,
    )
    _table(f"Arithmetic and dumps of {n:,} values", results, "sum of Decimals (floor)", n)

    m = min(n, 200_000)
    print(f"\n## Memory per kept value ({m:,} kept, tracemalloc, bounds included)\n")
    print("| kept as | per value |")
    print("|---|---:|")
    sizes = {
        "msgspec Struct": _kept_bytes(lambda: structs.decode(json.dumps(as_dicts[:m]).encode())),
        "Estimate": _kept_bytes(lambda: estimates.validate_json(json.dumps(items[:m]).encode())),
        "dict (json.loads)": _kept_bytes(lambda: json.loads(json.dumps(as_dicts[:m]))),
        "Money": _kept_bytes(lambda: [Money.of(a, "EUR") for a in amounts[:m]]),
    }
    for kind, size in sizes.items():
        print(f"| {kind} | {size:,.0f} bytes |")


if __name__ == "__main__":
    sys.exit(main())
