"""Programme documents in YAML and JSON: one programme per file, losing nothing.

Writing uses the canonical form: ``schema_version`` first, fields equal to their defaults left
out, amounts as decimal strings, dates as ISO 8601 text. Reading a written document gives a model
equal to the one written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, cast

from pydantic import ValidationError

from capacitylib._version import SCHEMA_VERSION
from capacitylib.errors import CapacitylibError
from capacitylib.io.formats import DocumentFormat, format_named, format_of_path
from capacitylib.models import Programme

Format = DocumentFormat
"""A document format: ``yaml`` or ``json`` (:data:`capacitylib.io.formats.DocumentFormat`)."""

_YAML = format_named("yaml")

#: Largest document accepted by :func:`load` and :func:`loads`, in characters (a resource guard;
#: pass ``max_chars=`` to change it for one call).
MAX_DOCUMENT_CHARS = 50_000_000

#: Deepest nesting of a YAML document (pass ``max_depth=`` to change it for one call). JSON
#: nesting is bounded by pydantic's parser (about 200 levels; deeper input is ``json_invalid``).
MAX_YAML_DEPTH = 64

#: Largest YAML document accepted, in UTF-8 bytes (pass ``max_yaml_bytes=`` to change it for one
#: call). PyYAML builds a node for every value before anything is checked, about 200 bytes of
#: memory per byte of a dense document, so a cap well below :data:`MAX_DOCUMENT_CHARS` keeps
#: peak memory under 300 MB. Big data belongs in JSON or NDJSON, which have no such cost.
MAX_YAML_BYTES = 1_000_000

_LEADING_BLANKS = re.compile(r"\ufeff?[ \t\r\n]*")


class DocumentError(CapacitylibError, ValueError):
    """A document cannot be read at all: missing file, bad encoding, bad YAML syntax.

    >>> try:
    ...     loads("id: [", source="p.yaml")
    ... except DocumentError as error:
    ...     print(error.source, error.line)
    p.yaml 1
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        where = source or "<text>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


def format_of(path: str | Path) -> Format:
    """The document format of ``path`` from its suffix (``.yaml``, ``.yml``, ``.json``).

    >>> format_of("p.YML")
    'yaml'

    Raises:
        DocumentError: the suffix is not a document's; the message lists the known ones.
    """
    return cast("Format", format_of_path(path, kinds=("document",)).name)


def detect_format(text: str | bytes) -> Format:
    """``json`` when the first character after blanks (and a BOM) is ``{``, else ``yaml``.

    >>> detect_format('  {"id": "p"}'), detect_format("id: p")
    ('json', 'yaml')
    """
    if isinstance(text, bytes):
        head = text[:1000].decode("utf-8", "ignore")
        if len(text) > 1000 and not head.strip("\ufeff \t\r\n"):
            head = text.decode("utf-8", "ignore")
    else:
        head = text
    match = _LEADING_BLANKS.match(head)
    end = match.end() if match else 0
    return "json" if head[end : end + 1] == "{" else "yaml"


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    source: str | None = None,
    max_chars: int | None = None,
    max_depth: int = MAX_YAML_DEPTH,
    max_yaml_bytes: int | None = None,
) -> Programme:
    """Validate one programme document given as text.

    ``format`` is detected when not given (:func:`detect_format`: text starting with ``{`` is
    JSON, anything else YAML), so JSON needs no extra. ``max_chars`` (default
    :data:`MAX_DOCUMENT_CHARS`), ``max_yaml_bytes`` (default :data:`MAX_YAML_BYTES`) and
    ``max_depth`` (YAML nesting) bound the resources one document may take.

    Raises:
        DocumentError: the text is not valid YAML, with the line and column (JSON syntax
            errors come as ValidationError, type ``json_invalid``, with their position).
        pydantic.ValidationError: the document does not describe a valid programme; the error
            lists every problem with its path. A key repeated in one mapping is a
            ``duplicate_key`` problem naming both positions.
        MissingExtraError: YAML text without PyYAML installed.
    """
    limit = MAX_DOCUMENT_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise DocumentError(
            f"document is {len(text)} characters, above the limit of {limit}", source=source
        )
    if format is None:
        format = detect_format(text)
    if format == "json":
        return validate_json(text)
    data = parse_yaml(text, source=source, max_depth=max_depth, max_bytes=max_yaml_bytes)
    return Programme.model_validate(data)


