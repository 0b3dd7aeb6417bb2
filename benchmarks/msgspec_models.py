"""The programme document as msgspec Structs: the typed-validation floor for the benchmarks.

The same fields, enums, patterns and bounds as capacitylib's models where msgspec can express them
declaratively; cross-field rules (end >= start, min <= max, references) are checked in a
``__post_init__`` like capacitylib's validators, so the comparison is like for like.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated

import msgspec

from capacitylib import codelists as cl

Id = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$")]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=100_000)]
Lang = Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")]
Localized = Annotated[dict[Lang, Text], msgspec.Meta(min_length=1)]
Country = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]
PartialDate = Annotated[
    str, msgspec.Meta(pattern=r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$")
]
Quantity = Decimal  # msgspec cannot bound a Decimal declaratively; checked in __post_init__


def _enum(codelist: type[enum.StrEnum]) -> type[enum.Enum]:
    return enum.Enum(codelist.__name__, {m.name: m.value for m in codelist})  # type: ignore[return-value]


ActivityKind = _enum(cl.ActivityKind)
ActivityStatus = _enum(cl.ActivityStatus)
TargetGroup = _enum(cl.TargetGroup)
ReachUnit = _enum(cl.ReachUnit)
HoursUnit = _enum(cl.HoursUnit)
TimeUnit = _enum(cl.TimeUnit)
PartnerRole = _enum(cl.PartnerRole)
OrganisationKind = _enum(cl.OrganisationKind)
FundingInstrument = _enum(cl.FundingInstrument)
FundingSourceKind = _enum(cl.FundingSourceKind)
IndicatorKind = _enum(cl.IndicatorKind)
PeriodStatus = _enum(cl.PeriodStatus)
OutputKind = _enum(cl.OutputKind)


class Base(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    pass


class Estimate(Base):
    min: Quantity
    max: Quantity | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.min < 0 or (self.max is not None and self.min > self.max):
            raise msgspec.ValidationError("0 <= min <= max")


class Hours(Base):
    min: Quantity
    unit: HoursUnit  # type: ignore[valid-type]
    max: Quantity | None = None
    approximate: bool = False
    academic_hour_minutes: Annotated[int, msgspec.Meta(ge=1, le=120)] | None = None

    def __post_init__(self) -> None:
        if self.min < 0 or (self.max is not None and self.min > self.max):
            raise msgspec.ValidationError("0 <= min <= max")


Count = int | Estimate


class Money(Base):
    amount: Decimal
    currency: Currency


class Period(Base):
    start: dt.date
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise msgspec.ValidationError("end before start")


class StatedPeriod(Base):
    start: dt.date
    end: dt.date | None = None
    status: PeriodStatus | None = None  # type: ignore[valid-type]
    source: Text | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise msgspec.ValidationError("end before start")


class Organisation(Base):
    id: Id
    name: Localized
    kind: OrganisationKind  # type: ignore[valid-type]
    country: Country | None = None
    municipality: str | None = None
    website: str | None = None
    note: Text | None = None


class Partner(Base):
    organisation: Id
    role: PartnerRole  # type: ignore[valid-type]
    period: Period | None = None
    note: Text | None = None


class FundingSource(Base):
    kind: FundingSourceKind  # type: ignore[valid-type]
    amount: Money
    instrument: FundingInstrument | None = None  # type: ignore[valid-type]
    organisation: Id | None = None
    note: Text | None = None


class BudgetLine(Base):
    organisation: Id
    amount: Money
    note: Text | None = None


class Budget(Base):
    total: Money | None = None
    sources: tuple[FundingSource, ...] = ()
    lines: tuple[BudgetLine, ...] = ()
    note: Text | None = None


class Participation(Base):
    group: TargetGroup  # type: ignore[valid-type]
    count: Count | None = None
    unit: ReachUnit = ReachUnit.PERSONS  # type: ignore[attr-defined,valid-type]
    unique: bool = False
    organisations: tuple[Id, ...] = ()
    municipalities: tuple[str, ...] = ()
    note: Text | None = None


class Session(Base):
    date: PartialDate
    id: Id | None = None
    status: ActivityStatus | None = None  # type: ignore[valid-type]
    hours: Hours | None = None
    participants: tuple[Participation, ...] = ()
    location: str | None = None
    note: Text | None = None


class Activity(Base):
    id: Id
    kind: ActivityKind  # type: ignore[valid-type]
    status: ActivityStatus | None = None  # type: ignore[valid-type]
    title: Localized | None = None
    period: Period | None = None
    dates: tuple[PartialDate, ...] = ()
    sessions_planned: Count | None = None
    sessions_actual: Count | None = None
    hours_per_session: Hours | None = None
    hours_per_participant: Hours | None = None
    groups: Count | None = None
    participants: tuple[Participation, ...] = ()
    facilitators: tuple[Id, ...] = ()
    sessions: tuple[Session, ...] = ()
    note: Text | None = None


class IndicatorValue(Base):
    value: Count
    as_of: PartialDate
    source: Text | None = None


class Indicator(Base):
    id: Id
    kind: IndicatorKind  # type: ignore[valid-type]
    name: Localized
    unit: ReachUnit  # type: ignore[valid-type]
    target_group: TargetGroup | None = None  # type: ignore[valid-type]
    baseline: Count | None = None
    target: Count | None = None
    target_date: PartialDate | None = None
    actuals: tuple[IndicatorValue, ...] = ()
    activity: Id | None = None
    note: Text | None = None


class Programme(Base):
    id: Id
    title: Localized
    schema_version: str = "1.0"
    code: str | None = None
    summary: Localized | None = None
    country: Country | None = None
    funding_instruments: tuple[FundingInstrument, ...] = ()  # type: ignore[valid-type]
    programming_period: str | None = None
    periods: tuple[StatedPeriod, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    partners: tuple[Partner, ...] = ()
    budget: Budget | None = None
    target_groups: tuple[TargetGroup, ...] = ()  # type: ignore[valid-type]
    activities: tuple[Activity, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    note: Text | None = None

    def __post_init__(self) -> None:
        ids = {o.id for o in self.organisations}
        for p in self.partners:
            if p.organisation not in ids:
                raise msgspec.ValidationError(f"unresolved {p.organisation}")
        for a in self.activities:
            for f in a.facilitators:
                if f not in ids:
                    raise msgspec.ValidationError(f"unresolved {f}")
            for part in a.participants:
                for o in part.organisations:
                    if o not in ids:
                        raise msgspec.ValidationError(f"unresolved {o}")


decoder = msgspec.json.Decoder(Programme)
batch_decoder = msgspec.json.Decoder(list[Programme])
