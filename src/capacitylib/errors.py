"""Problems found in a document, in one shape for validation errors and rule findings.

A :class:`Problem` has a stable ``code``, a ``path`` in the form ``activities[3].sessions[0].date``,
a ``message`` and the offending ``value``. :func:`problems_from_error` turns a pydantic
``ValidationError`` into problems, so that pipelines can filter on codes without parsing text.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from pydantic import ValidationError

Severity = Literal["error", "warning", "info"]


class CapacitylibError(Exception):
    """The root of every exception capacitylib raises: ``except CapacitylibError`` catches them all.

    Each error also derives from the built-in exception it has always been (``ValueError``,
    ``ImportError``, ``LookupError``), so existing ``except`` clauses keep working. An error keeps
    the arguments it was made with and is rebuilt from them when unpickled, so an error raised in
    a worker process arrives with the same type, message and fields (``source``, ``line``,
    ``problems``, ``outcome``, ...).

    >>> import pickle
    >>> from capacitylib import DocumentError
    >>> error = DocumentError("bad YAML", source="p.yaml", line=3)
    >>> copy = pickle.loads(pickle.dumps(error))
    >>> type(copy).__name__, str(copy), copy.line, isinstance(copy, CapacitylibError)
    ('DocumentError', 'p.yaml:3: bad YAML', 3, True)
    """

    _init: tuple[tuple[Any, ...], dict[str, Any]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _keep_arguments(self, args, kwargs)
        super().__init__(*args, **kwargs)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" in vars(cls):
            cls.__init__ = _keeping_arguments(vars(cls)["__init__"])  # type: ignore[method-assign]

    def __reduce__(self) -> tuple[Any, ...]:
        args, kwargs = vars(self).get("_init", (self.args, {}))
        state = {k: v for k, v in vars(self).items() if k != "_init"}
        return (_rebuild_error, (type(self), args, kwargs), state or None)


def _keep_arguments(error: CapacitylibError, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    # The subclasses pass Exception a message built from their fields, so the default reduce
    # (calling the class with that message) garbles them. The outermost __init__, the one the
    # caller called, records its arguments; the super() calls below it do not.
    if "_init" not in vars(error):
        error._init = (args, kwargs)


def _keeping_arguments(init: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(init)
    def keeping_init(self: CapacitylibError, *args: Any, **kwargs: Any) -> None:
        _keep_arguments(self, args, kwargs)
        init(self, *args, **kwargs)

    return keeping_init


def _rebuild_error(
    cls: type[CapacitylibError], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> CapacitylibError:
    return cls(*args, **kwargs)


#: Where a value is in a document: field names and list positions, as pydantic gives them
#: (``("activities", 0, "hours_per_session")``).
Loc = tuple[str | int, ...]


def format_path(loc: Sequence[str | int]) -> str:
    """Render a pydantic location as a dotted and indexed path.

    >>> format_path(("activities", 3, "sessions", 0, "date"))
    'activities[3].sessions[0].date'
    >>> format_path(())
    ''
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one document: a validation error or a rule finding.

    ``value`` is the offending value as the user wrote it: a shorthand the models expand
    (``hours_per_session: 2`` read as a range) is shown as written. From validation errors it
    is bounded so that a huge input is never copied into every problem: text is cut after
    200 characters and marked ``"... (N characters)"``; a list keeps at most 20 items and
    ends with the marker ``"... (N items)"``; a mapping keeps at most 20 keys and ends with
    the key ``"..."`` whose value is ``"(N keys)"``; a list or mapping nested deeper than 4
    levels is replaced by its marker, and once about 1,000 characters are kept the rest is.

    >>> from capacitylib import Programme, ValidationError
    >>> try:
    ...     Programme.model_validate({"id": "p", "title": {"en": "P"},
    ...                               "periods": [{"start": "2019-10-31", "end": "2019-05-16"}]})
    ... except ValidationError as error:
    ...     problem = problems_from_error(error)[0]
    >>> problem.code, problem.path, problem.severity
    ('period_end_before_start', 'periods[0]', 'error')
    """

    code: str
    path: str
    message: str
    severity: Severity = "error"
    value: Any = None
    values: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: ``value`` and ``values`` as JSON values, never Python reprs.

        Text, whole numbers, booleans and ``None`` stay as they are; lists and mappings stay
        lists and objects; a decimal is a JSON number when a double holds it exactly, else its
        decimal text; dates are ISO 8601 text; anything else is its ``str``.

        >>> Problem("tuple_type", "participants", "not a list", value={"a": [1, 2]}).as_dict()
        ... # doctest: +NORMALIZE_WHITESPACE
        {'code': 'tuple_type', 'severity': 'error', 'path': 'participants',
         'message': 'not a list', 'value': {'a': [1, 2]}, 'values': {}}
        """
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "value": _jsonable(self.value),
            "values": {k: _jsonable(v) for k, v in self.values.items()},
        }


