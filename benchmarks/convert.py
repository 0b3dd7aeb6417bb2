"""Time and peak memory of ``capacitylib convert`` from NDJSON to every format, side by side.

    python benchmarks/convert.py                 # 20,000 records, 3 rounds
    python benchmarks/convert.py --records 2000 --rounds 1

Writes a deterministic NDJSON stream of valid records (the seed examples with their own ids,
as ``make_ndjson.py`` but with no broken line, since a conversion with a bad record writes
nothing), then runs each conversion in a fresh process, round-robin over the rounds, and
prints the median time and the peak resident memory (``ru_maxrss`` of the child) of each, with
the ratio of each time to NDJSON to NDJSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import capacitylib
from capacitylib.io import to_document

TARGETS = {
    "NDJSON -> NDJSON (reference)": "out.ndjson",
    "NDJSON -> CSV": "out",
    "NDJSON -> Parquet": "out.parquet",
    "NDJSON -> XLSX": "out.xlsx",
}


def write_stream(count: int, path: Path) -> None:
    """``count`` valid records, deterministic."""
    seeds = [to_document(p) for p in capacitylib.load_examples()]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for i in range(count):
            doc = dict(seeds[i % len(seeds)])
            doc["id"] = f"{doc['id']}-{i:07d}"
            doc["stated_partner_count"] = i % 40
            handle.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")


def run_once(source: Path, target: Path) -> tuple[float, int]:
    """Seconds and peak RSS in bytes of one ``convert`` in a fresh process."""
    command = [sys.executable, "-m", "capacitylib", "convert", str(source), str(target)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit {process.returncode}")
    return elapsed, usage.ru_maxrss * 1024


def main(argv: list[str] | None = None) -> None:
    """Run the cases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.ndjson"
        write_stream(args.records, source)
        times: dict[str, list[float]] = {name: [] for name in TARGETS}
        peaks: dict[str, int] = dict.fromkeys(TARGETS, 0)
        for _ in range(args.rounds):
            for name, target in TARGETS.items():
                seconds, peak = run_once(source, Path(folder) / target)
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
    reference = statistics.median(times["NDJSON -> NDJSON (reference)"])
    print(f"\n## Convert {args.records:,} records from NDJSON ({args.rounds} rounds)\n")
    print("| case | time | ratio to NDJSON -> NDJSON | peak RSS |")
    print("|---|---:|---:|---:|")
    for name in TARGETS:
        median = statistics.median(times[name])
        print(
            f"| {name} | {median:.1f} s | {median / reference:.2f}x | "
            f"{peaks[name] / 2**20:.0f} MB |"
        )


if __name__ == "__main__":
    main()
