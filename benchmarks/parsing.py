"""Parsing speed before and after a change, side by side in ONE run, as a ratio.

Run:  python benchmarks/parsing.py                 (baseline: the parsers at git HEAD)
      python benchmarks/parsing.py --baseline REV  (any commit that has capacitylib/parsing)
      python benchmarks/parsing.py --quick         (fewer repetitions)

The baseline's ``capacitylib/parsing`` package and the data files it reads are taken from git
(``git show REV:...``) into a temporary package, so that both versions run in the same process
on the same texts, round-robin over repetitions so that machine noise hits both alike. The
texts are the five first languages' seed forms, which both versions read; each case parses
the whole list once. Reported: median microseconds per text and the ratio now / baseline
(below 1.00 is faster now).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "src/capacitylib/parsing"
DATA = ("glossary.csv", "units.csv", "number_words.csv")
NAME = "_baseline_parsing"

ROWS = """
import csv
from pathlib import Path


def _rows(name):
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))
"""

DATES = [
    ("lt", "2022 m. gruodžio 8 d."),
    ("lt", "2018.12.31"),
    ("lt", "Kovo 30 d."),
    ("lv", "2018. gada 27. marta"),
    ("lv", "16.05.2019."),
    ("lv", "2022. gada oktobris"),
    ("cs", "1. 11. 2016"),
    ("cs", "1. listopadu 2016"),
    ("cs", "v říjnu 2018"),
    ("pl", "8 grudnia 2022 r."),
    ("pl", "w grudniu 2022 r."),
    ("en", "8 December 2022"),
    ("en", "December 8, 2022"),
    ("en", "2019-05-16"),
]
PERIODS = [
    ("lt", "2022 m. gruodžio 8 d. – 2026 m. gruodžio 31 d."),
    ("cs", "1. 11. 2016 – 28. 2. 2018"),
    ("lv", "no 2018. gada 27. marta līdz 2019. gada 26. martam"),
    ("cs", "14. - 18.květen 2018"),
    ("en", "from 1 November 2016 to 28 February 2018"),
]
AMOUNTS = [
    ("lt", "43 940 212,00 Eur"),
    ("lv", "12 470 000 euro"),
    ("cs", "12 000,- Kč"),
    ("pl", "5 504 400,00 zł"),
    ("en", "43,940,212.00 EUR"),
]
QUANTITIES = [
    ("cs", "2 - 3 hodiny"),
    ("lt", "Aštuonias akademines valandas"),
    ("lv", "88-100 akadēmisko stundu"),
    ("cs", "114 supervizních setkání"),
    ("lv", "200 eksemplāros"),
]
TERMS = [
    ("lt", "socialiniams darbuotojams"),
    ("lv", "supervīzija"),
    ("cs", "týmová supervize"),
    ("pl", "szkolenie"),
    ("en", "group supervision"),
]
# Texts neither version reads: the error path (the current one also looks for values inside).
FAILURES = [
    ("lv", "31.13.2019."),
    ("lt", "2022 m. gruodžio 32 d."),
    ("pl", "Rozpoczęcie projektu: 1 marca 2021 roku"),
    ("cs", "banana"),
]


def git_show(rev: str, path: str) -> str:
    return subprocess.run(
        ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def baseline(rev: str, into: Path) -> ModuleType:
    """The parsing package at ``rev``, importable as ``_baseline_parsing``."""
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{rev}:{PACKAGE}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    package = into / NAME
    package.mkdir()
    for name in names:
        if name.endswith(".py"):
            source = git_show(rev, f"{PACKAGE}/{name}")
            source = source.replace(
                "from capacitylib._tables import _rows", f"from {NAME}._rows import _rows"
            )
            source = source.replace("capacitylib.parsing", NAME)
            (package / name).write_text(source, encoding="utf-8")
    for name in DATA:
        (package / name).write_text(
            git_show(rev, f"src/capacitylib/_data/{name}"), encoding="utf-8"
        )
    (package / "_rows.py").write_text(ROWS, encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module(NAME)


def cases(module: ModuleType) -> dict[str, Callable[[], object]]:
    def each(parser: Callable[..., object], texts: list[tuple[str, str]]) -> Callable[[], object]:
        def run() -> object:
            return [parser(text, lang=lang) for lang, text in texts]

        return run

    def failing() -> object:
        out = []
        for lang, text in FAILURES:
            try:
                module.parse_date(text, lang=lang)
            except module.ParseError as error:
                out.append(error)
        return out

    return {
        "dates": each(module.parse_date, DATES),
        "periods": each(module.parse_period, PERIODS),
        "amounts": each(module.parse_money, AMOUNTS),
        "quantities": each(module.parse_measure, QUANTITIES),
        "terms": each(module.parse_term, TERMS),
        "refused dates": failing,
    }


def timed(pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]], repeats: int):
    samples: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in pairs}
    for _ in range(repeats):
        for name, functions in pairs.items():
            for side, fn in enumerate(functions):
                gc.collect()
                gc.disable()
                try:
                    start = time.perf_counter()
                    fn()
                    samples[name][side].append(time.perf_counter() - start)
                finally:
                    gc.enable()
    return {name: (statistics.median(a), statistics.median(b)) for name, (a, b) in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare with")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    import capacitylib.parsing as now

    with tempfile.TemporaryDirectory() as tmp:
        before = baseline(args.baseline, Path(tmp))
        old, new = cases(before), cases(now)
        for fn in (*old.values(), *new.values()):  # warm the caches (tables, CLDR data)
            fn()
        results = timed({k: (old[k], new[k]) for k in old}, 30 if args.quick else 200)
    sizes = {
        "dates": len(DATES),
        "periods": len(PERIODS),
        "amounts": len(AMOUNTS),
        "quantities": len(QUANTITIES),
        "terms": len(TERMS),
        "refused dates": len(FAILURES),
    }
    print(f"\n## Parsing: now against {args.baseline}\n")
    print(f"| case | {args.baseline} per text | now per text | ratio now / {args.baseline} |")
    print("|---|---:|---:|---:|")
    for name, (was, is_) in results.items():
        n = sizes[name]
        print(f"| {name} | {was / n * 1e6:,.1f} µs | {is_ / n * 1e6:,.1f} µs | {is_ / was:.2f}x |")


if __name__ == "__main__":
    main()
