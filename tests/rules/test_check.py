from datetime import date
from decimal import Decimal

import pytest

from capacitylib import FindingsError, Problem, Programme, load_examples
from capacitylib.reference import ReferenceTables
from capacitylib.rules import CATALOGUE, FAMILIES, Finding, RuleOptions, check, check_strict
from tests.rules._builders import AS_OF, document, findings, with_activity

#: A warning (6 months for 5 months 16 days) and an error (a session after the end).
WARNING_AND_ERROR = with_activity(
    period={"start": "2017-05-16", "end": "2017-10-31"},
    stated_duration={"value": 6, "unit": "month"},
    sessions=[{"date": "2018-03-15", "status": "completed"}],
)


def test_a_finding_is_a_problem():
    """Findings have the shape of validation problems, so both print the same way."""
    assert Finding is Problem
    (found, *_) = findings(WARNING_AND_ERROR)
    assert isinstance(found, Problem)


def test_clean_programme_has_no_findings():
    assert findings(document()) == []


def test_check_strict_raises_on_error_level_findings_only():
    """The error is raised with the error-level findings; warnings stay out of it."""
    programme = Programme.model_validate(WARNING_AND_ERROR)
    with pytest.raises(FindingsError) as info:
        check_strict(programme, as_of=AS_OF)
    assert [(p.code, p.path) for p in info.value.problems] == [
        ("session_outside_programme_period", "activities[0].sessions[0].date")
    ]
    assert "activities[0].sessions[0].date" in str(info.value)


def test_check_strict_returns_warnings():
    """Without errors, check_strict returns the findings like check."""
    doc = with_activity(
        period={"start": "2017-05-16", "end": "2017-10-31"},
        stated_duration={"value": 6, "unit": "month"},
    )
    programme = Programme.model_validate(doc)
    assert check_strict(programme, as_of=AS_OF) == check(programme, as_of=AS_OF)
    assert [f.severity for f in check_strict(programme, as_of=AS_OF)] == ["warning"]


def test_severity_overrides_let_a_funder_enforce_a_warning():
    """A warning promoted to error makes check_strict raise."""
    doc = with_activity(
        period={"start": "2017-05-16", "end": "2017-10-31"},
        stated_duration={"value": 6, "unit": "month"},
    )
    programme = Programme.model_validate(doc)
    options = RuleOptions(severity_overrides={"duration_differs_from_stated": "error"})
    with pytest.raises(FindingsError):
        check_strict(programme, as_of=AS_OF, options=options)


def test_disabled_codes_are_not_reported():
    options = RuleOptions(disabled=frozenset({"session_outside_programme_period"}))
    programme = Programme.model_validate(WARNING_AND_ERROR)
    assert [f.code for f in check_strict(programme, as_of=AS_OF, options=options)] == [
        "duration_differs_from_stated"
    ]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_family_whose_codes_are_all_disabled_does_not_run(family, monkeypatch):
    """Disabling every code of a family skips its walk and loses no other finding."""
    from capacitylib.rules import _run

    codes = frozenset(code for code, info in CATALOGUE.items() if info.family == family)
    assert codes, family
    programmes = load_examples()
    expected = [[f for f in check(p, as_of=AS_OF) if f.code not in codes] for p in programmes]

    def must_not_run(programme, ctx):
        raise AssertionError(f"the {family} rules ran with every code disabled")

    monkeypatch.setitem(_run.RULES, family, must_not_run)
    options = RuleOptions(disabled=codes)
    assert [check(p, as_of=AS_OF, options=options) for p in programmes] == expected
    # One code left enabled: the family runs again.
    if len(codes) > 1:
        with pytest.raises(AssertionError, match="ran with every code disabled"):
            check(programmes[0], as_of=AS_OF, options=RuleOptions(disabled=codes - {min(codes)}))


def test_a_family_added_to_rules_runs_whatever_is_disabled(monkeypatch):
    """A caller's own family (its codes are in no catalogue family) runs with codes disabled."""
    from capacitylib.rules import RULES

    def own(programme, ctx):
        yield Problem(code="own_check", path="id", message="own", severity="info")

    monkeypatch.setitem(RULES, "own", own)
    options = RuleOptions(disabled=frozenset({"session_outside_programme_period"}))
    found = check(load_examples()[0], as_of=AS_OF, options=options)
    assert [f.code for f in found if f.code == "own_check"] == ["own_check"]


def test_every_code_a_family_emits_is_in_its_catalogue_family():
    """Skipping a disabled family is safe only if no family emits another family's codes."""
    from capacitylib.rules import _run

    seen: dict[str, set[str]] = {}
    for programme in load_examples():
        ctx = _run.Context.build(programme, RuleOptions(), ReferenceTables.default(), AS_OF)
        for family, rule in _run.RULES.items():
            seen.setdefault(family, set()).update(f.code for f in rule(programme, ctx))
    for family, codes in seen.items():
        assert {CATALOGUE[c].family for c in codes} <= {family}, family


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"duration_tolerance_days": -1}, ValueError),
        ({"budget_tolerance": Decimal("-0.01")}, ValueError),
        ({"approximate_margin": Decimal(1)}, ValueError),
        ({"actual_target_ratio": 0}, ValueError),
        ({"hours_per_day": Decimal("NaN")}, ValueError),
        ({"actual_target_ratio": 1.5}, TypeError),
        ({"disabled": frozenset({"activity_outside_period"})}, ValueError),
        ({"severity_overrides": {"id_duplicate": "fatal"}}, ValueError),
    ],
)
def test_bad_options_are_refused(kwargs, error):
    """A negative tolerance, a float, or a code or severity not in the catalogue is refused."""
    with pytest.raises(error):
        RuleOptions(**kwargs)


def test_options_accept_ints_and_decimal_strings():
    options = RuleOptions(actual_target_ratio=2, budget_tolerance="0.5")
    assert options.actual_target_ratio == Decimal(2)
    assert options.budget_tolerance == Decimal("0.5")


def test_check_needs_a_programme():
    """A dict is not validated behind the caller's back."""
    with pytest.raises(TypeError):
        check(document())  # type: ignore[arg-type]


def test_check_is_deterministic_and_leaves_the_programme_unchanged():
    programme = Programme.model_validate(WARNING_AND_ERROR)
    before = programme.model_dump()
    assert check(programme, as_of=date(2020, 1, 1)) == check(programme, as_of=date(2020, 1, 1))
    assert programme.model_dump() == before
