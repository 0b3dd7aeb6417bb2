"""Running a read ruleset over one tree: each case on each context element, findings ordered.

A finding becomes a :class:`~capacitylib.errors.Problem` here: its code, the rule's severity,
the XPath and line of the node it points at, the activity's identifier and the guidance link.
A broken XPath or a case that cannot run is noted once per check, however many elements meet it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from capacitylib.errors import Loc, Problem, Severity
from capacitylib.io._extras import require
from capacitylib.io.iati import _rule_types as rt
from capacitylib.io.iati._ruleset_reader import FIELD_NAMES, LOOP_SLOT, RuleCase, xpath_problem
from capacitylib.io.iati._ruleset_spec import ORG_ID_PREFIX, CaseSpec, RuleInfoSpec, describe

#: The base of a ``ruleInfo.link.path``: the IATI Standard 2.03 reference pages.
GUIDANCE_BASE = "https://iatistandard.org/en/iati-standard/203/"

_SEVERITIES: dict[str, Severity] = {
    "critical": "error",
    "error": "error",
    "warning": "warning",
    "info": "info",
}

#: Most loop cases kept for the values met (the values come from the files checked).
_MAX_LOOP_CASES = 10_000


@dataclass(slots=True)
class Cache:
    """What checks with one ruleset share: compiled XPaths, a loop's cases for each value."""

    xpaths: dict[str, Any] = field(default_factory=dict)
    loops: dict[tuple[Any, str], RuleCase] = field(default_factory=dict)


class Runner:
    """One check of one tree: evaluates the cases, collects and orders the problems."""

    def __init__(
        self,
        tree: Any,
        *,
        cache: Cache,
        now: datetime,
        org_ids: frozenset[str],
        org_id_prefixes: frozenset[str] | None,
    ):
        self.etree = require("lxml.etree", extra="iati", package="lxml")
        self.tree = tree
        self.now = now
        self.org_ids = org_ids
        self.prefixes = org_id_prefixes
        # Findings are ordered by activity: the position of each child of the root.
        self.order = {child: index for index, child in enumerate(tree.getroot())}
        self.compiled = cache.xpaths
        self.loops = cache.loops
        self.identifiers: dict[Any, str | None] = {}
        self.notes: list[Problem] = []  # once per check: skipped cases, broken XPaths
        self.noted: set[tuple[str, str]] = set()
        self.found: list[tuple[int, int, Problem]] = []

    def run(self, cases: tuple[RuleCase, ...]) -> list[Problem]:
        for context, group in itertools.groupby(cases, key=lambda case: case.context):
            group_cases = list(group)
            for element in self._contexts(context, group_cases[0]):
                for case in group_cases:
                    self._check(case, element, loop_value=None)
        self.found.sort(key=lambda found: found[:2])
        return [*self.notes, *(problem for _, _, problem in self.found)]

    def evaluate(self, expression: str, element: Any) -> Any:
        """The result of ``expression`` on ``element``, compiled once per ruleset and thread."""
        try:
            compiled = self.compiled.get(expression)
            if compiled is None:
                compiled = self.compiled[expression] = self.etree.XPath(expression)
            return compiled(element)
        except self.etree.XPathError as exc:
            raise rt.XPathEvaluationError(expression, str(exc)) from None

    def _contexts(self, context: str, case: RuleCase) -> list[Any]:
        try:
            selected = self.evaluate(context, self.tree)
        except rt.XPathEvaluationError as exc:  # pragma: no cover - the reader evaluated it
            self._note_xpath(case.location[:1], context, str(exc))
            return []
        if not isinstance(selected, list):
            self._note_xpath(case.location[:1], context, f"it gives {selected!r}, not elements")
            return []
        return [node for node in selected if isinstance(node, self.etree._Element)]

    def _check(self, case: RuleCase, element: Any, *, loop_value: str | None) -> None:
        spec = case.spec
        scope = rt.Scope(element, self.evaluate, self.now, self.prefixes or frozenset())
        try:
            if spec.condition is not None and not scope.truth(spec.condition):
                return
            if case.rule == "loop":
                self._loop(case, scope)
                return
            if ORG_ID_PREFIX in spec.prefix and self.prefixes is None:
                self._note_skipped(case)
                return
            if spec.id_condition is not None and not self._id_condition(spec, scope):
                return
            for finding in rt.RULES[case.rule](scope, spec):
                self._found(case, element, finding, loop_value)
        except rt.XPathEvaluationError as exc:
            self._note_xpath(case.location, exc.expression, str(exc))

    def _loop(self, case: RuleCase, scope: rt.Scope) -> None:
        values = dict.fromkeys(rt.text_of(node) for node in scope.nodes(case.spec.foreach or ""))
        for inner in case.inner:
            for value in values:
                if "'" in value or '"' in value:
                    detail = f"got the loop value {value!r}, which holds a quote"
                    finding = rt.Finding(detail, value, None, invalid=True)
                    self._found(inner, scope.element, finding, value)
                    continue
                key = (inner.location, value)
                substituted = self.loops.get(key)
                if substituted is None:
                    if len(self.loops) > _MAX_LOOP_CASES:  # values come from the files
                        self.loops.clear()
                    substituted = self.loops[key] = _substituted(inner, case.spec.subs, value)
                self._check(substituted, scope.element, loop_value=value)

    def _id_condition(self, spec: CaseSpec, scope: rt.Scope) -> bool:
        texts = [rt.text_of(node) for node in scope.matches(spec.paths)]
        if spec.id_condition == "NOT_EXISTING_ORG_ID":
            return not any(text in self.org_ids for text in texts)
        return not any(text.startswith(org + "-") for text in texts for org in self.org_ids)

    def _found(
        self, case: RuleCase, element: Any, finding: rt.Finding, loop_value: str | None
    ) -> None:
        spec, info = case.spec, case.spec.rule_info
        node = element if finding.node is None else finding.node
        rule_id = info.id if info else None
        label = f"IATI rule {rule_id} ({case.rule})" if rule_id else f"IATI rule {case.rule}"
        what = info.message if info and info.message else describe(case.rule, spec)
        values = {
            "rule": case.rule,
            "rule_id": rule_id,
            "category": info.category if info else None,
            "context": case.context,
            "ruleset_path": case.where,
            "identifier": self._identifier(element),
            "line": _line(node),
            "link": _link(info),
        }
        if loop_value is not None:
            values["loop_value"] = loop_value
        severity = _SEVERITIES[info.severity] if info and info.severity else "error"
        path = _node_path(self.tree, node)
        if finding.invalid:
            code = "iati_rule_value_invalid"
            message = f"{label} cannot be checked: {finding.detail} ({what})"
        else:
            code = "iati_rule_failed"
            message = f"{label}: {what} ({finding.detail})"
        problem = Problem(
            code=code,
            path=path,
            message=message,
            severity=severity,
            value=finding.value,
            values=values,
        )
        self.found.append((self._position(element), len(self.found), problem))

    def _identifier(self, element: Any) -> str | None:
        if element not in self.identifiers:
            self.identifiers[element] = _find_identifier(element)
        return self.identifiers[element]

    def _position(self, element: Any) -> int:
        top = element
        for ancestor in element.iterancestors():
            if ancestor.getparent() is None:
                break
            top = ancestor
        return self.order.get(top, -1)

    def _note_xpath(self, location: Loc, expression: str, why: str) -> None:
        problem = xpath_problem(location, expression, why)
        if (problem.path, expression) not in self.noted:
            self.noted.add((problem.path, expression))
            self.notes.append(problem)

    def _note_skipped(self, case: RuleCase) -> None:
        if (case.where, "skipped") in self.noted:
            return
        self.noted.add((case.where, "skipped"))
        info = case.spec.rule_info
        rule_id = f"{info.id} " if info and info.id else ""
        self.notes.append(
            Problem(
                code="iati_rule_skipped",
                path=case.where,
                message=f"IATI rule {rule_id}({case.rule}) is not checked: it needs the "
                "organisation registration agency codes (ORG-ID-PREFIX); give them as "
                "org_id_prefixes (the codes of the OrganisationRegistrationAgency codelist)",
                severity="info",
                value=ORG_ID_PREFIX,
                values={"rule": case.rule, "rule_id": info.id if info else None},
            )
        )


