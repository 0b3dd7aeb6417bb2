"""Where a programme sits and what its sources state about it, beyond its own fields.

Measures, related programmes, counts with their source, partners named only as a class and
target-group statements.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from capacitylib.codelists import (
    CountSubject,
    MeasureLevel,
    OrganisationKind,
    PartnerRole,
    ProgrammeCodeScheme,
    ProgrammeRelation,
    ReachUnit,
    TargetGroup,
    TargetRole,
)
from capacitylib.models._base import CapacityModel, Note, Url
from capacitylib.values import CountryCode, Estimate, LocalizedText, ObjectId, PartialDate
from capacitylib.values.codes import ProgrammeCode


class Measure(CapacityModel):
    """One level of where a programme sits in its funding structure: priority, objective, measure.

    LT ``08.1.2-CPVA-K-408``, LV ``9.2.6``, PL ``Działanie 9.1``, the CZ and SK priority axes,
    investment priorities and specific objectives; the code's scheme is detected like a
    programme code's.

    >>> m = Measure(level="measure", code="4.3.1.1", name={"lv": "Sociālo pakalpojumu attīstība"})
    >>> m.code.scheme.value
    'lv_2021_2027_measure'
    """

    level: MeasureLevel = Field(
        description="Level: priority axis, priority, investment priority, specific objective, ..."
    )
    code: ProgrammeCode | None = Field(
        default=None, description="Code as the source writes it (`9.2.6`, `08.1.2-CPVA-K-408`)."
    )
    code_scheme: ProgrammeCodeScheme | None = Field(
        default=None,
        description="Scheme the code is stated to follow; checked against its pattern.",
    )
    name: LocalizedText | None = Field(default=None, description="Name of the measure.")

    @model_validator(mode="after")
    def _stated(self) -> Self:
        if self.code is None and self.name is None:
            raise PydanticCustomError(
                "measure_without_code_or_name",
                "a measure must state 'code' or 'name' (got neither, level={level})",
                {"level": self.level.value},
            )
        return self


class RelatedProgramme(CapacityModel):
    """Another programme this one follows, is followed by, or belongs to.

    >>> r = RelatedProgramme(relation="predecessor", code="9.2.1.1/15/I/001")
    >>> r.relation.value, str(r.code)
    ('predecessor', '9.2.1.1/15/I/001')
    """

    relation: ProgrammeRelation = Field(
        description="How it relates: `predecessor` (this one follows it), `follow_up`, ..."
    )
    programme: ObjectId | None = Field(
        default=None, description="Its document id, when it is in the same collection."
    )
    code: ProgrammeCode | None = Field(default=None, description="Its programme or project code.")
    title: LocalizedText | None = Field(default=None, description="Its title.")
    url: Url | None = Field(default=None, description="Web address describing it.")
    note: Note | None = Field(default=None, description="Free-text remark.")

    @model_validator(mode="after")
    def _identified(self) -> Self:
        if self.programme is None and self.code is None and self.title is None and not self.url:
            raise PydanticCustomError(
                "related_programme_unidentified",
                "a related programme must state 'programme', 'code', 'title' or 'url' "
                "(got none, relation={relation})",
                {"relation": self.relation.value},
            )
        return self


class StatedCount(CapacityModel):
    """A count as one source states it, with what it counts ("14 partners from 8 countries").

    Sources disagree: keep each count with its source instead of forcing agreement.

    >>> c = StatedCount(subject="partners_and_lead", value=14, source="project page")
    >>> c.subject.value, str(c.value)
    ('partners_and_lead', '14')
    """

    subject: CountSubject = Field(
        description=(
            "What is counted: `partners` (without the lead), `partners_and_lead`, `countries`, "
            "`experts`, `trainers`, ..."
        )
    )
    value: Estimate = Field(description="The count (`14`, `at least 30`).")
    source: Note | None = Field(default=None, description="Where the count is stated.")
    url: Url | None = Field(default=None, description="Web address of the source.")
    stated_on: PartialDate | None = Field(default=None, description="When the source stated it.")
    note: Note | None = Field(default=None, description="Free-text remark.")


class PartnerGroup(CapacityModel):
    """Partners named only as a class ("all municipal social services of the county").

    >>> g = PartnerGroup(description={"en": "municipal social services of the county"},
    ...                  role="partner", kind="municipal_social_service", count=12)
    >>> g.kind.value, str(g.count)
    ('municipal_social_service', '12')
    """

    description: LocalizedText = Field(description="The class as the source names it.")
    role: PartnerRole = Field(description="Role the members play in the programme.")
    kind: OrganisationKind | None = Field(
        default=None, description="Kind of organisation the members are."
    )
    count: Estimate | None = Field(default=None, description="How many, when stated.")
    country: CountryCode | None = Field(
        default=None, description="ISO 3166-1 alpha-2 country of the members."
    )
    note: Note | None = Field(default=None, description="Free-text remark.")


class TargetGroupStatement(CapacityModel):
    """A target group in the source's words, with its role: reached directly or benefiting.

    >>> s = TargetGroupStatement(text={"en": "older people living at home"},
    ...                          role="ultimate_beneficiary", group="older_persons")
    >>> s.role.value, s.group.value
    ('ultimate_beneficiary', 'older_persons')
    """

    text: LocalizedText = Field(description="The group as the source words it.")
    role: TargetRole = Field(
        description="`direct` (trained, supported) or `ultimate_beneficiary` (benefits in the end)."
    )
    group: TargetGroup | None = Field(
        default=None, description="The codelist group it corresponds to, if any."
    )
    count: Estimate | None = Field(default=None, description="How many, when stated.")
    unit: ReachUnit | None = Field(default=None, description="Unit of the count.")
    note: Note | None = Field(default=None, description="Free-text remark.")


__all__ = [
    "Measure",
    "PartnerGroup",
    "RelatedProgramme",
    "StatedCount",
    "TargetGroupStatement",
]
