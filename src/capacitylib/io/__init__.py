"""Reading and writing programme documents: the only package that touches files."""

from capacitylib.io.documents import (
    DocumentError,
    Format,
    dump,
    dumps,
    load,
    loads,
    to_document,
)
from capacitylib.io.examples import example_paths, load_examples

__all__ = [
    "DocumentError",
    "Format",
    "dump",
    "dumps",
    "example_paths",
    "load",
    "load_examples",
    "loads",
    "to_document",
]