def _substituted(case: RuleCase, subs: tuple[str, ...], value: str) -> RuleCase:
    """``case`` with ``value`` (holding no quote) in place of ``$1`` in the keys ``subs`` names."""
    update: dict[str, Any] = {}

    def put(text: str) -> str:
        return LOOP_SLOT.sub(lambda _: value, text)  # a function: "\\1" in a value stays text

    for key in subs:
        name = FIELD_NAMES.get(key, key)
        current = getattr(case.spec, name, None)
        if isinstance(current, str):
            update[name] = put(current)
        elif isinstance(current, tuple):
            update[name] = tuple(put(item) for item in current)
    return RuleCase(case.context, case.rule, case.spec.model_copy(update=update), case.location)


def _find_identifier(element: Any) -> str | None:
    """The ``iati-identifier`` (or ``organisation-identifier``) of the element's activity."""
    for candidate in itertools.chain((element,), element.iterancestors()):
        if candidate.tag == "iati-activity":
            return (candidate.findtext("iati-identifier") or "").strip() or None
        if candidate.tag == "iati-organisation":
            return (candidate.findtext("organisation-identifier") or "").strip() or None
    return None


def _owner(node: Any) -> Any:
    """The element a node belongs to (an attribute's or a text's element)."""
    if isinstance(node, str):
        getparent = getattr(node, "getparent", None)  # lxml's "smart" strings have one
        parent = getparent() if getparent is not None else None
        if getattr(node, "is_tail", False) and parent is not None:
            return parent.getparent()
        return parent
    return node


def _node_path(tree: Any, node: Any) -> str:
    """``/iati-activities/iati-activity[2]/budget[1]``, ``.../@percentage`` or ``.../text()``."""
    owner = _owner(node)
    if owner is None:
        return ""
    path = str(tree.getpath(owner))
    if isinstance(node, str):
        return f"{path}/{rt.node_name(node)}"
    return path


def _line(node: Any) -> int | None:
    owner = _owner(node)
    return getattr(owner, "sourceline", None) if owner is not None else None


def _link(info: RuleInfoSpec | None) -> str | None:
    if info is None or info.link is None:
        return None
    if info.link.url:
        return info.link.url
    return GUIDANCE_BASE + info.link.path if info.link.path else None
