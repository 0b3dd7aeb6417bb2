import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from capacitylib import Programme, dumps, loads, problems_from_error
from capacitylib.testing import (
    estimates,
    hours,
    localized_texts,
    money,
    nearly_valid_documents,
    partial_dates,
    periods,
    programme_documents,
    programmes,
)
from capacitylib.testing._documents import BREAKERS


@given(money(), estimates(), hours(), localized_texts(), partial_dates(), periods())
def test_value_strategies_give_valid_values_that_round_trip(m, e, h, t, d, p):
    for value in (m, e, h, t, p):
        assert type(value).model_validate_json(value.model_dump_json()) == value
    assert type(d).parse(str(d)) == d
    assert e.min <= e.max


@settings(max_examples=30)
@given(programme_documents())
def test_programme_documents_are_json_ready_and_valid(doc):
    text = json.dumps(doc, ensure_ascii=False)
    assert Programme.model_validate_json(text) == Programme.model_validate(doc)


@pytest.mark.slow
@settings(max_examples=30)
@given(programmes())
def test_programmes_round_trip_through_yaml_and_json(programme):
    for fmt in ("yaml", "json"):
        assert loads(dumps(programme, format=fmt), format=fmt) == programme  # type: ignore[arg-type]


@pytest.mark.slow
@settings(max_examples=60)
@given(nearly_valid_documents())
def test_nearly_valid_documents_fail_with_exactly_the_named_code_and_path(case):
    for validate in (
        lambda: Programme.model_validate(case.document),
        lambda: Programme.model_validate_json(json.dumps(case.document)),
    ):
        try:
            validate()
        except ValidationError as exc:
            found = [(p.code, p.path) for p in problems_from_error(exc)]
        else:
            found = []
        assert found == [(case.code, case.path)]


@pytest.mark.parametrize("code", sorted(BREAKERS))
@settings(max_examples=5)
@given(data=st.data())
def test_every_breaker_can_be_asked_for_by_code(code, data):
    case = data.draw(nearly_valid_documents(codes=[code], max_activities=1))
    assert case.code == code
    with pytest.raises(ValidationError):
        Programme.model_validate(case.document)


def test_unknown_breaker_is_refused():
    with pytest.raises(ValueError, match="no breaker"):
        nearly_valid_documents(codes=["no_such_rule"])
