"""Ids and references within one document, and English titles.

* **Duplicate ids**: organisations, activities and indicators each have ids unique in their list,
  and sessions ids unique within their activity; every repetition after the first is reported.
* **Unreferenced organisations**: an organisation nothing refers to
  (:meth:`Programme.organisation_references`: partners, budget sources and lines, facilitators,
  participations).
* **Indicator references**: ``subset_of`` and each ``follows_from`` name an indicator of the
  same document (an error, as an id that names no organisation or activity is refused).
* **English titles**: the programme's, each activity's and each output's title has an ``en``
  (or ``en-*``) text.
"""

from __future__ import annotations

from capacitylib.errors import Loc, format_path
from capacitylib.models import Programme
from capacitylib.rules._context import Context, Findings, finding, quoted
from capacitylib.values import LocalizedText


def check_references(programme: Programme, ctx: Context) -> Findings:
    """Findings ``id_duplicate``, ``indicator_reference_unknown`` and the other reference rules."""
    yield from _duplicates(
        [(("organisations", i), o.id) for i, o in enumerate(programme.organisations)]
    )
    yield from _duplicates([(("activities", i), a.id) for i, a in enumerate(programme.activities)])
    yield from _duplicates([(("indicators", i), x.id) for i, x in enumerate(programme.indicators)])
    for i, activity in enumerate(programme.activities):
        if len(activity.sessions) > 1:
            yield from _duplicates(
                [
                    (("activities", i, "sessions", j), s.id)
                    for j, s in enumerate(activity.sessions)
                    if s.id is not None
                ]
            )
    yield from _indicator_references(programme)
    referenced = {ref for _, ref in programme.organisation_references()}
    for i, organisation in enumerate(programme.organisations):
        if organisation.id not in referenced:
            yield finding(
                "organisation_unreferenced",
                ("organisations", i, "id"),
                f"'id' must be referred to by a partner, budget source or line, facilitator or "
                f"participation (got {organisation.id!r}, referred to nowhere)",
                value=organisation.id,
            )
    yield from _english(("title",), programme.title)
    for i, activity in enumerate(programme.activities):
        yield from _english(("activities", i, "title"), activity.title)
        for j, output in enumerate(activity.outputs):
            yield from _english(("activities", i, "outputs", j, "title"), output.title)


def _duplicates(items: list[tuple[Loc, str]]) -> Findings:
    if len({item_id for _, item_id in items}) == len(items):
        return
    first: dict[str, Loc] = {}
    for at, item_id in items:
        if item_id not in first:
            first[item_id] = at
            continue
        yield finding(
            "id_duplicate",
            (*at, "id"),
            f"'id' must be unique in '{at[-2]}' (got {item_id!r}, also at "
            f"{quoted(first[item_id])})",
            value=item_id,
            first_path=format_path(first[item_id]),
        )


def _indicator_references(programme: Programme) -> Findings:
    ids = {indicator.id for indicator in programme.indicators}
    for i, indicator in enumerate(programme.indicators):
        refs: list[tuple[Loc, str]] = []
        if indicator.subset_of is not None:
            refs.append((("indicators", i, "subset_of"), indicator.subset_of))
        refs += [
            (("indicators", i, "follows_from", k), ref)
            for k, ref in enumerate(indicator.follows_from)
        ]
        for at, ref in refs:
            if ref in ids:
                continue
            field = format_path(at[2:])
            yield finding(
                "indicator_reference_unknown",
                at,
                f"'{field}' must be the id of an item in 'indicators' (got {ref!r})",
                value=ref,
            )


def _english(loc: Loc, text: LocalizedText | None) -> Findings:
    if text is None or "en" in text.root:
        return
    if any(tag.startswith("en-") for tag in text.root):
        return
    yield finding(
        "title_english_missing",
        loc,
        f"'title' must have an English text ('en') (got {', '.join(text.languages)} only)",
        value=list(text.languages),
    )
