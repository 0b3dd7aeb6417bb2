"""Every IATI code capacitylib writes is on the IATI 2.03 XML codelist it belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

import pytest

from capacitylib import _tables
from capacitylib.codelists import (
    IndicatorKind,
    IndicatorMeasure,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    ProgrammeRelation,
    ProgrammeStatus,
)
from capacitylib.io.iati import _codes
from capacitylib.parsing._languages import LANGS

from .conftest import Codelist

#: (forward table, its capacitylib codelist, the IATI codelist, the import table or None).
TABLES: list[
    tuple[str, Mapping[StrEnum, str], type[StrEnum], str, Mapping[str, StrEnum] | None]
] = [
    (
        "ORGANISATION_ROLE",
        _codes.ORGANISATION_ROLE,
        PartnerRole,
        "OrganisationRole",
        _codes.ORGANISATION_ROLE_IMPORT,
    ),
    (
        "ORGANISATION_TYPE",
        _codes.ORGANISATION_TYPE,
        OrganisationKind,
        "OrganisationType",
        _codes.ORGANISATION_TYPE_IMPORT,
    ),
    (
        "ACTIVITY_STATUS",
        _codes.ACTIVITY_STATUS,
        ProgrammeStatus,
        "ActivityStatus",
        _codes.ACTIVITY_STATUS_IMPORT,
    ),
    ("RESULT_TYPE", _codes.RESULT_TYPE, IndicatorKind, "ResultType", _codes.RESULT_TYPE_IMPORT),
    (
        "INDICATOR_MEASURE",
        _codes.INDICATOR_MEASURE,
        IndicatorMeasure,
        "IndicatorMeasure",
        _codes.INDICATOR_MEASURE_IMPORT,
    ),
    (
        "RELATED_ACTIVITY_TYPE",
        _codes.RELATED_ACTIVITY_TYPE,
        ProgrammeRelation,
        "RelatedActivityType",
        _codes.RELATED_ACTIVITY_TYPE_IMPORT,
    ),
    (
        "OUTPUT_DOCUMENT_CATEGORY",
        _codes.OUTPUT_DOCUMENT_CATEGORY,
        OutputKind,
        "DocumentCategory",
        None,
    ),
]
IDS = [name for name, *_ in TABLES]


@pytest.mark.parametrize(("name", "table", "enum", "iati", "inverse"), TABLES, ids=IDS)
def test_every_capacitylib_code_is_mapped(
    name: str,
    table: Mapping[StrEnum, str],
    enum: type[StrEnum],
    iati: str,
    inverse: Mapping[str, StrEnum] | None,
) -> None:
    """Each mapping table covers its whole capacitylib codelist."""
    assert set(table) == set(enum), name


@pytest.mark.parametrize(("name", "table", "enum", "iati", "inverse"), TABLES, ids=IDS)
def test_every_mapped_code_is_on_the_iati_codelist(
    name: str,
    table: Mapping[StrEnum, str],
    enum: type[StrEnum],
    iati: str,
    inverse: Mapping[str, StrEnum] | None,
    codelist: Codelist,
) -> None:
    """Every IATI code a table writes is an active code of the IATI XML codelist."""
    assert set(table.values()) <= codelist(iati), name


@pytest.mark.parametrize(("name", "table", "enum", "iati", "inverse"), TABLES, ids=IDS)
def test_every_iati_code_has_an_import(
    name: str,
    table: Mapping[StrEnum, str],
    enum: type[StrEnum],
    iati: str,
    inverse: Mapping[str, StrEnum] | None,
    codelist: Codelist,
) -> None:
    """The import table reads every active code of the IATI codelist, and only those."""
    if inverse is None:
        pytest.skip(f"{name} is written only, never read back")
    assert set(inverse) == codelist(iati), name


@pytest.mark.parametrize(("name", "table", "enum", "iati", "inverse"), TABLES, ids=IDS)
def test_each_iati_code_written_reads_back_as_one_of_its_sources(
    name: str,
    table: Mapping[StrEnum, str],
    enum: type[StrEnum],
    iati: str,
    inverse: Mapping[str, StrEnum] | None,
) -> None:
    """The import of an exported code is one of the capacitylib codes that export to it."""
    if inverse is None:
        pytest.skip(f"{name} is written only, never read back")
    for code, written in table.items():
        assert table[inverse[written]] == written, (name, code)
    assert any(_codes.round_trips(table, inverse, code) for code in table), name


def test_activity_date_types_are_on_the_codelist(codelist: Codelist) -> None:
    """The four activity date types are the IATI ActivityDateType codes."""
    assert set(_codes.ACTIVITY_DATE_TYPE.values()) == codelist("ActivityDateType")


def test_fixed_codes_are_on_their_codelists(codelist: Codelist) -> None:
    """The single codes the export writes (sector, budget, transaction, descriptions) exist."""
    assert _codes.DEFAULT_SECTOR in codelist("Sector")
    assert _codes.DEFAULT_SECTOR_VOCABULARY in codelist("SectorVocabulary")
    assert _codes.BUDGET_TYPE_ORIGINAL in codelist("BudgetType")
    assert _codes.BUDGET_STATUS_INDICATIVE in codelist("BudgetStatus")
    assert _codes.TRANSACTION_TYPE_INCOMING_COMMITMENT in codelist("TransactionType")
    assert _codes.SOURCE_DOCUMENT_CATEGORY in codelist("DocumentCategory")
    assert set(_codes.DESCRIPTION_TYPE.values()) <= codelist("DescriptionType")


def test_default_sector_name_is_the_codelist_name(iati_dir: Path) -> None:
    """DEFAULT_SECTOR_NAME is the name the DAC Sector codelist gives 16010."""
    etree = pytest.importorskip("lxml.etree")
    root = etree.parse(str(iati_dir / "codelists" / "non-embedded" / "Sector.xml")).getroot()
    names = {
        item.findtext("code"): item.findtext("name/narrative")
        for item in root.iter("codelist-item")
    }
    assert names[_codes.DEFAULT_SECTOR] == _codes.DEFAULT_SECTOR_NAME


def test_organisation_id_prefixes_are_registration_agencies(codelist: Codelist) -> None:
    """Every org-id.guide prefix the scheme map writes is an active registration agency."""
    agencies = codelist("OrganisationRegistrationAgency")
    written = set(_codes.ORGANISATION_ID_PREFIX.values()) | set(_codes.VAT_PREFIX.values())
    assert written <= agencies, written - agencies


@pytest.mark.parametrize("scheme", ["LT-RC", "LV-RE", "CZ-ICO", "PL-KRS"])
def test_the_issue_prefixes_map_to_themselves(scheme: str) -> None:
    """The prefixes the issue names are known schemes that map to themselves."""
    assert _codes.organisation_ref(scheme, "123") == f"{scheme}-123"


def test_unknown_scheme_gives_no_identifier() -> None:
    """An identifier in an unknown scheme has no IATI identifier (the export warns)."""
    assert _codes.organisation_ref("XX-UNKNOWN", "1") is None
    assert _codes.organisation_ref("VAT", "1", country="LV") is None


def test_currencies_off_the_iati_list_are_known(codelist: Codelist) -> None:
    """The ISO 4217 codes capacitylib accepts and IATI does not list are exactly the listed ones."""
    missing = set(_tables.currencies()) - codelist("Currency", withdrawn=True)
    assert missing == _codes.CURRENCIES_NOT_ON_IATI_LIST


def test_every_capacitylib_country_is_an_iati_country(codelist: Codelist) -> None:
    """Every ISO 3166-1 code capacitylib accepts is on IATI's Country list."""
    missing = set(_tables.countries()) - codelist("Country", withdrawn=True)
    assert not missing


def test_every_supported_language_is_an_iati_language(codelist: Codelist) -> None:
    """The languages capacitylib parses are written as IATI Language codes unchanged."""
    languages = codelist("Language")
    for lang in LANGS:
        written, exact = _codes.iati_language(lang)
        assert exact
        assert written in languages, lang
