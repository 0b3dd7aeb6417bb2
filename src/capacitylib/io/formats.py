"""The file formats capacitylib reads and writes, each declared once in :data:`FORMATS`.

A :class:`FileFormat` names the format, its suffixes, what a file of it holds (``kind``), the
extra it needs and its reader and writer. Readers and writers are named by their dotted path
and imported on first use, so this module loads no extra. Everything that tells formats apart
(the suffix of a path, ``capacitylib validate`` and ``convert``, the command's ``--from`` and
``--to`` choices and help) asks this registry: a new format is one more entry in
:data:`FORMATS`.

Kinds:

* ``document``: one programme per file (YAML, JSON);
* ``records``: any number of programmes per file, one outcome each, in constant memory
  (NDJSON);
* ``tables``: programmes as flat tables, a workbook or a folder of table files (CSV, XLSX,
  Parquet).

>>> format_of_path("data.jsonl").name, format_of_path("t.xlsx").kind
('ndjson', 'tables')
>>> try:
...     format_named("yml")
... except ValueError as error:
...     print(error)
<text>: unknown format 'yml'; known formats: yaml, json, ndjson, csv, xlsx, parquet, iati
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from capacitylib.io.records import Checks, Outcome
    from capacitylib.models import Programme

Kind = Literal["document", "records", "tables"]
"""What a file of a format holds: one programme, a stream of records, or flat tables."""

DocumentFormat = Literal["yaml", "json"]
"""The formats of one programme document, which :func:`capacitylib.io.loads` parses itself."""

TableFormat = Literal["csv", "xlsx", "parquet"]
"""The table formats (:mod:`capacitylib.io.tables`)."""

StdinFormat = Literal["auto", "ndjson", "json", "yaml"]
"""What standard input holds; ``auto`` tells a stream from a document by its first line."""

FormatName = str
"""The name of any format of :data:`FORMATS` (``"yaml"``, ``"ndjson"``, ``"csv"``, ``"iati"``)."""


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One file format: its name, suffixes, kind, extra, reader and writer.

    ``reader`` and ``writer`` are ``"module:function"`` names, imported on first use. Their
    contract:

    * ``reader(source, **arguments, **options)`` gives one
      :class:`~capacitylib.io.records.Outcome` per record, lazily; an input that cannot be
      read is one ``unreadable`` outcome, never an exception for a user's mistake.
    * ``writer(programmes, target, **arguments, **options)`` writes an iterable of programmes
      (exactly one for a ``document``) atomically: if the iterable raises, ``target`` is left
      as it was. ``target`` is a path, or an open text file for formats with ``stdio``.

    ``arguments`` are fixed keyword arguments of both (``format="csv"`` for the shared table
    reader); ``read_options`` and ``write_options`` name the per-call options they take
    (``lang``, ``csv_formula_escape``); others given to :meth:`read` or :meth:`write` are not
    passed on.

    >>> csv = format_named("csv")
    >>> csv.suffixes, csv.kind, csv.extra, csv.folder
    (('.csv',), 'tables', None, True)
    """

    name: str
    """Name used by ``--from``/``--to`` and in messages, e.g. ``ndjson``."""

    suffixes: tuple[str, ...]
    """Suffixes in lower case, the one written first (``.yaml``, then ``.yml``)."""

    kind: Kind
    """``document``, ``records`` or ``tables``."""

    description: str
    """What a file of the format is, for the command's help."""

    reader: str
    """``"module:function"`` that reads it (see the contract above)."""

    writer: str
    """``"module:function"`` that writes it (see the contract above)."""

    extra: str | None = None
    """The optional extra it needs (``pip install "capacitylib[<extra>]"``), or ``None``."""

    folder: bool = False
    """Written as a folder of one file per table (a folder of such files is this format)."""

    stdio: bool = False
    """Read from standard input and written to standard output."""

    lossless: bool = True
    """Whether every programme written reads back equal (not for a format that cannot say
    everything a programme holds)."""

    arguments: tuple[tuple[str, Any], ...] = ()
    """Fixed keyword arguments passed to both the reader and the writer."""

    read_options: tuple[str, ...] = ()
    """Per-call options the reader takes."""

    write_options: tuple[str, ...] = ()
    """Per-call options the writer takes."""

    def matches(self, path: str | Path) -> bool:
        """Whether ``path`` has one of the format's suffixes (in any case).

        >>> format_named("yaml").matches("P.YML")
        True
        """
        return Path(path).suffix.lower() in self.suffixes

    def read(
        self, source: str | Path, *, checks: Checks | None = None, **options: Any
    ) -> Iterator[Outcome]:
        """The records of ``source`` as outcomes, lazily; ``checks`` run on each valid one.

        ``options`` the reader does not take (see :attr:`read_options`) are ignored.
        """
        reader = self._function(self.reader)
        outcomes: Iterable[Outcome] = reader(
            source, **dict(self.arguments), **_chosen(options, self.read_options)
        )
        for outcome in outcomes:
            if checks is not None and outcome.programme is not None:
                outcome.problems += list(checks(outcome.programme))
            yield outcome

    def write(self, programmes: Iterable[Programme], target: Any, **options: Any) -> Any:
        """Write ``programmes`` to ``target`` with the format's writer; what the writer returns.

        ``options`` the writer does not take (see :attr:`write_options`) are ignored.
        """
        writer = self._function(self.writer)
        return writer(
            programmes, target, **dict(self.arguments), **_chosen(options, self.write_options)
        )

    def _function(self, dotted: str) -> Callable[..., Any]:
        return _resolve(dotted, self.extra)


