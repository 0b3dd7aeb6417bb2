import pytest

from tests.rules._builders import codes_at, document, findings


@pytest.mark.parametrize(
    ("code", "scheme", "reported"),
    [
        ("CZ.03.2.63/0.0/0.0/15_023/0001478", "cz_2014_2020", False),
        ("CZ.03.2.63/0.0/0.0/15_023/001478", "cz_2014_2020", True),
        ("07-003-P-0001", "lt_2021_2027", False),
        ("07-003-P-0001", "lt_2014_2020", True),
        ("9.2.1.1/15/I/001", "lv_2014_2020_esf", False),
        ("2012.EEZ/PP/1/MEC/132", "lv_eea_2009_2014_ngo", False),
        ("2012.EEZ/PP/1/MEC/132", "lv_2014_2020_esf", True),
        ("PROJ-42", "other", False),
    ],
)
def test_code_against_stated_scheme(code, scheme, reported):
    """A code that does not follow its stated scheme's pattern is an error."""
    doc = document(code=code, code_scheme=scheme)
    expected = ["code"] if reported else []
    assert codes_at(doc, "programme_code_scheme_mismatch") == expected


def test_mismatch_finding_gives_scheme_and_example():
    """The message names the scheme and an example of its codes."""
    (found,) = findings(
        document(code="CZ.03.2.63/0.0/0.0/15_023/001478", code_scheme="cz_2014_2020")
    )
    assert found.severity == "error"
    assert found.values["example"] == "CZ.03.2.63/0.0/0.0/15_023/0001478"
    assert "'code_scheme' cz_2014_2020" in found.message


@pytest.mark.parametrize(
    ("code", "country", "reported"),
    [
        ("CZ.03.2.63/0.0/0.0/15_023/0001478", "CZ", False),
        ("CZ.03.2.63/0.0/0.0/15-023/0001478", "CZ", True),
        ("07-003-P-001", "LT", True),
        ("VP1-4.1-SADM-01-K-02-003", "LT", True),
        ("PROJ-42", "PL", False),
        ("PROJ-42", None, False),
    ],
)
def test_code_of_no_known_scheme_in_a_country_with_schemes(code, country, reported):
    """A code following no scheme of a country with known schemes is info (a typo?)."""
    doc = document(code=code, country=country)
    found = [f for f in findings(doc) if f.code == "programme_code_scheme_unknown"]
    assert [f.path for f in found] == (["code"] if reported else [])
    assert all(f.severity == "info" for f in found)


def test_stating_scheme_other_silences_unknown_code():
    """code_scheme: other says the code is of another scheme."""
    assert (
        findings(document(code="VP1-4.1-SADM-01-K-02-003", country="LT", code_scheme="other")) == []
    )


def test_no_code_no_finding():
    """A programme without a code has nothing to check."""
    doc = document()
    del doc["code"]
    assert findings(doc) == []
