"""The IATI ruleset engine's problems: a broken ruleset, its inputs, and the shape of a finding."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from capacitylib.io.iati.ruleset import GUIDANCE_BASE, IatiRuleset, check_iati_rules

from ._ruleset_helpers import BUDGET, activities, activity, codes, rule, run

etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

# The ruleset's own mistakes: problems, once, and the rest still runs.

TITLE = {"paths": ["title"]}


def test_an_unknown_rule_type_is_reported_once():
    """An unknown rule type in two places is one warning naming both; the known rules still run."""
    ruleset = {
        "//iati-activity": {"no_such_rule": {"cases": [{}]}, "atleast_one": {"cases": [TITLE]}},
        "//title": {"no_such_rule": {"cases": []}},
    }
    problems = run(ruleset, activity())
    assert codes(problems) == ["iati_rule_unknown", "iati_rule_failed"]
    unknown = problems[0]
    assert unknown.severity == "warning"
    assert unknown.values["ruleset_paths"] == [
        "//iati-activity.no_such_rule",
        "//title.no_such_rule",
    ]


@pytest.mark.parametrize(
    ("expression", "why"),
    [
        ("title[", "Invalid expression"),
        ("no-such-function(title)", "Unregistered function"),
        ("$x", "Undefined variable"),
    ],
)
def test_a_bad_xpath_is_a_problem(expression, why):
    """An XPath lxml cannot compile or evaluate is iati_rule_xpath_invalid; other cases run."""
    ruleset = {"//iati-activity": {"atleast_one": {"cases": [{"paths": [expression]}, TITLE]}}}
    problems = run(ruleset, activity())
    assert codes(problems) == ["iati_rule_xpath_invalid", "iati_rule_failed"]
    assert problems[0].path == "//iati-activity.atleast_one.cases[0].paths[0]"
    assert why in problems[0].message


def test_a_bad_context_or_loop_xpath_is_a_problem():
    """A broken context, and a loop XPath whose $1 is not in subs, are XPath problems."""
    ruleset = {
        "//iati-activity[": {"atleast_one": {"cases": [TITLE]}},
        "//iati-activity": {
            "loop": {
                "cases": [
                    {
                        "foreach": "sector/@vocabulary",
                        "do": {"atleast_one": {"cases": [{"paths": ["sector[@vocabulary = $1]"]}]}},
                        "subs": [],
                    }
                ]
            }
        },
    }
    problems = IatiRuleset.from_mapping(ruleset).problems
    assert [(p.code, p.path) for p in problems] == [
        ("iati_rule_xpath_invalid", "//iati-activity["),
        (
            "iati_rule_xpath_invalid",
            "//iati-activity.loop.cases[0].do.atleast_one.cases[0].paths[0]",
        ),
    ]


def test_a_context_that_selects_no_elements_is_reported_once():
    """A context XPath giving a number is reported once per check, not once per element."""
    ruleset = {"count(//iati-activity)": {"atleast_one": {"cases": [TITLE, TITLE]}}}
    assert codes(run(ruleset, activity())) == ["iati_rule_xpath_invalid"]


def test_a_path_that_selects_no_nodes_is_reported_once():
    """A case's path giving a number is reported once, however many activities there are."""
    ruleset = rule("atleast_one", {"paths": ["count(title)"]})
    problems = run(ruleset, activities("", ""))
    assert codes(problems) == ["iati_rule_xpath_invalid"]
    assert "must select elements or attributes (got 0.0)" in problems[0].message


