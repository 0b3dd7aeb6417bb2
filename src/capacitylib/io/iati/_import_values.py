"""Values of IATI XML as capacitylib takes them: ids, organisation identifiers, tags, dates."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal, InvalidOperation

from capacitylib.io.iati import _codes
from capacitylib.values.text import LANGUAGE_TAG_PATTERN

_LANGUAGE = re.compile(LANGUAGE_TAG_PATTERN)
_ID_CHARACTER = re.compile(r"[^A-Za-z0-9_.:\-]")
_ORG_ID_PREFIX = re.compile(r"^([A-Z]{2}-[A-Z0-9]+)-(.+)$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$")
#: An http(s) address as a source's ``url`` accepts it.
URL_PATTERN = re.compile(r"^https?://\S+$")
#: An object id (``ObjectId``).
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$")
_KNOWN_PREFIXES = tuple(
    sorted(
        set(_codes.ORGANISATION_ID_PREFIX.values()) | set(_codes.VAT_PREFIX.values()),
        key=len,
        reverse=True,
    )
)


def object_id(text: str, fallback: str) -> str:
    """An id (letters, digits, ``_ . : -``, at most 64) for ``text``: unchanged when it is one.

    Other characters become ``-``; a longer text is cut and ends in 8 characters of its SHA-1,
    so that two long identifiers stay two ids.

    >>> object_id("AA-AAA-123456789-ABC123", "x"), object_id("GB-COH-123/45 b", "x")
    ('AA-AAA-123456789-ABC123', 'GB-COH-123-45-b')
    >>> len(object_id("X" * 100, "x")), object_id("  ", "org-1")
    (64, 'org-1')
    """
    cleaned = _ID_CHARACTER.sub("-", text.strip()).strip("-._:")
    if not cleaned:
        return fallback
    if len(cleaned) > 64:
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        cleaned = cleaned[:55].rstrip("-._:") + "-" + digest
    return cleaned


def split_ref(ref: str) -> tuple[str, str] | None:
    """(scheme, value) of an IATI organisation identifier such as ``LT-RC-302589307``.

    The scheme is the org-id.guide prefix, as capacitylib writes it back: a prefix the export
    knows, else any ``XX-NAME`` prefix; ``None`` when the identifier has no such prefix.

    >>> split_ref("LT-RC-302589307"), split_ref("XI-IATI-EC_INTPA"), split_ref("44000")
    (('LT-RC', '302589307'), ('XI-IATI', 'EC_INTPA'), None)
    """
    for prefix in _KNOWN_PREFIXES:
        if ref.startswith(prefix + "-") and len(ref) > len(prefix) + 1:
            return prefix, ref[len(prefix) + 1 :]
    found = _ORG_ID_PREFIX.match(ref)
    return (found.group(1), found.group(2)) if found else None


def language_tag(stated: str) -> str | None:
    """``stated`` as a BCP 47 tag (primary language in lower case), or ``None``.

    >>> language_tag("EN"), language_tag("pt-BR"), language_tag("English")
    ('en', 'pt-BR', None)
    """
    primary, _, rest = stated.strip().partition("-")
    tag = primary.lower() + ("-" + rest if rest else "")
    return tag if _LANGUAGE.match(tag) else None


def iso_date(text: str | None) -> str | None:
    """The ``YYYY-MM-DD`` of an ``xsd:date`` (a time zone, meaningless for a day, dropped)."""
    found = _DATE.match((text or "").strip())
    return found.group(1) if found else None


def decimal(text: str | None) -> Decimal | None:
    """The finite decimal ``text`` holds, or ``None``."""
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
