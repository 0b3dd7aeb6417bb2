"""IATI 2.03 export: schema-valid files, the IATI rules, and every lossy conversion reported."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib import MissingExtraError, Programme
from capacitylib.io.iati.export import (
    IatiExport,
    IatiExportError,
    IatiSector,
    ReportingOrganisation,
    to_iati_xml,
    write_iati,
)
from capacitylib.rules.catalogue import DATASET_CODES
from capacitylib.testing import extreme_programme_documents, programmes, rich_programme_documents

etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

EXAMPLES = capacitylib.load_examples()
GENERATED = datetime(2025, 6, 30, 12, 0, tzinfo=UTC)
ESFA = ReportingOrganisation(
    ref="LT-RC-188681153", type="10", name={"lt": "Europos socialinio fondo agentūra"}
)


def export(programmes: list[Programme], **options: Any) -> tuple[Any, IatiExport]:
    """The export of ``programmes`` (generated on GENERATED) and its parsed root."""
    result = to_iati_xml(programmes, generated=GENERATED, **options)
    return etree.fromstring(result.xml), result


def programme(**fields: Any) -> Programme:
    """A small programme with the given fields over a default one."""
    data: dict[str, Any] = {
        "id": "p-1",
        "code": "07-003-P-0001",
        "title": {"lt": "Projektas", "en": "Project"},
        "country": "LT",
        "periods": [{"start": "2022-01-01", "end": "2022-12-31", "status": "planned"}],
        "organisations": [
            {
                "id": "esfa",
                "name": {"lt": "Agentūra"},
                "kind": "state_agency",
                "identifiers": [{"scheme": "LT-JAR", "value": "188681153"}],
            }
        ],
        "partners": [{"organisation": "esfa", "role": "lead_implementer"}],
    }
    data.update(fields)
    return Programme.model_validate(data)


def findings(result: IatiExport, code: str) -> list[Any]:
    """The findings of ``code``."""
    return [p for p in result.problems if p.code == code]


def assert_valid(schema: Any, root: Any) -> None:
    """``root`` validates against the IATI 2.03 activity schema (errors shown otherwise)."""
    if not schema.validate(root):
        errors = [f"{e.line}: {e.message}" for e in list(schema.error_log)[:10]]
        raise AssertionError("\n".join(errors))


# --- the bundled examples -----------------------------------------------------------------


def test_every_example_exports_to_a_schema_valid_file(activity_schema: Any) -> None:
    """The six bundled examples give one schema-valid activity each."""
    root, result = export(EXAMPLES)
    assert_valid(activity_schema, root)
    assert result.activities == len(EXAMPLES) == len(root.findall("iati-activity")) == 6
    assert root.get("version") == "2.03"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.id for p in EXAMPLES])
def test_each_example_exports_alone_with_a_reporting_organisation(
    activity_schema: Any, example: Programme
) -> None:
    """Each example alone, with a reporting organisation given, is a schema-valid file."""
    root, result = export([example], reporting_org=ESFA)
    assert_valid(activity_schema, root)
    identifier = root.findtext("iati-activity/iati-identifier")
    assert identifier.startswith("LT-RC-188681153-")
    assert root.find("iati-activity/reporting-org").get("ref") == "LT-RC-188681153"
    assert not findings(result, "iati_export_identifier_duplicate")


def test_the_examples_pass_every_error_level_iati_rule(iati_dir: Path) -> None:
    """The IATI Standard ruleset finds no error in the examples' export."""
    ruleset = pytest.importorskip("capacitylib.io.iati.ruleset")
    _root, result = export(EXAMPLES, reporting_org=ESFA)
    found = ruleset.check_iati_rules(
        result.xml,
        ruleset=iati_dir / "rulesets" / "standard.json",
        now=GENERATED,
    )
    errors = [f"{p.path}: {p.message}" for p in found if p.severity == "error"]
    assert not errors, errors


def test_every_finding_is_catalogued_and_names_its_programme() -> None:
    """Every finding's code is in the catalogue, with its severity, and names the programme."""
    _root, result = export(EXAMPLES)
    ids = {p.id for p in EXAMPLES}
    assert result.problems
    for problem in result.problems:
        assert problem.code in DATASET_CODES
        assert problem.severity == DATASET_CODES[problem.code].severity
        assert problem.values["programme"] in ids


