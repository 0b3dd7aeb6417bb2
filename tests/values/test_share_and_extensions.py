"""Shares (fractions 0..1) and extensions (any JSON, kept exactly)."""

import json
from decimal import Decimal

import pytest
from hypothesis import given
from pydantic import TypeAdapter, ValidationError

from capacitylib import Programme
from capacitylib.testing import _format11
from capacitylib.values.extensions import Extensions
from capacitylib.values.share import Share

SHARE = TypeAdapter(Share)
EXTENSIONS = TypeAdapter(Extensions)


@given(_format11.shares)
def test_shares_round_trip_exactly(share):
    """A share is written as a decimal string and read back digit for digit."""
    dumped = SHARE.dump_json(share)
    assert SHARE.validate_json(dumped) == share
    assert str(SHARE.validate_json(dumped)) == str(share)


@pytest.mark.parametrize("value", ["1.01", "-0.1", "85"])
def test_a_share_outside_0_to_1_is_refused(value):
    with pytest.raises(ValidationError) as info:
        SHARE.validate_python(value)
    assert info.value.errors()[0]["type"] == "share_out_of_range"


def test_a_share_given_as_a_float_is_refused():
    with pytest.raises(ValidationError) as info:
        SHARE.validate_python(0.85)
    assert info.value.errors()[0]["type"] == "decimal_from_float"


@given(_format11.extensions())
def test_extensions_round_trip_through_json(value):
    """Extension data comes back equal, numbers exact, through the model's JSON."""
    validated = EXTENSIONS.validate_python(value)
    assert EXTENSIONS.validate_json(EXTENSIONS.dump_json(validated)) == validated
    assert validated == value


def test_extension_numbers_are_read_exactly_from_json():
    """``0.1`` stays 0.1, not the binary double nearest to it."""
    p = Programme.model_validate_json(
        json.dumps({"id": "p", "title": {"en": "P"}, "extensions": {"esfa": {"rate": 0.1}}})
    )
    assert p.extensions["esfa"]["rate"] == Decimal("0.1")
    assert json.loads(p.model_dump_json())["extensions"] == {"esfa": {"rate": 0.1}}


@pytest.mark.parametrize(
    ("value", "loc_end"),
    [
        ({"esfa": {"rate": 0.5}}, "esfa"),  # a Python float
        ({"esfa": {1: "x"}}, "esfa"),  # a key that is not text
        ({"esfa": {"s": {1, 2}}}, "esfa"),  # a set is not JSON
    ],
)
def test_extension_values_that_are_not_json_are_refused(value, loc_end):
    with pytest.raises(ValidationError) as info:
        Programme.model_validate({"id": "p", "title": {"en": "P"}, "extensions": value})
    [error] = info.value.errors()
    assert error["type"] == "extension_value_invalid"
    assert error["loc"] == ("extensions", loc_end)


def test_an_extension_namespace_must_be_a_name():
    with pytest.raises(ValidationError) as info:
        Programme.model_validate({"id": "p", "title": {"en": "P"}, "extensions": {"1 bad": {}}})
    assert info.value.errors()[0]["type"] == "string_pattern_mismatch"


def test_deeply_nested_extension_data_is_refused():
    deep: object = "x"
    for _ in range(40):
        deep = [deep]
    with pytest.raises(ValidationError) as info:
        EXTENSIONS.validate_python({"tool": deep})
    assert info.value.errors()[0]["type"] == "extension_value_invalid"


def test_an_unknown_field_is_still_an_error_beside_extensions():
    with pytest.raises(ValidationError) as info:
        Programme.model_validate(
            {"id": "p", "title": {"en": "P"}, "extensions": {"esfa": {}}, "esfa_call": "K-408"}
        )
    assert [e["type"] for e in info.value.errors()] == ["extra_forbidden"]
