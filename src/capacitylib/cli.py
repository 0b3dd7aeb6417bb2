"""The ``capacitylib`` command: thin over the library (parse arguments, call, print, exit code).

Exit codes: 0 every record valid, 1 some record invalid, 2 usage error or unreadable input.
Reference: ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO, Any

from capacitylib._version import __version__
from capacitylib.errors import Problem
from capacitylib.io._extras import MissingExtraError
from capacitylib.io.convert import FORMATS, convert
from capacitylib.io.documents import DocumentError
from capacitylib.io.records import Checks, Outcome, json_line
from capacitylib.io.tables.cells import ParsingUnavailableError
from capacitylib.io.tables.problems import TableError, TableProblem
from capacitylib.io.validate import validate_paths
from capacitylib.models import Programme

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user error the command reports in one line and exits 2 for."""


def rule_checks(as_of: date | None = None, *, enabled: bool = True) -> Checks | None:
    """The domain rules run on every valid programme by ``validate`` (``--no-check``: none).

    Findings are printed beside the validation errors; error-level findings reject a record.
    """
    if not enabled:
        return None
    from capacitylib.rules import check  # noqa: PLC0415 - keeps `capacitylib --help` fast

    def checks(programme: Programme) -> list[Problem]:
        return check(programme, as_of=as_of)

    return checks


