"""The ``capacitylib`` command: thin over the library (parse arguments, call, print, exit code).

Exit codes: 0 every record valid, 1 some record invalid, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from capacitylib._version import __version__
from capacitylib.errors import Problem, problems_from_error
from capacitylib.io._extras import MissingExtraError
from capacitylib.io.documents import DocumentError, format_of, loads, read_text
from capacitylib.models import Programme

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class Outcome:
    """The result of validating one record: the programme or the problems, never both lost."""

    source: str
    line: int | None = None
    programme: Programme | None = None
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False

    @property
    def valid(self) -> bool:
        """Whether the record validated and has no error-level problem."""
        return self.programme is not None and not any(p.severity == "error" for p in self.problems)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for ``--format json``."""
        return {
            "source": self.source,
            "line": self.line,
            "valid": self.valid,
            "id": self.programme.id if self.programme else None,
            "code": self.programme.code if self.programme else None,
            "problems": [p.as_dict() for p in self.problems],
        }


def _expand(paths: Sequence[str]) -> Iterator[str]:
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in _DOCUMENT_SUFFIXES)
            if not found:
                raise DocumentError("folder holds no .yaml, .yml or .json document", source=raw)
            yield from (str(p) for p in found)
        else:
            yield raw


def _validate_text(text: str, fmt: str, source: str, as_of: date | None = None) -> Outcome:
    from capacitylib.rules import check  # noqa: PLC0415 - keeps `capacitylib --help` fast

    outcome = Outcome(source=source)
    try:
        outcome.programme = loads(text, format="json" if fmt == "json" else "yaml", source=source)
        outcome.problems = check(outcome.programme, as_of=as_of)
    except ValidationError as exc:
        outcome.problems = problems_from_error(exc)
    except DocumentError as exc:
        outcome.problems = [Problem(code="document_unreadable", path="", message=str(exc))]
        outcome.unreadable = True
    return outcome


def validate_paths(
    paths: Sequence[str], *, stdin: TextIO | None = None, as_of: date | None = None
) -> Iterator[Outcome]:
    """Validate and check every document named by ``paths`` (files, folders, ``-`` for stdin).

    Each outcome holds the programme and its findings, or the validation problems.
    """
    for source in _expand(paths):
        if source == "-":
            text = (stdin or sys.stdin).read()
            fmt = "json" if text.lstrip().startswith("{") else "yaml"
            yield _validate_text(text, fmt, "<stdin>", as_of)
            continue
        try:
            fmt = format_of(source)
            text = read_text(source)
        except DocumentError as exc:
            yield Outcome(
                source=source,
                problems=[Problem(code="document_unreadable", path="", message=str(exc))],
                unreadable=True,
            )
            continue
        yield _validate_text(text, fmt, source, as_of)


def _print_outcome_text(outcome: Outcome, out: TextIO) -> None:
    where = outcome.source + (f":{outcome.line}" if outcome.line else "")
    if outcome.programme is not None:
        p = outcome.programme
        errors = sum(1 for x in outcome.problems if x.severity == "error")
        label = "OK     " if errors == 0 else "INVALID"
        title = p.title.best("en")
        code = p.code or "(no code)"
        counts = f"{len(p.activities)} activities, {len(p.indicators)} indicators"
        out.write(f"{label} {where}  {p.id}  {code}  {title!r}  [{counts}]\n")
    else:
        noun = "problem" if len(outcome.problems) == 1 else "problems"
        out.write(f"INVALID {where}  {len(outcome.problems)} {noun}\n")
    for problem in outcome.problems:
        path = problem.path or "<document>"
        shown = problem.value is not None and "(got " not in problem.message
        got = f" (got {problem.value!r})" if shown else ""
        out.write(f"  {problem.severity:<7} {path}: {problem.message}{got} [{problem.code}]\n")


def _cmd_validate(args: argparse.Namespace) -> int:
    outcomes: list[Outcome] = []
    total = valid = 0
    unreadable = False
    for outcome in validate_paths(args.paths, as_of=args.as_of):
        total += 1
        valid += outcome.valid
        unreadable = unreadable or outcome.unreadable
        if args.format == "json":
            outcomes.append(outcome)
        else:
            _print_outcome_text(outcome, sys.stdout)
    if args.format == "json":
        json.dump([o.as_dict() for o in outcomes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(f"\n{total} record(s): {valid} valid, {total - valid} invalid\n")
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if valid == total else EXIT_INVALID


def _cmd_report(args: argparse.Namespace) -> int:
    from capacitylib.calculators import build_report, render_reports_text  # noqa: PLC0415

    reports = []
    status = EXIT_OK
    for outcome in validate_paths(args.paths, as_of=args.as_of):
        if outcome.programme is None:
            status = EXIT_USAGE if outcome.unreadable else max(status, EXIT_INVALID)
            sys.stderr.write(f"capacitylib: skipped {outcome.source}: not a valid programme\n")
            for problem in outcome.problems:
                sys.stderr.write(f"  {problem.path or '<document>'}: {problem.message}\n")
            continue
        reports.append(build_report(outcome.programme, as_of=args.as_of))
    if args.format == "json":
        data = [report.to_json_dict() for report in reports]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_reports_text(reports) + "\n")
    return status


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _cmd_schema(args: argparse.Namespace) -> int:
    from capacitylib.schema import programme_json_schema  # noqa: PLC0415 - only this command

    json.dump(programme_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


_EPILOG_VALIDATE = """examples:
  capacitylib validate examples/programmes
  capacitylib validate --format json programme.yaml other.json
  cat programme.json | capacitylib validate -
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``capacitylib`` command."""
    parser = argparse.ArgumentParser(
        prog="capacitylib",
        description="Validate and report on social-work capacity-building programme documents.",
        epilog="example: capacitylib validate examples/programmes",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"capacitylib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    validate = sub.add_parser(
        "validate",
        help="validate programme documents and print every problem",
        description="Validate programme documents (YAML or JSON files, folders, - for stdin). "
        "Exit code 0: all valid; 1: some invalid; 2: usage error or unreadable input.",
        epilog=_EPILOG_VALIDATE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or -")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="judge dates (e.g. actuals in the future) as of this day; default today",
    )
    validate.set_defaults(handler=_cmd_validate)

    report = sub.add_parser(
        "report",
        help="print the figures of each programme: duration, budget, hours, reach",
        description="Print the calculated figures of each programme (definitions in "
        "docs/semantics.md). Invalid documents are skipped with their problems on stderr.",
        epilog="examples:\n  capacitylib report examples/programmes\n"
        "  capacitylib report --format json --as-of 2024-12-31 programme.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="file, folder or -")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument(
        "--as-of",
        type=_date,
        default=None,
        metavar="DATE",
        help="add elapsed and remaining days as of this day (YYYY-MM-DD)",
    )
    report.set_defaults(handler=_cmd_report)

    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of a programme document",
        description="Print the JSON Schema (Draft 2020-12) of a programme document.",
        epilog="example:\n  capacitylib schema > programme.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also the process's when run as a script)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except (DocumentError, MissingExtraError) as exc:
        sys.stderr.write(f"capacitylib: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - output piped into head
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
