"""Record-level validation: one record in, one :class:`Outcome` out, for any iterable of records.

A record is the text of one programme document (a JSON line, a JSON or YAML document) or its
data already parsed (a ``dict``). The functions here keep no state and need nothing but the
record, so a distributed engine can map them over partitions of a dataset (see
``docs/how-to/validate-with-dask.md``), and an :class:`Outcome` pickles.

>>> outcome = validate_record('{"id": "p", "title": {"en": "Supervision"}}', "data.ndjson", 7)
>>> outcome.valid, outcome.where
(True, 'data.ndjson:7')
>>> bad = validate_record('{"id": "p"}', "data.ndjson", 8)
>>> bad.valid, [(p.path, p.code) for p in bad.problems]
(False, [('title', 'field_required')])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

from pydantic import ValidationError

from capacitylib._version import SCHEMA_VERSION
from capacitylib.errors import CapacitylibError, Problem, problems_from_error
from capacitylib.io import documents
from capacitylib.io._raw import RawLine, base64_chunks
from capacitylib.io.documents import (
    MAX_DOCUMENT_CHARS,
    DocumentError,
    parse_yaml,
    validate_json,
)
from capacitylib.io.formats import DocumentFormat
from capacitylib.models import Programme

#: Extra checks run on every valid programme, e.g. the domain rules; they return findings
#: (problems with a severity). A finding of severity ``error`` makes the record invalid.
Checks = Callable[[Programme], Iterable[Problem]]

#: A record: the text of one document (JSON or YAML) or its parsed data.
Record = str | bytes | Mapping[str, Any]

_SCHEMA_VERSION_PREFIX = '{"schema_version":' + json.dumps(SCHEMA_VERSION) + ","
# Written first by json_line whatever version the programme was read as (as to_document does).
_SCHEMA_VERSION_FIELD = {"schema_version"}


@dataclass
class Outcome:
    """The result of validating one record: the programme, or every problem, never lost.

    ``problems`` holds validation errors and, when checks run, findings with their severity;
    the record is valid when a programme was built and no problem is an error.

    >>> outcome = validate_record('{"id": "p", "title": {"en": "x"}, "colour": 1}',
    ...                           source="data.ndjson", line=7)
    >>> outcome.valid, outcome.line, [p.code for p in outcome.problems]
    (False, 7, ['field_unknown'])
    """

    source: str
    """File name (``<stdin>``, ``<record>``) the record comes from."""

    line: int | None = None
    """Line number in a stream (1-based), or ``None`` for a whole document or a table record."""

    programme: Programme | None = None
    """The validated programme, when it could be built."""

    problems: list[Problem] = field(default_factory=list)
    """Validation errors and findings, in document order."""

    text: str | None = None
    """The record's input exactly as read (a stream line, a document's text), kept for rejects."""

    record: str | None = None
    """What the record is called when it has no line: a programme id in a table."""

    unreadable: bool = False
    """True when the input could not be read at all (missing file, broken table, endless line)."""

    raw: RawLine | None = None
    """The record's exact bytes when they cannot be kept as :attr:`text` (a stream line that is
    not UTF-8, or longer than the longest record validated)."""

    @property
    def valid(self) -> bool:
        """Whether a programme was built and no problem has severity ``error``."""
        return self.programme is not None and not any(p.severity == "error" for p in self.problems)

    @property
    def record_id(self) -> str | None:
        """The programme's id, also for a rejected record whose input names one."""
        if self.programme is not None:
            return self.programme.id
        if self.text is None or not self.text.lstrip().startswith("{"):
            return None
        try:
            data = json.loads(self.text)
        except ValueError:
            return None
        found = data.get("id") if isinstance(data, dict) else None
        return found if isinstance(found, str) else None

    @property
    def where(self) -> str:
        """``source:line``, ``source [record]`` or just ``source``."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.record is not None:
            return f"{self.source} [{self.record}]"
        return self.source

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready report of the outcome (``validate --format json`` writes one per line)."""
        return {
            "source": self.source,
            "line": self.line,
            "record": self.record,
            "valid": self.valid,
            "unreadable": self.unreadable,
            "id": self.record_id,
            "code": self.programme.code if self.programme else None,
            "problems": [p.as_dict() for p in self.problems],
        }

    def reject_dict(self) -> dict[str, Any]:
        """JSON-ready rejected record: where it was, its input verbatim, and its problems.

        ``input`` is the record's text; a record whose bytes are not text (not UTF-8, or too
        long to be read as one) has ``input: null`` and ``input_base64``, its exact bytes in
        base64 (RFC 4648). :func:`write_reject` writes the same without holding a long line.
        """
        data: dict[str, Any] = {
            "source": self.source,
            "line": self.line,
            "record": self.record,
            "unreadable": self.unreadable,
            "id": self.record_id,
            "input": self.text,
        }
        if self.raw is not None:
            data["input_base64"] = self.raw.base64()
        data["problems"] = [p.as_dict() for p in self.problems]
        return data


