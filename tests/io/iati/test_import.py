"""Importing IATI activities: the official example maps, and every element is accounted for."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from capacitylib import Programme
from capacitylib.io.records import json_line, validate_record
from capacitylib.testing import rich_programme_documents

etree = pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

from capacitylib.io.iati._import_values import object_id, split_ref  # noqa: E402
from capacitylib.io.iati._ledger import XML_LANG, element_from_json, element_json  # noqa: E402
from capacitylib.io.iati.imports import read_iati  # noqa: E402

EXAMPLE = "examples/activity-standard-example-annotated.xml"

#: Element paths (inside iati-activity, without positions) the importer maps, and the
#: attributes it maps on each. Everything else must be kept under extensions.iati.
MAPPED = {
    "iati-identifier": set(),
    "other-identifier": {"ref", "type"},
    "reporting-org": {"ref", "type"},
    "reporting-org/narrative": {XML_LANG},
    "title": set(),
    "title/narrative": {XML_LANG},
    "description": {"type"},
    "description/narrative": {XML_LANG},
    "participating-org": {"ref", "type", "role"},
    "participating-org/narrative": {XML_LANG},
    "activity-status": {"code"},
    "activity-date": {"type", "iso-date"},
    "recipient-country": {"code"},
    "location": set(),
    "location/description": set(),
    "location/description/narrative": {XML_LANG},
    "budget": {"type"},
    "budget/value": {"currency"},
    "document-link": set(),
    "document-link/title": set(),
    "document-link/title/narrative": {XML_LANG},
    "document-link/language": {"code"},
    "related-activity": {"type", "ref"},
    "result": {"type"},
    "result/indicator": {"measure"},
    "result/indicator/title": set(),
    "result/indicator/title/narrative": {XML_LANG},
    "result/indicator/baseline": {"value", "iso-date"},
    "result/indicator/period": set(),
    "result/indicator/period/period-start": {"iso-date"},
    "result/indicator/period/period-end": {"iso-date"},
    "result/indicator/period/target": {"value"},
    "result/indicator/period/actual": {"value"},
}
#: Attributes of iati-activity itself that are mapped.
ACTIVITY_ATTRIBUTES = {XML_LANG}


@pytest.fixture(scope="module")
def example(iati_dir):
    """The annotated example: its activity element and the one outcome it imports as."""
    path = iati_dir / EXAMPLE
    parser = etree.XMLParser(remove_comments=True, resolve_entities=False, no_network=True)
    tree = etree.parse(str(path), parser)
    [outcome] = read_iati(path, schemas=iati_dir / "schemas")
    return tree, tree.getroot()[0], outcome


def _shape(tree, element) -> str:
    """``result/indicator/title`` for an element inside the activity (no positions)."""
    steps = []
    while element.getparent() is not None and element.getparent().tag != "iati-activities":
        steps.append(element.tag)
        element = element.getparent()
    return "/".join(reversed(steps))


def _relative(tree, element) -> str:
    return "iati-activity" + tree.getpath(element).split("iati-activity", 1)[1]


def test_the_annotated_example_imports_valid_with_no_refused_value(example):
    _tree, _activity, outcome = example
    assert outcome.valid
    assert outcome.line == 8 and outcome.record == "AA-AAA-123456789-ABC123"
    assert [p for p in outcome.problems if p.severity != "info"] == []


def test_the_annotated_example_maps_its_values(example):
    _tree, _activity, outcome = example
    p = outcome.programme
    # other-identifier A1, the reporting organisation's own identifier, is the document id.
    assert p.id == "ABC123-XYZ" and p.code == "ABC123"
    assert p.extensions["iati"]["iati-identifier"] == "AA-AAA-123456789-ABC123"
    assert p.title.root == {
        "en": "Activity title",
        "es": "Título de la actividad",
        "fr": "Titre de l'activité",
    }
    assert p.summary.best("fr").startswith("Activité générale")
    assert [o.best("en") for o in p.objectives] == [
        "Objectives for the activity, for example from a logical framework."
    ]
    [statement] = p.target_group_statements
    assert statement.text.best("en").startswith("Statement of groups") and statement.role == "other"
    orgs = {o.id: o for o in p.organisations}
    assert set(orgs) == {"AA-AAA-123456789", "BB-BBB-123456789", "CC-CCC-123456789"}
    assert orgs["AA-AAA-123456789"].name.root == {
        "en": "Organisation name",
        "fr": "Nom de l'organisme",
    }
    assert orgs["AA-AAA-123456789"].kind == "international_organisation"  # type 40
    assert orgs["CC-CCC-123456789"].kind == "state_agency"  # type 10
    assert [(i.scheme, i.value) for i in orgs["BB-BBB-123456789"].identifiers] == [
        ("BB-BBB", "123456789")
    ]
    assert [(x.organisation, x.role) for x in p.partners] == [
        ("BB-BBB-123456789", "funder"),
        ("CC-CCC-123456789", "managing_authority"),
        ("AA-AAA-123456789", "intermediate_body"),
    ]
    assert p.status == "in_implementation"
    assert [(str(x.start), str(x.end) if x.end else None, x.status) for x in p.periods] == [
        ("2012-04-15", "2015-12-31", "planned"),
        ("2012-04-28", None, "actual"),
    ]
    assert [(x.country, x.note) for x in p.locations] == [
        ("AF", None),
        ("AG", None),
        (None, "Location description"),
        (None, "Location #2 description"),
    ]
    assert p.country is None  # two recipient countries: none is the programme's
    assert p.budget.total.amount == Decimal("3000") and p.budget.total.currency == "EUR"
    assert [(r.relation, r.code) for r in p.related_programmes] == [
        ("parent", "AA-AAA-123456789-6789")
    ]
    [source] = p.sources
    assert (source.title, source.language, source.url) == ("Project Report 2013", "en", None)
    [indicator] = p.indicators
    assert (indicator.id, indicator.kind, indicator.measure, indicator.unit) == (
        "result-1-indicator-1",
        "output",
        "unit",
        "other",
    )
    assert indicator.name.root == {"en": "Indicator title"}
    assert str(indicator.baseline) == "10" and str(indicator.baseline_as_of) == "2012-01-01"
    [period] = indicator.periods
    assert period.span == (date(2013, 1, 1), date(2013, 3, 31))
    assert (str(period.target.value), str(period.actual.value)) == ("10", "11")


def test_every_element_of_the_example_is_mapped_or_kept_and_listed(example):
    """A walk over the XML: each element and attribute is mapped, or kept and listed once."""
    tree, activity, outcome = example
    kept = outcome.programme.extensions["iati"]["not_mapped"]
    whole = {item["path"] for item in kept if "element" in item}
    attributes = {item["path"]: set(item["attributes"]) for item in kept if "attributes" in item}
    assert len(whole) + len(attributes) == len(kept)
    listed = [p.path for p in outcome.problems if p.code == "iati_not_mapped"]
    assert sorted(listed) == sorted(tree.getpath(activity) + i["path"][13:] for i in kept)
    mapped_elements = 0
    for element in activity.iterdescendants(tag=etree.Element):
        path = _relative(tree, element)
        inside_kept = any(path == w or path.startswith(w + "/") for w in whole)
        if inside_kept:
            continue
        shape = _shape(tree, element)
        assert shape in MAPPED, f"{path} is neither mapped nor kept"
        mapped_elements += 1
        for name in element.attrib:
            key = "xml:lang" if name == XML_LANG else name
            assert name in MAPPED[shape] or key in attributes.get(path, set()), (
                f"@{key} of {path} is neither mapped nor kept"
            )
    for name in activity.attrib:
        key = "xml:lang" if name == XML_LANG else name
        assert name in ACTIVITY_ATTRIBUTES or key in attributes["iati-activity"]
    assert mapped_elements >= 40
    assert len(kept) >= 60


def test_kept_elements_turn_back_into_the_same_xml(example):
    tree, activity, outcome = example
    for item in outcome.programme.extensions["iati"]["not_mapped"]:
        if "element" not in item:
            continue
        [original] = activity.getroottree().xpath(tree.getpath(activity) + item["path"][13:])
        assert _canonical(element_from_json(item["element"])) == _canonical(original)


def _canonical(element) -> bytes:
    copy = etree.fromstring(etree.tostring(element, with_tail=False))
    for node in copy.iter():
        if node.text is not None and not node.text.strip():
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(copy, method="c14n")


def test_element_json_is_lossless_for_namespaces_mixed_content_and_attributes():
    xml = (
        b'<x:ext xmlns:x="urn:x" x:flag="1" xml:lang="lt">head<x:part a="b">inner</x:part>'
        b"tail text<x:empty/></x:ext>"
    )
    element = etree.fromstring(xml)
    data = element_json(element)
    assert json.loads(json.dumps(data)) == data
    assert data["attributes"] == {"{urn:x}flag": "1", "xml:lang": "lt"}
    assert _canonical(element_from_json(data)) == _canonical(element)


def test_the_imported_programme_travels_through_json_unchanged(example):
    _tree, _activity, outcome = example
    again = validate_record(json_line(outcome.programme))
    assert again.valid and again.programme == outcome.programme


def _file(*activities: str) -> bytes:
    return (
        '<iati-activities version="2.03">' + "".join(activities) + "</iati-activities>"
    ).encode()


def _activity(body: str, identifier: str = "XM-DAC-7-1", attributes: str = "") -> str:
    return (
        f'<iati-activity xml:lang="en"{attributes}><iati-identifier>{identifier}</iati-identifier>'
        '<reporting-org ref="XM-DAC-7" type="10"><narrative>Ministry</narrative></reporting-org>'
        f"<title><narrative>Training</narrative></title>{body}</iati-activity>"
    )


def _one(body: str, **options) -> object:
    [outcome] = read_iati(_file(_activity(body, **options)))
    return outcome


def test_an_activity_without_a_title_is_refused_with_a_named_problem():
    data = _file(
        "<iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative> </narrative>"
        "</title></iati-activity>"
    )
    [outcome] = read_iati(data)
    assert not outcome.valid and outcome.programme is None
    assert [p.code for p in outcome.problems if p.severity == "error"] == ["field_required"]


def test_an_empty_identifier_gives_the_position_as_id_with_a_warning():
    outcomes = read_iati(_file(_activity("", identifier=""), _activity("", identifier=" ")))
    assert [o.programme.id for o in outcomes] == ["iati-activity-1", "iati-activity-2"]
    assert all(o.programme.code is None for o in outcomes)
    assert all("iati_identifier_missing" in [p.code for p in o.problems] for o in outcomes)


def test_capacitylib_identifiers_come_back_from_other_identifier():
    body = (
        '<other-identifier ref="lt-spc-2023" type="A1"/><other-identifier ref="07/003" type="A9"/>'
    )
    outcome = _one(body, identifier="XM-DAC-7-07-003")
    assert (outcome.programme.id, outcome.programme.code) == ("lt-spc-2023", "07/003")
    assert outcome.programme.extensions["iati"]["iati-identifier"] == "XM-DAC-7-07-003"


def test_an_identifier_that_is_no_id_is_made_one_and_kept_exactly():
    outcome = _one("", identifier="XM-DAC-7-A/B C")
    assert outcome.programme.id == "XM-DAC-7-A-B-C"
    assert outcome.programme.code == "A/B C"
    assert outcome.programme.extensions["iati"]["iati-identifier"] == "XM-DAC-7-A/B C"


def test_values_a_field_refuses_are_kept_with_a_warning():
    body = (
        '<activity-date type="1" iso-date="2020-05-01"/><activity-date type="3" iso-date="2019-01-01"/>'
        '<budget><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>'
        '<value currency="EUR">-5</value></budget>'
        '<recipient-country code="EL"/>'
        '<description><narrative xml:lang="English">About</narrative></description>'
    )
    outcome = _one(body)
    assert outcome.valid
    warnings = [p for p in outcome.problems if p.severity == "warning"]
    assert [p.code for p in warnings] == ["iati_value_unmapped"] * 4
    paths = [p.path.rsplit("/", 1)[-1] for p in warnings]
    assert paths == ["narrative", "activity-date[1]", "recipient-country", "value"]
    assert "period_end_before_start" in warnings[1].message
    kept = {i["path"] for i in outcome.programme.extensions["iati"]["not_mapped"]}
    assert {
        "iati-activity/activity-date[1]",
        "iati-activity/activity-date[2]",
        "iati-activity/budget",
        "iati-activity/recipient-country",
        "iati-activity/description",
    } <= kept
    assert outcome.programme.periods == () and outcome.programme.budget is None


def test_a_revised_budget_replaces_the_original_of_its_period():
    def budget(kind: str, start: str, end: str, value: str) -> str:
        return (
            f'<budget type="{kind}"><period-start iso-date="{start}"/>'
            f'<period-end iso-date="{end}"/><value value-date="{start}">{value}</value></budget>'
        )

    body = (
        budget("1", "2024-01-01", "2024-12-31", "100.00")
        + budget("2", "2024-01-01", "2024-12-31", "120.50")
        + budget("1", "2025-01-01", "2025-12-31", "80")
    )
    outcome = _one(body, attributes=' default-currency="EUR"')
    assert str(outcome.programme.budget.total) == "200.50 EUR"
    kept = {i["path"] for i in outcome.programme.extensions["iati"]["not_mapped"]}
    assert "iati-activity/budget[1]" in kept  # the original replaced by the revision


def test_budgets_in_two_currencies_give_no_total():
    body = (
        '<budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/>'
        '<value currency="EUR" value-date="2024-01-01">1</value></budget>'
        '<budget><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/>'
        '<value currency="CZK" value-date="2025-01-01">1</value></budget>'
    )
    outcome = _one(body)
    assert outcome.programme.budget is None
    assert "cannot be added" in next(p.message for p in outcome.problems if p.severity == "warning")


def test_one_recipient_country_is_the_programmes_country():
    outcome = _one('<recipient-country code="LT" percentage="100"/>')
    assert outcome.programme.country == "LT" and outcome.programme.locations == ()


def test_an_organisation_named_twice_is_one_organisation_with_two_roles():
    body = (
        '<participating-org ref="LT-RC-188681153" role="1" type="10"><narrative>ESFA</narrative>'
        "</participating-org>"
        '<participating-org ref="LT-RC-188681153" role="3" type="10"><narrative>ESFA</narrative>'
        "</participating-org>"
    )
    p = _one(body).programme
    assert [o.id for o in p.organisations] == ["XM-DAC-7", "LT-RC-188681153"]
    assert [(x.organisation, x.role) for x in p.partners] == [
        ("LT-RC-188681153", "funder"),
        ("LT-RC-188681153", "intermediate_body"),
    ]
    assert p.organisation("LT-RC-188681153").identifiers[0].scheme == "LT-RC"


def test_a_narrative_without_a_language_in_an_activity_without_one_is_undetermined():
    data = _file(
        "<iati-activity><iati-identifier>XM-1</iati-identifier>"
        "<title><narrative>Mokymai</narrative></title></iati-activity>"
    )
    [outcome] = read_iati(data)
    assert outcome.programme.title.root == {"und": "Mokymai"}


def test_the_placeholder_reporting_organisation_is_no_organisation():
    data = _file(
        '<iati-activity xml:lang="en"><iati-identifier>XE-EXAMPLE-P1</iati-identifier>'
        '<reporting-org ref="XE-EXAMPLE" type="90"><narrative>Reporting organisation not stated'
        "</narrative></reporting-org><title><narrative>T</narrative></title></iati-activity>"
    )
    [outcome] = read_iati(data)
    assert outcome.programme.organisations == () and outcome.programme.code == "P1"
    kept = {i["path"] for i in outcome.programme.extensions["iati"]["not_mapped"]}
    assert "iati-activity/reporting-org" in kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AA-AAA-123456789-ABC123", "AA-AAA-123456789-ABC123"),
        ("GB-COH-123/45 b", "GB-COH-123-45-b"),
        ("-x-", "x"),
        ("///", "fallback"),
    ],
)
def test_object_ids_keep_what_an_id_allows(text, expected):
    assert object_id(text, "fallback") == expected
    assert Programme.model_validate({"id": object_id(text, "fallback"), "title": {"en": "t"}})


def test_long_identifiers_stay_distinct_ids():
    a, b = object_id("X" * 70 + "a", "f"), object_id("X" * 70 + "b", "f")
    assert a != b and len(a) == len(b) == 64


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("LT-RC-302589307", ("LT-RC", "302589307")),
        ("CZ-ICO-72496991", ("CZ-ICO", "72496991")),
        ("XM-DAC-41114", ("XM-DAC", "41114")),
        ("XI-IATI-EC_INTPA", ("XI-IATI", "EC_INTPA")),
        ("44000", None),
        ("lt-rc-1", None),
    ],
)
def test_organisation_identifiers_split_into_prefix_and_value(ref, expected):
    assert split_ref(ref) == expected


def test_an_imported_activity_exported_again_is_valid_and_keeps_its_mapped_values(
    example, activity_schema, iati_dir
):
    """Every mapped value comes back from export and import, or the export reports its loss."""
    export = pytest.importorskip("capacitylib.io.iati.export")
    _tree, _activity, outcome = example
    first = outcome.programme
    result = export.to_iati_xml([first])
    assert activity_schema.validate(etree.fromstring(result.xml).getroottree())
    [again] = read_iati(result.xml, schemas=iati_dir / "schemas")
    assert again.valid
    second = again.programme
    same = (
        "id", "code", "title", "summary", "objectives", "target_group_statements", "status",
        "periods", "indicators", "locations",
    )  # fmt: skip
    for name in same:
        assert getattr(second, name) == getattr(first, name), name
    assert [(o.name, o.kind) for o in second.organisations] == [
        (first.organisation(x.organisation).name, first.organisation(x.organisation).kind)
        for x in first.partners
    ]
    assert [x.role for x in second.partners] == [x.role for x in first.partners]
    # What does not come back is reported by the export, at its path.
    reported = {p.path.split("[")[0].split(".")[0] for p in result.problems}
    for name in ("budget", "sources", "related_programmes", "organisations"):
        if getattr(second, name) != getattr(first, name):
            assert name in reported, name


def _countries(programme: Programme) -> set[str]:
    return {str(c) for c in (programme.country, *(x.country for x in programme.locations)) if c}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=rich_programme_documents())
def test_generated_programmes_exported_read_back_valid_with_their_values(document, iati_dir):
    """Any programme the export writes imports valid; each mapped value comes back equal or
    the export reported what it changed at that field."""
    export = pytest.importorskip("capacitylib.io.iati.export")
    programme = Programme.model_validate(document)
    result = export.to_iati_xml([programme])
    [outcome] = read_iati(result.xml, schemas=iati_dir / "schemas")
    assert outcome.valid, [p.message for p in outcome.problems if p.severity == "error"]
    back = outcome.programme
    assert back.id == programme.id
    reported = {p.path.split("[")[0].split(".")[0] for p in result.problems}
    # Periods are compared on the annotated example: the export writes one planned and one
    # actual version of the stated periods, by its documented choice.
    for name in ("title", "summary", "objectives", "status", "code"):
        if getattr(back, name) != getattr(programme, name):
            assert name in reported, name
    # One recipient country is the programme's country, whether it was stated there or in a
    # location: the countries come back, not where they were stated.
    assert _countries(back) == _countries(programme) or "country" in reported
