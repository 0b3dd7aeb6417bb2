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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, cast

from pydantic import BaseModel

from capacitylib.codelists import (
    ActivityKind,
    ActivityStatus,
    FundingInstrument,
    FundingSourceKind,
    HoursUnit,
    IndicatorKind,
    OrganisationKind,
    OutputKind,
    PartnerRole,
    PeriodStatus,
    ProgrammeCodeScheme,
    ReachUnit,
    RegionCategory,
    TargetGroup,
    TimeUnit,
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
    OperationalProgramme,
    Organisation,
    OrganisationIdentifier,
    Output,
    Participation,
    Partner,
    Programme,
    Session,
    Source,
    StatedDuration,
    StatedPeriod,
)
from capacitylib.values import LocalizedText, Period

#: What a column holds, and so how its cells are written and read.
Kind = Literal[
    "id",  # an identifier (letters, digits, _ . : -)
    "text",  # free text, kept verbatim
    "code",  # a code from a codelist or an ISO code
    "int",  # a whole number
    "bool",  # true or false
    "decimal",  # an exact decimal, written as text (never a binary float)
    "date",  # an ISO 8601 date, YYYY-MM-DD
    "partial_date",  # YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD
    "ids",  # ids joined with ";"
    "codes",  # codes joined with ";"
    "partial_dates",  # partial dates joined with ";"
    "texts",  # free texts as a JSON array of strings
    "localized",  # one column per language: <name>_<lang>
    "position",  # 0-based order in the parent's list
]

GroupKind = Literal["money", "estimate", "hours"]

_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table (for ``localized``, the family ``<name>_<lang>``)."""

    name: str
    """Column name; for a ``localized`` column the prefix before ``_<lang>``."""

    path: tuple[str, ...]
    """Where the value lives in the row's object (``("hours_per_session", "min")``)."""

    kind: Kind
    """How cells are written and read."""

    description: str
    """What the column holds, for the column reference."""

    codelist: type[StrEnum] | None = None
    """The codelist of a ``code`` or ``codes`` column."""

    required: bool = False
    """Whether a table must have this column (at least one language for ``localized``)."""

    group: str | None = None
    """Name of the Money, Estimate or Hours group the column belongs to."""


@dataclass(frozen=True, slots=True)
class Group:
    """Columns that together hold one Money, Estimate or Hours value.

    The first column (``_amount`` or ``_min``) also accepts the whole value as text
    (``12.50 EUR``, ``2-3``, ``cca 30``, ``2-3 h``), as does a column named just ``name``.
    """

    name: str
    path: tuple[str, ...]
    kind: GroupKind
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table: which list of the document it holds and its columns."""

    name: str
    description: str
    model: type[BaseModel]
    parent: str | None
    list_path: tuple[str, ...]
    """Path of the list in the parent's object (``("budget", "sources")`` for ``funding``)."""

    join: tuple[str, ...]
    """Columns that name the parent row (``programme_id``, ``activity_id``, ...)."""

    columns: tuple[Column, ...]
    """Every column, join columns and ``position`` first."""

    groups: tuple[Group, ...] = ()
    key: str | None = None
    """The column that child tables join on (``activity_id``), if any."""

    key_as: str | None = None
    """The name of :attr:`key` in child tables (``session_position`` for ``position``)."""

    child_fields: tuple[str, ...] = ()
    """Fields of the model held by child tables rather than by columns."""

    def column(self, name: str) -> Column | None:
        """The column called ``name`` (``None`` if the table has none)."""
        for col in self.columns:
            if col.name == name:
                return col
        return None

    def localized_column(self, name: str) -> tuple[Column, str] | None:
        """The ``localized`` column and language of a ``<prefix>_<lang>`` column name."""
        for col in self.columns:
            if col.kind == "localized":
                prefix = f"{col.name}_" if col.name else ""
                if name.startswith(prefix) and _LANGUAGE_RE.match(name[len(prefix) :]):
                    return col, name[len(prefix) :]
        return None


# --- Declarations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """A field of a model and how it becomes columns."""

    field: str
    kind: str
    column: str | None = None
    codelist: type[StrEnum] | None = None
    model: type[BaseModel] | None = None
    inner: tuple[_Spec, ...] = ()


def _f(field: str, kind: str, column: str | None = None, codelist: Any = None) -> _Spec:
    return _Spec(field, kind, column, codelist)


def _nested(field: str, model: type[BaseModel], *inner: _Spec) -> _Spec:
    return _Spec(field, "nested", model=model, inner=inner)


