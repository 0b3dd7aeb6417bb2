"""Helpers of the IATI ruleset tests: a fixed "now", one-activity documents, one-rule rulesets."""

from __future__ import annotations

from datetime import UTC, datetime

from capacitylib.errors import Problem
from capacitylib.io.iati.ruleset import IatiRuleset, check_iati_rules

#: A fixed "now" for the date rules.
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

#: A budget from the first date to the second.
BUDGET = "<budget><period-start iso-date='{}'/><period-end iso-date='{}'/></budget>"


def activity(body: str = "", attributes: str = "") -> str:
    """One activity, identified XM-1, holding ``body``."""
    return (
        f"<iati-activities><iati-activity{attributes}><iati-identifier>XM-1</iati-identifier>"
        f"{body}</iati-activity></iati-activities>"
    )


def activities(*bodies: str) -> str:
    """Several activities, identified XM-1, XM-2, ..., holding the bodies."""
    items = "".join(
        f"<iati-activity><iati-identifier>XM-{n}</iati-identifier>{body}</iati-activity>"
        for n, body in enumerate(bodies, start=1)
    )
    return f"<iati-activities>{items}</iati-activities>"


def rule(name: str, *cases: dict, context: str = "//iati-activity") -> dict:
    """A ruleset of one rule under one context."""
    return {context: {name: {"cases": list(cases)}}}


def run(ruleset: dict | IatiRuleset, xml: str, **options) -> list[Problem]:
    """The problems of ``ruleset`` in the XML text, judged at :data:`NOW`."""
    return check_iati_rules(xml.encode(), ruleset=ruleset, now=NOW, **options)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]
