"""Extensions: fields a funder or a tool adds under its own namespace, kept and never interpreted.

An unknown field is still an error (a typo must not drop data); a field under ``extensions`` is
declared as someone else's and travels through every format unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, NoReturn, Self, SupportsIndex

from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from capacitylib.values._decimal import DECIMAL_LIMIT, JsonNumber, json_number_is_exact

#: Namespace of an extension: a short name or a reversed domain (``esfa``, ``lt.esfa``).
NAMESPACE_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$"

#: Deepest nesting an extension value may have (a guard against hostile input).
MAX_EXTENSION_DEPTH = 32

_MAX_KEY = 200


class FrozenDict(dict[str, Any]):
    """A read-only, hashable ``dict``: the mappings of extension data (a programme is frozen).

    Reading is a ``dict``'s (it is one: ``json.dumps`` and ``==`` work as for a dict); every
    change raises ``TypeError``. Its values are frozen too, so it hashes.

    >>> data = FrozenDict({"rate": Decimal("0.1")})
    >>> data["rate"], data == {"rate": Decimal("0.1")}, hash(data) == hash(FrozenDict(data))
    (Decimal('0.1'), True, True)
    >>> data["rate"] = 1
    Traceback (most recent call last):
    ...
    TypeError: extension data is immutable; build a new programme to change it
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("extension data is immutable; build a new programme to change it")

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __ior__(self, other: Any) -> Self:  # type: ignore[misc,override]
        self._refuse()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[type[FrozenDict], tuple[dict[str, Any]]]:
        return (FrozenDict, (dict(self),))

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self


_NO_EXTENSIONS = FrozenDict()


def no_extensions() -> FrozenDict:
    """The one empty :class:`FrozenDict`: the default of every ``extensions`` field.

    One shared object (it cannot change) instead of a new one for every object without
    extensions: cheaper to validate, and to compare when defaults are left out of a dump.
    """
    return _NO_EXTENSIONS


class FrozenList(tuple[Any, ...]):
    """A list of extension data, as an immutable, hashable tuple that still equals the list.

    >>> FrozenList([1, 2]) == [1, 2], FrozenList([1, 2]) == (1, 2)
    (True, True)
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            other = tuple(other)
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def __add__(self, other: Any) -> Any:
        return FrozenList(tuple(self) + tuple(other))

    def __mul__(self, count: SupportsIndex) -> FrozenList:
        return FrozenList(tuple(self) * count)

    def __repr__(self) -> str:
        return repr(list(self))


def _error(path: str, value: object, reason: str) -> PydanticCustomError:
    return PydanticCustomError(
        "extension_value_invalid",
        "extension value at '{path}' must be JSON: text, an integer, an exact decimal, "
        "true/false, null, a list or a mapping with text keys ({reason}; got {value})",
        {"path": path, "reason": reason, "value": repr(value)[:100]},
    )


# One branch per JSON type: splitting it would only hide the shape of JSON.
def _exact(value: Any, path: str, depth: int, *, json: bool) -> Any:  # noqa: PLR0911, PLR0912
    if depth > MAX_EXTENSION_DEPTH:
        raise _error(path, "...", f"nested deeper than {MAX_EXTENSION_DEPTH} levels")
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        if abs(value) > DECIMAL_LIMIT:
            raise _error(path, value, "number too large")
        return value
    if isinstance(value, JsonNumber):
        if not json_number_is_exact(value.text):
            raise _error(path, value.text, "more digits than a JSON number keeps exactly")
        return Decimal(value.text)
    if isinstance(value, float):
        if not json:
            raise _error(path, value, "a binary float; pass a Decimal or a string")
        number = Decimal(repr(value))
        if not number.is_finite() or len(number.normalize().as_tuple().digits) > 15:
            raise _error(path, value, "more digits than a JSON number keeps exactly")
        return number
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) > DECIMAL_LIMIT:
            raise _error(path, value, "not a finite number below 1e18")
        return value
    if isinstance(value, list | tuple):
        return FrozenList(
            [_exact(item, f"{path}[{i}]", depth + 1, json=json) for i, item in enumerate(value)]
        )
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or not 0 < len(key) <= _MAX_KEY:
                raise _error(path, key, f"keys must be text of 1-{_MAX_KEY} characters")
            out[key] = _exact(item, f"{path}.{key}", depth + 1, json=json)
        return FrozenDict(out)
    raise _error(path, value, f"a {type(value).__name__}")


def json_ready(value: Any) -> Any:
    """JSON form: decimals become JSON numbers (exact up to 15 digits, as they were read)."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, list | tuple):
        return [json_ready(item) for item in value]
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    return value


def thawed(value: Any) -> Any:
    """Plain Python form (``model_dump()``): frozen mappings and lists as ``dict`` and ``list``."""
    if isinstance(value, FrozenList):
        return [thawed(item) for item in value]
    if isinstance(value, FrozenDict):
        return {key: thawed(item) for key, item in value.items()}
    return value


def _dumped(value: Any, info: core_schema.SerializationInfo) -> Any:
    return json_ready(value) if info.mode_is_json() else thawed(value)


class _ExtensionData:
    """Core schema of one extension's data: any JSON, numbers exact."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(
                lambda value: _exact(value, "", 0, json=True)
            ),
            python_schema=core_schema.no_info_plain_validator_function(
                lambda value: _exact(value, "", 0, json=False)
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(_dumped, info_arg=True),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"description": "Any JSON value; numbers are kept exactly."}


#: Data of one extension: any JSON value.
ExtensionData = Annotated[Any, _ExtensionData()]

#: Extensions of one object: namespace -> data, kept losslessly and never interpreted; a
#: :class:`FrozenDict` (the field's default is an empty one), immutable all the way down.
Extensions = Annotated[
    dict[Annotated[str, StringConstraints(pattern=NAMESPACE_PATTERN)], ExtensionData],
    AfterValidator(FrozenDict),
]
