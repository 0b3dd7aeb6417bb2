"""The one base model of capacitylib and its configuration, documented once.

Every model and every structured value inherits :class:`CapacityModel`:

* ``frozen=True``: a validated object never changes behind your back; use
  ``model_copy(update=...)`` and re-validate (``Programme.model_validate(...)``) to change one.
* ``extra="forbid"``: an unknown field is an error, so a typo in a pipeline's input never
  silently drops data.
* ``validate_default=False`` and no ``model_dump`` overrides: pydantic behaves as documented.
"""

from __future__ import annotations

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
