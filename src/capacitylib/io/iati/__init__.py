"""IATI Activity Standard 2.03: publish programmes as IATI activity XML and read IATI activities.

Needs the ``iati`` extra (lxml): ``pip install "capacitylib[iati]"``. Every name here loads its
module on first use, so ``import capacitylib.io.iati`` works without the extra; calling a
function then raises :class:`~capacitylib.MissingExtraError` naming the extra.

* :func:`to_iati_xml` / :func:`write_iati`: programmes to one ``<iati-activities
  version="2.03">`` document, every lossy conversion reported (``iati_export_lossy``);
* :func:`read_iati`: an IATI activity file to one outcome per ``<iati-activity>``, read
  safely and checked against the official XSD when given (:func:`load_schemas`);
  :func:`iter_iati` gives the same outcomes one at a time, in bounded memory;
* :class:`IatiRuleset` / :func:`check_iati_rules`: the IATI Standard ruleset
  (``rulesets/standard.json``) run over IATI XML.

The IATI schemas, codelists and ruleset are not shipped (see docs/iati.md).
"""

from __future__ import annotations

import typing as _typing

from capacitylib._lazy import lazy_attributes as _lazy_attributes

if _typing.TYPE_CHECKING:
    from capacitylib.io.iati._export_activity import IatiSector, ReportingOrganisation
    from capacitylib.io.iati._schema import IatiSchemaError, IatiSchemas, load_schemas
    from capacitylib.io.iati._xml import MAX_IATI_BYTES, MAX_IATI_ELEMENTS
    from capacitylib.io.iati.export import IatiExport, IatiExportError, to_iati_xml, write_iati
    from capacitylib.io.iati.imports import iter_iati, read_iati
    from capacitylib.io.iati.ruleset import IatiRuleset, check_iati_rules

_LAZY = {
    "MAX_IATI_BYTES": "capacitylib.io.iati._xml",
    "MAX_IATI_ELEMENTS": "capacitylib.io.iati._xml",
    "IatiExport": "capacitylib.io.iati.export",
    "IatiExportError": "capacitylib.io.iati.export",
    "IatiRuleset": "capacitylib.io.iati.ruleset",
    "IatiSector": "capacitylib.io.iati._export_activity",
    "ReportingOrganisation": "capacitylib.io.iati._export_activity",
    "IatiSchemaError": "capacitylib.io.iati._schema",
    "IatiSchemas": "capacitylib.io.iati._schema",
    "check_iati_rules": "capacitylib.io.iati.ruleset",
    "iter_iati": "capacitylib.io.iati.imports",
    "load_schemas": "capacitylib.io.iati._schema",
    "read_iati": "capacitylib.io.iati.imports",
    "to_iati_xml": "capacitylib.io.iati.export",
    "write_iati": "capacitylib.io.iati.export",
}

__getattr__ = _lazy_attributes(__name__, _LAZY)

__all__ = [
    "MAX_IATI_BYTES",
    "MAX_IATI_ELEMENTS",
    "IatiExport",
    "IatiExportError",
    "IatiRuleset",
    "IatiSchemaError",
    "IatiSchemas",
    "IatiSector",
    "ReportingOrganisation",
    "check_iati_rules",
    "iter_iati",
    "load_schemas",
    "read_iati",
    "to_iati_xml",
    "write_iati",
]
