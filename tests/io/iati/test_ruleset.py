"""The IATI Standard ruleset engine against the ruleset's own material: meta tests, standard.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib.io.iati import _rule_types
from capacitylib.io.iati.ruleset import IatiRuleset, check_iati_rules
from capacitylib.rules.catalogue import READER_CODES
from capacitylib.testing import programmes

from ._ruleset_helpers import NOW, codes, run

etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

# IATI-Rulesets' meta_tests.sh (version-2.03) pairs each rule JSON with the XML files that prove
# it: (rule JSON, XML file, whether the file passes). The last six pairs have no line in the
# script but their files are in meta_tests/; the file names say the answer (_good, _bad).
# `unique_title_description title_description` is left out as the script leaves it ("# FIXME").
META_TESTS: list[tuple[str, str, bool]] = [
    ("empty", "empty", True),
    ("title_exists", "empty", True),
    ("title_exists", "empty_activity", False),
    ("title_exists", "title", True),
    ("title_text_exists", "title", False),
    ("title_text_exists", "title_text", True),
    ("no_paths", "empty", True),
    ("no_paths", "empty_activity", False),
    ("no_more_than_one_title", "title", True),
    ("no_more_than_one_title", "empty_activity", True),
    ("no_more_than_one_title", "title_twice", False),
    ("results_references", "results_refs_good", True),
    ("results_references", "results_refs_bad", False),
    ("dependent_title_description", "empty_activity", True),
    ("dependent_title_description", "title", False),
    ("dependent_title_description", "description", False),
    ("dependent_title_description", "title_description", True),
    ("sum", "sum_good", True),
    ("sum", "sum_bad", False),
    ("sum_two", "sum_two_good", True),
    ("sum_two", "sum_two_bad", False),
    ("date_order", "empty_activity", True),
    ("date_order", "date_good", True),
    ("date_order", "date_bad", False),
    ("regex_matches", "regex_good", True),
    ("regex_matches", "regex_bad", False),
    ("regex_no_matches", "regex_bad", True),
    ("regex_no_matches", "regex_good", False),
    ("starts_with", "identifiers", True),
    ("starts_with", "identifiers_bad", False),
    ("unique", "unique_good", True),
    ("unique", "unique_bad", False),
    ("unique_title_description", "title_description_content", True),
    ("if_then", "if_then_good", True),
    ("if_then", "if_then_bad", False),
    ("condition", "empty_activity", True),
    ("condition", "activity_status_2", True),
    ("condition", "activity_status_3", False),
    *[
        (
            f"result_indicator_{kind}_selector_with_conditions",
            f"results_indicator_{kind}_value_{end}",
            ok,
        )
        for kind in ("baseline", "period_target", "period_actual")
        for end, ok in (("good", True), ("bad", False), ("not_relevant", True))
    ],
    ("only_one_of", "only_one_of_activity_bad", False),
    ("only_one_of", "only_one_of_activity_good", True),
    ("only_one_of", "only_one_of_transaction_bad", False),
    ("only_one_of", "only_one_of_transaction_good", True),
    ("period_time", "period_time_good", True),
    ("period_time", "period_time_bad", False),
    ("time_limit", "time_limit_good", True),
    ("time_limit", "time_limit_bad", False),
    ("date_now", "date_now_good", True),
    ("date_now", "date_now_bad", False),
    ("at_least_one", "at_least_one_bad", False),
    ("at_least_one", "at_least_one_ref", True),
    ("at_least_one", "at_least_one_narrative", True),
    ("at_least_one", "at_least_one_no_element_good", True),
    ("one_or_all", "one_or_all_lang_bad", False),
    ("one_or_all", "one_or_all_lang_good", True),
    ("one_or_all", "one_or_all_lang_bad_all", False),
    ("one_or_all", "one_or_all_lang_good_all", True),
    ("one_or_all", "one_or_all_sector_bad", False),
    ("one_or_all", "one_or_all_sector_good", True),
    ("one_or_all", "one_or_all_sector_all_good", True),
    ("one_or_all", "one_or_all_sector_all_bad", False),
    ("one_or_all", "one_or_all_currency_bad", False),
    ("one_or_all", "one_or_all_currency_good", True),
    ("one_or_all", "one_or_all_currency_all_bad", False),
    ("one_or_all", "one_or_all_currency_all_good", True),
    ("one_or_all_org", "one_or_all_org_currency_good", True),
    ("one_or_all_org", "one_or_all_org_currency_bad", False),
    ("between_dates", "between_dates_good", True),
    ("between_dates", "between_dates_bad", False),
    ("recipient_region_budget", "recipient_region_budget_good", True),
    ("recipient_region_budget", "recipient_region_budget_bad", False),
    ("total_expenditure", "total_expenditure_good", True),
    ("total_expenditure", "total_expenditure_bad", False),
    ("range", "range_good", True),
    ("range", "range_bad", False),
    # Not in meta_tests.sh; named by their files.
    ("forloop", "forloop_good", True),
    ("forloop", "forloop_bad", False),
    ("recipient_country", "recipient_country_good", True),
    ("recipient_country", "recipient_country_bad", False),
    ("sector_percentage_sum", "sector_percentage_sum_good", True),
    ("sector_percentage_sum", "sector_percentage_sum_bad", False),
]


@pytest.fixture(scope="module")
def rulesets_dir(iati_dir: Path) -> Path:
    folder = iati_dir / "rulesets"
    if not (folder / "standard.json").is_file() or not (folder / "meta_tests").is_dir():
        pytest.skip(f"the IATI ruleset material is not at {folder} (standard.json, meta_tests/)")
    return folder


@pytest.fixture(scope="module")
def standard(rulesets_dir: Path) -> IatiRuleset:
    return IatiRuleset.load(rulesets_dir / "standard.json")


# The meta tests: the ruleset's own proof of an engine.


@pytest.mark.parametrize(
    ("rules", "xml", "passes"), META_TESTS, ids=[f"{r}-{x}" for r, x, _ in META_TESTS]
)
def test_meta_test(rulesets_dir, rules, xml, passes):
    """Each meta-test file passes or fails the rule JSON it is paired with, as the ruleset says."""
    meta = rulesets_dir / "meta_tests"
    problems = check_iati_rules(meta / f"{xml}.xml", ruleset=meta / f"{rules}.json", now=NOW)
    if passes:
        assert problems == []
    else:
        assert problems
        assert set(codes(problems)) == {"iati_rule_failed"}
        assert {p.values["rule"] for p in problems} <= _rule_types_in(meta / f"{rules}.json")


def _rule_types_in(path: Path) -> set[str]:
    """The rule types a ruleset names, a loop's inner rules included."""
    data = json.loads(path.read_text(encoding="utf-8"))
    named = {name for rules in data.values() for name in rules}
    loops = [case for rules in data.values() for case in rules.get("loop", {}).get("cases", [])]
    return named | {name for case in loops for name in case["do"]}


