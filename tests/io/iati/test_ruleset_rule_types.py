"""Each rule type of the IATI ruleset engine on small inline activities, and its properties."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capacitylib.io.iati import _rule_types
from capacitylib.io.iati._ruleset_spec import RULE_KEYS
from capacitylib.io.iati.ruleset import IatiRuleset, check_iati_rules
from capacitylib.testing import LANGUAGES, periods

from ._ruleset_helpers import BUDGET, NOW, activities, activity, codes, rule, run

etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

# Each rule type on small inline XML: (rule, case, activity body, passes).

PERCENTAGES = "".join(
    f"<recipient-country code='{c}' percentage='{{}}'/>" for c in ("AF", "AG", "AL")
)

UNIT_CASES: list[tuple[str, dict, str, bool]] = [
    ("atleast_one", {"paths": ["title"]}, "<title/>", True),
    ("atleast_one", {"paths": ["title"]}, "", False),
    ("atleast_one", {"paths": ["@ref", "narrative"]}, "", False),
    ("no_more_than_one", {"paths": ["title"]}, "<title/>", True),
    ("no_more_than_one", {"paths": ["title", "description"]}, "<title/><description/>", False),
    (
        "only_one_of",
        {"excluded": ["recipient-country"], "paths": ["transaction/recipient-country"]},
        "<recipient-country/>",
        True,
    ),
    (
        "only_one_of",
        {"excluded": ["recipient-country"], "paths": ["transaction/recipient-country"]},
        "<recipient-country/><transaction><recipient-country/></transaction>",
        False,
    ),
    (
        "only_one_of",
        {"excluded": ["recipient-country"], "paths": ["transaction/recipient-country"]},
        "<transaction><recipient-country/></transaction>",
        True,
    ),
    (
        "only_one_of",
        {"excluded": ["recipient-country"], "paths": ["transaction/recipient-country"]},
        "",
        False,
    ),
    (
        "one_or_all",
        {"one": "@xml:lang", "all": "lang"},
        "<title><narrative xml:lang='lt'>T</narrative></title>",
        True,
    ),
    (
        "one_or_all",
        {"one": "@xml:lang", "all": "lang"},
        "<title><narrative>T</narrative></title>",
        False,
    ),
    (
        "one_or_all",
        {"one": "recipient-country", "all": "recipient-country|recipient-region"},
        "<transaction><recipient-region/></transaction>",
        True,
    ),
    (
        "one_or_all",
        {"one": "recipient-country", "all": "recipient-country|recipient-region"},
        "<transaction/>",
        False,
    ),
    ("dependent", {"paths": ["title", "description"]}, "", True),
    ("dependent", {"paths": ["title", "description"]}, "<description/>", False),
    (
        "sum",
        {"paths": ["recipient-country/@percentage"], "sum": 100},
        PERCENTAGES.format("33.33", "33.33", "33.34"),
        True,
    ),
    ("sum", {"paths": ["recipient-country/@percentage"], "sum": 100}, "", True),
    (
        "sum",
        {"paths": ["recipient-country/@percentage"], "sum": 100},
        PERCENTAGES.format("33.33", "33.33", "33.33"),
        False,
    ),
    ("strict_sum", {"paths": ["recipient-country/@percentage"], "sum": 100}, "", False),
    (
        "strict_sum",
        {"paths": ["recipient-country/@percentage"], "sum": 100},
        PERCENTAGES.format("+50", "50.000", "0"),
        True,
    ),
    (
        "date_order",
        {"less": "budget/period-start/@iso-date", "more": "budget/period-end/@iso-date"},
        BUDGET.format("2020-01-01", "2020-01-01"),
        True,
    ),
    (
        "date_order",
        {"less": "budget/period-start/@iso-date", "more": "budget/period-end/@iso-date"},
        BUDGET.format("2020-01-02", "2020-01-01"),
        False,
    ),
    (
        "date_order",
        {"less": "budget/period-start/@iso-date", "more": "budget/period-end/@iso-date"},
        "<budget><period-start iso-date='2020-01-02'/></budget>",
        True,
    ),
    # Every less date is compared, not only the first: the second budget starts after the end.
    (
        "date_order",
        {"less": "budget/period-start/@iso-date", "more": "activity-date[@type='4']/@iso-date"},
        BUDGET.format("2020-01-01", "2020-02-01")
        + BUDGET.format("2021-01-01", "2021-02-01")
        + "<activity-date type='4' iso-date='2020-12-31'/>",
        False,
    ),
    (
        "date_order",
        {"less": "activity-date[@type='2']/@iso-date", "more": "NOW"},
        "<activity-date type='2' iso-date='2024-06-02'/>",
        True,
    ),  # already 2 June in Kiribati
    (
        "date_order",
        {"less": "activity-date[@type='2']/@iso-date", "more": "NOW"},
        "<activity-date type='2' iso-date='2024-06-03'/>",
        False,
    ),
    ("date_now", {"date": "@last-updated-datetime"}, "", True),
    (
        "time_limit",
        {"start": "budget/period-start/@iso-date", "end": "budget/period-end/@iso-date"},
        BUDGET.format("2024-01-01", "2024-12-31"),
        True,
    ),  # a leap year: 365 days apart
    (
        "time_limit",
        {"start": "budget/period-start/@iso-date", "end": "budget/period-end/@iso-date"},
        BUDGET.format("2019-01-01", "2020-01-01"),
        True,
    ),
    (
        "time_limit",
        {"start": "budget/period-start/@iso-date", "end": "budget/period-end/@iso-date"},
        BUDGET.format("2019-03-01", "2020-03-01"),
        False,
    ),  # 366 days
    (
        "time_limit",
        {"start": "budget/period-start/@iso-date", "end": "budget/period-end/@iso-date"},
        BUDGET.format("2019-01-01", "2019-12-31") + BUDGET.format("2020-01-01", "2021-06-30"),
        False,
    ),
    (
        "between_dates",
        {
            "date": "transaction/value/@value-date",
            "start": "budget/period-start/@iso-date",
            "end": "budget/period-end/@iso-date",
        },
        BUDGET.format("2020-01-01", "2020-12-31")
        + "<transaction><value value-date='2020-01-01'/></transaction><transaction><value value-date='2020-12-31'/></transaction>",
        True,
    ),
    (
        "between_dates",
        {
            "date": "transaction/value/@value-date",
            "start": "budget/period-start/@iso-date",
            "end": "budget/period-end/@iso-date",
        },
        BUDGET.format("2020-01-01", "2020-12-31")
        + "<transaction><value value-date='2020-06-01'/></transaction><transaction><value value-date='2021-01-01'/></transaction>",
        False,
    ),
    (
        "regex_matches",
        {"paths": ["reporting-org/@ref"], "regex": "^[^\\/\\&\\|\\?]+$"},
        "<reporting-org ref='LT-RC-1'/>",
        True,
    ),
    (
        "regex_matches",
        {"paths": ["reporting-org/@ref"], "regex": "^[^\\/\\&\\|\\?]+$"},
        "<reporting-org ref='LT/RC'/>",
        False,
    ),
    (
        "regex_matches",
        {"paths": ["reporting-org/@ref"], "regex": "^[^\\/\\&\\|\\?]+$"},
        "<reporting-org ref=''/>",
        True,
    ),  # empty: not judged
    (
        "regex_no_matches",
        {"paths": ["reporting-org/@ref"], "regex": "[?]"},
        "<reporting-org ref='A'/>",
        True,
    ),
    (
        "regex_no_matches",
        {"paths": ["reporting-org/@ref"], "regex": "[?]"},
        "<reporting-org ref='A?'/>",
        False,
    ),
    (
        "startswith",
        {
            "prefix": ["reporting-org/@ref", "other-identifier[@type='B1']/@ref"],
            "separator": "-",
            "paths": ["iati-identifier"],
        },
        "<reporting-org ref='XM'/>",
        True,
    ),
    (
        "startswith",
        {
            "prefix": ["reporting-org/@ref", "other-identifier[@type='B1']/@ref"],
            "separator": "-",
            "paths": ["iati-identifier"],
        },
        "<reporting-org ref='LT-RC-1'/><other-identifier type='B1' ref='XM'/>",
        True,
    ),
    (
        "startswith",
        {"prefix": ["reporting-org/@ref"], "separator": "-", "paths": ["iati-identifier"]},
        "<reporting-org ref='XM-1'/>",
        False,
    ),  # XM-1 but no hyphen after it
    (
        "startswith",
        {"prefix": ["reporting-org/@ref"], "paths": ["iati-identifier"]},
        "",
        False,
    ),  # no prefix at all
    (
        "unique",
        {"paths": ["reporting-org/@ref", "iati-identifier"]},
        "<reporting-org ref='XM'/>",
        True,
    ),
    (
        "unique",
        {"paths": ["reporting-org/@ref", "iati-identifier"]},
        "<reporting-org ref='XM-1'/>",
        False,
    ),
    (
        "if_then",
        {
            "if": "count(recipient-country) = 1",
            "then": "not(recipient-country/@percentage) or recipient-country/@percentage = 100",
            "paths": ["recipient-country"],
        },
        "<recipient-country code='AF'/>",
        True,
    ),
    (
        "if_then",
        {
            "if": "count(recipient-country) = 1",
            "then": "not(recipient-country/@percentage) or recipient-country/@percentage = 100",
        },
        "<recipient-country code='AF' percentage='99'/>",
        False,
    ),
    # An empty node-set is false (the Validator's JavaScript took an empty array for true).
    (
        "if_then",
        {"if": "not(recipient-country)", "then": "transaction[recipient-country]"},
        "<transaction/>",
        False,
    ),
    (
        "range",
        {"paths": ["sector/@percentage"], "min": Decimal("0.0"), "max": Decimal("100.0")},
        "<sector percentage='100.0'/><sector percentage='-0'/>",
        True,
    ),
    (
        "range",
        {"paths": ["sector/@percentage"], "min": Decimal("0.0"), "max": Decimal("100.0")},
        "<sector percentage='100.01'/>",
        False,
    ),
    ("range", {"paths": ["sector/@percentage"], "min": 0}, "<sector percentage='1000'/>", True),
    (
        "no_spaces",
        {"paths": ["iati-identifier", "reporting-org/@ref"]},
        "<reporting-org ref='XM'/>",
        True,
    ),
    ("no_spaces", {"paths": ["reporting-org/@ref"]}, "<reporting-org ref='XM\n'/>", False),
    (
        "loop",
        {
            "foreach": "sector/@vocabulary",
            "do": {
                "strict_sum": {
                    "cases": [{"paths": ["sector[@vocabulary = '$1']/@percentage"], "sum": 100}]
                }
            },
            "subs": ["paths"],
        },
        "<sector vocabulary='2' percentage='60'/><sector vocabulary='2' percentage='40'/><sector vocabulary='99' percentage='100'/>",
        True,
    ),
    (
        "loop",
        {
            "foreach": "sector/@vocabulary",
            "do": {"no_more_than_one": {"cases": [{"paths": ['sector[@vocabulary = "$1"]']}]}},
            "subs": ["paths"],
        },
        "<sector vocabulary='2'/><sector vocabulary='3'/><sector vocabulary='3'/>",
        False,
    ),
]


@pytest.mark.parametrize(
    ("name", "case", "body", "passes"),
    UNIT_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(UNIT_CASES)],
)
def test_rule_type(name, case, body, passes):
    """Each rule type passes and fails the small activities its definition says it does."""
    problems = run(rule(name, case), activity(body))
    if passes:
        assert problems == []
    else:
        reported = next(iter(case["do"])) if name == "loop" else name  # a loop's inner rule
        assert problems
        assert {(p.code, p.values["rule"], p.values["identifier"]) for p in problems} == {
            ("iati_rule_failed", reported, "XM-1")
        }


def test_every_rule_type_has_unit_cases():
    """The unit table passes and fails every rule type SPEC.rst defines."""
    tried = {(name, passes) for name, _, _, passes in UNIT_CASES}
    everything = set(RULE_KEYS) - {"date_now"}  # date_now: see the tests below
    assert {name for name, _ in tried} >= everything
    assert all((name, True) in tried and (name, False) in tried for name in everything)


@pytest.mark.parametrize(
    ("stamp", "passes"),
    [
        ("2024-06-02T01:59:59", True),  # no zone: it is already this late in Kiribati (UTC+14)
        ("2024-06-02T02:00:01", False),
        ("2024-06-01T12:00:00Z", True),
        ("2024-06-01T12:00:01Z", False),
        ("2024-06-01T13:30:00+01:00", False),
        ("2024-06-01T13:00:00+01:00", True),
        ("2024-06-02", True),
        ("2024-06-03", False),
    ],
)
def test_date_now(stamp, passes):
    """date_now judges a time with a zone exactly, and one without as late as anywhere on Earth."""
    problems = run(
        rule("date_now", {"date": "@last-updated-datetime"}),
        activity("", f" last-updated-datetime='{stamp}'"),
    )
    assert (problems == []) is passes


def test_a_naive_now_means_utc():
    """A naive ``now`` is taken as UTC."""
    ruleset = rule("date_now", {"date": "@last-updated-datetime"})
    tree = etree.fromstring(activity("", " last-updated-datetime='2024-06-01T12:00:01Z'"))
    assert check_iati_rules(tree, ruleset=ruleset, now=datetime(2024, 6, 1, 12, 0, 1)) == []
    assert check_iati_rules(tree, ruleset=ruleset, now=datetime(2024, 6, 1, 12, 0, 0))


def test_condition_and_camel_case_names():
    """A false condition skips the case; camelCase rule names (the Validator's) are the same rules."""
    case = {"paths": ["activity-date[@type='4']"], "condition": "activity-status/@code = 3"}
    assert run(rule("atLeastOne", case), activity("<activity-status code='2'/>")) == []
    assert codes(run(rule("atLeastOne", case), activity("<activity-status code='3'/>"))) == [
        "iati_rule_failed"
    ]


def test_id_condition_skips_registered_identifiers():
    """NOT_EXISTING_ORG_ID: a registered identifier is not judged; with none given, all are."""
    case = {
        "idCondition": "NOT_EXISTING_ORG_ID",
        "regex": "^[^\\/]+$",
        "paths": ["reporting-org/@ref"],
    }
    xml = activity("<reporting-org ref='XM/OLD'/>")
    assert codes(run(rule("regex_matches", case), xml)) == ["iati_rule_failed"]
    assert run(rule("regex_matches", case), xml, org_ids={"XM/OLD"}) == []
    prefixed = {**case, "idCondition": "NOT_EXISTING_ORG_ID_PREFIX"}
    assert (
        run(
            rule("regex_matches", prefixed),
            activity("<reporting-org ref='XM/OLD-1'/>"),
            org_ids={"XM/OLD"},
        )
        == []
    )


def test_org_id_prefix_needs_the_agency_codes():
    """startswith ORG-ID-PREFIX: an identifier starts with an agency code; without codes, one info."""
    case = {
        "prefix": ["ORG-ID-PREFIX"],
        "paths": ["participating-org/@ref"],
        "ruleInfo": {"id": "1.14.8", "severity": "warning"},
    }
    body = "<participating-org ref='GB-COH-123'/><participating-org ref='GB-COH'/><participating-org ref='GB-COHX-1'/>"
    xml = activities(body, body)
    problems = run(rule("startswith", case), xml, org_id_prefixes={"GB-COH", "LT-RC"})
    assert [(p.path, p.severity) for p in problems] == [
        ("/iati-activities/iati-activity[1]/participating-org[3]/@ref", "warning"),
        ("/iati-activities/iati-activity[2]/participating-org[3]/@ref", "warning"),
    ]
    skipped = run(rule("startswith", case), xml)
    assert codes(skipped) == ["iati_rule_skipped"]  # once, not once per activity
    assert skipped[0].severity == "info"


def test_unreadable_values_are_reported_not_judged():
    """A number or date a rule cannot read is iati_rule_value_invalid, at the value's path."""
    sums = run(
        rule("strict_sum", {"paths": ["sector/@percentage"], "sum": 100}),
        activity("<sector percentage='fifty'/>"),
    )
    assert [(p.code, p.path, p.value) for p in sums] == [
        ("iati_rule_value_invalid", "/iati-activities/iati-activity/sector/@percentage", "fifty")
    ]
    dates = run(
        rule(
            "time_limit",
            {"start": "budget/period-start/@iso-date", "end": "budget/period-end/@iso-date"},
        ),
        activity(BUDGET.format("2019-02-30", "2019-12-31")),
    )
    assert codes(dates) == ["iati_rule_value_invalid"]
    assert "'2019-02-30' is not a date" in dates[0].message
    for text in ("NaN", "1e2", "Infinity", "1_000"):
        ranged = run(
            rule("range", {"paths": ["sector/@percentage"], "max": 100}),
            activity(f"<sector percentage='{text}'/>"),
        )
        assert codes(ranged) == ["iati_rule_value_invalid"], text


def test_a_loop_value_with_a_quote_is_reported():
    """A foreach value holding a quote cannot go into the XPath safely: reported, not guessed."""
    case = {
        "foreach": "sector/@vocabulary",
        "do": {"atleast_one": {"cases": [{"paths": ["sector[@vocabulary = '$1']/@percentage"]}]}},
        "subs": ["paths"],
    }
    problems = run(rule("loop", case), activity('<sector vocabulary="x\'y"/>'))
    assert [(p.code, p.values["loop_value"]) for p in problems] == [
        ("iati_rule_value_invalid", "x'y")
    ]


# Properties.

UNIQUE = IatiRuleset.from_mapping(rule("unique", {"paths": ["title/@xml:lang"]}))
PERIOD_RULES = IatiRuleset.from_mapping(
    {
        "//budget": {
            "date_order": {
                "cases": [{"less": "period-start/@iso-date", "more": "period-end/@iso-date"}]
            },
            "time_limit": {
                "cases": [{"start": "period-start/@iso-date", "end": "period-end/@iso-date"}]
            },
        }
    }
)
HUNDRED = IatiRuleset.from_mapping(
    rule("strict_sum", {"paths": ["sector/@percentage"], "sum": 100})
)


@given(st.lists(st.sampled_from(LANGUAGES), max_size=6))
def test_unique_fails_exactly_when_a_value_repeats(languages):
    """unique fails iff a title language appears twice, and names each repeated one."""
    body = "".join(f"<title xml:lang='{lang}'/>" for lang in languages)
    problems = UNIQUE.check(activity(body).encode())
    repeated = sorted({lang for lang in languages if languages.count(lang) > 1})
    assert bool(problems) is bool(repeated)
    if repeated:
        assert problems[0].value == repeated


@given(periods(open_end=False, max_days=800), st.booleans())
def test_date_order_and_time_limit_follow_the_calendar(period, swap):
    """A budget period passes date_order iff it does not end before it starts, time_limit iff
    it is at most 365 days from start to end."""
    start, end = (period.end, period.start) if swap else (period.start, period.end)
    problems = PERIOD_RULES.check(activity(BUDGET.format(start, end)).encode())
    rules = [p.values["rule"] for p in problems]
    assert ("date_order" in rules) is (start > end)
    assert ("time_limit" in rules) is ((end - start).days > 365)


@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=5))
def test_strict_sum_is_exact(shares):
    """strict_sum passes iff the percentages add up to exactly 100 (Decimal, no rounding)."""
    body = "".join(f"<sector percentage='{share}'/>" for share in shares)
    problems = HUNDRED.check(activity(body).encode())
    assert (problems == []) is (sum(shares) == 100)


def test_dates_are_whole_days():
    """The date part of a dateTime is its day; a month of 13 is no date."""
    assert _rule_types.parse_date("2024-02-29T23:59:59+05:00") == date(2024, 2, 29)
    assert _rule_types.parse_date("2024-13-01") is None
    assert _rule_types.later_than_now("2024-06-01", NOW + timedelta(days=-1)) is False


def test_a_loop_value_with_a_backslash_is_plain_text():
    """A foreach value such as ``a\\1`` goes into the XPath as it is (found by a property test)."""
    case = {
        "foreach": "sector/@vocabulary",
        "do": {
            "strict_sum": {
                "cases": [{"paths": ["sector[@vocabulary = '$1']/@percentage"], "sum": 100}]
            }
        },
        "subs": ["paths"],
    }
    body = "<sector vocabulary='a\\1' percentage='60'/><sector vocabulary='a\\1' percentage='30'/>"
    (problem,) = run(rule("loop", case), activity(body))
    assert problem.values["loop_value"] == "a\\1"
    assert "got 90 = 60 + 30" in problem.message
