"""IATI 2.03 export and import, against validation of the same programmes, side by side.

    python benchmarks/iati.py                    # 200 small programmes, 7 rounds
    python benchmarks/iati.py --quick            # 50 programmes, 3 rounds
    python benchmarks/iati.py --memory 2850      # also: peak memory reading a big file

Needs the ``iati`` extra (lxml). The IATI 2.03 schemas and ruleset are not shipped: the schema
and ruleset rows run when ``../shared/external/iati`` (or ``CAPACITYLIB_IATI_DIR``) holds them,
and are left out, with a line saying so, where it does not.

Every case runs in one process, round-robin over the rounds with the garbage collector paused,
and is shown per programme (one ``iati-activity`` each) with its ratio to validating the same
programmes from JSON. ``--memory N`` builds a file of N copies of the IATI annotated example
(about 17 KB each) and reads it in fresh processes: ``capacitylib validate`` (which streams,
``iter_iati``) and ``read_iati`` keeping every outcome, printing each one's peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import generate

from capacitylib import Programme
from capacitylib.io.iati import ReportingOrganisation, load_schemas, read_iati, to_iati_xml
from capacitylib.io.iati.ruleset import IatiRuleset

ROOT = Path(__file__).resolve().parent.parent
IATI_DIR = Path(
    os.environ.get("CAPACITYLIB_IATI_DIR", ROOT.parent / "shared" / "external" / "iati")
)
PUBLISHER = ReportingOrganisation(ref="XM-DAC-000-BENCH", name={"en": "Benchmark"}, type="10")
WHEN = datetime(2026, 12, 1, tzinfo=UTC)


def cases(count: int) -> dict[str, Callable[[], object]]:
    """The timed cases, each over the same ``count`` programmes."""
    texts = [json.dumps(generate.small(seed)) for seed in range(count)]
    programmes = [Programme.model_validate_json(text) for text in texts]
    xml = to_iati_xml(programmes, reporting_org=PUBLISHER, generated=WHEN).xml
    found: dict[str, Callable[[], object]] = {
        "validate from JSON (reference)": lambda: [
            Programme.model_validate_json(text) for text in texts
        ],
        "export to IATI XML (to_iati_xml)": lambda: to_iati_xml(
            programmes, reporting_org=PUBLISHER, generated=WHEN
        ),
        "import IATI XML, no schema (read_iati)": lambda: read_iati(xml),
    }
    if (IATI_DIR / "schemas" / "iati-activities-schema.xsd").is_file():
        schemas = load_schemas(IATI_DIR / "schemas")
        found["import IATI XML with the XML Schema"] = lambda: read_iati(xml, schemas=schemas)
    else:
        print(f"(no IATI schemas at {IATI_DIR / 'schemas'}: the schema row is left out)")
    if (IATI_DIR / "rulesets" / "standard.json").is_file():
        ruleset = IatiRuleset.load(IATI_DIR / "rulesets" / "standard.json")
        found["IATI Standard ruleset over the file"] = lambda: ruleset.check(xml)
    else:
        print(f"(no IATI ruleset at {IATI_DIR / 'rulesets'}: the ruleset row is left out)")
    return found


def timed(found: dict[str, Callable[[], object]], count: int, rounds: int) -> None:
    """Median seconds per programme of each case, round-robin over ``rounds``."""
    seconds: dict[str, list[float]] = {name: [] for name in found}
    for case in found.values():
        case()  # warm up: schemas compiled, modules imported
    for _ in range(rounds):
        for name, case in found.items():
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            case()
            seconds[name].append(time.perf_counter() - start)
            gc.enable()
    reference = statistics.median(seconds["validate from JSON (reference)"])
    print(f"\n## IATI export and import ({count} small programmes, {rounds} rounds)\n")
    print("| case | median per programme | ratio to validation |")
    print("|---|---:|---:|")
    for name, times in seconds.items():
        median = statistics.median(times)
        print(f"| {name} | {median / count * 1e6:,.1f} µs | {median / reference:.2f}x |")


def big_file(copies: int, path: Path) -> None:
    """``copies`` copies of the annotated example's activity, with their own identifiers."""
    text = (IATI_DIR / "examples" / "activity-standard-example-annotated.xml").read_text("utf-8")
    activity = re.search(r"<iati-activity\b.*?</iati-activity>", text, re.DOTALL)
    if activity is None:
        raise SystemExit("the annotated example holds no iati-activity")
    body = "\n".join(
        activity.group().replace("AA-AAA-123456789-ABC123", f"AA-AAA-123456789-B{i:07d}")
        for i in range(copies)
    )
    path.write_text(text[: activity.start()] + body + text[activity.end() :], encoding="utf-8")


def peak(command: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS in bytes of ``command`` in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return time.perf_counter() - start, usage.ru_maxrss * 1024


def memory(copies: int) -> None:
    """Peak memory reading one big file: streamed by the CLI, and kept by ``read_iati``."""
    if not (IATI_DIR / "examples").is_dir():
        print(f"(no IATI examples at {IATI_DIR}: the memory section is left out)")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xml"
        big_file(copies, path)
        size = path.stat().st_size
        keep = (
            "from capacitylib.io.iati import read_iati; import sys; "
            "print(len(read_iati(sys.argv[1], max_bytes=10**9)))"
        )
        rows = {
            "`capacitylib validate` (streams)": [
                sys.executable,
                "-m",
                "capacitylib",
                "validate",
                str(path),
            ],
            "`read_iati()` keeping every outcome": [sys.executable, "-c", keep, str(path)],
        }
        print(f"\n## Reading one file of {copies:,} activities ({size / 1e6:.1f} MB)\n")
        print("| case | time | peak RSS |")
        print("|---|---:|---:|")
        for name, command in rows.items():
            seconds, rss = peak(command)
            print(f"| {name} | {seconds:.1f} s | {rss / 2**20:,.0f} MiB |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 programmes, 3 rounds")
    parser.add_argument("--memory", type=int, metavar="N", help="also read a file of N activities")
    args = parser.parse_args(argv)
    count, rounds = (50, 3) if args.quick else (200, 7)
    timed(cases(count), count, rounds)
    if args.memory:
        memory(args.memory)


if __name__ == "__main__":
    main()