def write_reject(outcome: Outcome, handle: IO[str]) -> None:
    """Write :meth:`Outcome.reject_dict` as one JSON line, streaming a long ``input_base64``."""
    raw = outcome.raw
    outcome.raw = None
    try:
        data = outcome.reject_dict()
    finally:
        outcome.raw = raw
    if raw is None:
        handle.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    problems = data.pop("problems")
    head = json.dumps(data, ensure_ascii=False)[:-1]
    handle.write(head + ', "input_base64": "')
    for piece in base64_chunks(raw):
        handle.write(piece)
    handle.write('", "problems": ' + json.dumps(problems, ensure_ascii=False) + "}\n")


class RecordError(CapacitylibError, ValueError):
    """A record that is not a valid programme, raised by the strict readers.

    >>> import io
    >>> from capacitylib.io.ndjson import read_ndjson
    >>> try:
    ...     list(read_ndjson(io.StringIO('{"id": "p"}')))
    ... except RecordError as error:
    ...     print(error)
    <stream>:1: invalid record: title: Field required [field_required]
    """

    def __init__(self, outcome: Outcome):
        self.outcome = outcome
        first = outcome.problems[0] if outcome.problems else None
        detail = f": {first.path or '<document>'}: {first.message} [{first.code}]" if first else ""
        more = len(outcome.problems) - 1
        tail = f" (and {more} more)" if more > 0 else ""
        super().__init__(f"{outcome.where}: invalid record{detail}{tail}")


def validate_record(
    record: Record,
    source: str = "<record>",
    line: int | None = None,
    *,
    format: DocumentFormat = "json",
    checks: Checks | None = None,
) -> Outcome:
    """Validate one record; never raises for bad input, the :class:`Outcome` says what is wrong.

    ``record`` is JSON text (one NDJSON line, the fast path), YAML text with
    ``format="yaml"``, or already parsed data. ``checks`` (e.g. the domain rules) run on a
    valid programme and add their findings.
    """
    text: str | None = None
    if isinstance(record, bytes):
        try:
            record = record.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            message = f"not UTF-8 text (byte {exc.start}: {record[exc.start : exc.start + 1]!r})"
            return Outcome(source, line, problems=[_problem("record_not_utf8", message)])
    if isinstance(record, str):
        text = record.rstrip("\r\n") if format == "json" else record
        outcome = _from_text(text, source, line, format)
    else:
        outcome = Outcome(source, line)
        try:
            outcome.programme = Programme.model_validate(record)
        except ValidationError as exc:
            outcome.problems = problems_from_error(exc)
    outcome.text = text
    if checks is not None and outcome.programme is not None:
        outcome.problems += list(checks(outcome.programme))
    return outcome


