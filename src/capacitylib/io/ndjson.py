r"""NDJSON streams: one programme per line, read and written lazily in constant memory.

A line is one programme document as compact JSON; blank lines are skipped; line numbers count
every line from 1, as an editor shows them. Reading splits bytes on ``\n`` only (a carriage
return before one is dropped), so text holding U+2028 or other Unicode line separators stays on
its line, and decodes each line on its own: a line that is not UTF-8, not JSON, too long, or
not a valid programme is one rejected record, and the stream goes on. Nothing is lost: a
rejected line that cannot be kept as text keeps its exact bytes (:attr:`Outcome.raw`, written
as ``input_base64`` in a rejects file).

>>> import io, capacitylib
>>> buffer = io.StringIO()
>>> write_ndjson(capacitylib.load_examples(), buffer)
6
>>> _ = buffer.seek(0)
>>> [(o.line, o.valid) for o in iter_ndjson(buffer)][:2]
[(1, True), (2, True)]
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, NamedTuple, Protocol

from capacitylib.errors import Problem
from capacitylib.io._gc import pause, resume
from capacitylib.io._raw import RawLine
from capacitylib.io.documents import DocumentError, open_failure
from capacitylib.io.records import (
    Checks,
    Outcome,
    RecordError,
    json_line,
    unreadable,
    validate_record,
)
from capacitylib.models import Programme

#: Longest line validated as a record, in bytes; a longer line is a rejected record
#: (``record_too_large``) whose bytes are kept, and the stream goes on.
MAX_LINE_BYTES = 50_000_000

#: Longest line kept at all, in bytes (spooled to a temporary file, not held in memory). A line
#: with no end within this many bytes (``/dev/zero``, a broken producer) stops the stream with
#: ``stream_line_endless``: the rest of the input cannot be split into records.
MAX_KEPT_LINE_BYTES = 1 << 30

_READ_CHUNK = 1 << 20


class LineReader(Protocol):
    """Anything with ``readline``: a binary or text file, ``sys.stdin``, a socket's file."""

    def readline(self, size: int = -1, /) -> bytes | str:
        """The next line, at most ``size`` long; empty at the end."""
        ...  # pragma: no cover


Source = str | Path | LineReader


class Line(NamedTuple):
    """One non-blank line of a stream: its number and text, or its bytes when it has no text.

    ``text`` is ``None`` when the line is not UTF-8 (``problem`` says where) or longer than
    :data:`MAX_LINE_BYTES` (``too_long``); ``raw`` then holds its exact bytes. ``endless``
    marks a line cut at :data:`MAX_KEPT_LINE_BYTES` with no end in sight.
    """

    number: int
    text: str | None
    raw: RawLine | None = None
    too_long: bool = False
    endless: bool = False
    problem: Problem | None = None


def iter_lines(source: Source, *, name: str | None = None) -> Iterator[Line]:
    """The non-blank lines of a file or stream, numbered from 1, each decoded on its own.

    Raises:
        DocumentError: the file cannot be opened or read.
    """
    label = name or _name_of(source)
    with ExitStack() as stack:
        handle = _open(source, label, stack)
        number = 0
        while True:
            first = _read(handle, MAX_LINE_BYTES + 1, label)
            if not first:
                return
            number += 1
            if len(first) > MAX_LINE_BYTES and not _ends_line(first):
                yield _long_line(handle, first, number, label)
                continue
            yield from _short_line(first, number)


def _short_line(raw: bytes | str, number: int) -> Iterator[Line]:
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            body = raw.removesuffix(b"\n").removesuffix(b"\r")
            if number == 1:
                body = body.removeprefix(b"\xef\xbb\xbf")
            yield Line(number, None, RawLine.from_bytes(body), problem=_not_utf8(raw, exc))
            return
    if number == 1:
        text = text.removeprefix("\ufeff")
    text = text.removesuffix("\n").removesuffix("\r")
    if text.strip():
        yield Line(number, text)


def _long_line(handle: LineReader, first: bytes | str, number: int, label: str) -> Line:
    """Keep a line longer than the limit whole, spooled to disk, up to the kept limit."""
    raw = RawLine()
    chunk: bytes | str = first
    while True:
        data = chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
        if _ends_line(chunk):
            raw.append(data.removesuffix(b"\n").removesuffix(b"\r"))
            return Line(number, None, raw, too_long=True)
        raw.append(data)
        if raw.size >= MAX_KEPT_LINE_BYTES:
            return Line(number, None, None, too_long=True, endless=True)
        chunk = _read(handle, min(_READ_CHUNK, MAX_KEPT_LINE_BYTES - raw.size + 1), label)
        if not chunk:
            return Line(number, None, raw, too_long=True)


def _read(handle: LineReader, limit: int, label: str) -> bytes | str:
    try:
        return handle.readline(limit)
    except OSError as exc:
        raise open_failure(exc, source=label) from None
    except ValueError as exc:  # a closed file
        raise DocumentError(f"cannot be read ({exc})", source=label) from None


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> Problem:
    return Problem(
        code="record_not_utf8",
        path="",
        message=f"the line is not UTF-8 text (byte {exc.start + 1} of the line: "
        f"{raw[exc.start : exc.start + 1]!r}); save the file as UTF-8. The line's exact bytes "
        "are kept (input_base64 in a rejects file)",
    )


