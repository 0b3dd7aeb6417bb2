"""``capacitylib report`` and ``capacitylib schema``: figures and the document schema."""

from __future__ import annotations

import argparse
import json
import sys

from capacitylib._terminal import safe_text
from capacitylib.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    as_of_date,
    print_outcome,
    progress_bar,
)
from capacitylib.io.validate import validate_paths


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a programme document."""
    from capacitylib.schema import programme_json_schema  # noqa: PLC0415 - only this command

    json.dump(programme_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Print the report of every valid programme of ``args.paths``; the exit code."""
    from capacitylib.calculators import build_report  # noqa: PLC0415 - only this command
    from capacitylib.quality import versions  # noqa: PLC0415 - only this command

    stamp = versions()

    as_of = as_of_date(args.as_of)
    status = EXIT_OK
    written = 0
    if args.format == "json":
        # One JSON array, written as it goes so a long stream never sits in memory; closed
        # whatever happens, so the output is always JSON.
        sys.stdout.write("[")
    bar = progress_bar(not args.no_progress)
    try:
        for outcome in validate_paths(args.paths, lang=args.lang):
            if bar is not None:
                bar.update()
            if outcome.programme is None or not outcome.valid:
                print_outcome(outcome, sys.stderr)
                status = EXIT_USAGE if outcome.unreadable else max(status, EXIT_INVALID)
                continue
            report = build_report(outcome.programme, as_of=as_of)
            if args.format == "json":
                stamped = {**report.to_json_dict(), "versions": stamp}
                text = json.dumps(stamped, ensure_ascii=False, indent=2)
                sys.stdout.write(("," if written else "") + "\n" + text)
            else:
                body = safe_text(report.render_text().rstrip("\n"))
                sys.stdout.write(("\n" if written else "") + body + "\n")
            written += 1
    finally:
        if bar is not None:
            bar.close()
        if args.format == "json":
            sys.stdout.write("\n]\n" if written else "]\n")
    return status