def _chosen(options: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return {name: value for name, value in options.items() if name in names}


def _resolve(dotted: str, extra: str | None) -> Callable[..., Any]:
    """The function a ``"module:function"`` name names; a missing extra names its install.

    Looked up on every call (a dictionary lookup once the module is imported), so that a
    function replaced in its module (a test's monkeypatch) is the one called.
    """
    module_name, _, function_name = dotted.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if extra is None or (exc.name or "").startswith("capacitylib"):
            raise
        from capacitylib.io._extras import MissingExtraError  # noqa: PLC0415 - error path only

        raise MissingExtraError(
            f'{exc.name} is needed for this; install it with pip install "capacitylib[{extra}]"'
        ) from exc
    function: Callable[..., Any] = getattr(module, function_name)
    return function


_TABLES_READER = "capacitylib.io.validate:validate_tables"
_TABLES_WRITER = "capacitylib.io.tables:write_tables"

#: Every format, in the order the command lists them. To add a format, add its entry here
#: (and its name to the Literal aliases above only if it is a document, table or stdin format).
FORMATS: tuple[FileFormat, ...] = (
    FileFormat(
        "yaml",
        (".yaml", ".yml"),
        "document",
        "one programme document",
        reader="capacitylib.io.validate:validate_document",
        writer="capacitylib.io.documents:write_document",
        extra="yaml",
        stdio=True,
        arguments=(("format", "yaml"),),
    ),
    FileFormat(
        "json",
        (".json",),
        "document",
        "one programme document",
        reader="capacitylib.io.validate:validate_document",
        writer="capacitylib.io.documents:write_document",
        stdio=True,
        arguments=(("format", "json"),),
    ),
    FileFormat(
        "ndjson",
        (".ndjson", ".jsonl"),
        "records",
        "a stream, one programme per line",
        reader="capacitylib.io.ndjson:iter_ndjson",
        writer="capacitylib.io.ndjson:write_ndjson",
        stdio=True,
    ),
    FileFormat(
        "csv",
        (".csv",),
        "tables",
        "a folder of <table>.csv files",
        reader=_TABLES_READER,
        writer=_TABLES_WRITER,
        folder=True,
        arguments=(("format", "csv"),),
        read_options=("lang",),
        write_options=("csv_formula_escape",),
    ),
    FileFormat(
        "xlsx",
        (".xlsx",),
        "tables",
        "a workbook, one sheet per table",
        reader=_TABLES_READER,
        writer=_TABLES_WRITER,
        extra="xlsx",
        arguments=(("format", "xlsx"),),
        read_options=("lang",),
    ),
    FileFormat(
        "parquet",
        (".parquet",),
        "tables",
        "a folder of <table>.parquet files",
        reader=_TABLES_READER,
        writer=_TABLES_WRITER,
        extra="parquet",
        folder=True,
        arguments=(("format", "parquet"),),
        read_options=("lang",),
    ),
    FileFormat(
        "iati",
        (".xml",),
        "records",
        "IATI 2.03 activity XML, one activity per programme",
        reader="capacitylib.io.iati.imports:iter_iati",
        writer="capacitylib.io.iati.export:write_iati",
        extra="iati",
        read_options=("schemas", "ruleset"),
        write_options=("reporting_org",),
        lossless=False,
    ),
)

#: The format of a path with no suffix, and of a folder holding no other format's files.
FOLDER_DEFAULT = "csv"

_BY_NAME: dict[str, FileFormat] = {f.name: f for f in FORMATS}
_BY_SUFFIX: dict[str, FileFormat] = {s: f for f in FORMATS for s in f.suffixes}
_KINDS: tuple[Kind, ...] = ("document", "records", "tables")
_NOUN: dict[tuple[Kind, ...], str] = {("document",): "document ", ("tables",): "table "}


def format_names() -> tuple[str, ...]:
    """The names of every format, in :data:`FORMATS` order.

    >>> format_names()
    ('yaml', 'json', 'ndjson', 'csv', 'xlsx', 'parquet', 'iati')
    """
    return tuple(_BY_NAME)


def suffixes(*kinds: Kind) -> tuple[str, ...]:
    """The suffixes of the formats of ``kinds`` (every kind when none is given).

    >>> suffixes("document", "records")
    ('.yaml', '.yml', '.json', '.ndjson', '.jsonl', '.xml')
    """
    wanted = kinds or _KINDS
    return tuple(s for f in FORMATS if f.kind in wanted for s in f.suffixes)


def format_named(name: str) -> FileFormat:
    """The format called ``name``.

    Raises:
        DocumentError: no format has that name; the message lists the known ones.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise _error(f"unknown format {name!r}; known formats: " + ", ".join(_BY_NAME)) from None


def format_of_suffix(path: str | Path) -> FileFormat | None:
    """The format whose suffix ``path`` has, or ``None``; the file system is not looked at.

    >>> format_of_suffix("a/B.YML").name, format_of_suffix("tables")
    ('yaml', None)
    """
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def format_of_path(path: str | Path, *, kinds: Sequence[Kind] = _KINDS) -> FileFormat:
    """The format of ``path``, among the formats of ``kinds``.

    The suffix decides. A path with no known suffix that is a folder, or that has no suffix at
    all, holds tables (when ``kinds`` allows them): Parquet when the folder holds ``.parquet``
    files and no ``.csv`` file, else CSV (:data:`FOLDER_DEFAULT`).

    >>> format_of_path("x.yml").name, format_of_path("tables").name
    ('yaml', 'csv')

    Raises:
        DocumentError: the path names none of them; the message lists their suffixes.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    found = _BY_SUFFIX.get(suffix)
    if found is not None and found.kind in kinds:
        return found
    if "tables" in kinds and (suffix == "" or p.is_dir()):
        return _folder_format(p)
    allowed = [f for f in FORMATS if f.kind in kinds]
    listed = ", ".join(f"{f.name} ({_suffixes_shown(f)})" for f in allowed)
    noun = _NOUN.get(tuple(kinds), "")
    return _raise(
        f"cannot tell the {noun}format from the suffix {suffix!r}; known {noun}formats: {listed}",
        source=str(path),
    )


def _folder_format(folder: Path) -> FileFormat:
    default = _BY_NAME[FOLDER_DEFAULT]
    if folder.is_dir() and not _holds(folder, default):
        for candidate in FORMATS:
            if candidate.folder and candidate is not default and _holds(folder, candidate):
                return candidate
    return default


def _holds(folder: Path, fmt: FileFormat) -> bool:
    """Whether ``folder`` holds a file with one of the suffixes of ``fmt``."""
    return any(any(folder.glob(f"*{suffix}")) for suffix in fmt.suffixes)


def _suffixes_shown(fmt: FileFormat) -> str:
    shown = ", ".join(fmt.suffixes)
    return f"{shown} or a folder" if fmt.name == FOLDER_DEFAULT else shown


def describe() -> str:
    """The formats by suffix, one kind of file a line, as the command's help shows them.

    >>> print(describe())  # doctest: +NORMALIZE_WHITESPACE
    .yaml .yml .json   one programme document
    .ndjson .jsonl     a stream, one programme per line
    .csv or none       a folder of <table>.csv files
    .xlsx              a workbook, one sheet per table
    .parquet           a folder of <table>.parquet files
    .xml               IATI 2.03 activity XML, one activity per programme
    """
    lines: list[tuple[str, str]] = []
    for fmt in FORMATS:
        shown = " ".join(fmt.suffixes) + (" or none" if fmt.name == FOLDER_DEFAULT else "")
        if lines and lines[-1][1] == fmt.description:
            lines[-1] = (f"{lines[-1][0]} {shown}", fmt.description)
        else:
            lines.append((shown, fmt.description))
    width = max(len(shown) for shown, _ in lines) + 3
    return "\n".join(f"{shown:<{width}}{description}" for shown, description in lines)


def _error(message: str, *, source: str | None = None) -> Exception:
    from capacitylib.io.documents import DocumentError  # noqa: PLC0415 - documents imports this

    return DocumentError(message, source=source)


def _raise(message: str, *, source: str | None = None) -> FileFormat:
    raise _error(message, source=source)


__all__ = [
    "FOLDER_DEFAULT",
    "FORMATS",
    "DocumentFormat",
    "FileFormat",
    "FormatName",
    "Kind",
    "StdinFormat",
    "TableFormat",
    "describe",
    "format_named",
    "format_names",
    "format_of_path",
    "format_of_suffix",
    "suffixes",
]