def _ends_line(raw: bytes | str) -> bool:
    return raw.endswith(b"\n") if isinstance(raw, bytes) else raw.endswith("\n")


def _open(source: Source, label: str, stack: ExitStack) -> LineReader:
    if isinstance(source, str | Path):
        try:
            return stack.enter_context(Path(source).open("rb"))
        except OSError as exc:
            raise open_failure(
                exc, source=label, folder="is a folder, not an NDJSON file"
            ) from None
    if isinstance(source, io.TextIOWrapper):
        buffer: IO[bytes] = source.buffer  # bytes split on "\n" only, decoded line by line
        return buffer
    return source


def _name_of(source: Source) -> str:
    if isinstance(source, str | Path):
        return str(source)
    return str(getattr(source, "name", "<stream>"))


def iter_ndjson(
    source: Source, *, name: str | None = None, checks: Checks | None = None
) -> Iterator[Outcome]:
    """Validate a stream line by line: one :class:`Outcome` per non-blank line.

    ``source`` is a path or an open file (binary or text). Every line is one record, valid or
    rejected; a bad line never stops the stream. Only input that cannot be read on (a file
    that cannot be opened or read, a line with no end within :data:`MAX_KEPT_LINE_BYTES`)
    ends it with an ``unreadable`` outcome.
    """
    label = name or _name_of(source)
    try:
        for line in iter_lines(source, name=label):
            if line.text is not None:
                yield validate_record(line.text, label, line.number, checks=checks)
                continue
            outcome = Outcome(label, line.number, raw=line.raw)
            if line.problem is not None:
                outcome.problems = [line.problem]
            else:
                outcome.problems = [_too_long(line)]
            yield outcome
            if line.endless:
                yield unreadable(
                    label,
                    DocumentError(
                        f"line {line.number} has no end within {MAX_KEPT_LINE_BYTES} bytes; "
                        "the rest of the input cannot be split into records and is not read"
                    ),
                    line=line.number,
                    code="stream_line_endless",
                )
                return
    except DocumentError as exc:
        yield unreadable(label, exc, line=exc.line)


def _too_long(line: Line) -> Problem:
    kept = (
        f"it is longer than {MAX_KEPT_LINE_BYTES} bytes and is not kept"
        if line.endless
        else "its exact bytes are kept (input_base64 in a rejects file)"
    )
    return Problem(
        code="record_too_large",
        path="",
        message=f"the line is longer than {MAX_LINE_BYTES} bytes, the longest record validated; "
        + kept,
    )


def read_ndjson(source: Source, *, name: str | None = None) -> Iterator[Programme]:
    """The programmes of a stream, lazily; stops at the first invalid record.

    The cyclic garbage collector is paused while each record is validated
    (:func:`~capacitylib.gc_paused`), so that a list of the programmes builds without the
    collector walking it again and again.

    Raises:
        RecordError: a line is not a valid programme (names the line and its problems).
        DocumentError: the file cannot be read or is not UTF-8.
    """
    outcomes = iter_ndjson(source, name=name)
    while True:
        # Paused while a record is read and validated, running while the caller has it: a
        # caller that only keeps the programmes (``list(read_ndjson(...))``) allocates nothing
        # the collector counts, so it never walks the growing list; an iterator left unfinished
        # never leaves the collector paused. (pause/resume, not gc_paused(): a context manager
        # is an allocation, which would start a collection each time.)
        pause()
        try:
            outcome = next(outcomes, None)
            if outcome is None:
                return
            if outcome.unreadable:
                raise DocumentError(
                    outcome.problems[0].message, source=outcome.source, line=outcome.line
                )
            if outcome.programme is None or not outcome.valid:
                raise RecordError(outcome)
            programme = outcome.programme
        finally:
            resume()
        yield programme


def write_ndjson(programmes: Iterable[Programme], target: str | Path | IO[str] | IO[bytes]) -> int:
    """Write programmes as NDJSON (canonical compact JSON, UTF-8); the number written.

    A path is written atomically: the file appears complete or not at all.
    """
    with ExitStack() as stack:
        if isinstance(target, str | Path):
            from capacitylib.io._atomic import atomic_file  # noqa: PLC0415 - writers load on use

            handle: IO[str] | IO[bytes] = stack.enter_context(atomic_file(target))
        else:
            handle = target
        # Text files have an encoding; binary ones (open(..., "wb"), BytesIO) do not.
        binary = not hasattr(handle, "encoding")
        count = 0
        for programme in programmes:
            line = json_line(programme) + "\n"
            handle.write(line.encode("utf-8") if binary else line)  # type: ignore[arg-type]
            count += 1
    return count


__all__ = [
    "MAX_KEPT_LINE_BYTES",
    "MAX_LINE_BYTES",
    "Line",
    "iter_lines",
    "iter_ndjson",
    "read_ndjson",
    "write_ndjson",
]
