"""The IATI Standard ruleset: run a ruleset JSON over IATI activity (or organisation) XML.

A ruleset (IATI-Rulesets' ``rulesets/standard.json``; its ``SPEC.rst`` defines the rule types)
maps context XPaths to rules, and each rule to cases::

    {"/iati-activities/iati-activity/budget": {"time_limit": {"cases": [
        {"start": "period-start/@iso-date", "end": "period-end/@iso-date",
         "ruleInfo": {"id": "7.5.3", "severity": "error", "message": "..."}}]}}}

Every element a context selects is checked against each of its cases. Every failure is a
:class:`~capacitylib.errors.Problem` ``iati_rule_failed`` naming the ruleset's own rule (its type,
and its ``ruleInfo`` id and message), the XPath of the element and its line, and the
``iati-identifier`` of its activity, with the severity the rule gives (``critical`` is an error;
a case without ``ruleInfo`` is an error). A date or number a rule cannot read is
``iati_rule_value_invalid`` instead. No ruleset ships with capacitylib: give the path of
``standard.json`` or of your own.

A ruleset's own mistakes are problems too, each reported once and never a traceback: an unknown
rule type (``iati_rule_unknown``), an XPath lxml cannot compile or evaluate
(``iati_rule_xpath_invalid``), a case without the keys its rule needs, or JSON that is no ruleset
(``iati_ruleset_invalid``). Every case that can be read still runs.

>>> from lxml import etree
>>> tree = etree.fromstring(
...     "<iati-activities><iati-activity><iati-identifier>XM-1</iati-identifier>"
...     "<title><narrative/></title></iati-activity></iati-activities>")
>>> ruleset = {"//title": {"atleast_one": {"cases": [{"paths": ["narrative/text()"],
...     "ruleInfo": {"id": "4.3.1", "severity": "error",
...                  "message": "The title must contain narrative content."}}]}}}
>>> [(p.code, p.path, p.values["identifier"]) for p in check_iati_rules(tree, ruleset=ruleset)]
[('iati_rule_failed', '/iati-activities/iati-activity/title', 'XM-1')]
>>> print(check_iati_rules(tree, ruleset=ruleset)[0].message)
IATI rule 4.3.1 (atleast_one): The title must contain narrative content. (got none)
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from capacitylib.errors import Problem
from capacitylib.io._extras import require
from capacitylib.io.documents import DocumentError
from capacitylib.io.iati import _xml
from capacitylib.io.iati._ruleset_reader import MAX_RULESET_BYTES, Reader, RuleCase, read_json
from capacitylib.io.iati._ruleset_runner import GUIDANCE_BASE, Cache, Runner

#: What :func:`check_iati_rules` checks: an lxml tree or element, a file's path, or its bytes.
IatiSource = Any

__all__ = ["GUIDANCE_BASE", "MAX_RULESET_BYTES", "IatiRuleset", "check_iati_rules"]


@dataclass(frozen=True, repr=False)
class IatiRuleset:
    """A ruleset read and checked: the cases to run, and the ruleset's own problems.

    Build one with :meth:`load` (a JSON file) or :meth:`from_mapping` (parsed JSON), then
    :meth:`check` as many IATI files as you like with it.

    >>> ruleset = IatiRuleset.from_mapping({"//iati-activity": {"no_such_rule": {"cases": []}}})
    >>> ruleset, [p.code for p in ruleset.problems]
    (IatiRuleset(0 cases, 1 problems, source=None), ['iati_rule_unknown'])
    """

    cases: tuple[RuleCase, ...]
    problems: tuple[Problem, ...] = ()
    source: str | None = None
    # Compiled XPaths and a loop's cases for each value, kept across checks; one cache per
    # thread (lxml's XPath objects are not documented as safe to share between threads).
    _cache: threading.local = field(default_factory=threading.local, compare=False)

    def __repr__(self) -> str:
        return (
            f"IatiRuleset({len(self.cases)} cases, {len(self.problems)} problems, "
            f"source={self.source!r})"
        )

    @classmethod
    def load(cls, path: str | PathLike[str]) -> IatiRuleset:
        """Read a ruleset JSON file; one that cannot be read has no cases, only its problem."""
        data = read_json(Path(path))
        if isinstance(data, Problem):
            return cls(cases=(), problems=(data,), source=str(path))
        return cls.from_mapping(data, source=str(path))

    @classmethod
    def from_mapping(cls, data: Any, *, source: str | None = None) -> IatiRuleset:
        """Check a parsed ruleset (what ``json.load`` gives) and keep every case that can run."""
        reader = Reader()
        cases = reader.read(data)
        return cls(cases=tuple(cases), problems=tuple(reader.problems), source=source)

    def check(
        self,
        source: IatiSource,
        *,
        now: datetime | None = None,
        org_ids: Collection[str] = (),
        org_id_prefixes: Collection[str] | None = None,
    ) -> list[Problem]:
        """Every finding of this ruleset in ``source`` (see :func:`check_iati_rules`)."""
        tree = _as_tree(source)
        if isinstance(tree, list):
            return [*self.problems, *tree]
        moment = datetime.now(UTC) if now is None else now
        cache = getattr(self._cache, "cache", None)
        if cache is None:
            cache = self._cache.cache = Cache()
        runner = Runner(
            tree,
            cache=cache,
            now=moment if moment.tzinfo else moment.replace(tzinfo=UTC),
            org_ids=frozenset(org_ids),
            org_id_prefixes=None if org_id_prefixes is None else frozenset(org_id_prefixes),
        )
        return [*self.problems, *runner.run(self.cases)]


def check_iati_rules(
    source: IatiSource,
    *,
    ruleset: IatiRuleset | str | PathLike[str] | Mapping[str, Any],
    now: datetime | None = None,
    org_ids: Collection[str] = (),
    org_id_prefixes: Collection[str] | None = None,
) -> list[Problem]:
    """Every finding of an IATI ruleset in an IATI activity or organisation file.

    Args:
        source: an lxml tree or element of ``<iati-activities>`` (or ``<iati-organisations>``),
            or the path or bytes of such a file (read safely: see ``capacitylib.io.iati._xml``).
        ruleset: the path of a ruleset JSON (IATI-Rulesets' ``rulesets/standard.json``), its
            parsed JSON, or an :class:`IatiRuleset`.
        now: the moment "in the future" is judged against (aware; naive means UTC); default
            now. A date, or a time without a zone, is in the future only when it is later than
            now everywhere on Earth (UTC+14).
        org_ids: the organisation identifiers registered with IATI. The ruleset's
            ``idCondition`` rules (no ``/&|?`` in an identifier) skip a value that is one, or
            (``NOT_EXISTING_ORG_ID_PREFIX``) starts with one and a hyphen; with none given,
            those rules check every value.
        org_id_prefixes: the organisation registration agency codes (the ``code`` s of the
            OrganisationRegistrationAgency codelist: ``"GB-COH"``, ``"LT-RC"``) that
            ``startswith``'s ``ORG-ID-PREFIX`` stands for. Without them those cases are not
            checked, and an ``iati_rule_skipped`` problem (info) says so once.

    Returns:
        The ruleset's own problems first, then the findings, activity by activity in document
        order, each activity's in the ruleset's order.
    """
    if not isinstance(ruleset, IatiRuleset):
        if isinstance(ruleset, str | PathLike):
            ruleset = IatiRuleset.load(ruleset)
        else:
            ruleset = IatiRuleset.from_mapping(ruleset)
    return ruleset.check(source, now=now, org_ids=org_ids, org_id_prefixes=org_id_prefixes)


def _as_tree(source: IatiSource) -> Any:
    """The lxml tree of ``source``, or the problems that refuse it."""
    etree = require("lxml.etree", extra="iati", package="lxml")
    if isinstance(source, etree._ElementTree):
        return source
    if isinstance(source, etree._Element):
        return source.getroottree()
    if not isinstance(source, str | PathLike | bytes):
        message = f"check_iati_rules takes an lxml tree, a path or bytes, not {type(source)}"
        raise TypeError(message)
    name = "<bytes>" if isinstance(source, bytes) else str(source)
    try:
        data = _xml.read_xml_bytes(
            source if isinstance(source, bytes) else Path(source),
            name=name,
            max_bytes=_xml.MAX_IATI_BYTES,
        )
    except DocumentError as exc:
        return [Problem(code="input_unreadable", path="", message=str(exc), value=name)]
    if isinstance(data, Problem):
        return [data]
    root = _xml.parse_xml(data)
    return root if isinstance(root, list) else root.getroottree()
