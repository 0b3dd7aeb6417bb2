"""Small real-looking programme documents for the rule tests, built from plain dicts."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from capacitylib import Programme
from capacitylib.errors import Problem
from capacitylib.rules import check

#: The check date of every rule test, so that "in the future" does not move with the calendar.
AS_OF = date(2024, 6, 30)

_BASE: dict[str, Any] = {
    "id": "cz-up-msk",
    "code": "CZ.03.2.63/0.0/0.0/15_023/0001478",
    "title": {
        "cs": "Rozvoj a zkvalitnění sociální práce ÚP",
        "en": "Developing social work at the Labour Office",
    },
    "country": "CZ",
    "funding_instruments": ["esf"],
    "programming_period": "2014-2020",
    "periods": [{"start": "2016-11-01", "end": "2018-02-28", "status": "actual"}],
    "organisations": [
        {"id": "edvia", "name": {"cs": "EDVIA, z. ú."}, "kind": "training_provider"},
        {"id": "up-msk", "name": {"cs": "Úřad práce ČR, KoP Ostrava"}, "kind": "state_agency"},
    ],
    "partners": [
        {"organisation": "edvia", "role": "lead_implementer"},
        {"organisation": "up-msk", "role": "participating_organisation"},
    ],
    "activities": [
        {
            "id": "supervision",
            "kind": "supervision_team",
            "title": {"cs": "Supervize", "en": "Team supervision"},
            "facilitators": ["edvia"],
            "participants": [{"group": "social_workers", "organisations": ["up-msk"]}],
        }
    ],
}


def document(**changes: Any) -> dict[str, Any]:
    """The base document (a CZ ESF supervision project of 2016-2018) with top-level changes."""
    doc = copy.deepcopy(_BASE)
    doc.update(changes)
    return doc


def with_activity(**fields: Any) -> dict[str, Any]:
    """The base document whose one activity has ``fields`` added or replaced."""
    doc = document()
    doc["activities"][0].update(fields)
    return doc


def findings(doc: dict[str, Any], **kwargs: Any) -> list[Problem]:
    """The findings of ``check`` on the validated document (check date :data:`AS_OF`)."""
    kwargs.setdefault("as_of", AS_OF)
    return check(Programme.model_validate(doc), **kwargs)


def codes_at(doc: dict[str, Any], code: str, **kwargs: Any) -> list[str]:
    """Paths of the findings of ``code``."""
    return [f.path for f in findings(doc, **kwargs) if f.code == code]
