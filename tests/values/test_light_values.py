"""The values as light immutable objects: slots, immutability, hashing, pickling, entry points."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import capacitylib
from capacitylib import ValidationError
from capacitylib.testing import estimates, hours, localized_texts, money, periods
from capacitylib.values import Estimate, Hours, LocalizedText, Money, Period
from capacitylib.values.extensions import FrozenDict, FrozenList

any_value = st.one_of(estimates(), hours(), money(), periods(), localized_texts())


@given(any_value)
def test_a_value_has_slots_and_no_instance_dict(value):
    assert not hasattr(value, "__dict__")
    assert type(value).__slots__


@given(any_value)
def test_a_value_pickles_copies_and_hashes_as_itself(value):
    again = pickle.loads(pickle.dumps(value))  # noqa: S301 - our own bytes
    assert again == value
    assert hash(again) == hash(value)
    assert copy.copy(value) is value
    assert copy.deepcopy(value) is value
    assert {value, again} == {value}


@given(any_value)
def test_a_value_dumps_and_validates_back(value):
    cls = type(value)
    assert cls.model_validate_json(value.model_dump_json()) == value
    assert cls.model_validate(value.model_dump()) == value
    assert cls.model_validate(value.model_dump(mode="json", exclude_defaults=True)) == value
    assert cls.model_validate(value) is value


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (Estimate.exact(3), "min"),
        (Hours.exact(3, unit="day"), "unit"),
        (Money.of("1.00", "EUR"), "amount"),
        (Period(start=date(2020, 1, 1)), "end"),
    ],
)
def test_assigning_a_field_is_refused_as_pydantic_refuses_it(value, name):
    with pytest.raises(ValidationError) as info:
        setattr(value, name, None)
    assert info.value.errors()[0]["type"] == "frozen_instance"
    with pytest.raises(ValidationError):
        delattr(value, name)


def test_equality_needs_the_same_type():
    assert Estimate.exact(2) == Estimate.model_validate(2)
    assert Estimate.range(2, 2) != Hours.exact(2, unit="clock_hour")
    assert Estimate.exact(2) != 2
    assert Money.of("1.0", "EUR") == Money.of("1.0", "EUR")
    assert Money.of("1.0", "EUR") != Money.of("1.0", "CZK")


def test_repr_is_pydantic_s():
    assert repr(Estimate.range(2, 3)) == (
        "Estimate(min=Decimal('2'), max=Decimal('3'), at_least=False, up_to=False, "
        "approximate=False)"
    )
    assert repr(Money.of("1.50", "EUR")) == "Money(amount=Decimal('1.50'), currency='EUR')"
    assert (
        repr(LocalizedText({"lt": "a", "en": "b"})) == "LocalizedText(root={'en': 'b', 'lt': 'a'})"
    )


def test_model_construct_copy_and_fields():
    built = Estimate.model_construct(min=Decimal(1), max=Decimal(2))
    assert built == Estimate.range(1, 2)
    assert built.model_copy(update={"max": Decimal(5)}) == Estimate.range(1, 5)
    assert Money.model_fields["amount"].description.startswith("Exact decimal amount")
    assert list(Period.model_fields) == ["start", "end"]


def test_json_numbers_with_a_fraction_are_exact_or_refused_at_their_field():
    assert Estimate.model_validate_json('{"min": 2.5}').max == Decimal("2.5")
    assert Money.model_validate_json('{"amount": 0.1, "currency": "EUR"}').amount == Decimal("0.1")
    with pytest.raises(ValidationError) as info:
        Estimate.model_validate_json('{"min": 1, "max": 12345678.1234567891}')
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("decimal_json_number_inexact", ("max",))
    ]


def test_python_floats_are_refused_at_each_bound():
    with pytest.raises(ValidationError) as info:
        Estimate.model_validate({"min": 2.5, "max": 3})
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("decimal_from_float", ("min",))
    ]
    with pytest.raises(ValidationError):
        Money(amount=0.1, currency="EUR")


def test_a_bare_number_is_an_exact_figure_and_other_shapes_are_refused():
    assert Estimate.model_validate("7") == Estimate.exact(7)
    for wrong in (True, None, [1], 2.5):
        with pytest.raises(ValidationError) as info:
            Estimate.model_validate(wrong)
        assert info.value.errors()[0]["type"] == "model_type"


def test_localized_text_is_a_read_only_mapping():
    text = LocalizedText({"lv": "Teksts", "cs": "Text"})
    assert isinstance(text, Mapping)
    assert list(text.keys()) == ["cs", "lv"]
    assert dict(text.items()) == {"cs": "Text", "lv": "Teksts"}
    text.root["de"] = "Text"  # a copy: the text itself does not change
    assert "de" not in text
    assert LocalizedText(en="x") == LocalizedText({"en": "x"})
    assert hash(text) == hash(LocalizedText({"cs": "Text", "lv": "Teksts"}))


def test_programmes_are_hashable_and_frozen_all_the_way_down():
    programmes = capacitylib.load_examples()
    assert len(set(programmes)) == len(programmes)
    assert {p: p.id for p in programmes}[programmes[0]] == programmes[0].id
    data = {
        "id": "p",
        "title": {"en": "P"},
        "extensions": {"esfa": {"rate": "0.1", "codes": ["a", {"b": 1}]}},
    }
    p = capacitylib.Programme.model_validate(data)
    assert isinstance(p.extensions, FrozenDict)
    assert isinstance(p.extensions["esfa"]["codes"], FrozenList)
    assert p.extensions["esfa"]["codes"] == ["a", {"b": 1}]
    assert hash(p) == hash(capacitylib.Programme.model_validate(data))
    with pytest.raises(TypeError):
        p.extensions["other"] = {}
    with pytest.raises(TypeError):
        p.extensions["esfa"].update(rate=1)
    assert type(capacitylib.Programme(id="q", title={"en": "Q"}).extensions) is FrozenDict
    assert pickle.loads(pickle.dumps(p)) == p  # noqa: S301 - our own bytes
    # Dumps are plain data, as before.
    dumped = p.model_dump()["extensions"]
    assert type(dumped) is dict
    assert type(dumped["esfa"]["codes"]) is list
    assert json.loads(p.model_dump_json())["extensions"] == {
        "esfa": {"rate": "0.1", "codes": ["a", {"b": 1}]}
    }
