"""Accounting for every element of an IATI activity: mapped to a field, or kept and listed.

The mapper marks each element (and each attribute) it reads into a programme field as used,
one object at a time: :class:`Marks` collects what one object reads and is committed to the
:class:`Ledger` only when that object validates, so an element whose value is refused is not
counted as mapped. :meth:`Ledger.leftovers` then walks the activity: an element never used is
kept whole, a used element's unused attributes are kept, and each kept item is listed.

A kept element is JSON (``extensions.iati``), lossless and turned back into XML by
:func:`element_from_json`::

    {"tag": "sector", "attributes": {"vocabulary": "2", "code": "111"},
     "text": "...", "children": [...], "tail": "..."}

``attributes``, ``text``, ``children``, ``tail`` and ``namespaces`` (prefix -> URI, the
declarations in scope that its parent does not have) appear only when there is something in
them (text and tails that are only white space, the file's indentation, are left out). Names
in the XML namespace are written ``xml:lang``; names in other namespaces in Clark notation
(``{http://example.org/ns}field``). An element nested too deep for an extension value
(:data:`~capacitylib.values.extensions.MAX_EXTENSION_DEPTH`) is kept as its XML text instead:
``{"tag": ..., "xml": "<...>"}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from capacitylib.values.extensions import MAX_EXTENSION_DEPTH

if TYPE_CHECKING:
    from lxml import etree

XML_NAMESPACE = "{http://www.w3.org/XML/1998/namespace}"

#: ``xml:lang`` as lxml names it.
XML_LANG = XML_NAMESPACE + "lang"

# Levels of extension value above a kept element: iati -> not_mapped -> item -> element.
_DEPTH_ABOVE_ELEMENT = 3


def name_of(name: str) -> str:
    """``xml:lang`` for the XML namespace's names; other names as lxml gives them."""
    if name.startswith(XML_NAMESPACE):
        return "xml:" + name[len(XML_NAMESPACE) :]
    return name


def _clark(name: str) -> str:
    return XML_NAMESPACE + name[4:] if name.startswith("xml:") else name


def line_of(element: etree._Element) -> int | None:
    """The line ``element`` starts on in its file, when lxml knows it."""
    line: object = element.sourceline
    return line if isinstance(line, int) and line > 0 else None


def children(element: etree._Element) -> Iterator[etree._Element]:
    """The child elements of ``element`` (comments and processing instructions left out)."""
    for child in element:
        if isinstance(child.tag, str):
            yield child


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def element_json(element: etree._Element) -> dict[str, Any]:
    """The JSON form of ``element`` and everything in it (see the module docstring)."""
    if _depth_of(element) * 2 + _DEPTH_ABOVE_ELEMENT > MAX_EXTENSION_DEPTH:
        text = _etree().tostring(element, encoding="unicode", with_tail=False)
        return {"tag": name_of(str(element.tag)), "xml": text}
    return _json(element, {})


def _json(element: etree._Element, inherited: dict[str | None, str]) -> dict[str, Any]:
    data: dict[str, Any] = {"tag": name_of(str(element.tag))}
    declared = {k: v for k, v in element.nsmap.items() if inherited.get(k) != v}
    if declared:
        data["namespaces"] = {prefix or "": uri for prefix, uri in declared.items()}
    if element.attrib:
        data["attributes"] = {name_of(str(k)): str(v) for k, v in element.attrib.items()}
    if not _blank(element.text):
        data["text"] = element.text
    scope = dict(element.nsmap)
    kids = []
    for child in children(element):
        kid = _json(child, scope)
        if not _blank(child.tail):
            kid["tail"] = child.tail
        kids.append(kid)
    if kids:
        data["children"] = kids
    return data


def _depth_of(element: etree._Element) -> int:
    deepest = 0
    stack = [(element, 0)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(node))
    return deepest


def element_from_json(data: dict[str, Any]) -> etree._Element:
    """The element a kept JSON form stands for (the inverse of :func:`element_json`)."""
    lxml_etree = _etree()
    if "xml" in data:
        parser = lxml_etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        return lxml_etree.fromstring(data["xml"], parser)  # type: ignore[no-any-return]
    element: etree._Element = _element(lxml_etree, data, None)
    return element


def _element(lxml_etree: Any, data: dict[str, Any], parent: Any) -> Any:
    namespaces = {prefix or None: uri for prefix, uri in data.get("namespaces", {}).items()}
    if parent is None:
        element = lxml_etree.Element(_clark(data["tag"]), nsmap=namespaces)
    else:
        element = lxml_etree.SubElement(parent, _clark(data["tag"]), nsmap=namespaces)
    for key, value in data.get("attributes", {}).items():
        element.set(_clark(key), value)
    element.text = data.get("text")
    element.tail = data.get("tail") if parent is not None else None
    for child in data.get("children", ()):
        _element(lxml_etree, child, element)
    return element


def _etree() -> Any:
    from capacitylib.io._extras import require  # noqa: PLC0415 - lxml is the iati extra

    return require("lxml.etree", extra="iati", package="lxml")


@dataclass
class Marks:
    """What one object of the programme reads: elements with all their text, and attributes."""

    elements: list[etree._Element] = field(default_factory=list)
    attributes: list[tuple[etree._Element, str]] = field(default_factory=list)

    def use(self, element: etree._Element, *attributes: str) -> None:
        """Mark ``element`` (its text too) and the named attributes as read."""
        self.elements.append(element)
        self.attributes.extend((element, name) for name in attributes)

    def attribute(self, element: etree._Element, name: str) -> None:
        """Mark one attribute as read, without its element."""
        self.attributes.append((element, name))

    def merge(self, other: Marks) -> None:
        """Add what ``other`` marked."""
        self.elements += other.elements
        self.attributes += other.attributes


@dataclass
class Kept:
    """One kept item: a whole element, or the unused attributes of a used element."""

    element: etree._Element
    whole: bool
    attributes: dict[str, str] = field(default_factory=dict)


class Ledger:
    """Which elements and attributes of one activity are mapped into the programme."""

    def __init__(self) -> None:
        self._elements: set[etree._Element] = set()
        self._attributes: set[tuple[etree._Element, str]] = set()

    def commit(self, marks: Marks) -> None:
        """Count what ``marks`` read as mapped (call it once its object has validated)."""
        self._elements.update(marks.elements)
        self._attributes.update(marks.attributes)

    def used(self, element: etree._Element) -> bool:
        """Whether ``element`` was mapped."""
        return element in self._elements

    def leftovers(self, activity: etree._Element) -> list[Kept]:
        """Everything of ``activity`` not mapped, in document order.

        The activity element itself counts as used: its unused attributes are one item.
        """
        kept: list[Kept] = []
        self._walk(activity, kept)
        return kept

    def _walk(self, element: etree._Element, kept: list[Kept]) -> None:
        unused = {
            name_of(str(name)): str(value)
            for name, value in element.attrib.items()
            if (element, str(name)) not in self._attributes
        }
        if unused:
            kept.append(Kept(element, whole=False, attributes=unused))
        for child in children(element):
            if child in self._elements:
                self._walk(child, kept)
            else:
                kept.append(Kept(child, whole=True))
