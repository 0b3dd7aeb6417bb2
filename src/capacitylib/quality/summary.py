"""A quality summary of a whole dataset: what is wrong across thousands of records, at a glance.

:func:`summarise` reads any iterable of :class:`~capacitylib.io.records.Outcome` (what
``validate_paths``, ``iter_ndjson`` and ``validate_records`` give) or of records, one at a
time, and keeps only counts, a few examples per problem code, fill rates and one small entry
per distinct programme id, code and organisation id (for the checks across records): its
memory does not grow with the number of problems or records beyond that. Summaries of parts
(NDJSON partitions, Dask partitions) combine with :meth:`DatasetSummary.merge`, which is
associative and commutative.

>>> import capacitylib
>>> summary = summarise(capacitylib.load_examples() + capacitylib.load_examples()[:1])
>>> summary.records, summary.valid, [f.code for f in summary.findings()]
(7, 7, ['dataset_programme_duplicate'])
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from capacitylib._version import SCHEMA_VERSION, __version__
from capacitylib.errors import Problem, Severity
from capacitylib.io.records import Outcome, Record, validate_record
from capacitylib.models import Programme
from capacitylib.quality.across import (
    EXAMPLES_KEPT,
    KeyRegistry,
    Where,
    cross_record_findings,
    where_text,
)
from capacitylib.quality.fill import stated_fields
from capacitylib.values import LocalizedText

_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, order=True)
class Example:
    """Where one problem of a code was found: the record's place and the path in it."""

    where: Where
    path: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"where": where_text(self.where), "path": self.path, "message": self.message}


@dataclass
class CodeStats:
    """How often one problem code occurs: records, problems, and the first few examples."""

    code: str
    severity: Severity
    records: int = 0
    problems: int = 0
    examples: list[Example] = field(default_factory=list)

    def merge(self, other: CodeStats) -> CodeStats:
        """Both together; the severity kept is the most severe seen."""
        severity = min(self.severity, other.severity, key=_ORDER.__getitem__)
        examples = sorted({*self.examples, *other.examples})[:EXAMPLES_KEPT]
        return CodeStats(
            self.code,
            severity,
            self.records + other.records,
            self.problems + other.problems,
            examples,
        )


def versions() -> dict[str, str]:
    """What a result was made with: capacitylib, the document format, the reference tables."""
    from capacitylib.reference import ReferenceTables  # noqa: PLC0415 - loaded on first use

    tables = ReferenceTables.default()
    digest = hashlib.sha256(repr(tables).encode("utf-8")).hexdigest()[:16]
    return {
        "capacitylib": __version__,
        "schema_version": SCHEMA_VERSION,
        "reference_tables": digest,
    }


