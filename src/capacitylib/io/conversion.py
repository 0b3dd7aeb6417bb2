"""Converting programmes between every format capacitylib reads and writes.

Formats by suffix: ``.yaml``/``.yml`` and ``.json`` one document; ``.ndjson``/``.jsonl`` a
stream; ``.xlsx`` a workbook; ``.parquet`` a folder of Parquet tables; ``.csv`` or no suffix a
folder of CSV tables. Every input record is validated as it is read; if any is invalid
nothing is written, so a conversion never silently drops a record. Streams and tables are
written while the input is read, in bounded memory. Every output is atomic (see
:mod:`capacitylib.io._atomic`): it appears complete, or the previous one stays as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from capacitylib.io._atomic import atomic_file
from capacitylib.io.documents import DocumentError, dumps
from capacitylib.io.ndjson import iter_ndjson
from capacitylib.io.records import Outcome, json_line
from capacitylib.io.validate import (
    input_kind,
    validate_path,
    validate_paths,
    validate_stdin,
    validate_tables,
)
from capacitylib.models import Programme

Format = Literal["yaml", "json", "ndjson", "csv", "xlsx", "parquet"]
FORMATS: tuple[Format, ...] = ("yaml", "json", "ndjson", "csv", "xlsx", "parquet")

_BY_SUFFIX: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
    ".csv": "csv",
}


def format_of_path(path: str | Path) -> Format:
    """The format of a path from its suffix; a suffix-less path is a folder of CSV tables.

    >>> format_of_path("data.jsonl"), format_of_path("tables"), format_of_path("t.parquet")
    ('ndjson', 'csv', 'parquet')
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if p.is_dir() and any(p.glob("*.parquet")) and not any(p.glob("*.csv")):
        return "parquet"
    if suffix == "" or p.is_dir():
        return "csv"
    raise DocumentError(
        f"cannot tell the format from the suffix {suffix!r}; use one of "
        + ", ".join(sorted(_BY_SUFFIX))
        + " or name the format",
        source=str(path),
    )


@dataclass
class ConvertResult:
    """What a conversion did: records written, or the records that stopped it."""

    written: int = 0
    rejected: list[Outcome] = field(default_factory=list)
    """Invalid input records; when there are any, nothing was written."""

    unreadable: list[Outcome] = field(default_factory=list)
    """Inputs that could not be read at all; when there are any, nothing was written."""

    @property
    def ok(self) -> bool:
        """Whether every record was valid and written."""
        return not self.rejected and not self.unreadable


def read_outcomes(
    source: str | Path,
    fmt: Format,
    *,
    lang: str | None = None,
    stdin: IO[bytes] | IO[str] | None = None,
) -> Iterator[Outcome]:
    """The records of any input as outcomes (``-`` reads stdin as ``fmt``).

    A folder that holds no tables is searched for documents and streams, as ``validate`` does.
    """
    if str(source) == "-":
        if fmt in ("csv", "xlsx", "parquet"):
            raise DocumentError(f"{fmt} tables cannot be read from stdin; give a path")
        stdin_fmt: Literal["ndjson", "json", "yaml"] = fmt  # type: ignore[assignment]
        yield from validate_stdin(stdin or sys.stdin.buffer, fmt=stdin_fmt)
    elif Path(source).is_dir() and input_kind(source) == "folder":
        yield from validate_paths([source])
    elif fmt == "ndjson":
        yield from iter_ndjson(source)
    elif fmt in ("csv", "xlsx", "parquet"):
        yield from validate_tables(source, lang=lang, format=fmt)
    else:
        yield from validate_path(Path(source))


def convert(
    source: str | Path,
    target: str | Path,
    *,
    from_format: Format | None = None,
    to_format: Format | None = None,
    lang: str | None = None,
    stdin: IO[bytes] | IO[str] | None = None,
    stdout: IO[str] | None = None,
    csv_formula_escape: bool = True,
    on_record: Callable[[Outcome], None] | None = None,
) -> ConvertResult:
    """Convert programmes from ``source`` to ``target`` (``-`` for stdin or stdout).

    Streams and tables are written while the input is read, in bounded memory: NDJSON line by
    line, CSV, XLSX and Parquet from tables flattened a few hundred programmes at a time onto
    disk (:class:`~capacitylib.io.tables._spool.TableSpool`). Only a ``.yaml``/``.json``
    target, one document, holds its programme. ``csv_formula_escape=False`` writes CSV texts
    that a spreadsheet would run as formulas raw (see
    :func:`~capacitylib.io.tables.write_csv`). ``on_record`` is called with each input
    record's outcome as it is read (a progress bar counts them).

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
    outcomes = read_outcomes(source, src_fmt, lang=lang, stdin=stdin)
    if on_record is not None:
        outcomes = _observed(outcomes, on_record)
    if dst_fmt == "ndjson":
        return _convert_stream(outcomes, target, stdout)
    result = ConvertResult()
    if dst_fmt in ("csv", "xlsx", "parquet"):
        if str(target) == "-":
            raise DocumentError(f"{dst_fmt} tables cannot be written to stdout; give a path")
        from capacitylib.io.tables import write_tables  # noqa: PLC0415 - optional extras

        try:
            write_tables(
                _valid(outcomes, result),
                target,
                format=dst_fmt,
                csv_formula_escape=csv_formula_escape,
            )
        except _Abandon:
            result.written = 0
        return result
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
    document_fmt: Literal["yaml", "json"] = "yaml" if dst_fmt == "yaml" else "json"
    text = dumps(programmes[0], format=document_fmt)
    if str(target) == "-":
        (stdout or sys.stdout).write(text)
    else:
        with atomic_file(target) as handle:
            handle.write(text)
    result.written = len(programmes)
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


def _convert_stream(
    outcomes: Iterator[Outcome], target: str | Path, stdout: IO[str] | None
) -> ConvertResult:
    result = ConvertResult()
    if str(target) == "-":
        out = stdout or sys.stdout
        for outcome in outcomes:
            kept: list[Programme] = []
            _collect(outcome, result, kept)
            for programme in kept:
                out.write(json_line(programme) + "\n")
                result.written += 1
        return result
    try:
        with atomic_file(target) as handle:
            for outcome in outcomes:
                kept = []
                _collect(outcome, result, kept)
                if not result.ok:
                    # Keep reading to report every bad record, but write nothing more.
                    continue
                for programme in kept:
                    handle.write(json_line(programme) + "\n")
                    result.written += 1
            if not result.ok:
                raise _Abandon
    except _Abandon:
        result.written = 0
    return result


class _Abandon(Exception):  # noqa: N818 - control flow, never escapes this module
    pass


__all__ = ["FORMATS", "ConvertResult", "Format", "convert", "format_of_path", "read_outcomes"]
