"""Package version and document-format version (they change independently)."""

__version__ = "0.1.0"

#: Version of the programme document format written to ``schema_version``.
SCHEMA_VERSION = "1.0"
