"""Where: ``recipient-country``, ``location`` and the ``sector`` of an activity.

Countries are the programme's and its locations'; several without a stated split share 100 %
equally (IATI rule 3.1.1 wants a percentage each; derived). A location names its municipality
and region as the source writes them; a country alone is the recipient country. The sector is
the export's (DAC 16010 Social Protection by default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from capacitylib.io.iati._export_figures import decimal_text, percentages
from capacitylib.models import Programme

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter


def write_countries(w: ActivityWriter, activity: etree._Element) -> None:
    """``recipient-country`` per country stated (equal percentages when several)."""
    p = w.programme
    stated = [p.country, *(place.country for place in p.locations)]
    countries = [str(c) for c in dict.fromkeys(c for c in stated if c is not None)]
    if not countries:
        lead = _lead_country(p)
        if lead is None:
            w.finding(
                "iati_export_incomplete",
                ("country",),
                "no country stated: IATI expects a recipient country or region (rule 3.7.1)",
            )
            return
        countries = [lead]
        w.finding(
            "iati_export_derived",
            ("country",),
            f"no country stated: the lead implementer's country {lead} is written as the "
            "recipient country",
            lead,
        )
    if len(countries) == 1:
        w.sub(activity, "recipient-country", code=countries[0])
        return
    w.finding(
        "iati_export_derived",
        ("locations",),
        f"{len(countries)} countries and no split stated: IATI requires a percentage for "
        "each (rule 3.1.1), so they are split equally",
        countries,
    )
    for country, share in zip(countries, percentages(len(countries)), strict=True):
        w.sub(activity, "recipient-country", code=country, percentage=decimal_text(share))


def write_locations(w: ActivityWriter, activity: etree._Element) -> None:
    """A ``location`` per place the programme names below its country."""
    for i, place in enumerate(w.programme.locations):
        names = [n for n in (place.municipality, place.region) if n]
        words = []
        if place.place_count is not None or place.place_kind is not None:
            kind = place.place_kind.value if place.place_kind is not None else "place"
            count = f"{place.place_count} " if place.place_count is not None else ""
            words.append(f"{count}{kind}(s)")
        if place.note:
            words.append(place.note)
        if not names and not words:
            continue  # a country alone is the recipient country
        node = w.sub(activity, "location")
        # Place names are written as the source gives them; IATI wants a language on each
        # narrative and capacitylib does not record one, so they carry the activity's.
        if names:
            w.english(w.sub(node, "name"), ", ".join(names), ("locations", i))
        if words:
            w.english(w.sub(node, "description"), "; ".join(words), ("locations", i))


def write_sector(w: ActivityWriter, activity: etree._Element) -> None:
    """The export's ``sector``."""
    sector = w.context.sector
    node = w.sub(activity, "sector", vocabulary=sector.vocabulary, code=sector.code)
    if sector.name:
        w.english(node, sector.name)


def _lead_country(programme: Programme) -> str | None:
    for partner in programme.partners:
        if partner.role.value == "lead_implementer":
            country = programme.organisation(partner.organisation).country
            return str(country) if country is not None else None
    return None
