"""The IATI 2.03 XML Schema check: the official XSDs from a folder the user gives.

capacitylib does not ship the IATI schemas (they are the IATI Standard's, CC BY 4.0): point it
at a copy of their folder (``iati-activities-schema.xsd``, ``iati-common.xsd``, ``xml.xsd``
and, optionally, ``iati-organisations-schema.xsd``, as in the IATI-Schemas repository) with
``read_iati(..., schemas=DIR)`` or the environment variable ``CAPACITYLIB_IATI_SCHEMAS``.
Without either, the schema check is skipped and every outcome says so
(``iati_schema_skipped``, info). A folder that holds no usable schema is the caller's mistake,
not the file's: :class:`IatiSchemaError`.

Every schema error becomes an ``iati_schema_invalid`` problem whose path is the element's
XPath (``/iati-activities/iati-activity[2]/budget[1]/value``) and whose message starts with
the line, as libxml2 reports it.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from capacitylib.errors import CapacitylibError, Problem
from capacitylib.io._extras import require

if TYPE_CHECKING:
    from lxml import etree

#: Environment variable naming the schema folder when ``schemas=`` is not given.
SCHEMAS_ENV = "CAPACITYLIB_IATI_SCHEMAS"

#: File names of the activity and organisation schemas in the folder.
ACTIVITY_XSD = "iati-activities-schema.xsd"
ORGANISATION_XSD = "iati-organisations-schema.xsd"

#: Most schema errors reported for one file: a file with a systematic mistake repeats it for
#: every activity, and the first thousand say what is wrong.
MAX_SCHEMA_ERRORS = 1000


class IatiSchemaError(CapacitylibError, ValueError):
    """The schema folder given cannot be used: missing, or its XSD does not load.

    >>> try:
    ...     load_schemas("/no/such/folder")
    ... except IatiSchemaError as error:
    ...     print(str(error).split(";")[0])
    no IATI schema at /no/such/folder/iati-activities-schema.xsd
    """


@dataclass(frozen=True, eq=False)
class IatiSchemas:
    """The compiled IATI 2.03 schemas of one folder (load once with :func:`load_schemas`)."""

    folder: Path
    """The folder the XSDs were read from."""

    activities: Any
    """The ``lxml.etree.XMLSchema`` of ``iati-activities-schema.xsd``."""

    organisations: Any = None
    """The ``lxml.etree.XMLSchema`` of ``iati-organisations-schema.xsd``, when the folder has it."""

    def check(self, root: etree._Element) -> list[Problem]:
        """Every schema error of the document ``root`` belongs to, as problems in document order.

        An ``iati-organisations`` root is checked against the organisation schema when the
        folder has it; any other root against the activity schema.
        """
        schema = self.activities
        if root.tag == "iati-organisations" and self.organisations is not None:
            schema = self.organisations
        if schema.validate(root.getroottree()):
            return []
        problems: list[Problem] = []
        for entry in schema.error_log:
            if len(problems) == MAX_SCHEMA_ERRORS:
                problems.append(
                    Problem(
                        code="iati_schema_invalid",
                        path="",
                        message=f"more than {MAX_SCHEMA_ERRORS} schema errors; the rest are not "
                        "listed",
                    )
                )
                break
            problems.append(schema_problem(entry))
        return problems


def schema_problem(entry: Any) -> Problem:
    """An ``iati_schema_invalid`` problem from one lxml error-log entry."""
    line = entry.line or None
    where = f"line {line}: " if line else ""
    values: dict[str, Any] = {"line": line} if line else {}
    return Problem(
        code="iati_schema_invalid",
        path=str(entry.path or ""),
        message=where + str(entry.message).strip() + " (IATI 2.03 XML Schema)",
        values=values,
    )


def load_schemas(folder: str | Path) -> IatiSchemas:
    """The IATI schemas of ``folder``, compiled once per folder and process.

    Includes and imports are read only from inside the folder: nothing from the network.

    Raises:
        IatiSchemaError: the folder has no ``iati-activities-schema.xsd``, or it does not load.
    """
    return _load(str(Path(folder).resolve()))


@functools.cache
def _load(folder: str) -> IatiSchemas:
    base = Path(folder)
    activities = _compile(base / ACTIVITY_XSD, base)
    organisations = None
    if (base / ORGANISATION_XSD).is_file():
        organisations = _compile(base / ORGANISATION_XSD, base)
    return IatiSchemas(base, activities, organisations)


def _compile(path: Path, folder: Path) -> Any:
    lxml_etree = require("lxml.etree", extra="iati", package="lxml")
    if not path.is_file():
        raise IatiSchemaError(
            f"no IATI schema at {path}; give the folder that holds the IATI 2.03 XSDs "
            f"({ACTIVITY_XSD}, iati-common.xsd, xml.xsd), e.g. a copy of the IATI-Schemas "
            "repository"
        )

    class _InsideFolder(lxml_etree.Resolver):  # type: ignore[misc,name-defined]
        """Schema includes and imports from the folder only; anything else reads as nothing."""

        def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
            target = Path((url or "").removeprefix("file://"))
            if target.is_file() and target.resolve().is_relative_to(folder):
                return self.resolve_filename(str(target), context)
            return self.resolve_string("", context)

    parser = lxml_etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_InsideFolder())
    try:
        return lxml_etree.XMLSchema(lxml_etree.parse(str(path), parser))
    except (lxml_etree.XMLSchemaParseError, lxml_etree.XMLSyntaxError, OSError) as exc:
        raise IatiSchemaError(f"the IATI schema {path} does not load: {exc}") from None


def resolve_schemas(schemas: str | Path | IatiSchemas | None) -> IatiSchemas | None:
    """The schemas to check with: those given, else ``CAPACITYLIB_IATI_SCHEMAS``, else ``None``.

    ``None`` means the check is skipped (:func:`skipped_problem`).
    """
    if isinstance(schemas, IatiSchemas):
        return schemas
    if schemas is None:
        configured = os.environ.get(SCHEMAS_ENV, "").strip()
        if not configured:
            return None
        schemas = configured
    return load_schemas(schemas)


def skipped_problem() -> Problem:
    """The info problem of an outcome whose file was not checked against the schema."""
    return Problem(
        code="iati_schema_skipped",
        path="",
        severity="info",
        message="not checked against the IATI 2.03 XML Schema: no schema folder given "
        f"(read_iati(..., schemas=DIR) or {SCHEMAS_ENV}=DIR, a copy of the IATI-Schemas XSDs)",
    )


__all__ = [
    "ACTIVITY_XSD",
    "MAX_SCHEMA_ERRORS",
    "ORGANISATION_XSD",
    "SCHEMAS_ENV",
    "IatiSchemaError",
    "IatiSchemas",
    "load_schemas",
    "resolve_schemas",
    "schema_problem",
    "skipped_problem",
]