def test_an_example_without_any_date_is_reported_incomplete() -> None:
    """A programme with no dated record gets a marked placeholder start and an error finding."""
    undated = next(p for p in EXAMPLES if p.id == "lt-institutional-care-transition")
    root, result = export([undated], reporting_org=ESFA)
    (date_element,) = root.findall("iati-activity/activity-date")
    assert date_element.get("type") == "1"
    assert date_element.get("iso-date") == GENERATED.date().isoformat()
    assert "placeholder" in date_element.findtext("narrative")
    assert [p.path for p in findings(result, "iati_export_incomplete")] == ["periods"]
    assert not result.ok


# --- generated programmes -----------------------------------------------------------------


@pytest.fixture(scope="session")
def optional_schema(request: pytest.FixtureRequest) -> Any:
    """The activity schema, or None where the IATI material is absent (the rest still runs)."""
    try:
        return request.getfixturevalue("activity_schema")
    except pytest.skip.Exception:
        return None


def _check_export(schema: Any, items: list[Programme]) -> None:
    result = to_iati_xml(items, generated=GENERATED)
    root = etree.fromstring(result.xml)
    if schema is not None:
        assert_valid(schema, root)
    assert len(root.findall("iati-activity")) == len(items)
    for problem in result.problems:
        assert problem.code in DATASET_CODES, problem
    for activity, item in zip(root.findall("iati-activity"), items, strict=True):
        _check_budget(activity, item)


def _check_budget(activity: Any, item: Programme) -> None:
    """Budgets cover at most a year each and add up to the stated total exactly."""
    budgets = activity.findall("budget")
    if not budgets:
        return
    assert item.budget is not None
    values = [Decimal(b.findtext("value")) for b in budgets]
    total = item.budget.total
    if total is not None:
        with localcontext() as exact:
            exact.prec = 10_000  # amounts of any length add up exactly
            assert sum(values) == total.amount
    for b in budgets:
        start = date.fromisoformat(b.find("period-start").get("iso-date"))
        end = date.fromisoformat(b.find("period-end").get("iso-date"))
        assert start <= end
        assert (end - start).days <= 365


_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


# Activities are not exported (docs/iati.md), so the generated ones have none: drawing them is
# most of the cost. The rich and extreme strategies below draw activities too.
@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=_SLOW)
@given(st.lists(programmes(max_activities=0), min_size=2, max_size=6))
def test_generated_programmes_export_to_schema_valid_files(
    optional_schema: Any, items: list[Programme]
) -> None:
    """Any list of valid programmes exports to a schema-valid file with exact budget splits."""
    _check_export(optional_schema, items)


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=_SLOW)
@given(rich_programme_documents())
def test_programmes_with_every_field_export_to_schema_valid_files(
    optional_schema: Any, document: dict[str, Any]
) -> None:
    """Programmes that fill every field, with hard text and figures, export schema-valid."""
    _check_export(optional_schema, [Programme.model_validate(document)])


@settings(max_examples=10, deadline=None, suppress_health_check=_SLOW)
@given(extreme_programme_documents())
def test_programmes_at_the_edges_export_to_schema_valid_files(
    optional_schema: Any, document: dict[str, Any]
) -> None:
    """Figures and dates at the edges of what the models accept still export schema-valid."""
    _check_export(optional_schema, [Programme.model_validate(document)])


# --- identifiers and organisations --------------------------------------------------------


def test_the_identifier_is_the_reporting_organisation_and_the_code() -> None:
    """By default the iati-identifier is the reporting org's identifier, a hyphen and the code."""
    root, _result = export([programme()], reporting_org=ESFA)
    assert root.findtext("iati-activity/iati-identifier") == "LT-RC-188681153-07-003-P-0001"


def test_without_a_reporting_organisation_the_lead_implementer_reports() -> None:
    """The lead implementer with a known identifier scheme reports, as a derived finding."""
    root, result = export([programme()])
    reporting = root.find("iati-activity/reporting-org")
    assert (reporting.get("ref"), reporting.get("type")) == ("LT-RC-188681153", "10")
    assert root.findtext("iati-activity/iati-identifier") == "LT-RC-188681153-07-003-P-0001"
    assert any(p.path == "organisations[0]" for p in findings(result, "iati_export_derived"))


