"""Mapping tables between capacitylib's codelists and the IATI 2.03 codelists.

Each forward table (capacitylib code -> IATI code) has, where the mapping is many-to-one, a
canonical inverse (``*_IMPORT``: IATI code -> the capacitylib code an import should use). A
capacitylib code is carried without loss exactly when the inverse gives it back
(:func:`round_trips`); the export reports every other use as ``iati_export_lossy``.

IATI codelists: https://iatistandard.org/en/iati-standard/203/codelists/ (2.03). Every IATI
code here is checked against the XML codelists in ``tests/io/iati/test_codes.py``.

>>> ORGANISATION_ROLE[PartnerRole.FUNDER], ORGANISATION_TYPE[OrganisationKind.MUNICIPALITY]
('1', '11')
>>> organisation_ref("LT-JAR", "302589307")
'LT-RC-302589307'
>>> round_trips(ORGANISATION_ROLE, ORGANISATION_ROLE_IMPORT, PartnerRole.LEAD_IMPLEMENTER)
False
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal, TypeVar

from capacitylib.codelists import (
    FundingInstrument,
    IndicatorKind,
    IndicatorMeasure,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    PeriodStatus,
    ProgrammeRelation,
    ProgrammeStatus,
)

__all__ = [
    "ACTIVITY_DATE_TYPE",
    "ACTIVITY_STATUS",
    "ACTIVITY_STATUS_IMPORT",
    "BUDGET_STATUS_INDICATIVE",
    "BUDGET_TYPE_ORIGINAL",
    "CURRENCIES_NOT_ON_IATI_LIST",
    "DEFAULT_SECTOR",
    "DEFAULT_SECTOR_NAME",
    "DEFAULT_SECTOR_VOCABULARY",
    "DESCRIPTION_TYPE",
    "FUNDING_INSTRUMENT_NAME",
    "INDICATOR_MEASURE",
    "INDICATOR_MEASURE_IMPORT",
    "ORGANISATION_ID_PREFIX",
    "ORGANISATION_ROLE",
    "ORGANISATION_ROLE_IMPORT",
    "ORGANISATION_TYPE",
    "ORGANISATION_TYPE_IMPORT",
    "OUTPUT_DOCUMENT_CATEGORY",
    "PERIOD_STATUS_DATES",
    "RELATED_ACTIVITY_TYPE",
    "RELATED_ACTIVITY_TYPE_IMPORT",
    "RESULT_TYPE",
    "RESULT_TYPE_IMPORT",
    "SOURCE_DOCUMENT_CATEGORY",
    "TRANSACTION_TYPE_INCOMING_COMMITMENT",
    "VAT_PREFIX",
    "DateKind",
    "iati_language",
    "organisation_ref",
    "round_trips",
]

_K = TypeVar("_K", bound=StrEnum)
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def _frozen(table: dict[_Key, _Value]) -> Mapping[_Key, _Value]:
    return MappingProxyType(table)


# --- OrganisationRole (embedded): 1 Funding, 2 Accountable, 3 Extending, 4 Implementing ---

#: :class:`PartnerRole` -> IATI OrganisationRole. Managing authorities oversee (2 Accountable);
#: intermediate bodies and EEA/Norway programme operators manage the money on the funder's
#: behalf (3 Extending); everyone who carries the work out is 4 Implementing, so lead
#: implementer, partner, associated partner, contractor and other share one IATI role.
ORGANISATION_ROLE: Final[Mapping[PartnerRole, str]] = _frozen(
    {
        PartnerRole.FUNDER: "1",
        PartnerRole.MANAGING_AUTHORITY: "2",
        PartnerRole.INTERMEDIATE_BODY: "3",
        PartnerRole.PROGRAMME_OPERATOR: "3",
        PartnerRole.LEAD_IMPLEMENTER: "4",
        PartnerRole.PARTNER: "4",
        PartnerRole.ASSOCIATED_PARTNER: "4",
        PartnerRole.PARTICIPATING_ORGANISATION: "4",
        PartnerRole.CONTRACTOR: "4",
        PartnerRole.OTHER: "4",
    }
)

#: IATI OrganisationRole -> the :class:`PartnerRole` an import uses (4 Implementing is a
#: ``partner``: IATI does not say which implementer leads).
ORGANISATION_ROLE_IMPORT: Final[Mapping[str, PartnerRole]] = _frozen(
    {
        "1": PartnerRole.FUNDER,
        "2": PartnerRole.MANAGING_AUTHORITY,
        "3": PartnerRole.INTERMEDIATE_BODY,
        "4": PartnerRole.PARTNER,
    }
)

# --- OrganisationType (non-embedded) ---

#: :class:`OrganisationKind` -> IATI OrganisationType. Sub-national public bodies are 11 Local
#: Government; public institutions that are not government (a municipal school, a care home)
#: 15 Other Public Sector; NGOs and professional associations 22 National NGO (capacitylib does
#: not record whether an NGO is international); training providers and universities 80
#: Academic, Training and Research; donors, social and health-care providers (public or
#: private: capacitylib does not say) 90 Other.
ORGANISATION_TYPE: Final[Mapping[OrganisationKind, str]] = _frozen(
    {
        OrganisationKind.MINISTRY: "10",
        OrganisationKind.STATE_AGENCY: "10",
        OrganisationKind.REGIONAL_GOVERNMENT: "11",
        OrganisationKind.MUNICIPALITY: "11",
        OrganisationKind.MUNICIPAL_SOCIAL_SERVICE: "11",
        OrganisationKind.MUNICIPAL_INSTITUTION: "15",
        OrganisationKind.NGO: "22",
        OrganisationKind.FOUNDATION: "60",
        OrganisationKind.TRAINING_PROVIDER: "80",
        OrganisationKind.UNIVERSITY: "80",
        OrganisationKind.SOCIAL_SERVICE_PROVIDER: "90",
        OrganisationKind.HEALTH_CARE_PROVIDER: "90",
        OrganisationKind.PROFESSIONAL_ASSOCIATION: "22",
        OrganisationKind.DONOR: "90",
        OrganisationKind.INTERNATIONAL_ORGANISATION: "40",
        OrganisationKind.COMPANY: "70",
        OrganisationKind.OTHER: "90",
    }
)

#: IATI OrganisationType -> the :class:`OrganisationKind` an import uses.
ORGANISATION_TYPE_IMPORT: Final[Mapping[str, OrganisationKind]] = _frozen(
    {
        "10": OrganisationKind.STATE_AGENCY,
        "11": OrganisationKind.MUNICIPALITY,
        "15": OrganisationKind.MUNICIPAL_INSTITUTION,
        "21": OrganisationKind.NGO,
        "22": OrganisationKind.NGO,
        "23": OrganisationKind.NGO,
        "24": OrganisationKind.NGO,
        "30": OrganisationKind.COMPANY,
        "40": OrganisationKind.INTERNATIONAL_ORGANISATION,
        "60": OrganisationKind.FOUNDATION,
        "70": OrganisationKind.COMPANY,
        "71": OrganisationKind.COMPANY,
        "72": OrganisationKind.COMPANY,
        "73": OrganisationKind.COMPANY,
        "80": OrganisationKind.UNIVERSITY,
        "90": OrganisationKind.OTHER,
    }
)

# --- ActivityStatus (embedded): 1 Pipeline, 2 Implementation, 3 Finalisation, 4 Closed,
# 5 Cancelled, 6 Suspended ---

#: :class:`ProgrammeStatus` -> IATI ActivityStatus. ``approved`` (not started) is 1 Pipeline
#: like ``planned``; ``completed`` is 4 Closed (the physical activity is complete); a programme
#: ``terminated`` early is 5 Cancelled.
ACTIVITY_STATUS: Final[Mapping[ProgrammeStatus, str]] = _frozen(
    {
        ProgrammeStatus.PLANNED: "1",
        ProgrammeStatus.APPROVED: "1",
        ProgrammeStatus.IN_IMPLEMENTATION: "2",
        ProgrammeStatus.COMPLETED: "4",
        ProgrammeStatus.SUSPENDED: "6",
        ProgrammeStatus.TERMINATED: "5",
    }
)

#: IATI ActivityStatus -> the :class:`ProgrammeStatus` an import uses.
ACTIVITY_STATUS_IMPORT: Final[Mapping[str, ProgrammeStatus]] = _frozen(
    {
        "1": ProgrammeStatus.PLANNED,
        "2": ProgrammeStatus.IN_IMPLEMENTATION,
        "3": ProgrammeStatus.COMPLETED,
        "4": ProgrammeStatus.COMPLETED,
        "5": ProgrammeStatus.TERMINATED,
        "6": ProgrammeStatus.SUSPENDED,
    }
)

# --- ActivityDateType (embedded): 1 planned start, 2 actual start, 3 planned end, 4 actual end ---

#: Whether a stated period's dates are planned or actual dates in IATI.
DateKind = Literal["planned", "actual"]

#: :class:`PeriodStatus` of a stated period -> the kind of IATI activity date it gives. A
#: revision is a revised plan; a period that does not say is published as planned (never
#: claimed to have happened).
PERIOD_STATUS_DATES: Final[Mapping[PeriodStatus | None, DateKind]] = _frozen(
    {
        PeriodStatus.PLANNED: "planned",
        PeriodStatus.REVISED: "planned",
        None: "planned",
        PeriodStatus.ACTUAL: "actual",
    }
)

#: (planned or actual, start or end) -> IATI ActivityDateType.
ACTIVITY_DATE_TYPE: Final[Mapping[tuple[DateKind, Literal["start", "end"]], str]] = _frozen(
    {
        ("planned", "start"): "1",
        ("actual", "start"): "2",
        ("planned", "end"): "3",
        ("actual", "end"): "4",
    }
)

# --- ResultType (non-embedded): 1 Output, 2 Outcome, 3 Impact, 9 Other ---

#: :class:`IndicatorKind` -> IATI ResultType: an output indicator is a 1 Output result, a
#: result indicator (what changes for the target group) a 2 Outcome.
RESULT_TYPE: Final[Mapping[IndicatorKind, str]] = _frozen(
    {IndicatorKind.OUTPUT: "1", IndicatorKind.RESULT: "2"}
)

#: IATI ResultType -> :class:`IndicatorKind` (3 Impact and 9 Other are results too).
RESULT_TYPE_IMPORT: Final[Mapping[str, IndicatorKind]] = _frozen(
    {
        "1": IndicatorKind.OUTPUT,
        "2": IndicatorKind.RESULT,
        "3": IndicatorKind.RESULT,
        "9": IndicatorKind.RESULT,
    }
)

# --- IndicatorMeasure (non-embedded): 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal, 5 Qualitative ---

#: :class:`IndicatorMeasure` -> IATI IndicatorMeasure. A ratio (cases per worker) is a
#: quantity, 1 Unit: IATI's 3 Nominal and 4 Ordinal are scales of categories and ranks.
INDICATOR_MEASURE: Final[Mapping[IndicatorMeasure, str]] = _frozen(
    {
        IndicatorMeasure.UNIT: "1",
        IndicatorMeasure.PERCENTAGE: "2",
        IndicatorMeasure.RATIO: "1",
        IndicatorMeasure.QUALITATIVE: "5",
    }
)

#: IATI IndicatorMeasure -> :class:`IndicatorMeasure` (nominal and ordinal scales are read as
#: units: capacitylib has no scale measure).
INDICATOR_MEASURE_IMPORT: Final[Mapping[str, IndicatorMeasure]] = _frozen(
    {
        "1": IndicatorMeasure.UNIT,
        "2": IndicatorMeasure.PERCENTAGE,
        "3": IndicatorMeasure.UNIT,
        "4": IndicatorMeasure.UNIT,
        "5": IndicatorMeasure.QUALITATIVE,
    }
)

# --- RelatedActivityType (embedded): 1 Parent, 2 Child, 3 Sibling, 4 Co-funded, 5 Third Party ---

#: :class:`ProgrammeRelation` -> IATI RelatedActivityType. IATI has no "predecessor" or
#: "follow-up": they are published as 3 Sibling (same level, related), a lossy conversion.
RELATED_ACTIVITY_TYPE: Final[Mapping[ProgrammeRelation, str]] = _frozen(
    {
        ProgrammeRelation.PARENT: "1",
        ProgrammeRelation.PREDECESSOR: "3",
        ProgrammeRelation.FOLLOW_UP: "3",
        ProgrammeRelation.RELATED: "3",
    }
)

#: IATI RelatedActivityType -> :class:`ProgrammeRelation` (only a parent is kept exactly).
RELATED_ACTIVITY_TYPE_IMPORT: Final[Mapping[str, ProgrammeRelation]] = _frozen(
    {
        "1": ProgrammeRelation.PARENT,
        "2": ProgrammeRelation.RELATED,
        "3": ProgrammeRelation.RELATED,
        "4": ProgrammeRelation.RELATED,
        "5": ProgrammeRelation.RELATED,
    }
)

# --- DocumentCategory (embedded) and DescriptionType (non-embedded) ---

#: Category of a ``document-link`` written for a programme's source (a web page or report the
#: figures come from): A12 Activity web page.
SOURCE_DOCUMENT_CATEGORY: Final = "A12"

#: :class:`OutputKind` -> IATI DocumentCategory, for outputs published as documents.
OUTPUT_DOCUMENT_CATEGORY: Final[Mapping[OutputKind, str]] = _frozen(
    {
        OutputKind.HANDBOOK: "A08",
        OutputKind.METHODOLOGY: "A08",
        OutputKind.TRAINING_PROGRAMME: "A08",
        OutputKind.REPORT: "A08",
        OutputKind.EVALUATION_REPORT: "A07",
        OutputKind.GOOD_PRACTICE_COLLECTION: "A08",
        OutputKind.SERVICE_MODEL: "A08",
        OutputKind.BLOG: "A12",
        OutputKind.NEWSLETTER: "A12",
        OutputKind.PERIODICAL: "A08",
        OutputKind.WEBSITE: "A12",
        OutputKind.OTHER: "A08",
    }
)

#: What a ``description`` holds -> IATI DescriptionType.
DESCRIPTION_TYPE: Final[
    Mapping[Literal["general", "objectives", "target_groups", "other"], str]
] = _frozen({"general": "1", "objectives": "2", "target_groups": "3", "other": "4"})

# --- Sector, budget and transaction defaults ---

#: Default sector: OECD DAC CRS purpose code 16010 "Social protection" (vocabulary 1, 5-digit
#: DAC), the code for social welfare services and social-protection capacity. Overridable.
DEFAULT_SECTOR: Final = "16010"
#: Name of :data:`DEFAULT_SECTOR` in the DAC list.
DEFAULT_SECTOR_NAME: Final = "Social Protection"
#: SectorVocabulary 1: OECD DAC CRS purpose codes (5 digit).
DEFAULT_SECTOR_VOCABULARY: Final = "1"
#: BudgetType 1 Original.
BUDGET_TYPE_ORIGINAL: Final = "1"
#: BudgetStatus 1 Indicative: the per-year figures are apportioned, not stated by the source.
BUDGET_STATUS_INDICATIVE: Final = "1"
#: TransactionType 11 Incoming Commitment: a funder's commitment to the activity.
TRANSACTION_TYPE_INCOMING_COMMITMENT: Final = "11"

#: English names of funding instruments, for a funder known only by its instrument.
FUNDING_INSTRUMENT_NAME: Final[Mapping[FundingInstrument, str]] = _frozen(
    {
        FundingInstrument.ESF: "European Social Fund",
        FundingInstrument.ESF_PLUS: "European Social Fund Plus",
        FundingInstrument.ERDF: "European Regional Development Fund",
        FundingInstrument.EEA_GRANTS: "EEA Grants",
        FundingInstrument.NORWAY_GRANTS: "Norway Grants",
        FundingInstrument.SWISS_CONTRIBUTION: "Swiss Contribution",
        FundingInstrument.INTERNATIONAL_ORGANISATION: "International organisation",
        FundingInstrument.NATIONAL: "National budget",
        FundingInstrument.MUNICIPAL: "Municipal budget",
        FundingInstrument.PRIVATE: "Private funds",
        FundingInstrument.OTHER: "Other funding",
    }
)

# --- Organisation identifiers: OrganisationRegistrationAgency (org-id.guide prefixes) ---

#: Identifier scheme as capacitylib documents write it -> org-id.guide prefix (IATI
#: OrganisationRegistrationAgency). ``LT-JAR`` (Juridinių asmenų registras) is kept by the
#: Registrų centras, ``LT-RC``; the Latvian registration number (``LV-RN``) is the Register of
#: Enterprises', ``LV-RE``. Prefixes themselves map to themselves. A ``VAT`` number maps by
#: the organisation's country (:data:`VAT_PREFIX`).
ORGANISATION_ID_PREFIX: Final[Mapping[str, str]] = _frozen(
    {
        "LT-JAR": "LT-RC",
        "LT-RC": "LT-RC",
        "LT-PVM": "LT-PVM",
        "LV-RN": "LV-RE",
        "LV-UR": "LV-RE",
        "LV-RE": "LV-RE",
        "CZ-ICO": "CZ-ICO",
        "CZ-IČO": "CZ-ICO",
        "CZ-DIC": "CZ-DIC",
        "PL-KRS": "PL-KRS",
        "PL-REGON": "PL-REGON",
        "PL-NIP": "PL-NIP",
        "SK-ICO": "SK-ICO",
        "EE-RIK": "EE-RIK",
        "NO-BRC": "NO-BRC",
        "LEI": "XI-LEI",
        "XI-LEI": "XI-LEI",
        "DUNS": "XI-DUNS",
        "XI-DUNS": "XI-DUNS",
        "XI-IATI": "XI-IATI",
    }
)

#: Country -> org-id.guide prefix of its VAT (tax) register, for the scheme ``VAT``.
VAT_PREFIX: Final[Mapping[str, str]] = _frozen(
    {"LT": "LT-PVM", "CZ": "CZ-DIC", "PL": "PL-NIP", "EE": "EE-KMKR", "SI": "SI-TIN"}
)


def organisation_ref(scheme: str, value: str, *, country: str | None = None) -> str | None:
    """The IATI organisation identifier ``<prefix>-<value>``, or ``None`` for an unknown scheme.

    >>> organisation_ref("CZ-ICO", "72496991")
    'CZ-ICO-72496991'
    >>> organisation_ref("VAT", "100001234", country="LT"), organisation_ref("VAT", "1")
    ('LT-PVM-100001234', None)
    """
    prefix = ORGANISATION_ID_PREFIX.get(scheme.strip().upper())
    if prefix is None and scheme.strip().upper() == "VAT" and country is not None:
        prefix = VAT_PREFIX.get(country)
    return None if prefix is None else f"{prefix}-{value.strip()}"


# --- Language (ISO 639-1), Currency (ISO 4217), Country (ISO 3166-1 alpha-2) ---

#: ISO 4217 codes capacitylib accepts that the IATI Currency codelist (2.03) does not list:
#: fund and metal codes, and euro-area currencies withdrawn before IATI began (``DEM``,
#: ``SKK``, ...). They are written as stated, with a warning. Every other capacitylib currency,
#: and every capacitylib country, is on the IATI list as it is.
CURRENCIES_NOT_ON_IATI_LIST: Final[frozenset[str]] = frozenset(
    {
        "CHE", "CHW", "CYP", "DEM", "MTL", "SIT", "SKK", "UYW", "XAD", "XAG", "XAU", "XBA",
        "XBB", "XBC", "XBD", "XCG", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "ZWG",
    }
)  # fmt: skip


def iati_language(tag: str) -> tuple[str, bool]:
    """The ``xml:lang`` to write for a BCP 47 tag, and whether it is the tag unchanged.

    IATI's Language codelist is ISO 639-1 (two lower-case letters): ``pt-BR`` is written ``pt``
    (its region is lost); a tag without a two-letter primary language (``ltg``, Latgalian) is
    written as it is and is not on the codelist. Currencies and countries need no table:
    capacitylib's ISO 4217 and ISO 3166-1 codes are IATI's.

    >>> iati_language("lt"), iati_language("pt-BR"), iati_language("ltg")
    (('lt', True), ('pt', False), ('ltg', False))
    """
    primary = tag.split("-", 1)[0].lower()
    if len(primary) == 2:
        return primary, primary == tag
    return tag, False


def round_trips(forward: Mapping[_K, str], inverse: Mapping[str, _K], code: _K) -> bool:
    """Whether ``code`` survives export and import unchanged (no information lost).

    >>> round_trips(ORGANISATION_ROLE, ORGANISATION_ROLE_IMPORT, PartnerRole.FUNDER)
    True
    """
    return inverse.get(forward[code]) is code
