"""Converting programmes between every format capacitylib reads and writes.

The formats are those of :data:`capacitylib.io.formats.FORMATS`, told apart by suffix:
``.yaml``/``.yml`` and ``.json`` one document; ``.ndjson``/``.jsonl`` a stream; ``.xlsx`` a
workbook; ``.parquet`` a folder of Parquet tables; ``.csv`` or no suffix a folder of CSV
tables. Every input record is validated as it is read; if any is invalid nothing is written,
so a conversion never silently drops a record. Streams and tables are written while the input
is read, in bounded memory. Every output is atomic (see :mod:`capacitylib.io._atomic`): it
appears complete, or the previous one stays as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from capacitylib.errors import Problem
from capacitylib.io import formats
from capacitylib.io.documents import DocumentError
from capacitylib.io.formats import FormatName
from capacitylib.io.records import Outcome
from capacitylib.io.validate import input_kind, validate_paths, validate_stdin
from capacitylib.models import Programme

#: The names of every format, in the order the command lists them.
FORMATS: tuple[FormatName, ...] = formats.format_names()


def format_of_path(path: str | Path) -> FormatName:
    """The format of a path from its suffix; a suffix-less path is a folder of CSV tables.

    See :func:`capacitylib.io.formats.format_of_path`.

    >>> format_of_path("data.jsonl"), format_of_path("tables"), format_of_path("t.parquet")
    ('ndjson', 'csv', 'parquet')

    Raises:
        DocumentError: no format has the suffix; the message lists the known ones.
    """
    return formats.format_of_path(path).name


@dataclass
class ConvertResult:
    """What a conversion did: records written, or the records that stopped it."""

    written: int = 0
    rejected: list[Outcome] = field(default_factory=list)
    """Invalid input records; when there are any, nothing was written."""

    unreadable: list[Outcome] = field(default_factory=list)
    """Inputs that could not be read at all; when there are any, nothing was written."""

    findings: list[Problem] = field(default_factory=list)
    """What the writer reports about the output (every lossy IATI conversion, for one)."""

    @property
    def ok(self) -> bool:
        """Whether every record was valid and written."""
        return not self.rejected and not self.unreadable


def read_outcomes(
    source: str | Path,
    fmt: FormatName,
    *,
    lang: str | None = None,
    stdin: IO[bytes] | IO[str] | None = None,
    read_options: Mapping[str, Any] | None = None,
) -> Iterator[Outcome]:
    """The records of any input as outcomes (``-`` reads stdin as ``fmt``).

    A folder that holds no tables is searched for documents and streams, as ``validate`` does.

    Raises:
        DocumentError: ``fmt`` is no format's name, or cannot be read from stdin.
    """
    reading = formats.format_named(fmt)
    if str(source) == "-":
        if not reading.stdio:
            raise DocumentError(f"{fmt} {_noun(reading)} cannot be read from stdin; give a path")
        yield from validate_stdin(stdin or sys.stdin.buffer, fmt=fmt)  # type: ignore[arg-type]
    elif Path(source).is_dir() and input_kind(source) == "folder":
        yield from validate_paths([source], read_options=read_options)
    else:
        yield from reading.read(source, lang=lang, **dict(read_options or {}))


def _noun(fmt: formats.FileFormat) -> str:
    return {"tables": "tables", "records": "files", "document": "documents"}[fmt.kind]


def convert(
    source: str | Path,
    target: str | Path,
    *,
    from_format: FormatName | None = None,
    to_format: FormatName | None = None,
    lang: str | None = None,
    stdin: IO[bytes] | IO[str] | None = None,
    stdout: IO[str] | None = None,
    csv_formula_escape: bool = True,
    on_record: Callable[[Outcome], None] | None = None,
    read_options: Mapping[str, Any] | None = None,
    write_options: Mapping[str, Any] | None = None,
) -> ConvertResult:
    """Convert programmes from ``source`` to ``target`` (``-`` for stdin or stdout).

    Streams and tables are written while the input is read, in bounded memory: NDJSON line by
    line, CSV, XLSX and Parquet from tables flattened a few hundred programmes at a time onto
    disk (:class:`~capacitylib.io.tables._spool.TableSpool`). Only a ``.yaml``/``.json``
    target, one document, holds its programme. ``csv_formula_escape=False`` writes CSV texts
    that a spreadsheet would run as formulas raw (see
    :func:`~capacitylib.io.tables.write_csv`). ``on_record`` is called with each input
    record's outcome as it is read (a progress bar counts them). ``read_options`` go to the
    reader when it takes them (IATI XML: ``schemas``, ``ruleset``), ``write_options`` to the
    writer (IATI XML: ``reporting_org``). What the writer reports
    about the output (every lossy IATI conversion) is in :attr:`ConvertResult.findings`.

    >>> import capacitylib, tempfile
    >>> target = tempfile.mkdtemp() + "/t.parquet"
    >>> seen = []
    >>> result = convert(capacitylib.example_paths()[0], target, on_record=seen.append)
    >>> result.ok, result.written, len(seen)
    (True, 1, 1)
    """
    src_fmt = from_format or (None if str(source) == "-" else format_of_path(source))
    dst_fmt = to_format or (None if str(target) == "-" else format_of_path(target))
    if src_fmt is None or dst_fmt is None:
        raise DocumentError("with - for stdin or stdout, name the format (--from, --to)")
    writing = formats.format_named(dst_fmt)
    formats.format_named(src_fmt)  # an unknown name is refused before anything is read
    to_stdout = str(target) == "-"
    if to_stdout and not writing.stdio:
        raise DocumentError(f"{dst_fmt} {_noun(writing)} cannot be written to stdout; give a path")
    outcomes = read_outcomes(source, src_fmt, lang=lang, stdin=stdin, read_options=read_options)
    if on_record is not None:
        outcomes = _observed(outcomes, on_record)
    result = ConvertResult()
    out = stdout or sys.stdout
    if writing.kind == "document":
        programmes: list[Programme] = []
        for outcome in outcomes:
            _collect(outcome, result, programmes)
        if not result.ok:
            return result
        if len(programmes) != 1:
            raise DocumentError(
                f"a .{dst_fmt} document holds one programme and the input has "
                f"{len(programmes)}; write .ndjson or tables instead",
                source=str(target),
            )
        writing.write(programmes, out if to_stdout else target)
        result.written = len(programmes)
    elif to_stdout:
        # A stream to stdout cannot be taken back: every valid record is written as it comes.
        writing.write(_every_valid(outcomes, result), out)
    else:
        try:
            written = writing.write(
                _valid(outcomes, result),
                target,
                csv_formula_escape=csv_formula_escape,
                **dict(write_options or {}),
            )
        except _Abandon:
            result.written = 0
        else:
            result.findings += list(getattr(written, "problems", ()))
    return result


def _observed(
    outcomes: Iterator[Outcome], on_record: Callable[[Outcome], None]
) -> Iterator[Outcome]:
    for outcome in outcomes:
        on_record(outcome)
        yield outcome


def _valid(outcomes: Iterator[Outcome], result: ConvertResult) -> Iterator[Programme]:
    """The valid programmes, counted in ``result``; ``_Abandon`` at the end if any was not.

    Every record is read, so that every bad one is reported, but once one is bad no more
    programmes are passed on: the writer's output is abandoned (the previous one stays).
    """
    for outcome in outcomes:
        kept: list[Programme] = []
        _collect(outcome, result, kept)
        if result.ok:
            result.written += len(kept)
            yield from kept
    if not result.ok:
        raise _Abandon


def _collect(outcome: Outcome, result: ConvertResult, programmes: list[Programme]) -> None:
    if outcome.unreadable:
        result.unreadable.append(outcome)
    elif not outcome.valid or outcome.programme is None:
        result.rejected.append(outcome)
    else:
        programmes.append(outcome.programme)


def _every_valid(outcomes: Iterator[Outcome], result: ConvertResult) -> Iterator[Programme]:
    """Every valid programme, counted in ``result``, the invalid ones noted and skipped."""
    for outcome in outcomes:
        kept: list[Programme] = []
        _collect(outcome, result, kept)
        result.written += len(kept)
        yield from kept


class _Abandon(Exception):  # noqa: N818 - control flow, never escapes this module
    pass


__all__ = ["FORMATS", "ConvertResult", "convert", "format_of_path", "read_outcomes"]
