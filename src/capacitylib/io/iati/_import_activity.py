"""One ``<iati-activity>`` to one programme: what is mapped, and the rest kept.

Each object of the programme (an organisation, a period, a source, an indicator) is built and
validated on its own; the elements it reads count as mapped only when it validates (see
:mod:`capacitylib.io.iati._ledger`). An element that cannot be mapped (a code outside the
codelists capacitylib maps, a value its field refuses) is kept under ``extensions.iati`` like
every element capacitylib has no field for, and listed: ``iati_not_mapped`` (info), with an
``iati_value_unmapped`` warning saying why when a value was refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from capacitylib.errors import Problem, problems_from_error
from capacitylib.io.iati import _codes, _import_parts
from capacitylib.io.iati._import_results import map_results
from capacitylib.io.iati._import_values import (
    ID_PATTERN,
    iso_date,
    language_tag,
    object_id,
    split_ref,
)
from capacitylib.io.iati._ledger import (
    XML_LANG,
    Kept,
    Ledger,
    Marks,
    children,
    element_json,
    line_of,
)
from capacitylib.models import (
    Organisation,
    Partner,
    Programme,
    StatedPeriod,
    TargetGroupStatement,
)
from capacitylib.values import LocalizedText

if TYPE_CHECKING:
    from lxml import etree

#: The reporting organisation capacitylib's export writes when it knows none (IATI's prefix
#: for example data).
PLACEHOLDER_ORG_REF = "XE-EXAMPLE"

#: The language of a narrative that states none, in an activity that states none (BCP 47
#: "undetermined"): capacitylib does not guess a language.
UNDETERMINED_LANGUAGE = "und"


class ActivityMapper:
    """Maps one activity; :meth:`programme` returns the outcome's programme and problems."""

    def __init__(
        self, activity: etree._Element, *, position: int, file_attributes: dict[str, str]
    ) -> None:
        self.activity = activity
        self.position = position
        self.tree = activity.getroottree()
        self.prefix = str(self.tree.getpath(activity))
        self.ledger = Ledger()
        self.problems: list[Problem] = []
        self.file_attributes = file_attributes
        self.language = self._default_language()
        self.data: dict[str, Any] = {}
        self.organisations: dict[str, dict[str, Any]] = {}
        self._org_keys: dict[str, str] = {}
        self._keep_identifier = False
        self.identifier = ""
        self._leftovers: list[Kept] = []

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
        self, model: type[BaseModel], data: Any, marks: Marks, element: etree._Element
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
        tag = language_tag(stated) if stated is not None else None
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
            text = narrative.text or ""  # exactly as written: capacitylib keeps text as is
            stated = narrative.get(XML_LANG)
            tag = language_tag(stated) if stated is not None else self.language
            if stated is not None and tag is None:
                self.warn(narrative, f"xml:lang {stated!r} is not a language tag", stated)
                continue
            tag = tag or UNDETERMINED_LANGUAGE
            if not text.strip() or tag in texts or next(children(narrative), None) is not None:
                continue
            texts[tag] = text
            marks.use(narrative, XML_LANG)
        return texts

    def text(self, container: etree._Element | None, marks: Marks) -> LocalizedText | None:
        """The narratives of ``container`` as a :class:`LocalizedText` (``None`` if none)."""
        if container is None:
            return None
        inner = Marks()
        texts = self.narratives(container, inner)
        if not texts:
            return None
        try:
            value = LocalizedText(texts)
        except ValidationError:
            return None
        marks.merge(inner)
        marks.use(container)
        return value

    # --- the programme ---

    def programme(self) -> tuple[Programme | None, list[Problem]]:
        """The programme, or ``None`` with the problems that refuse it."""
        element = self.first("iati-identifier")
        identifier = (element.text or "").strip() if element is not None else ""
        self.identifier = identifier
        if element is not None and identifier:
            marks = Marks()
            marks.use(element)
            self.ledger.commit(marks)
            self.data["id"] = object_id(identifier, "iati-activity")
        else:
            # The schema allows an empty identifier; the id then says where the activity is.
            self.data["id"] = f"iati-activity-{self.position}"
            line = line_of(element if element is not None else self.activity)
            self.problems.append(
                Problem(
                    code="iati_identifier_missing",
                    path=self.path(element if element is not None else self.activity),
                    severity="warning",
                    message=(f"line {line}: " if line else "")
                    + "the activity has no iati-identifier; its id "
                    f"'{self.data['id']}' is its position in the file, and it has no code",
                    values={"line": line} if line else {},
                )
            )
        self._reporting_org(identifier)
        self._other_identifiers()
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
            lambda: _import_parts.countries(self),
            lambda: _import_parts.budget(self),
            lambda: _import_parts.documents(self),
            lambda: _import_parts.related(self),
            self._results,
        ]

    def _title(self) -> dict[str, str] | None:
        marks = Marks()
        title = self.text(self.first("title"), marks)
        if title is None:
            return None
        self.ledger.commit(marks)
        return title.root

    def _reporting_org(self, identifier: str) -> None:
        element = self.first("reporting-org")
        code = identifier
        if element is not None:
            # capacitylib's export writes XE-EXAMPLE when it knows no publisher: no organisation.
            placeholder = element.get("ref") == PLACEHOLDER_ORG_REF
            org_id = None if placeholder else self.organisation(element)
            ref = (element.get("ref") or "").strip()
            if (org_id is not None or placeholder) and ref and identifier.startswith(ref + "-"):
                code = identifier[len(ref) + 1 :]
        if code and len(code) <= 100:
            self.data["code"] = code
        # The id gives the identifier back only when it is the identifier unchanged.
        self._keep_identifier = bool(identifier) and self.data["id"] != identifier

    def _other_identifiers(self) -> None:
        # capacitylib's export writes the document id as A1 (the reporting organisation's own
        # identifier) and the code as A9 when the iati-identifier does not hold it as written.
        for element in self.all("other-identifier"):
            kind = element.get("type")
            ref = (element.get("ref") or "").strip()
            marks = Marks()
            marks.use(element, "type", "ref")
            if kind == "A1" and ID_PATTERN.match(ref) and "other_identifier_id" not in self.data:
                self.data["other_identifier_id"] = ref
            elif (
                kind == "A9"
                and ref
                and len(ref) <= 100
                and "other_identifier_code" not in self.data
            ):
                self.data["other_identifier_code"] = ref
            else:
                continue
            self.ledger.commit(marks)
        if "other_identifier_id" in self.data:
            self.data["id"] = self.data.pop("other_identifier_id")
        if "other_identifier_code" in self.data:
            self.data["code"] = self.data.pop("other_identifier_code")
        self._keep_identifier = self._keep_identifier or (
            self.identifier != "" and self.data["id"] != self.identifier
        )

    def organisation(self, element: etree._Element) -> str | None:
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
            if name is not None and name.root != known["name"]:
                # Another name for a known organisation: the reference maps, the names stay kept.
                marks = Marks()
                marks.use(element)
            if ref:
                marks.attribute(element, "ref")
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
        if self.build(Organisation, data, marks, element) is None:
            return None
        self.organisations[org_id] = data
        self._org_keys[key] = org_id
        return org_id

    def _org_type(self, element: etree._Element, data: dict[str, Any], marks: Marks) -> None:
        kind = _codes.ORGANISATION_TYPE_IMPORT.get(element.get("type") or "")
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
                # IATI does not say whether the groups are reached directly or benefit.
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
            org_id = self.organisation(element)
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
                day = iso_date(stated.get("iso-date")) if stated is not None else None
                if stated is None or day is None:
                    continue
                period[end] = day
                marks.use(stated, "type", "iso-date")
            if len(period) == 1:
                continue
            if self.build(StatedPeriod, period, marks, marks.elements[0]) is not None:
                periods.append(period)
        if periods:
            self.data["periods"] = periods

    def _results(self) -> None:
        indicators = map_results(self)
        if indicators:
            self.data["indicators"] = indicators

    # --- what is kept ---

    def _kept(self, identifier: str) -> dict[str, Any]:
        self._leftovers = self.ledger.leftovers(self.activity)
        kept: dict[str, Any] = {}
        if self._keep_identifier:
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
            tag = str(entry.element.tag).rsplit("}", 1)[-1]
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
