"""Keys repeated in one mapping of a JSON or YAML document: found exactly, reported with positions.

Both formats let the last of two equal keys silently win, so a document could lose a whole
``activities`` list without a word. capacitylib reports every repetition as a problem with code
``duplicate_key``, the path of the mapping, the key, and the line and column of both keys.

For JSON the check must cost little next to pydantic's validation, which is fast. The exact
scan (:func:`json_scan`) runs the standard library's C parser with C-level hooks that collect
each object's pairs and the text of each non-integer number: no Python code runs per object.
Only when it finds a repetition does a slower walk locate the keys' positions. The same scan
finds number literals with more digits than a binary double keeps (``2.00000000000000000001``),
which pydantic's JSON parser would silently round.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from capacitylib.errors import CapacitylibError, Loc
from capacitylib.values._decimal import JSON_NUMBER_DIGITS, JsonNumber, json_number_is_exact


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key that occurs twice in one mapping: where the mapping is and both positions (1-based)."""

    path: Loc
    key: str
    first: tuple[int, int]
    second: tuple[int, int]


class DuplicateKeyError(CapacitylibError, ValueError):
    """The document repeats keys; ``duplicates`` lists each repetition in document order."""

    def __init__(self, duplicates: list[DuplicateKey]):
        self.duplicates = duplicates
        super().__init__(f"{len(duplicates)} duplicate key(s)")


def duplicates_error(duplicates: list[DuplicateKey]) -> ValidationError:
    """A ValidationError with one ``duplicate_key`` problem per repetition."""
    details = [
        InitErrorDetails(
            type=PydanticCustomError(
                "duplicate_key",
                "key '{key}' appears twice in one mapping (line {first_line} column "
                "{first_column} and line {line} column {column}); the second would silently "
                "replace the first",
                {
                    "key": d.key,
                    "first_line": d.first[0],
                    "first_column": d.first[1],
                    "line": d.second[0],
                    "column": d.second[1],
                },
            ),
            loc=d.path,
            input=d.key,
        )
        for d in duplicates
    ]
    return ValidationError.from_exception_data("Programme", details)


class _Scanner(threading.local):
    """One decoder per thread whose C hooks fill two lists, made once instead of per call."""

    def __init__(self) -> None:
        self.pairs: list[list[tuple[str, Any]]] = []
        self.floats: list[str] = []
        # The hooks are C methods: no Python code runs per object or per value in a scan,
        # which keeps the check cheap next to the validation itself.
        decoder = json.JSONDecoder(
            object_pairs_hook=self.pairs.append,
            parse_float=self.floats.append,
            parse_int=len,
            parse_constant=len,
        )
        self.decode = decoder.decode


_SCANNER = _Scanner()


def json_scan(text: str | bytes) -> tuple[bool, bool]:
    """Whether ``text`` repeats a key in one object, and whether it has an inexact number.

    An inexact number literal has digits a binary double does not keep. Both are False for
    text that is not valid JSON (pydantic reports that).
    """
    scanner = _SCANNER
    pairs, floats = scanner.pairs, scanner.floats
    try:
        if isinstance(text, bytes):
            text = text.decode(json.detect_encoding(text), "surrogatepass")  # as json.loads
        scanner.decode(text)
    except (ValueError, RecursionError):
        return False, False  # not JSON: pydantic reports json_invalid with the position
    else:
        duplicated = sum(map(len, pairs)) != sum(map(len, map(dict, pairs)))
        # A literal of at most 15 characters without an exponent has at most 15 digits: exact.
        inexact = any(
            not json_number_is_exact(literal)
            for literal in floats
            if len(literal) > JSON_NUMBER_DIGITS or "e" in literal or "E" in literal
        )
        return duplicated, inexact
    finally:
        pairs.clear()  # nothing of the document is kept past the call
        floats.clear()


def json_duplicates(text: str | bytes) -> list[DuplicateKey]:
    """Every repeated key in a JSON document, in document order (empty when there is none)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    found: list[DuplicateKey] = []
    _JsonWalker(text, found).walk()
    return found


def json_exact_data(text: str | bytes) -> Any:
    """The JSON data with every non-integer number as a :class:`JsonNumber` that keeps its text."""
    return json.loads(text, parse_float=JsonNumber)


_WS = " \t\n\r"


class _JsonWalker:
    """A small JSON walker that knows positions; used only once a repetition is known."""

    def __init__(self, text: str, found: list[DuplicateKey]):
        self.text = text
        self.found = found
        decoder: Any = json.JSONDecoder(parse_float=str, parse_int=str)
        self.scan = decoder.scan_once

    def position(self, index: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, index) + 1
        return line, index - self.text.rfind("\n", 0, index)

    def skip(self, index: int) -> int:
        text = self.text
        while index < len(text) and text[index] in _WS:
            index += 1
        return index

    def walk(self) -> None:
        start = self.skip(0)
        if self.text.startswith("\ufeff", start):
            start = self.skip(start + 1)
        self.value(start, ())

    def value(self, index: int, path: Loc) -> int:
        text = self.text
        index = self.skip(index)
        if text[index] == "{":
            return self.object(index + 1, path)
        if text[index] == "[":
            return self.array(index + 1, path)
        _, end = self.scan(text, index)
        return int(end)

    def object(self, index: int, path: Loc) -> int:
        text = self.text
        first: dict[str, int] = {}
        index = self.skip(index)
        if text[index] == "}":
            return index + 1
        while True:
            index = self.skip(index)
            key, end = self.scan(text, index)
            if key in first:
                self.found.append(
                    DuplicateKey(path, key, self.position(first[key]), self.position(index))
                )
            else:
                first[key] = index
            index = self.skip(end) + 1  # past the colon
            index = self.skip(self.value(index, (*path, key)))
            if text[index] == "}":
                return index + 1
            index += 1  # past the comma

    def array(self, index: int, path: Loc) -> int:
        text = self.text
        index = self.skip(index)
        if text[index] == "]":
            return index + 1
        number = 0
        while True:
            index = self.skip(self.value(index, (*path, number)))
            number += 1
            if text[index] == "]":
                return index + 1
            index += 1
