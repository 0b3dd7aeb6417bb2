"""``capacitylib convert``: between every format, nothing written unless all is valid."""

from __future__ import annotations

import argparse
import sys

from capacitylib._terminal import safe_line
from capacitylib.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    iati_read_options,
    iati_write_options,
    print_outcome,
    problem_line,
    progress_bar,
)
from capacitylib.cli.outputs import check_outputs
from capacitylib.io.conversion import ConvertResult, convert


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert ``args.input`` to ``args.output``; problems on stderr; the exit code."""
    check_outputs([args.input], {"OUT": args.output})
    bar = progress_bar(not args.no_progress)
    try:
        result = convert(
            args.input,
            args.output,
            from_format=args.from_format,
            to_format=args.to_format,
            lang=args.lang,
            csv_formula_escape=not args.csv_raw,
            on_record=None if bar is None else (lambda _outcome: bar.update()),
            read_options=iati_read_options(args),
            write_options=iati_write_options(args),
        )
    finally:
        if bar is not None:
            bar.close()
    for finding in result.findings:
        sys.stderr.write(safe_line(f"{args.output}: {problem_line(finding)}") + "\n")
    noun = "programme" if result.written == 1 else "programmes"
    return report_result(result, args.input, args.output, f"{result.written} {noun} written to")


def report_result(result: ConvertResult, source: str, output: str, done: str) -> int:
    """Print a conversion's bad records and outcome on stderr; the exit code.

    ``done`` starts the line printed after a successful write to a file (the output follows).
    """
    for outcome in (*result.unreadable, *result.rejected):
        print_outcome(outcome, sys.stderr)
    if result.unreadable:
        message = f"capacitylib: error: {source} could not be read; nothing written"
        sys.stderr.write(safe_line(message) + "\n")
        return EXIT_USAGE
    if result.rejected:
        written = "" if output == "-" else "; nothing written"
        noun = "record is" if len(result.rejected) == 1 else "records are"
        sys.stderr.write(f"capacitylib: {len(result.rejected)} {noun} invalid{written}\n")
        return EXIT_INVALID
    if output != "-":
        sys.stderr.write(safe_line(f"{done} {output}") + "\n")
    return EXIT_OK
