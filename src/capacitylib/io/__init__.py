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

__all__ = ["DocumentError", "Format", "dump", "dumps", "load", "loads", "to_document"]
