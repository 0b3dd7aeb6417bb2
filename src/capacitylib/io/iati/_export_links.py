"""Links: ``document-link`` for the programme's sources, ``related-activity`` for related ones.

A source with a url is an A12 Activity web page document link; one without has no IATI form.
A related programme is referred to by its iati-identifier: the one this export gives it, else
one built from its code (derived); IATI has no predecessor or follow-up relation, so those are
3 Sibling (lossy).
"""

from __future__ import annotations

import mimetypes
from typing import TYPE_CHECKING

from capacitylib.codelists import ProgrammeRelation
from capacitylib.errors import Loc
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import identifier_text

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter


def write_document_links(w: ActivityWriter, activity: etree._Element) -> None:
    """A ``document-link`` per source with a url."""
    for i, source in enumerate(w.programme.sources):
        loc: Loc = ("sources", i)
        if source.url is None:
            w.lossy_once(
                "source_without_url",
                loc,
                "a source without a url is not written: an IATI document-link needs one",
            )
            continue
        guessed = mimetypes.guess_type(source.url.split("?")[0], strict=False)[0]
        node = w.sub(
            activity,
            "document-link",
            url=w.clean(source.url, (*loc, "url")),
            format=guessed or "text/html",
        )
        title = w.sub(node, "title")
        if source.title and source.language:
            w.narratives(title, {source.language: source.title}, (*loc, "title"))
        else:
            w.english(title, source.title or source.url, (*loc, "title"))
        words = []
        if source.retrieved is not None:
            words.append(f"Retrieved {source.retrieved.isoformat()}.")
        if source.note:
            words.append(source.note)
        if words:
            w.english(w.sub(node, "description"), " ".join(words), (*loc, "note"))
        w.sub(node, "category", code=_codes.SOURCE_DOCUMENT_CATEGORY)
        if source.language:
            w.sub(node, "language", code=_codes.iati_language(source.language)[0])


def write_related(w: ActivityWriter, activity: etree._Element) -> None:
    """A ``related-activity`` per related programme whose identifier is known."""
    for i, related in enumerate(w.programme.related_programmes):
        loc: Loc = ("related_programmes", i)
        ref = None
        if related.programme is not None:
            ref = w.context.identifiers.get(related.programme)
        if ref is None and related.code is not None:
            ref = f"{_prefix(w)}-"
            ref += identifier_text(related.code)
            w.finding(
                "iati_export_derived",
                (*loc, "code"),
                f"related activity identifier {ref} is built from its code: it assumes the "
                "same reporting organisation",
                ref,
            )
        if ref is None:
            w.lossy(
                loc,
                "a related programme known only by its title or url is not written: an "
                "IATI related-activity needs the activity's identifier",
            )
            continue
        code = _codes.RELATED_ACTIVITY_TYPE[related.relation]
        if related.relation is not ProgrammeRelation.PARENT:
            w.lossy(
                (*loc, "relation"),
                f"relation '{related.relation.value}' written as related-activity type "
                f"{code} (Sibling): IATI has no predecessor or follow-up",
                related.relation.value,
            )
        w.sub(activity, "related-activity", ref=w.clean(ref, loc), type=code)


def _prefix(w: ActivityWriter) -> str:
    from capacitylib.io.iati._export_activity import reporting_prefix  # noqa: PLC0415

    return reporting_prefix(w.programme, w.context)
