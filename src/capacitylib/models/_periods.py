"""The rule that picks the programme period from its stated versions (order-independent)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from capacitylib.codelists import PeriodStatus
from capacitylib.models._base import StatedPeriod

#: Statuses in the order they are preferred.
STATUS_RANK: tuple[PeriodStatus | None, ...] = (
    PeriodStatus.ACTUAL,
    PeriodStatus.REVISED,
    None,
    PeriodStatus.PLANNED,
)


def _key(stated: StatedPeriod) -> tuple[date, date] | None:
    when = stated.stated_on if stated.stated_on is not None else stated.effective_from
    if when is None:
        return None
    return when.interval()


def candidates(periods: Sequence[StatedPeriod]) -> tuple[StatedPeriod, ...]:
    """The versions of the best-ranked status present, in list order."""
    for status in STATUS_RANK:
        found = tuple(p for p in periods if p.status is status)
        if found:
            return found
    return ()


def choose_period(periods: Sequence[StatedPeriod]) -> StatedPeriod | None:
    """The version to calculate with (see :attr:`Programme.stated_period`), or ``None``."""
    found = candidates(periods)
    if not found:
        return None
    distinct = {(p.start, p.end) for p in found}
    if len(distinct) == 1:
        return found[0]
    spans = []
    for p in found:
        key = _key(p)
        if key is None:
            return None  # an undated version cannot be ordered against the others
        spans.append((p, key))
    winners = []
    for p, (first, _last) in spans:
        beats_all = all(
            (q.start, q.end) == (p.start, p.end) or first > q_last
            for q, (_q_first, q_last) in spans
        )
        if beats_all:
            winners.append(p)
    if winners and len({(p.start, p.end) for p in winners}) == 1:
        return winners[0]
    return None
