"""Benchmarks: capacitylib against msgspec, jsonschema and fastjsonschema, side by side in ONE run.

Run:  python benchmarks/run.py            (needs: pip install -e ".[dev,bench]")
      python benchmarks/run.py --quick    (fewer repetitions)

Every case is timed in the same process, round-robin over repetitions so that machine noise hits
all of them alike; the table shows medians and the ratio to the named baseline.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fastjsonschema  # noqa: E402
import jsonschema  # noqa: E402
import msgspec  # noqa: E402

import generate  # noqa: E402
import msgspec_models  # noqa: E402

import capacitylib  # noqa: E402
from capacitylib.schema import programme_json_schema  # noqa: E402

Case = tuple[str, Callable[[], object]]


def timed(cases: list[Case], repeats: int) -> dict[str, float]:
    """Median seconds per call of each case, interleaving the cases in every repetition."""
    samples: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(repeats):
        for name, fn in cases:
            start = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def table(title: str, results: dict[str, float], baseline: str, per: int, unit: str) -> None:
    print(f"\n## {title}\n")
    print(f"| case | median per {unit} | ratio to {baseline} |")
    print("|---|---:|---:|")
    base = results[baseline]
    for name, seconds in results.items():
        print(f"| {name} | {seconds / per * 1e6:,.1f} µs | {seconds / base:.2f}x |")


def documents(make: Callable[[int], dict[str, object]], n: int) -> tuple[list[bytes], list[dict[str, object]]]:
    raw = [json.dumps(make(i), ensure_ascii=False).encode() for i in range(n)]
    return raw, [json.loads(r) for r in raw]


def validation(size: str, make: Callable[[int], dict[str, object]], n: int, repeats: int) -> None:
    raw, dicts = documents(make, n)
    schema = programme_json_schema()
    draft = jsonschema.Draft202012Validator(schema, format_checker=None)
    fast = fastjsonschema.compile(schema)
    validate_json = capacitylib.Programme.model_validate_json
    validate_python = capacitylib.Programme.model_validate
    decode = msgspec_models.decoder.decode
    cases: list[Case] = [
        ("msgspec decode (floor)", lambda: [decode(r) for r in raw]),
        ("capacitylib from JSON bytes", lambda: [validate_json(r) for r in raw]),
        ("capacitylib from dicts", lambda: [validate_python(d) for d in dicts]),
        ("json.loads (parse only)", lambda: [json.loads(r) for r in raw]),
        ("fastjsonschema (loads + validate)", lambda: [fast(json.loads(r)) for r in raw]),
        ("jsonschema Draft 2020-12 (loads + validate)", lambda: [draft.validate(json.loads(r)) for r in raw]),
    ]
    results = timed(cases, repeats)
    size_kb = sum(map(len, raw)) / len(raw) / 1024
    table(f"Validate {size} documents (~{size_kb:.1f} KB each, {n} per run)", results,
          "msgspec decode (floor)", n, "document")


def batches(n: int, repeats: int) -> None:
    raw, _ = documents(generate.small, n)
    array = b"[" + b",".join(raw) + b"]"
    ndjson = b"\n".join(raw) + b"\n"
    adapter = capacitylib.Programme.model_validate_json
    from pydantic import TypeAdapter

    many = TypeAdapter(list[capacitylib.Programme])
    batch_decode = msgspec_models.batch_decoder.decode
    decode = msgspec_models.decoder.decode

    def gc_off(fn: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            gc.disable()
            try:
                return fn()
            finally:
                gc.enable()
        return run

    cases: list[Case] = [
        ("msgspec JSON array (floor)", lambda: batch_decode(array)),
        ("capacitylib JSON array", lambda: many.validate_json(array)),
        ("capacitylib JSON array, gc paused", gc_off(lambda: many.validate_json(array))),
        ("msgspec NDJSON lines", lambda: [decode(line) for line in ndjson.splitlines()]),
        ("capacitylib NDJSON lines", lambda: [adapter(line) for line in ndjson.splitlines()]),
        ("capacitylib NDJSON lines, gc paused", gc_off(lambda: [adapter(line) for line in ndjson.splitlines()])),
    ]
    results = timed(cases, repeats)
    table(f"Batch of {n} small documents", results, "msgspec JSON array (floor)", 1, "batch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    print(f"# capacitylib benchmarks (capacitylib {capacitylib.__version__}, "
          f"pydantic {__import__('pydantic').VERSION}, msgspec {msgspec.__version__}, "
          f"Python {sys.version.split()[0]})")
    validation("small", generate.small, 200, repeats)
    validation("medium", generate.medium, 20, repeats)
    batches(10_000 if not args.quick else 2_000, max(3, repeats // 3))


if __name__ == "__main__":
    main()
