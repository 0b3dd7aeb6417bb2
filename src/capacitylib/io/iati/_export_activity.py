"""One programme as one ``<iati-activity>``, element by element in the 2.03 schema's order.

:class:`ActivityWriter` holds one programme, the export's :class:`Context` and the findings,
and writes the elements in the ``xsd:sequence`` order of the schema; the parties, dates, money
and results have their own modules. The policy (what each capacitylib field becomes, and what
is reported when IATI cannot say it) is in ``docs/iati.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from capacitylib.errors import Loc, Problem, format_path
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import (
    XML_LANG,
    identifier_text,
    xml_text,
)
from capacitylib.models import Programme
from capacitylib.rules.catalogue import DATASET_CODES
from capacitylib.values import LocalizedText

if TYPE_CHECKING:
    from lxml import etree

#: Text by language tag: a :class:`LocalizedText` or a plain mapping.
Text = LocalizedText | Mapping[str, str]

#: Organisation identifier prefix written when no reporting organisation identifier is known:
#: the org-id.guide prefix IATI reserves for example data, so the file says it is not real.
PLACEHOLDER_ORG_REF = "XE-EXAMPLE"


@dataclass(frozen=True, slots=True)
class ReportingOrganisation:
    """The publisher of the activities: ``reporting-org``, and the prefix of each identifier.

    ``ref`` is its IATI organisation identifier (``LT-RC-188681153``), ``type`` its IATI
    OrganisationType code (``10`` Government), ``name`` its name by language tag.

    >>> org = ReportingOrganisation(ref="LT-RC-188681153", type="10",
    ...                             name={"lt": "Europos socialinio fondo agentūra"})
    >>> org.ref
    'LT-RC-188681153'
    """

    ref: str
    type: str
    name: Mapping[str, str]
    secondary_reporter: bool | None = None


@dataclass(frozen=True, slots=True)
class IatiSector:
    """The sector the activities are classified under: ``code`` in ``vocabulary``.

    The default is DAC 5-digit ``16010`` Social Protection, vocabulary ``1``. Vocabularies 98
    and 99 (the reporting organisation's own) need a ``name`` (IATI rule 2.2.1).

    >>> IatiSector("16010").vocabulary
    '1'
    """

    code: str
    vocabulary: str = _codes.DEFAULT_SECTOR_VOCABULARY
    name: str | None = None


@dataclass(slots=True)
class Context:
    """What every activity of one export shares: options, the moment, every identifier."""

    reporting_org: ReportingOrganisation | None
    sector: IatiSector
    generated: datetime
    identifiers: dict[str, str] = field(default_factory=dict)

    @property
    def today(self) -> date:
        """The day the file is generated: an actual date after it is not actual yet."""
        return self.generated.date()


#: An activity date: IATI ActivityDateType code, the day, and a narrative when derived.
DateEntry = tuple[str, date, str | None]


@dataclass(slots=True)
class ActivityDates:
    """The planned and actual start and end written for one activity."""

    start: DateEntry | None = None
    end: DateEntry | None = None
    actual_start: DateEntry | None = None
    actual_end: DateEntry | None = None

    def written(self) -> list[DateEntry]:
        """The dates to write, by type code (1 planned start, 2 actual start, ...)."""
        found = [self.start, self.actual_start, self.end, self.actual_end]
        return sorted((d for d in found if d is not None), key=lambda d: d[0])

    @property
    def first(self) -> date | None:
        """The actual start, else the planned start."""
        days = [d[1] for d in (self.actual_start, self.start) if d is not None]
        return days[0] if days else None

    @property
    def last(self) -> date | None:
        """The actual end, else the planned end."""
        days = [d[1] for d in (self.actual_end, self.end) if d is not None]
        return days[0] if days else None


class ActivityWriter:
    """Writes one programme into an ``iati-activity`` element and collects its findings."""

    def __init__(self, programme: Programme, context: Context, identifier: str) -> None:
        from capacitylib.io._extras import require  # noqa: PLC0415 - lxml on use

        self.etree: Any = require("lxml.etree", extra="iati", package="lxml")
        self.programme = programme
        self.context = context
        self.identifier = identifier
        self.problems: list[Problem] = []
        self.dates = ActivityDates()
        #: Fields written only when something else allows it (approved_on dates transactions).
        self.used: set[str] = set()
        self._grouped: dict[str, tuple[list[Loc], str, object]] = {}

    # --- findings -------------------------------------------------------------------------

    def finding(
        self, code: str, loc: Loc, message: str, value: object = None, **values: Any
    ) -> None:
        """Record a finding of ``code`` at ``loc`` (its severity from the catalogue)."""
        self.problems.append(
            Problem(
                code=code,
                path=format_path(loc),
                message=message,
                severity=DATASET_CODES[code].severity,
                value=value,
                values={"programme": self.programme.id, "iati_identifier": self.identifier}
                | values,
            )
        )

    def lossy(self, loc: Loc, message: str, value: object = None, **values: Any) -> None:
        """Record that IATI cannot say what ``loc`` states: ``message`` says what is lost."""
        self.finding("iati_export_lossy", loc, message, value, **values)

    def lossy_once(self, key: str, loc: Loc, message: str, value: object = None) -> None:
        """Like :meth:`lossy`, but one finding for every ``loc`` with the same ``key``.

        Nine partners of one kind make one finding naming the nine paths, not nine findings.
        """
        if key in self._grouped:
            self._grouped[key][0].append(loc)
        else:
            self._grouped[key] = ([loc], message, value)

    def _flush_grouped(self) -> None:
        for locs, message, value in self._grouped.values():
            paths = [format_path(loc) for loc in locs]
            more = f" (also {', '.join(paths[1:])})" if len(paths) > 1 else ""
            self.lossy(locs[0], message + more, value, paths=paths)
        self._grouped.clear()

    # --- XML helpers ----------------------------------------------------------------------

    def sub(self, parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
        """A child element; attribute names use ``_`` for ``-``; ``None`` values are left out."""
        attrs = {k.replace("_", "-"): v for k, v in attributes.items() if v is not None}
        return self.etree.SubElement(parent, tag, attrs)  # type: ignore[no-any-return]

    def clean(self, text: str, loc: Loc) -> str:
        """``text`` as XML can hold it; a replaced character is reported."""
        cleaned, replaced = xml_text(text)
        if replaced:
            self.lossy(
                loc,
                f"{replaced} character(s) XML cannot hold (control characters) written as U+FFFD",
                text[:200],
            )
        return cleaned

    def narratives(self, parent: etree._Element, text: Text, loc: Loc) -> None:
        """One ``narrative`` per language of ``text``, each with its ``xml:lang``."""
        items = text.root.items() if isinstance(text, LocalizedText) else text.items()
        for tag, value in items:
            lang, exact = _codes.iati_language(tag)
            if not exact and len(lang) == 2:
                self.lossy(
                    (*loc, tag),
                    f"language tag '{tag}' written as '{lang}': IATI languages are ISO 639-1 "
                    "codes, so the region or script is lost",
                    tag,
                )
            elif not exact:
                self.finding(
                    "iati_export_not_on_codelist",
                    (*loc, tag),
                    f"language tag '{tag}' is not an ISO 639-1 code on the IATI Language "
                    "codelist; written as stated",
                    tag,
                )
            node = self.sub(parent, "narrative")
            node.set(XML_LANG, lang)
            node.text = self.clean(value, (*loc, tag))

    def english(self, parent: etree._Element, text: str, loc: Loc = ()) -> None:
        """One English narrative: the export's own words (or a name in no stated language)."""
        node = self.sub(parent, "narrative")
        node.set(XML_LANG, "en")
        node.text = self.clean(text, loc)

    # --- the activity ---------------------------------------------------------------------

    def write(self, parent: etree._Element) -> etree._Element:
        """Append this programme's ``iati-activity`` to ``parent`` and return it."""
        from capacitylib.io.iati import (  # noqa: PLC0415 - the parts import this module
            _export_dates,
            _export_links,
            _export_money,
            _export_parties,
            _export_places,
            _export_results,
        )

        p = self.programme
        activity = self.sub(
            parent,
            "iati-activity",
            last_updated_datetime=self.context.generated.isoformat(),
            default_currency=_export_money.default_currency(self),
            hierarchy="1",
        )
        activity.set(XML_LANG, "en")  # the language of the export's own narratives
        self.sub(activity, "iati-identifier").text = self.clean(self.identifier, ("code",))
        _export_parties.write_reporting_org(self, activity)
        self.narratives(self.sub(activity, "title"), p.title, ("title",))
        self._descriptions(activity, _export_money.funding_text(self))
        _export_parties.write_participating_orgs(self, activity)
        self._other_identifiers(activity)
        _export_dates.resolve_dates(self)
        _export_dates.write_status(self, activity)
        for type_code, day, note in self.dates.written():
            node = self.sub(activity, "activity-date", type=type_code, iso_date=day.isoformat())
            if note:
                self.english(node, note)
        _export_places.write_countries(self, activity)
        _export_places.write_locations(self, activity)
        _export_places.write_sector(self, activity)
        _export_money.write_budgets(self, activity)
        _export_money.write_transactions(self, activity)
        _export_links.write_document_links(self, activity)
        _export_links.write_related(self, activity)
        _export_results.write_results(self, activity)
        self._not_written()
        self._flush_grouped()
        return activity

    def _other_identifiers(self, activity: etree._Element) -> None:
        p = self.programme
        # A1, the reporting organisation's internal identifier: the document id, so that an
        # import finds the programme again; A9: the programme code when the iati-identifier
        # does not hold it as written.
        self.sub(activity, "other-identifier", ref=self.clean(p.id, ("id",)), type="A1")
        if p.code is not None and not self.identifier.endswith(f"-{p.code}"):
            self.sub(activity, "other-identifier", ref=self.clean(p.code, ("code",)), type="A9")

    # --- descriptions ---------------------------------------------------------------------

    def _descriptions(self, activity: etree._Element, funding: str) -> None:
        p = self.programme
        general = _codes.DESCRIPTION_TYPE["general"]
        if p.summary is not None:
            node = self.sub(activity, "description", type=general)
            self.narratives(node, p.summary, ("summary",))
        else:
            self.finding(
                "iati_export_derived",
                ("summary",),
                "no summary: IATI requires a description, so the title is written as the "
                "general description",
            )
            self.narratives(self.sub(activity, "description", type=general), p.title, ("title",))
        for i, objective in enumerate(p.objectives):
            node = self.sub(activity, "description", type=_codes.DESCRIPTION_TYPE["objectives"])
            self.narratives(node, objective, ("objectives", i))
        target = _codes.DESCRIPTION_TYPE["target_groups"]
        for i, statement in enumerate(p.target_group_statements):
            node = self.sub(activity, "description", type=target)
            self.narratives(node, statement.text, ("target_group_statements", i, "text"))
        if p.target_groups:
            names = ", ".join(g.value.replace("_", " ") for g in p.target_groups)
            node = self.sub(activity, "description", type=target)
            self.english(node, f"Target groups: {names}.")
        if funding:
            node = self.sub(activity, "description", type=_codes.DESCRIPTION_TYPE["other"])
            self.english(node, funding, ("budget",))

    # --- what IATI has no element for -----------------------------------------------------

    def _not_written(self) -> None:
        p = self.programme
        fields = [name for name in NOT_WRITTEN if _stated(getattr(p, name))]
        if p.budget is not None:
            fields += [
                f"budget.{name}"
                for name in ("lines", "unit_costs", "note")
                if _stated(getattr(p.budget, name))
            ]
        for i, stated in enumerate(p.periods):
            fields += [
                f"periods[{i}].{name}"
                for name in ("source", "url", "stated_on", "effective_from")
                if getattr(stated, name) is not None
            ]
        for i, org in enumerate(p.organisations):
            fields += [
                f"organisations[{i}].{name}"
                for name in ("municipality", "website", "contact", "note", "extensions")
                if _stated(getattr(org, name))
            ]
        fields += [f"partners[{i}].note" for i, x in enumerate(p.partners) if x.note]
        if p.approved_on is not None and "approved_on" not in self.used:
            fields.append("approved_on")
        for i, related in enumerate(p.related_programmes):
            fields += [
                f"related_programmes[{i}].{name}"
                for name in ("title", "url", "note")
                if getattr(related, name) is not None
            ]
        for i, indicator in enumerate(p.indicators):
            fields += [
                f"indicators[{i}].{name}"
                for name in ("subset_of", "follows_from", "activity", "extensions")
                if _stated(getattr(indicator, name, None))
            ]
            fields += _complete_breakdowns(indicator, ("indicators", i))
        if fields:
            self.lossy(
                (),
                "not written, IATI has no element for them: " + ", ".join(fields),
                fields=fields,
            )


#: Programme fields with no IATI element (docs/iati.md gives the reason for each).
NOT_WRITTEN = (
    "short_name",
    "code_scheme",
    "programming_period",
    "operational_programme",
    "region_category",
    "measures",
    "status_as_of",
    "stated_duration",
    "stated_partner_count",
    "stated_counts",
    "partner_groups",
    "eligibility",
    "activities",
    "note",
    "extensions",
)


def _complete_breakdowns(indicator: Any, loc: Loc) -> list[str]:
    """Paths of breakdowns marked complete: IATI dimensions cannot say that parts cover all."""
    found = []
    figures = [("target_breakdowns", indicator.target_breakdowns)]
    for j, period in enumerate(indicator.periods):
        for name in ("target", "actual"):
            stated = getattr(period, name)
            if stated is not None:
                figures.append((f"periods[{j}].{name}.breakdowns", stated.breakdowns))
    for j, actual in enumerate(indicator.actuals):
        figures.append((f"actuals[{j}].breakdowns", actual.breakdowns))
    for where, breakdowns in figures:
        found += [
            f"{format_path(loc)}.{where}[{k}].complete"
            for k, breakdown in enumerate(breakdowns)
            if breakdown.complete
        ]
    return found


def _stated(value: object) -> bool:
    return value is not None and value not in ((), {}, "")


def reporting_prefix(programme: Programme, context: Context) -> str:
    """The reporting organisation identifier an activity's built identifier starts with."""
    if context.reporting_org is not None:
        return context.reporting_org.ref
    from capacitylib.io.iati._export_parties import derived_reporting_org  # noqa: PLC0415

    _org, ref = derived_reporting_org(programme)
    return ref if ref is not None else PLACEHOLDER_ORG_REF


def resolve_identifier(
    programme: Programme,
    context: Context,
    identifier: Mapping[str, str] | Callable[[Programme], str | None] | None,
) -> tuple[str, str | None]:
    """The ``iati-identifier`` of ``programme``, and why it is not the code as stated (or None).

    Supplied identifiers are kept as given. A built one is ``<reporting org ref>-<code>``
    (the document id when there is no code), with ``/ & | ?`` written as ``-`` (IATI rule
    1.3.13).
    """
    supplied = identifier(programme) if callable(identifier) else None
    if identifier is not None and not callable(identifier):
        supplied = identifier.get(programme.id)
    if supplied is not None:
        return supplied, None
    stated = programme.code if programme.code is not None else programme.id
    built = f"{reporting_prefix(programme, context)}-{identifier_text(stated)}"
    if programme.code is None:
        return built, f"no programme code: the identifier {built} is built from the document id"
    if identifier_text(stated) != stated:
        return built, (
            f"the code {stated} holds characters an iati-identifier must not (/ & | ?, IATI "
            f"rule 1.3.13): written as {built}; the code as stated is other-identifier A9"
        )
    return built, None
