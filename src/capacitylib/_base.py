"""The one base model of capacitylib and its configuration, documented once.

Every model and every structured value inherits :class:`CapacityModel`:

* ``frozen=True``: a validated object never changes behind your back; use
  ``model_copy(update=...)`` and re-validate (``Programme.model_validate(...)``) to change one.
* ``extra="forbid"``: an unknown field is an error, so a typo in a pipeline's input never
  silently drops data.
* ``validate_default=False`` and no ``model_dump`` overrides: pydantic behaves as documented.

Frozen means frozen all the way down: fields hold tuples, frozen values and read-only
mappings, so a programme can be hashed, used as a dict key or put in a set. A field whose
default is an empty ``dict`` (``extensions``) gets an empty read-only one instead.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class CapacityModel(BaseModel):
    """Base of every capacitylib model: frozen, unknown fields refused."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=False,
        use_enum_values=False,
        ser_json_inf_nan="strings",
        defer_build=True,
        use_attribute_docstrings=False,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        from capacitylib.values.extensions import no_extensions  # noqa: PLC0415 - no cycle

        # The schema is built on first use (defer_build), so the default factory set here is
        # the one validation uses.
        for info in cls.model_fields.values():
            if info.default_factory is dict:
                info.default_factory = no_extensions
