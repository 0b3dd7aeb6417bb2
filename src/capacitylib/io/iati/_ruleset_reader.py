"""Reading a ruleset JSON: its structure, its keys, its XPaths and regexes, checked once.

Every mistake in the ruleset is a :class:`~capacitylib.errors.Problem` at its place in the JSON
(``/iati-activities/iati-activity.date_order.cases[2].less``); the case it spoils is left out
and the others run. An unknown rule type is reported once, however often it appears.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from capacitylib.errors import Loc, Problem, format_path
from capacitylib.io._extras import require
from capacitylib.io.iati._ruleset_spec import RULE_KEYS, XPATH_KEYS, CaseSpec

#: Largest ruleset file read, in bytes (``standard.json`` is about 80 kB).
MAX_RULESET_BYTES = 16_000_000

# SPEC.rst: the JS validator takes each rule's name in snake or in camel case.
CAMEL_NAMES = {
    "noMoreThanOne": "no_more_than_one",
    "atLeastOne": "atleast_one",
    "onlyOneOf": "only_one_of",
    "oneOrAll": "one_or_all",
    "dateOrder": "date_order",
    "dateNow": "date_now",
    "timeLimit": "time_limit",
    "betweenDates": "between_dates",
    "regexMatches": "regex_matches",
    "regexNoMatches": "regex_no_matches",
    "startsWith": "startswith",
    "ifThen": "if_then",
    "strictSum": "strict_sum",
    "noSpaces": "no_spaces",
}

#: A loop's ``$1``, the place of the value ``foreach`` selects (``$10`` is no ``$1``).
LOOP_SLOT = re.compile(r"\$1(?!\d)")

#: The JSON keys whose names are not the :class:`~._rule_types.CaseSpec` field names.
FIELD_NAMES = {"if": "if_", "ruleInfo": "rule_info", "idCondition": "id_condition"}

#: A loop's ``subs`` (the keys whose ``$1`` takes each value), or ``None`` outside a loop.
Subs = tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class RuleCase:
    """One case of one rule under one context, as read from the ruleset."""

    context: str
    rule: str
    spec: CaseSpec
    location: Loc
    inner: tuple[RuleCase, ...] = ()  # a loop's cases, their "$1" still in place

    @property
    def where(self) -> str:
        """The case's place in the ruleset JSON."""
        return format_path(self.location)


