"""Activities, their sessions, participants and outputs."""

from __future__ import annotations

from pydantic import Field

from capacitylib.codelists import ActivityKind, ActivityStatus, OutputKind, ReachUnit, TargetGroup
from capacitylib.models._base import (
    EXTENSIONS_DESCRIPTION,
    CapacityModel,
    Extensions,
    Frequency,
    Note,
    StatedDuration,
)
from capacitylib.models.context import StatedCount
from capacitylib.values import Estimate, Hours, LocalizedText, ObjectId, PartialDate, Period


class Participation(CapacityModel):
    """How many of a target group took part, in one unit, and where they came from.

    ``unique`` says whether the count is of distinct people (or families, ...) or of
    participations (one person at three sessions counts three times). ``organisations`` are ids
    of organisations in the document; ``municipalities`` are names as the source writes them.

    >>> Participation(group="social_workers", count=28, unique=True).count.max
    Decimal('28')
    """

    group: TargetGroup = Field(description="Target group taking part.")
    count: Estimate | None = Field(
        default=None,
        description="How many; `null` when the source does not say (never 0 for unknown).",
    )
    unit: ReachUnit = Field(
        default=ReachUnit.PERSONS,
        description=(
            "Unit of the count (persons by default; families, organisations, municipalities, ...)."
        ),
    )
    unique: bool = Field(
        default=False,
        description=(
            "True when the count is of distinct people (or families, ...); false for "
            "participations."
        ),
    )
    organisations: tuple[ObjectId, ...] = Field(
        default=(), description="Ids of the organisations the participants come from."
    )
    municipalities: tuple[str, ...] = Field(
        default=(),
        description="Municipalities the participants come from, as the source names them.",
    )
    note: Note | None = Field(
        default=None, description="Free-text remark (e.g. the source's wording)."
    )


class Output(CapacityModel):
    """A tangible output: "handbook, 200 copies" is ``kind=handbook, quantity=200, unit=copies``.

    >>> o = Output(kind="handbook", quantity=200, unit="copies")
    >>> str(o.quantity), o.unit.value
    ('200', 'copies')
    """

    kind: OutputKind = Field(description="Kind of output (handbook, methodology, report, ...).")
    title: LocalizedText | None = Field(default=None, description="Title of the output.")
    quantity: Estimate | None = Field(default=None, description="How many (e.g. 200 copies).")
    unit: ReachUnit | None = Field(
        default=None, description="Unit of the quantity (copies, documents, ...)."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")


class Session(CapacityModel):
    """One meeting of an activity, for activities reported session by session.

    >>> s = Session(date="--03-30", status="completed", location="Kaunas",
    ...             hours={"min": 8, "max": 8, "unit": "academic_hour"})
    >>> str(s.date), s.date.has_year, str(s.hours)
    ('--03-30', False, '8 academic h')
    """

    id: ObjectId | None = Field(
        default=None, description="Identifier of the session, unique within its activity."
    )
    date: PartialDate = Field(
        description="Date to day, month or year precision; `--MM-DD` when the source gives no year."
    )
    status: ActivityStatus | None = Field(
        default=None,
        description="Planned, completed or cancelled; unset when the source does not say.",
    )
    hours: Hours | None = Field(
        default=None, description="Length of the session in its stated unit."
    )
    participants: tuple[Participation, ...] = Field(
        default=(), description="Who took part in this session."
    )
    location: str | None = Field(default=None, max_length=500, description="Where it took place.")
    note: Note | None = Field(default=None, description="Free-text remark.")


class Activity(CapacityModel):
    """Something a programme does: a course, seminar, supervision, intervision, pilot, handbook.

    Figures are kept as stated: sessions planned and held, hours per session and per
    participant, frequency, and participants per target group. ``groups`` is the number of
    parallel groups or sites the activity runs in (22 contact points, each with its own
    supervision group).

    >>> a = Activity(id="supervision", kind="supervision_team", sessions_actual=114,
    ...              hours_per_session={"min": 2, "max": 3, "unit": "clock_hour"})
    >>> str(a.sessions_actual * a.hours_per_session)
    '228-342 h'
    """

    id: ObjectId = Field(description="Identifier of the activity, unique in the document.")
    kind: ActivityKind = Field(description="Kind of activity from the codelist.")
    status: ActivityStatus | None = Field(
        default=None,
        description=(
            "Planned, ongoing, completed or cancelled; figures of a planned activity are plans."
        ),
    )
    title: LocalizedText | None = Field(default=None, description="Title of the activity.")
    description: LocalizedText | None = Field(
        default=None, description="Description of the activity."
    )
    period: Period | None = Field(default=None, description="When the activity runs (inclusive).")
    dates: tuple[PartialDate, ...] = Field(
        default=(),
        description="Dates the activity took place, when stated as dates rather than a period.",
    )
    stated_duration: StatedDuration | None = Field(
        default=None, description="Duration as the source states it (`6 months`)."
    )
    sessions_planned: Estimate | None = Field(
        default=None, description="Number of sessions planned."
    )
    sessions_actual: Estimate | None = Field(default=None, description="Number of sessions held.")
    hours_per_session: Hours | None = Field(
        default=None, description="Length of one session (`2-3 hours`)."
    )
    hours_per_participant: Hours | None = Field(
        default=None, description="Training time per participant (`88-100 academic hours`)."
    )
    total_hours: Hours | None = Field(
        default=None,
        description=(
            "Time delivered in all, when the source gives only a total (`313 hours for 12 "
            "families`)."
        ),
    )
    frequency: Frequency | None = Field(
        default=None, description="How often sessions recur (`every 2-3 months`)."
    )
    groups: Estimate | None = Field(
        default=None,
        description=(
            "Number of parallel groups or sites (22 contact points, each with its own group)."
        ),
    )
    participants: tuple[Participation, ...] = Field(
        default=(), description="Participants by target group."
    )
    facilitators: tuple[ObjectId, ...] = Field(
        default=(), description="Ids of the organisations that lead or facilitate the activity."
    )
    outputs: tuple[Output, ...] = Field(
        default=(), description="Tangible outputs (`handbook, 200 copies`)."
    )
    sessions: tuple[Session, ...] = Field(
        default=(), description="The sessions one by one, when the source reports them so."
    )
    locations: tuple[str, ...] = Field(
        default=(), description="Where the activity takes place, as the source names the places."
    )
    eligibility: tuple[LocalizedText, ...] = Field(
        default=(),
        description=(
            "Who may take part, in the source's words (`at least 3 years of practice in social "
            "work`)."
        ),
    )
    stated_counts: tuple[StatedCount, ...] = Field(
        default=(),
        description="Counts the source states without names (`5 experts`, `12 trainers`).",
    )
    note: Note | None = Field(default=None, description="Free-text remark.")
    extensions: Extensions = Field(
        default_factory=dict,
        description=EXTENSIONS_DESCRIPTION,
        json_schema_extra={"additionalProperties": False},
    )
