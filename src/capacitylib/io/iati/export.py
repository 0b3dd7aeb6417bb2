"""Publishing programmes as one IATI Activity Standard 2.03 file.

:func:`to_iati_xml` turns programmes into one ``<iati-activities version="2.03">`` document
with an ``<iati-activity>`` per programme; :func:`write_iati` writes it atomically. What IATI
cannot say (a range, a date known to the month, a role IATI has no code for, a field with no
IATI element) is written in its nearest IATI form and reported, never dropped silently: every
finding is a :class:`~capacitylib.errors.Problem` with code ``iati_export_lossy``,
``iati_export_derived``, ``iati_export_identifier_unmapped``, ``iati_export_not_on_codelist``,
``iati_export_incomplete`` or ``iati_export_identifier_duplicate``, its path in the programme
and ``values["programme"]``. The policy for each field is in ``docs/iati.md``.

Needs the ``iati`` extra (lxml).

>>> import capacitylib
>>> from datetime import datetime, timezone
>>> publisher = ReportingOrganisation(ref="CZ-ICO-72496991", type="10",
...                                   name={"cs": "Úřad práce České republiky"})
>>> programme = capacitylib.load_examples()[0]
>>> xml, problems, count = to_iati_xml([programme], reporting_org=publisher,
...                                    generated=datetime(2025, 1, 1, tzinfo=timezone.utc))
>>> print(xml.decode().splitlines()[3].strip())
<iati-identifier>CZ-ICO-72496991-CZ.03.2.63-0.0-0.0-15_023-0001478</iati-identifier>
>>> sorted({p.code for p in problems})
['iati_export_derived', 'iati_export_lossy']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from capacitylib.errors import CapacitylibError, Problem
from capacitylib.io._extras import require
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_activity import (
    ActivityWriter,
    Context,
    IatiSector,
    ReportingOrganisation,
    resolve_identifier,
)
from capacitylib.models import Programme

__all__ = [
    "IATI_VERSION",
    "IatiExport",
    "IatiExportError",
    "IatiSector",
    "ReportingOrganisation",
    "to_iati_xml",
    "write_iati",
]

#: The version of the IATI Activity Standard written.
IATI_VERSION = "2.03"

#: ``identifier=``: programme id -> iati-identifier, or a function of the programme giving one
#: (``None`` for the built identifier).
Identifiers = Mapping[str, str] | Callable[[Programme], str | None]


class IatiExportError(CapacitylibError, ValueError):
    """Nothing to export: an IATI file holds at least one activity.

    >>> try:
    ...     to_iati_xml([])
    ... except IatiExportError as error:
    ...     print(error)
    no programmes to export: an IATI activity file holds at least one activity
    """


class IatiExport(NamedTuple):
    """The IATI XML written (UTF-8 bytes) and every finding about it.

    Unpacks as ``xml, problems = to_iati_xml(...)``.
    """

    xml: bytes
    """The ``<iati-activities version="2.03">`` document, UTF-8 with an XML declaration."""

    problems: tuple[Problem, ...]
    """Findings, each with ``values["programme"]`` and a path in that programme."""

    activities: int
    """Number of ``iati-activity`` elements written (one per programme)."""

    @property
    def ok(self) -> bool:
        """Whether no finding is an error (the file needs no completion before publishing)."""
        return not any(p.severity == "error" for p in self.problems)


def to_iati_xml(
    programmes: Iterable[Programme],
    *,
    reporting_org: ReportingOrganisation | None = None,
    identifier: Identifiers | None = None,
    default_sector: str | IatiSector = _codes.DEFAULT_SECTOR,
    generated: datetime | None = None,
) -> IatiExport:
    """Programmes as one IATI 2.03 activity file, with the findings of the conversion.

    Args:
        programmes: the programmes, one ``iati-activity`` each, in order.
        reporting_org: the publisher (``reporting-org``; its ``ref`` starts every built
            identifier). Without it, each programme's lead implementer (else its first partner)
            with an identifier in a known scheme reports it, and an ``iati_export_derived``
            finding says so; with neither, a marked ``XE-EXAMPLE-`` placeholder is written and
            reported as ``iati_export_incomplete``.
        identifier: the ``iati-identifier`` per programme (a mapping from programme id, or a
            function); by default ``<reporting org ref>-<programme code>`` (the programme id
            when there is no code).
        default_sector: the sector of every activity: a DAC 5-digit code (vocabulary 1),
            ``16010`` Social Protection by default, or an :class:`IatiSector`.
        generated: when the file is generated (``generated-datetime`` and every
            ``last-updated-datetime``; a naive datetime is local time); now by default. Actual
            dates after its day are not actual yet and are written as planned.
    """
    etree: Any = require("lxml.etree", extra="iati", package="lxml")
    when = (generated or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sector = (
        default_sector if isinstance(default_sector, IatiSector) else IatiSector(default_sector)
    )
    items = list(programmes)
    if not items:
        raise IatiExportError(
            "no programmes to export: an IATI activity file holds at least one activity"
        )
    context = Context(reporting_org=reporting_org, sector=sector, generated=when)
    resolved = []
    for programme in items:
        ident, why = resolve_identifier(programme, context, identifier)
        resolved.append((programme, ident, why))
        context.identifiers.setdefault(programme.id, ident)
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": when.isoformat()},
    )
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for programme, ident, why in resolved:
        writer = ActivityWriter(programme, context, ident)
        writer.write(root)
        if why is not None:
            writer.finding("iati_export_derived", ("code",), why, ident)
        if ident in seen:
            writer.finding(
                "iati_export_identifier_duplicate",
                ("code",),
                f"iati-identifier {ident} is also that of programme '{seen[ident]}'",
                ident,
            )
        seen.setdefault(ident, programme.id)
        problems += writer.problems
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return IatiExport(xml=xml, problems=tuple(problems), activities=len(items))


def write_iati(
    programmes: Iterable[Programme],
    path: str | Path,
    *,
    reporting_org: ReportingOrganisation | None = None,
    identifier: Identifiers | None = None,
    default_sector: str | IatiSector = _codes.DEFAULT_SECTOR,
    generated: datetime | None = None,
) -> IatiExport:
    """Write :func:`to_iati_xml` of ``programmes`` to ``path`` atomically; return the result.

    The file appears complete or not at all (any previous file stays as it was); it is written
    whatever the findings say, so check :attr:`IatiExport.ok` (or the problems) before
    publishing it.
    """
    from capacitylib.io._atomic import atomic_file  # noqa: PLC0415 - writers load on use

    result = to_iati_xml(
        programmes,
        reporting_org=reporting_org,
        identifier=identifier,
        default_sector=default_sector,
        generated=generated,
    )
    with atomic_file(path, binary=True) as handle:
        handle.write(result.xml)
    return result
