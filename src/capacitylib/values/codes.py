"""Identifiers and codes: ISO 4217 currencies, ISO 3166-1 countries, programme codes, ids."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from capacitylib import _tables
from capacitylib.codelists import ProgrammeCodeScheme

#: Identifier of an object inside one programme document (organisations, activities, indicators).
#: Letters, digits and ``_ . : -``; starts with a letter or digit; at most 64 characters.
ObjectId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,63}$", max_length=64)
]

# Codes the EU uses in place of ISO 3166-1 alpha-2.
_EU_COUNTRY_ALIASES = {"EL": "GR", "UK": "GB"}


class CurrencyCode(str):
    """An ISO 4217 alphabetic currency code, including withdrawn ones still found in records.

    >>> CurrencyCode.validate("LTL").info.name
    'Lithuanian litas (until 2015)'
    """

    __slots__ = ()

    @classmethod
    def validate(cls, value: str) -> CurrencyCode:
        """Return ``value`` as a currency code, or raise ``currency_unknown``."""
        if value not in _tables.currencies():
            capitals = value.strip().upper()
            extra = (
                f"; write it in capitals: {capitals}" if capitals in _tables.currencies() else ""
            )
            raise PydanticCustomError(
                "currency_unknown",
                "currency must be an ISO 4217 code such as EUR, CZK or PLN (got '{value}')" + extra,
                {"value": value},
            )
        return cls(value)

    @property
    def info(self) -> _tables.CurrencyInfo:
        """Name and minor-unit digits from the ISO 4217 table."""
        return _tables.currencies()[self]

    @property
    def minor_unit_digits(self) -> int:
        """Digits after the decimal point of the currency's minor unit (2 for EUR, 0 for ISK)."""
        digits = self.info.minor_unit_digits
        return 2 if digits is None else digits

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # No pattern here: ``validate`` refuses every string that is not a code, with one
        # friendly message (the JSON Schema below still publishes the pattern).
        return core_schema.no_info_after_validator_function(cls.validate, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code"}


class CountryCode(str):
    """An ISO 3166-1 alpha-2 country code (``LT``, ``LV``, ``CZ``).

    The EU's own codes ``EL`` and ``UK`` are refused with a hint to ``GR`` and ``GB``.

    >>> CountryCode.validate("LT").name
    'Lithuania'
    """

    __slots__ = ()

    @classmethod
    def validate(cls, value: str) -> CountryCode:
        """Return ``value`` as a country code, or raise ``country_unknown``."""
        if value not in _tables.countries():
            capitals = value.strip().upper()
            hint = _EU_COUNTRY_ALIASES.get(capitals)
            extra = f"; the ISO code for {capitals} is {hint}" if hint else ""
            if not hint and capitals in _tables.countries():
                extra = f"; write it in capitals: {capitals}"
            raise PydanticCustomError(
                "country_unknown",
                "country must be an ISO 3166-1 alpha-2 code such as LT, LV or CZ (got '{value}')"
                + extra,
                {"value": value},
            )
        return cls(value)

    @property
    def name(self) -> str:
        """English short name from ISO 3166-1."""
        return _tables.countries()[self]

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(cls.validate, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"}


def detect_code_scheme(code: str) -> ProgrammeCodeScheme:
    """Scheme whose pattern ``code`` matches, or ``other`` (unknown schemes are accepted).

    >>> detect_code_scheme("CZ.03.2.63/0.0/0.0/15_023/0001478").value
    'cz_2014_2020'
    >>> detect_code_scheme("PROJ-42").value
    'other'
    """
    for scheme in _tables.code_schemes():
        if scheme.pattern.match(code):
            return ProgrammeCodeScheme(scheme.scheme)
    return ProgrammeCodeScheme.OTHER


def code_matches_scheme(code: str, scheme: ProgrammeCodeScheme) -> bool:
    """Whether ``code`` follows the pattern of ``scheme`` (always true for ``other``)."""
    for known in _tables.code_schemes():
        if known.scheme == scheme.value:
            return known.pattern.match(code) is not None
    return True


class ProgrammeCode(str):
    """A programme or project code as the source writes it, with its detected scheme.

    >>> ProgrammeCode("07-003-P-0001").scheme.value
    'lt_2021_2027'
    """

    __slots__ = ()

    @property
    def scheme(self) -> ProgrammeCodeScheme:
        """Numbering scheme detected from the code's pattern; ``other`` when none matches."""
        return detect_code_scheme(self)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(min_length=1, max_length=100, pattern=r"^\S(?:.*\S)?$"),
        )
