"""The programme: the root of a capacitylib document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Self

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from capacitylib._version import SCHEMA_VERSION
from capacitylib.codelists import (
    FundingInstrument,
    PlaceKind,
    ProgrammeCodeScheme,
    ProgrammeStatus,
    RegionCategory,
    TargetGroup,
)
from capacitylib.errors import Loc
from capacitylib.models._base import (
    EXTENSIONS_DESCRIPTION,
    CapacityModel,
    Extensions,
    NonNegativeMoney,
    Note,
    Source,
    StatedDuration,
    StatedPeriod,
)
from capacitylib.models._periods import choose_period
from capacitylib.models.activity import Activity
from capacitylib.models.budget import Budget
from capacitylib.models.context import (
    Measure,
    PartnerGroup,
    RelatedProgramme,
    StatedCount,
    TargetGroupStatement,
)
from capacitylib.models.indicator import Indicator
from capacitylib.models.organisation import Organisation, Partner
from capacitylib.values import (
    CountryCode,
    Estimate,
    LocalizedText,
    ObjectId,
    PartialDate,
    Period,
    ProgrammeCode,
)


class Location(CapacityModel):
    """Where a programme works: a country, optionally a region and a municipality.

    >>> place = Location(country="LV", region="Zemgale", municipality="Tukuma novads")
    >>> place.country, place.municipality
    ('LV', 'Tukuma novads')
    """

    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country code."
    )
    region: str | None = Field(
        default=None,
        max_length=200,
        description="Region as the source names it (e.g. `Moravskoslezský kraj`, `Kurzeme`).",
    )
    municipality: str | None = Field(
        default=None,
        max_length=200,
        description="Municipality as the source names it (e.g. `Visaginas`, `Tukuma novads`).",
    )
    place_kind: PlaceKind | None = Field(
        default=None, description="Kind of place named or counted (`town`, `municipality`)."
    )
    place_count: Estimate | None = Field(
        default=None,
        description="Number of places the source counts without naming them (`in 7 towns`).",
    )
    note: Note | None = Field(default=None, description="Free-text remark.")


class OperationalProgramme(CapacityModel):
    """The operational programme (or grant scheme) a project is funded under.

    >>> op = OperationalProgramme(name={"en": "Operational Programme Employment"},
    ...                           code="2014CZ05M9OP001")
    >>> op.name.best("en"), op.code
    ('Operational Programme Employment', '2014CZ05M9OP001')
    """

    name: LocalizedText | None = Field(
        default=None, description="Name of the operational programme or grant scheme."
    )
    code: ProgrammeCode | None = Field(
        default=None, description="Its code, e.g. the CCI `2014CZ05M9OP001`."
    )
    allocation: NonNegativeMoney | None = Field(
        default=None,
        description=(
            "Its own allocation (an NGO fund's several million), in the currency the source states."
        ),
    )


class Programme(CapacityModel):
    """A social-work capacity-building programme or project: the root of a document.

    References between objects are by id and must resolve: partners, budget lines and
    facilitators name organisations; indicators may name an activity.

    >>> p = Programme(id="cz-up-msk", code="CZ.03.2.63/0.0/0.0/15_023/0001478",
    ...               title={"cs": "Rozvoj a zkvalitnění sociální práce ÚP"},
    ...               periods=[{"start": "2016-11-01", "end": "2018-02-28", "status": "actual"}])
    >>> p.code.scheme.value, p.period.days
    ('cz_2014_2020', 485)
    """

    schema_version: Literal["1.0", "1.1"] = Field(  # SCHEMA_VERSIONS; a test keeps them equal
        default=SCHEMA_VERSION,
        description=(
            "Version of the document format: `1.1` (written now) or `1.0` (a subset, still read)."
        ),
    )
    id: ObjectId = Field(
        description=(
            "Identifier of the document, unique in a collection (letters, digits, `_ . : -`)."
        )
    )
    code: ProgrammeCode | None = Field(
        default=None,
        description="Programme or project code as the source writes it; its scheme is detected.",
    )
    code_scheme: ProgrammeCodeScheme | None = Field(
        default=None,
        description="Scheme the code is stated to follow; checked against the code's pattern.",
    )
    title: LocalizedText = Field(
        description="Title in the original language and, ideally, in English."
    )
    short_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Short name or acronym the source uses (`PROFS`).",
    )
    summary: LocalizedText | None = Field(default=None, description="Short description.")
    country: CountryCode | None = Field(
        default=None, description="Main country (ISO 3166-1 alpha-2)."
    )
    funding_instruments: tuple[FundingInstrument, ...] = Field(
        default=(),
        description="Instruments funding the programme (ESF, ESF+, EEA Grants, national, ...).",
    )
    programming_period: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{4}$",
        description="EU or donor programming period, e.g. `2014-2020`.",
    )
    operational_programme: OperationalProgramme | None = Field(
        default=None,
        description="Operational programme or grant scheme the project is funded under.",
    )
    region_category: RegionCategory | None = Field(
        default=None,
        description="Cohesion-policy category of region; selects the co-financing ceiling.",
    )
    measures: tuple[Measure, ...] = Field(
        default=(),
        description=(
            "Where the programme sits: priority axis, investment priority, specific objective, "
            "measure, call, each with its code and name."
        ),
    )
    related_programmes: tuple[RelatedProgramme, ...] = Field(
        default=(),
        description="Predecessor and follow-up programmes (a second phase of an earlier project).",
    )
    approved_on: PartialDate | None = Field(
        default=None, description="Date the programme was approved, to day, month or year."
    )
    status: ProgrammeStatus | None = Field(
        default=None, description="Where the programme stands (`in_implementation`, `completed`)."
    )
    status_as_of: PartialDate | None = Field(
        default=None, description="Date the source states the status for."
    )
    periods: tuple[StatedPeriod, ...] = Field(
        default=(),
        description=(
            "Implementation period(s) as stated: planned, revised and actual versions side by side."
        ),
    )
    stated_duration: StatedDuration | None = Field(
        default=None,
        description=(
            "Duration as the source states it (e.g. `6 months`), kept to compare with the period."
        ),
    )
    organisations: tuple[Organisation, ...] = Field(
        default=(), description="Every organisation the document refers to, each with an id."
    )
    partners: tuple[Partner, ...] = Field(
        default=(),
        description="Roles organisations play (funder, lead implementer, partner, ...) and when.",
    )
    stated_partner_count: int | None = Field(
        default=None,
        ge=0,
        strict=True,
        description=(
            "Number of partners the source states (`7 regional partners`), not saying whether the "
            "lead is counted; prefer `stated_counts`."
        ),
    )
    stated_counts: tuple[StatedCount, ...] = Field(
        default=(),
        description=(
            "Counts as each source states them, with what they count (`14 partners and lead`, "
            "`8 countries`)."
        ),
    )
    partner_groups: tuple[PartnerGroup, ...] = Field(
        default=(),
        description=(
            "Partners named only as a class (`all municipal social services of the county`)."
        ),
    )
    budget: Budget | None = Field(
        default=None, description="Budget total, funding sources and per-partner lines."
    )
    target_groups: tuple[TargetGroup, ...] = Field(
        default=(), description="Groups the programme addresses."
    )
    target_group_statements: tuple[TargetGroupStatement, ...] = Field(
        default=(),
        description="Target groups in the source's words, each with its role (direct or ultimate).",
    )
    eligibility: tuple[LocalizedText, ...] = Field(
        default=(),
        description="Who may take part or apply, in the source's words, one condition each.",
    )
    objectives: tuple[LocalizedText, ...] = Field(
        default=(), description="Objectives, one text each."
    )
    activities: tuple[Activity, ...] = Field(
        default=(),
        description=(
            "What the programme does: courses, supervision, intervision, pilots, publications."
        ),
    )
    indicators: tuple[Indicator, ...] = Field(
        default=(), description="Output and result indicators with targets and achieved values."
    )
    locations: tuple[Location, ...] = Field(default=(), description="Where the programme works.")
    sources: tuple[Source, ...] = Field(default=(), description="Where the figures come from.")
    note: Note | None = Field(default=None, description="Free-text remark.")
    extensions: Extensions = Field(
        default_factory=dict,
        description=EXTENSIONS_DESCRIPTION,
        json_schema_extra={"additionalProperties": False},
    )

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        org_ids = {o.id for o in self.organisations}
        errors: list[InitErrorDetails] = []
        # Fast path: one set of every referenced id; walk for paths only when one is missing.
        if not self._referenced_organisation_ids() <= org_ids:
            errors = [
                _unresolved(loc, ref, "organisations")
                for loc, ref in self.organisation_references()
                if ref not in org_ids
            ]
        if any(ind.activity is not None for ind in self.indicators):
            activity_ids = {a.id for a in self.activities}
            errors += [
                _unresolved(("indicators", i, "activity"), ind.activity, "activities")
                for i, ind in enumerate(self.indicators)
                if ind.activity is not None and ind.activity not in activity_ids
            ]
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    def _referenced_organisation_ids(self) -> set[str]:
        refs = {p.organisation for p in self.partners}
        if self.budget is not None:
            refs.update(s.organisation for s in self.budget.sources if s.organisation is not None)
            refs.update(line.organisation for line in self.budget.lines)
        for activity in self.activities:
            refs.update(activity.facilitators)
            for part in activity.participants:
                refs.update(part.organisations)
            for session in activity.sessions:
                for part in session.participants:
                    refs.update(part.organisations)
        return refs

    def organisation_references(self) -> Iterator[tuple[Loc, str]]:
        """Every place the document names an organisation id, with its path."""
        for i, partner in enumerate(self.partners):
            yield ("partners", i, "organisation"), partner.organisation
        if self.budget is not None:
            for i, source in enumerate(self.budget.sources):
                if source.organisation is not None:
                    yield ("budget", "sources", i, "organisation"), source.organisation
            for i, line in enumerate(self.budget.lines):
                yield ("budget", "lines", i, "organisation"), line.organisation
        for i, activity in enumerate(self.activities):
            for j, org in enumerate(activity.facilitators):
                yield ("activities", i, "facilitators", j), org
            for j, part in enumerate(activity.participants):
                for k, org in enumerate(part.organisations):
                    yield ("activities", i, "participants", j, "organisations", k), org
            for s, session in enumerate(activity.sessions):
                for j, part in enumerate(session.participants):
                    for k, org in enumerate(part.organisations):
                        loc = (
                            "activities",
                            i,
                            "sessions",
                            s,
                            "participants",
                            j,
                            "organisations",
                            k,
                        )
                        yield loc, org

    @property
    def stated_period(self) -> StatedPeriod | None:
        """The stated period to calculate with, by a rule that does not depend on list order.

        1. The status ranks versions: actual, then revised, then unmarked, then planned.
        2. Among versions of that status, the one stated last wins: by ``stated_on``, else
           ``effective_from``; a version is later only when it is certainly later (``2020-03``
           is not later than ``2020-03-15``).
        3. Versions that state the same start and end are one version.

        When no single version wins (two revisions with different ends and no dates to order
        them), the result is ``None``: unknown, not guessed; the check reports
        ``programme_period_ambiguous``. All stated versions stay in ``periods``.
        """
        return choose_period(self.periods)

    @property
    def period(self) -> Period | None:
        """The chosen period (:attr:`stated_period`) when its ends are days, else ``None``.

        A period known only to the month or the year, or only by its end, has no exact days:
        use :attr:`stated_period` and the calculators' ranges for it.
        """
        chosen = self.stated_period
        return chosen.to_period() if chosen is not None else None

    def organisation(self, org_id: str) -> Organisation:
        """The organisation with ``org_id`` (``KeyError`` if absent)."""
        for org in self.organisations:
            if org.id == org_id:
                return org
        raise KeyError(org_id)

    def activity(self, activity_id: str) -> Activity:
        """The activity with ``activity_id`` (``KeyError`` if absent)."""
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise KeyError(activity_id)

    def render_text(self) -> str:
        """A readable text summary of what the document states (``print`` it in a terminal)."""
        from capacitylib.display import programme_text  # noqa: PLC0415 - loaded on first use

        return programme_text(self)

    def _repr_html_(self) -> str:
        from capacitylib.display import programme_html  # noqa: PLC0415 - loaded on first use

        return programme_html(self)


def _unresolved(loc: Loc, ref: str, collection: str) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError(
            "reference_unresolved",
            "must be the id of an item in '{collection}' (got '{ref}')",
            {"collection": collection, "ref": ref},
        ),
        loc=loc,
        input=ref,
    )