def test_identifiers_can_be_supplied_per_programme() -> None:
    """A mapping or a function supplies the iati-identifier; the code is kept as A9."""
    item = programme()
    for supplied in ({"p-1": "XM-DAC-7-1"}, lambda p: "XM-DAC-7-1"):
        root, _result = export([item], reporting_org=ESFA, identifier=supplied)
        assert root.findtext("iati-activity/iati-identifier") == "XM-DAC-7-1"
        others = {o.get("type"): o.get("ref") for o in root.iter("other-identifier")}
        assert others == {"A1": "p-1", "A9": "07-003-P-0001"}


def test_slashes_in_a_code_become_hyphens_in_the_identifier() -> None:
    """IATI rule 1.3.13: '/' is written '-' in the identifier; the code stays as A9."""
    root, result = export([programme(code="9.2.1.1/15/I/001")], reporting_org=ESFA)
    assert root.findtext("iati-activity/iati-identifier") == "LT-RC-188681153-9.2.1.1-15-I-001"
    assert root.find("iati-activity/other-identifier[@type='A9']").get("ref") == "9.2.1.1/15/I/001"
    assert [p.path for p in findings(result, "iati_export_derived") if "1.3.13" in p.message] == [
        "code"
    ]


def test_two_programmes_with_one_identifier_are_an_error() -> None:
    """A repeated iati-identifier is an error finding on the second programme."""
    _root, result = export([programme(), programme(id="p-2")], reporting_org=ESFA)
    (duplicate,) = findings(result, "iati_export_identifier_duplicate")
    assert duplicate.values["programme"] == "p-2"
    assert duplicate.severity == "error"


@pytest.mark.parametrize(
    ("scheme", "value", "country", "ref"),
    [
        ("LT-JAR", "302589307", "LT", "LT-RC-302589307"),
        ("LV-RN", "40008000001", "LV", "LV-RE-40008000001"),
        ("CZ-ICO", "72496991", "CZ", "CZ-ICO-72496991"),
        ("PL-KRS", "0000123456", "PL", "PL-KRS-0000123456"),
        ("VAT", "100001234", "LT", "LT-PVM-100001234"),
    ],
)
def test_known_schemes_give_org_id_guide_references(
    scheme: str, value: str, country: str, ref: str
) -> None:
    """An identifier in a known scheme is the participating organisation's ref."""
    org = {
        "id": "esfa",
        "name": {"en": "Org"},
        "kind": "ngo",
        "country": country,
        "identifiers": [{"scheme": scheme, "value": value}],
    }
    root, result = export([programme(organisations=[org])], reporting_org=ESFA)
    assert root.find("iati-activity/participating-org").get("ref") == ref
    assert not findings(result, "iati_export_identifier_unmapped")


def test_an_unknown_scheme_is_a_warning_not_a_failure() -> None:
    """An identifier in an unknown scheme is left out with a warning; the name stays."""
    org = {
        "id": "esfa",
        "name": {"en": "Org"},
        "kind": "ngo",
        "identifiers": [{"scheme": "XX-LOCAL", "value": "17"}],
    }
    root, result = export([programme(organisations=[org])], reporting_org=ESFA)
    participant = root.find("iati-activity/participating-org")
    assert participant.get("ref") is None
    assert participant.findtext("narrative") == "Org"
    (unmapped,) = findings(result, "iati_export_identifier_unmapped")
    assert (unmapped.path, unmapped.severity) == (
        "organisations[0].identifiers[0].scheme",
        "warning",
    )


def test_partners_and_funders_are_participating_organisations() -> None:
    """Partners keep their IATI roles; each funding source is a funder (role 1)."""
    item = programme(
        organisations=[
            {"id": "lead", "name": {"en": "Lead"}, "kind": "ngo"},
            {"id": "mun", "name": {"en": "Town"}, "kind": "municipality"},
        ],
        partners=[
            {"organisation": "lead", "role": "lead_implementer"},
            {"organisation": "mun", "role": "funder"},
        ],
        budget={
            "total": {"amount": "100.00", "currency": "EUR"},
            "sources": [
                {"kind": "eu_fund", "instrument": "esf_plus", "share": "0.85"},
                {"kind": "own_contribution_cash", "share": "0.15"},
            ],
        },
    )
    root, result = export([item], reporting_org=ESFA)
    roles = [(p.get("role"), p.findtext("narrative")) for p in root.iter("participating-org")]
    assert roles == [
        ("4", "Lead"),
        ("1", "Town"),
        ("1", "European Social Fund Plus"),
        ("1", "Lead"),
    ]
    assert "85 %" in root.findtext("iati-activity/description[@type='4']/narrative")
    assert any(p.path == "budget.sources[0].share" for p in findings(result, "iati_export_lossy"))