_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "money": {
        "amount": "{d} Exact decimal amount (`43940212.00`), or the whole amount (`12.50 EUR`).",
        "currency": "Its ISO 4217 currency code (`EUR`).",
    },
    "estimate": {
        "min": "{d} Lower bound, or the whole figure (`2-3`, `cca 30`).",
        "max": "Upper bound; empty means equal to the lower bound.",
        "approximate": "`true` when the source marks the figure approximate (`cca`).",
    },
    "hours": {
        "min": "{d} Lower bound, or the whole figure (`2-3 h`, `88-100 academic h`).",
        "max": "Upper bound; empty means equal to the lower bound.",
        "approximate": "`true` when the source marks the figure approximate (`cca`).",
        "unit": "Unit: `clock_hour`, `academic_hour` or `day`.",
        "academic_hour_minutes": "Length of an academic hour in minutes, when stated.",
    },
}
_MEMBERS: dict[str, tuple[tuple[str, Kind, type[StrEnum] | None], ...]] = {
    "money": (("amount", "decimal", None), ("currency", "code", None)),
    "estimate": (("min", "decimal", None), ("max", "decimal", None), ("approximate", "bool", None)),
    "hours": (
        ("min", "decimal", None),
        ("max", "decimal", None),
        ("approximate", "bool", None),
        ("unit", "code", HoursUnit),
        ("academic_hour_minutes", "int", None),
    ),
}
_REQUIRED_MEMBERS = {"money": ("amount",), "estimate": ("min",), "hours": ("min",)}


def _expand(
    model: type[BaseModel],
    specs: Sequence[_Spec],
    *,
    path: tuple[str, ...] = (),
    prefix: str = "",
    required: bool = True,
) -> tuple[list[Column], list[Group]]:
    columns: list[Column] = []
    groups: list[Group] = []
    for spec in specs:
        info = model.model_fields[spec.field]
        desc = info.description or ""
        req = required and info.is_required()
        name = spec.column if spec.column is not None else prefix + spec.field
        here = (*path, spec.field)
        if spec.kind == "nested":
            inner_cols, inner_groups = _expand(
                spec.model or model, spec.inner, path=here, prefix=f"{name}_", required=req
            )
            columns += inner_cols
            groups += inner_groups
        elif spec.kind in _MEMBERS:
            group_kind = cast("GroupKind", spec.kind)
            members = []
            for member, kind, codelist in _MEMBERS[group_kind]:
                col_name = member if name == "" else f"{name}_{member}"
                members.append(
                    Column(
                        name=col_name,
                        path=(*here, member),
                        kind=kind,
                        description=_DESCRIPTIONS[group_kind][member].format(d=desc).strip(),
                        codelist=codelist,
                        required=req and member in _REQUIRED_MEMBERS[group_kind],
                        group=name or spec.field,
                    )
                )
            columns += members
            groups.append(Group(name or spec.field, here, group_kind, tuple(members)))
        else:
            columns.append(Column(name, here, cast("Kind", spec.kind), desc, spec.codelist, req))
    return columns, groups


_ESTIMATE = "estimate"
_HOURS = "hours"
_MONEY = "money"

_STATED_DURATION = _nested(
    "stated_duration",
    StatedDuration,
    _f("value", _ESTIMATE),
    _f("unit", "code", codelist=TimeUnit),
    _f("text", "text"),
)


def _participation_specs() -> tuple[_Spec, ...]:
    return (
        _f("group", "code", codelist=TargetGroup),
        _f("count", _ESTIMATE),
        _f("unit", "code", codelist=ReachUnit),
        _f("unique", "bool"),
        _f("organisations", "ids"),
        _f("municipalities", "texts"),
        _f("note", "text"),
    )


@dataclass(frozen=True)
class _TableDecl:
    name: str
    description: str
    model: type[BaseModel]
    parent: str | None
    list_path: tuple[str, ...]
    specs: tuple[_Spec, ...]
    key: str | None = None
    key_as: str | None = None
    child_fields: tuple[str, ...] = ()


