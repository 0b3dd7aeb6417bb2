"""Problems found in a document, in one shape for validation errors and rule findings.

A :class:`Problem` has a stable ``code``, a ``path`` in the form ``activities[3].sessions[0].date``,
a ``message`` and the offending ``value``. :func:`problems_from_error` turns a pydantic
``ValidationError`` into problems, so that pipelines can filter on codes without parsing text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
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
        """JSON-ready form (values rendered with ``str`` when not JSON-native)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "value": _jsonable(self.value),
            "values": {k: _jsonable(v) for k, v in self.values.items()},
        }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


# Pydantic's own error types keep their names; a few get names in our vocabulary.
_CODE_ALIASES = {
    "extra_forbidden": "field_unknown",
    "missing": "field_required",
}

_MAX_VALUE_CHARS = 200


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_VALUE_CHARS:
        return value[:_MAX_VALUE_CHARS] + f"... ({len(value)} characters)"
    if isinstance(value, dict | list | tuple):
        text = repr(value)
        return text if len(text) <= _MAX_VALUE_CHARS else text[:_MAX_VALUE_CHARS] + "..."
    return value


def problems_from_error(error: ValidationError) -> list[Problem]:
    """Every problem in a pydantic ``ValidationError``, in document order.

    One mistake is one problem: a bare number given for a range (``sessions_actual: -1``) is
    checked as its ``min`` and its ``max``, and the two identical problems are reported once,
    at the field's own path.

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
        if problems and _same_mistake_on_both_bounds(problems[-1], problem):
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
