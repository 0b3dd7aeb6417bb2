r"""YAML reading and writing with the YAML 1.2 core schema, tuned so that no figure changes.

* Plain scalars resolve by the YAML 1.2 core schema only: ``010`` is 10, ``0o17`` is 15,
  ``1:30`` and ``2019-05-16`` stay strings (the model parses dates, with the field's path), and
  only ``true``/``false`` are booleans (the language tag ``no`` stays a string).
* Floats load as ``Decimal`` (``12.50`` stays ``12.50``), never as binary floats.
* Aliases are refused ("billion laughs"), nesting is bounded, and a key repeated in one mapping
  is reported (``duplicate_key``) instead of the last one silently winning.
* An explicit tag outside the core schema (``!!timestamp``, ``!!binary``, ``!foo``) or with
  content that does not fit it (``!!int abc``) is a YAML error with its line and column.
* Events come from libyaml (``yaml.CParser``) when it is installed, for speed; composition and
  construction always run here in Python, so the results are the same with or without it.
* The dumper quotes every string that a YAML 1.2 or a YAML 1.1 reader would take for something
  else, and writes strings with line breaks other than ``\n`` or other special characters in
  double quotes with escapes, so every text reads back exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from capacitylib.io._duplicates import DuplicateKey, DuplicateKeyError
from capacitylib.io._extras import MissingExtraError
from capacitylib.io.documents import MAX_YAML_DEPTH

try:
    import yaml
except ImportError as exc:
    raise MissingExtraError(
        'PyYAML is needed to read and write YAML; install it with pip install "capacitylib[yaml]"'
    ) from exc

from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

# PyYAML's classes are mixins that expect one another; typed as Any so mypy allows the mix.
_ComposerBase: Any = Composer
_ConstructorBase: Any = SafeConstructor
_ResolverBase: Any = BaseResolver

_STR = "tag:yaml.org,2002:str"
_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT_RE = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_RE = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
#: Longest integer text converted (Python refuses longer ones; no field needs them).
_MAX_INT_DIGITS = 4000


class _CoreResolver(_ResolverBase):  # type: ignore[misc]
    """The YAML 1.2 core schema's implicit resolvers, and nothing from YAML 1.1."""


_CoreResolver.yaml_implicit_resolvers = {}
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:null", _NULL_RE, ["~", "n", "N", ""])
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL_RE, list("tTfF"))
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:int", _INT_RE, list("-+0123456789"))
_CoreResolver.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_RE, list("-+0123456789."))


def _key_label(node: Any) -> str:
    return str(node.value) if isinstance(node, ScalarNode) else "?"


class _Composer(_ComposerBase):  # type: ignore[misc]
    """Python composition: refuses aliases, bounds depth and records each mapping's path."""

    max_depth = MAX_YAML_DEPTH

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._path: list[str | int] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._depth >= self.max_depth:
            event = self.peek_event()
            raise ComposerError(
                None, None, f"nested deeper than {self.max_depth} levels", event.start_mark
            )
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None,
                None,
                "aliases (*name) are not allowed in capacitylib documents",
                event.start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_sequence_node(self, anchor: Any) -> Any:
        start_event = self.get_event()
        tag = start_event.tag
        if tag is None or tag == "!":
            tag = self.resolve(SequenceNode, None, start_event.implicit)
        node = SequenceNode(
            tag, [], start_event.start_mark, None, flow_style=start_event.flow_style
        )
        if anchor is not None:
            self.anchors[anchor] = node
        path = self._path
        index = 0
        while not self.check_event(yaml.SequenceEndEvent):
            path.append(index)
            node.value.append(self.compose_node(node, index))
            path.pop()
            index += 1
        node.end_mark = self.get_event().end_mark
        return node

    def compose_mapping_node(self, anchor: Any) -> Any:
        start_event = self.get_event()
        tag = start_event.tag
        if tag is None or tag == "!":
            tag = self.resolve(MappingNode, None, start_event.implicit)
        node = MappingNode(tag, [], start_event.start_mark, None, flow_style=start_event.flow_style)
        node.path = tuple(self._path)  # type: ignore[attr-defined]
        if anchor is not None:
            self.anchors[anchor] = node
        path = self._path
        while not self.check_event(yaml.MappingEndEvent):
            key_node = self.compose_node(node, None)
            path.append(_key_label(key_node))
            value_node = self.compose_node(node, key_node)
            path.pop()
            node.value.append((key_node, value_node))
        node.end_mark = self.get_event().end_mark
        return node


def _refuse(node: Any, message: str) -> ConstructorError:
    return ConstructorError(None, None, message, node.start_mark)