def test_roles_iati_cannot_tell_apart_are_reported_once_per_role() -> None:
    """Two contractors written as Implementing make one lossy finding naming both paths."""
    orgs = [{"id": f"o{i}", "name": {"en": f"O{i}"}, "kind": "company"} for i in range(3)]
    partners = [
        {"organisation": "o0", "role": "lead_implementer"},
        {"organisation": "o1", "role": "contractor"},
        {"organisation": "o2", "role": "contractor"},
    ]
    _root, result = export([programme(organisations=orgs, partners=partners)], reporting_org=ESFA)
    contractor = [p for p in findings(result, "iati_export_lossy") if "'contractor'" in p.message]
    assert len(contractor) == 1
    assert contractor[0].values["paths"] == ["partners[1].role", "partners[2].role"]


# --- dates and status ---------------------------------------------------------------------


def test_month_precision_dates_are_first_and_last_days_with_a_narrative() -> None:
    """A period known to the month is written from its first to its last day, and reported."""
    root, result = export([programme(periods=[{"start": "2021-03", "end": "2023-06"}])])
    dates = {d.get("type"): d for d in root.iter("activity-date")}
    assert dates["1"].get("iso-date") == "2021-03-01"
    assert dates["3"].get("iso-date") == "2023-06-30"
    assert "to the month" in dates["1"].findtext("narrative")
    lossy = {p.path for p in findings(result, "iati_export_lossy")}
    assert {"periods[0].start", "periods[0].end"} <= lossy


def test_planned_and_actual_periods_give_the_four_date_types() -> None:
    """Planned and actual versions give planned and actual start and end dates."""
    periods = [
        {"start": "2020-01-01", "end": "2021-12-31", "status": "planned"},
        {"start": "2020-02-01", "end": "2022-03-31", "status": "actual"},
    ]
    root, _result = export([programme(periods=periods)])
    dates = {d.get("type"): d.get("iso-date") for d in root.iter("activity-date")}
    assert dates == {"1": "2020-01-01", "2": "2020-02-01", "3": "2021-12-31", "4": "2022-03-31"}


def test_an_actual_end_in_the_future_is_written_as_planned() -> None:
    """IATI rule 11.1.5: an actual end after the generation day is the planned end."""
    future = (GENERATED.date() + timedelta(days=30)).isoformat()
    root, result = export(
        [programme(periods=[{"start": "2024-01-01", "end": future, "status": "actual"}])]
    )
    dates = {d.get("type"): d.get("iso-date") for d in root.iter("activity-date")}
    assert dates == {"2": "2024-01-01", "3": future}
    assert any(p.path == "periods[0].end" for p in findings(result, "iati_export_lossy"))


def test_status_is_mapped_or_derived() -> None:
    """A stated status maps to its IATI code; without one it is derived from the dates."""
    root, _result = export([programme(status="in_implementation")])
    assert root.find("iati-activity/activity-status").get("code") == "2"
    root, result = export([programme()])  # planned 2022, generated 2025: finalisation
    assert root.find("iati-activity/activity-status").get("code") == "3"
    assert any(p.path == "status" for p in findings(result, "iati_export_derived"))


# --- budgets ------------------------------------------------------------------------------


def test_a_multi_year_budget_is_apportioned_by_days_into_calendar_years() -> None:
    """A budget over 2022-12-08..2024-03-31 is three indicative budgets summing to the total."""
    item = programme(
        periods=[{"start": "2022-12-08", "end": "2024-03-31"}],
        budget={"total": {"amount": "100000.00", "currency": "EUR"}},
    )
    root, result = export([item])
    budgets = root.findall("iati-activity/budget")
    spans = [
        (b.find("period-start").get("iso-date"), b.find("period-end").get("iso-date"))
        for b in budgets
    ]
    assert spans == [
        ("2022-12-08", "2022-12-31"),
        ("2023-01-01", "2023-12-31"),
        ("2024-01-01", "2024-03-31"),
    ]
    values = [Decimal(b.findtext("value")) for b in budgets]
    assert sum(values) == Decimal("100000.00")
    days = [24, 365, 91]
    for value, n in zip(values, days, strict=True):
        assert abs(value - Decimal("100000.00") * n / sum(days)) < Decimal("0.01")
    assert {b.get("status") for b in budgets} == {"1"}
    assert {b.find("value").get("currency") for b in budgets} == {"EUR"}
    assert any(p.path == "budget.total" for p in findings(result, "iati_export_derived"))


