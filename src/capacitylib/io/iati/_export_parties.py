"""Who: ``reporting-org`` and ``participating-org`` (partners and funders) of an activity.

Each partner is a participating organisation in its IATI role; each funding source is a
funder (role 1): its organisation, the lead implementer for an own contribution, or a funder
named by its instrument ("European Social Fund Plus") when the source names no organisation.
This is how IATI expects co-financing: every funder listed with role 1, and the amounts as
incoming commitments (:mod:`._export_money`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from capacitylib.codelists import FundingInstrument, FundingSourceKind, PartnerRole
from capacitylib.errors import Loc
from capacitylib.io.iati import _codes
from capacitylib.io.iati._export_figures import XML_LANG, xml_text
from capacitylib.models import Organisation, Programme

if TYPE_CHECKING:
    from lxml import etree

    from capacitylib.io.iati._export_activity import ActivityWriter

_OWN = (FundingSourceKind.OWN_CONTRIBUTION_CASH, FundingSourceKind.OWN_CONTRIBUTION_IN_KIND)


def quiet_ref(org: Organisation) -> str | None:
    """The IATI identifier of ``org``: its first identifier in a known scheme, or ``None``."""
    for ident in org.identifiers:
        ref = _codes.organisation_ref(ident.scheme, ident.value, country=org.country)
        if ref is not None:
            return xml_text(ref)[0]
    return None


def organisation_ref(w: ActivityWriter, org: Organisation, loc: Loc) -> str | None:
    """:func:`quiet_ref`, reporting identifiers in unknown schemes and identifiers left out."""
    found: str | None = None
    for i, ident in enumerate(org.identifiers):
        ref = _codes.organisation_ref(ident.scheme, ident.value, country=org.country)
        where = (*loc, "identifiers", i)
        if ref is None:
            w.finding(
                "iati_export_identifier_unmapped",
                (*where, "scheme"),
                f"identifier scheme '{ident.scheme}' has no known org-id.guide prefix: the "
                f"identifier {ident.value!r} is not written (the organisation is named)",
                ident.scheme,
            )
        elif found is None:
            found = w.clean(ref, where)
        elif ref != found:
            w.lossy(
                where,
                f"a second identifier ({ref}) is not written: an IATI organisation has one "
                f"'ref' ({found})",
                ref,
            )
    return found


def organisation_loc(programme: Programme, org_id: str) -> Loc:
    """The path of the organisation with ``org_id`` in ``programme``."""
    for i, org in enumerate(programme.organisations):
        if org.id == org_id:
            return ("organisations", i)
    return ("organisations",)


def derived_reporting_org(programme: Programme) -> tuple[Organisation | None, str | None]:
    """Without ``reporting_org=``: the lead implementer (else the first partner) with a ref.

    Returns the organisation to name and its IATI identifier (``None`` when no partner has an
    identifier in a known scheme; the organisation is then the first partner, or ``None``).
    """
    ordered = sorted(programme.partners, key=lambda x: x.role is not PartnerRole.LEAD_IMPLEMENTER)
    first: Organisation | None = None
    for partner in ordered:
        org = programme.organisation(partner.organisation)
        first = first or org
        ref = quiet_ref(org)
        if ref is not None:
            return org, ref
    return first, None


def funder_name(kind: FundingSourceKind, instrument: FundingInstrument | None) -> str:
    """A funder known only by its instrument or kind, in English.

    >>> funder_name(FundingSourceKind.EU_FUND, FundingInstrument.ESF_PLUS)
    'European Social Fund Plus'
    >>> funder_name(FundingSourceKind.NATIONAL_BUDGET, None)
    'National budget'
    """
    if instrument is not None:
        return _codes.FUNDING_INSTRUMENT_NAME[instrument]
    return kind.value.replace("_", " ").capitalize()


def lead_implementer(programme: Programme) -> Organisation | None:
    """The organisation of the first ``lead_implementer`` partner, if any."""
    for partner in programme.partners:
        if partner.role is PartnerRole.LEAD_IMPLEMENTER:
            return programme.organisation(partner.organisation)
    return None


def write_reporting_org(w: ActivityWriter, activity: etree._Element) -> None:
    """The ``reporting-org``: the one given, else derived, else a marked placeholder."""
    from capacitylib.io.iati._export_activity import PLACEHOLDER_ORG_REF  # noqa: PLC0415

    given = w.context.reporting_org
    if given is not None:
        reporter = given.secondary_reporter
        node = w.sub(
            activity,
            "reporting-org",
            ref=w.clean(given.ref, ()),
            type=given.type,
            secondary_reporter=None if reporter is None else str(reporter).lower(),
        )
        w.narratives(node, given.name, ("reporting_org",))
        return
    org, ref = derived_reporting_org(w.programme)
    if org is not None and ref is not None:
        loc = organisation_loc(w.programme, org.id)
        w.finding(
            "iati_export_derived",
            loc,
            f"no reporting organisation given (reporting_org=): {org.id} ({ref}) reports the "
            "activity",
            ref,
        )
        node = w.sub(activity, "reporting-org", ref=ref, type=_codes.ORGANISATION_TYPE[org.kind])
        w.narratives(node, org.name, (*loc, "name"))
        return
    w.finding(
        "iati_export_incomplete",
        ("partners",),
        "no reporting organisation identifier: none was given (reporting_org=) and no partner "
        f"has an identifier in a known scheme; '{PLACEHOLDER_ORG_REF}' (IATI's prefix for "
        "example data) is written in its place",
        PLACEHOLDER_ORG_REF,
    )
    type_code = _codes.ORGANISATION_TYPE[org.kind] if org is not None else "90"
    node = w.sub(activity, "reporting-org", ref=PLACEHOLDER_ORG_REF, type=type_code)
    if org is not None:
        w.narratives(node, org.name, (*organisation_loc(w.programme, org.id), "name"))
    else:
        w.english(node, "Reporting organisation not stated")


class _Participants:
    """The participating organisations of one activity, each (role, organisation) once."""

    def __init__(self, w: ActivityWriter, activity: etree._Element) -> None:
        self.w = w
        self.activity = activity
        self.seen: set[tuple[str, str]] = set()
        self.described: set[str] = set()

    def organisation(self, role: str, org: Organisation) -> None:
        if (role, org.id) in self.seen:
            return
        self.seen.add((role, org.id))
        w = self.w
        loc = organisation_loc(w.programme, org.id)
        type_code = _codes.ORGANISATION_TYPE[org.kind]
        if org.id in self.described:
            ref = quiet_ref(org)
        else:
            self.described.add(org.id)
            ref = organisation_ref(w, org, loc)
            table, inverse = _codes.ORGANISATION_TYPE, _codes.ORGANISATION_TYPE_IMPORT
            if not _codes.round_trips(table, inverse, org.kind):
                w.lossy_once(
                    f"kind:{org.kind.value}",
                    (*loc, "kind"),
                    f"organisation kind '{org.kind.value}' written as IATI organisation type "
                    f"{type_code}, which other kinds share",
                    org.kind.value,
                )
        node = w.sub(self.activity, "participating-org", ref=ref, type=type_code, role=role)
        w.narratives(node, org.name, (*loc, "name"))

    def named(self, role: str, name: str) -> None:
        if (role, name) in self.seen:
            return
        self.seen.add((role, name))
        self.w.english(self.w.sub(self.activity, "participating-org", role=role), name)


def write_participating_orgs(w: ActivityWriter, activity: etree._Element) -> None:
    """A ``participating-org`` per partner role and per funder (at least one: IATI needs it)."""
    p = w.programme
    add = _Participants(w, activity)
    for i, partner in enumerate(p.partners):
        role = _codes.ORGANISATION_ROLE[partner.role]
        if not _codes.round_trips(
            _codes.ORGANISATION_ROLE, _codes.ORGANISATION_ROLE_IMPORT, partner.role
        ):
            w.lossy_once(
                f"role:{partner.role.value}",
                ("partners", i, "role"),
                f"role '{partner.role.value}' written as IATI organisation role {role}, which "
                "other roles share",
                partner.role.value,
            )
        if partner.period is not None:
            w.lossy(
                ("partners", i, "period"),
                f"participation period {partner.period} not written: IATI has no period for a "
                "participating organisation",
                str(partner.period),
            )
        add.organisation(role, p.organisation(partner.organisation))
    lead = lead_implementer(p)
    funded_by = set()
    for source in p.budget.sources if p.budget is not None else ():
        funded_by.add(source.instrument)
        if source.organisation is not None:
            add.organisation("1", p.organisation(source.organisation))
        elif source.kind in _OWN and lead is not None:
            add.organisation("1", lead)  # an own contribution is the beneficiary's money
        else:
            add.named("1", funder_name(source.kind, source.instrument))
    for instrument in p.funding_instruments:
        if instrument not in funded_by:
            add.named("1", _codes.FUNDING_INSTRUMENT_NAME[instrument])
    if not add.seen:
        _placeholder_participant(w, activity)


def _placeholder_participant(w: ActivityWriter, activity: etree._Element) -> None:
    w.finding(
        "iati_export_incomplete",
        ("partners",),
        "the programme names no partner or funder and IATI requires a participating "
        "organisation: the reporting organisation is written as 2 Accountable",
    )
    reporting = activity.find("reporting-org")
    node = w.sub(
        activity,
        "participating-org",
        ref=reporting.get("ref") if reporting is not None else None,
        type=reporting.get("type") if reporting is not None else None,
        role="2",
    )
    for narrative in reporting.findall("narrative") if reporting is not None else ():
        copy = w.sub(node, "narrative")
        copy.set(XML_LANG, narrative.get(XML_LANG) or "en")
        copy.text = narrative.text
