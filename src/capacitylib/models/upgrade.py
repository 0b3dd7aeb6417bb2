"""Rewrite a document of an earlier format version as the current one, losing nothing.

Format 1.1 is a superset of 1.0: every 1.0 document is a valid 1.1 document with the same
meaning, except that the programme period is now chosen without regard to list order (see
:attr:`~capacitylib.Programme.stated_period`). Upgrading validates the document and writes it
in canonical 1.1 form.
"""

from __future__ import annotations

from typing import Any

from capacitylib._version import SCHEMA_VERSION
from capacitylib.models.programme import Programme


def upgrade_document(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (a 1.0 or 1.1 document as plain data) as a canonical 1.1 document.

    Every field is kept; the result loads to a programme equal to the input's but for
    ``schema_version``. Raises ``pydantic.ValidationError`` for an invalid document, as
    loading it would.

    >>> doc = {"schema_version": "1.0", "id": "p", "title": {"en": "P"},
    ...        "periods": [{"start": "2016-11-01", "end": "2018-02-28"}]}
    >>> upgraded = upgrade_document(doc)
    >>> upgraded["schema_version"], upgraded["periods"]
    ('1.1', [{'start': '2016-11-01', 'end': '2018-02-28'}])
    """
    programme = Programme.model_validate(data)
    dumped = programme.model_dump(mode="json", exclude_defaults=True)
    dumped.pop("schema_version", None)
    return {"schema_version": SCHEMA_VERSION, **dumped}


__all__ = ["upgrade_document"]
