"""One ``<iati-activity>`` to one programme: what is mapped, and the rest kept.

Each object of the programme (an organisation, a period, a source, an indicator) is built and
validated on its own; the elements it reads count as mapped only when it validates (see
:mod:`capacitylib.io.iati._ledger`). An element that cannot be mapped (a code outside the
codelists capacitylib maps, a value its field refuses) is kept under ``extensions.iati`` like
every element capacitylib has no field for, and listed: ``iati_not_mapped`` (info), with an
``iati_value_unmapped`` warning saying why when a value was refused.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from capacitylib.errors import Problem, problems_from_error
from capacitylib.io.iati import _codes
from capacitylib.io.iati._ledger import (
    XML_NAMESPACE,
    Kept,
    Ledger,
    Marks,
    children,
    element_json,
    line_of,
)
from capacitylib.models import (
    Indicator,
    IndicatorPeriod,
    Organisation,
    Partner,
    Programme,
    RelatedProgramme,
    Source,
    StatedPeriod,
    TargetGroupStatement,
)
from capacitylib.models.budget import Budget
from capacitylib.models.programme import Location
from capacitylib.values import LocalizedText
from capacitylib.values.money import Money
from capacitylib.values.text import LANGUAGE_TAG_PATTERN

if TYPE_CHECKING:
    from lxml import etree

XML_LANG = XML_NAMESPACE + "lang"

#: The language of a narrative that states none, in an activity that states none (BCP 47
#: "undetermined"): capacitylib does not guess a language.
UNDETERMINED_LANGUAGE = "und"

_LANGUAGE = re.compile(LANGUAGE_TAG_PATTERN)
_ID_CHARACTER = re.compile(r"[^A-Za-z0-9_.:\-]")
_ORG_ID_PREFIX = re.compile(r"^([A-Z]{2}-[A-Z0-9]+)-(.+)$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")
_KNOWN_PREFIXES = tuple(
    sorted(
        set(_codes.ORGANISATION_ID_PREFIX.values()) | set(_codes.VAT_PREFIX.values()),
        key=len,
        reverse=True,
    )
)


def object_id(text: str, fallback: str) -> str:
    """An id (letters, digits, ``_ . : -``, at most 64) for ``text``: unchanged when it is one.

    Other characters become ``-``; a longer text is cut and ends in 8 characters of its SHA-1,
    so that two long identifiers stay two ids.

    >>> object_id("AA-AAA-123456789-ABC123", "x"), object_id("GB-COH-123/45 b", "x")
    ('AA-AAA-123456789-ABC123', 'GB-COH-123-45-b')
    >>> len(object_id("X" * 100, "x")), object_id("  ", "org-1")
    (64, 'org-1')
    """
    cleaned = _ID_CHARACTER.sub("-", text.strip()).strip("-._:")
    if not cleaned:
        return fallback
    if len(cleaned) > 64:
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        cleaned = cleaned[:55].rstrip("-._:") + "-" + digest
    return cleaned


def split_ref(ref: str) -> tuple[str, str] | None:
    """(scheme, value) of an IATI organisation identifier such as ``LT-RC-302589307``.

    The scheme is the org-id.guide prefix, as capacitylib writes it back: a prefix the export
    knows, else any ``XX-NAME`` prefix; ``None`` when the identifier has no such prefix.

    >>> split_ref("LT-RC-302589307"), split_ref("XI-IATI-EC_INTPA"), split_ref("44000")
    (('LT-RC', '302589307'), ('XI-IATI', 'EC_INTPA'), None)
    """
    for prefix in _KNOWN_PREFIXES:
        if ref.startswith(prefix + "-") and len(ref) > len(prefix) + 1:
            return prefix, ref[len(prefix) + 1 :]
    found = _ORG_ID_PREFIX.match(ref)
    return (found.group(1), found.group(2)) if found else None


class ActivityMapper:
    """Maps one activity; :meth:`programme` returns the outcome's programme and problems."""

    def __init__(self, activity: etree._Element, *, file_attributes: dict[str, str]) -> None:
        self.activity = activity
        self.tree = activity.getroottree()
        self.prefix = self.tree.getpath(activity)
        self.ledger = Ledger()
        self.problems: list[Problem] = []
        self.file_attributes = file_attributes
        self.language = self._default_language()
        self.data: dict[str, Any] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self._org_keys: dict[str, str] = {}

    # --- helpers ---

    def path(self, element: etree._Element) -> str:
        """The element's XPath in the file (``/iati-activities/iati-activity[2]/title``)."""
        return str(self.tree.getpath(element))

    def relative(self, element: etree._Element) -> str:
        """The element's path inside the activity (``iati-activity/title``)."""
        return "iati-activity" + self.path(element)[len(self.prefix) :]

    def warn(self, element: etree._Element, message: str, value: Any = None) -> None:
        """An ``iati_value_unmapped`` warning: a value of ``element`` the mapping refused."""
        line = line_of(element)
        self.problems.append(
            Problem(
                code="iati_value_unmapped",
                path=self.path(element),
                severity="warning",
                message=(f"line {line}: " if line else "")
                + f"{message}; the element is kept under extensions.iati",
                value=value,
                values={"line": line} if line else {},
            )
        )

    def build(
        self,
        model: type[BaseModel],
        data: dict[str, Any],
        marks: Marks,
        element: etree._Element,
    ) -> BaseModel | None:
        """``model`` from ``data``; commits ``marks`` when it validates, else warns."""
        try:
            built = model.model_validate(data)
        except ValidationError as exc:
            first = problems_from_error(exc)[0]
            where = f" at '{first.path}'" if first.path else ""
            self.warn(
                element, f"{model.__name__}{where}: {first.message} [{first.code}]", first.value
            )
            return None
        self.ledger.commit(marks)
        return built

    def first(self, tag: str, parent: etree._Element | None = None) -> etree._Element | None:
        """The first child element named ``tag``."""
        for child in children(self.activity if parent is None else parent):
            if child.tag == tag:
                return child
        return None

    def all(self, tag: str, parent: etree._Element | None = None) -> Iterator[etree._Element]:
        """Every child element named ``tag``, in document order."""
        for child in children(self.activity if parent is None else parent):
            if child.tag == tag:
                yield child

    def _default_language(self) -> str | None:
        stated = self.activity.get(XML_LANG)
        if stated is None:
            return None
        tag = _language_tag(stated)
        if tag is None:
            return None
        marks = Marks()
        marks.attribute(self.activity, XML_LANG)
        self.ledger.commit(marks)
        return tag

    def narratives(self, container: etree._Element, marks: Marks) -> dict[str, str]:
        """The texts of ``container``'s narratives by language (marked in ``marks``).

        A narrative without ``xml:lang`` is in the activity's language; a blank narrative, a
        second one in the same language, or one whose language is not a tag is left unmarked
        (and so kept).
        """
        texts: dict[str, str] = {}
        for narrative in self.all("narrative", container):
            text = (narrative.text or "").strip()
            stated = narrative.get(XML_LANG)
            tag = _language_tag(stated) if stated is not None else self.language
            if stated is not None and tag is None:
                self.warn(narrative, f"xml:lang {stated!r} is not a language tag", stated)
                continue
            tag = tag or UNDETERMINED_LANGUAGE
            if not text or tag in texts or next(children(narrative), None) is not None:
                continue
            texts[tag] = text
            marks.use(narrative, XML_LANG)
        return texts

    def text(self, container: etree._Element | None, marks: Marks) -> LocalizedText | None:
        """The narratives of ``container`` as a :class:`LocalizedText` (``None`` if none)."""
        if container is None:
            return None
        texts = self.narratives(container, marks)
        if not texts:
            return None
        try:
            value = LocalizedText(texts)
        except ValidationError:
            return None
        marks.use(container)
        return value

    # --- the programme ---

    def programme(self) -> tuple[Programme | None, list[Problem]]:
        """The programme, or ``None`` with the problems that refuse it."""
        identifier_element = self.first("iati-identifier")
        identifier = (
            (identifier_element.text or "").strip() if identifier_element is not None else ""
        )
        if identifier_element is None or not identifier:
            return None, [
                _refusal(
                    self.activity,
                    self.path(self.activity),
                    "the activity has no iati-identifier, so it cannot be told apart",
                )
            ]
        marks = Marks()
        marks.use(identifier_element)
        self.ledger.commit(marks)
        self.data["id"] = object_id(identifier, "iati-activity")
        self._reporting_org(identifier)
        title = self._title()
        if title is None:
            return None, [
                _refusal(
                    self.activity,
                    self.path(self.activity) + "/title",
                    "the activity has no title narrative; a programme needs a title",
                )
            ]
        self.data["title"] = title
        for step in self._steps():
            step()
        self.data["organisations"] = list(self.organisations.values())
        self.data["extensions"] = {"iati": self._kept(identifier)}
        try:
            programme = Programme.model_validate(self.data)
        except ValidationError as exc:
            return None, self.problems + problems_from_error(exc)
        return programme, self.problems + self._not_mapped_problems()

    def _steps(self) -> list[Callable[[], None]]:
        return [
            self._descriptions,
            self._participating_orgs,
            self._status,
            self._dates,
            self._countries,
            self._budget,
            self._documents,
            self._related,
            self._results,
        ]

    def _title(self) -> dict[str, str] | None:
        element = self.first("title")
        if element is None:
            return None
        marks = Marks()
        title = self.text(element, marks)
        if title is None:
            return None
        self.ledger.commit(marks)
        return title.root

    def _reporting_org(self, identifier: str) -> None:
        element = self.first("reporting-org")
        code = identifier
        if element is not None:
            org_id = self._organisation(element)
            ref = (element.get("ref") or "").strip()
            if org_id is not None and ref and identifier.startswith(ref + "-"):
                code = identifier[len(ref) + 1 :]
        if len(code) <= 100:
            self.data["code"] = code
        if code != identifier or self.data["id"] != identifier:
            # The programme's code and id do not give the identifier back by themselves.
            self._identifier = identifier

    def _organisation(self, element: etree._Element) -> str | None:
        """The id of the organisation ``element`` (a ``*-org``) names, added when new."""
        marks = Marks()
        ref = (element.get("ref") or "").strip()
        name = self.text(element, marks)
        key = ref or (repr(sorted(name.root.items())) if name is not None else "")
        if not key:
            return None
        if key in self._org_keys:
            org_id = self._org_keys[key]
            known = self.organisations[org_id]
            if ref:
                marks.attribute(element, "ref")
            if name is None or name.root == known["name"]:
                marks.use(element)
            else:
                # Another name for a known organisation: the names stay kept, the reference maps.
                marks = Marks()
                marks.use(element, "ref")
            self._org_type(element, known, marks)
            self.ledger.commit(marks)
            return org_id
        fallback = f"organisation-{len(self.organisations) + 1}"
        org_id = object_id(ref, fallback) if ref else fallback
        while org_id in self.organisations:
            org_id = f"{org_id[:56]}-{len(self.organisations) + 1}"
        data: dict[str, Any] = {"id": org_id, "kind": "other"}
        if name is not None:
            data["name"] = name.root
        else:
            data["name"] = {self.language or UNDETERMINED_LANGUAGE: ref}
            data["note"] = "the IATI file names this organisation only by its identifier"
        marks.use(element)
        if ref:
            split = split_ref(ref)
            if split is not None:
                data["identifiers"] = [{"scheme": split[0], "value": split[1]}]
            else:
                data["extensions"] = {"iati": {"ref": ref}}
            marks.attribute(element, "ref")
        self._org_type(element, data, marks)
        built = self.build(Organisation, data, marks, element)
        if built is None:
            return None
        self.organisations[org_id] = data
        self._org_keys[key] = org_id
        return org_id

    def _org_type(self, element: etree._Element, data: dict[str, Any], marks: Marks) -> None:
        code = element.get("type")
        kind = _codes.ORGANISATION_TYPE_IMPORT.get(code or "")
        if kind is not None and data.get("kind", "other") in ("other", kind.value):
            data["kind"] = kind.value
            marks.attribute(element, "type")

    def _descriptions(self) -> None:
        objectives: list[dict[str, str]] = []
        statements: list[dict[str, Any]] = []
        for element in self.all("description"):
            kind = element.get("type") or "1"
            marks = Marks()
            text = self.text(element, marks)
            if text is None:
                continue
            if "type" in element.attrib:
                marks.attribute(element, "type")
            if kind == "1" and "summary" not in self.data:
                self.data["summary"] = text.root
                self.ledger.commit(marks)
            elif kind == "2":
                objectives.append(text.root)
                self.ledger.commit(marks)
            elif kind == "3":
                statement = {"text": text.root, "role": "other"}
                if self.build(TargetGroupStatement, statement, marks, element) is not None:
                    statements.append(statement)
        if objectives:
            self.data["objectives"] = objectives
        if statements:
            self.data["target_group_statements"] = statements

    def _participating_orgs(self) -> None:
        partners: list[dict[str, str]] = []
        for element in self.all("participating-org"):
            role = _codes.ORGANISATION_ROLE_IMPORT.get(element.get("role") or "")
            org_id = self._organisation(element)
            if org_id is None or role is None:
                continue
            partner = {"organisation": org_id, "role": role.value}
            marks = Marks()
            marks.attribute(element, "role")
            if partner in partners:
                self.ledger.commit(marks)
                continue
            if self.build(Partner, partner, marks, element) is not None:
                partners.append(partner)
        if partners:
            self.data["partners"] = partners

    def _status(self) -> None:
        element = self.first("activity-status")
        if element is None:
            return
        status = _codes.ACTIVITY_STATUS_IMPORT.get(element.get("code") or "")
        if status is None:
            return
        marks = Marks()
        marks.use(element, "code")
        self.ledger.commit(marks)
        self.data["status"] = status.value

    def _dates(self) -> None:
        by_type: dict[str, etree._Element] = {}
        for element in self.all("activity-date"):
            kind = element.get("type") or ""
            if kind in ("1", "2", "3", "4") and kind not in by_type:
                by_type[kind] = element
        periods: list[dict[str, Any]] = []
        for status, start_type, end_type in (("planned", "1", "3"), ("actual", "2", "4")):
            marks = Marks()
            period: dict[str, Any] = {"status": status}
            for end, kind in (("start", start_type), ("end", end_type)):
                stated = by_type.get(kind)
                day = _iso_date(stated.get("iso-date")) if stated is not None else None
                if stated is None or day is None:
                    continue
                period[end] = day
                marks.use(stated, "type", "iso-date")
            if len(period) == 1:
                continue
            anchor = marks.elements[0]
            if self.build(StatedPeriod, period, marks, anchor) is not None:
                periods.append(period)
        if periods:
            self.data["periods"] = periods

    def _countries(self) -> None:
        elements = list(self.all("recipient-country"))
        locations: list[dict[str, str]] = []
        for element in elements:
            code = (element.get("code") or "").strip()
            marks = Marks()
            marks.use(element, "code")
            if len(elements) == 1 and element.get("percentage") in (None, "100", "100.0"):
                marks.attribute(element, "percentage")
                location = {"country": code}
                if self.build(Location, location, marks, element) is not None:
                    self.data["country"] = code
                continue
            location = {"country": code}
            if self.build(Location, location, marks, element) is not None:
                locations.append(location)
        if locations:
            self.data["locations"] = locations

    def _budget(self) -> None:
        chosen: dict[tuple[str, str], list[etree._Element]] = {}
        for element in self.all("budget"):
            start = self.first("period-start", element)
            end = self.first("period-end", element)
            key = (
                (start.get("iso-date") or "") if start is not None else "",
                (end.get("iso-date") or "") if end is not None else "",
            )
            kind = element.get("type") or "1"
            current = chosen.get(key)
            if current is None or (kind == "2" and (current[0].get("type") or "1") != "2"):
                chosen[key] = [element]
            elif (current[0].get("type") or "1") == kind:
                current.append(element)
        total: Money | None = None
        marks = Marks()
        defaulted = False
        for group in chosen.values():
            for element in group:
                value = self.first("value", element)
                money = self._money(value)
                if value is None or money is None:
                    return
                if total is not None and total.currency != money.currency:
                    self.warn(
                        value,
                        f"budgets in {total.currency} and {money.currency} cannot be added to one "
                        "total",
                        money.currency,
                    )
                    return
                total = money if total is None else total + money
                marks.use(element)
                if "type" in element.attrib:
                    marks.attribute(element, "type")
                marks.use(value, "currency")
                defaulted = defaulted or value.get("currency") is None
        if total is None:
            return
        data = {"total": total.model_dump()}
        first = next(iter(chosen.values()))[0]
        if self.build(Budget, data, marks, first) is not None:
            self.data["budget"] = data
            if defaulted:
                default = Marks()
                default.attribute(self.activity, "default-currency")
                self.ledger.commit(default)

    def _money(self, value: etree._Element | None) -> Money | None:
        if value is None:
            return None
        currency = value.get("currency") or self.activity.get("default-currency")
        text = (value.text or "").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation:
            self.warn(value, f"the amount {text!r} is not a decimal number", text)
            return None
        try:
            money = Money.model_validate({"amount": amount, "currency": currency})
        except ValidationError as exc:
            self.warn(value, problems_from_error(exc)[0].message, currency)
            return None
        if money.amount < 0:
            self.warn(value, "a negative budget cannot be a programme's budget total", text)
            return None
        return money

    def _documents(self) -> None:
        sources: list[dict[str, Any]] = []
        for element in self.all("document-link"):
            marks = Marks()
            data: dict[str, Any] = {}
            url = (element.get("url") or "").strip()
            if re.match(r"^https?://\S+$", url) and len(url) <= 2000:
                data["url"] = url
                marks.attribute(element, "url")
            title = self.first("title", element)
            if title is not None:
                title_marks = Marks()
                texts = self.narratives(title, title_marks)
                # One title: the activity's language, else the only one; the others stay kept.
                tag = self.language if self.language in texts else None
                if tag is None and len(texts) == 1:
                    tag = next(iter(texts))
                if tag is not None and len(texts[tag]) <= 1000:
                    data["title"] = texts[tag]
                    for narrative in title_marks.elements:
                        if (narrative.text or "").strip() == texts[tag]:
                            marks.use(narrative, XML_LANG)
                            break
                    marks.use(title)
            for language in self.all("language", element):
                tag = _language_tag(language.get("code") or "")
                if tag is not None:
                    data["language"] = tag
                    marks.use(language, "code")
                    break
            if not data:
                continue
            marks.use(element)
            if self.build(Source, data, marks, element) is not None:
                sources.append(data)
        if sources:
            self.data["sources"] = sources

    def _related(self) -> None:
        related: list[dict[str, Any]] = []
        for element in self.all("related-activity"):
            relation = _codes.RELATED_ACTIVITY_TYPE_IMPORT.get(element.get("type") or "")
            ref = (element.get("ref") or "").strip()
            if relation is None or not ref:
                continue
            marks = Marks()
            marks.use(element, "type", "ref")
            data = {"relation": relation.value, "code": ref}
            if self.build(RelatedProgramme, data, marks, element) is not None:
                related.append(data)
        if related:
            self.data["related_programmes"] = related

    def _results(self) -> None:
        indicators: list[dict[str, Any]] = []
        for r, result in enumerate(self.all("result"), start=1):
            kind = _codes.RESULT_TYPE_IMPORT.get(result.get("type") or "")
            if kind is None:
                continue
            for i, element in enumerate(self.all("indicator", result), start=1):
                data = self._indicator(element, f"result-{r}-indicator-{i}", kind.value, result)
                if data is not None:
                    indicators.append(data)
        if indicators:
            self.data["indicators"] = indicators

    def _indicator(
        self, element: etree._Element, indicator_id: str, kind: str, result: etree._Element
    ) -> dict[str, Any] | None:
        marks = Marks()
        name = self.text(self.first("title", element), marks)
        if name is None:
            return None
        data: dict[str, Any] = {"id": indicator_id, "kind": kind, "name": name.root}
        measure = _codes.INDICATOR_MEASURE_IMPORT.get(element.get("measure") or "")
        if measure is None:
            return None
        data["measure"] = measure.value
        if measure.value == "unit":
            # IATI states no unit: "other" says so rather than guessing persons.
            data["unit"] = "other"
        marks.use(element, "measure")
        marks.use(result, "type")
        baseline = self.first("baseline", element)
        if baseline is not None:
            value = _decimal(baseline.get("value"))
            if value is not None:
                data["baseline"] = str(value)
                marks.use(baseline, "value")
                as_of = _iso_date(baseline.get("iso-date"))
                if as_of is not None:
                    data["baseline_as_of"] = as_of
                    marks.attribute(baseline, "iso-date")
                elif re.match(r"^\d{4}$", baseline.get("year") or ""):
                    data["baseline_as_of"] = baseline.get("year")
                    marks.attribute(baseline, "year")
        periods = []
        for period in self.all("period", element):
            found = self._indicator_period(period)
            if found is not None:
                period_data, period_marks = found
                periods.append(period_data)
                marks.elements += period_marks.elements
                marks.attributes += period_marks.attributes
        if periods:
            data["periods"] = periods
        if self.build(Indicator, data, marks, element) is None:
            return None
        return data

    def _indicator_period(self, period: etree._Element) -> tuple[dict[str, Any], Marks] | None:
        marks = Marks()
        start = self.first("period-start", period)
        end = self.first("period-end", period)
        first_day = _iso_date(start.get("iso-date")) if start is not None else None
        last_day = _iso_date(end.get("iso-date")) if end is not None else None
        if start is None or first_day is None:
            return None
        data: dict[str, Any] = {"start": first_day}
        marks.use(start, "iso-date")
        if end is not None and last_day is not None:
            data["end"] = last_day
            marks.use(end, "iso-date")
        for name in ("target", "actual"):
            figure = self.first(name, period)
            value = _decimal(figure.get("value")) if figure is not None else None
            if figure is not None and value is not None:
                data[name] = {"value": str(value)}
                marks.use(figure, "value")
        if "target" not in data and "actual" not in data:
            return None
        marks.use(period)
        try:
            IndicatorPeriod.model_validate(data)
        except ValidationError:
            return None
        return data, marks

    # --- what is kept ---

    def _kept(self, identifier: str) -> dict[str, Any]:
        self._leftovers = self.ledger.leftovers(self.activity)
        kept: dict[str, Any] = {}
        if getattr(self, "_identifier", None) is not None:
            kept["iati-identifier"] = identifier
        if self.file_attributes:
            kept["iati-activities"] = dict(self.file_attributes)
        items = [self._item(entry) for entry in self._leftovers]
        if items:
            kept["not_mapped"] = items
        return kept

    def _item(self, entry: Kept) -> dict[str, Any]:
        if entry.whole:
            return {"path": self.relative(entry.element), "element": element_json(entry.element)}
        return {"path": self.relative(entry.element), "attributes": entry.attributes}

    def _not_mapped_problems(self) -> list[Problem]:
        problems = []
        for entry in self._leftovers:
            line = line_of(entry.element)
            where = f"line {line}: " if line else ""
            tag = _local(str(entry.element.tag))
            if entry.whole:
                message = f"<{tag}> is not mapped to a capacitylib field"
            else:
                names = ", ".join(f"@{name}" for name in entry.attributes)
                message = f"{names} of <{tag}> not mapped to a capacitylib field"
            problems.append(
                Problem(
                    code="iati_not_mapped",
                    path=self.path(entry.element),
                    severity="info",
                    message=where + message + "; kept under extensions.iati",
                    values={"line": line} if line else {},
                )
            )
        return problems


def _refusal(element: etree._Element, path: str, message: str) -> Problem:
    line = line_of(element)
    return Problem(
        code="field_required",
        path=path,
        message=(f"line {line}: " if line else "") + message,
        values={"line": line} if line else {},
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _language_tag(stated: str) -> str | None:
    text = stated.strip()
    primary, _, rest = text.partition("-")
    tag = primary.lower() + ("-" + rest if rest else "")
    return tag if _LANGUAGE.match(tag) else None


def _iso_date(text: str | None) -> str | None:
    found = _DATE.match((text or "").strip())
    return found.group(1) if found else None


def _decimal(text: str | None) -> Decimal | None:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
