"""Benchmarks: capacitylib against msgspec, jsonschema and fastjsonschema, side by side in ONE run.

Run:  python benchmarks/run.py                 (needs: pip install -e ".[dev,bench]"; ~16 minutes)
      python benchmarks/run.py --quick         (fewer repetitions, smaller sizes)
      python benchmarks/run.py --only batch    (one section; repeatable)
      python benchmarks/run.py --only convert  (convert NDJSON to every format: time, peak RSS)
      python benchmarks/run.py --only values   (a million Estimates, Money sums, memory per value)

Every case is timed in the same process, round-robin over repetitions so that machine noise hits
all of them alike; the table shows medians and the ratio to the named baseline.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import convert
import fastjsonschema
import generate
import jsonschema
import msgspec
import msgspec_models

import capacitylib
import values
from capacitylib.schema import programme_json_schema

Case = tuple[str, Callable[[], object]]


def timed(cases: list[Case], repeats: int) -> dict[str, float]:
    """Median seconds per call of each case, interleaving the cases in every repetition.

    As ``timeit`` does, the garbage collector is paused while a case runs (and run between
    cases), so that one case does not pay for the garbage of another; the batch section
    measures the collector's own cost separately.
    """
    samples: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(repeats):
        for name, fn in cases:
            gc.collect()
            paused = not name.endswith("(gc on)")
            if paused:
                gc.disable()
            try:
                start = time.perf_counter()
                fn()
                samples[name].append(time.perf_counter() - start)
            finally:
                gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def table(title: str, results: dict[str, float], baseline: str, per: int, unit: str) -> None:
    print(f"\n## {title}\n")
    print(f"| case | median per {unit} | ratio to {baseline} |")
    print("|---|---:|---:|")
    base = results[baseline]
    for name, seconds in results.items():
        print(f"| {name} | {seconds / per * 1e6:,.1f} µs | {seconds / base:.2f}x |")


def documents(
    make: Callable[[int], dict[str, object]], n: int
) -> tuple[list[bytes], list[dict[str, object]]]:
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
        (
            "jsonschema Draft 2020-12 (loads + validate)",
            lambda: [draft.validate(json.loads(r)) for r in raw],
        ),
    ]
    results = timed(cases, repeats)
    size_kb = sum(map(len, raw)) / len(raw) / 1024
    table(
        f"Validate {size} documents (~{size_kb:.1f} KB each, {n} per run)",
        results,
        "msgspec decode (floor)",
        n,
        "document",
    )


def _in_gc_paused(fn: Callable[[], object]) -> object:
    with capacitylib.gc_paused():
        return fn()


def batches(n: int, repeats: int) -> None:
    raw, _ = documents(generate.small, n)
    array = b"[" + b",".join(raw) + b"]"
    ndjson = b"\n".join(raw) + b"\n"
    adapter = capacitylib.Programme.model_validate_json
    from pydantic import TypeAdapter

    many = TypeAdapter(list[capacitylib.Programme])
    batch_decode = msgspec_models.batch_decoder.decode
    decode = msgspec_models.decoder.decode

    cases: list[Case] = [
        ("msgspec JSON array (floor)", lambda: batch_decode(array)),
        ("capacitylib JSON array", lambda: many.validate_json(array)),
        ("capacitylib JSON array (gc on)", lambda: many.validate_json(array)),
        ("msgspec NDJSON lines", lambda: [decode(line) for line in ndjson.splitlines()]),
        ("capacitylib NDJSON lines", lambda: [adapter(line) for line in ndjson.splitlines()]),
        (
            "capacitylib NDJSON lines inside gc_paused() (gc on)",
            lambda: _in_gc_paused(lambda: [adapter(line) for line in ndjson.splitlines()]),
        ),
        (
            "capacitylib NDJSON lines (gc on)",
            lambda: [adapter(line) for line in ndjson.splitlines()],
        ),
        (
            "capacitylib list(read_ndjson(...)) as a user runs it (gc on)",
            lambda: list(capacitylib.read_ndjson(io.BytesIO(ndjson))),
        ),
        (
            "capacitylib NDJSON stream, records dropped (gc on)",
            lambda: [None for line in ndjson.splitlines() if adapter(line) is None],
        ),
    ]
    results = timed(cases, repeats)
    table(f"Batch of {n} small documents", results, "msgspec JSON array (floor)", 1, "batch")


def checks_and_reports(repeats: int) -> None:
    """check(), build_report() and dumping, each against validating the same documents."""
    from datetime import date

    raw, _ = documents(generate.small, 200)
    programmes = [capacitylib.Programme.model_validate_json(r) for r in raw]
    structs = [msgspec_models.decoder.decode(r) for r in raw]
    as_of = date(2024, 6, 30)
    encode = msgspec.json.encode
    tables = capacitylib.to_tables(programmes)
    cases: list[Case] = [
        (
            "capacitylib validate from JSON (reference)",
            lambda: [capacitylib.Programme.model_validate_json(r) for r in raw],
        ),
        ("capacitylib check()", lambda: [capacitylib.check(p, as_of=as_of) for p in programmes]),
        (
            "capacitylib build_report()",
            lambda: [capacitylib.build_report(p, as_of=as_of) for p in programmes],
        ),
        (
            "capacitylib report JSON dict",
            lambda: [capacitylib.build_report(p).to_json_dict() for p in programmes],
        ),
        (
            "capacitylib dump to JSON (model_dump_json)",
            lambda: [p.model_dump_json() for p in programmes],
        ),
        (
            "capacitylib dumps canonical JSON",
            lambda: [capacitylib.dumps(p, format="json") for p in programmes],
        ),
        ("msgspec encode (floor for dumping)", lambda: [encode(s) for s in structs]),
        ("capacitylib flatten to tables (to_tables)", lambda: capacitylib.to_tables(programmes)),
        (
            "capacitylib tables back to programmes (from_tables)",
            lambda: capacitylib.from_tables(tables),
        ),
    ]
    try:
        from capacitylib.io.frames import to_arrow, to_frames
    except ImportError:  # pragma: no cover - without the pandas and parquet extras
        pass
    else:
        cases += [
            ("capacitylib typed Arrow tables (to_arrow)", lambda: to_arrow(programmes)),
            ("capacitylib typed DataFrames (to_frames)", lambda: to_frames(programmes)),
        ]
    results = timed(cases, repeats)
    table(
        "Checks, reports and dumps of small documents (200 per run)",
        results,
        "capacitylib validate from JSON (reference)",
        len(raw),
        "document",
    )


def report_scaling(n: int, repeats: int) -> None:
    """Report and portfolio over n and 10 n programmes: linear cost gives a ratio near 10."""
    from capacitylib.calculators import portfolio

    raw, _ = documents(generate.small, 10 * n)
    many = [capacitylib.Programme.model_validate_json(r) for r in raw]
    few = many[:n]
    cases: list[Case] = [
        (f"build_report x {n}", lambda: [capacitylib.build_report(p) for p in few]),
        (f"build_report x {10 * n}", lambda: [capacitylib.build_report(p) for p in many]),
        (f"portfolio() of {n}", lambda: portfolio(few)),
        (f"portfolio() of {10 * n}", lambda: portfolio(many)),
    ]
    results = timed(cases, repeats)
    print(f"\n## Report and portfolio scaling ({n} and {10 * n} programmes)\n")
    print("| case | median | 10x programmes / 1x |")
    print("|---|---:|---:|")
    names = list(results)
    for small_name, big_name in ((names[0], names[1]), (names[2], names[3])):
        print(f"| {small_name} | {results[small_name] * 1e3:,.1f} ms | |")
        print(
            f"| {big_name} | {results[big_name] * 1e3:,.1f} ms | {results[big_name] / results[small_name]:.2f}x |"
        )


def import_time(runs: int) -> None:
    """Median wall time of importing, each in a fresh interpreter."""
    import subprocess

    snippets = {
        "import pydantic": "import pydantic",
        "from pydantic import BaseModel": "from pydantic import BaseModel",
        "import capacitylib": "import capacitylib",
        "import capacitylib + first validation": (
            "import capacitylib; capacitylib.Programme.model_validate({'id': 'p', 'title': {'en': 'x'}})"
        ),
    }
    results: dict[str, list[float]] = {name: [] for name in snippets}
    for _ in range(runs):
        for name, code in snippets.items():
            program = (
                f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
            )
            out = subprocess.run(
                [sys.executable, "-c", program], capture_output=True, text=True, check=True
            )
            results[name].append(float(out.stdout))
    medians = {name: statistics.median(v) for name, v in results.items()}
    print(f"\n## Import time (fresh interpreter each, median of {runs})\n")
    print(
        "| import | median | ratio to import pydantic | ratio to from pydantic import BaseModel |"
    )
    print("|---|---:|---:|---:|")
    for name, seconds in medians.items():
        print(
            f"| `{name}` | {seconds * 1e3:.1f} ms | {seconds / medians['import pydantic']:.2f}x | "
            f"{seconds / medians['from pydantic import BaseModel']:.2f}x |"
        )


_MEMORY_PROGRAM = """
import gc, json, sys
sys.path.insert(0, {bench!r})
import generate
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "capacitylib":
    import capacitylib
    load = capacitylib.Programme.model_validate_json
