"""The JSON Schema of the light values, from pydantic models with the same names and fields.

The values validate through their own core schemas (``values/_value.py``); these models are
never used to validate. They give each value the JSON Schema it published when it was a
pydantic model (``$defs`` name, title, descriptions, defaults, byte for byte) and the
``model_fields`` the table columns read their descriptions from. Built on first use: the
schema, the docs and the table readers need them, validation does not.
"""

from __future__ import annotations

import functools
import inspect

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, RootModel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from capacitylib import values
from capacitylib._base import CapacityModel
from capacitylib.codelists import HoursUnit
from capacitylib.values._decimal import AmountDecimal, QuantityDecimal
from capacitylib.values.codes import CurrencyCode
from capacitylib.values.dates import Day
from capacitylib.values.text import LanguageTag, NonBlankText


def _described(value: type[object]) -> ConfigDict:
    """The model config whose JSON Schema description is ``value``'s docstring.

    A model's description is its docstring; these models take the value's through the config
    rather than a docstring of their own, so that its examples run once, as the value's.
    """
    return ConfigDict(json_schema_extra={"description": inspect.cleandoc(value.__doc__ or "")})


class Estimate(CapacityModel):
    model_config = _described(values.Estimate)

    min: QuantityDecimal = Field(description="Lower bound (equal to max when exact).")
    max: QuantityDecimal | None = Field(
        default_factory=lambda data: data["min"],
        description=(
            "Upper bound; may be left out when equal to min; none when `at_least` is true."
        ),
    )
    at_least: bool = Field(
        default=False,
        description=(
            'True when the figure has no upper bound ("at least 30", "more than 1 000"); '
            "`max` is then left out."
        ),
    )
    up_to: bool = Field(
        default=False,
        description=(
            'True when the source states only the upper bound ("up to 200"); min is then 0.'
        ),
    )
    approximate: bool = Field(
        default=False,
        description=(
            "True when the source marks the figure as approximate (`cca`, `about`, `vidēji`)."
        ),
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        reference = handler(schema)
        json_schema = handler.resolve_ref_schema(reference)
        # "max" may be left out (it then equals "min"); a bare Estimate may be a plain number.
        json_schema["required"] = [
            r for r in json_schema.get("required", []) if r not in ("max", "min")
        ]
        # "min" may be left out only for "up to": {max: 200, up_to: true}.
        json_schema["anyOf"] = [{"required": ["min"]}, {"required": ["max", "up_to"]}]
        if cls is not Estimate:
            return json_schema
        number = {"type": "number", "minimum": 0}
        text = {"type": "string", "pattern": r"^\d+(?:\.\d+)?$"}
        return {"anyOf": [number, text, reference]}


class Hours(Estimate):
    model_config = _described(values.Hours)

    unit: HoursUnit = Field(description="Unit as stated: clock_hour, academic_hour or day.")
    academic_hour_minutes: int | None = Field(
        default=None,
        strict=True,
        ge=1,
        le=120,
        description=(
            "Length of an academic hour when the source states it; else the country default."
        ),
    )


class Money(CapacityModel):
    model_config = _described(values.Money)

    amount: AmountDecimal = Field(description="Exact decimal amount, written as a decimal string.")
    currency: CurrencyCode = Field(description="ISO 4217 currency code.")


class Period(CapacityModel):
    model_config = _described(values.Period)

    start: Day = Field(description="First day (inclusive).")
    end: Day | None = Field(
        default=None, description="Last day (inclusive); unset for an ongoing period."
    )


class LocalizedText(RootModel[dict[LanguageTag, NonBlankText]]):
    model_config = ConfigDict(
        frozen=True, use_attribute_docstrings=False, **_described(values.LocalizedText)
    )

    root: dict[LanguageTag, NonBlankText] = Field(min_length=1)


_MODELS: dict[str, type[BaseModel]] = {
    model.__name__: model for model in (Estimate, Hours, Money, Period, LocalizedText)
}


@functools.cache
def schema_model(name: str) -> type[BaseModel]:
    """The pydantic model that gives the value class ``name`` its JSON Schema and fields."""
    model = _MODELS[name]
    model.model_rebuild()
    return model