@pytest.mark.parametrize(
    ("ruleset", "path", "message"),
    [
        ([], "", "a ruleset is a JSON object of contexts"),
        ({"//x": []}, "//x", "a context holds an object of rules"),
        ({"//x": {"atleast_one": []}}, "//x.atleast_one", 'a rule holds {"cases": [...]}'),
        (
            {"//x": {"atleast_one": {"cases": ["title"]}}},
            "//x.atleast_one.cases[0]",
            "a case is a JSON object",
        ),
        (
            {"//x": {"atleast_one": {"cases": [{}]}}},
            "//x.atleast_one.cases[0]",
            "'paths' is required",
        ),
        (
            {"//x": {"atleast_one": {"cases": [{"paths": [], "pahts": []}]}}},
            "//x.atleast_one.cases[0]",
            "'pahts' is not a key of atleast_one",
        ),
        (
            {"//x": {"startswith": {"cases": [{"paths": []}]}}},
            "//x.startswith.cases[0]",
            "'prefix' (or 'start') is required",
        ),
        (
            {"//x": {"atleast_one": {"cases": [{"paths": "title"}]}}},
            "//x.atleast_one.cases[0].paths",
            "Input should be a valid tuple",
        ),
        (
            {"//x": {"regex_matches": {"cases": [{"paths": [], "regex": "("}]}}},
            "//x.regex_matches.cases[0].regex",
            "not a regular expression",
        ),
        (
            {"//x": {"one_or_all": {"cases": [{"one": "a", "all": "everything"}]}}},
            "//x.one_or_all.cases[0].all",
            "Input should be",
        ),
        (
            {"//x": {"atleast_one": {"cases": [{"paths": [], "ruleInfo": {"severity": "fatal"}}]}}},
            "//x.atleast_one.cases[0].ruleInfo.severity",
            "Input should be",
        ),
        (
            {"//x": {"atleast_one": {"cases": [], "description": "?"}}},
            "//x.atleast_one.description",
            "not a key of a rule",
        ),
    ],
)
def test_a_broken_ruleset_is_a_problem_at_its_place(ruleset, path, message):
    """Each structural mistake is iati_ruleset_invalid at its place in the JSON."""
    problems = IatiRuleset.from_mapping(ruleset).problems
    assert [p.code for p in problems] == ["iati_ruleset_invalid"]
    assert problems[0].path == path
    assert message in problems[0].message


def test_a_nested_loop_is_unknown():
    """A loop inside a loop is no rule SPEC.rst defines."""
    inner = {"loop": {"cases": [{"foreach": "a", "do": {}}]}}
    problems = IatiRuleset.from_mapping(
        rule("loop", {"foreach": "sector/@vocabulary", "do": inner})
    ).problems
    assert codes(list(problems)) == ["iati_rule_unknown"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "the ruleset is not JSON (line 1, column 2"),
        (b'{"//a": {}, "//a": {}}', "the key '//a' appears twice"),
        (b"\xff{}", "not UTF-8"),
    ],
)
def test_an_unreadable_ruleset_file_is_a_problem(tmp_path, content, message):
    """A ruleset file that is not JSON (or repeats a key) is one problem; nothing is checked."""
    path = tmp_path / "rules.json"
    path.write_bytes(content)
    problems = check_iati_rules(activity().encode(), ruleset=path)
    assert codes(problems) == ["iati_ruleset_invalid"]
    assert message in problems[0].message


def test_a_missing_ruleset_file_is_a_problem(tmp_path):
    problems = check_iati_rules(activity().encode(), ruleset=tmp_path / "none.json")
    assert codes(problems) == ["iati_ruleset_invalid"]
    assert "cannot be read (no such file)" in problems[0].message


def test_a_ruleset_loads_once_and_checks_many_files(tmp_path):
    """Numbers with a fraction load as Decimal; one IatiRuleset checks several sources."""
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rule("strict_sum", {"paths": ["sector/@percentage"], "sum": 100.0})))
    ruleset = IatiRuleset.load(path)
    assert ruleset.cases[0].spec.sum == Decimal("100.0")
    assert ruleset.check(activity("<sector percentage='100'/>").encode()) == []
    assert codes(ruleset.check(activity("<sector percentage='99.99'/>").encode())) == [
        "iati_rule_failed"
    ]


# Inputs, the shape of a finding, and its order.


