"""Package version and document-format version (they change independently)."""

from typing import Final

__version__ = "0.1.0"

#: Version of the programme document format written to ``schema_version``.
SCHEMA_VERSION: Final = "1.1"

#: Every document-format version that is read (1.0 is a subset of 1.1), oldest first.
SCHEMA_VERSIONS: Final = ("1.0", "1.1")
