"""Benchmark: a dataset summary against plain validation of the same stream, in one run.

Run:  python benchmarks/summary.py            (100,000 records; about a minute)
      python benchmarks/summary.py --records 20000

Both cases read the same NDJSON file with ``iter_ndjson``, with the domain rules as
``capacitylib validate`` runs them (``--no-check``: without, as a pipeline's first pass may);
the summary case also feeds every outcome to ``DatasetSummary.add``. Repetitions
alternate the two cases so that machine noise hits both alike; the ratio is of medians. Peak
RSS of each case is measured in a fresh subprocess (``VmHWM``).
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


def make_stream(path: Path, records: int) -> dict[str, int]:
    """``records`` lines with planted problems; the counts the summary must find.

    The seed programmes under distinct ids, except: every 100th line is invalid
    (``field_required``), every 200th repeats the line before it exactly (a duplicate), every
    300th gives the id of the line two before it with other content (a conflict).
    """
    docs = [json.loads(capacitylib.json_line(p)) for p in capacitylib.load_examples()]
    planted = {"rejected": 0, "duplicates": 0, "conflicts": 0}
    lines: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            if number % 100 == 99:
                line = '{"id": "broken"}'
                planted["rejected"] += 1
            elif number % 200 == 1:
                line = lines[-1]
                planted["duplicates"] += 1
            elif number % 300 == 2 and number % 200 != 2:  # not the id of a duplicate
                doc = docs[number % len(docs)]
                line = json.dumps(
                    {**doc, "id": f"{docs[(number - 2) % len(docs)]['id']}-{number - 2}"}
                )
                planted["conflicts"] += 1
            else:
                doc = docs[number % len(docs)]
                line = json.dumps({**doc, "id": f"{doc['id']}-{number}"})
            lines = [line]
            handle.write(line + "\n")
    return planted


CHECKS = {"checks": None}


def plain(path: Path) -> int:
    return sum(1 for _ in iter_ndjson(path, checks=CHECKS["checks"]))


def summary(path: Path) -> int:
    return summarise(iter_ndjson(path, checks=CHECKS["checks"])).records


def check_planted(path: Path, planted: dict[str, int]) -> None:
    """The summary finds exactly what was planted."""
    found = summarise(iter_ndjson(path))
    codes = [f.code for f in found.findings()]
    assert found.rejected == planted["rejected"], (found.rejected, planted)
    assert found.codes["field_required"].records == planted["rejected"]
    assert codes.count("dataset_programme_duplicate") == planted["duplicates"], planted
    assert codes.count("dataset_programme_conflict") == planted["conflicts"], planted
    print(f"  planted {planted}: found exactly")


def peak_rss_mb(case: str, path: Path) -> float:
    """Peak resident memory of ``case`` run alone in a fresh interpreter, in MB.

    Read from ``VmHWM`` in ``/proc/self/status`` (``ru_maxrss`` is inherited across fork and
    exec on Linux, so it would report the parent's peak).
    """
    code = (
        "import sys, pathlib; sys.path.insert(0, 'benchmarks'); import summary as s; "
        f"s.{case}(pathlib.Path({str(path)!r})); "
        "line = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0]; "
        "print(int(line.split()[1]) / 1024)"
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
        planted = make_stream(path, args.records)
        check_planted(path, planted)
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
