"""The flat tables, defined column by column: the one place that says what each column holds.

A programme document becomes one table per entity, joined by ids. Every table but
``programmes`` starts with the join columns of its parent (``programme_id``, then e.g.
``activity_id``) and a ``position`` column that keeps the order of the list it comes from
(0-based, like the index in a problem path such as ``activities[3]``).

Encodings (see ``docs/tables.md``, generated from these definitions):

* **Money** ``<field>_amount`` (exact decimal text) and ``<field>_currency``.
* **Estimate** ``<field>_min``, ``<field>_max`` and ``<field>_approximate``; **Hours** add
  ``<field>_unit`` and ``<field>_academic_hour_minutes``.
* **LocalizedText** one column per language, ``<field>_<lang>`` (``title_lt``, ``title_en``).
* **Lists** of codes, ids and partial dates as ``;``-joined text; lists of free text as a JSON
  array; lists of objects as their own table.
"""

from __future__ import annotations

from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    CountSubject,
    FundingInstrument,
    FundingSourceKind,
    IndicatorKind,
    MeasureLevel,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    PeriodStatus,
    PlaceKind,
    ProgrammeCodeScheme,
    ProgrammeRelation,
    ProgrammeStatus,
    ReachUnit,
    RegionCategory,
    TargetGroup,
    TargetRole,
    TaxBasis,
    TimeUnit,
)
from capacitylib.io.tables._schema import (
    LANGUAGE_RE,
    Column,
    Group,
    Kind,
    Spec,
    Table,
    TableDecl,
    build_tables,
    nested,
    spec,
)
from capacitylib.models import (
    Activity,
    Budget,
    BudgetLine,
    Contact,
    Frequency,
    FundingSource,
    Indicator,
    IndicatorValue,
    Location,
    Measure,
    OperationalProgramme,
    Organisation,
    OrganisationIdentifier,
    Output,
    Participation,
    Partner,
    PartnerGroup,
    Programme,
    RelatedProgramme,
    Session,
    Source,
    StatedCount,
    StatedDuration,
    StatedPeriod,
    TargetGroupStatement,
    UnitCost,
)
from capacitylib.values import LocalizedText, Period

_ESTIMATE = "estimate"
_HOURS = "hours"
_MONEY = "money"

_STATED_DURATION = nested(
    "stated_duration",
    StatedDuration,
    spec("value", _ESTIMATE),
    spec("unit", "code", codelist=TimeUnit),
    spec("text", "text"),
)


def _stated_count_specs() -> tuple[Spec, ...]:
    return (
        spec("subject", "code", codelist=CountSubject),
        spec("value", _ESTIMATE),
        spec("source", "text"),
        spec("url", "text"),
        spec("stated_on", "partial_date"),
        spec("note", "text"),
    )


def _participation_specs() -> tuple[Spec, ...]:
    return (
        spec("group", "code", codelist=TargetGroup),
        spec("count", _ESTIMATE),
        spec("unit", "code", codelist=ReachUnit),
        spec("unique", "bool"),
        spec("organisations", "ids"),
        spec("municipalities", "texts"),
        spec("note", "text"),
    )