def _from_text(text: str, source: str, line: int | None, fmt: DocumentFormat) -> Outcome:
    outcome = Outcome(source, line)
    if not text.strip():
        noun = "line" if line is not None else "document"
        outcome.problems = [
            _problem("record_empty", f"the {noun} is empty; a record holds one programme")
        ]
        return outcome
    if len(text) > MAX_DOCUMENT_CHARS:
        outcome.problems = [
            _problem(
                "record_too_large",
                f"the record is {len(text)} characters, above the limit of {MAX_DOCUMENT_CHARS}",
            )
        ]
        return outcome
    if fmt == "yaml":
        size = documents._yaml_size(text, documents.MAX_YAML_BYTES)
        if size is not None:
            outcome.problems = [
                _problem(
                    "record_too_large",
                    f"the YAML record is {size} bytes, above the YAML limit of "
                    f"{documents.MAX_YAML_BYTES}; write big data as JSON or NDJSON",
                )
            ]
            return outcome
    try:
        if fmt == "json":
            # Also refuses keys repeated in one object (duplicate_key), which pydantic
            # would silently resolve to the last one.
            outcome.programme = validate_json(text)
        else:
            outcome.programme = Programme.model_validate(parse_yaml(text, source=source))
    except ValidationError as exc:
        outcome.problems = problems_from_error(exc)
    except DocumentError as exc:
        where = ""
        if exc.line is not None:
            where = f"line {exc.line}" + (f" column {exc.column}" if exc.column else "") + ": "
        outcome.problems = [_problem("yaml_invalid", where + exc.message)]
    return outcome


def _problem(code: str, message: str) -> Problem:
    return Problem(code=code, path="", message=message)


def validate_records(
    records: Iterable[Record | tuple[int, Record]],
    source: str = "<records>",
    *,
    format: DocumentFormat = "json",
    checks: Checks | None = None,
) -> Iterator[Outcome]:
    """Validate records one by one, lazily: constant memory for any number of records.

    Items are records, or ``(line, record)`` pairs to keep their line numbers (otherwise they
    are numbered from 1). Blank text records are skipped, as blank lines in a stream are.

    >>> outcomes = validate_records(['{"id": "a", "title": {"en": "x"}}', "", '{"id": "b"}'])
    >>> [(o.line, o.valid) for o in outcomes]
    [(1, True), (3, False)]
    """
    for number, item in enumerate(records, start=1):
        line, record = item if isinstance(item, tuple) else (number, item)
        if isinstance(record, str | bytes) and not record.strip():
            continue
        yield validate_record(record, source, line, format=format, checks=checks)


def json_line(programme: Programme) -> str:
    """The canonical document of a programme as one line of compact JSON (no newline).

    The same text as ``json.dumps(to_document(programme), ensure_ascii=False,
    separators=(",", ":"))``, made by pydantic's serializer, which is twice as fast.

    >>> import capacitylib
    >>> json_line(capacitylib.load_examples()[0])[:60]
    '{"schema_version":"1.1","id":"cz-up-msk-supervision","code":'
    """
    # Defaults are left out; schema_version (always the version written now) goes first.
    # A programme always has an id and a title, so the body is never "{}".
    body = programme.model_dump_json(exclude_defaults=True, exclude=_SCHEMA_VERSION_FIELD)
    return _SCHEMA_VERSION_PREFIX + body[1:]


def unreadable(
    source: str, error: Exception, *, line: int | None = None, code: str = "input_unreadable"
) -> Outcome:
    """The outcome of an input that cannot be read at all (exit code 2 in the CLI)."""
    message = error.message if isinstance(error, DocumentError) else str(error)
    return Outcome(
        source,
        line,
        problems=[Problem(code=code, path="", message=message)],
        unreadable=True,
    )


__all__ = [
    "Checks",
    "Outcome",
    "Record",
    "RecordError",
    "json_line",
    "unreadable",
    "validate_record",
    "validate_records",
    "write_reject",
]
