"""Peak memory and speed of ``capacitylib validate`` on generated streams of growing size.

    python benchmarks/measure_validate.py 10000 100000

For each N, writes a stream with make_ndjson.py into a temporary folder, runs
``capacitylib validate --quiet --valid-out ... --rejects-out ...`` in a subprocess and prints
its peak resident memory (ru_maxrss of the child), its wall time and records per second.
Bounded memory means the peak barely moves while N grows tenfold.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_ndjson import write

# Runs the command in this child and reports the child's own peak RSS (KiB on Linux) at exit.
_RUN = (
    "import resource, sys\n"
    "from capacitylib.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write(f'maxrss={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)


def measure(count: int, folder: Path) -> tuple[float, float, str]:
    """Peak RSS in MB, seconds, and the count line of one validate run over ``count`` records."""
    source = folder / f"p-{count}.ndjson"
    if not source.exists():
        write(count, source)
    args = ["validate", "--quiet", "--no-progress"]
    args += ["--valid-out", str(folder / "valid.ndjson")]
    args += ["--rejects-out", str(folder / "rejects.ndjson"), str(source)]
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    maxrss = next(
        int(line.split("=")[1]) for line in result.stderr.splitlines() if line.startswith("maxrss=")
    )
    summary = result.stdout.strip().splitlines()[-1]
    return maxrss / 1024, seconds, summary


def main(counts: list[int]) -> None:
    """Print one line per count."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for count in counts:
            peak, seconds, summary = measure(count, folder)
            size = (folder / f"p-{count}.ndjson").stat().st_size / 1e6
            print(
                f"{count:>8} records ({size:,.0f} MB): peak RSS {peak:,.1f} MB, "
                f"{seconds:,.1f} s, {count / seconds:,.0f} records/s  [{summary}]"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
