"""``capacitylib validate``: every problem of every record, outputs split, a summary."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from typing import IO, Any

from capacitylib._terminal import safe_line, safe_text
from capacitylib.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Progress,
    as_of_date,
    count_line,
    iati_read_options,
    print_outcome,
    rule_checks,
)
from capacitylib.cli.outputs import check_outputs, open_out
from capacitylib.io._atomic import atomic_file
from capacitylib.io.records import Outcome, json_line, write_reject
from capacitylib.io.validate import validate_paths


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every record of ``args.paths``; print, split and summarise; the exit code."""
    check_outputs(
        args.paths,
        {
            "--valid-out": args.valid_out,
            "--rejects-out": args.rejects_out,
            "--summary-html": args.summary_html,
        },
    )
    run = _Run(args)
    outcomes = validate_paths(
        args.paths,
        stdin_format=args.stdin_format,
        lang=args.lang,
        checks=rule_checks(
            as_of_date(args.as_of),
            enabled=not args.no_check,
            fail_on_personal_data=args.fail_on_personal_data,
        ),
        on_empty=_warn_empty,
        read_options=iati_read_options(args),
    )
    try:
        with ExitStack() as stack:
            run.valid_out = open_out(stack, args.valid_out)
            run.rejects_out = open_out(stack, args.rejects_out)
            for outcome in outcomes:
                run.take(outcome)
            if run.unreadable and (run.valid_out is not None or run.rejects_out is not None):
                # A run that could not read all its input leaves earlier outputs as they were.
                raise _Abandon
    except _Abandon:
        sys.stderr.write(
            "capacitylib: some input could not be read; --valid-out and --rejects-out were "
            "not written (any earlier output is unchanged)\n"
        )
    return run.finish()


class _Run:
    """One ``validate`` run: counts, outputs, what is printed per record and at the end."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = sys.stdout
        self.progress = Progress(sys.stderr, sys.stderr.isatty() and not args.no_progress)
        self.total = self.valid = self.unreadable = 0
        self.valid_out: IO[str] | None = None
        self.rejects_out: IO[str] | None = None
        self.summary = _new_summary() if args.summary or args.summary_html else None

    def take(self, outcome: Outcome) -> None:
        """Count, write and print one outcome."""
        if outcome.unreadable:
            self.unreadable += 1
        else:
            self.total += 1
            self.valid += outcome.valid
        if outcome.valid and self.valid_out is not None and outcome.programme is not None:
            self.valid_out.write(json_line(outcome.programme) + "\n")
        elif not outcome.valid and not outcome.unreadable and self.rejects_out is not None:
            write_reject(outcome, self.rejects_out)
        if self.summary is not None:
            self.summary.add(outcome)
        if self.args.summary:
            pass  # the summary replaces the per-record lines
        elif self.args.format == "json":
            self.out.write(json.dumps(outcome.as_dict(), ensure_ascii=False) + "\n")
        elif not (self.args.quiet and outcome.valid):
            self.progress.clear()
            print_outcome(outcome, self.out)
        self.progress.update(self.total, self.total - self.valid)

    def finish(self) -> int:
        """Print the count (and the summary), write the HTML summary; the exit code."""
        self.progress.clear()
        count = count_line(self.total, self.valid, self.unreadable)
        summary, args = self.summary, self.args
        if summary is not None and args.summary_html:
            with atomic_file(args.summary_html) as handle:
                handle.write(summary.render_html())
        if summary is not None and args.summary:
            if args.format == "json":
                self.out.write(json.dumps(summary.as_dict(), ensure_ascii=False) + "\n")
            else:
                self.out.write(safe_text(summary.render_text()))
        if args.format == "json" or args.summary:
            sys.stderr.write(count + "\n")
        else:
            self.out.write(f"\n{count}\n")
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_OK if self.valid == self.total else EXIT_INVALID


class _Abandon(Exception):  # noqa: N818 - control flow, never escapes this module
    """Leave the outputs of a failed run unwritten."""


def _new_summary() -> Any:
    from capacitylib.quality import DatasetSummary  # noqa: PLC0415 - only with --summary

    return DatasetSummary()


def _warn_empty(name: str) -> None:
    sys.stderr.write(safe_line(f"capacitylib: warning: {name} holds no records") + "\n")
