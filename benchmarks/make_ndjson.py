"""Write a deterministic NDJSON stream of N programmes built from the seed examples.

    python benchmarks/make_ndjson.py 100000 /tmp/programmes-100k.ndjson

Each record is a seed example with its own id and scaled figures; every 50th line is broken on
purpose (a truncated line, an unknown field, or an end before a start) so that validation has
rejects to report. The same N always gives the same file. Do not commit the output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import capacitylib
from capacitylib.io import to_document

BROKEN_EVERY = 50


def line(i: int, seeds: list[dict[str, object]]) -> str:
    """The i-th line of the stream (0-based)."""
    doc = dict(seeds[i % len(seeds)])
    doc["id"] = f"{doc['id']}-{i:07d}"
    doc["stated_partner_count"] = i % 40
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if i % BROKEN_EVERY == BROKEN_EVERY - 1:
        kind = (i // BROKEN_EVERY) % 3
        if kind == 0:
            return text[: len(text) // 2]
        if kind == 1:
            return text[:-1] + ',"colour":"blue"}'
        broken = dict(doc, periods=[{"start": "2019-10-31", "end": "2019-05-16"}])
        return json.dumps(broken, ensure_ascii=False, separators=(",", ":"))
    return text


def write(count: int, path: Path) -> None:
    """Write ``count`` lines to ``path``."""
    seeds = [to_document(p) for p in capacitylib.load_examples()]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for i in range(count):
            handle.write(line(i, seeds) + "\n")


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