def test_a_budget_of_a_year_or_less_is_written_as_stated() -> None:
    """A budget over one year is one budget with the stated total and no derived status."""
    item = programme(budget={"total": {"amount": "5000.50", "currency": "CZK"}})
    root, _result = export([item])
    (budget,) = root.findall("iati-activity/budget")
    assert budget.findtext("value") == "5000.50"
    assert budget.get("status") is None
    assert root.find("iati-activity").get("default-currency") == "CZK"


def test_a_budget_without_a_known_period_is_reported_not_written() -> None:
    """No period known at both ends: no budget element, and a lossy finding naming the total."""
    item = programme(
        periods=[{"start": "2022-01-01"}], budget={"total": {"amount": "1", "currency": "EUR"}}
    )
    root, result = export([item])
    assert root.find("iati-activity/budget") is None
    assert any(p.path == "budget.total" for p in findings(result, "iati_export_lossy"))


def test_funding_with_a_past_approval_day_is_an_incoming_commitment() -> None:
    """Each funding source with an amount is a transaction 11 dated on the approval day."""
    item = programme(
        approved_on="2021-12-15",
        budget={
            "total": {"amount": "100.00", "currency": "EUR"},
            "sources": [
                {
                    "kind": "eu_fund",
                    "instrument": "esf",
                    "amount": {"amount": "100.00", "currency": "EUR"},
                }
            ],
        },
    )
    root, _result = export([item])
    (transaction,) = root.findall("iati-activity/transaction")
    assert transaction.find("transaction-type").get("code") == "11"
    assert transaction.find("transaction-date").get("iso-date") == "2021-12-15"
    assert transaction.findtext("value") == "100.00"
    assert transaction.findtext("provider-org/narrative") == "European Social Fund"


# --- what IATI cannot say -----------------------------------------------------------------


def _indicator(**fields: Any) -> dict[str, Any]:
    return {"id": "i", "kind": "output", "name": {"en": "Trained"}, "unit": "persons"} | fields


@pytest.mark.parametrize(
    ("target", "value", "words"),
    [
        ({"min": 88, "max": 100}, "88", "88-100 (a range)"),
        ({"min": 30, "at_least": True}, "30", "at least 30 (no upper bound)"),
        ({"max": 200, "up_to": True}, "200", "up to 200 (an upper bound only)"),
        ({"min": 14, "approximate": True}, "14", "cca 14 (approximate)"),
    ],
)
def test_figures_iati_cannot_hold_write_a_value_and_state_the_figure(
    target: dict[str, Any], value: str, words: str
) -> None:
    """A range, an open bound or an approximate target: a value, a comment, a lossy finding."""
    item = programme(indicators=[_indicator(target=target, target_date="2022-06")])
    root, result = export([item])
    written = root.find("iati-activity/result/indicator/period/target")
    assert written.get("value") == value
    assert words in written.findtext("comment/narrative")
    paths = {p.path for p in findings(result, "iati_export_lossy")}
    assert "indicators[0].target" in paths
    assert "indicators[0].target_date" in paths  # 2022-06: the last day of June


def test_an_exact_target_is_exact() -> None:
    """An exact target is its value, with no comment and no lossy finding about it."""
    item = programme(indicators=[_indicator(target=14, target_date="2022-12-31", baseline=0)])
    root, result = export([item])
    result_element = root.find("iati-activity/result")
    assert result_element.get("type") == "1"
    indicator = result_element.find("indicator")
    assert indicator.get("measure") == "1"
    period = indicator.find("period")
    assert period.find("period-start").get("iso-date") == "2022-01-01"
    assert period.find("period-end").get("iso-date") == "2022-12-31"
    assert period.find("target").get("value") == "14"
    assert period.find("target/comment") is None
    assert indicator.find("baseline").get("year") == "2022"
    assert not [p for p in findings(result, "iati_export_lossy") if p.path.startswith("indicators")]


