"""What the commands share: exit codes, the user-error type, printing outcomes."""

from __future__ import annotations

import sys
import time
from datetime import date
from typing import IO, Any

from capacitylib._terminal import safe_line
from capacitylib.errors import CapacitylibError, Problem, value_text
from capacitylib.io.records import Checks, Outcome
from capacitylib.io.tables.problems import TableProblem
from capacitylib.models import Programme

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CommandError(CapacitylibError, ValueError):
    """A user error the command reports in one line and exits 2 for."""


def rule_checks(
    as_of: date | None = None, *, enabled: bool = True, fail_on_personal_data: bool = False
) -> Checks | None:
    """The domain rules run on every valid programme by ``validate`` (``--no-check``: none).

    Findings are printed beside the validation errors; error-level findings reject a record.
    ``fail_on_personal_data`` reports the ``personal_data_*`` findings as errors.
    """
    if not enabled:
        return None
    from capacitylib.rules import check  # noqa: PLC0415 - keeps `capacitylib --help` fast

    options = _personal_data_options() if fail_on_personal_data else None

    def checks(programme: Programme) -> list[Problem]:
        return check(programme, as_of=as_of, options=options)

    return checks


def _personal_data_options() -> Any:
    """Rule options that make every ``personal_data_*`` finding an error."""
    from capacitylib.rules import RuleOptions  # noqa: PLC0415 - keeps `capacitylib --help` fast

    return RuleOptions(personal_data_severity="error")


def as_of_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise CommandError(f"--as-of must be a date such as 2024-12-31 (got {text!r})") from None


class Progress:
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


def progress_bar(enabled: bool) -> Any:
    """A tqdm progress bar on stderr (the ``progress`` extra), or ``None``.

    Shown only on a terminal, when tqdm is installed and ``--no-progress`` is not given; a run
    without it prints nothing more.
    """
    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm  # noqa: PLC0415 - optional, only on a terminal
    except ImportError:
        return None
    return tqdm(unit=" records", file=sys.stderr, leave=False, dynamic_ncols=True)


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``1 activity``, ``2 activities``: the count and the noun in the right number.

    >>> plural(1, "activity", "activities"), plural(0, "indicator")
    ('1 activity', '0 indicators')
    """
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def print_outcome(outcome: Outcome, out: IO[str]) -> None:
    label = "OK     " if outcome.valid else "INVALID"
    if outcome.programme is not None:
        p = outcome.programme
        title = p.title.best("en")
        code = p.code or "(no code)"
        counts = f"{plural(len(p.activities), 'activity', 'activities')}, " + plural(
            len(p.indicators), "indicator"
        )
        line = f"{label} {outcome.where}  {p.id}  {code}  {title!r}  [{counts}]"
    else:
        noun = "problem" if len(outcome.problems) == 1 else "problems"
        kind = "UNREADABLE" if outcome.unreadable else label
        line = f"{kind} {outcome.where}  {len(outcome.problems)} {noun}"
    out.write(safe_line(line) + "\n")
    for problem in outcome.problems:
        out.write(f"  {safe_line(problem_line(problem))}\n")


def problem_line(problem: Problem) -> str:
    """One problem as a line: severity, where, message, the value as written, code.

    The value is added unless the message already says what it got; lists and mappings are
    shown as JSON (:func:`capacitylib.errors.value_text`).

    >>> print(problem_line(Problem("tuple_type", "participants", "not a list", value={"a": 1})))
    error   participants: not a list (got {"a": 1}) [tuple_type]
    """
    shown = problem.value is not None and "got " not in problem.message
    got = f" (got {value_text(problem.value)})" if shown else ""
    if isinstance(problem, TableProblem):
        path = f" ({problem.path})" if problem.path else ""
        where = f"{problem.where}{path}"
    else:
        where = problem.path or "<document>"
    return f"{problem.severity:<7} {where}: {problem.message}{got} [{problem.code}]"


def count_line(total: int, valid: int, unreadable: int) -> str:
    noun = "record" if total == 1 else "records"
    line = f"{total} {noun}: {valid} valid, {total - valid} rejected"
    if unreadable:
        line += f"; {unreadable} input{'s' if unreadable > 1 else ''} could not be read"
    return line


def iati_read_options(args: Any) -> dict[str, Any]:
    """The IATI reader's options from ``--iati-schemas`` and ``--iati-ruleset``, each loaded once.

    Raises:
        CommandError: the schema folder holds no usable IATI 2.03 schema, or the ruleset
            cannot be read (its problems are the message).
    """
    options: dict[str, Any] = {}
    if getattr(args, "iati_schemas", None):
        from capacitylib.io.iati import IatiSchemaError, load_schemas  # noqa: PLC0415

        try:
            options["schemas"] = load_schemas(args.iati_schemas)
        except IatiSchemaError as exc:
            raise CommandError(f"--iati-schemas {args.iati_schemas}: {exc}") from exc
    if getattr(args, "iati_ruleset", None):
        from capacitylib.io.iati import IatiRuleset  # noqa: PLC0415

        ruleset = IatiRuleset.load(args.iati_ruleset)
        if not ruleset.cases and ruleset.problems:
            raise CommandError(
                f"--iati-ruleset {args.iati_ruleset}: "
                + "; ".join(p.message for p in ruleset.problems)
            )
        options["ruleset"] = ruleset
    return options


def iati_write_options(args: Any) -> dict[str, Any]:
    """The IATI writer's options from ``--iati-reporting-org`` (with its name and type)."""
    ref = getattr(args, "iati_reporting_org", None)
    if not ref:
        return {}
    from capacitylib.io.iati.export import ReportingOrganisation  # noqa: PLC0415

    name = args.iati_reporting_org_name or ref
    lang, _, text = name.partition(":")
    if not (text and len(lang) == 2 and lang.isalpha() and lang.islower()):
        lang, text = "en", name
    organisation = ReportingOrganisation(
        ref=ref, type=args.iati_reporting_org_type, name={lang: text}
    )
    return {"reporting_org": organisation}
