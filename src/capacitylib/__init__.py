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

from pydantic import ValidationError

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
from capacitylib.errors import FindingsError, Problem, format_path, problems_from_error
from capacitylib.io import (
    DocumentError,
    dump,
    dumps,
    example_paths,
    load,
    load_examples,
    loads,
    to_document,
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
    OperationalProgramme,
    Organisation,
    OrganisationIdentifier,
    Output,
    Participation,
    Partner,
    Programme,
    Session,
    Source,
    StatedDuration,
    StatedPeriod,
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

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "ActivityKind",
    "ActivityStatus",
    "Budget",
    "BudgetLine",
    "Contact",
    "CountryCode",
    "CurrencyCode",
    "CurrencyMismatchError",
    "DatePrecision",
    "DocumentError",
    "Estimate",
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
    "MissingExtraError",
    "Money",
    "OperationalProgramme",
    "Organisation",
    "OrganisationIdentifier",
    "OrganisationKind",
    "Output",
    "OutputKind",
    "PartialDate",
    "Participation",
    "Partner",
    "PartnerRole",
    "Period",
    "PeriodStatus",
    "Problem",
    "Programme",
    "ProgrammeCode",
    "ProgrammeCodeScheme",
    "ReachUnit",
    "RegionCategory",
    "Session",
    "Source",
    "StatedDuration",
    "StatedPeriod",
    "TargetGroup",
    "TimeUnit",
    "ValidationError",
    "__version__",
    "dump",
    "dumps",
    "example_paths",
    "format_path",
    "load",
    "load_examples",
    "loads",
    "problems_from_error",
    "to_document",
]
