"""The implementation of :mod:`capacitylib.calculators.results` (import from there)."""