elif kind == "msgspec":
    import msgspec_models
    load = msgspec_models.decoder.decode
else:
    load = json.loads
load(json.dumps(generate.small(0)))  # warm up: import and build validators first
def rss():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS"))
gc.collect()
before = rss()
kept = [load(json.dumps(generate.small(i))) for i in range(n)]
gc.collect()
print((rss() - before) * 1024 / n)
"""


def memory(n: int) -> None:
    """Resident memory per kept small programme, each kind in its own interpreter."""
    import subprocess

    program = _MEMORY_PROGRAM.format(bench=str(Path(__file__).parent))
    per: dict[str, float] = {}
    for kind in ("msgspec", "capacitylib", "dicts (json.loads)"):
        out = subprocess.run(
            [sys.executable, "-c", program, kind.split()[0], str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        per[kind] = float(out.stdout)
    print(f"\n## Memory of {n:,} validated small programmes (resident, per programme)\n")
    print("| kept as | per programme | total | ratio to msgspec |")
    print("|---|---:|---:|---:|")
    for kind, size in per.items():
        print(
            f"| {kind} | {size / 1024:.1f} KiB | {size * n / 2**20:,.0f} MiB | {size / per['msgspec']:.2f}x |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller sizes")
    parser.add_argument(
        "--only",
        action="append",
        choices=(
            "validate",
            "batch",
            "checks",
            "scaling",
            "import",
            "memory",
            "values",
            "convert",
        ),
        help="run only this section (repeatable)",
    )
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    print(
        f"# capacitylib benchmarks (capacitylib {capacitylib.__version__}, "
        f"pydantic {__import__('pydantic').VERSION}, msgspec {msgspec.__version__}, "
        f"Python {sys.version.split()[0]})"
    )
    sections = {
        "validate": lambda: (
            validation("small", generate.small, 200, repeats),
            validation("medium", generate.medium, 20, repeats),
        ),
        "batch": lambda: batches(10_000 if not args.quick else 2_000, max(3, repeats // 3)),
        "checks": lambda: checks_and_reports(repeats),
        "scaling": lambda: report_scaling(1_000 if not args.quick else 200, max(3, repeats // 3)),
        "import": lambda: import_time(15 if not args.quick else 5),
        "memory": lambda: memory(100_000 if not args.quick else 10_000),
        "values": lambda: values.main(["--quick"] if args.quick else []),
        "convert": lambda: convert.main(
            ["--records", "2000" if args.quick else "20000", "--rounds", "1" if args.quick else "3"]
        ),
    }
    for name in args.only or list(sections):
        sections[name]()


if __name__ == "__main__":
    main()
