"""The rule types of the IATI Standard ruleset, each a check of one case on one context element.

The definitions follow the ruleset's ``SPEC.rst`` (IATI-Rulesets, "JS edition") and, where it is
silent, what the IATI Validator does. Where capacitylib differs from the Validator, on purpose:

* a date rule reads every date its XPath selects, not only the first (``date_order`` compares
  each ``less`` date with each ``more`` date; ``between_dates`` checks each ``date``;
  ``time_limit`` pairs the n-th ``start`` with the n-th ``end``);
* numbers are ``xs:decimal`` text, added exactly as :class:`~decimal.Decimal` (the Validator
  adds binary floats and rounds to four places);
* a date or number that cannot be read is reported, never taken as a pass or a failure;
* an XPath result is true or false as XPath's ``boolean()`` says: an empty node-set is false
  (the Validator's JavaScript takes an empty array for true, so an ``if_then`` whose ``then``
  selects nothing, such as rule 3.7.1's, never fails there);
* ``only_one_of`` reads SPEC.rst's sentence: beside any ``excluded`` node, no ``paths`` node;
  with none, exactly one;
* ``startswith``'s ``ORG-ID-PREFIX`` takes an identifier that is an agency code, or starts with
  one and a hyphen (the Validator takes the text before the second hyphen).

Each rule yields :class:`Finding` s, one per failure; none means the case passed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from capacitylib.errors import CapacitylibError
from capacitylib.io.iati._ruleset_spec import (
    MAX_PERIOD_DAYS,
    NOW_WORDS,
    ONE_OR_ALL,
    ORG_ID_PREFIX,
    CaseSpec,
)

#: The latest offset from UTC on Earth (Kiribati, UTC+14): a date, or a time without a zone, is
#: "in the future" only when it is later than now everywhere.
LATEST_OFFSET = timedelta(hours=14)

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DAY = re.compile(r"(-?\d{4,})-(\d{2})-(\d{2})")
_DATE = re.compile(_DAY.pattern + r"(?:Z|[+-]\d{2}:\d{2})?")
_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One failure of a case: what was found (``detail``), the offending value and node.

    ``invalid`` marks a value the rule cannot read (a date or a number that is not one): the
    case could not be judged there. ``node`` (an lxml element or attribute value) is where the
    problem points; ``None`` points at the context element.
    """

    detail: str
    value: Any = None
    node: Any = None
    invalid: bool = False


class XPathEvaluationError(CapacitylibError, ValueError):
    """An XPath that cannot be evaluated, or that gives a number or text where nodes are needed."""

    def __init__(self, expression: str, why: str):
        self.expression = expression
        super().__init__(why)


class Scope:
    """One context element, and how to evaluate a case's XPaths on it.

    ``evaluate(expression, element)`` is the runner's XPath evaluation (compiled once, errors
    reported once); ``now`` is timezone-aware; ``prefixes`` are the organisation registration
    agency codes for ``startswith``'s ``ORG-ID-PREFIX``.
    """

    __slots__ = ("element", "evaluate", "now", "prefixes")

    def __init__(
        self,
        element: Any,
        evaluate: Callable[[str, Any], Any],
        now: datetime,
        prefixes: frozenset[str],
    ):
        self.element = element
        self.evaluate = evaluate
        self.now = now
        self.prefixes = prefixes

    def nodes(self, expression: str, element: Any = None) -> list[Any]:
        """The nodes ``expression`` selects (a number, string or boolean result is an error)."""
        result = self.evaluate(expression, self.element if element is None else element)
        if not isinstance(result, list):
            raise XPathEvaluationError(
                expression, f"must select elements or attributes (got {result!r})"
            )
        return result

    def truth(self, expression: str) -> bool:
        """XPath's ``boolean()`` of ``expression``'s result."""
        result = self.evaluate(expression, self.element)
        if isinstance(result, list | str):
            return len(result) > 0
        if isinstance(result, float):
            return not math.isnan(result) and result != 0
        return bool(result)

    def matches(self, expressions: Sequence[str]) -> list[Any]:
        """Every node the expressions select, in their order."""
        return [node for expression in expressions for node in self.nodes(expression)]

    def today(self) -> date:
        """The latest date anywhere on Earth now (what ``NOW`` means in a date rule)."""
        return (self.now.astimezone(UTC) + LATEST_OFFSET).date()

    def dates(self, expression: str) -> list[tuple[date, Any]] | Finding:
        """The dates ``expression`` selects (blank ones skipped), or the first unreadable one."""
        if expression in NOW_WORDS:
            return [(self.today(), None)]
        found: list[tuple[date, Any]] = []
        for node in self.nodes(expression):
            value = text_of(node).strip()
            if value:
                day = parse_date(value)
                if day is None:
                    return Finding(f"{expression} = {value!r} is not a date", value, node, True)
                found.append((day, node))
        return found


