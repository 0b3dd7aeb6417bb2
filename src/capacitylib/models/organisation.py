"""Organisations and the roles they play in a programme."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from capacitylib.codelists import OrganisationKind, PartnerRole
from capacitylib.models._base import EXTENSIONS_DESCRIPTION, CapacityModel, Extensions, Note, Url
from capacitylib.values import CountryCode, LocalizedText, ObjectId, Period

#: An e-mail address of an organisation (a shape check; deliverability is not checked).
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=320)]


class OrganisationIdentifier(CapacityModel):
    """An official identifier of an organisation: ``scheme`` names the register.

    >>> OrganisationIdentifier(scheme="LT-JAR", value="302589307").value
    '302589307'
    """

    scheme: str = Field(
        min_length=1,
        max_length=50,
        examples=["LT-JAR", "CZ-ICO", "LV-RN", "VAT"],
        description="Register the identifier belongs to (`LT-JAR`, `CZ-ICO`, `LV-RN`, `VAT`).",
    )
    value: str = Field(min_length=1, max_length=100, description="The identifier.")


class Contact(CapacityModel):
    """An organisation-level contact point; never a client's or participant's personal data.

    >>> Contact(email="info@example.org", phone="+370 386 00000").email
    'info@example.org'
    """

    email: Email | None = Field(default=None, description="Organisation-level e-mail address.")
    phone: str | None = Field(
        default=None, max_length=50, description="Organisation-level phone number."
    )
    address: Note | None = Field(default=None, description="Postal address.")


class Organisation(CapacityModel):
    """A body that funds, runs, hosts or takes part in a programme.

    >>> org = Organisation(id="esfa", name={"lt": "Europos socialinio fondo agentūra"},
    ...                    kind="state_agency", country="LT")
    >>> org.name.best("lt")
    'Europos socialinio fondo agentūra'
    """

    id: ObjectId = Field(description="Identifier of the organisation, unique in the document.")
    name: LocalizedText = Field(
        description="Name in the original language and, ideally, in English."
    )
    kind: OrganisationKind = Field(description="Kind of organisation from the codelist.")
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country code."
    )
    municipality: str | None = Field(
        default=None,
        max_length=200,
        description="Municipality the organisation belongs to or serves.",
    )
    identifiers: tuple[OrganisationIdentifier, ...] = Field(
        default=(), description="Official identifiers (company register, VAT)."
    )
    website: Url | None = Field(default=None, description="Web address.")
    contact: Contact | None = Field(
        default=None, description="Organisation-level contact point (no personal data)."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")
    extensions: Extensions = Field(
        default_factory=dict,
        description=EXTENSIONS_DESCRIPTION,
        json_schema_extra={"additionalProperties": False},
    )


class Partner(CapacityModel):
    """An organisation's role in a programme, with its own participation period.

    A partner may join after the programme starts: the Visaginas social services centre joined
    on 2023-01-02 a programme that began on 2022-12-08. No ``period`` means the whole programme.

    >>> p = Partner(organisation="visaginas-spc", role="partner", period={"start": "2023-01-02"})
    >>> p.role.value, p.period.is_open
    ('partner', True)
    """

    organisation: ObjectId = Field(description="Id of the organisation.")
    role: PartnerRole = Field(description="Role in the programme.")
    period: Period | None = Field(
        default=None, description="Participation period; unset means the whole programme."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")
