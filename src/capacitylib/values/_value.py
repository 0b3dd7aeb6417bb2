"""The base of the light values: slotted, immutable classes that pydantic validates.

A value (``Estimate``, ``Hours``, ``Money``, ``Period``, ``LocalizedText``) is a plain class
with ``__slots__``: no instance ``__dict__`` and no pydantic fields-set, so a kept programme
holds a few dozen bytes per value instead of about 500. pydantic still does the validation:
each class builds its core schema once (:meth:`Value._build_schema`) and hands a copy to every
model that uses it; the JSON Schema comes from a pydantic model of the same name and fields
(``values/_schemas.py``), so the published schema does not change.

The entry points users call on pydantic models are kept: ``model_validate``,
``model_validate_json``, ``model_dump``, ``model_dump_json``, ``model_json_schema``,
``model_construct``, ``model_copy`` and ``model_fields``. Assigning to a field raises
pydantic's ``frozen_instance`` ``ValidationError``, as it did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import (
    CoreConfig,
    PydanticKnownError,
    SchemaSerializer,
    SchemaValidator,
    core_schema,
)

from capacitylib.values._decimal import has_float

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo


def _frozen(owner: object, name: str, value: object) -> ValidationError:
    return ValidationError.from_exception_data(
        type(owner).__name__,
        [{"type": "frozen_instance", "loc": (name,), "input": value}],
    )


def _restore(cls: type[Value], state: tuple[Any, ...]) -> Value:
    return cls._trusted(*state)


class _ModelFields:
    """``model_fields`` of a value: the ``FieldInfo``s of its JSON Schema model, on first use."""

    def __get__(self, owner: object, cls: type[Value]) -> dict[str, FieldInfo]:
        from capacitylib.values import _schemas  # noqa: PLC0415 - built on first use

        return _schemas.schema_model(cls.__name__).model_fields


class Value:
    """Base of the light values: immutable, slotted, validated through a core schema."""

    __slots__ = ()

    #: The fields in order (repr, equality, hashing, pickling, dumps).
    _fields: ClassVar[tuple[str, ...]] = ()

    model_fields: ClassVar[dict[str, FieldInfo]] = _ModelFields()  # type: ignore[assignment]

    # -- construction ---------------------------------------------------------------------

    def __init__(self, **data: Any) -> None:
        """Validate keyword arguments as :meth:`model_validate` does a dict."""
        built = type(self).model_validate(data)
        for name in self._fields:
            object.__setattr__(self, name, getattr(built, name))

    @classmethod
    def _trusted(cls, *values: Any) -> Self:
        """An instance from already valid field values, in ``_fields`` order (no checks)."""
        obj = object.__new__(cls)
        for name, value in zip(cls._fields, values, strict=True):
            object.__setattr__(obj, name, value)
        return obj

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """An instance from trusted values without validation (as pydantic's)."""
        defaults = cls._defaults()
        return cls._trusted(*(values.get(f, defaults.get(f)) for f in cls._fields))

    @classmethod
    def _defaults(cls) -> dict[str, Any]:
        return {}

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied, not validated (as pydantic's ``model_copy``)."""
        values = {f: getattr(self, f) for f in self._fields}
        values.update(update or {})
        return type(self)._trusted(*(values[f] for f in self._fields))

    # -- immutability, equality, pickling -----------------------------------------------

    def __setattr__(self, name: str, value: object) -> None:
        raise _frozen(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise _frozen(self, name, None)

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Value):
            return NotImplemented
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._key()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._repr_fields())
        return f"{type(self).__name__}({inner})"

    def _repr_fields(self) -> Iterable[str]:
        return self._fields

    def __reduce__(self) -> tuple[Callable[..., Value], tuple[Any, ...]]:
        return (_restore, (type(self), self._key()))

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    # -- pydantic -------------------------------------------------------------------------

    @classmethod
    def _build_schema(cls) -> core_schema.CoreSchema:
        """The class's core schema: validation and serialization (built once, see below)."""
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # A fresh top level for each use: pydantic records its JSON Schema hooks in the
        # schema's metadata, which must not accumulate on the one built schema. The ref makes
        # the value one definition of the model's schema, and one entry of its JSON Schema's
        # ``$defs``, named after the class as a model's is.
        ref = f"{cls.__module__}.{cls.__qualname__}:{id(cls)}"
        return {**_schema_of(cls), "metadata": {}, "ref": ref}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        from capacitylib.values import _schemas  # noqa: PLC0415 - built on first use

        # The JSON Schema model's content, without its own ref: the definition is this class's.
        model = _schemas.schema_model(cls.__name__)
        content = {k: v for k, v in model.__pydantic_core_schema__.items() if k != "ref"}
        return model.__get_pydantic_json_schema__(content, handler)

    @classmethod
    def model_validate(
        cls, obj: Any, *, strict: bool | None = None, context: Any | None = None
    ) -> Self:
        """Validate ``obj`` (a dict, or the shorthand the value accepts) into a value."""
        result: Self = _validator_of(cls).validate_python(obj, strict=strict, context=context)
        return result

    @classmethod
    def model_validate_json(
        cls, data: str | bytes, *, strict: bool | None = None, context: Any | None = None
    ) -> Self:
        """Validate JSON text into a value."""
        result: Self = _validator_of(cls).validate_json(data, strict=strict, context=context)
        return result

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """The JSON Schema of the value (what the programme schema publishes for it)."""
        from pydantic import TypeAdapter  # noqa: PLC0415 - rarely used

        return TypeAdapter(cls).json_schema()

    def model_dump(
        self,
        *,
        mode: Literal["json", "python"] | str = "python",
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        round_trip: bool = False,
    ) -> Any:
        """The value as plain data (``mode="json"``: JSON-ready), as pydantic's ``model_dump``.

        A value keeps no fields-set: ``exclude_unset`` leaves out what ``exclude_defaults``
        does.
        """
        return _serializer_of(type(self)).to_python(
            self,
            mode=mode,
            exclude_defaults=exclude_defaults or exclude_unset,
            exclude_none=exclude_none,
            round_trip=round_trip,
        )

    def model_dump_json(
        self,
        *,
        indent: int | None = None,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        round_trip: bool = False,
    ) -> str:
        """The value as JSON text, as pydantic's ``model_dump_json``."""
        return (
            _serializer_of(type(self))
            .to_json(
                self,
                indent=indent,
                exclude_defaults=exclude_defaults or exclude_unset,
                exclude_none=exclude_none,
                round_trip=round_trip,
            )
            .decode()
        )


# Built once per class, on first use (keyed by class: a value class is never collected).
_SCHEMAS: dict[type[Value], core_schema.CoreSchema] = {}
_VALIDATORS: dict[type[Value], SchemaValidator] = {}
_SERIALIZERS: dict[type[Value], SchemaSerializer] = {}


def _schema_of(cls: type[Value]) -> core_schema.CoreSchema:
    schema = _SCHEMAS.get(cls)
    if schema is None:
        schema = _SCHEMAS[cls] = cls._build_schema()
    return schema


def _validator_of(cls: type[Value]) -> SchemaValidator:
    validator = _VALIDATORS.get(cls)
    if validator is None:
        config = CoreConfig(title=cls.__name__)
        validator = _VALIDATORS[cls] = SchemaValidator(_schema_of(cls), config)
    return validator


def _serializer_of(cls: type[Value]) -> SchemaSerializer:
    serializer = _SERIALIZERS.get(cls)
    if serializer is None:
        config = CoreConfig(ser_json_inf_nan="strings")
        serializer = _SERIALIZERS[cls] = SchemaSerializer(_schema_of(cls), config)
    return serializer


def field(
    schema: core_schema.CoreSchema, *, default: Any = ..., required: bool | None = None
) -> core_schema.TypedDictField:
    """A typed-dict field of a value's input; ``default`` fills it in when it is left out."""
    if default is not ...:
        return core_schema.typed_dict_field(
            core_schema.with_default_schema(schema, default=default), required=False
        )
    return core_schema.typed_dict_field(schema, required=True if required is None else required)


def fields_schema(fields: dict[str, core_schema.TypedDictField]) -> core_schema.TypedDictSchema:
    """The input of a value as a typed dict: unknown keys refused (``extra_forbidden``)."""
    return core_schema.typed_dict_schema(fields, extra_behavior="forbid")


def instance_schema(
    cls: type[Value], stored: dict[str, core_schema.CoreSchema]
) -> core_schema.DataclassSchema:
    """The object built by pydantic itself (a slotted dataclass) from ``stored``, in Rust.

    It also writes the object out from the same fields (``model_dump``, JSON), so that a value
    dumps as fast as a model does.
    """
    fields = [core_schema.dataclass_field(name, schema) for name, schema in stored.items()]
    return core_schema.dataclass_schema(
        cls,
        core_schema.dataclass_args_schema(cls.__name__, fields, extra_behavior="forbid"),
        list(stored),
        slots=True,
    )


def dict_input(
    cls: type[Value],
    names: frozenset[str],
    *,
    checked: SchemaValidator | None = None,
    decimal_fields: tuple[str, ...] = (),
) -> core_schema.NoInfoValidatorFunction:
    """The one Python step before pydantic validates a value from a dict.

    An instance of ``cls`` passes as it is (as pydantic passes a model instance); anything but
    a dict is refused as pydantic refuses it for a model (``model_type``). Input with a float
    in one of ``decimal_fields`` or an unknown key is validated by ``checked`` (the float checks
    of :mod:`capacitylib.values._decimal`; every problem of the input at once, as a model
    reports them); anything else goes on to pydantic, in Rust.
    """

    def before(value: Any) -> Any:
        if type(value) is not dict:
            if isinstance(value, cls):
                return value
            if not isinstance(value, dict):
                raise PydanticKnownError("model_type", {"class_name": cls.__name__})
            value = dict(value)
        if checked is not None and (not value.keys() <= names or has_float(value, decimal_fields)):
            return checked.validate_python(value)
        return value

    return before


__all__ = ["Value", "dict_input", "field", "fields_schema", "instance_schema"]
