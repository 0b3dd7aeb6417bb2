"""The ``capacitylib`` command: thin over the library (parse arguments, call, print, exit code).

Exit codes: 0 every record valid, 1 some record invalid, 2 usage error or unreadable input.
Reference: ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, get_args

from capacitylib._terminal import safe_line as _safe_line
from capacitylib._terminal import safe_text as _safe_text
from capacitylib._version import __version__
from capacitylib.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    rule_checks,
)
from capacitylib.cli.convert import cmd_convert as _cmd_convert
from capacitylib.cli.outputs import check_outputs
from capacitylib.cli.report import cmd_report as _cmd_report
from capacitylib.cli.report import cmd_schema as _cmd_schema
from capacitylib.cli.upgrade import cmd_upgrade as _cmd_upgrade
from capacitylib.cli.validate import cmd_validate as _cmd_validate
from capacitylib.io._atomic import OutputError as _OutputError
from capacitylib.io._extras import MissingExtraError as _MissingExtraError
from capacitylib.io.documents import DocumentError as _DocumentError
from capacitylib.io.formats import StdinFormat as _StdinFormat
from capacitylib.io.formats import describe as _describe_formats
from capacitylib.io.formats import format_names as _format_names
from capacitylib.io.tables.problems import TableError as _TableError

_EPILOG_VALIDATE = """examples:
  capacitylib validate examples/programmes
  capacitylib validate --quiet --valid-out good.ndjson --rejects-out bad.ndjson data.ndjson
  capacitylib validate --format json part-*.ndjson > outcomes.ndjson
  capacitylib validate --lang cs hand-made.xlsx
  cat programme.json | capacitylib validate -
  capacitylib validate --summary --summary-html quality.html part-*.ndjson

exit codes: 0 all valid, 1 some invalid, 2 usage error or unreadable input
"""

_EPILOG_CONVERT = (
    "formats by suffix:\n"
    + "".join(f"  {line}\n" for line in _describe_formats().splitlines())
    + """
examples:
  capacitylib convert examples/programmes/cz-up-msk-supervision.yaml cz.json
  capacitylib convert data.ndjson tables.xlsx
  capacitylib convert examples/programmes examples.ndjson
  capacitylib convert --lang lt hand-made.xlsx data.ndjson
  capacitylib convert tables.parquet - --to ndjson | gzip > data.ndjson.gz
"""
)

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
        choices=get_args(_StdinFormat),
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
    validate.add_argument(
        "--summary",
        action="store_true",
        help="print a summary of the whole dataset instead of a line per record: problems by "
        "code with examples, fill rates, records that conflict (one JSON object with "
        "--format json)",
    )
    validate.add_argument(
        "--summary-html",
        metavar="FILE",
        help="write the dataset summary as a self-contained HTML page to FILE",
    )
    validate.add_argument(
        "--fail-on-personal-data",
        action="store_true",
        help="reject records in which the personal_data_* rules find personal data "
        "(national personal codes, private e-mail addresses, phone numbers); default: warn",
    )
    _iati_read_arguments(validate)
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
    conv.add_argument("--from", dest="from_format", choices=_format_names(), help="format of IN")
    conv.add_argument("--to", dest="to_format", choices=_format_names(), help="format of OUT")
    conv.add_argument("--lang", metavar="LANG", help="read text cells of tables in LANG")
    conv.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar, even on a terminal (the bar needs the progress extra, tqdm)",
    )
    conv.add_argument(
        "--csv-raw",
        action="store_true",
        help="write CSV texts that start with = + - @ as they are (by default they are prefixed "
        "with ' so that a spreadsheet does not run them as formulas; reading undoes it)",
    )
    _iati_read_arguments(conv)
    conv.add_argument(
        "--iati-reporting-org",
        metavar="REF",
        help="IATI XML output: the publisher's IATI organisation identifier (LT-RC-188681153); "
        "it starts every iati-identifier",
    )
    conv.add_argument(
        "--iati-reporting-org-name",
        metavar="[LANG:]NAME",
        help="IATI XML output: the publisher's name (lt:Europos socialinio fondo agentūra); "
        "English when no language is given",
    )
    conv.add_argument(
        "--iati-reporting-org-type",
        metavar="CODE",
        default="10",
        help="IATI XML output: the publisher's IATI OrganisationType code (default 10, Government)",
    )
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
    report.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar, even on a terminal (the bar needs the progress extra, tqdm)",
    )
    report.set_defaults(handler=_cmd_report)

    upgrade = _subparser(
        sub,
        "upgrade",
        help="rewrite documents of an earlier format version (1.0) as the current one",
        description="Rewrite programmes of format 1.0 (or any earlier version) as the current "
        "format, in canonical form, in the same format as IN (a document, an NDJSON stream or "
        "tables). Every record is validated first; nothing is written unless all are valid.",
        epilog="examples:\n  capacitylib upgrade old.yaml new.yaml\n"
        "  capacitylib upgrade old.ndjson > new.ndjson",
    )
    upgrade.add_argument("input", metavar="IN", help="file or folder to read")
    upgrade.add_argument(
        "output", metavar="OUT", nargs="?", help="file or folder to write (default: stdout)"
    )
    upgrade.set_defaults(handler=_cmd_upgrade)

    schema = _subparser(
        sub,
        "schema",
        help="print the JSON Schema of a programme document",
        description="Print the JSON Schema (Draft 2020-12) of a programme document.",
        epilog="example:\n  capacitylib schema > programme.schema.json",
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


def _iati_read_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--iati-schemas",
        metavar="DIR",
        help="IATI XML input: check it against the IATI 2.03 XSDs in DIR (iati-activities-"
        "schema.xsd; not shipped); default $CAPACITYLIB_IATI_SCHEMAS, else not checked",
    )
    command.add_argument(
        "--iati-ruleset",
        metavar="FILE",
        help="IATI XML input: run the IATI Standard ruleset FILE (IATI-Rulesets' "
        "rulesets/standard.json) and report its findings per activity",
    )


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - an exit per failure
    """Run the command line; returns the exit code (also the process's when run as a script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = _handle_sigterm()
    try:
        code: int = args.handler(args)
    except _OutputError as exc:
        sys.stderr.write(_safe_line(f"capacitylib: error: {exc}") + "\n")
        return EXIT_USAGE
    except (
        CommandError,
        _DocumentError,
        _MissingExtraError,
        _TableError,
    ) as exc:
        sys.stderr.write(_safe_text(f"capacitylib: error: {exc}") + "\n")
        return EXIT_USAGE
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            # Output piped into head: stop quietly, and keep Python from complaining at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK
        message = f"capacitylib: error: {exc.filename or ''}: {exc.strerror or exc}"
        sys.stderr.write(_safe_line(message) + "\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("capacitylib: interrupted; outputs not written\n")
        return 130
    except _Terminated:
        sys.stderr.write("capacitylib: terminated; outputs not written\n")
        return 143
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


class _Terminated(BaseException):
    """SIGTERM, raised where the program is so that outputs are cleaned up on the way out."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _handle_sigterm() -> Any:
    """Turn SIGTERM into :class:`_Terminated` (main thread only); the previous handler."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "build_parser",
    "check_outputs",
    "main",
    "rule_checks",
]
