"""The JSON Schema of a programme document, generated from the models and shipped in the package.

``capacitylib/_data/programme.schema.json`` is the generated file; a test keeps it current
(regenerate with ``python -m capacitylib.schema > src/capacitylib/_data/programme.schema.json``).
"""

from __future__ import annotations

import functools
import json
import sys
from importlib import resources
from typing import Any

from capacitylib._version import SCHEMA_VERSION
from capacitylib.models import Programme

SCHEMA_ID = f"https://capacitylib.org/schema/programme-{SCHEMA_VERSION}.json"


def generate_programme_json_schema() -> dict[str, Any]:
    """Generate the JSON Schema (Draft 2020-12) of a document from the models."""
    schema = _without_examples(Programme.model_json_schema(mode="validation"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def _without_examples(node: Any) -> Any:
    """The schema with the Python examples (``>>>`` lines onwards) cut from every description."""
    if isinstance(node, dict):
        out = {key: _without_examples(value) for key, value in node.items()}
        description = out.get("description")
        if isinstance(description, str) and ">>>" in description:
            out["description"] = description.split(">>>", 1)[0].rstrip()
        return out
    if isinstance(node, list):
        return [_without_examples(item) for item in node]
    return node


@functools.cache
def _shipped() -> str:
    return resources.files("capacitylib._data").joinpath("programme.schema.json").read_text("utf-8")


def programme_json_schema() -> dict[str, Any]:
    """The shipped JSON Schema of a programme document (a fresh copy each call)."""
    loaded: dict[str, Any] = json.loads(_shipped())
    return loaded


def render() -> str:
    """The schema file's text as generated now."""
    return json.dumps(generate_programme_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render())