def test_sources(tmp_path):
    """A tree, an element, bytes and a path are checked alike; a bad file is the reader's problem."""
    ruleset = rule("atleast_one", TITLE)
    xml = activity()
    path = tmp_path / "a.xml"
    path.write_text(xml, encoding="utf-8")
    tree = etree.ElementTree(etree.fromstring(xml))
    for source in (tree, tree.getroot(), xml.encode(), path, str(path)):
        assert codes(check_iati_rules(source, ruleset=ruleset)) == ["iati_rule_failed"], source
    assert codes(check_iati_rules(tmp_path / "none.xml", ruleset=ruleset)) == ["input_unreadable"]
    unsafe = b'<!DOCTYPE a [<!ENTITY x "y">]><iati-activities/>'
    assert codes(check_iati_rules(unsafe, ruleset=ruleset)) == ["iati_xml_unsafe"]
    with pytest.raises(TypeError, match="lxml tree, a path or bytes"):
        check_iati_rules(42, ruleset=ruleset)


def test_a_finding_names_its_rule_place_and_activity():
    """Severity, rule id, message, link, line and identifier come from the ruleset and the file."""
    ruleset = {
        "/iati-activities/iati-activity/budget": {
            "time_limit": {
                "cases": [
                    {
                        "start": "period-start/@iso-date",
                        "end": "period-end/@iso-date",
                        "ruleInfo": {
                            "id": "7.5.3",
                            "severity": "critical",
                            "category": "financial",
                            "message": "Budget Period must not be longer than one year.",
                            "link": {
                                "path": "activity-standard/iati-activities/iati-activity/budget/"
                            },
                        },
                    }
                ]
            }
        }
    }
    xml = activity(
        "\n"
        + BUDGET.format("2019-01-01", "2019-12-31")
        + "\n"
        + BUDGET.format("2020-01-01", "2021-01-02")
    )
    (problem,) = check_iati_rules(xml.encode(), ruleset=ruleset)
    assert problem.code == "iati_rule_failed"
    assert problem.severity == "error"  # critical
    assert problem.path == "/iati-activities/iati-activity/budget[2]/period-end/@iso-date"
    assert problem.message == (
        "IATI rule 7.5.3 (time_limit): Budget Period must not be longer than one year. "
        "(got 2020-01-01 to 2021-01-02, 367 days apart)"
    )
    assert problem.value == 367
    assert problem.values == {
        "rule": "time_limit",
        "rule_id": "7.5.3",
        "category": "financial",
        "context": "/iati-activities/iati-activity/budget",
        "ruleset_path": "/iati-activities/iati-activity/budget.time_limit.cases[0]",
        "identifier": "XM-1",
        "line": 3,
        "link": GUIDANCE_BASE + "activity-standard/iati-activities/iati-activity/budget/",
    }
    assert problem.as_dict()["values"]["line"] == 3


def test_findings_come_activity_by_activity():
    """Findings are ordered by activity in the document, whatever the ruleset's order of contexts."""
    ruleset = {
        "//title": {"atleast_one": {"cases": [{"paths": ["narrative"]}]}},
        "//iati-activity": {"atleast_one": {"cases": [{"paths": ["description"]}]}},
    }
    two = (
        "<iati-activities><iati-activity><iati-identifier>A</iati-identifier><title/></iati-activity>"
        "<iati-activity><iati-identifier>B</iati-identifier><title/></iati-activity></iati-activities>"
    )
    problems = run(ruleset, two)
    assert [(p.values["identifier"], p.values["context"]) for p in problems] == [
        ("A", "//title"),
        ("A", "//iati-activity"),
        ("B", "//title"),
        ("B", "//iati-activity"),
    ]


def test_without_lxml_the_error_names_the_extra(monkeypatch):
    """Without lxml, loading a ruleset says which extra to install; importing the module works."""
    import sys

    from capacitylib import MissingExtraError

    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(MissingExtraError, match=r'pip install "capacitylib\[iati\]"'):
        IatiRuleset.from_mapping(rule("atleast_one", TITLE))
