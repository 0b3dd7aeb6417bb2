"""Budget figures: totals by source and their shares, partner totals, unit costs, year splits.

Each job has its module; their names are re-exported here (and from
:mod:`capacitylib.calculators`), so ``from capacitylib.calculators.budget import ...`` keeps
working:

* :mod:`~capacitylib.calculators.funding`: totals by source, funding shares, partner totals;
* :mod:`~capacitylib.calculators.unit_costs`: cost per participant, person, session, hour;
* :mod:`~capacitylib.calculators.allocation`: an amount split over calendar years;
* :mod:`~capacitylib.calculators.currency`: exchange-rate tables and conversion.

Amounts are exact :class:`~capacitylib.Money`; arithmetic refuses mixed currencies
(:class:`~capacitylib.CurrencyMismatchError`): convert first with :func:`convert` and a rate
table you supply (capacitylib never fetches rates). Shares and unit costs are divisions to 28
significant digits, half-even; round them for display
(:func:`~capacitylib.calculators.round_decimal`, :meth:`MoneyRange.rounded`).
"""

from __future__ import annotations

from capacitylib.calculators.allocation import allocate_by_year
from capacitylib.calculators.currency import FIXED_EURO_RATES, MissingRateError, RateTable, convert
from capacitylib.calculators.funding import (
    EU_SOURCES,
    OWN_SOURCES,
    PUBLIC_SOURCES,
    FundingShares,
    budget_total,
    funding_shares,
    partner_totals,
    source_amount,
    totals_by_source,
)
from capacitylib.calculators.unit_costs import (
    NON_TRAINING_COSTS,
    TRAINING_KINDS,
    MoneyRange,
    cost_per,
    cost_per_participant,
    cost_per_person_reached,
    cost_per_session,
    cost_per_training_hour,
)

__all__ = [
    "EU_SOURCES",
    "FIXED_EURO_RATES",
    "NON_TRAINING_COSTS",
    "OWN_SOURCES",
    "PUBLIC_SOURCES",
    "TRAINING_KINDS",
    "FundingShares",
    "MissingRateError",
    "MoneyRange",
    "RateTable",
    "allocate_by_year",
    "budget_total",
    "convert",
    "cost_per",
    "cost_per_participant",
    "cost_per_person_reached",
    "cost_per_session",
    "cost_per_training_hour",
    "funding_shares",
    "partner_totals",
    "source_amount",
    "totals_by_source",
]