def validate_json(text: str | bytes) -> Programme:
    """A programme from JSON text, refusing keys repeated in one object (``duplicate_key``).

    Raises:
        pydantic.ValidationError: as :meth:`Programme.model_validate_json`, or the repeated keys.
    """
    from capacitylib.io import _duplicates  # noqa: PLC0415 - keeps import time low

    if isinstance(text, str) and text.startswith("\ufeff"):
        text = text[1:]
    elif isinstance(text, bytes) and text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    try:
        programme = Programme.model_validate_json(text)
    except ValidationError:
        programme = None
    # pydantic's parser lets the last of two equal keys win and rounds long number literals to
    # doubles; one cheap C-level pass over the text finds both (see capacitylib.io._duplicates).
    duplicated, inexact = _duplicates.json_scan(text)
    if duplicated:
        raise _duplicates.duplicates_error(_duplicates.json_duplicates(text))
    if inexact:
        # Validate the data with every number keeping its text: decimal fields refuse the
        # rounded ones (decimal_json_number_inexact) with their paths.
        return Programme.model_validate(_duplicates.json_exact_data(text))
    if programme is None:
        return Programme.model_validate_json(text)  # raises the same error again
    return programme


def _yaml_size(text: str | bytes, limit: int) -> int | None:
    """The UTF-8 size of ``text`` when it is above ``limit`` bytes, else ``None``."""
    if isinstance(text, bytes):
        return len(text) if len(text) > limit else None
    if len(text) * 4 <= limit:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None


def parse_yaml(
    text: str | bytes,
    *,
    source: str | None = None,
    max_depth: int = MAX_YAML_DEPTH,
    max_bytes: int | None = None,
) -> Any:
    """Plain data from YAML text, with capacitylib's YAML 1.2, exact-decimal, no-alias loader.

    Raises:
        DocumentError: bad YAML, with its line and column, or text above ``max_bytes``
            (default :data:`MAX_YAML_BYTES`).
        pydantic.ValidationError: ``duplicate_key`` problems for keys repeated in one mapping.
    """
    limit = MAX_YAML_BYTES if max_bytes is None else max_bytes
    size = _yaml_size(text, limit)
    if size is not None:
        raise DocumentError(
            f"YAML document is {size} bytes, above the YAML limit of {limit} "
            "(YAML parsing needs far more memory than the text); "
            "write big data as JSON or NDJSON, or pass max_yaml_bytes=",
            source=source,
        )
    from capacitylib.io import _yaml  # noqa: PLC0415 - the yaml extra is optional
    from capacitylib.io._duplicates import (  # noqa: PLC0415
        DuplicateKeyError,
        duplicates_error,
    )

    if isinstance(text, bytes):
        text = _decode(text, source)
    try:
        return _yaml.load_yaml(text, max_depth=max_depth)
    except DuplicateKeyError as exc:
        raise duplicates_error(exc.duplicates) from None
    except _yaml.YAMLError as exc:
        raise _yaml_document_error(exc, text, source) from None
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        column = exc.start - text.rfind("\n", 0, exc.start)
        raise DocumentError(
            f"not valid YAML: character {text[exc.start]!r} is not text (a lone surrogate)",
            source=source,
            line=line,
            column=column,
        ) from None


def _yaml_document_error(exc: Exception, text: str, source: str | None) -> DocumentError:
    mark = getattr(exc, "problem_mark", None)
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):  # a ReaderError: a bad character
        position: int = exc.position  # type: ignore[attr-defined]
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
    problem = getattr(exc, "problem", None) or str(exc)
    return DocumentError(f"not valid YAML: {problem}", source=source, line=line, column=column)


def _decode(data: bytes, source: str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "save the file as UTF-8",
            source=source,
        ) from None


def open_failure(
    exc: OSError, *, source: str, folder: str = "is a folder, not a file"
) -> DocumentError:
    """The :class:`DocumentError` for an input that cannot be opened or read.

    ``folder`` is what to say when the path is a folder (``"is a folder, not an NDJSON file"``).
    """
    if isinstance(exc, FileNotFoundError):
        return DocumentError("no such file", source=source)
    if isinstance(exc, IsADirectoryError):
        return DocumentError(folder, source=source)
    return DocumentError(f"cannot be read ({exc.strerror or exc})", source=source)