def test_meta_tests_cover_every_file_and_follow_the_file_names(rulesets_dir):
    """Every JSON and XML of meta_tests/ is paired; every _good file passes and every _bad one fails."""
    files = {path.stem for path in (rulesets_dir / "meta_tests").iterdir()}
    paired = {name for rules, xml, _ in META_TESTS for name in (rules, xml)}
    assert files == paired
    for rules, xml, passes in META_TESTS:
        # regex_no_matches reuses regex_matches' files: its answers are theirs reversed.
        named = passes if rules != "regex_no_matches" else not passes
        if "_good" in xml:
            assert named, xml
        if "_bad" in xml:
            assert not named, xml


def test_meta_tests_fail_their_bad_files_today_too(rulesets_dir):
    """date_now's bad file is in 2050 and its good one in 2018: the answer holds for today's date."""
    meta = rulesets_dir / "meta_tests"
    assert check_iati_rules(meta / "date_now_good.xml", ruleset=meta / "date_now.json") == []
    assert check_iati_rules(meta / "date_now_bad.xml", ruleset=meta / "date_now.json")


# The Standard ruleset itself.


def test_standard_ruleset_loads_whole(standard):
    """standard.json has no problem, and every rule type it uses is one the engine runs."""
    assert standard.problems == ()
    assert len(standard.cases) > 90
    used = {case.rule for case in standard.cases} | {
        inner.rule for case in standard.cases for inner in case.inner
    }
    assert used <= set(_rule_types.RULES) | {"loop"}
    assert used >= {"atleast_one", "date_order", "time_limit", "loop", "strict_sum", "if_then"}


def test_official_example_findings(standard, iati_dir):
    """The annotated example breaks exactly the rules a reader of it can check by hand."""
    example = iati_dir / "examples" / "activity-standard-example-annotated.xml"
    problems = standard.check(example, now=NOW)
    assert [(p.code, p.values.get("rule_id"), p.severity) for p in problems] == [
        ("iati_rule_skipped", "1.14.8", "info"),
        ("iati_rule_failed", "3.4.2", "error"),  # region vocabulary 1: 25 + countries 25 + 25
        ("iati_rule_failed", "3.4.2", "error"),  # region vocabulary 99: the same
        ("iati_rule_failed", "102.1.1", "warning"),  # sectors of vocabularies 2 and 99 only
        ("iati_rule_failed", "6.6.2", "error"),  # sectors on the activity and a transaction
        ("iati_rule_failed", "3.6.2", "error"),  # countries on the activity and a transaction
        ("iati_rule_failed", "6.13.1", "error"),  # policy marker of vocabulary 99, no narrative
        ("iati_rule_failed", "8.11.1", "error"),  # references on the result and its indicator
    ]
    loop = problems[1]
    assert loop.values["loop_value"] == "1"
    assert loop.values["identifier"] == "AA-AAA-123456789-ABC123"
    assert loop.path == "/iati-activities/iati-activity"
    marker = problems[6]
    assert marker.path == "/iati-activities/iati-activity/policy-marker[3]"
    assert marker.values["line"] == 206
    assert marker.values["link"].startswith("https://iatistandard.org/")


