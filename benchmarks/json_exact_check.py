"""Cost of the exact JSON check (repeated keys, inexact number literals) next to validation.

Prints the time to validate the seed programmes as JSON lines with pydantic alone ("before")
and with capacitylib's reader, which adds the check ("after"), and their ratio, in one run:

    python benchmarks/json_exact_check.py
"""

from __future__ import annotations

import timeit

import capacitylib
from capacitylib.io.documents import validate_json
from capacitylib.models import Programme

LINES = [capacitylib.json_line(p) for p in capacitylib.load_examples()]


def before() -> None:
    for line in LINES:
        Programme.model_validate_json(line)


def after() -> None:
    for line in LINES:
        validate_json(line)


def main(number: int = 300, repeat: int = 7) -> None:
    # Interleaved so that a busy machine slows both sides alike; the minimum of each is kept.
    times: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(repeat):
        times["before"].append(timeit.timeit(before, number=number))
        times["after"].append(timeit.timeit(after, number=number))
    per_doc = {k: min(v) / number / len(LINES) * 1e6 for k, v in times.items()}
    print(f"before (pydantic only): {per_doc['before']:.1f} us per document")
    print(f"after (with the check): {per_doc['after']:.1f} us per document")
    print(f"ratio after/before:     {per_doc['after'] / per_doc['before']:.3f}")


if __name__ == "__main__":
    main()
