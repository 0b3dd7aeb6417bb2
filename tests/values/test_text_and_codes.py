import pytest
from hypothesis import given
from pydantic import TypeAdapter, ValidationError

from capacitylib import CountryCode, LocalizedText, ProgrammeCode, ProgrammeCodeScheme
from capacitylib.values import code_matches_scheme, detect_code_scheme
from tests.strategies import localized


def test_best_text_falls_back_in_order():
    title = LocalizedText({"lv": "Profesionāla sociālā darba attīstība", "en": "Professional"})
    assert title.best("lv") == "Profesionāla sociālā darba attīstība"
    assert title.best("cs") == "Professional"
    assert title.best("lv-LV") == "Profesionāla sociālā darba attīstība"
    assert LocalizedText({"lt": "Intervizija"}).best("en") == "Intervizija"
    assert title.best("cs", fallback=("lv",)) == "Profesionāla sociālā darba attīstība"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({}, "too_short"),
        ({"en": ""}, "string_too_short"),
        ({"en": "   "}, "string_pattern_mismatch"),
        ({"EN": "x"}, "string_pattern_mismatch"),
    ],
)
def test_empty_or_malformed_text_is_refused(data, code):
    with pytest.raises(ValidationError) as info:
        LocalizedText.model_validate(data)
    assert info.value.errors()[0]["type"] == code


@given(localized())
def test_localized_text_round_trips(data):
    text = LocalizedText.model_validate(data)
    assert LocalizedText.model_validate_json(text.model_dump_json()) == text
    assert text.best("xx") in data.values()


@pytest.mark.parametrize(
    ("code", "scheme"),
    [
        ("CZ.03.2.63/0.0/0.0/15_023/0001478", ProgrammeCodeScheme.CZ_2014_2020),
        ("07-003-P-0001", ProgrammeCodeScheme.LT_2021_2027),
        ("08.4.2-ESFA-K-413-01-0001", ProgrammeCodeScheme.LT_2014_2020),
        ("9.2.1.1/15/I/001", ProgrammeCodeScheme.LV_2014_2020_ESF),
        ("2012.EEZ/PP/1/MEC/132", ProgrammeCodeScheme.LV_EEA_2009_2014_NGO),
        ("2014CZ05M9OP001", ProgrammeCodeScheme.CCI),
        ("CZ.1.04/4.1.01/12.00001", ProgrammeCodeScheme.CZ_2007_2013),
        ("ESF-123-free", ProgrammeCodeScheme.OTHER),
    ],
)
def test_programme_code_schemes_are_detected(code, scheme):
    """Each documented scheme's example is recognised; unknown codes are 'other', not errors."""
    assert ProgrammeCode(code).scheme is scheme
    assert detect_code_scheme(code) is scheme
    assert code_matches_scheme(code, scheme)


def test_code_does_not_match_another_scheme():
    assert not code_matches_scheme("07-003-P-0001", ProgrammeCodeScheme.CZ_2014_2020)


def test_eu_country_codes_get_a_hint():
    """'EL' is the EU's code for Greece; ISO says GR and the error says so."""
    adapter = TypeAdapter(CountryCode)
    with pytest.raises(ValidationError, match="GR"):
        adapter.validate_python("EL")
