"""Validating whatever a user points at: documents, streams, workbooks, table folders, stdin.

Every input becomes a lazy sequence of :class:`~capacitylib.io.records.Outcome`s, one per
record: a YAML or JSON document is one record, each NDJSON line is one, each programme in a
set of tables is one. Nothing is held but the current record (tables excepted: a workbook is
read whole).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal

from capacitylib.io import formats, ndjson
from capacitylib.io.documents import (
    MAX_DOCUMENT_CHARS,
    DocumentError,
    Format,
    format_of,
    read_text,
)
from capacitylib.io.formats import StdinFormat, TableFormat
from capacitylib.io.ndjson import iter_ndjson
from capacitylib.io.records import Checks, Outcome, unreadable, validate_record

#: Suffixes of single documents, of streams (files of many records), and of workbooks (table
#: formats that are one file), from :data:`capacitylib.io.formats.FORMATS`.
DOCUMENT_SUFFIXES = formats.suffixes("document")
STREAM_SUFFIXES = formats.suffixes("records")
WORKBOOK_SUFFIXES = tuple(
    s for f in formats.FORMATS if f.kind == "tables" and not f.folder for s in f.suffixes
)

InputKind = Literal["document", "stream", "tables", "folder"]

_FOLDER_SUFFIXES = tuple(s for f in formats.FORMATS if f.folder for s in f.suffixes)


def input_kind(path: str | Path) -> InputKind:
    """What a path holds: a document, a stream, tables, or a folder to search.

    A workbook, a single ``.csv`` or ``.parquet`` table, and a folder holding
    ``programmes.csv`` or ``programmes.parquet`` (or named ``*.csv``, ``*.parquet``) are tables;
    any other folder is searched for documents and streams. A file whose suffix is no
    format's is a document (reading it says why it cannot be read).
    """
    p = Path(path)
    if p.is_dir():
        if p.suffix.lower() in _FOLDER_SUFFIXES or any(
            (p / f"programmes{s}").is_file() for s in _FOLDER_SUFFIXES
        ):
            return "tables"
        return "folder"
    fmt = formats.format_of_suffix(p)
    if fmt is None or fmt.kind == "document":
        return "document"
    return "stream" if fmt.kind == "records" else "tables"


def find_inputs(folder: Path) -> list[Path]:
    """Documents and streams under ``folder``, recursively, sorted.

    Raises:
        DocumentError: the folder holds none.
    """
    wanted = DOCUMENT_SUFFIXES + STREAM_SUFFIXES
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
    if not found:
        listed = ", ".join(wanted[:-1]) + " or " + wanted[-1]
        raise DocumentError(f"folder holds no {listed} file", source=str(folder))
    return found


def validate_paths(
    paths: Sequence[str | Path],
    *,
    stdin: IO[bytes] | IO[str] | None = None,
    stdin_format: StdinFormat = "auto",
    lang: str | None = None,
    checks: Checks | None = None,
    on_empty: Callable[[str], None] | None = None,
    read_options: Mapping[str, Any] | None = None,
) -> Iterator[Outcome]:
    """Validate every record named by ``paths`` (files, folders, ``-`` for stdin), lazily.

    A path that cannot be read gives one ``unreadable`` outcome and the others go on.
    ``lang`` reads text cells of tables in that language. ``on_empty`` is called with the
    name of each input that holds no record (an empty stream is not an error).
    ``read_options`` go to the readers that take them (IATI XML: ``schemas``, ``ruleset``;
    see :attr:`~capacitylib.io.formats.FileFormat.read_options`).
    """
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            outcomes = validate_stdin(stdin or sys.stdin.buffer, fmt=stdin_format, checks=checks)
            yield from _noting_empty(outcomes, "<stdin>", on_empty)
            continue
        try:
            kind = input_kind(path)
            inputs = find_inputs(path) if kind == "folder" else [path]
        except DocumentError as exc:
            yield unreadable(str(raw), exc)
            continue
        for item in inputs:
            outcomes = _guarded(
                validate_path(item, lang=lang, checks=checks, read_options=read_options),
                str(item),
            )
            yield from _noting_empty(outcomes, str(item), on_empty)


def _guarded(outcomes: Iterator[Outcome], name: str) -> Iterator[Outcome]:
    """The outcomes of one input; a reader that fails unexpectedly ends only that input.

    Every known failure is already a problem with its own code; this is the last line of
    defence that keeps a folder run going (``reader_failed``: please report it as a bug).
    """
    try:
        yield from outcomes
    except Exception as exc:  # one input's failure must not stop the others
        yield unreadable(
            name,
            DocumentError(
                f"could not be read ({type(exc).__name__}: {exc}); this is a bug in "
                "capacitylib: please report it with the file"
            ),
            code="reader_failed",
        )


def _noting_empty(
    outcomes: Iterator[Outcome], name: str, on_empty: Callable[[str], None] | None
) -> Iterator[Outcome]:
    count = 0
    for outcome in outcomes:
        count += 1
        yield outcome
    if count == 0 and on_empty is not None:
        on_empty(name)


def validate_path(
    path: Path,
    *,
    lang: str | None = None,
    checks: Checks | None = None,
    read_options: Mapping[str, Any] | None = None,
) -> Iterator[Outcome]:
    """Validate one document, stream or set of tables; the format comes from the path."""
    kind = input_kind(path)
    if kind == "tables":
        yield from validate_tables(path, lang=lang, checks=checks)
    elif kind == "stream":
        yield from formats.format_of_path(path).read(
            path, checks=checks, lang=lang, **dict(read_options or {})
        )
    else:
        yield from validate_document(path, checks=checks)


def validate_document(
    path: str | Path, *, format: Format | None = None, checks: Checks | None = None
) -> Iterator[Outcome]:
    """The one outcome of a YAML or JSON document (``format`` from the suffix when not given).

    A document that cannot be read (no such file, an unknown suffix, not UTF-8) is one
    ``unreadable`` outcome. The reader of the ``yaml`` and ``json`` formats.
    """
    try:
        fmt = format or format_of(path)
        text = read_text(path)
    except DocumentError as exc:
        yield unreadable(str(path), exc)
        return
    yield validate_record(text, str(path), format=fmt, checks=checks)


def validate_tables(
    path: str | Path,
    *,
    lang: str | None = None,
    checks: Checks | None = None,
    format: TableFormat | None = None,
) -> Iterator[Outcome]:
    """One outcome per programme in a workbook or folder of tables, problems by cell.

    Problems with whole tables (a missing column, merged header cells) make one
    ``unreadable`` outcome; rows that belong to no programme make one rejected outcome.
    """
    from capacitylib.io.tables import read_tables_result  # noqa: PLC0415 - optional extras

    source = str(path)
    result = read_tables_result(path, format=format, lang=lang)
    if result.structural:
        yield Outcome(source, problems=list(result.structural), unreadable=True)
        return
    for item in result.programmes:
        outcome = Outcome(
            source, programme=item.programme, problems=list(item.problems), record=item.programme_id
        )
        if checks is not None and outcome.programme is not None:
            outcome.problems += list(checks(outcome.programme))
        yield outcome
    if result.orphans:
        yield Outcome(source, problems=list(result.orphans), record="rows of no programme")


def validate_stdin(
    stream: IO[bytes] | IO[str], *, fmt: StdinFormat = "auto", checks: Checks | None = None
) -> Iterator[Outcome]:
    """Validate standard input: an NDJSON stream, or one JSON or YAML document.

    With ``fmt="auto"``, input whose first non-blank line is a whole JSON object is a stream;
    anything else is read as one document (JSON if it starts with ``{``, else YAML).
    """
    source = "<stdin>"
    if fmt == "ndjson":
        yield from iter_ndjson(stream, name=source, checks=checks)
        return
    binary: IO[bytes] | IO[str] = getattr(stream, "buffer", stream)
    lines: list[bytes] = []
    size = 0
    while size <= MAX_DOCUMENT_CHARS:
        line = _as_bytes(binary.readline(ndjson.MAX_LINE_BYTES + 1))
        if not line:
            break
        lines.append(line)
        size += len(line)
        if line.strip():
            break
    first = lines[-1].decode("utf-8", "replace") if lines else ""
    if fmt == "auto" and _is_json_object(first):
        yield from iter_ndjson(_Replay(lines, binary), name=source, checks=checks)
        return
    data = _read_bounded(lines, binary, MAX_DOCUMENT_CHARS)
    if data is None:
        message = (
            f"standard input holds more than {MAX_DOCUMENT_CHARS} bytes, above the limit for "
            "one document; send many programmes as an NDJSON stream (--stdin-format ndjson)"
        )
        yield unreadable(source, DocumentError(message, source=source), code="record_too_large")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield unreadable(source, DocumentError(f"not UTF-8 text (byte {exc.start})", source=source))
        return
    doc_fmt = fmt if fmt != "auto" else ("json" if text.lstrip().startswith("{") else "yaml")
    yield validate_record(
        text, source, format="json" if doc_fmt == "json" else "yaml", checks=checks
    )


def _read_bounded(head: list[bytes], rest: IO[bytes] | IO[str], limit: int) -> bytes | None:
    """``head`` and the rest of the stream, or ``None`` once more than ``limit`` bytes came."""
    chunks = list(head)
    size = sum(len(chunk) for chunk in chunks)
    reader = getattr(rest, "read", None)
    while size <= limit:
        chunk = _as_bytes(reader(1 << 20) if reader is not None else rest.readline())
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def _is_json_object(line: str) -> bool:
    text = line.strip().removeprefix("\ufeff")
    if not text.startswith("{"):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _as_bytes(line: bytes | str) -> bytes:
    return line if isinstance(line, bytes) else line.encode("utf-8")


class _Replay(io.RawIOBase):
    """The lines already read to sniff the format, then the rest of the stream."""

    name = "<stdin>"

    def __init__(self, lines: list[bytes], rest: IO[bytes] | IO[str]) -> None:
        super().__init__()
        self._lines = lines
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readline(self, limit: int | None = -1) -> bytes:
        if self._lines:
            return self._lines.pop(0)
        return _as_bytes(self._rest.readline(-1 if limit is None else limit))


__all__ = [
    "DOCUMENT_SUFFIXES",
    "STREAM_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "find_inputs",
    "input_kind",
    "validate_document",
    "validate_path",
    "validate_paths",
    "validate_stdin",
    "validate_tables",
]
