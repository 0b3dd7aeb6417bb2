"""Hostile and extreme input: each gets a clear error or a correct model, never a crash."""

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import capacitylib
from capacitylib import DocumentError, Money, Programme, loads
from capacitylib.io import documents

MINIMAL = {"id": "p", "title": {"en": "x"}}


def assert_clean(make):
    """``make()`` gives a Programme, or fails with an error that lists coded, located problems."""
    outcome: object
    try:
        outcome = make()
    except (ValidationError, DocumentError) as exc:
        outcome = exc
    if isinstance(outcome, ValidationError):
        problems = capacitylib.problems_from_error(outcome)
        assert problems
        assert all(p.code and p.message for p in problems)
    elif isinstance(outcome, DocumentError):
        assert str(outcome)
    else:
        assert isinstance(outcome, Programme)


def codes(exc: ValidationError) -> list[str]:
    return [p.code for p in capacitylib.problems_from_error(exc)]


def test_billion_laughs_yaml_is_refused_before_it_expands():
    lol = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    with pytest.raises(DocumentError, match="aliases"):
        loads("id: p\ntitle: {en: x}\n" + lol)


def test_deeply_nested_json_is_a_clean_validation_error():
    deep = '{"id": "p", "title": {"en": "x"}, "note": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ValidationError) as info:
        loads(deep, format="json")
    assert codes(info.value) == ["json_invalid"]


def test_deeply_nested_yaml_is_refused_with_the_line():
    deep = "id: p\ntitle: {en: x}\nnote: " + "[" * 10_000 + "]" * 10_000 + "\n"
    with pytest.raises(DocumentError, match=f"deeper than {documents.MAX_YAML_DEPTH}"):
        loads(deep)


def test_ten_megabyte_text_is_refused_by_its_length_limit():
    big = json.dumps({"id": "p", "title": {"en": "x" * 10_000_000}})
    with pytest.raises(ValidationError) as info:
        loads(big, format="json")
    problem = capacitylib.problems_from_error(info.value)[0]
    assert (problem.code, problem.path) == ("string_too_long", "title.en")
    assert len(str(problem.value)) < 300, "the value shown in an error is truncated"


def test_document_size_limit_is_configurable(monkeypatch):
    text = json.dumps({**MINIMAL, "note": "y" * 200})
    with pytest.raises(DocumentError, match="above the limit of 100"):
        loads(text, format="json", max_chars=100)
    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 100)
    with pytest.raises(DocumentError, match="above the limit of 100"):
        loads(text, format="json")


def test_yaml_depth_limit_is_configurable():
    nested = "id: p\ntitle: {en: x}\nnote: [[[[x]]]]\n"
    with pytest.raises(DocumentError, match="deeper than 3 levels"):
        loads(nested, max_depth=3)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_amounts_in_json_are_refused(literal):
    text = (
        '{"id": "p", "title": {"en": "x"}, "budget": {"total": {"amount": %s, "currency": "EUR"}}}'
    )
    with pytest.raises(ValidationError) as info:
        loads(text % literal, format="json")
    assert [p.path for p in capacitylib.problems_from_error(info.value)] == ["budget.total.amount"]


@pytest.mark.parametrize("literal", [".nan", ".inf", "-.inf", "'NaN'", "'Infinity'"])
def test_nan_and_infinity_amounts_in_yaml_are_refused(literal):
    with pytest.raises(ValidationError) as info:
        loads(f"id: p\ntitle: {{en: x}}\nbudget:\n  total: {{amount: {literal}, currency: EUR}}\n")
    assert [p.path for p in capacitylib.problems_from_error(info.value)] == ["budget.total.amount"]


def test_python_float_amounts_are_refused():
    with pytest.raises(ValidationError) as info:
        Money.model_validate({"amount": 0.1, "currency": "EUR"})
    assert codes(info.value) == ["decimal_from_float"]


def test_json_amounts_a_double_cannot_hold_are_refused_not_rounded():
    text = '{"amount": 43940212.123456789012345678, "currency": "EUR"}'
    with pytest.raises(ValidationError) as info:
        Money.model_validate_json(text)
    assert codes(info.value) == ["decimal_json_number_inexact"]
    exact = Money.model_validate_json(
        '{"amount": "43940212.123456789012345678", "currency": "EUR"}'
    )
    assert exact.amount == Decimal("43940212.123456789012345678")
    assert Money.model_validate_json('{"amount": 0.1, "currency": "EUR"}').amount == Decimal("0.1")


def test_negative_zero_is_an_amount_of_zero():
    m = Money.model_validate({"amount": "-0.00", "currency": "EUR"})
    assert m.amount == 0
    assert Money.model_validate_json(m.model_dump_json()) == m


