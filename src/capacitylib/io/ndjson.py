"""NDJSON streams: one programme per line, read and written lazily in constant memory.

A line is one programme document as compact JSON; blank lines are skipped; line numbers count
every line from 1, as an editor shows them. Reading splits on newline characters only (a
carriage return before one is dropped), so text holding U+2028 or other Unicode line
separators stays on its line. A line that is not JSON, or not a valid programme, is a rejected
record, not a crash; a file that is not UTF-8 stops at the first bad line with a
:class:`~capacitylib.DocumentError` naming it.

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
from capacitylib.io.documents import DocumentError
from capacitylib.io.records import (
    Checks,
    Outcome,
    RecordError,
    json_line,
    unreadable,
    validate_record,
)
from capacitylib.models import Programme

#: Longest line read as a record, in bytes; a longer one is rejected without being held whole.
MAX_LINE_BYTES = 50_000_000

_SHOWN_OF_LONG_LINE = 200


class LineReader(Protocol):
    """Anything with ``readline``: a binary or text file, ``sys.stdin``, a socket's file."""

    def readline(self, size: int = -1, /) -> bytes | str:
        """The next line, at most ``size`` long; empty at the end."""
        ...  # pragma: no cover


Source = str | Path | LineReader


class Line(NamedTuple):
    """One non-blank line of a stream: its number, text, and whether it was cut at the limit."""

    number: int
    text: str
    too_long: bool = False


def iter_lines(source: Source, *, name: str | None = None) -> Iterator[Line]:
    """The non-blank lines of a file or stream, numbered from 1, decoded from UTF-8.

    Raises:
        DocumentError: the file cannot be opened, or a line is not UTF-8 (names the line).
    """
    label = name or _name_of(source)
    with ExitStack() as stack:
        handle = _open(source, label, stack)
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            too_long = len(raw) > MAX_LINE_BYTES and not _ends_line(raw)
            if too_long:
                _skip_rest_of_line(handle)
            text = _decode(raw, label, number)
            if number == 1:
                text = text.removeprefix("\ufeff")
            text = text.removesuffix("\n").removesuffix("\r")
            if too_long:
                yield Line(number, text[:_SHOWN_OF_LONG_LINE], too_long=True)
            elif text.strip():
                yield Line(number, text)


def _ends_line(raw: bytes | str) -> bool:
    return raw.endswith(b"\n") if isinstance(raw, bytes) else raw.endswith("\n")


def _skip_rest_of_line(handle: LineReader) -> None:
    while True:
        chunk = handle.readline(MAX_LINE_BYTES)
        if not chunk or _ends_line(chunk):
            return


def _decode(raw: bytes | str, label: str, number: int) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not UTF-8 text (byte {exc.start + 1} of the line: {raw[exc.start : exc.start + 1]!r})"
            "; save the file as UTF-8",
            source=label,
            line=number,
        ) from None


def _open(source: Source, label: str, stack: ExitStack) -> LineReader:
    if isinstance(source, str | Path):
        try:
            return stack.enter_context(Path(source).open("rb"))
        except FileNotFoundError:
            raise DocumentError("no such file", source=label) from None
        except IsADirectoryError:
            raise DocumentError("is a folder, not an NDJSON file", source=label) from None
        except OSError as exc:
            raise DocumentError(f"cannot be read ({exc.strerror})", source=label) from None
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

    ``source`` is a path or an open file (binary or text). A file that cannot be read, or a
    line that is not UTF-8, ends the stream with an ``unreadable`` outcome naming the line.
    """
    label = name or _name_of(source)
    try:
        for line in iter_lines(source, name=label):
            if line.too_long:
                outcome = Outcome(label, line.number, text=line.text + "...")
                outcome.problems = [_too_long()]
                yield outcome
                continue
            yield validate_record(line.text, label, line.number, checks=checks)
    except DocumentError as exc:
        yield unreadable(label, exc, line=exc.line)


def _too_long() -> Problem:
    return Problem(
        code="record_too_large",
        path="",
        message=f"the line is longer than {MAX_LINE_BYTES} bytes; it is not read",
    )


def read_ndjson(source: Source, *, name: str | None = None) -> Iterator[Programme]:
    """The programmes of a stream, lazily; stops at the first invalid record.

    Raises:
        RecordError: a line is not a valid programme (names the line and its problems).
        DocumentError: the file cannot be read or is not UTF-8.
    """
    for outcome in iter_ndjson(source, name=name):
        if outcome.unreadable:
            raise DocumentError(outcome.problems[0].message)
        if outcome.programme is None or not outcome.valid:
            raise RecordError(outcome)
        yield outcome.programme


def write_ndjson(programmes: Iterable[Programme], target: str | Path | IO[str] | IO[bytes]) -> int:
    """Write programmes as NDJSON (canonical compact JSON, UTF-8); the number written."""
    with ExitStack() as stack:
        if isinstance(target, str | Path):
            handle: IO[str] | IO[bytes] = stack.enter_context(
                Path(target).open("w", encoding="utf-8", newline="\n")
            )
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


__all__ = ["MAX_LINE_BYTES", "Line", "iter_lines", "iter_ndjson", "read_ndjson", "write_ndjson"]