def read_json(path: Path) -> Any:
    """The parsed JSON of ``path`` (numbers with a fraction as ``Decimal``), or the problem."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_RULESET_BYTES + 1)
    except OSError as exc:
        why = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        return _invalid((), f"the ruleset {str(path)!r} cannot be read ({why})", str(path))
    if len(data) > MAX_RULESET_BYTES:
        return _invalid((), f"the ruleset is above {MAX_RULESET_BYTES:,} bytes; not read", None)
    try:
        return json.loads(data.decode("utf-8"), parse_float=Decimal, object_pairs_hook=_pairs)
    except UnicodeDecodeError as exc:
        return _invalid((), f"the ruleset is not UTF-8 (byte {exc.start})", None)
    except _DuplicateKeyError as exc:
        return _invalid((), f"the key {exc.key!r} appears twice in one object", exc.key)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        return _invalid((), f"the ruleset is not JSON ({where}: {exc.msg})", None)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str):
        self.key = key
        super().__init__(key)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A second context or rule of one name would silently replace the first.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _invalid(location: Loc, message: str, value: Any) -> Problem:
    return Problem(
        code="iati_ruleset_invalid",
        path=format_path(location),
        message=message,
        value=value,
        values={"ruleset_path": format_path(location)},
    )


class Reader:
    """Reads a parsed ruleset into :class:`RuleCase` s, collecting its problems."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._etree = require("lxml.etree", extra="iati", package="lxml")
        # An empty document to evaluate each XPath on once: lxml finds an unknown function or
        # variable only when it evaluates.
        self._probe = self._etree.fromstring("<iati-activities><iati-activity/></iati-activities>")
        self._unknown: dict[str, list[str]] = {}

    def read(self, data: Any) -> list[RuleCase]:
        """The cases of ``data`` that can run, in the ruleset's order."""
        if not isinstance(data, dict):
            self.problems.append(_invalid((), "a ruleset is a JSON object of contexts", None))
            return []
        cases: list[RuleCase] = []
        for context, rules in data.items():
            if not isinstance(rules, dict):
                self.problems.append(
                    _invalid((context,), "a context holds an object of rules", rules)
                )
            elif self._xpath_ok(context, (context,), self._probe.getroottree()):
                for name, block in rules.items():
                    cases += self._block(context, name, block, (context, name), subs=None)
        for name, places in self._unknown.items():
            self.problems.append(
                Problem(
                    code="iati_rule_unknown",
                    path=places[0],
                    message=f"unknown rule type {name!r}: not checked (in {len(places)} "
                    f"place(s); the known ones: {', '.join(RULE_KEYS)})",
                    severity="warning",
                    value=name,
                    values={"rule": name, "ruleset_paths": places},
                )
            )
        return cases

    def _block(
        self, context: str, name: str, block: Any, location: Loc, *, subs: Subs
    ) -> list[RuleCase]:
        rule = CAMEL_NAMES.get(name, name)
        if rule not in RULE_KEYS or (subs is not None and rule == "loop"):
            self._unknown.setdefault(name, []).append(format_path(location))
            return []
        if not isinstance(block, dict) or not isinstance(block.get("cases"), list):
            self.problems.append(_invalid(location, 'a rule holds {"cases": [...]}', block))
            return []
        for key in block.keys() - {"cases"}:
            self.problems.append(
                _invalid((*location, key), f"{key!r} is not a key of a rule (only 'cases')", key)
            )
        found = []
        for index, case in enumerate(block["cases"]):
            read = self._case(context, rule, case, (*location, "cases", index), subs=subs)
            if read is not None:
                found.append(read)
        return found

    def _case(
        self, context: str, rule: str, case: Any, location: Loc, *, subs: Subs
    ) -> RuleCase | None:
        if not isinstance(case, dict):
            self.problems.append(_invalid(location, "a case is a JSON object", case))
            return None
        required, allowed = RULE_KEYS[rule]
        wrong = [f"{key!r} is required" for key in sorted(required - case.keys())]
        wrong += [f"{key!r} is not a key of {rule}" for key in sorted(case.keys() - allowed)]
        if rule == "startswith" and not case.keys() & {"prefix", "start"}:
            wrong.append("'prefix' (or 'start') is required")
        if wrong:
            self.problems.append(_invalid(location, "; ".join(wrong) + f" (a {rule} case)", None))
            return None
        try:
            spec = CaseSpec.model_validate(case)
        except ValidationError as error:
            for err in error.errors(include_url=False):
                where = (*location, *err["loc"])
                self.problems.append(_invalid(where, err["msg"], err.get("input")))
            return None
        ok = self._regex_ok(spec, location) & self._xpaths_ok(case, location, subs)
        inner: list[RuleCase] = []
        for name, block in (spec.do or {}).items():
            where = (*location, "do", name)
            inner += self._block(context, name, block, where, subs=spec.subs)
        return RuleCase(context, rule, spec, location, tuple(inner)) if ok else None

    def _regex_ok(self, spec: CaseSpec, location: Loc) -> bool:
        if spec.regex is None:
            return True
        try:
            re.compile(spec.regex)
        except re.error as exc:
            self.problems.append(
                _invalid((*location, "regex"), f"not a regular expression ({exc})", spec.regex)
            )
            return False
        return True

    def _xpaths_ok(self, case: dict[str, Any], location: Loc, subs: Subs) -> bool:
        # Every XPath is compiled and evaluated once now (NOW and ORG-ID-PREFIX are XPath
        # names too, so they pass). In a loop, the keys in `subs` get a sample value for "$1".
        ok = True
        for key in XPATH_KEYS:
            value = case.get(key)
            if value is None:
                continue
            values = [value] if isinstance(value, str) else value
            for index, expression in enumerate(values):
                if subs is not None and key in subs:
                    expression = LOOP_SLOT.sub("1", expression)  # noqa: PLW2901
                where = (*location, key) if isinstance(value, str) else (*location, key, index)
                ok &= self._xpath_ok(expression, where, self._probe[0])
        return ok

    def _xpath_ok(self, expression: str, location: Loc, probe: Any) -> bool:
        try:
            self._etree.XPath(expression)(probe)
        except self._etree.XPathError as exc:
            self.problems.append(xpath_problem(location, expression, str(exc)))
            return False
        return True


def xpath_problem(location: Loc, expression: str, why: str) -> Problem:
    """An XPath of the ruleset that lxml cannot compile or evaluate (``why``: lxml's words)."""
    return Problem(
        code="iati_rule_xpath_invalid",
        path=format_path(location),
        message=f"XPath {expression!r} cannot be used: {why}; the case is not checked",
        value=expression,
        values={"ruleset_path": format_path(location)},
    )
