"""Programme documents in YAML and JSON: one programme per file, losing nothing.

Writing uses the canonical form: ``schema_version`` first, fields equal to their defaults left
out, amounts as decimal strings, dates as ISO 8601 text. Reading a written document gives a model
equal to the one written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from capacitylib._version import SCHEMA_VERSION
from capacitylib.models import Programme

Format = Literal["yaml", "json"]

_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}

#: Largest document accepted by :func:`load` and :func:`loads`, in characters (a resource guard;
#: pass ``max_chars=`` to change it for one call).
MAX_DOCUMENT_CHARS = 50_000_000

#: Deepest nesting of a YAML document (pass ``max_depth=`` to change it for one call). JSON
#: nesting is bounded by pydantic's parser (about 200 levels; deeper input is ``json_invalid``).
MAX_YAML_DEPTH = 64


class DocumentError(ValueError):
    """A document cannot be read at all: missing file, bad encoding, bad YAML syntax.

    >>> try:
    ...     loads("id: [", source="p.yaml")
    ... except DocumentError as error:
    ...     print(error.source, error.line)
    p.yaml 1
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        where = source or "<text>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


def format_of(path: str | Path) -> Format:
    """The document format of ``path`` from its suffix (``.yaml``, ``.yml``, ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise DocumentError(
            f"cannot tell the format from the suffix {suffix!r}; use .yaml, .yml or .json",
            source=str(path),
        )
    return _SUFFIXES[suffix]


def loads(
    text: str | bytes,
    *,
    format: Format = "yaml",
    source: str | None = None,
    max_chars: int | None = None,
    max_depth: int = MAX_YAML_DEPTH,
) -> Programme:
    """Validate one programme document given as text.

    ``max_chars`` (default :data:`MAX_DOCUMENT_CHARS`) and ``max_depth`` (YAML nesting) bound
    the resources one document may take.

    Raises:
        DocumentError: the text is not valid YAML (JSON syntax errors come as ValidationError,
            type ``json_invalid``, with their position).
        pydantic.ValidationError: the document does not describe a valid programme; the error
            lists every problem with its path.
    """
    limit = MAX_DOCUMENT_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise DocumentError(
            f"document is {len(text)} characters, above the limit of {limit}", source=source
        )
    if format == "json":
        return Programme.model_validate_json(text)
    data = parse_yaml(text, source=source, max_depth=max_depth)
    return Programme.model_validate(data)


def parse_yaml(
    text: str | bytes, *, source: str | None = None, max_depth: int = MAX_YAML_DEPTH
) -> Any:
    """Plain data from YAML text, with capacitylib's exact-decimal, no-alias loader."""
    from capacitylib.io import _yaml  # noqa: PLC0415 - the yaml extra is optional

    if isinstance(text, bytes):
        text = _decode(text, source)
    try:
        return _yaml.load_yaml(text, max_depth=max_depth)
    except _yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DocumentError(f"not valid YAML: {problem}", source=source, line=line) from None


def _decode(data: bytes, source: str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "save the file as UTF-8",
            source=source,
        ) from None


def read_text(path: str | Path) -> str:
    """The UTF-8 text of a file, or a :class:`DocumentError` saying why it cannot be read."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise DocumentError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise DocumentError("is a directory, not a document", source=str(path)) from None
    except OSError as exc:
        raise DocumentError(f"cannot be read ({exc.strerror})", source=str(path)) from None
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


def dumps(programme: Programme, *, format: Format = "yaml") -> str:
    """Write a programme as YAML or JSON text in the canonical form."""
    document = to_document(programme)
    if format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    from capacitylib.io import _yaml  # noqa: PLC0415 - the yaml extra is optional

    return _yaml.dump_yaml(document)


def dump(programme: Programme, path: str | Path) -> None:
    """Write a programme to ``path``; the suffix chooses YAML or JSON."""
    Path(path).write_text(dumps(programme, format=format_of(path)), encoding="utf-8")


__all__ = [
    "DocumentError",
    "Format",
    "ValidationError",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
    "parse_yaml",
    "read_text",
    "to_document",
]
