"""Fixtures for the IATI tests: the IATI Standard's own conformance material, read from outside the project.

The material (2.03 XSDs, the annotated example, codelists, rulesets, schema tests) lives beside the
checkout in ``../shared/external/iati/`` and is never part of the project. Set ``CAPACITYLIB_IATI_DIR``
to use another copy. Tests that need it take one of these fixtures and are skipped, with the reason,
where the folder (or lxml) is absent; tests that need neither still run.

- ``iati_dir``: the folder (:class:`~pathlib.Path`).
- ``activity_schema``: an ``lxml.etree.XMLSchema`` of ``schemas/iati-activities-schema.xsd``
  (session-scoped: building it takes a fraction of a second).
- ``codelist``: ``codelist(name) -> set[str]``, the codes of ``codelists/{embedded,non-embedded}/<name>.xml``;
  ``codelist(name, withdrawn=True)`` also keeps the items marked ``status="withdrawn"``.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

if TYPE_CHECKING:
    from lxml import etree

#: The IATI reference folder beside the project checkout (``tests/io/iati`` -> repository -> its parent).
DEFAULT_IATI_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "external" / "iati"


def _iati_dir() -> Path:
    """The reference folder: ``CAPACITYLIB_IATI_DIR`` when set, else ``../shared/external/iati``."""
    configured = os.environ.get("CAPACITYLIB_IATI_DIR")
    return Path(configured) if configured else DEFAULT_IATI_DIR


class Codelist(Protocol):
    """``codelist(name)``: the codes of one IATI XML codelist."""

    def __call__(self, name: str, *, withdrawn: bool = False) -> set[str]: ...


@pytest.fixture(scope="session")
def iati_dir() -> Path:
    """The IATI 2.03 reference folder; skips the test when it is absent."""
    folder = _iati_dir()
    if not (folder / "schemas" / "iati-activities-schema.xsd").is_file():
        pytest.skip(
            f"IATI reference material not found at {folder} (expected schemas/iati-activities-schema.xsd;"
            " set CAPACITYLIB_IATI_DIR to a copy of ../shared/external/iati)"
        )
    return folder


@pytest.fixture(scope="session")
def activity_schema(iati_dir: Path) -> etree.XMLSchema:
    """The IATI 2.03 activity XML Schema, built once per session (skips without lxml)."""
    lxml_etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")
    path = iati_dir / "schemas" / "iati-activities-schema.xsd"
    # no_network: the XSD imports xml.xsd by a relative schemaLocation, which is in the same folder.
    parser = lxml_etree.XMLParser(resolve_entities=False, no_network=True)
    return lxml_etree.XMLSchema(lxml_etree.parse(str(path), parser))


@functools.cache
def _codes(folder: Path, name: str, withdrawn: bool) -> frozenset[str]:
    lxml_etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")
    for kind in ("embedded", "non-embedded"):
        path = folder / "codelists" / kind / f"{name}.xml"
        if path.is_file():
            parser = lxml_etree.XMLParser(resolve_entities=False, no_network=True)
            root = lxml_etree.parse(str(path), parser).getroot()
            return frozenset(
                (item.findtext("code") or "").strip()
                for item in root.iter("codelist-item")
                if withdrawn or item.get("status") != "withdrawn"
            )
    raise LookupError(
        f"no IATI codelist {name!r} under {folder / 'codelists'} (embedded or non-embedded)"
    )


@pytest.fixture(scope="session")
def codelist(iati_dir: Path) -> Codelist:
    """``codelist(name)``: the set of active codes in the IATI XML codelist ``name`` (e.g. ``"OrganisationRole"``)."""

    def read(name: str, *, withdrawn: bool = False) -> set[str]:
        return set(_codes(iati_dir, name, withdrawn))

    return read