def test_control_characters_are_replaced_and_reported() -> None:
    """Text XML cannot hold is written with U+FFFD and reported, never a crash."""
    root, result = export([programme(title={"en": "Bad\x01title"})])
    assert root.findtext("iati-activity/title/narrative") == "Bad\ufffdtitle"
    assert any(p.path == "title.en" for p in findings(result, "iati_export_lossy"))


def test_language_tags_iati_does_not_list_are_reported() -> None:
    """pt-BR is written pt (lossy); a three-letter tag is written as stated (not on codelist)."""
    root, result = export([programme(title={"pt-BR": "Projeto", "ltg": "Projekts"})])
    langs = [n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in root.iter("narrative")]
    assert {"pt", "ltg"} <= set(langs)
    assert any(p.path == "title.pt-BR" for p in findings(result, "iati_export_lossy"))
    assert any(p.path == "title.ltg" for p in findings(result, "iati_export_not_on_codelist"))


def test_fields_with_no_iati_element_are_listed_in_one_finding() -> None:
    """Fields IATI has no element for are named, never dropped silently."""
    item = programme(short_name="PROJ", programming_period="2021-2027", note="n")
    _root, result = export([item])
    (listed,) = [p for p in findings(result, "iati_export_lossy") if p.path == ""]
    assert {"short_name", "programming_period", "note"} <= set(listed.values["fields"])


# --- options and the file -----------------------------------------------------------------


def test_the_sector_defaults_to_social_protection_and_can_be_overridden() -> None:
    """DAC 16010 vocabulary 1 by default; another code or vocabulary when given."""
    root, _result = export([programme()])
    sector = root.find("iati-activity/sector")
    assert (sector.get("code"), sector.get("vocabulary")) == ("16010", "1")
    root, _result = export([programme()], default_sector=IatiSector("SW", "99", "Social work"))
    sector = root.find("iati-activity/sector")
    assert (sector.get("code"), sector.get("vocabulary"), sector.findtext("narrative")) == (
        "SW",
        "99",
        "Social work",
    )


def test_write_iati_writes_the_same_bytes_atomically(tmp_path: Path) -> None:
    """write_iati writes exactly what to_iati_xml returns, replacing any previous file."""
    target = tmp_path / "activities.xml"
    target.write_text("old")
    result = write_iati(EXAMPLES, target, generated=GENERATED)
    assert target.read_bytes() == result.xml == to_iati_xml(EXAMPLES, generated=GENERATED).xml
    assert [p.name for p in tmp_path.iterdir()] == ["activities.xml"]


def test_nothing_to_export_is_a_clear_error() -> None:
    """An empty collection cannot be an IATI file (it holds at least one activity)."""
    with pytest.raises(IatiExportError, match="no programmes to export"):
        to_iati_xml([])


