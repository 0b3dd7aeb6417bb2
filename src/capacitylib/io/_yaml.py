"""YAML reading and writing with PyYAML's safe loader, tuned so that no figure changes.

* Floats load as ``Decimal`` (``12.50`` stays ``12.50``), never as binary floats.
* Only ``true``/``false`` are booleans (YAML 1.2): the language tag ``no`` (Norwegian) and the
  words ``yes``/``on``/``off`` stay strings.
* Aliases are refused: a document never expands into something larger than its text
  ("billion laughs").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from capacitylib.io._extras import MissingExtraError
from capacitylib.io.documents import MAX_YAML_DEPTH

try:
    import yaml
except ImportError as exc:  # pragma: no cover - exercised by the extras test in a bare venv
    raise MissingExtraError(
        'PyYAML is needed to read and write YAML; install it with pip install "capacitylib[yaml]"'
    ) from exc

_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, exact decimals, no aliases and bounded nesting."""

    _depth = 0
    max_depth = MAX_YAML_DEPTH

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._depth >= self.max_depth:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                f"nested deeper than {self.max_depth} levels",
                event.start_mark,
            )
        self._depth += 1
        try:
            return self._compose_node(parent, index)
        finally:
            self._depth -= 1

    def _compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed in capacitylib documents",
                event.start_mark,
            )
        return super().compose_node(parent, index)


def _construct_decimal(loader: yaml.SafeLoader, node: Any) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "")
    lowered = text.lower()
    if lowered in {".nan", ".inf", "+.inf", "-.inf"}:
        # Kept as Decimal so the model reports "not a finite number" with the field's path.
        return Decimal(lowered.replace(".", ""))
    return Decimal(text)


def _construct_bool(loader: yaml.SafeLoader, node: Any) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


# Rebuild the implicit resolvers: drop YAML 1.1 booleans (yes/no/on/off) and keep the rest.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL_RE, list("tTfF"))
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that never writes aliases and quotes strings YAML 1.1 would read as booleans."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, data: str) -> Any:
    style = "'" if data.lower() in {"yes", "no", "on", "off", "y", "n"} else None
    if "\n" in data:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)
# The dumper quotes exactly the plain scalars that _Loader would not read back as strings.
_Dumper.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def load_yaml(text: str, *, max_depth: int = MAX_YAML_DEPTH) -> Any:
    """Parse one YAML document into plain Python data, refusing nesting beyond ``max_depth``."""
    loader = _Loader(text)
    loader.max_depth = max_depth
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def dump_yaml(data: Any) -> str:
    """Write plain Python data as block-style YAML, keys in the given order."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


YAMLError = yaml.YAMLError
