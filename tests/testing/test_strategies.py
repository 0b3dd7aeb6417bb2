import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from capacitylib import Programme, dumps, loads, problems_from_error
from capacitylib.testing import (
    EXTREME,
    as_data,
    estimates,
    hours,
    localized_texts,
    money,
    nearly_valid_documents,
    partial_dates,
    periods,
    programme_documents,
    programmes,
    to_data,
)
from capacitylib.testing._documents import BREAKERS
from capacitylib.values import PartialDate


@given(money(), estimates(), hours(), localized_texts(), partial_dates(), periods())
def test_value_strategies_give_valid_values_that_round_trip(m, e, h, t, d, p):
    for value in (m, e, h, t, p):
        assert type(value).model_validate_json(value.model_dump_json()) == value
    assert type(d).parse(str(d)) == d
    assert e.min <= e.max


_EVERY_VALUE = st.one_of(
    money(),
    money(amounts=EXTREME.money_amounts),
    estimates(),
    estimates(values=EXTREME.quantities, open_bounds=True),
    hours(open_bounds=True),
    hours(values=EXTREME.quantities, academic_hour_minutes=EXTREME.academic_hour_minutes),
    localized_texts(languages=st.sampled_from(["lt", "pt-BR", "no"])),
    partial_dates(dates=EXTREME.dates),
    periods(dates=EXTREME.dates, max_date=date.max, max_days=None),
)


@given(_EVERY_VALUE)
def test_plain_data_of_every_value_reads_back_as_the_value(value):
    """to_data loses nothing: the data validates back to an equal value of the same type."""
    data = to_data(value)
    assert not isinstance(data, type(value)) or isinstance(value, str)
    if isinstance(value, PartialDate):
        assert PartialDate.parse(data) == value
    else:
        again = type(value).model_validate(data)
        assert again == value and type(again) is type(value)


@given(as_data(estimates(values=EXTREME.quantities, open_bounds=True)))
def test_as_data_gives_json_ready_dicts_with_codes_as_text(data):
    """Plain data holds dicts, numbers and text only (no enum members, no models)."""
    assert isinstance(data, dict)
    assert all(isinstance(v, Decimal | bool | int) for v in data.values()), data


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
