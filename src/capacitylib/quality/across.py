"""Checks across records: one key (a programme id, a code, an organisation id) seen in several.

Each record adds what it says about a key: a *variant* (a digest of what the key stands for
there) and where it says it. Two records with the same programme id and the same content are a
duplicate; with different content, a conflict. Everything here merges associatively and
commutatively, so per-partition summaries combine into the summary of the whole dataset.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from capacitylib.errors import Problem

#: Locations kept per key and variants kept per key (the smallest, so merging is associative).
EXAMPLES_KEPT = 5
VARIANTS_KEPT = 10

#: Where a record is: ``(source, line or 0, record name or "")``, ordered for determinism.
Where = tuple[str, int, str]


def where_text(where: Where) -> str:
    """``source:line``, ``source [record]`` or ``source``."""
    source, line, record = where
    if line:
        return f"{source}:{line}"
    if record:
        return f"{source} [{record}]"
    return source


@dataclass
class KeyStats:
    """What the records say about one key: how often, in which variants, where first."""

    count: int = 0
    variants: dict[str, Where] = field(default_factory=dict)
    """Digest of each variant seen (at most :data:`VARIANTS_KEPT`) and its first location."""
    variants_seen_beyond: bool = False
    """Whether more variants were seen than are kept."""
    places: list[Where] = field(default_factory=list)
    """The first :data:`EXAMPLES_KEPT` locations of the key, in order."""

    def add(self, variant: str, where: Where) -> None:
        """Count one record that gives ``variant`` for this key at ``where``."""
        self.count += 1
        first = self.variants.get(variant)
        if first is None or where < first:
            self.variants[variant] = where
            if len(self.variants) > VARIANTS_KEPT:
                self._trim()
        places = self.places
        if (len(places) < EXAMPLES_KEPT or where < places[-1]) and where not in places:
            bisect.insort(places, where)
            del places[EXAMPLES_KEPT:]

    def merge(self, other: KeyStats) -> KeyStats:
        """The stats of both together (associative and commutative)."""
        out = KeyStats(count=self.count + other.count)
        out.variants = dict(self.variants)
        for variant, where in other.variants.items():
            first = out.variants.get(variant)
            out.variants[variant] = where if first is None else min(first, where)
        out.variants_seen_beyond = self.variants_seen_beyond or other.variants_seen_beyond
        out._trim()
        out.places = sorted({*self.places, *other.places})[:EXAMPLES_KEPT]
        return out

    def _trim(self) -> None:
        if len(self.variants) > VARIANTS_KEPT:
            kept = sorted(self.variants)[:VARIANTS_KEPT]
            self.variants = {v: self.variants[v] for v in kept}
            self.variants_seen_beyond = True

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "count": self.count,
            "variants": len(self.variants),
            "more_variants": self.variants_seen_beyond,
            "places": [where_text(w) for w in self.places],
        }


@dataclass
class KeyRegistry:
    """Keys of one kind (programme ids, codes, ...) and their stats.

    A key seen once is kept as one small tuple (most programme ids are unique); it becomes a
    :class:`KeyStats` when a second record gives it.
    """

    keys: dict[str, KeyStats] = field(default_factory=dict)
    """Keys given by two records or more."""
    singles: dict[str, tuple[str, Where]] = field(default_factory=dict)
    """Keys given by one record: its variant and place."""

    def add(self, key: str, variant: str, where: Where) -> None:
        """Record that the record at ``where`` gives ``variant`` for ``key``."""
        stats = self.keys.get(key)
        if stats is None:
            single = self.singles.pop(key, None)
            if single is None:
                self.singles[key] = (variant, where)
                return
            stats = self.keys[key] = KeyStats()
            stats.add(*single)
        stats.add(variant, where)

    def merge(self, other: KeyRegistry) -> KeyRegistry:
        """Both registries together (associative and commutative)."""
        empty = KeyStats()
        out = KeyRegistry(
            {key: stats.merge(empty) for key, stats in self.keys.items()}, dict(self.singles)
        )
        for key, (variant, where) in other.singles.items():
            out.add(key, variant, where)
        for key, stats in other.keys.items():
            mine = out.keys.get(key)
            if mine is None:
                mine = KeyStats()
                single = out.singles.pop(key, None)
                if single is not None:
                    mine.add(*single)
            out.keys[key] = mine.merge(stats)
        return out

    def repeated(self) -> list[tuple[str, KeyStats]]:
        """Keys given by more than one record, sorted by key."""
        return sorted(self.keys.items())


def _places(stats: KeyStats) -> str:
    shown = ", ".join(where_text(w) for w in stats.places)
    more = stats.count - len(stats.places)
    return shown + (f" and {more} more" if more > 0 else "")


def _finding(code: str, path: str, key: str, message: str, **values: Any) -> Problem:
    """A ``dataset_*`` finding at the severity the code catalogue gives it."""
    from capacitylib.rules.catalogue import DATASET_CODES  # noqa: PLC0415 - light, on use

    severity = DATASET_CODES[code].severity
    return Problem(code, path, message, severity=severity, value=key, values=values)


def _differing(registry: KeyRegistry) -> list[tuple[str, KeyStats]]:
    """Keys given by several records that do not agree on what the key stands for."""
    return [(key, stats) for key, stats in registry.repeated() if len(stats.variants) > 1]


def cross_record_findings(
    ids: KeyRegistry,
    codes: KeyRegistry,
    organisations: KeyRegistry,
    funder_currencies: KeyRegistry,
) -> list[Problem]:
    """The findings across records, each with a ``dataset_*`` code, in a stable order."""
    found: list[Problem] = []
    for key, stats in ids.repeated():
        variants = len(stats.variants)
        conflict = variants > 1
        more = "+" if stats.variants_seen_beyond else ""
        content = (
            f"with {variants}{more} different contents"
            if variants > 1
            else ("with the same content")
        )
        found.append(
            _finding(
                code="dataset_programme_conflict" if conflict else "dataset_programme_duplicate",
                path="id",
                key=key,
                message=f"programme id {key!r} is in {stats.count} records {content}: "
                f"{_places(stats)}",
                records=stats.count,
                places=[where_text(w) for w in stats.places],
            )
        )
    found += [
        _finding(
            code="dataset_code_titles_differ",
            path="code",
            key=key,
            message=f"programme code {key!r} has {len(stats.variants)} different titles "
            f"in {stats.count} records: {_places(stats)}",
            records=stats.count,
        )
        for key, stats in _differing(codes)
    ]
    found += [
        _finding(
            code="dataset_organisation_conflict",
            path="organisations[].id",
            key=key,
            message=f"organisation id {key!r} has {len(stats.variants)} different names "
            f"or kinds in {stats.count} records: {_places(stats)}",
            records=stats.count,
        )
        for key, stats in _differing(organisations)
    ]
    found += [
        _finding(
            code="dataset_funder_currencies_mixed",
            path="budget",
            key=key,
            message=f"the portfolio of funder {key!r} mixes currencies "
            f"({', '.join(sorted(stats.variants))}): convert before adding its budgets",
            currencies=sorted(stats.variants),
        )
        for key, stats in _differing(funder_currencies)
    ]
    return found


__all__ = ["KeyRegistry", "KeyStats", "Where", "cross_record_findings", "where_text"]