_DECLARATIONS: tuple[_TableDecl, ...] = (
    _TableDecl(
        "programmes",
        "One row per programme, in collection order; the budget total and note are here, its "
        "funding sources and lines in `funding` and `budget_lines`.",
        Programme,
        None,
        (),
        (
            _f("id", "id", "programme_id"),
            _f("schema_version", "text"),
            _f("code", "text"),
            _f("code_scheme", "code", codelist=ProgrammeCodeScheme),
            _f("title", "localized"),
            _f("summary", "localized"),
            _f("country", "code"),
            _f("funding_instruments", "codes", codelist=FundingInstrument),
            _f("programming_period", "text"),
            _nested(
                "operational_programme",
                OperationalProgramme,
                _f("name", "localized"),
                _f("code", "text"),
            ),
            _f("region_category", "code", codelist=RegionCategory),
            _STATED_DURATION,
            _f("stated_partner_count", "int"),
            _nested("budget", Budget, _f("total", _MONEY), _f("note", "text")),
            _f("target_groups", "codes", codelist=TargetGroup),
            _f("note", "text"),
        ),
        key="programme_id",
        key_as="programme_id",
        child_fields=(
            "periods",
            "organisations",
            "partners",
            "budget.sources",
            "budget.lines",
            "objectives",
            "activities",
            "indicators",
            "locations",
            "sources",
        ),
    ),
    _TableDecl(
        "periods",
        "Implementation periods as stated: planned, revised and actual side by side.",
        StatedPeriod,
        "programmes",
        ("periods",),
        (
            _f("start", "date"),
            _f("end", "date"),
            _f("status", "code", codelist=PeriodStatus),
            _f("source", "text"),
        ),
    ),
    _TableDecl(
        "objectives",
        "Objectives of a programme, one row each; `text_<lang>` per language.",
        LocalizedText,
        "programmes",
        ("objectives",),
        (),
    ),
    _TableDecl(
        "organisations",
        "Every organisation a programme refers to.",
        Organisation,
        "programmes",
        ("organisations",),
        (
            _f("id", "id", "organisation_id"),
            _f("name", "localized"),
            _f("kind", "code", codelist=OrganisationKind),
            _f("country", "code"),
            _f("municipality", "text"),
            _f("website", "text"),
            _nested(
                "contact",
                Contact,
                _f("email", "text"),
                _f("phone", "text"),
                _f("address", "text"),
            ),
            _f("note", "text"),
        ),
        key="organisation_id",
        key_as="organisation_id",
        child_fields=("identifiers",),
    ),
    _TableDecl(
        "organisation_identifiers",
        "Official identifiers of organisations (company register, VAT).",
        OrganisationIdentifier,
        "organisations",
        ("identifiers",),
        (_f("scheme", "text"), _f("value", "text")),
    ),
    _TableDecl(
        "partners",
        "Roles organisations play in a programme, each with its own participation period.",
        Partner,
        "programmes",
        ("partners",),
        (
            _f("organisation", "id", "organisation_id"),
            _f("role", "code", codelist=PartnerRole),
            _nested("period", Period, _f("start", "date"), _f("end", "date")),
            _f("note", "text"),
        ),
    ),
    _TableDecl(
        "funding",
        "Funding sources of a programme's budget.",
        FundingSource,
        "programmes",
        ("budget", "sources"),
        (
            _f("kind", "code", codelist=FundingSourceKind),
            _f("amount", _MONEY, ""),
            _f("instrument", "code", codelist=FundingInstrument),
            _f("organisation", "id", "organisation_id"),
            _f("note", "text"),
        ),
    ),
    _TableDecl(
        "budget_lines",
        "Per-partner lines of a programme's budget.",
        BudgetLine,
        "programmes",
        ("budget", "lines"),
        (
            _f("organisation", "id", "organisation_id"),
            _f("amount", _MONEY, ""),
            _f("note", "text"),
        ),
    ),
    _TableDecl(
        "activities",
        "What a programme does: courses, supervision, intervision, pilots, publications.",
        Activity,
        "programmes",
        ("activities",),
        (
            _f("id", "id", "activity_id"),
            _f("kind", "code", codelist=ActivityKind),
            _f("status", "code", codelist=ActivityStatus),
            _f("title", "localized"),
            _f("description", "localized"),
            _nested("period", Period, _f("start", "date"), _f("end", "date")),
            _f("dates", "partial_dates"),
            _STATED_DURATION,
            _f("sessions_planned", _ESTIMATE),
            _f("sessions_actual", _ESTIMATE),
            _f("hours_per_session", _HOURS),
            _f("hours_per_participant", _HOURS),
            _nested(
                "frequency",
                Frequency,
                _f("every", _ESTIMATE),
                _f("unit", "code", codelist=TimeUnit),
                _f("text", "text"),
            ),
            _f("groups", _ESTIMATE),
            _f("facilitators", "ids"),
            _f("locations", "texts"),
            _f("note", "text"),
        ),
        key="activity_id",
        key_as="activity_id",
        child_fields=("participants", "outputs", "sessions"),
    ),
    _TableDecl(
        "participants",
        "Participants of an activity by target group (activity totals; see also "
        "`session_participants`).",
        Participation,
        "activities",
        ("participants",),
        _participation_specs(),
    ),
    _TableDecl(
        "outputs",
        "Tangible outputs of an activity (handbook, 200 copies).",
        Output,
        "activities",
        ("outputs",),
        (
            _f("kind", "code", codelist=OutputKind),
            _f("title", "localized"),
            _f("quantity", _ESTIMATE),
            _f("unit", "code", codelist=ReachUnit),
            _f("note", "text"),
        ),
    ),
    _TableDecl(
        "sessions",
        "Sessions of an activity one by one, when the source reports them so.",
        Session,
        "activities",
        ("sessions",),
        (
            _f("id", "id", "session_id"),
            _f("date", "partial_date"),
            _f("status", "code", codelist=ActivityStatus),
            _f("hours", _HOURS),
            _f("location", "text"),
            _f("note", "text"),
        ),
        key="position",
        key_as="session_position",
        child_fields=("participants",),
    ),
    _TableDecl(
        "session_participants",
        "Participants of one session by target group.",
        Participation,
        "sessions",
        ("participants",),
        _participation_specs(),
    ),
    _TableDecl(
        "indicators",
        "Output and result indicators with baseline and target.",
        Indicator,
        "programmes",
        ("indicators",),
        (
            _f("id", "id", "indicator_id"),
            _f("kind", "code", codelist=IndicatorKind),
            _f("name", "localized"),
            _f("unit", "code", codelist=ReachUnit),
            _f("target_group", "code", codelist=TargetGroup),
            _f("baseline", _ESTIMATE),
            _f("target", _ESTIMATE),
            _f("target_date", "partial_date"),
            _f("activity", "id", "activity_id"),
            _f("note", "text"),
        ),
        key="indicator_id",
        key_as="indicator_id",
        child_fields=("actuals",),
    ),
    _TableDecl(
        "indicator_values",
        "Achieved values of an indicator, each with its as-of date.",
        IndicatorValue,
        "indicators",
        ("actuals",),
        (
            _f("value", _ESTIMATE),
            _f("as_of", "partial_date"),
            _f("source", "text"),
        ),
    ),
    _TableDecl(
        "locations",
        "Where a programme works.",
        Location,
        "programmes",
        ("locations",),
        (
            _f("country", "code"),
            _f("region", "text"),
            _f("municipality", "text"),
            _f("note", "text"),
        ),
    ),
    _TableDecl(
        "sources",
        "Where a programme's figures come from.",
        Source,
        "programmes",
        ("sources",),
        (
            _f("title", "text"),
            _f("url", "text"),
            _f("language", "text"),
            _f("retrieved", "date"),
            _f("note", "text"),
        ),
    ),
)


