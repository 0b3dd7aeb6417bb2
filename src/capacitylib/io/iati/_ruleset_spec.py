"""The vocabulary of an IATI ruleset: the rule types, the keys of their cases, what each means.

``SPEC.rst`` (IATI-Rulesets, "JS edition") defines each rule type and its keys; a case is read
into a :class:`CaseSpec` (pydantic: a key of the wrong type is a problem at its place) after
:data:`RULE_KEYS` has checked it has the keys its rule needs and no others.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: The longest a ``time_limit`` period may be: ``end - start`` in days, as the IATI Validator
#: computes it (so any calendar year passes, leap or not: 1 January to 31 December).
MAX_PERIOD_DAYS = 365

#: The ``date_order`` values that stand for the current date (the ruleset's ``NOW``; ``TODAY``
#: was the Python edition's word).
NOW_WORDS = frozenset({"NOW", "TODAY"})

#: The ``startswith`` prefix that stands for the organisation registration agency codes.
ORG_ID_PREFIX = "ORG-ID-PREFIX"


class LinkSpec(BaseModel):
    """Where a rule's guidance lives: a full ``url``, or a ``path`` under the standard's pages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str | None = None
    path: str | None = None


class RuleInfoSpec(BaseModel):
    """A case's ``ruleInfo``: the rule's identifier (``"7.5.3"``), severity, category, message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    severity: Literal["critical", "error", "warning", "info"] | None = None
    category: str | None = None
    message: str | None = None
    link: LinkSpec | None = None


class CaseSpec(BaseModel):
    """One case of a rule, with the keys of ``SPEC.rst`` (a rule type's keys: :data:`RULE_KEYS`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    condition: str | None = None
    id_condition: Literal["NOT_EXISTING_ORG_ID", "NOT_EXISTING_ORG_ID_PREFIX"] | None = Field(
        default=None, alias="idCondition"
    )
    paths: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    less: str | None = None
    more: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    one: str | None = None
    all: Literal["lang", "sector", "currency", "recipient-country|recipient-region"] | None = None
    regex: str | None = None
    separator: str | None = None
    sum: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    if_: str | None = Field(default=None, alias="if")
    then: str | None = None
    foreach: str | None = None
    do: dict[str, Any] | None = None
    subs: tuple[str, ...] = ()
    rule_info: RuleInfoSpec | None = Field(default=None, alias="ruleInfo")

    @field_validator("prefix", mode="before")
    @classmethod
    def _one_prefix(cls, value: Any) -> Any:
        # The validator takes "prefix": "ORG-ID-PREFIX" as well as a list of one.
        return (value,) if isinstance(value, str) else value


_ANY = frozenset({"condition", "ruleInfo"})
_PATHS = _ANY | {"paths", "idCondition"}

#: For each rule type (its ``SPEC.rst`` name): the keys a case must have and the keys it may have.
RULE_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "no_more_than_one": (frozenset({"paths"}), _PATHS),
    "atleast_one": (frozenset({"paths"}), _PATHS),
    "only_one_of": (frozenset({"excluded", "paths"}), _PATHS | {"excluded"}),
    "one_or_all": (frozenset({"one", "all"}), _ANY | {"one", "all"}),
    "dependent": (frozenset({"paths"}), _PATHS),
    "sum": (frozenset({"paths", "sum"}), _PATHS | {"sum"}),
    "date_order": (frozenset({"less", "more"}), _ANY | {"less", "more"}),
    "date_now": (frozenset({"date"}), _ANY | {"date"}),
    "time_limit": (frozenset({"start", "end"}), _ANY | {"start", "end"}),
    "between_dates": (frozenset({"date", "start", "end"}), _ANY | {"date", "start", "end"}),
    "regex_matches": (frozenset({"paths", "regex"}), _PATHS | {"regex"}),
    "regex_no_matches": (frozenset({"paths", "regex"}), _PATHS | {"regex"}),
    "startswith": (frozenset({"paths"}), _PATHS | {"prefix", "start", "separator"}),
    "unique": (frozenset({"paths"}), _PATHS),
    "if_then": (frozenset({"if", "then"}), _PATHS | {"if", "then"}),
    "loop": (frozenset({"foreach", "do"}), _ANY | {"foreach", "do", "subs"}),
    "strict_sum": (frozenset({"paths", "sum"}), _PATHS | {"sum"}),
    "range": (frozenset({"paths"}), _PATHS | {"min", "max"}),
    "no_spaces": (frozenset({"paths"}), _PATHS),
}

#: The keys whose values are XPath expressions (one, or a list of them).
XPATH_KEYS = (
    "condition",
    "paths",
    "excluded",
    "prefix",
    "less",
    "more",
    "date",
    "start",
    "end",
    "one",
    "if",
    "then",
    "foreach",
)

#: ``one_or_all``'s ``all`` words: when ``one`` is absent, every node the first XPath selects
#: must have what the second selects (the last two say it in words).
ONE_OR_ALL: dict[str, tuple[str, str, str, str]] = {
    "lang": ("descendant::narrative", "@xml:lang", "narrative", "xml:lang"),
    "sector": ("transaction", "sector", "transaction", "a sector"),
    "currency": (
        "descendant::value | descendant::forecast | descendant::loan-status",
        "@currency",
        "value, forecast and loan-status",
        "a currency",
    ),
    "recipient-country|recipient-region": (
        "transaction",
        "recipient-country | recipient-region",
        "transaction",
        "a recipient country or region",
    ),
}


def describe(rule: str, case: CaseSpec) -> str:
    """What a case requires, in words, for cases without a ``ruleInfo`` message.

    >>> describe("atleast_one", CaseSpec.model_validate({"paths": ["title"]}))
    'at least one title must exist'
    """
    paths = " or ".join(case.paths) or "(no paths)"
    _, _, nodes, has = ONE_OR_ALL.get(case.all or "", ("", "", "node", case.all))
    texts = {
        "no_more_than_one": f"no more than one {paths} may exist",
        "atleast_one": f"at least one {paths} must exist",
        "only_one_of": f"{paths} must not exist beside {' or '.join(case.excluded)}, "
        "else exactly one must",
        "one_or_all": f"{case.one} must exist, or else every {nodes} must have {has}",
        "dependent": f"if one of {', '.join(case.paths)} exists, all must",
        "sum": f"the values of {paths} must add up to {case.sum}",
        "strict_sum": f"the values of {paths} must add up to {case.sum}",
        "date_order": f"{case.less} must not be after {case.more}",
        "date_now": f"{case.date} must not be in the future",
        "time_limit": f"{case.start} to {case.end} must not be longer than a year "
        f"({MAX_PERIOD_DAYS} days)",
        "between_dates": f"{case.date} must be within {case.start} to {case.end}",
        "regex_matches": f"{paths} must match {case.regex}",
        "regex_no_matches": f"{paths} must not match {case.regex}",
        "startswith": f"{paths} must start with {' or '.join(case.prefix or (case.start or '',))}"
        + (f" and {case.separator!r}" if case.separator else ""),
        "unique": f"the values of {paths} must be unique",
        "if_then": f"if {case.if_}, then {case.then}",
        "range": f"{paths} must be within {case.min} to {case.max}",
        "no_spaces": f"{paths} must not start or end with spaces or newlines",
    }
    return texts.get(rule, rule)