def _jsonable(value: Any) -> Any:
    """``value`` as a JSON value (see :meth:`Problem.as_dict`)."""
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return _json_scalar(value)


def _json_scalar(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return _decimal_json(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _decimal_json(value: Decimal) -> int | float | str:
    """A JSON number when ``value`` is one exactly (an int or a double), else decimal text."""
    if not value.is_finite():
        return str(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0 and abs(value) < 10**18:
        return int(value)
    as_float = float(value)
    if math.isfinite(as_float) and Decimal(repr(as_float)) == value:
        return as_float
    return str(value)


def value_text(value: Any) -> str:
    """A problem's value as text for a person: text quoted, the rest as JSON writes it.

    >>> value_text("cz"), value_text(2), value_text(Decimal("2.50")), value_text(True)
    ("'cz'", '2', '2.50', 'true')
    >>> print(value_text({"a": [1, None]}))
    {"a": [1, null]}
    """
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return json.dumps(_jsonable(value), ensure_ascii=False)


class Shorthand(dict[str, Any]):
    """The mapping a validator made from a shorthand, remembering what the user wrote.

    A model that accepts ``2`` for ``{"min": 2, "max": 2}`` returns ``Shorthand({...}, 2)``
    from its ``mode="before"`` validator; a problem about the mapping (a missing ``unit``)
    then shows ``2``, the value in the user's document, not the mapping made from it.

    >>> Shorthand({"min": 2, "max": 2}, written=2).written
    2
    """

    __slots__ = ("written",)

    def __init__(self, data: Mapping[str, Any], written: Any) -> None:
        super().__init__(data)
        self.written = written

    @classmethod
    def exact(cls, value: Any) -> Shorthand:
        """``{"min": value, "max": value}`` written as ``value``: the bare-number figure.

        Built without ``__init__`` (a Python call), since it runs for every bare number.

        >>> made = Shorthand.exact(2)
        >>> made, made.written
        ({'min': 2, 'max': 2}, 2)
        """
        made = dict.__new__(cls)
        made["min"] = made["max"] = value
        made.written = value
        return made


# Pydantic's own error types keep their names; a few get names in our vocabulary.
_CODE_ALIASES = {
    "extra_forbidden": "field_unknown",
    "missing": "field_required",
}

_MAX_VALUE_CHARS = 200
_MAX_VALUE_ITEMS = 20
_MAX_VALUE_DEPTH = 4
_VALUE_BUDGET = 1_000
_MAX_INT_BITS = 664  # about 200 decimal digits


def _short(value: Any) -> Any:
    """``value`` as written and bounded (see :class:`Problem`): a copy, never the input."""
    return _bounded(value, 0, [_VALUE_BUDGET])


def _bounded(value: Any, depth: int, budget: list[int]) -> Any:
    """``value`` bounded, ``budget[0]`` the characters still to keep (spent as it goes)."""
    if isinstance(value, Shorthand):
        value = value.written
    if isinstance(value, Mapping):
        return _bounded_mapping(value, depth, budget)
    if isinstance(value, list | tuple):
        return _bounded_list(value, depth, budget)
    if isinstance(value, str):
        kept = value
        if len(value) > _MAX_VALUE_CHARS:
            kept = value[:_MAX_VALUE_CHARS] + f"... ({len(value)} characters)"
        budget[0] -= len(kept)
        return kept
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        # Python will not even print an int of over 4,300 digits: keep its size instead.
        return f"... (an integer of {math.ceil(value.bit_length() * math.log10(2))} digits)"
    budget[0] -= 8
    return value


def _bounded_mapping(value: Mapping[Any, Any], depth: int, budget: list[int]) -> Any:
    if depth >= _MAX_VALUE_DEPTH:
        return f"... ({_count(len(value), 'key')})"
    out: dict[str, Any] = {}
    for index, (key, item) in enumerate(value.items()):
        if _full(index, budget):
            out["..."] = f"({_count(len(value), 'key')})"
            break
        out[_bounded(str(key), depth + 1, budget)] = _bounded(item, depth + 1, budget)
    return out


def _bounded_list(value: Sequence[Any], depth: int, budget: list[int]) -> Any:
    if depth >= _MAX_VALUE_DEPTH:
        return f"... ({_count(len(value), 'item')})"
    items: list[Any] = []
    for index, item in enumerate(value):
        if _full(index, budget):
            items.append(f"... ({_count(len(value), 'item')})")
            break
        items.append(_bounded(item, depth + 1, budget))
    return items


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _full(index: int, budget: list[int]) -> bool:
    """Whether item ``index`` is past the item limit, or the character budget is spent."""
    return index >= _MAX_VALUE_ITEMS or budget[0] <= 0


def problems_from_error(error: ValidationError, *, merge_bounds: bool = True) -> list[Problem]:
    """Every problem in a pydantic ``ValidationError``, in document order.

    One mistake is one problem: a bare number given for a range (``sessions_actual: -1``) is
    checked as its ``min`` and its ``max``, and the two identical problems are reported once,
    at the field's own path. ``merge_bounds=False`` keeps both, one per entry of
    ``error.errors()`` (a table has one cell for each bound, each its own mistake).

    >>> from capacitylib.values import Period
    >>> try:
    ...     Period.model_validate({"start": "2019-10-31", "end": "2019-05-16"})
    ... except ValidationError as exc:
    ...     print(problems_from_error(exc)[0].code)
    period_end_before_start
    """
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        code = _CODE_ALIASES.get(err["type"], err["type"])
        path = format_path(err["loc"])
        message = err["msg"]
        if code == "field_unknown":
            message = "unknown field (a typo? unknown fields are refused so no data is dropped)"
        problem = Problem(
            code=code,
            path=path,
            message=message,
            value=_short(err.get("input")),
            values={k: _short(v) for k, v in (err.get("ctx") or {}).items()},
        )
        if merge_bounds and problems and _same_mistake_on_both_bounds(problems[-1], problem):
            problems[-1] = replace(problem, path=path.removesuffix(".max"))
            continue
        problems.append(problem)
    return problems


def _same_mistake_on_both_bounds(first: Problem, second: Problem) -> bool:
    """``X.min`` then ``X.max`` with the same code, message and value: one mistake in ``X``."""
    return (
        first.path.endswith(".min")
        and second.path == first.path.removesuffix(".min") + ".max"
        and (first.code, first.message, first.value) == (second.code, second.message, second.value)
    )


class FindingsError(CapacitylibError, ValueError):
    """Raised by strict checks when a programme has error-level findings.

    >>> import capacitylib
    >>> late = capacitylib.Programme.model_validate({
    ...     "id": "p", "title": {"en": "P"},
    ...     "periods": [{"start": "2019-01-01", "end": "2019-06-30"}],
    ...     "activities": [{"id": "a", "kind": "seminar", "dates": ["2019-09-12"]}]})
    >>> try:
    ...     capacitylib.check_strict(late)
    ... except FindingsError as error:
    ...     print([p.code for p in error.problems])
    ['activity_outside_programme_period']
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = [f"{p.path or '<root>'}: {p.message} [{p.code}]" for p in self.problems]
        super().__init__(f"{len(self.problems)} error-level finding(s):\n" + "\n".join(lines))
