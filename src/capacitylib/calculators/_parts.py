"""How an activity's figures split into achieved and planned parts.

The rule, written once and used by the hours, reach and budget calculators:

* An activity's own figures (``sessions_actual``/``sessions_planned``, ``hours_per_session``,
  ``hours_per_participant``, ``participants``) belong to the activity's status: ``planned`` makes
  them plans; ``cancelled`` drops the activity (and its sessions); any other status, or none, makes
  them achieved (the document reports them without calling them plans).
* A listed session belongs to its own status when it has one, else to its activity's.
* So an activity has a *whole* part (its own figures and the sessions that share its status) and
  possibly a second part made only of listed sessions of the other status: a seminar series
  reporting one completed seminar and four planned ones has an achieved part (1 session) and a
  planned part (4 sessions). The two parts never overlap, so ``all`` is their sum.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from capacitylib.calculators._common import Scope, in_scope, status_scope
from capacitylib.calculators._memo import once
from capacitylib.models import Activity, Participation, Session

PartScope = Literal["achieved", "planned"]


@dataclass(frozen=True, slots=True)
class ActivityPart:
    """The figures of one activity that belong to one scope."""

    activity: Activity
    scope: PartScope
    whole: bool
    sessions: tuple[Session, ...]

    def blocks(self) -> Iterator[tuple[tuple[Participation, ...], bool]]:
        """Lists of participations known to be disjoint, each with whether it is one session's.

        The whole part uses the activity's own participants when it lists any (they summarise
        its sessions), else each of its sessions' lists; a sessions-only part uses its sessions'.
        """
        if self.whole and self.activity.participants:
            yield self.activity.participants, False
            return
        for session in self.sessions:
            if session.participants:
                yield session.participants, True

    def participations(self) -> Iterator[tuple[Participation, bool]]:
        """Every participation of the part, with whether it is counted per session."""
        for block, per_session in self.blocks():
            for participation in block:
                yield participation, per_session


@once
def activity_parts(activity: Activity, scope: Scope) -> tuple[ActivityPart, ...]:
    """The parts of ``activity`` counted under ``scope`` (whole part first).

    Every calculator asks for them, a report about 13 times per activity: inside a report
    (:func:`~capacitylib.calculators._memo.computed_once`) they are worked out once per activity
    and scope (build_report about 7% faster, measured back to back); elsewhere each call works
    them out.
    """
    own = status_scope(activity.status)
    if own is None:
        return ()
    if not activity.sessions:
        # The common case: the whole part alone.
        return (ActivityPart(activity, own, True, ()),) if in_scope(own, scope) else ()
    by_scope: dict[PartScope, list[Session]] = {"achieved": [], "planned": []}
    for session in activity.sessions:
        session_scope = own if session.status is None else status_scope(session.status)
        if session_scope is not None:
            by_scope[session_scope].append(session)
    parts = [ActivityPart(activity, own, True, tuple(by_scope[own]))]
    other: PartScope = "planned" if own == "achieved" else "achieved"
    if by_scope[other]:
        parts.append(ActivityPart(activity, other, False, tuple(by_scope[other])))
    return tuple(part for part in parts if in_scope(part.scope, scope))
