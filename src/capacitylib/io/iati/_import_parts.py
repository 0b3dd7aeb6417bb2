"""Countries, locations, budget, documents and related activities of an IATI activity.

Each maps into one programme field (see :mod:`capacitylib.io.iati._import_activity`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from capacitylib.errors import problems_from_error
from capacitylib.io.iati import _codes
from capacitylib.io.iati._import_values import URL_PATTERN, decimal, language_tag
from capacitylib.io.iati._ledger import XML_LANG, Marks
from capacitylib.models import RelatedProgramme, Source
from capacitylib.models.budget import Budget
from capacitylib.models.programme import Location
from capacitylib.values.money import Money

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._import_activity import ActivityMapper


def countries(m: ActivityMapper) -> None:
    elements = list(m.all("recipient-country"))
    locations: list[dict[str, str]] = []
    for element in elements:
        code = (element.get("code") or "").strip()
        marks = Marks()
        marks.use(element, "code")
        location = {"country": code}
        if len(elements) == 1 and element.get("percentage") in (None, "100", "100.0"):
            # The one recipient country is the programme's country.
            if "percentage" in element.attrib:
                marks.attribute(element, "percentage")
            if m.build(Location, location, marks, element) is not None:
                m.data["country"] = code
            continue
        if m.build(Location, location, marks, element) is not None:
            locations.append(location)
    locations += _locations(m)
    if locations:
        m.data["locations"] = locations


def _locations(m: ActivityMapper) -> list[dict[str, str]]:
    # IATI does not say whether a location is a municipality, a region or a site: its
    # description (else its name) is the location's note, as capacitylib's export writes
    # a location's note; gazetteer codes, points and classes are kept.
    found: list[dict[str, str]] = []
    for element in m.all("location"):
        for part in ("description", "name"):
            marks = Marks()
            node = m.first(part, element)
            texts = m.narratives(node, marks) if node is not None else {}
            if node is None or len(texts) != 1:
                continue
            marks.use(node)
            marks.use(element)
            location = {"note": next(iter(texts.values()))}
            if m.build(Location, location, marks, element) is not None:
                found.append(location)
            break
    return found


def budget(m: ActivityMapper) -> None:
    # Per period, a revised budget (type 2) replaces the original (type 1); the total is
    # the sum of the budgets that count, in one currency.
    chosen: dict[tuple[str, str], list[etree._Element]] = {}
    for element in m.all("budget"):
        start = m.first("period-start", element)
        end = m.first("period-end", element)
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
            value = m.first("value", element)
            money = _money(m, value)
            if value is None or money is None:
                return
            if total is not None and total.currency != money.currency:
                m.warn(
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
    if m.build(Budget, data, marks, first) is not None:
        m.data["budget"] = data
        if defaulted:
            default = Marks()
            default.attribute(m.activity, "default-currency")
            m.ledger.commit(default)


def _money(m: ActivityMapper, value: etree._Element | None) -> Money | None:
    if value is None:
        return None
    currency = value.get("currency") or m.activity.get("default-currency")
    text = (value.text or "").strip()
    amount = decimal(text)
    if amount is None:
        m.warn(value, f"the amount {text!r} is not a decimal number", text)
        return None
    try:
        money = Money.model_validate({"amount": amount, "currency": currency})
    except ValidationError as exc:
        m.warn(value, problems_from_error(exc)[0].message, currency)
        return None
    if money.amount < 0:
        m.warn(value, "a negative budget cannot be a programme's budget total", text)
        return None
    return money


def documents(m: ActivityMapper) -> None:
    sources: list[dict[str, Any]] = []
    for element in m.all("document-link"):
        marks = Marks()
        data: dict[str, Any] = {}
        url = (element.get("url") or "").strip()
        if URL_PATTERN.match(url) and len(url) <= 2000:
            data["url"] = url
            marks.attribute(element, "url")
        _document_title(m, element, data, marks)
        for language in m.all("language", element):
            tag = language_tag(language.get("code") or "")
            if tag is not None:
                data["language"] = tag
                marks.use(language, "code")
                break
        if not data:
            continue
        marks.use(element)
        if m.build(Source, data, marks, element) is not None:
            sources.append(data)
    if sources:
        m.data["sources"] = sources


def _document_title(
    m: ActivityMapper, element: etree._Element, data: dict[str, Any], marks: Marks
) -> None:
    title = m.first("title", element)
    if title is None:
        return
    found = Marks()
    texts = m.narratives(title, found)
    # One title: the activity's language, else the only one; the others stay kept.
    tag = m.language if m.language in texts else None
    if tag is None and len(texts) == 1:
        tag = next(iter(texts))
    if tag is None or len(texts[tag]) > 1000:
        return
    data["title"] = texts[tag]
    for narrative in found.elements:
        if (narrative.text or "") == texts[tag]:
            marks.use(narrative, XML_LANG)
            break
    marks.use(title)


def related(m: ActivityMapper) -> None:
    related: list[dict[str, Any]] = []
    for element in m.all("related-activity"):
        relation = _codes.RELATED_ACTIVITY_TYPE_IMPORT.get(element.get("type") or "")
        ref = (element.get("ref") or "").strip()
        if relation is None or not ref:
            continue
        marks = Marks()
        marks.use(element, "type", "ref")
        data = {"relation": relation.value, "code": ref}
        if m.build(RelatedProgramme, data, marks, element) is not None:
            related.append(data)
    if related:
        m.data["related_programmes"] = related
