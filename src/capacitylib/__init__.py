"""capacitylib: the typed data model for social-work capacity-building programmes.

Load a programme document, validate it, and calculate budget, duration, reach and training-hour
figures from it::

    >>> import capacitylib
    >>> path = capacitylib.example_paths()[0]
    >>> programme = capacitylib.load(path)
    >>> programme.title.best("en")
    'Developing and improving social work at the Labour Office in the Moravian-Silesian Region'
    >>> programme.period.days
    485
"""

import typing as _typing

from pydantic import ValidationError

from capacitylib._lazy import lazy_attributes as _lazy_attributes
from capacitylib._version import SCHEMA_VERSION, __version__
from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    DatePrecision,
    FundingInstrument,
    FundingSourceKind,
    HoursUnit,
    IndicatorKind,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    PeriodStatus,
    ProgrammeCodeScheme,
    ReachUnit,
    RegionCategory,
    TargetGroup,
    TimeUnit,
)
from capacitylib.errors import (
    CapacitylibError,
    FindingsError,
    Problem,
    format_path,
    problems_from_error,
)
from capacitylib.io import (
    DocumentError,
    Outcome,
    RecordError,
    dump,
    dumps,
    example_paths,
    gc_paused,
    iter_ndjson,
    json_line,
    load,
    load_examples,
    loads,
    read_ndjson,
    to_document,
    validate_record,
    validate_records,
    write_ndjson,
)
from capacitylib.io._extras import MissingExtraError
from capacitylib.models import (
    Activity,
    Budget,
    BudgetLine,
    Contact,
    Frequency,
    FundingSource,
    Indicator,
    IndicatorValue,
    Location,
    Measure,
    OperationalProgramme,
    Organisation,
    OrganisationIdentifier,
    Output,
    Participation,
    Partner,
    PartnerGroup,
    Programme,
    RelatedProgramme,
    Session,
    Source,
    StatedCount,
    StatedDuration,
    StatedPeriod,
    TargetGroupStatement,
    UnitCost,
)
from capacitylib.values import (
    CountryCode,
    CurrencyCode,
    CurrencyMismatchError,
    Estimate,
    Hours,
    LocalizedText,
    Money,
    PartialDate,
    Period,
    ProgrammeCode,
)

if _typing.TYPE_CHECKING:
    from capacitylib.calculators import ProgrammeReport, build_report, portfolio
    from capacitylib.io import (
        TableError,
        TableProblem,
        convert,
        from_dataframes,
        from_tables,
        read_tables,
        to_dataframes,
        to_tables,
        validate_paths,
        write_tables,
    )
    from capacitylib.quality import DatasetSummary, summarise
    from capacitylib.rules import CATALOGUE, Finding, RuleOptions, check, check_strict

# Names loaded on first use, so that ``import capacitylib`` stays cheap (rules and calculators
# are imported when a program first touches them).
_LAZY = {
    "CATALOGUE": "capacitylib.rules",
    "Finding": "capacitylib.rules",
    "RuleOptions": "capacitylib.rules",
    "check": "capacitylib.rules",
    "check_strict": "capacitylib.rules",
    "ProgrammeReport": "capacitylib.calculators",
    "build_report": "capacitylib.calculators",
    "portfolio": "capacitylib.calculators",
    "DatasetSummary": "capacitylib.quality",
    "summarise": "capacitylib.quality",
    **dict.fromkeys(
        (
            "TableError",
            "TableProblem",
            "convert",
            "from_dataframes",
            "from_tables",
            "read_tables",
            "to_dataframes",
            "to_tables",
            "validate_paths",
            "write_tables",
        ),
        "capacitylib.io",
    ),
}


__getattr__ = _lazy_attributes(__name__, _LAZY)


__all__ = [
    "CATALOGUE",
    "SCHEMA_VERSION",
    "Activity",
    "ActivityKind",
    "ActivityStatus",
    "Budget",
    "BudgetLine",
    "CapacitylibError",
    "Contact",
    "CountryCode",
    "CurrencyCode",
    "CurrencyMismatchError",
    "DatasetSummary",
    "DatePrecision",
    "DocumentError",
    "Estimate",
    "Finding",
    "FindingsError",
    "Frequency",
    "FundingInstrument",
    "FundingSource",
    "FundingSourceKind",
    "Hours",
    "HoursUnit",
    "Indicator",
    "IndicatorKind",
    "IndicatorValue",
    "LocalizedText",
    "Location",
    "Measure",
    "MissingExtraError",
    "Money",
    "OperationalProgramme",
    "Organisation",
    "OrganisationIdentifier",
    "OrganisationKind",
    "Outcome",
    "Output",
    "OutputKind",
    "PartialDate",
    "Participation",
    "Partner",
    "PartnerGroup",
    "PartnerRole",
    "Period",
    "PeriodStatus",
    "Problem",
    "Programme",
    "ProgrammeCode",
    "ProgrammeCodeScheme",
    "ProgrammeReport",
    "ReachUnit",
    "RecordError",
    "RegionCategory",
    "RelatedProgramme",
    "RuleOptions",
    "Session",
    "Source",
    "StatedCount",
    "StatedDuration",
    "StatedPeriod",
    "TableError",
    "TableProblem",
    "TargetGroup",
    "TargetGroupStatement",
    "TimeUnit",
    "UnitCost",
    "ValidationError",
    "__version__",
    "build_report",
    "check",
    "check_strict",
    "convert",
    "dump",
    "dumps",
    "example_paths",
    "format_path",
    "from_dataframes",
    "from_tables",
    "gc_paused",
    "iter_ndjson",
    "json_line",
    "load",
    "load_examples",
    "loads",
    "portfolio",
    "problems_from_error",
    "read_ndjson",
    "read_tables",
    "summarise",
    "to_dataframes",
    "to_document",
    "to_tables",
    "validate_paths",
    "validate_record",
    "validate_records",
    "write_ndjson",
    "write_tables",
]