def test_org_id_prefixes_turn_the_skipped_rule_on(standard, iati_dir, codelist):
    """Given the registration agency codes, 1.14.8 runs: the example's AA-AAA is no agency."""
    example = iati_dir / "examples" / "activity-standard-example-annotated.xml"
    prefixes = codelist("OrganisationRegistrationAgency")
    assert "GB-COH" in prefixes
    problems = standard.check(example, now=NOW, org_id_prefixes=prefixes)
    assert "iati_rule_skipped" not in codes(problems)
    (agency,) = [p for p in problems if p.values.get("rule_id") == "1.14.8"]
    assert agency.severity == "warning"
    assert agency.path == "/iati-activities/iati-activity/reporting-org/@ref"
    assert agency.value == "AA-AAA-123456789"


def test_every_schema_test_file_is_checked_without_a_traceback(standard, iati_dir):
    """All 694 schema-test files (good and bad) give catalogued problems only, never an exception."""
    files = sorted((iati_dir / "schema-tests").rglob("*.xml"))
    assert len(files) > 600
    found: set[str] = set()
    for path in files:
        found |= set(codes(standard.check(path, now=NOW)))
    assert found <= set(READER_CODES)
    assert {"iati_rule_failed", "iati_rule_value_invalid"} <= found


def test_organisation_files_are_checked_by_organisation(standard, iati_dir):
    """An organisation file's findings carry its organisation-identifier."""
    xml = (
        "<iati-organisations><iati-organisation><organisation-identifier>XM-DAC-1"
        "</organisation-identifier><total-budget><period-start iso-date='2019-01-01'/>"
        "<period-end iso-date='2020-06-30'/></total-budget></iati-organisation></iati-organisations>"
    )
    problems = [p for p in run(standard, xml) if p.code == "iati_rule_failed"]
    rule_ids = [p.values["rule_id"] for p in problems]
    assert "7.5.3" in rule_ids
    assert {p.values["identifier"] for p in problems} == {"XM-DAC-1"}


@pytest.fixture(scope="module")
def check_standard(standard):
    """The Standard ruleset's check as a plain function (Hypothesis prints its arguments)."""

    def check(tree):
        return standard.check(tree, now=NOW)

    return check


_XML_TEXT = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=12)


@settings(max_examples=50)
@given(values=st.lists(_XML_TEXT, min_size=1, max_size=4), identifier=_XML_TEXT)
def test_any_attribute_text_gives_problems_never_an_exception(check_standard, values, identifier):
    """The Standard ruleset on activities with arbitrary dates, percentages and identifiers never
    raises; everything it says is a catalogued code."""
    root = etree.Element("iati-activities")
    item = etree.SubElement(root, "iati-activity", {"last-updated-datetime": values[0]})
    etree.SubElement(item, "iati-identifier").text = identifier
    etree.SubElement(item, "reporting-org", ref=identifier)
    for value in values:
        etree.SubElement(item, "sector", vocabulary=value, percentage=value)
        etree.SubElement(item, "recipient-country", percentage=value)
        etree.SubElement(item, "activity-date", type="2", **{"iso-date": value})
        budget = etree.SubElement(item, "budget")
        etree.SubElement(budget, "period-start", **{"iso-date": value})
        etree.SubElement(budget, "period-end", **{"iso-date": "2024-01-01"})
    assert {p.code for p in check_standard(root)} <= set(READER_CODES)


# capacitylib's own exports must pass every error-level rule.


def test_seed_exports_pass_every_rule(standard, codelist):
    """The seed programmes, exported, pass every rule of standard.json, warnings included."""
    import capacitylib
    from capacitylib.io.iati.export import to_iati_xml

    export = to_iati_xml(capacitylib.load_examples(), generated=NOW)
    prefixes = codelist("OrganisationRegistrationAgency")
    assert standard.check(export.xml, now=NOW, org_id_prefixes=prefixes) == []


@settings(max_examples=10)  # drawing a programme takes most of the time
@given(programme=programmes(max_activities=2))
def test_generated_exports_pass_every_error_level_rule(check_standard, programme):
    """A generated programme, exported, has no error-level finding of the Standard ruleset."""
    from capacitylib.io.iati.export import to_iati_xml

    problems = check_standard(to_iati_xml([programme], generated=NOW).xml)
    assert [p.message for p in problems if p.severity == "error"] == []