def _as_of(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise CommandError(f"--as-of must be a date such as 2024-12-31 (got {text!r})") from None


# --- validate -----------------------------------------------------------------------------------


class _Progress:
    """A one-line record counter on stderr, for terminals only (never when piped)."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, total: int, rejected: int) -> None:
        now = time.monotonic()
        if not self.enabled or (self.shown and now - self.last < 0.2):
            return
        self.last = now
        rate = total / max(now - self.start, 1e-9)
        noun = "record" if total == 1 else "records"
        self.stream.write(f"\r{total:,} {noun}, {rejected:,} rejected ({rate:,.0f}/s) ")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def _print_outcome(outcome: Outcome, out: IO[str]) -> None:
    label = "OK     " if outcome.valid else "INVALID"
    if outcome.programme is not None:
        p = outcome.programme
        title = p.title.best("en")
        code = p.code or "(no code)"
        counts = f"{len(p.activities)} activities, {len(p.indicators)} indicators"
        out.write(f"{label} {outcome.where}  {p.id}  {code}  {title!r}  [{counts}]\n")
    else:
        noun = "problem" if len(outcome.problems) == 1 else "problems"
        kind = "UNREADABLE" if outcome.unreadable else label
        out.write(f"{kind} {outcome.where}  {len(outcome.problems)} {noun}\n")
    for problem in outcome.problems:
        out.write(f"  {_problem_line(problem)}\n")


def _problem_line(problem: Problem) -> str:
    shown = problem.value is not None and "(got " not in problem.message
    got = f" (got {problem.value!r})" if shown else ""
    if isinstance(problem, TableProblem):
        path = f" ({problem.path})" if problem.path else ""
        where = f"{problem.where}{path}"
    else:
        where = problem.path or "<document>"
    return f"{problem.severity:<7} {where}: {problem.message}{got} [{problem.code}]"


def _count_line(total: int, valid: int, unreadable: int) -> str:
    noun = "record" if total == 1 else "records"
    line = f"{total} {noun}: {valid} valid, {total - valid} rejected"
    if unreadable:
        line += f"; {unreadable} input{'s' if unreadable > 1 else ''} could not be read"
    return line


def _cmd_validate(args: argparse.Namespace) -> int:
    out = sys.stdout
    progress = _Progress(sys.stderr, sys.stderr.isatty() and not args.no_progress)
    total = valid = unreadable = 0
    with ExitStack() as stack:
        valid_out = _open_out(stack, args.valid_out)
        rejects_out = _open_out(stack, args.rejects_out)
        outcomes = validate_paths(
            args.paths,
            stdin_format=args.stdin_format,
            lang=args.lang,
            checks=rule_checks(_as_of(args.as_of), enabled=not args.no_check),
            on_empty=_warn_empty,
        )
        for outcome in outcomes:
            if outcome.unreadable:
                unreadable += 1
            else:
                total += 1
                valid += outcome.valid
            if outcome.valid and valid_out is not None and outcome.programme is not None:
                valid_out.write(json_line(outcome.programme) + "\n")
            elif not outcome.valid and rejects_out is not None:
                rejects_out.write(json.dumps(outcome.reject_dict(), ensure_ascii=False) + "\n")
            if args.format == "json":
                out.write(json.dumps(outcome.as_dict(), ensure_ascii=False) + "\n")
            elif not (args.quiet and outcome.valid):
                progress.clear()
                _print_outcome(outcome, out)
            progress.update(total, total - valid)
    progress.clear()
    summary = _count_line(total, valid, unreadable)
    if args.format == "json":
        sys.stderr.write(summary + "\n")
    else:
        out.write(f"\n{summary}\n")
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if valid == total else EXIT_INVALID


def _warn_empty(name: str) -> None:
    sys.stderr.write(f"capacitylib: warning: {name} holds no records\n")


def _open_out(stack: ExitStack, path: str | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        return stack.enter_context(Path(path).open("w", encoding="utf-8", newline="\n"))
    except OSError as exc:
        raise CommandError(f"cannot write {path} ({exc.strerror})") from None


# --- convert ------------------------------------------------------------------------------------


def _cmd_convert(args: argparse.Namespace) -> int:
    result = convert(
        args.input,
        args.output,
        from_format=args.from_format,
        to_format=args.to_format,
        lang=args.lang,
    )
    for outcome in (*result.unreadable, *result.rejected):
        _print_outcome(outcome, sys.stderr)
    if result.unreadable:
        sys.stderr.write(f"capacitylib: error: {args.input} could not be read; nothing written\n")
        return EXIT_USAGE
    if result.rejected:
        written = "" if args.output == "-" else "; nothing written"
        noun = "record is" if len(result.rejected) == 1 else "records are"
        sys.stderr.write(f"capacitylib: {len(result.rejected)} {noun} invalid{written}\n")
        return EXIT_INVALID
    if args.output != "-":
        noun = "programme" if result.written == 1 else "programmes"
        sys.stderr.write(f"{result.written} {noun} written to {args.output}\n")
    return EXIT_OK


# --- schema and report --------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    from capacitylib.schema import programme_json_schema  # noqa: PLC0415 - only this command

    json.dump(programme_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _report_builder() -> Callable[..., Any]:
    """``capacitylib.calculators.build_report``, the hook the report command calls."""
    try:
        calculators = importlib.import_module("capacitylib.calculators")
        builder: Callable[..., Any] = calculators.build_report
    except (ImportError, AttributeError):
        raise CommandError(
            "the report command needs capacitylib.calculators, which this version of "
            "capacitylib does not include yet"
        ) from None
    return builder


def _cmd_report(args: argparse.Namespace) -> int:
    build_report = _report_builder()
    as_of = _as_of(args.as_of)
    status = EXIT_OK
    written = 0
    if args.format == "json":
        # One JSON array, written as it goes so a long stream never sits in memory.
        sys.stdout.write("[")
    for outcome in validate_paths(args.paths, lang=args.lang):
        if outcome.programme is None or not outcome.valid:
            _print_outcome(outcome, sys.stderr)
            status = EXIT_USAGE if outcome.unreadable else max(status, EXIT_INVALID)
            continue
        report = build_report(outcome.programme, as_of=as_of)
        if args.format == "json":
            text = json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2)
            sys.stdout.write(("," if written else "") + "\n" + text)
        else:
            sys.stdout.write(("\n" if written else "") + report.render_text().rstrip("\n") + "\n")
        written += 1
    if args.format == "json":
        sys.stdout.write("\n]\n" if written else "]\n")
    return status


# --- parser -------------------------------------------------------------------------------------

_EPILOG_VALIDATE = """examples:
  capacitylib validate examples/programmes
  capacitylib validate --quiet --valid-out good.ndjson --rejects-out bad.ndjson data.ndjson
  capacitylib validate --format json part-*.ndjson > outcomes.ndjson
  capacitylib validate --lang cs hand-made.xlsx
  cat programme.json | capacitylib validate -

exit codes: 0 all valid, 1 some invalid, 2 usage error or unreadable input
"""

_EPILOG_CONVERT = """formats by suffix:
  .yaml .yml .json   one programme document
  .ndjson .jsonl     a stream, one programme per line
  .xlsx              a workbook, one sheet per table
  .parquet           a folder of <table>.parquet files
  .csv or none       a folder of <table>.csv files

examples:
  capacitylib convert examples/programmes/cz-up-msk-supervision.yaml cz.json
  capacitylib convert data.ndjson tables.xlsx
  capacitylib convert examples/programmes examples.ndjson
  capacitylib convert --lang lt hand-made.xlsx data.ndjson
  capacitylib convert tables.parquet - --to ndjson | gzip > data.ndjson.gz
"""

_EPILOG_REPORT = """examples:
  capacitylib report examples/programmes/cz-up-msk-supervision.yaml
  capacitylib report --format json --as-of 2024-12-31 data.ndjson
"""


def _subparser(
    sub: Any, name: str, *, help: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``capacitylib`` command."""
    parser = argparse.ArgumentParser(
        prog="capacitylib",
        description="Validate, convert and report on social-work capacity-building programmes.",
        epilog="example: capacitylib validate examples/programmes\n"
        "run 'capacitylib COMMAND --help' for a command's options and examples",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"capacitylib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    validate = _subparser(
        sub,
        "validate",
        help="validate documents, streams and tables and print every problem",
        description="Validate programmes: YAML or JSON documents, NDJSON streams (.ndjson, "
        ".jsonl; one programme per line), .xlsx workbooks, folders of CSV or Parquet tables, "
        "folders (searched for documents and streams), or - for stdin. Every problem of every "
        "record is printed with its file, line or row, path, code and message.",
        epilog=_EPILOG_VALIDATE,
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - (stdin)")
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: one JSON outcome per line (NDJSON); the count goes to stderr",
    )
    validate.add_argument(
        "-q", "--quiet", action="store_true", help="print only invalid records and the count"
    )
    validate.add_argument(
        "--valid-out", metavar="FILE", help="write every valid record to FILE as NDJSON"
    )
    validate.add_argument(
        "--rejects-out",
        metavar="FILE",
        help="write every rejected record to FILE as NDJSON: source, line, input, problems",
    )
    validate.add_argument(
        "--lang", metavar="LANG", help="read text cells of tables in LANG (lt, lv, cs, pl, en)"
    )
    validate.add_argument(
        "--stdin-format",
        choices=("auto", "ndjson", "json", "yaml"),
        default="auto",
        help="what - holds; auto: a stream if the first line is a JSON object, else a document",
    )
    validate.add_argument(
        "--no-progress", action="store_true", help="no progress counter, even on a terminal"
    )
    validate.add_argument(
        "--no-check",
        action="store_true",
        help="validate only; skip the domain rules (findings, docs/rules.md)",
    )
    validate.add_argument(
        "--as-of",
        metavar="DATE",
        help="judge dates (e.g. actuals in the future) as of DATE (YYYY-MM-DD); default today",
    )
    validate.set_defaults(handler=_cmd_validate)

    conv = _subparser(
        sub,
        "convert",
        help="convert programmes between YAML, JSON, NDJSON, CSV, XLSX and Parquet",
        description="Convert programmes from IN to OUT; the suffixes choose the formats. Every "
        "record is validated first: if any is invalid, its problems are printed and nothing is "
        "written.",
        epilog=_EPILOG_CONVERT,
    )
    conv.add_argument("input", metavar="IN", help="file or folder to read, or - for stdin")
    conv.add_argument("output", metavar="OUT", help="file or folder to write, or - for stdout")
    conv.add_argument("--from", dest="from_format", choices=FORMATS, help="format of IN")
    conv.add_argument("--to", dest="to_format", choices=FORMATS, help="format of OUT")
    conv.add_argument("--lang", metavar="LANG", help="read text cells of tables in LANG")
    conv.set_defaults(handler=_cmd_convert)

    report = _subparser(
        sub,
        "report",
        help="print the calculated figures of programmes",
        description="Print a report of each programme's calculated figures: duration, budget, "
        "reach and training hours.",
        epilog=_EPILOG_REPORT,
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - (stdin)")
    report.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: a JSON array, one object per programme (docs/semantics.md)",
    )
    report.add_argument("--as-of", metavar="DATE", help="date to report as of (YYYY-MM-DD)")
    report.add_argument("--lang", metavar="LANG", help="read text cells of tables in LANG")
    report.set_defaults(handler=_cmd_report)

    schema = _subparser(
        sub,
        "schema",
        help="print the JSON Schema of a programme document",
        description="Print the JSON Schema (Draft 2020-12) of a programme document.",
        epilog="example:\n  capacitylib schema > programme.schema.json",
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also the process's when run as a script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except (
        CommandError,
        DocumentError,
        MissingExtraError,
        ParsingUnavailableError,
        TableError,
    ) as exc:
        sys.stderr.write(f"capacitylib: error: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            # Output piped into head: stop quietly, and keep Python from complaining at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
        sys.stderr.write(f"capacitylib: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("capacitylib: interrupted\n")
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
