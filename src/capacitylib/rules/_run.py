"""How the rules run: every family in order, in the rules' own decimal context.

:mod:`capacitylib.rules` re-exports :func:`check`, :func:`check_strict` and :data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import localcontext

from capacitylib.errors import FindingsError, Problem
from capacitylib.models import Programme
from capacitylib.reference import ReferenceTables
from capacitylib.rules._context import DECIMALS, Context
from capacitylib.rules.breakdowns import check_breakdowns
from capacitylib.rules.budget import check_budget
from capacitylib.rules.catalogue import CATALOGUE
from capacitylib.rules.codes import check_codes
from capacitylib.rules.common_indicators import check_common_indicators
from capacitylib.rules.counts import check_counts
from capacitylib.rules.durations import check_durations
from capacitylib.rules.extensions import check_extensions
from capacitylib.rules.indicators import check_indicators
from capacitylib.rules.options import RuleOptions
from capacitylib.rules.periods import check_periods
from capacitylib.rules.personal_data import check_personal_data
from capacitylib.rules.references import check_references
from capacitylib.rules.results import check_results
from capacitylib.rules.training import check_training

#: A finding is a :class:`capacitylib.Problem` (code, severity, path, message, value, values).
Finding = Problem

Rule = Callable[[Programme, Context], Iterator[Problem]]

#: The rule families in the order they run, by the family name the catalogue uses.
RULES: dict[str, Rule] = {
    "periods": check_periods,
    "durations": check_durations,
    "budget": check_budget,
    "counts": check_counts,
    "indicators": check_indicators,
    "results": check_results,
    "breakdowns": check_breakdowns,
    "common_indicators": check_common_indicators,
    "codes": check_codes,
    "training": check_training,
    "references": check_references,
    "personal_data": check_personal_data,
    "extensions": check_extensions,
}

_DEFAULT_OPTIONS = RuleOptions()

#: The codes of each family: a family whose every code is disabled does not run at all.
_FAMILY_CODES: dict[str, frozenset[str]] = {
    family: frozenset(code for code, info in CATALOGUE.items() if info.family == family)
    for family in RULES
}


def check(
    programme: Programme,
    *,
    as_of: date | None = None,
    tables: ReferenceTables | None = None,
    options: RuleOptions | None = None,
) -> list[Finding]:
    """Every finding of the domain rules in ``programme``, in a stable order.

    Never raises on a valid programme: a rule that lacks the data it needs stays silent. The
    rules compute in their own decimal context (100 digits, the widest exponents), so figures
    at the limits of the models (10^18, 10^-1000000) and the caller's ``decimal`` context do
    not change the findings.

    Args:
        programme: A validated programme.
        as_of: The check date for "an actual dated in the future" (default: today).
        tables: Reference tables (CPD minimums, academic-hour lengths, co-financing ceilings);
            default :meth:`ReferenceTables.default`.
        options: Tolerances, severity overrides and disabled codes; default
            :class:`RuleOptions` ``()``. A family whose every code is disabled is not run
            (disable the ``personal_data_*`` codes to skip the scan of every text).

    Returns:
        The findings, family by family (``FAMILIES``: periods, durations, budget, counts,
        indicators, results, breakdowns, ..., references, personal_data, extensions) and in
        document order within a family.
    """
    if not isinstance(programme, Programme):
        raise TypeError(f"check() needs a Programme, not {type(programme).__name__}")
    options = options or _DEFAULT_OPTIONS
    ctx = Context.build(
        programme,
        options,
        tables or ReferenceTables.default(),
        as_of or date.today(),
    )
    overrides, disabled = options.severity_overrides, options.disabled
    findings: list[Finding] = []
    with localcontext(DECIMALS):
        for family, rule in RULES.items():
            codes = _FAMILY_CODES.get(family) if disabled else None
            if codes and codes <= disabled:
                continue  # every code of the family is disabled: its walk is not needed
            for found in rule(programme, ctx):
                if found.code in disabled:
                    continue
                severity = overrides.get(found.code)
                findings.append(found if severity is None else replace(found, severity=severity))
    return findings


def check_strict(
    programme: Programme,
    *,
    as_of: date | None = None,
    tables: ReferenceTables | None = None,
    options: RuleOptions | None = None,
) -> list[Finding]:
    """Like :func:`check`, but raise when any finding is an error, for strict pipelines.

    Raises:
        FindingsError: the error-level findings (``.problems``); warnings and info never raise.
    """
    findings = check(programme, as_of=as_of, tables=tables, options=options)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise FindingsError(errors)
    return findings