def _build() -> tuple[Table, ...]:
    tables: dict[str, Table] = {}
    for decl in _DECLARATIONS:
        join: tuple[str, ...] = ()
        if decl.parent is not None:
            parent = tables[decl.parent]
            join = (*parent.join, parent.key_as or "")
        head = [
            Column(
                name,
                (),
                "position",
                "Position of the session in its activity (joins to `sessions.position`).",
                required=True,
            )
            if name == "session_position"
            else Column(
                name,
                (),
                "id",
                f"Id of the {name.removesuffix('_id')} the row belongs to.",
                required=True,
            )
            for name in join
        ]
        if decl.parent is not None:
            head.append(
                Column(
                    "position",
                    (),
                    "position",
                    "Order in the parent's list, from 0; blank keeps the table's row order.",
                )
            )
        if decl.model is LocalizedText:
            cols = [Column("text", (), "localized", "The objective in one language.", None, True)]
            groups: list[Group] = []
        else:
            cols, groups = _expand(decl.model, decl.specs)
        tables[decl.name] = Table(
            name=decl.name,
            description=decl.description,
            model=decl.model,
            parent=decl.parent,
            list_path=decl.list_path,
            join=join,
            columns=(*head, *cols),
            groups=tuple(groups),
            key=decl.key,
            key_as=decl.key_as,
            child_fields=decl.child_fields,
        )
    return tuple(tables.values())


#: Every table, parents before children.
TABLES: tuple[Table, ...] = _build()

#: Tables by name.
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

#: Names of the tables, parents before children.
TABLE_NAMES: tuple[str, ...] = tuple(TABLES_BY_NAME)


def children_of(name: str) -> tuple[Table, ...]:
    """Tables whose rows belong to a row of table ``name``."""
    return tuple(t for t in TABLES if t.parent == name)


__all__ = [
    "TABLES",
    "TABLES_BY_NAME",
    "TABLE_NAMES",
    "Column",
    "Group",
    "Kind",
    "Table",
    "children_of",
]
