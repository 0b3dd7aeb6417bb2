"""Safe reading of IATI XML: bounded, UTF-8 only, no DTD, no entities, no network.

An IATI activity file is plain XML: it never needs a DOCTYPE, an entity or anything outside
the file. :func:`read_xml_bytes` and :func:`parse_xml` refuse, with a named problem and before
anything expands:

* a file above :data:`MAX_IATI_BYTES` (its size from ``stat``, at most the limit plus one
  byte read, so ``/dev/zero`` ends too) or holding more than :data:`MAX_IATI_ELEMENTS`
  elements (counted in the bytes before parsing): ``iati_file_too_large``;
* a file that is not UTF-8, or declares another encoding (UTF-16, ISO-8859-1, ...):
  ``iati_xml_not_utf8``;
* a ``<!DOCTYPE`` (entity declarations, "billion laughs", external entities such as
  ``file:///etc/passwd``, external DTDs): ``iati_xml_unsafe``;
* XML that is not well-formed, or not XML at all: ``iati_xml_invalid``, with line and column;
* nesting deeper than libxml2's limit (256 levels without ``huge_tree``): ``iati_xml_too_deep``.

lxml then parses with ``resolve_entities=False``, ``load_dtd=False``, ``no_network=True`` and
``huge_tree=False``, and a resolver that answers every request for an outside resource with
nothing, so no file or address is ever read even if a check above were to miss something.
Comments and processing instructions are not data and are not kept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from capacitylib.errors import Problem
from capacitylib.io._extras import require
from capacitylib.io.documents import DocumentError, open_failure, read_limited

if TYPE_CHECKING:
    from lxml import etree

#: Largest IATI file read, in bytes (as NDJSON lines and JSON documents, 50 MB); change it for
#: one call with ``read_iati(..., max_bytes=)`` or for the process by setting this constant.
MAX_IATI_BYTES = 50_000_000

#: Most elements one IATI file may hold, counted before parsing: lxml keeps about 500 bytes of
#: memory per element, so this bounds the parsed tree to about 500 MB. A 50 MB file of real
#: activities holds about 750,000 elements; 50 MB of ``<a/>`` would hold 12 million.
MAX_IATI_ELEMENTS = 1_000_000

#: What :func:`read_xml_bytes` accepts: a path, the file's bytes, or an open binary file.
XmlSource = str | Path | bytes | IO[bytes]

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_UTF8_BOM = b"\xef\xbb\xbf"
_DECLARATION = re.compile(rb"<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")
_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}
_BLANKS = b" \t\r\n"


def problem(
    code: str, message: str, *, line: int | None = None, column: int | None = None
) -> Problem:
    """A file-level problem (path ``""``), its message led by the line and column when known."""
    where = ""
    values: dict[str, Any] = {}
    if line is not None:
        where = f"line {line}" + (f", column {column}" if column else "") + ": "
        values["line"] = line
        if column:
            values["column"] = column
    return Problem(code=code, path="", message=where + message, values=values)


def read_xml_bytes(source: XmlSource, *, name: str, max_bytes: int) -> bytes | Problem:
    """The bytes of ``source``, or the ``iati_file_too_large`` problem past ``max_bytes``.

    Raises:
        DocumentError: the file cannot be opened or read (missing, a folder, no permission, a
            closed file, a file open in text mode).
    """
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str | Path):
        found = read_limited(
            Path(source),
            max_bytes=max_bytes,
            source=name,
            folder="is a folder, not an IATI XML file",
        )
        if isinstance(found, int):
            return _too_large(f"the file is {found:,} bytes", max_bytes)
        data = found
    else:
        try:
            data = source.read(max_bytes + 1)
        except OSError as exc:
            raise open_failure(exc, source=name) from None
        except ValueError as exc:  # a closed file
            raise DocumentError(f"cannot be read ({exc})", source=name) from None
        if not isinstance(data, bytes):
            raise DocumentError(
                "is open in text mode; IATI XML is read as bytes: open it with 'rb'", source=name
            )
    if len(data) > max_bytes:
        return _too_large("the input is longer", max_bytes)
    return data


def _too_large(what: str, max_bytes: int) -> Problem:
    return problem(
        "iati_file_too_large",
        f"{what}, above the limit of {max_bytes:,} bytes for an IATI file; it is not read "
        "(split it, or raise the limit: max_bytes=...)",
    )


def check_bytes(data: bytes, *, max_elements: int) -> Problem | None:
    """The first reason to refuse ``data`` before parsing it, or ``None``.

    >>> check_bytes(b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>', max_elements=10).code
    'iati_xml_not_utf8'
    >>> check_bytes(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', max_elements=10).code
    'iati_xml_unsafe'
    >>> check_bytes(b"<a><b/></a>", max_elements=10) is None
    True
    """
    return _encoding_problem(data) or _doctype_problem(data) or _count_problem(data, max_elements)


def _encoding_problem(data: bytes) -> Problem | None:
    for bom, encoding in _BOMS.items():
        if data.startswith(bom):
            return _not_utf8(
                f"the file is {encoding} (it starts with a {encoding} byte order mark)"
            )
    if data[:2] in (b"\x00<", b"<\x00"):
        return _not_utf8("the file is UTF-16 (every other byte is zero)")
    head = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    declared = _DECLARATION.match(head[:1024])
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace").strip()
        if name.lower().replace("_", "-") not in _UTF8_NAMES:
            return _not_utf8(f"the file declares encoding={name!r}", line=1)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start : exc.start + 1]
        return _not_utf8(f"the byte {byte!r} is not UTF-8", line=line, column=column)
    return None


def _not_utf8(what: str, *, line: int | None = None, column: int | None = None) -> Problem:
    return problem(
        "iati_xml_not_utf8",
        f"{what}; IATI XML is published as UTF-8: save the file as UTF-8 (and declare "
        'encoding="UTF-8" or nothing)',
        line=line,
        column=column,
    )


def _doctype_problem(data: bytes) -> Problem | None:
    """A ``<!DOCTYPE`` in the prolog (the only place XML allows one) is refused."""
    position = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    size = len(data)
    while position < size:
        while position < size and data[position] in _BLANKS:
            position += 1
        if data.startswith(b"<?", position):
            end = data.find(b"?>", position + 2)
        elif data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4)
        elif data.startswith(b"<!DOCTYPE", position) or data.startswith(b"<!ENTITY", position):
            line = data.count(b"\n", 0, position) + 1
            return problem(
                "iati_xml_unsafe",
                "the file declares a DOCTYPE (a DTD, entity declarations or external "
                "entities), which IATI XML never needs and which can expand without bound or "
                "read other files; it is not read",
                line=line,
            )
        else:
            return None
        if end < 0:
            return None  # an unclosed declaration or comment: the parser reports it
        position = end + 2
    return None


def _count_problem(data: bytes, max_elements: int) -> Problem | None:
    # Every start tag begins with "<" and a name; "</", "<!" and "<?" begin anything else. Text
    # and attribute values cannot hold a bare "<", so this counts elements exactly, or more
    # (a "<" inside a comment or CDATA section counts too), never fewer.
    elements = data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")
    if elements > max_elements:
        return problem(
            "iati_file_too_large",
            f"the file holds about {elements:,} elements, above the limit of "
            f"{max_elements:,}; it is not read (split it, or raise the limit: "
            "max_elements=...)",
        )
    return None


def _etree() -> Any:
    return require("lxml.etree", extra="iati", package="lxml")


def _parser() -> etree.XMLParser:
    lxml_etree = _etree()

    class _Nothing(lxml_etree.Resolver):  # type: ignore[name-defined,misc]
        """Answers every request for an outside resource (a DTD, an entity) with nothing."""

        def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
            return self.resolve_string("", context)

    # A new parser for each file: its error log then holds only this file's errors.
    parser = lxml_etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )
    parser.resolvers.add(_Nothing())
    return parser  # type: ignore[no-any-return]


def parse_xml(
    data: bytes, *, max_elements: int = MAX_IATI_ELEMENTS
) -> etree._Element | list[Problem]:
    """The root element of ``data``, or the problems that refuse it (never an exception).

    >>> parse_xml(b"<iati-activities version='2.03'/>").tag
    'iati-activities'
    >>> [p.code for p in parse_xml(b"<iati-activities><title></iati-activities>")]
    ['iati_xml_invalid']
    """
    if not data.strip():
        return [problem("iati_xml_invalid", "the file is empty; an IATI file holds XML", line=1)]
    refused = check_bytes(data, max_elements=max_elements)
    if refused is not None:
        return [refused]
    lxml_etree = _etree()
    parser = _parser()
    try:
        root = lxml_etree.fromstring(data, parser)
    except lxml_etree.XMLSyntaxError as exc:
        # The parser's own log: the exception's may also hold earlier files' errors.
        return _syntax_problems(parser.error_log, exc)
    if root is None:  # pragma: no cover - lxml raises for a document without an element
        return [problem("iati_xml_invalid", "the file holds no element")]
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        return [problem("iati_xml_unsafe", "the file declares a DOCTYPE; it is not read")]
    return root  # type: ignore[no-any-return]


def _syntax_problems(log: Any, exc: Exception) -> list[Problem]:
    problems: list[Problem] = []
    for entry in log:
        if entry.level_name not in ("ERROR", "FATAL"):
            continue
        message = str(entry.message).strip()
        code = "iati_xml_invalid"
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            deep = "depth" in message.lower()
            code = "iati_xml_too_deep" if deep else "iati_file_too_large"
            message += " (a limit of the XML parser; the file is not read)"
        problems.append(
            problem(code, message, line=entry.line or None, column=entry.column or None)
        )
    if not problems:  # pragma: no cover - lxml logs the error it raises
        problems.append(problem("iati_xml_invalid", str(exc)))
    # The first error is the cause; the ones libxml2 adds after a fatal error only repeat it.
    return problems[:1] if problems[0].code != "iati_xml_invalid" else problems[:5]


__all__ = [
    "MAX_IATI_BYTES",
    "MAX_IATI_ELEMENTS",
    "XmlSource",
    "check_bytes",
    "parse_xml",
    "problem",
    "read_xml_bytes",
]