def text_of(node: Any) -> str:
    """The text of a node: an element's string value, an attribute's or a text node's value."""
    if isinstance(node, str):
        return str(node)
    itertext = getattr(node, "itertext", None)
    return "".join(itertext()) if itertext is not None else str(node)


def node_name(node: Any) -> str:
    """``@xml:lang``, ``@percentage``, ``text()`` or an element's tag, for messages."""
    if isinstance(node, str):
        if getattr(node, "is_attribute", False):
            return "@" + str(getattr(node, "attrname", "")).replace(_XML_NS, "xml:")
        return "text()"
    return str(getattr(node, "tag", node))


def parse_decimal(text: str) -> Decimal | None:
    """An ``xs:decimal`` (``"12.5"``, ``"-3"``, ``".5"``), or ``None``.

    >>> parse_decimal(" 33.34 "), parse_decimal("1e2"), parse_decimal("NaN")
    (Decimal('33.34'), None, None)
    """
    text = text.strip()
    return Decimal(text) if _DECIMAL.fullmatch(text) else None


def parse_date(text: str) -> date | None:
    """The day of an ``xs:date`` or the date part of an ``xs:dateTime``, or ``None``.

    >>> parse_date("2019-01-31"), parse_date("2019-01-31Z"), parse_date("2019-02-30")
    (datetime.date(2019, 1, 31), datetime.date(2019, 1, 31), None)
    """
    text = text.strip()
    found = _DATE.fullmatch(text) or (_DAY.match(text) if _DATETIME.fullmatch(text) else None)
    if found is None:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def later_than_now(text: str, now: datetime) -> bool | None:
    """Whether an ``xs:dateTime`` or ``xs:date`` is after ``now``; ``None`` when unreadable.

    Without a zone, it is after now only if it is so everywhere (``LATEST_OFFSET``).

    >>> now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    >>> later_than_now("2024-06-02T01:00:00", now), later_than_now("2024-06-02T01:00:00Z", now)
    (False, True)
    """
    text = text.strip()
    if _DATETIME.fullmatch(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        if moment.tzinfo is None:
            return moment > (now.astimezone(UTC) + LATEST_OFFSET).replace(tzinfo=None)
        return moment > now
    day = parse_date(text)
    if day is None:
        return None
    return day > (now.astimezone(UTC) + LATEST_OFFSET).date()


def _terms(values: Sequence[Decimal]) -> str:
    shown = " + ".join(str(v) for v in values[:10])
    return shown + (" + ..." if len(values) > 10 else "")


# Each rule type: (scope, case) -> findings. Their names are SPEC.rst's.


def no_more_than_one(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``no_more_than_one``: the paths select at most one node."""
    found = scope.matches(case.paths)
    if len(found) > 1:
        yield Finding(f"got {len(found)}", [text_of(n) for n in found[:10]], found[1])


def atleast_one(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``atleast_one``: the paths select at least one node."""
    if not scope.matches(case.paths):
        yield Finding("got none")


def only_one_of(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``only_one_of``: beside an ``excluded`` node no path node; without one, exactly one."""
    # SPEC.rst: with a match of `excluded`, no match of `paths`; without, exactly one.
    excluded = [path for path in case.excluded if scope.nodes(path)]
    found = scope.matches(case.paths)
    if excluded and found:
        yield Finding(f"got {len(found)} beside {' and '.join(excluded)}", None, found[0])
    elif not excluded and len(found) != 1:
        yield Finding(f"got {len(found)}", None, found[1] if found else None)


def one_or_all(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``one_or_all``: ``one`` exists, or every node ``all`` names has what it needs."""
    if case.one is None or case.all is None or scope.nodes(case.one):
        return
    each, needs, _, what = ONE_OR_ALL[case.all]
    lacking = [node for node in scope.nodes(each) if not scope.nodes(needs, node)]
    if lacking:
        tags = "/".join(sorted({node_name(node) for node in lacking}))
        detail = f"got no {case.one} and {len(lacking)} {tags} without {what}"
        yield Finding(detail, None, lacking[0])


def dependent(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``dependent``: the paths select nodes all together or not at all."""
    present = [path for path in case.paths if scope.nodes(path)]
    if present and len(present) < len(case.paths):
        missing = [path for path in case.paths if path not in present]
        yield Finding(f"got {', '.join(present)} without {', '.join(missing)}", present)


def _numbers(scope: Scope, case: CaseSpec) -> list[Decimal] | Finding:
    numbers: list[Decimal] = []
    for node in scope.matches(case.paths):
        text = text_of(node)
        number = parse_decimal(text)
        if number is None:
            return Finding(f"{node_name(node)} = {text!r} is not a number", text, node, True)
        numbers.append(number)
    return numbers


def _sum(scope: Scope, case: CaseSpec, *, strict: bool) -> Iterator[Finding]:
    numbers = _numbers(scope, case)
    if isinstance(numbers, Finding):
        yield numbers
        return
    if not numbers and not strict:
        return
    total = Decimal(0)
    for number in numbers:
        total += number
    if total != case.sum:
        terms = f" = {_terms(numbers)}" if len(numbers) > 1 else ""
        yield Finding(f"got {total}{terms}" if numbers else "got none (0)", str(total))


def sum_(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``sum``: the values add up to ``sum``; no values at all pass."""
    return _sum(scope, case, strict=False)


def strict_sum(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``strict_sum``: the values add up to ``sum`` exactly; no values at all add up to 0."""
    return _sum(scope, case, strict=True)


def _dates(scope: Scope, *expressions: str) -> list[list[tuple[date, Any]]] | Finding:
    """The dates of each expression, or the first date that cannot be read."""
    found = [scope.dates(expression) for expression in expressions]
    for dates in found:
        if isinstance(dates, Finding):
            return dates
    return [dates for dates in found if not isinstance(dates, Finding)]


def date_order(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``date_order``: no ``less`` date is after a ``more`` date; absent dates are not judged."""
    if case.less is None or case.more is None:
        return
    found = _dates(scope, case.less, case.more)
    if isinstance(found, Finding):
        yield found
        return
    less, more = found
    if less and more:
        latest, node = max(less, key=lambda pair: pair[0])
        earliest = min(day for day, _ in more)
        if latest > earliest:
            shown = "today" if case.more in NOW_WORDS else f"{case.more} = {earliest}"
            yield Finding(f"got {case.less} = {latest}, after {shown}", str(latest), node)


def date_now(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``date_now``: each ``date`` (a date or a time) is not after now."""
    if case.date is None:
        return
    for node in scope.nodes(case.date):
        text = text_of(node).strip()
        later = later_than_now(text, scope.now) if text else False
        if later is None:
            yield Finding(f"{case.date} = {text!r} is not a date or time", text, node, True)
        elif later:
            now = scope.now.astimezone(UTC)
            yield Finding(f"got {text}, after now ({now:%Y-%m-%dT%H:%M}Z)", text, node)


def time_limit(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``time_limit``: each ``start`` to its ``end`` is at most ``MAX_PERIOD_DAYS`` days."""
    if case.start is None or case.end is None:
        return
    found = _dates(scope, case.start, case.end)
    if isinstance(found, Finding):
        yield found
        return
    starts, ends = found
    for (start, _), (end, node) in zip(starts, ends, strict=False):
        days = (end - start).days
        if days > MAX_PERIOD_DAYS:
            yield Finding(f"got {start} to {end}, {days} days apart", days, node)


def between_dates(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``between_dates``: each ``date`` lies within ``start`` to ``end`` (inclusive)."""
    if case.date is None or case.start is None or case.end is None:
        return
    found = _dates(scope, case.date, case.start, case.end)
    if isinstance(found, Finding):
        yield found
        return
    days, starts, ends = found
    if not (starts and ends):
        return
    start, end = starts[0][0], ends[0][0]
    for day, node in days:
        if not start <= day <= end:
            yield Finding(f"got {day}, outside {start} to {end}", str(day), node)


def _regex(scope: Scope, case: CaseSpec, *, match: bool) -> Iterator[Finding]:
    pattern = re.compile(case.regex or "")
    for node in scope.matches(case.paths):
        text = text_of(node)
        # As the Validator: an empty value is not judged (a missing value is another rule's).
        if text and (pattern.search(text) is not None) is not match:
            yield Finding(f"got {text!r}", text, node)


def regex_matches(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``regex_matches``: every non-empty value matches ``regex`` (a search)."""
    return _regex(scope, case, match=True)


def regex_no_matches(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``regex_no_matches``: no non-empty value matches ``regex``."""
    return _regex(scope, case, match=False)


def startswith(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``startswith``: each value starts with a prefix's value and ``separator``."""
    found = scope.matches(case.paths)
    if ORG_ID_PREFIX in case.prefix:
        # An organisation identifier starts with a registration agency code and a hyphen.
        for node in found:
            text = text_of(node)
            if not any(text == p or text.startswith(p + "-") for p in scope.prefixes):
                yield Finding(f"got {text!r}", text, node)
        return
    prefixes = [text_of(n) for n in scope.matches(case.prefix or (case.start or "",))]
    separator = case.separator or ""
    for node in found:
        text = text_of(node)
        if not any(text.startswith(prefix + separator) for prefix in prefixes):
            wanted = " or ".join(repr(p + separator) for p in prefixes) or "(no prefix found)"
            yield Finding(f"got {text!r}, not starting with {wanted}", text, node)


def unique(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``unique``: no two values of the paths are equal."""
    found = scope.matches(case.paths)
    counts = Counter(text_of(node) for node in found)
    repeated = {text: n for text, n in counts.items() if n > 1}
    if repeated:
        shown = ", ".join(f"{text!r} {n} times" for text, n in list(repeated.items())[:5])
        node = next(n for i, n in enumerate(found) if text_of(n) in repeated and i > 0)
        yield Finding(f"got {shown}", sorted(repeated), node)


def if_then(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``if_then``: where ``if`` is true, ``then`` is true."""
    if case.if_ is None or case.then is None:
        return
    if scope.truth(case.if_) and not scope.truth(case.then):
        counts = {path: len(scope.nodes(path)) for path in case.paths}
        shown = "; ".join(f"{n} {path}" for path, n in counts.items())
        detail = f"got {case.if_} true and {case.then} false" + (f" ({shown})" if shown else "")
        yield Finding(detail, counts or None)


def range_(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``range``: each value lies within ``min``..``max`` (inclusive; either may be absent)."""
    for node in scope.matches(case.paths):
        text = text_of(node)
        number = parse_decimal(text)
        if number is None:
            yield Finding(f"{node_name(node)} = {text!r} is not a number", text, node, True)
        elif (case.min is not None and number < case.min) or (
            case.max is not None and number > case.max
        ):
            yield Finding(f"got {text.strip()}", text, node)


def no_spaces(scope: Scope, case: CaseSpec) -> Iterator[Finding]:
    """``no_spaces``: no value starts or ends with spaces or newlines."""
    for node in scope.matches(case.paths):
        text = text_of(node)
        if text != text.strip():
            yield Finding(f"got {text!r}", text, node)


#: The rule types by their ``SPEC.rst`` names (``loop`` is the runner's: it runs other rules).
RULES: dict[str, Callable[[Scope, CaseSpec], Iterator[Finding]]] = {
    "no_more_than_one": no_more_than_one,
    "atleast_one": atleast_one,
    "only_one_of": only_one_of,
    "one_or_all": one_or_all,
    "dependent": dependent,
    "sum": sum_,
    "date_order": date_order,
    "date_now": date_now,
    "time_limit": time_limit,
    "between_dates": between_dates,
    "regex_matches": regex_matches,
    "regex_no_matches": regex_no_matches,
    "startswith": startswith,
    "unique": unique,
    "if_then": if_then,
    "strict_sum": strict_sum,
    "range": range_,
    "no_spaces": no_spaces,
}