_DECLARATIONS: tuple[TableDecl, ...] = (
    TableDecl(
        "programmes",
        "One row per programme, in collection order; the budget total and note are here, its "
        "funding sources and lines in `funding` and `budget_lines`.",
        Programme,
        None,
        (),
        (
            spec("id", "id", "programme_id"),
            spec("schema_version", "text"),
            spec("code", "text"),
            spec("code_scheme", "code", codelist=ProgrammeCodeScheme),
            spec("title", "localized"),
            spec("short_name", "text"),
            spec("summary", "localized"),
            spec("country", "code"),
            spec("funding_instruments", "codes", codelist=FundingInstrument),
            spec("programming_period", "text"),
            nested(
                "operational_programme",
                OperationalProgramme,
                spec("name", "localized"),
                spec("code", "text"),
                spec("allocation", _MONEY),
            ),
            spec("region_category", "code", codelist=RegionCategory),
            spec("approved_on", "partial_date"),
            spec("status", "code", codelist=ProgrammeStatus),
            spec("status_as_of", "partial_date"),
            _STATED_DURATION,
            spec("stated_partner_count", "int"),
            nested(
                "budget",
                Budget,
                spec("total", _MONEY),
                spec("sources_complete", "bool"),
                spec("note", "text"),
            ),
            spec("target_groups", "codes", codelist=TargetGroup),
            spec("note", "text"),
            spec("extensions", "json"),
        ),
        key="programme_id",
        key_as="programme_id",
        child_fields=(
            "periods",
            "measures",
            "related_programmes",
            "organisations",
            "partners",
            "stated_counts",
            "partner_groups",
            "budget.sources",
            "budget.lines",
            "budget.unit_costs",
            "target_group_statements",
            "eligibility",
            "objectives",
            "activities",
            "indicators",
            "locations",
            "sources",
        ),
    ),
    TableDecl(
        "periods",
        "Implementation periods as stated: planned, revised and actual side by side.",
        StatedPeriod,
        "programmes",
        ("periods",),
        (
            spec("start", "partial_date"),
            spec("end", "partial_date"),
            spec("status", "code", codelist=PeriodStatus),
            spec("source", "text"),
            spec("url", "text"),
            spec("stated_on", "partial_date"),
            spec("effective_from", "partial_date"),
        ),
    ),
    TableDecl(
        "measures",
        "Where a programme sits in its funding structure: priority axis, objective, measure.",
        Measure,
        "programmes",
        ("measures",),
        (
            spec("level", "code", codelist=MeasureLevel),
            spec("code", "text"),
            spec("code_scheme", "code", codelist=ProgrammeCodeScheme),
            spec("name", "localized"),
        ),
    ),
    TableDecl(
        "related_programmes",
        "Predecessor and follow-up programmes.",
        RelatedProgramme,
        "programmes",
        ("related_programmes",),
        (
            spec("relation", "code", codelist=ProgrammeRelation),
            spec("programme", "id", "related_programme_id"),
            spec("code", "text"),
            spec("title", "localized"),
            spec("url", "text"),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "stated_counts",
        "Counts as each source states them, with what they count.",
        StatedCount,
        "programmes",
        ("stated_counts",),
        _stated_count_specs(),
    ),
    TableDecl(
        "partner_groups",
        "Partners named only as a class, with their kind and count.",
        PartnerGroup,
        "programmes",
        ("partner_groups",),
        (
            spec("description", "localized"),
            spec("role", "code", codelist=PartnerRole),
            spec("kind", "code", codelist=OrganisationKind),
            spec("count", _ESTIMATE),
            spec("country", "code"),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "target_group_statements",
        "Target groups in the source's words, with their role.",
        TargetGroupStatement,
        "programmes",
        ("target_group_statements",),
        (
            spec("text", "localized"),
            spec("role", "code", codelist=TargetRole),
            spec("group", "code", codelist=TargetGroup),
            spec("count", _ESTIMATE),
            spec("unit", "code", codelist=ReachUnit),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "eligibility",
        "Who may take part or apply, one condition a row; `text_<lang>` per language.",
        LocalizedText,
        "programmes",
        ("eligibility",),
        (),
    ),
    TableDecl(
        "objectives",
        "Objectives of a programme, one row each; `text_<lang>` per language.",
        LocalizedText,
        "programmes",
        ("objectives",),
        (),
    ),
    TableDecl(
        "organisations",
        "Every organisation a programme refers to.",
        Organisation,
        "programmes",
        ("organisations",),
        (
            spec("id", "id", "organisation_id"),
            spec("name", "localized"),
            spec("kind", "code", codelist=OrganisationKind),
            spec("country", "code"),
            spec("municipality", "text"),
            spec("website", "text"),
            nested(
                "contact",
                Contact,
                spec("email", "text"),
                spec("phone", "text"),
                spec("address", "text"),
            ),
            spec("note", "text"),
            spec("extensions", "json"),
        ),
        key="organisation_id",
        key_as="organisation_id",
        child_fields=("identifiers",),
    ),
    TableDecl(
        "organisation_identifiers",
        "Official identifiers of organisations (company register, VAT).",
        OrganisationIdentifier,
        "organisations",
        ("identifiers",),
        (spec("scheme", "text"), spec("value", "text")),
    ),
    TableDecl(
        "partners",
        "Roles organisations play in a programme, each with its own participation period.",
        Partner,
        "programmes",
        ("partners",),
        (
            spec("organisation", "id", "organisation_id"),
            spec("role", "code", codelist=PartnerRole),
            nested("period", Period, spec("start", "date"), spec("end", "date")),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "funding",
        "Funding sources of a programme's budget.",
        FundingSource,
        "programmes",
        ("budget", "sources"),
        (
            spec("kind", "code", codelist=FundingSourceKind),
            spec("amount", _MONEY, ""),
            spec("share", "decimal"),
            spec("instrument", "code", codelist=FundingInstrument),
            spec("organisation", "id", "organisation_id"),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "budget_lines",
        "Per-partner lines of a programme's budget.",
        BudgetLine,
        "programmes",
        ("budget", "lines"),
        (
            spec("organisation", "id", "organisation_id"),
            spec("amount", _MONEY, ""),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "unit_costs",
        "Unit-cost rules of a programme's budget (up to 60.00 EUR per night, gross).",
        UnitCost,
        "programmes",
        ("budget", "unit_costs"),
        (
            spec("item", "localized"),
            spec("amount", _MONEY, ""),
            spec("per", "text"),
            spec("ceiling", "bool"),
            spec("tax", "code", codelist=TaxBasis),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "activities",
        "What a programme does: courses, supervision, intervision, pilots, publications.",
        Activity,
        "programmes",
        ("activities",),
        (
            spec("id", "id", "activity_id"),
            spec("kind", "code", codelist=ActivityKind),
            spec("status", "code", codelist=ActivityStatus),
            spec("title", "localized"),
            spec("description", "localized"),
            nested("period", Period, spec("start", "date"), spec("end", "date")),
            spec("dates", "partial_dates"),
            _STATED_DURATION,
            spec("sessions_planned", _ESTIMATE),
            spec("sessions_actual", _ESTIMATE),
            spec("hours_per_session", _HOURS),
            spec("hours_per_participant", _HOURS),
            spec("total_hours", _HOURS),
            nested(
                "frequency",
                Frequency,
                spec("every", _ESTIMATE),
                spec("unit", "code", codelist=TimeUnit),
                spec("text", "text"),
            ),
            spec("groups", _ESTIMATE),
            spec("facilitators", "ids"),
            spec("locations", "texts"),
            spec("note", "text"),
            spec("extensions", "json"),
        ),
        key="activity_id",
        key_as="activity_id",
        child_fields=("participants", "outputs", "sessions", "eligibility", "stated_counts"),
    ),
    TableDecl(
        "activity_eligibility",
        "Who may take part in an activity, one condition a row; `text_<lang>` per language.",
        LocalizedText,
        "activities",
        ("eligibility",),
        (),
    ),
    TableDecl(
        "activity_stated_counts",
        "Counts an activity's source states without names (5 experts, 12 trainers).",
        StatedCount,
        "activities",
        ("stated_counts",),
        _stated_count_specs(),
    ),
    TableDecl(
        "participants",
        "Participants of an activity by target group (activity totals; see also "
        "`session_participants`).",
        Participation,
        "activities",
        ("participants",),
        _participation_specs(),
    ),
    TableDecl(
        "outputs",
        "Tangible outputs of an activity (handbook, 200 copies).",
        Output,
        "activities",
        ("outputs",),
        (
            spec("kind", "code", codelist=OutputKind),
            spec("title", "localized"),
            spec("quantity", _ESTIMATE),
            spec("unit", "code", codelist=ReachUnit),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "sessions",
        "Sessions of an activity one by one, when the source reports them so.",
        Session,
        "activities",
        ("sessions",),
        (
            spec("id", "id", "session_id"),
            spec("date", "partial_date"),
            spec("status", "code", codelist=ActivityStatus),
            spec("hours", _HOURS),
            spec("location", "text"),
            spec("note", "text"),
        ),
        key="position",
        key_as="session_position",
        child_fields=("participants",),
    ),
    TableDecl(
        "session_participants",
        "Participants of one session by target group.",
        Participation,
        "sessions",
        ("participants",),
        _participation_specs(),
    ),
    TableDecl(
        "indicators",
        "Output and result indicators with baseline and target.",
        Indicator,
        "programmes",
        ("indicators",),
        (
            spec("id", "id", "indicator_id"),
            spec("kind", "code", codelist=IndicatorKind),
            spec("name", "localized"),
            spec("unit", "code", codelist=ReachUnit),
            spec("target_group", "code", codelist=TargetGroup),
            spec("baseline", _ESTIMATE),
            spec("target", _ESTIMATE),
            spec("target_date", "partial_date"),
            spec("activity", "id", "activity_id"),
            spec("note", "text"),
            spec("extensions", "json"),
        ),
        key="indicator_id",
        key_as="indicator_id",
        child_fields=("actuals",),
    ),
    TableDecl(
        "indicator_values",
        "Achieved values of an indicator, each with its as-of date.",
        IndicatorValue,
        "indicators",
        ("actuals",),
        (
            spec("value", _ESTIMATE),
            spec("as_of", "partial_date"),
            spec("source", "text"),
        ),
    ),
    TableDecl(
        "locations",
        "Where a programme works.",
        Location,
        "programmes",
        ("locations",),
        (
            spec("country", "code"),
            spec("region", "text"),
            spec("municipality", "text"),
            spec("place_kind", "code", codelist=PlaceKind),
            spec("place_count", _ESTIMATE),
            spec("note", "text"),
        ),
    ),
    TableDecl(
        "sources",
        "Where a programme's figures come from.",
        Source,
        "programmes",
        ("sources",),
        (
            spec("title", "text"),
            spec("url", "text"),
            spec("language", "text"),
            spec("retrieved", "date"),
            spec("note", "text"),
        ),
    ),
)


#: Every table, parents before children.
TABLES: tuple[Table, ...] = build_tables(_DECLARATIONS)

#: Tables by name.
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

#: Names of the tables, parents before children.
TABLE_NAMES: tuple[str, ...] = tuple(TABLES_BY_NAME)


def children_of(name: str) -> tuple[Table, ...]:
    """Tables whose rows belong to a row of table ``name``."""
    return tuple(t for t in TABLES if t.parent == name)


__all__ = [
    "LANGUAGE_RE",
    "TABLES",
    "TABLES_BY_NAME",
    "TABLE_NAMES",
    "Column",
    "Group",
    "Kind",
    "Table",
    "children_of",
]
