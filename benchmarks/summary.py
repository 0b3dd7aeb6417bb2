"""Benchmark: a dataset summary against plain validation of the same stream, in one run.

Run:  python benchmarks/summary.py            (100,000 records; about a minute)
      python benchmarks/summary.py --records 20000

Both cases read the same NDJSON file with ``iter_ndjson``, with the domain rules as
``capacitylib validate`` runs them (``--no-check``: without, as a pipeline's first pass may);
the summary case also feeds every outcome to ``DatasetSummary.add``. Repetitions
alternate the two cases so that machine noise hits both alike; the ratio is of medians. Peak
RSS of each case is measured in a fresh subprocess (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import capacitylib
from capacitylib.io.ndjson import iter_ndjson
from capacitylib.quality import summarise


def make_stream(path: Path, records: int) -> None:
    """``records`` lines: the seed programmes under distinct ids, 1% invalid, 0.5% duplicates."""
    docs = [json.loads(capacitylib.json_line(p)) for p in capacitylib.load_examples()]
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            if number % 100 == 99:
                handle.write('{"id": "broken"}\n')
                continue
            doc = docs[number % len(docs)]
            unique = number - 1 if number % 200 == 1 else number  # every 200th repeats an id
            handle.write(json.dumps({**doc, "id": f"{doc['id']}-{unique}"}) + "\n")


CHECKS = {"checks": None}


def plain(path: Path) -> int:
    return sum(1 for _ in iter_ndjson(path, checks=CHECKS["checks"]))


def summary(path: Path) -> int:
    return summarise(iter_ndjson(path, checks=CHECKS["checks"])).records


def peak_rss_mb(case: str, path: Path) -> float:
    code = (
        "import resource, sys; sys.path.insert(0, 'benchmarks'); import summary as s; "
        f"s.{case}(__import__('pathlib').Path({str(path)!r})); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-check", action="store_true", help="without the domain rules")
    args = parser.parse_args()
    if not args.no_check:
        CHECKS["checks"] = capacitylib.check
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stream.ndjson"
        make_stream(path, args.records)
        times: dict[str, list[float]] = {"validation": [], "summary": []}
        for _ in range(args.repeats):
            for name, case in (("validation", plain), ("summary", summary)):
                start = time.perf_counter()
                assert case(path) == args.records
                times[name].append(time.perf_counter() - start)
        medians = {name: statistics.median(values) for name, values in times.items()}
        rules = "without" if args.no_check else "with"
        print(f"{args.records:,} records {rules} the domain rules, median of {args.repeats}:")
        for name, seconds in medians.items():
            rate = args.records / seconds
            print(f"  {name:<11} {seconds:7.2f} s  ({rate:,.0f} records/s)")
        print(f"  ratio summary / validation: {medians['summary'] / medians['validation']:.2f}x")
        if args.no_check:
            for name in ("plain", "summary"):
                print(f"  peak RSS {name:<8} {peak_rss_mb(name, path):7.1f} MB")


if __name__ == "__main__":
    main()
