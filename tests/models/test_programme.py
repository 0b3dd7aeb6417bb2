from datetime import date

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

import capacitylib
from capacitylib import PeriodStatus, Programme, problems_from_error
from capacitylib.testing import programme_documents as programmes

MINIMAL = {"id": "p1", "title": {"en": "Supervision for social workers"}}


def test_minimal_programme_needs_only_an_id_and_a_title():
    p = Programme.model_validate(MINIMAL)
    assert p.schema_version == "1.1"
    assert p.period is None and p.code is None


def test_models_are_frozen():
    p = Programme.model_validate(MINIMAL)
    with pytest.raises(ValidationError):
        p.id = "other"  # type: ignore[misc]


def test_unknown_fields_are_errors_with_their_path():
    """A typo in a nested field is reported with its path, not silently dropped."""
    doc = {**MINIMAL, "activities": [{"id": "a", "kind": "seminar", "sesions_actual": 3}]}
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(doc)
    problems = problems_from_error(info.value)
    assert [(p.code, p.path) for p in problems] == [
        ("field_unknown", "activities[0].sesions_actual")
    ]


def test_every_problem_is_listed_at_once():
    """A malformed document raises one error listing each problem with its path."""
    doc = {
        "id": "p1",
        "title": {"en": "x"},
        "periods": [{"start": "2019-10-31", "end": "2019-05-16"}],
        "budget": {"total": {"amount": "-5", "currency": "EUR"}},
        "activities": [
            {"id": "a", "kind": "seminr"},
            {"id": "b", "kind": "seminar", "sessions": [{"date": "2019-02-30"}]},
        ],
    }
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(doc)
    found = {(p.code, p.path) for p in problems_from_error(info.value)}
    assert found == {
        ("period_end_before_start", "periods[0]"),
        ("money_negative", "budget.total"),
        ("enum", "activities[0].kind"),
        ("partial_date_invalid", "activities[1].sessions[0].date"),
    }


def test_references_must_resolve_and_each_is_reported():
    doc = {
        **MINIMAL,
        "organisations": [{"id": "edvia", "name": {"cs": "EDVIA"}, "kind": "training_provider"}],
        "partners": [
            {"organisation": "edvia", "role": "lead_implementer"},
            {"organisation": "up-msk", "role": "partner"},
        ],
        "activities": [{"id": "sup", "kind": "supervision_team", "facilitators": ["edvya"]}],
        "indicators": [
            {
                "id": "i",
                "kind": "output",
                "name": {"en": "x"},
                "unit": "persons",
                "activity": "nope",
            }
        ],
    }
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(doc)
    found = [(p.code, p.path, p.value) for p in problems_from_error(info.value)]
    assert found == [
        ("reference_unresolved", "partners[1].organisation", "up-msk"),
        ("reference_unresolved", "activities[0].facilitators[0]", "edvya"),
        ("reference_unresolved", "indicators[0].activity", "nope"),
    ]


def test_period_versions_are_kept_and_the_actual_one_is_used():
    """Planned and revised ends disagree between sources; all are kept, the actual one counts."""
    doc = {
        **MINIMAL,
        "periods": [
            {"start": "2016-11-01", "end": "2017-12-31", "status": "planned", "source": "call"},
            {"start": "2016-11-01", "end": "2018-02-28", "status": "actual", "source": "report"},
            {"start": "2016-11-01", "end": "2018-01-31", "status": "revised"},
        ],
    }
    p = Programme.model_validate(doc)
    assert len(p.periods) == 3
    assert p.period is not None and p.period.end == date(2018, 2, 28)
    assert [s.status for s in p.periods] == [
        PeriodStatus.PLANNED,
        PeriodStatus.ACTUAL,
        PeriodStatus.REVISED,
    ]


def test_partner_joining_after_the_start_keeps_its_own_period():
    """The Visaginas centre joined on 2023-01-02 a programme that began on 2022-12-08."""
    lt = next(p for p in capacitylib.load_examples() if p.code == "07-003-P-0001")
    visaginas = next(x for x in lt.partners if x.organisation == "visaginas-spc")
    assert visaginas.period is not None and visaginas.period.start == date(2023, 1, 2)
    assert lt.period is not None and lt.period.start == date(2022, 12, 8)


@pytest.mark.slow
@settings(max_examples=50)
@given(programmes())
def test_generated_programmes_validate_and_round_trip(doc):
    p = Programme.model_validate(doc)
    assert Programme.model_validate_json(p.model_dump_json()) == p
    assert Programme.model_validate(p.model_dump()) == p


def test_error_messages_are_fully_rendered():
    """No message shows an unfilled template placeholder."""
    doc = {
        "id": "p1",
        "title": {"en": "x"},
        "country": "EL",
        "periods": [{"start": "2019-10-31", "end": "2019-05-16"}],
        "budget": {"total": {"amount": 0.5, "currency": "EUX"}},
        "partners": [{"organisation": "ghost", "role": "partner"}],
        "activities": [{"id": "a", "kind": "seminar", "dates": ["2019-02-30", "--13"]}],
    }
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(doc)
    messages = [p.message for p in problems_from_error(info.value)]
    assert len(messages) >= 5
    assert all("{" not in m and "}" not in m for m in messages), messages


def test_the_schema_version_is_defined_once():
    from typing import get_args

    from capacitylib import SCHEMA_VERSION, Programme
    from capacitylib._version import SCHEMA_VERSIONS

    field = Programme.model_fields["schema_version"]
    assert get_args(field.annotation) == SCHEMA_VERSIONS
    assert SCHEMA_VERSIONS[-1] == SCHEMA_VERSION
    assert field.default == SCHEMA_VERSION


def test_one_mistake_is_one_problem_and_codes_get_a_friendly_message():
    import capacitylib

    negative = capacitylib.validate_record(
        '{"id": "p", "title": {"en": "x"},'
        ' "activities": [{"id": "a", "kind": "seminar", "sessions_actual": -1}]}'
    )
    assert [(p.code, p.path) for p in negative.problems] == [
        ("greater_than_equal", "activities[0].sessions_actual")
    ]
    bad_range = capacitylib.validate_record(
        '{"id": "p", "title": {"en": "x"},'
        ' "activities": [{"id": "a", "kind": "seminar", "sessions_actual": {"min": -1, "max": 3}}]}'
    )
    assert [p.path for p in bad_range.problems] == ["activities[0].sessions_actual.min"]
    lower = capacitylib.validate_record('{"id": "p", "title": {"en": "x"}, "country": "cz"}')
    [problem] = lower.problems
    assert problem.code == "country_unknown" and "write it in capitals: CZ" in problem.message
    euro = capacitylib.validate_record(
        '{"id": "p", "title": {"en": "x"},'
        ' "budget": {"total": {"amount": "1.00", "currency": "EURO"}}}'
    )
    assert [p.code for p in euro.problems] == ["currency_unknown"]
    assert "ISO 4217" in euro.problems[0].message