class _Constructor(_ConstructorBase):  # type: ignore[misc]
    """Core-schema constructors only; exact decimals; repeated keys recorded with positions."""

    yaml_constructors: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class-level registry

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[DuplicateKey] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise _refuse(node, f"expected a mapping, found a {node.id}")
        mapping: dict[Any, Any] = {}
        first_nodes: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                seen = first_nodes.get(key)
            except TypeError:
                raise _refuse(key_node, "a mapping key must be a single value") from None
            if seen is None:
                first_nodes[key] = key_node
            else:
                self.duplicates.append(
                    DuplicateKey(
                        path=getattr(node, "path", ()),
                        key=str(key),
                        first=(seen.start_mark.line + 1, seen.start_mark.column + 1),
                        second=(key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                    )
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_core_scalar(self, node: Any) -> str:
        if not isinstance(node, ScalarNode):
            raise _refuse(
                node, f"expected a single value for the tag {node.tag}, found a {node.id}"
            )
        return str(node.value)


def _construct_null(loader: _Constructor, node: Any) -> None:
    text = loader.construct_core_scalar(node)
    if not _NULL_RE.match(text):
        raise _refuse(node, f"'{text}' is not a null (write null, ~ or nothing)")


def _construct_bool(loader: _Constructor, node: Any) -> bool:
    text = loader.construct_core_scalar(node)
    if not _BOOL_RE.match(text):
        raise _refuse(node, f"'{text}' is not a boolean (write true or false)")
    return text.lower() == "true"


def _construct_int(loader: _Constructor, node: Any) -> int:
    text = loader.construct_core_scalar(node)
    if not _INT_RE.match(text):
        raise _refuse(node, f"'{text}' is not an integer")
    if len(text) > _MAX_INT_DIGITS:
        raise _refuse(node, f"integer of {len(text)} digits is too long")
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_decimal(loader: _Constructor, node: Any) -> Decimal:
    text = loader.construct_core_scalar(node)
    if not _FLOAT_RE.match(text):
        raise _refuse(node, f"'{text}' is not a number")
    lowered = text.lower()
    if lowered.endswith((".inf", ".nan")):
        # Kept as Decimal so the model reports "not a finite number" with the field's path.
        return Decimal(lowered.replace(".", ""))
    return Decimal(text)


def _construct_str(loader: _Constructor, node: Any) -> str:
    return loader.construct_core_scalar(node)


def _construct_undefined(loader: _Constructor, node: Any) -> Any:
    raise _refuse(
        node,
        f"the tag {node.tag} is not allowed in capacitylib documents "
        "(only the YAML 1.2 core schema: str, int, float, bool, null, seq, map)",
    )


_Constructor.add_constructor("tag:yaml.org,2002:null", _construct_null)
_Constructor.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_Constructor.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_Constructor.add_constructor(_STR, _construct_str)
_Constructor.add_constructor("tag:yaml.org,2002:seq", SafeConstructor.construct_yaml_seq)
_Constructor.add_constructor("tag:yaml.org,2002:map", SafeConstructor.construct_yaml_map)
_Constructor.add_constructor(None, _construct_undefined)


class _PyLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _Composer,
    _Constructor,
    _CoreResolver,
):
    """The pure-Python loader (also the reference the libyaml loader is tested against)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Composer.__init__(self)
        _Constructor.__init__(self)
        _CoreResolver.__init__(self)

    def dispose(self) -> None:
        yaml.parser.Parser.dispose(self)


if _CParser is not None:

    class _CLoader(_Composer, _CParser, _Constructor, _CoreResolver):  # type: ignore[misc]
        """libyaml's parser for events; our Python composer and constructor for the rest."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Constructor.__init__(self)
            _CoreResolver.__init__(self)

    _Loader: type[Any] = _CLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _Loader = _PyLoader

#: Whether documents are parsed by libyaml (else by PyYAML's pure-Python parser).
HAS_LIBYAML = _CParser is not None


def load_yaml(text: str, *, max_depth: int = MAX_YAML_DEPTH, pure: bool = False) -> Any:
    """Parse one YAML document into plain Python data, refusing nesting beyond ``max_depth``.

    ``pure=True`` uses PyYAML's pure-Python parser even when libyaml is available.

    Raises:
        yaml.YAMLError: bad syntax, an alias, too deep, a tag outside the core schema.
        DuplicateKeyError: a mapping repeats a key (every repetition is listed).
    """
    loader = (_PyLoader if pure else _Loader)(text)
    loader.max_depth = max_depth
    try:
        data = loader.get_single_data()
    except (yaml.YAMLError, UnicodeEncodeError):
        if loader.__class__ is _PyLoader:
            raise
        # libyaml words some errors differently (and bounds nesting at its own 1000 levels):
        # an invalid document is read again by the pure-Python parser, for the same message.
        return load_yaml(text, max_depth=max_depth, pure=True)
    finally:
        loader.dispose()
    if loader.duplicates:
        raise DuplicateKeyError(sorted(loader.duplicates, key=lambda d: d.second))
    return data


class _Dumper(yaml.SafeDumper):
    """SafeDumper that never writes aliases and resolves plain scalars like the loader."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# The dumper quotes exactly the plain scalars that the loader would not read back as strings.
_Dumper.yaml_implicit_resolvers = _CoreResolver.yaml_implicit_resolvers

#: Reads plain scalars the YAML 1.1 way (``yes``, ``1:30``, ``2019-05-16``, ``010``), so that
#: documents also read back as strings in YAML 1.1 tools.
_YAML11: Any = yaml.resolver.Resolver()
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off"}

# Characters that a YAML reader folds, normalises or refuses outside a double-quoted string.
_SPECIAL_RE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> Any:
    style: str | None = None
    if _SPECIAL_RE.search(data):
        style = '"'
    elif "\n" in data:
        style = "|"
    elif data.lower() in _YAML11_WORDS or _YAML11.resolve(ScalarNode, data, (True, False)) != _STR:
        style = "'"
    return dumper.represent_scalar(_STR, data, style=style)


_Dumper.add_representer(str, _represent_str)


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