def test_extreme_dates_give_correct_figures():
    """0001-01-01..9999-12-31 is 3,652,059 days and exactly 9999 calendar years."""
    p = Programme.model_validate(
        {
            **MINIMAL,
            "periods": [{"start": "0001-01-01", "end": "9999-12-31"}],
            "activities": [{"id": "a", "kind": "seminar", "dates": ["9999-12-31", "0001-01-01"]}],
            "budget": {"total": {"amount": "1000000.00", "currency": "EUR"}},
        }
    )
    assert p.period is not None and p.period.days == 3_652_059
    report = capacitylib.build_report(p, as_of=date(9999, 12, 31)).to_json_dict()
    assert report["duration"]["calendar"] == {"years": 9999, "months": 0, "days": 0}
    assert sum(Decimal(v) for v in report["budget"]["by_year"].values()) == Decimal("1000000.00")
    assert capacitylib.check(p, as_of=date(9999, 12, 31)) is not None
    for fmt in ("yaml", "json"):
        assert loads(capacitylib.dumps(p, format=fmt), format=fmt) == p  # type: ignore[arg-type]


def test_mixed_scripts_and_right_to_left_text_round_trip():
    title = {
        "ar": "الإشراف على الأخصائيين الاجتماعيين",
        "he": "הדרכה לעובדים סוציאליים",
        "lt": "Intervizija",
        "uk": "Супервізія",
        "zh": "社会工作者督导",
        "en": "x\u202e\u200fy",
    }
    p = Programme.model_validate({**MINIMAL, "title": title})
    for fmt in ("yaml", "json"):
        assert loads(capacitylib.dumps(p, format=fmt), format=fmt).title.root == title  # type: ignore[arg-type]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_gives_a_model_or_a_validation_error(value):
    assert_clean(lambda: Programme.model_validate(value))
    assert_clean(lambda: Programme.model_validate_json(json.dumps(value)))


keys = st.sampled_from(
    [
        "id",
        "title",
        "periods",
        "budget",
        "activities",
        "start",
        "end",
        "amount",
        "currency",
        "min",
        "max",
        "date",
        "kind",
        "en",
        "lt",
    ]
)
programme_like = st.recursive(
    st.none()
    | st.integers(-5, 5)
    | st.text(max_size=12)
    | st.sampled_from(["2019-05-16", "--03-30", "EUR", "seminar"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(programme_like)
def test_programme_shaped_noise_gives_a_model_or_a_validation_error(value):
    assert_clean(lambda: Programme.model_validate(value))


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_any_yaml_text_gives_a_model_or_a_clean_error(text):
    assert_clean(lambda: loads(text))


cell_content = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.decimals(allow_nan=True),
    st.booleans(),
    st.dates(),
    st.sampled_from(
        ["1. 11. 2016", "43 940 212,00 Eur", "2-3", "cca 2-3 h", "--03-30", "=SUM(A1)", "NaN"]
    ),
)


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(), content=cell_content, lang=st.sampled_from([None, "lt", "lv", "cs", "pl", "en"])
)
def test_any_cell_content_gives_programmes_or_a_clean_table_error(data, content, lang):
    """Whatever a spreadsheet cell holds, reading the tables gives programmes or a TableError."""
    from capacitylib.io.tables import TableError, from_tables, to_tables

    tables = to_tables(EXAMPLES_FOR_CELLS)
    name = data.draw(st.sampled_from(sorted(n for n, t in tables.items() if t.rows)))
    table = tables[name]
    row = data.draw(st.sampled_from(table.rows))
    column = data.draw(st.sampled_from(table.columns))
    row[column] = content
    outcome: object
    try:
        outcome = from_tables(tables, lang=lang)
    except TableError as error:
        outcome = error
    if isinstance(outcome, TableError):
        assert outcome.problems
        assert all(p.table and p.message for p in outcome.problems)
    else:
        assert isinstance(outcome, list)
        assert all(isinstance(p, Programme) for p in outcome)


EXAMPLES_FOR_CELLS = capacitylib.load_examples()


yaml_fragments = st.lists(
    st.sampled_from(
        [
            "!!int abc",
            "!!float x",
            "!!timestamp 2020-13-45",
            "!!binary ===",
            "!foo",
            "!!python/object:os.system",
            "2023-02-29",
            "0000-01-01",
            "1:30",
            "010",
            "9" * 5000,
            "&a x",
            "*a",
            "{a: 1, a: 2}",
            "[",
            "\x85",
            "\ud800",
            "\x00",
            ": :",
            "\t",
        ]
    ),
    max_size=6,
).map(" ".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(keys, yaml_fragments)
def test_hostile_yaml_scalars_give_a_model_or_a_clean_error(key, fragment):
    """Bad tags, impossible dates, huge integers, aliases and bad characters never crash."""
    assert_clean(lambda: loads(f"id: p\ntitle: {{en: x}}\n{key}: {fragment}\n", format="yaml"))


def test_hostile_yaml_above_the_cap_is_refused_without_parsing():
    """A 20 MB YAML document is refused at once instead of exhausting memory."""
    text = "id: p\ntitle: {en: x}\nnote: [" + "1, " * 7_000_000 + "1]\n"
    with pytest.raises(DocumentError, match="JSON or NDJSON"):
        loads(text, format="yaml")
