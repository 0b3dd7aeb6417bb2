"""The budget calculators, one job a module, still importable from where they always were."""

import importlib
from pathlib import Path

import pytest

from capacitylib import calculators
from capacitylib.calculators import budget

MODULES = ["funding", "unit_costs", "allocation", "currency"]


@pytest.mark.parametrize("name", budget.__all__)
def test_every_budget_name_is_the_same_object_wherever_imported(name):
    """A name from calculators.budget is the one its own module defines (and calculators')."""
    value = getattr(budget, name)
    homes = [
        m for m in MODULES if name in importlib.import_module(f"{budget.__package__}.{m}").__all__
    ]
    assert len(homes) == 1, homes
    assert getattr(importlib.import_module(f"capacitylib.calculators.{homes[0]}"), name) is value
    if name in calculators.__all__:
        assert getattr(calculators, name) is value


@pytest.mark.parametrize("name", MODULES)
def test_each_module_has_one_job_and_stays_short(name):
    """Each module is under the house limit of about 400 lines."""
    module = importlib.import_module(f"capacitylib.calculators.{name}")
    assert module.__file__ is not None
    assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) < 400


def test_the_old_module_names_every_name_it_had():
    """Everything calculators.budget exported before the split is still there."""
    before = {
        "EU_SOURCES", "FIXED_EURO_RATES", "NON_TRAINING_COSTS", "OWN_SOURCES", "PUBLIC_SOURCES",
        "TRAINING_KINDS", "FundingShares", "MissingRateError", "MoneyRange", "RateTable",
        "allocate_by_year", "budget_total", "convert", "cost_per", "cost_per_participant",
        "cost_per_person_reached", "cost_per_session", "cost_per_training_hour",
        "funding_shares", "partner_totals", "source_amount", "totals_by_source",
    }  # fmt: skip
    assert before <= set(budget.__all__) and all(hasattr(budget, n) for n in before)
