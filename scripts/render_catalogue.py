"""Render the code tables of docs/rules.md from capacitylib.rules.catalogue, so they never drift.

Run: python scripts/render_catalogue.py          (rewrites the tables in docs/rules.md)
     python scripts/render_catalogue.py --check  (exit 1 when docs/rules.md is not current)

Only the text between the ``<!-- catalogue:... -->`` markers is generated; the rest of the page is
written by hand. A test checks the page is current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from capacitylib.reference import ReferenceTables
from capacitylib.rules.catalogue import (
    CATALOGUE,
    DATASET_CODES,
    READER_CODES,
    STRUCTURAL_CODES,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"

_SECTION = re.compile(
    r"(<!-- catalogue:(?P<name>[a-z]+):start -->\n).*?(<!-- catalogue:(?P=name):end -->)",
    flags=re.DOTALL,
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def findings_table() -> str:
    """The catalogue of finding codes as a Markdown table, in family order."""
    rows = [
        "| code | severity | family | meaning | source of the rule |",
        "|---|---|---|---|---|",
    ]
    rows += [
        f"| `{e.code}` | {e.severity} | {e.family} | {_cell(e.meaning)} | {_cell(e.source)} |"
        for e in CATALOGUE.values()
    ]
    return "\n".join(rows) + "\n"


def structural_table() -> str:
    """The structural codes of capacitylib as a Markdown table."""
    rows = ["| code | meaning |", "|---|---|"]
    rows += [f"| `{e.code}` | {_cell(e.meaning)} |" for e in STRUCTURAL_CODES.values()]
    return "\n".join(rows) + "\n"


def _tag(verified: bool) -> str:
    return "V" if verified else "U"


def tables_table() -> str:
    """The shipped reference tables the rules consult, with their sources and tags."""
    tables = ReferenceTables.default()
    rows = ["| table | key | value | tag | source |", "|---|---|---|---|---|"]
    for c in tables.ceilings:
        key = " ".join(
            part
            for part in (c.instrument, c.programming_period, c.region_category, c.beneficiary)
            if part
        )
        rate = f"{(c.max_rate * 100).normalize():f}%"
        rows.append(
            f"| co-financing ceiling | {key} | {rate} | {_tag(c.entry.verified)} | "
            f"{_cell(c.entry.source)} |"
        )
    for country, hours in tables.cpd_hours.items():
        entry = tables.sources[f"cpd:{country}"]
        value = "none known" if hours is None else f"{hours} h a year"
        rows.append(
            f"| CPD minimum | {country} | {value} | {_tag(entry.verified)} | "
            f"{_cell(entry.source)} |"
        )
    for country, minutes in tables.academic_hours.items():
        entry = tables.sources[f"academic_hours:{country}"]
        rows.append(
            f"| academic hour | {country} | {minutes} min | {_tag(entry.verified)} | "
            f"{_cell(entry.source)} |"
        )
    return "\n".join(rows) + "\n"


def reader_table() -> str:
    """The codes of reading records (streams, documents, tables) as a Markdown table."""
    rows = ["| code | meaning |", "|---|---|"]
    rows += [f"| `{e.code}` | {_cell(e.meaning)} |" for e in READER_CODES.values()]
    return "\n".join(rows) + "\n"


def dataset_table() -> str:
    """The findings across the records of a dataset as a Markdown table."""
    rows = ["| code | severity | meaning |", "|---|---|---|"]
    rows += [f"| `{e.code}` | {e.severity} | {_cell(e.meaning)} |" for e in DATASET_CODES.values()]
    return "\n".join(rows) + "\n"


_TABLES = {
    "findings": findings_table,
    "structural": structural_table,
    "reader": reader_table,
    "dataset": dataset_table,
    "tables": tables_table,
}


def render(text: str) -> str:
    """``text`` with every generated section replaced by the current table."""

    def replace(match: re.Match[str]) -> str:
        return match.group(1) + _TABLES[match.group("name")]() + match.group(3)

    return _SECTION.sub(replace, text)


def main(argv: list[str]) -> int:
    """Rewrite docs/rules.md, or with ``--check`` report whether it is current."""
    current = DOC.read_text(encoding="utf-8")
    rendered = render(current)
    if "--check" in argv:
        if rendered != current:
            sys.stderr.write(f"{DOC} is stale: run python scripts/render_catalogue.py\n")
            return 1
        return 0
    DOC.write_text(rendered, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