@dataclass
class DatasetSummary:
    """Counts, problem codes, fill rates and checks across records of a dataset.

    ``records`` counts every record read (``valid + rejected``); inputs that could not be read
    at all are counted apart in ``unreadable``.

    >>> import capacitylib
    >>> part = DatasetSummary()
    >>> for outcome in capacitylib.validate_records(['{"id": "p"}']):
    ...     part.add(outcome)
    >>> whole = part.merge(summarise(capacitylib.load_examples()))
    >>> whole.records, whole.rejected, whole.codes["field_required"].records
    (7, 1, 1)
    """

    records: int = 0
    valid: int = 0
    rejected: int = 0
    unreadable: int = 0
    codes: dict[str, CodeStats] = field(default_factory=dict)
    with_programme: int = 0
    """Records whose programme could be built (the denominator of the fill rates)."""
    fill: dict[str, int] = field(default_factory=dict)
    """Field path to the number of records that state it (see :mod:`capacitylib.quality.fill`)."""
    ids: KeyRegistry = field(default_factory=KeyRegistry)
    programme_codes: KeyRegistry = field(default_factory=KeyRegistry)
    organisations: KeyRegistry = field(default_factory=KeyRegistry)
    funder_currencies: KeyRegistry = field(default_factory=KeyRegistry)

    # --- building --------------------------------------------------------------------------

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        where: Where = (outcome.source, outcome.line or 0, outcome.record or "")
        if outcome.unreadable:
            self.unreadable += 1
        else:
            self.records += 1
            if outcome.valid:
                self.valid += 1
            else:
                self.rejected += 1
        seen: set[str] = set()
        for problem in outcome.problems:
            stats = self.codes.get(problem.code)
            if stats is None:
                stats = self.codes[problem.code] = CodeStats(problem.code, problem.severity)
            elif _ORDER[problem.severity] < _ORDER[stats.severity]:
                stats.severity = problem.severity
            stats.problems += 1
            if problem.code not in seen:
                stats.records += 1
                seen.add(problem.code)
            if len(stats.examples) < EXAMPLES_KEPT or where < stats.examples[-1].where:
                example = Example(where, problem.path, problem.message)
                stats.examples = sorted({*stats.examples, example})[:EXAMPLES_KEPT]
        if outcome.programme is not None:
            self._add_programme(outcome.programme, where)

    def _add_programme(self, programme: Programme, where: Where) -> None:
        self.with_programme += 1
        for path in stated_fields(programme):
            self.fill[path] = self.fill.get(path, 0) + 1
        self.ids.add(programme.id, _digest(programme.model_dump_json()), where)
        if programme.code is not None:
            self.programme_codes.add(programme.code, _digest(_text_key(programme.title)), where)
        for organisation in programme.organisations:
            variant = _text_key(organisation.name) + organisation.kind.value
            self.organisations.add(organisation.id, _short_digest(variant), where)
        currency = _currency(programme)
        if currency is not None:
            for partner in programme.partners:
                if partner.role.value == "funder":
                    self.funder_currencies.add(partner.organisation, currency, where)

    def merge(self, other: DatasetSummary) -> DatasetSummary:
        """The summary of both parts together (associative and commutative)."""
        codes = dict(self.codes)
        for code, stats in other.codes.items():
            mine = codes.get(code)
            codes[code] = stats if mine is None else mine.merge(stats)
        fill = dict(self.fill)
        for path, count in other.fill.items():
            fill[path] = fill.get(path, 0) + count
        return DatasetSummary(
            records=self.records + other.records,
            valid=self.valid + other.valid,
            rejected=self.rejected + other.rejected,
            unreadable=self.unreadable + other.unreadable,
            codes={
                code: codes[code].merge(CodeStats(code, codes[code].severity)) for code in codes
            },
            with_programme=self.with_programme + other.with_programme,
            fill=fill,
            ids=self.ids.merge(other.ids),
            programme_codes=self.programme_codes.merge(other.programme_codes),
            organisations=self.organisations.merge(other.organisations),
            funder_currencies=self.funder_currencies.merge(other.funder_currencies),
        )

    # --- reading ---------------------------------------------------------------------------

    def findings(self) -> list[Problem]:
        """The findings across records (``dataset_*`` codes, in the code catalogue)."""
        return cross_record_findings(
            self.ids, self.programme_codes, self.organisations, self.funder_currencies
        )

    def fill_rates(self) -> dict[str, float]:
        """Field path to the share of records (with a programme) that state it, 0 to 1."""
        if not self.with_programme:
            return {}
        from capacitylib.quality.fill import document_fields  # noqa: PLC0415

        return {
            path: self.fill.get(path, 0) / self.with_programme
            for path in document_fields()
            if path != "schema_version"
        }

    def sorted_codes(self) -> list[CodeStats]:
        """Problem codes, most severe first, then by how many records they touch."""
        return sorted(self.codes.values(), key=lambda s: (_ORDER[s.severity], -s.records, s.code))

    def as_dict(self) -> dict[str, Any]:
        """The summary as one JSON-ready object (``validate --summary --format json``)."""
        share = self.records or 1
        return {
            "versions": versions(),
            "records": self.records,
            "valid": self.valid,
            "rejected": self.rejected,
            "unreadable": self.unreadable,
            "codes": [
                {
                    "code": s.code,
                    "severity": s.severity,
                    "records": s.records,
                    "share": round(s.records / share, 4),
                    "problems": s.problems,
                    "examples": [e.as_dict() for e in s.examples],
                }
                for s in self.sorted_codes()
            ],
            "fill_rates": {k: round(v, 4) for k, v in self.fill_rates().items()},
            "across_records": [p.as_dict() for p in self.findings()],
        }

    def render_text(self) -> str:
        """A plain-text summary for a terminal (``validate --summary``)."""
        from capacitylib.quality.render import summary_text  # noqa: PLC0415

        return summary_text(self)

    def render_html(self) -> str:
        """A self-contained HTML page of the summary (``validate --summary-html FILE``)."""
        from capacitylib.quality.render import summary_html  # noqa: PLC0415

        return summary_html(self)


def _text_key(text: LocalizedText) -> str:
    """The texts of a LocalizedText in one string (its languages are kept sorted by tag)."""
    return repr(text.root)


def _short_digest(text: str) -> str:
    """``text`` itself when short, else its digest: a variant kept small in memory."""
    return text if len(text) <= 64 else _digest(text)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _currency(programme: Programme) -> str | None:
    budget = programme.budget
    if budget is None:
        return None
    if budget.total is not None:
        return str(budget.total.currency)
    for source in budget.sources:
        if source.amount is not None:
            return str(source.amount.currency)
    return None


def summarise(items: Iterable[Outcome | Programme | Record]) -> DatasetSummary:
    """The summary of outcomes, programmes or records (JSON text, parsed dicts), in one pass.

    >>> import capacitylib
    >>> lines = [capacitylib.json_line(p) for p in capacitylib.load_examples()] + ['{"id": 1}']
    >>> summary = summarise(capacitylib.validate_records(lines))
    >>> summary.records, summary.rejected, [s.code for s in summary.sorted_codes()][:2]
    (7, 1, ['field_required', 'string_type'])
    """
    summary = DatasetSummary()
    for number, item in enumerate(items, start=1):
        if isinstance(item, Outcome):
            summary.add(item)
        elif isinstance(item, Programme):
            summary.add(Outcome("<programmes>", number, programme=item))
        else:
            summary.add(validate_record(item, "<records>", number))
    return summary


__all__ = ["CodeStats", "DatasetSummary", "Example", "summarise", "versions"]
