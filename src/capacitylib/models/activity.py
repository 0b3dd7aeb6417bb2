"""Activities, their sessions, participants and outputs."""

from __future__ import annotations

from pydantic import Field

from capacitylib.codelists import ActivityKind, ActivityStatus, OutputKind, ReachUnit, TargetGroup
from capacitylib.models._base import CapacityModel, Frequency, Note, StatedDuration
from capacitylib.values import Estimate, Hours, LocalizedText, ObjectId, PartialDate, Period


class Participation(CapacityModel):
    """How many of a target group took part, in one unit, and where they came from.

    ``unique`` says whether the count is of distinct people (or families, ...) or of
    participations (one person at three sessions counts three times). ``organisations`` are ids
    of organisations in the document; ``municipalities`` are names as the source writes them.

    >>> Participation(group="social_workers", count=28, unique=True).count.max
    Decimal('28')
    """

    group: TargetGroup
    count: Estimate | None = None
    unit: ReachUnit = ReachUnit.PERSONS
    unique: bool = False
    organisations: tuple[ObjectId, ...] = ()
    municipalities: tuple[str, ...] = ()
    note: Note | None = None


class Output(CapacityModel):
    """A tangible output: "handbook, 200 copies" is ``kind=handbook, quantity=200, unit=copies``."""

    kind: OutputKind
    title: LocalizedText | None = None
    quantity: Estimate | None = None
    unit: ReachUnit | None = None
    note: Note | None = None


class Session(CapacityModel):
    """One meeting of an activity, for activities reported session by session."""

    id: ObjectId | None = None
    date: PartialDate
    status: ActivityStatus | None = None
    hours: Hours | None = None
    participants: tuple[Participation, ...] = ()
    location: str | None = Field(default=None, max_length=500)
    note: Note | None = None


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

    id: ObjectId
    kind: ActivityKind
    status: ActivityStatus | None = None
    title: LocalizedText | None = None
    description: LocalizedText | None = None
    period: Period | None = None
    dates: tuple[PartialDate, ...] = ()
    stated_duration: StatedDuration | None = None
    sessions_planned: Estimate | None = None
    sessions_actual: Estimate | None = None
    hours_per_session: Hours | None = None
    hours_per_participant: Hours | None = None
    frequency: Frequency | None = None
    groups: Estimate | None = None
    participants: tuple[Participation, ...] = ()
    facilitators: tuple[ObjectId, ...] = ()
    outputs: tuple[Output, ...] = ()
    sessions: tuple[Session, ...] = ()
    locations: tuple[str, ...] = ()
    note: Note | None = None
