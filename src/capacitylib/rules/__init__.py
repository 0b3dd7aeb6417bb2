"""Domain rules: every finding in a valid programme at once, with stable codes.

Two levels of problems:

* **Structural**: the model cannot be built (wrong types or formats, an end before a start, a
  negative amount, a min above its max, an id that names nothing). ``Programme.model_validate``
  raises a ``ValidationError``; :func:`capacitylib.problems_from_error` lists its problems.
* **Findings**: the model is built, and :func:`check` reports what the domain's rules say about
  it (a date outside the programme period, sources that do not add up, a stated "6 months" that
  is 5 months 16 days). Findings are :class:`capacitylib.Problem` objects, like validation
  errors, with a ``severity``: ``error``, ``warning`` or ``info``.

Every code is in :data:`CATALOGUE`; tolerances are in :class:`RuleOptions`; the law that varies
by country or year is in :class:`capacitylib.reference.ReferenceTables`, overridable per call.

>>> import capacitylib
>>> from capacitylib.rules import check
>>> paths = {p.name: p for p in capacitylib.example_paths()}
>>> pilot = capacitylib.load(paths["lv-profesionals-socialais-darbs.json"])
>>> [(f.code, f.path) for f in check(pilot)]
[('duration_differs_from_stated', 'activities[0].stated_duration')]
"""

from __future__ import annotations

from capacitylib.rules._run import RULES, Finding, check, check_strict
from capacitylib.rules.catalogue import CATALOGUE, FAMILIES, STRUCTURAL_CODES, RuleInfo
from capacitylib.rules.options import RuleOptions

__all__ = [
    "CATALOGUE",
    "FAMILIES",
    "RULES",
    "STRUCTURAL_CODES",
    "Finding",
    "RuleInfo",
    "RuleOptions",
    "check",
    "check_strict",
]
