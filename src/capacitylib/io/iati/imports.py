"""Reading IATI 2.03 activity files: one :class:`~capacitylib.io.records.Outcome` per activity.

:func:`read_iati` reads a file safely (:mod:`capacitylib.io.iati._xml`: bounded, UTF-8, no
DTD, no entities, no network), checks it against the IATI 2.03 XML Schema when a schema
folder is given (:mod:`capacitylib.io.iati._schema`), and maps each ``<iati-activity>`` into a
:class:`~capacitylib.models.Programme`. A bad activity never loses the good ones: a schema
error inside an activity refuses that activity only; an error outside every activity (the
root's attributes, say) refuses them all, each outcome naming it.

Every element of an activity is either mapped to a programme field or kept under the
programme's ``extensions["iati"]`` and listed as an ``iati_not_mapped`` info problem, never
dropped silently (comments and processing instructions are not data and are not kept)::

    extensions.iati = {
        "not_mapped": [
            {"path": "iati-activity/sector[1]", "element": {"tag": "sector", ...}},
            {"path": "iati-activity/participating-org[3]",
             "attributes": {"crs-channel-code": "000000"}},
        ],
        "iati-activities": {"version": "2.03", ...},   # the file's own attributes
        "iati-identifier": "...",  # when the id and code do not give it back exactly
    }
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from capacitylib.errors import Problem
from capacitylib.io.documents import DocumentError
from capacitylib.io.iati import _xml
from capacitylib.io.iati._import_activity import ActivityMapper
from capacitylib.io.iati._ledger import children, line_of, name_of
from capacitylib.io.iati._schema import IatiSchemas, resolve_schemas, skipped_problem
from capacitylib.io.iati._xml import XmlSource
from capacitylib.io.records import Checks, Outcome, unreadable

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati.ruleset import IatiRuleset

_ACTIVITY_STEP = re.compile(r"^/iati-activities/iati-activity(?:\[(\d+)\])?(?:/|$)")


def read_iati(
    source: XmlSource,
    *,
    schemas: str | Path | IatiSchemas | None = None,
    name: str | None = None,
    checks: Checks | None = None,
    max_bytes: int | None = None,
    max_elements: int | None = None,
    ruleset: str | Path | IatiRuleset | None = None,
) -> list[Outcome]:
    """One outcome per ``<iati-activity>`` of an IATI 2.03 file; bad input never raises.

    ``source`` is a path, the file's bytes or an open binary file. ``schemas`` is the folder
    of the IATI 2.03 XSDs (or :func:`~capacitylib.io.iati._schema.load_schemas`' result); by
    default the folder in ``CAPACITYLIB_IATI_SCHEMAS``, and without one the schema check is
    skipped and every outcome says so (``iati_schema_skipped``, info). ``checks`` (e.g. the
    domain rules) run on every programme built. A file that cannot be read at all gives one
    ``unreadable`` outcome: missing (``input_unreadable``), too large, not UTF-8, with a
    DOCTYPE, not well-formed, or not an activity file (``iati_*`` codes). ``ruleset`` (the
    path of IATI-Rulesets' ``standard.json``, or an :class:`~capacitylib.io.iati.IatiRuleset`)
    runs the IATI Standard ruleset over the file and adds each finding to the outcome of the
    activity it is in (findings outside every activity go to every outcome).

    Raises:
        IatiSchemaError: ``schemas`` names a folder without a usable schema.

    >>> xml = b'''<iati-activities version="2.03"><iati-activity xml:lang="en">
    ...   <iati-identifier>XM-DAC-41114-1</iati-identifier>
    ...   <reporting-org ref="XM-DAC-41114" type="40"><narrative>UNDP</narrative></reporting-org>
    ...   <title><narrative>Social work training</narrative></title>
    ... </iati-activity></iati-activities>'''
    >>> [outcome] = read_iati(xml, name="undp.xml")
    >>> outcome.valid, outcome.programme.id, outcome.programme.code, outcome.where
    (True, 'XM-DAC-41114-1', '1', 'undp.xml:1')
    >>> [p.code for p in outcome.problems]
    ['iati_schema_skipped']
    """
    return list(
        iter_iati(
            source,
            schemas=schemas,
            name=name,
            checks=checks,
            max_bytes=max_bytes,
            max_elements=max_elements,
            ruleset=ruleset,
        )
    )


def iter_iati(
    source: XmlSource,
    *,
    schemas: str | Path | IatiSchemas | None = None,
    name: str | None = None,
    checks: Checks | None = None,
    max_bytes: int | None = None,
    max_elements: int | None = None,
    ruleset: str | Path | IatiRuleset | None = None,
) -> Iterator[Outcome]:
    """:func:`read_iati`, lazily: the outcomes one at a time, in bounded memory.

    The file is read, parsed and checked against the schema (and the ruleset) when the first
    outcome is asked for; then each activity is mapped when its outcome is asked for, and its
    element is freed. A consumer that does not keep the outcomes (``capacitylib convert``,
    ``validate``) holds the parsed file and one programme, not every programme of the file.
    The schemas and the ruleset are loaded at once, so a bad folder raises here.

    Raises:
        IatiSchemaError: ``schemas`` names a folder without a usable schema.

    >>> xml = b'<iati-activities version="2.03"><iati-activity/><iati-activity/></iati-activities>'
    >>> outcomes = iter_iati(xml)
    >>> [outcome.where for outcome in outcomes]
    ['<bytes>:1', '<bytes>:1']
    """
    schema = resolve_schemas(schemas)
    rules = _ruleset(ruleset)
    label = name or _name_of(source)

    def outcomes() -> Iterator[Outcome]:
        root = _parsed(source, label, schema, max_bytes, max_elements)
        if isinstance(root, Outcome):
            yield root
        else:
            yield from _activities(root, label, schema, checks, rules)

    return outcomes()


def _parsed(
    source: XmlSource,
    label: str,
    schema: IatiSchemas | None,
    max_bytes: int | None,
    max_elements: int | None,
) -> etree._Element | Outcome:
    """The root of an IATI activity file, or the one outcome saying why it cannot be read."""
    try:
        data = _xml.read_xml_bytes(
            source, name=label, max_bytes=_xml.MAX_IATI_BYTES if max_bytes is None else max_bytes
        )
    except DocumentError as exc:
        return unreadable(label, exc)
    if isinstance(data, Problem):
        return _unreadable(label, [data])
    root = _xml.parse_xml(
        data, max_elements=_xml.MAX_IATI_ELEMENTS if max_elements is None else max_elements
    )
    if isinstance(root, list):
        return _unreadable(label, root)
    problem = _root_problem(root, schema)
    return root if problem is None else _unreadable(label, problem)


def _ruleset(ruleset: str | Path | IatiRuleset | None) -> IatiRuleset | None:
    if ruleset is None:
        return None
    from capacitylib.io.iati.ruleset import IatiRuleset  # noqa: PLC0415 - loads with its use

    return ruleset if isinstance(ruleset, IatiRuleset) else IatiRuleset.load(ruleset)


def _rule_findings(
    root: etree._Element, count: int, rules: IatiRuleset | None
) -> list[list[Problem]]:
    """The ruleset's findings for each of ``count`` activities, in the ruleset's order.

    A finding outside every activity goes to every one.
    """
    per_activity: list[list[Problem]] = [[] for _ in range(count)]
    if rules is None:
        return per_activity
    for found in rules.check(root):
        index = _activity_index(found.path or "", count)
        for problems in per_activity if index is None else per_activity[index : index + 1]:
            problems.append(found)
    return per_activity


def _name_of(source: XmlSource) -> str:
    if isinstance(source, str | Path):
        return str(source)
    if isinstance(source, bytes):
        return "<bytes>"
    return str(getattr(source, "name", "<stream>"))


def _unreadable(label: str, problems: list[Problem]) -> Outcome:
    line = problems[0].values.get("line") if problems else None
    return Outcome(
        label, line if isinstance(line, int) else None, problems=problems, unreadable=True
    )


def _root_problem(root: etree._Element, schema: IatiSchemas | None) -> list[Problem] | None:
    if root.tag == "iati-activities":
        return None
    line = line_of(root)
    if root.tag == "iati-organisations":
        found = schema.check(root) if schema is not None else []
        if found:
            return found
        message = (
            "this is an IATI organisation file (<iati-organisations>); capacitylib imports "
            "activity files (<iati-activities>)"
        )
    elif root.tag == "iati-activity":
        message = (
            "the root element is <iati-activity>; an IATI file holds its activities inside "
            '<iati-activities version="2.03">'
        )
    else:
        message = (
            f"the root element is <{name_of(str(root.tag))}>, not <iati-activities>: not an IATI "
            "activity file"
        )
    return [_xml.problem("iati_root_unexpected", message, line=line)]


def _activities(
    root: etree._Element,
    label: str,
    schema: IatiSchemas | None,
    checks: Checks | None,
    rules: IatiRuleset | None,
) -> Iterator[Outcome]:
    activities = [child for child in children(root) if child.tag == "iati-activity"]
    file_problems: list[Problem] = []
    by_activity: dict[int, list[Problem]] = {}
    if schema is None:
        file_problems.append(skipped_problem())
    else:
        for found in schema.check(root):
            index = _activity_index(found.path, len(activities))
            if index is None:
                file_problems.append(found)
            else:
                by_activity.setdefault(index, []).append(found)
    if not activities:
        refusal = [p for p in file_problems if p.severity == "error"]
        if refusal:
            yield _unreadable(label, refusal)
        return
    rule_findings = _rule_findings(root, len(activities), rules)  # before any element is freed
    file_attributes = {name_of(str(k)): str(v) for k, v in root.attrib.items()}
    file_errors = [p for p in file_problems if p.severity == "error"]
    count = len(activities)
    activities.reverse()  # taken from the end, so that the list lets go of each in turn
    for index in range(count):
        activity = activities.pop()
        outcome = Outcome(label, line_of(activity), record=_identifier(activity))
        outcome.text = _xml_text(activity)
        if file_errors or by_activity.get(index):
            outcome.problems = [*file_problems, *by_activity.get(index, [])]
        else:
            mapper = ActivityMapper(activity, position=index + 1, file_attributes=file_attributes)
            outcome.programme, problems = mapper.programme()
            outcome.problems = [*file_problems, *problems]
            if checks is not None and outcome.programme is not None:
                outcome.problems += list(checks(outcome.programme))
        outcome.problems += rule_findings[index]
        rule_findings[index] = []
        activity.clear()  # its text and programme are taken: free the element's subtree
        yield outcome


def _activity_index(path: str, count: int) -> int | None:
    """The 0-based index of the activity an XPath lies in, or ``None`` outside every one."""
    found = _ACTIVITY_STEP.match(path)
    if found is None:
        return None
    index = int(found.group(1) or 1) - 1
    return index if 0 <= index < count else None


def _identifier(activity: etree._Element) -> str | None:
    for child in children(activity):
        if child.tag == "iati-identifier":
            return (child.text or "").strip() or None
    return None


def _xml_text(activity: etree._Element) -> str:
    from capacitylib.io._extras import require  # noqa: PLC0415 - lxml is the iati extra

    lxml_etree = require("lxml.etree", extra="iati", package="lxml")
    return str(lxml_etree.tostring(activity, encoding="unicode", with_tail=False))


__all__ = ["iter_iati", "read_iati"]