def test_without_lxml_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without lxml the export says which extra to install."""
    import sys

    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    with pytest.raises(MissingExtraError, match=r'pip install "capacitylib\[iati\]"'):
        to_iati_xml(EXAMPLES)


def test_the_generation_time_is_stamped() -> None:
    """generated-datetime and every last-updated-datetime are the generation time in UTC."""
    root, _result = export(EXAMPLES[:1])
    assert root.get("generated-datetime") == "2025-06-30T12:00:00+00:00"
    assert root.find("iati-activity").get("last-updated-datetime") == "2025-06-30T12:00:00+00:00"


# --- the results framework ----------------------------------------------------------------


def test_reporting_periods_targets_actuals_and_breakdowns(activity_schema: Any) -> None:
    """Periods keep their target and actual; each breakdown part is a dimensioned figure."""
    indicator = _indicator(
        kind="result",
        baseline=5,
        baseline_as_of="2021-12-31",
        baseline_source="survey 2021",
        common_indicator="EECO01",
        periods=[
            {
                "start": "2022",
                "target": {
                    "value": 40,
                    "breakdowns": [{"by": "gender", "parts": [{"category": "women", "value": 30}]}],
                },
                "actual": {"value": {"min": 36, "max": 38}, "as_of": "2022-11"},
            }
        ],
    )
    root, result = export([programme(indicators=[indicator])])
    assert_valid(activity_schema, root)
    element = root.find("iati-activity/result")
    assert element.get("type") == "2"
    ind = element.find("indicator")
    assert ind.find("reference").attrib == {"vocabulary": "99", "code": "EECO01"}
    baseline = ind.find("baseline")
    assert (baseline.get("year"), baseline.get("iso-date"), baseline.get("value")) == (
        "2021",
        "2021-12-31",
        "5",
    )
    assert "survey 2021" in baseline.findtext("comment/narrative")
    (period,) = ind.findall("period")
    assert period.find("period-start").get("iso-date") == "2022-01-01"
    assert period.find("period-end").get("iso-date") == "2022-12-31"
    targets = period.findall("target")
    assert [t.get("value") for t in targets] == ["40", "30"]
    assert targets[1].find("dimension").attrib == {"name": "gender", "value": "women"}
    (actual,) = period.findall("actual")
    assert actual.get("value") == "36"
    comment = actual.findtext("comment/narrative")
    assert "36-38 (a range)" in comment
    assert "As of 2022-11" in comment
    lossy = {p.path for p in findings(result, "iati_export_lossy")}
    assert {"indicators[0].periods[0].actual", "indicators[0].common_indicator"} <= lossy


def test_a_qualitative_indicator_has_words_and_no_values(activity_schema: Any) -> None:
    """A qualitative indicator (measure 5) writes its narratives as comments, no values."""
    indicator = {
        "id": "q",
        "kind": "result",
        "name": {"en": "Practice changed"},
        "measure": "qualitative",
        "periods": [
            {
                "start": "2022",
                "target": {"narrative": {"en": "Supervision is routine"}},
                "actual": {"narrative": {"lv": "Supervīzija notiek regulāri"}},
            }
        ],
    }
    root, _result = export([programme(indicators=[indicator])])
    assert_valid(activity_schema, root)
    ind = root.find("iati-activity/result/indicator")
    assert ind.get("measure") == "5"
    target = ind.find("period/target")
    assert target.get("value") is None
    assert target.findtext("comment/narrative") == "Supervision is routine"
    actual = ind.find("period/actual/comment/narrative")
    assert actual.get("{http://www.w3.org/XML/1998/namespace}lang") == "lv"


def test_a_words_only_target_of_a_counted_indicator_is_reported_not_written() -> None:
    """IATI rule 8.9.1: a target of a unit indicator needs a value; words alone are reported."""
    indicator = _indicator(periods=[{"start": "2022", "target": {"narrative": {"en": "many"}}}])
    root, result = export([programme(indicators=[indicator])])
    assert root.find("iati-activity/result/indicator/period") is None
    assert any(
        p.path == "indicators[0].periods[0].target" for p in findings(result, "iati_export_lossy")
    )


def test_a_ratio_indicator_is_a_unit_measure_reported_as_lossy() -> None:
    """IATI has no ratio measure: it is written as 1 Unit and reported."""
    indicator = {
        "id": "r",
        "kind": "output",
        "name": {"en": "Cases per worker"},
        "measure": "ratio",
        "target": 12,
        "target_date": "2022-12-31",
    }
    root, result = export([programme(indicators=[indicator])])
    assert root.find("iati-activity/result/indicator").get("measure") == "1"
    assert any(p.path == "indicators[0].measure" for p in findings(result, "iati_export_lossy"))


# --- docs/iati.md -------------------------------------------------------------------------

DOC = Path(__file__).parents[3] / "docs" / "iati.md"


def test_the_publishing_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pycon example of docs/iati.md runs and prints what it shows."""
    import doctest
    import re

    monkeypatch.chdir(tmp_path)
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)
    assert blocks
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    for number, code in enumerate(blocks):
        test = doctest.DocTestParser().get_doctest(code, globs, f"iati.md[{number}]", str(DOC), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs
    assert runner.summarize(verbose=False).failed == 0
    assert (tmp_path / "activities.xml").is_file()


def test_the_policy_table_names_every_programme_field() -> None:
    """Every field of a programme and of an indicator appears in the policy tables."""
    from capacitylib.models import Indicator

    text = DOC.read_text(encoding="utf-8")
    tables = text[text.index("## What each field becomes") : text.index("### Codes")]
    for name in [*Programme.model_fields, *Indicator.model_fields]:
        if name == "id":
            continue
        assert f"`{name}" in tables or f"{name}`" in tables or f" {name}," in tables, name
