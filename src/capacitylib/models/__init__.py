"""Domain models: one module per domain object."""

from capacitylib.models._base import (
    CapacityModel,
    Frequency,
    Source,
    StatedDuration,
    StatedPeriod,
)
from capacitylib.models.activity import Activity, Output, Participation, Session
from capacitylib.models.breakdown import Breakdown, BreakdownPart
from capacitylib.models.budget import Budget, BudgetLine, FundingSource, UnitCost
from capacitylib.models.context import (
    Measure,
    PartnerGroup,
    RelatedProgramme,
    StatedCount,
    TargetGroupStatement,
)
from capacitylib.models.indicator import (
    Indicator,
    IndicatorActual,
    IndicatorPeriod,
    IndicatorTarget,
    IndicatorValue,
)
from capacitylib.models.organisation import Contact, Organisation, OrganisationIdentifier, Partner
from capacitylib.models.programme import Location, OperationalProgramme, Programme

__all__ = [
    "Activity",
    "Breakdown",
    "BreakdownPart",
    "Budget",
    "BudgetLine",
    "CapacityModel",
    "Contact",
    "Frequency",
    "FundingSource",
    "Indicator",
    "IndicatorActual",
    "IndicatorPeriod",
    "IndicatorTarget",
    "IndicatorValue",
    "Location",
    "Measure",
    "OperationalProgramme",
    "Organisation",
    "OrganisationIdentifier",
    "Output",
    "Participation",
    "Partner",
    "PartnerGroup",
    "Programme",
    "RelatedProgramme",
    "Session",
    "Source",
    "StatedCount",
    "StatedDuration",
    "StatedPeriod",
    "TargetGroupStatement",
    "UnitCost",
]