def read_limited(path: Path, *, max_bytes: int, source: str, folder: str) -> bytes | int:
    """At most ``max_bytes + 1`` bytes of the file at ``path``, or its size when it is larger.

    A file whose ``stat`` size is above the limit is not read; a device or pipe that never
    ends stops after the limit.

    Raises:
        DocumentError: the file cannot be opened or read (see :func:`open_failure`).
    """
    try:
        with path.open("rb") as handle:
            size = path.stat().st_size
            if size > max_bytes:
                return size
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise open_failure(exc, source=source, folder=folder) from None


def read_text(path: str | Path, *, max_bytes: int | None = None) -> str:
    """The UTF-8 text of a file, or a :class:`DocumentError` saying why it cannot be read.

    At most ``max_bytes`` are read (default: :data:`MAX_YAML_BYTES` for ``.yaml`` and ``.yml``
    files, else :data:`MAX_DOCUMENT_CHARS`): a larger file is refused from its size before it
    is read, and a device or pipe that never ends is refused after ``max_bytes + 1`` bytes.
    """
    p = Path(path)
    if max_bytes is None:
        max_bytes = MAX_YAML_BYTES if _YAML.matches(p) else MAX_DOCUMENT_CHARS
    too_big = f"is above the limit of {max_bytes} bytes"
    if max_bytes == MAX_YAML_BYTES and _YAML.matches(p):
        too_big += " for YAML documents; write big data as JSON or NDJSON"
    data = read_limited(
        p, max_bytes=max_bytes, source=str(path), folder="is a directory, not a document"
    )
    if isinstance(data, int):
        raise DocumentError(f"file of {data} bytes {too_big}", source=str(path))
    if len(data) > max_bytes:
        raise DocumentError(f"input {too_big}", source=str(path))
    return _decode(data, str(path))


def load(path: str | Path) -> Programme:
    """Read and validate one programme document (``.yaml``, ``.yml`` or ``.json``).

    >>> from capacitylib.io.examples import example_paths
    >>> load(example_paths()[0]).code
    'CZ.03.2.63/0.0/0.0/15_023/0001478'
    """
    fmt = format_of(path)
    return loads(read_text(path), format=fmt, source=str(path))


def to_document(programme: Programme) -> dict[str, Any]:
    """The canonical JSON-ready form of a programme (what :func:`dumps` writes)."""
    data = programme.model_dump(mode="json", exclude_defaults=True)
    data.pop("schema_version", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(programme: Programme, *, format: Format = "json") -> str:
    """Write a programme as JSON (the default, no extra needed) or YAML text, canonically."""
    document = to_document(programme)
    if format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    from capacitylib.io import _yaml  # noqa: PLC0415 - the yaml extra is optional

    return _yaml.dump_yaml(document)


def dump(programme: Programme, path: str | Path) -> None:
    """Write a programme to ``path``; the suffix chooses YAML or JSON.

    The file is written atomically: it appears complete, or a previous file stays as it was.
    """
    write_document([programme], path, format=format_of(path))


def write_document(
    programmes: Iterable[Programme], target: str | Path | IO[str], *, format: Format = "json"
) -> int:
    """Write the one programme of ``programmes`` as a ``format`` document; 1 (the count).

    ``target`` is a path, written atomically, or an open text file. The writer of the
    ``yaml`` and ``json`` formats (:mod:`capacitylib.io.formats`).

    >>> import io, capacitylib
    >>> out = io.StringIO()
    >>> write_document(capacitylib.load_examples()[:1], out, format="yaml")
    1
    >>> out.getvalue().splitlines()[0]
    "schema_version: '1.1'"

    Raises:
        DocumentError: ``programmes`` holds more or fewer than one programme.
    """
    items = list(programmes)
    if len(items) != 1:
        raise DocumentError(
            f"a {format} document holds one programme (got {len(items)}); write .ndjson or "
            "tables instead",
            source=str(target) if isinstance(target, str | Path) else None,
        )
    text = dumps(items[0], format=format)
    if not isinstance(target, str | Path):
        target.write(text)
    else:
        from capacitylib.io._atomic import atomic_file  # noqa: PLC0415 - writers load on use

        with atomic_file(target) as handle:
            handle.write(text)
    return 1


__all__ = [
    "MAX_YAML_BYTES",
    "DocumentError",
    "Format",
    "ValidationError",
    "detect_format",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "parse_yaml",
    "read_text",
    "to_document",
    "validate_json",
    "write_document",
]
