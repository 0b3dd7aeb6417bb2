import importlib.util
import json
import re
from pathlib import Path

import pytest

import capacitylib
from capacitylib import Programme
from capacitylib.rules import CATALOGUE, FAMILIES, RULES, STRUCTURAL_CODES, check
from tests.rules._builders import AS_OF, document
from tests.rules.test_results_rules import NEW_CODES as RESULTS_CODES
from tests.rules.test_results_rules import results_document

ROOT = Path(__file__).parents[2]
SRC = ROOT / "src" / "capacitylib"


def _eur(amount):
    return {"amount": amount, "currency": "EUR"}


def kitchen_sink() -> dict:
    """One LT ESF+ document with a problem of every kind the rules know."""
    return document(
        id="lt-07-003-P-0001",
        code="07-003-P-0001",
        code_scheme="lt_2014_2020",  # programme_code_scheme_mismatch
        title={"lt": "Integralios pagalbos teikimas ir plėtra"},  # title_english_missing
        country="LT",
        funding_instruments=["esf_plus"],
        programming_period="2021-2027",
        region_category="transition",
        periods=[{"start": "2022-12-08", "end": "2026-12-31", "status": "planned"}],
        stated_duration={"value": 3, "unit": "year"},  # duration_differs_from_stated
        organisations=[
            {"id": "esfa", "name": {"lt": "ESFA"}, "kind": "state_agency"},
            {
                "id": "visaginas-spc",
                "name": {"lt": "Visagino SPC"},
                "kind": "municipal_social_service",
            },
            {"id": "kaunas-spc", "name": {"lt": "Kauno SPC"}, "kind": "municipal_social_service"},
            {
                "id": "esfa",
                "name": {"lt": "ESFA (dublikatas)"},
                "kind": "state_agency",
            },  # id_duplicate
        ],
        partners=[
            {"organisation": "esfa", "role": "lead_implementer"},
            # partner_outside_programme_period
            {"organisation": "visaginas-spc", "role": "partner", "period": {"start": "2022-01-02"}},
        ],
        stated_partner_count=5,  # partner_count_differs_from_listed
        budget={
            "total": _eur("1000.00"),
            "sources": [
                {"kind": "eu_fund", "instrument": "esf_plus", "amount": _eur("800.00")},  # > 70%
                {"kind": "national_budget", "amount": _eur("100.00")},  # sum 900: do not add up
            ],
        },
        activities=[
            {
                "id": "intervision-2023",
                "kind": "intervision",
                "title": {"lt": "Intervizija", "en": "Intervision"},
                "dates": ["2021"],  # activity_outside_programme_period
                "sessions_actual": 9,  # session_count_differs_from_listed (2 held)
                "sessions": [
                    {"date": "2023-02-01", "status": "completed"},
                    {"date": "2027-05", "status": "completed"},  # session_outside_programme_period
                ],
                "participants": [{"group": "social_workers", "organisations": ["visaginas-spc"]}],
            },
            {
                "id": "supervision",
                "kind": "supervision_group",
                "title": {"lt": "Supervizija", "en": "Supervision"},
                "period": {"start": "2023-01-01", "end": "2023-12-31"},
                "frequency": {"every": 1, "unit": "month"},
                "sessions_actual": 3,  # session_count_outside_frequency_range (11-13)
                # training_hours_below_cpd_minimum (LT 16 h a year)
                "hours_per_participant": {"min": 6, "max": 6, "unit": "clock_hour"},
                "participants": [{"group": "social_workers", "organisations": ["visaginas-spc"]}],
            },
        ],
        indicators=[
            {
                "id": "persons-helped",
                "kind": "result",
                "name": {"lt": "Asmenys, gavę integralią pagalbą"},
                "unit": "persons",
                "target": 4018,
                "target_date": "2028",  # indicator_target_date_outside_programme_period
                "actuals": [
                    {"value": 9000, "as_of": "2023-12-31"},  # indicator_actual_far_above_target
                    {"value": 1200, "as_of": "2025"},  # indicator_actual_in_future
                ],
            }
        ],
    )


def format_1_1_documents() -> list[dict]:
    """Documents with a problem of every kind the 1.1 fields bring."""
    partial_split = document(
        partners=[
            {"organisation": "edvia", "role": "lead_implementer"},
            {"organisation": "up-msk", "role": "partner"},
        ],
        # stated_count_differs_from_listed: 2 partners besides the lead, 1 listed
        stated_counts=[{"subject": "partners", "value": 2, "source": "project page"}],
        budget={
            "total": _eur("1000.00"),
            "sources_complete": False,
            "sources": [
                # budget_sources_exceed_total; funding_source_share_differs_from_amount
                {"kind": "eu_fund", "amount": _eur("1200.00"), "share": "0.9"},
                {"kind": "national_budget", "share": "0.3"},  # budget_shares_above_one
            ],
        },
        # measure_code_scheme_mismatch
        measures=[{"level": "measure", "code": "9.2.6", "code_scheme": "lv_2021_2027_measure"}],
        extensions={"esfa": {"call": "K-408"}},  # extension_present
    )
    shares_short = document(
        # programme_period_ambiguous: two revisions, nothing orders them
        periods=[
            {"start": "2019-01-01", "end": "2020-12-31", "status": "revised"},
            {"start": "2019-01-01", "end": "2021-06-30", "status": "revised"},
        ],
        budget={
            "sources": [
                {"kind": "eu_fund", "share": "0.5"},
                {"kind": "own_contribution_cash", "share": "0.3"},  # budget_shares_do_not_add_up
            ]
        },
    )
    return [partial_split, shares_short]


#: Codes only the 1.1 documents raise (not the kitchen sink).
FORMAT_1_1_CODES = {
    "budget_sources_exceed_total",
    "budget_shares_above_one",
    "budget_shares_do_not_add_up",
    "funding_source_share_differs_from_amount",
    "programme_period_ambiguous",
    "stated_count_differs_from_listed",
    "measure_code_scheme_mismatch",
    "extension_present",
}


#: Codes only the common-indicator document raises (not the kitchen sink).
COMMON_INDICATOR_CODES = {c for c, e in CATALOGUE.items() if e.family == "common_indicators"}


def common_indicator_document() -> dict:
    """An ESF 2014-2020 document whose indicators misfit the common indicators they report."""

    def indicator(id_, code, **fields):
        return {
            "id": id_,
            "kind": "output",
            "name": {"en": id_},
            "unit": "persons",
            "target": 10,
            "common_indicator": code,
            **fields,
        }

    gender = {"by": "gender", "parts": [{"category": "women", "value": 6}]}
    return document(
        indicators=[
            indicator("a", "CO99"),  # common_indicator_unknown
            indicator("b", "EECO02", target_breakdowns=[gender]),  # framework_mismatch
            indicator("c", "CR03", target_breakdowns=[gender]),  # kind_mismatch
            # measure_mismatch (and breakdown_missing)
            indicator("d", "CO16", measure="percentage", unit=None),
            # unit_mismatch, breakdown_unused (region), breakdown_missing (gender)
            indicator(
                "e",
                "CO16",
                unit="families",
                target_breakdowns=[
                    {"by": "region", "parts": [{"category": "Ostrava", "value": 4}]}
                ],
            ),
        ]
    )


def every_code_documents() -> list[dict]:
    mixed = document(
        budget={
            "total": _eur("100.00"),
            "sources": [{"kind": "other", "amount": {"amount": "100.00", "currency": "CZK"}}],
        }
    )
    unknown_scheme = document(code="07-003-P-001", country="LT")
    personal = document(note="Klientas 39001010000, tel. +370 612 34567, ona@centras.lt")
    return [
        kitchen_sink(),
        mixed,
        unknown_scheme,
        personal,
        *format_1_1_documents(),
        common_indicator_document(),
        results_document(),
    ]


def test_every_catalogue_code_is_emitted_and_every_emitted_code_is_listed():
    """The catalogue lists exactly the codes the rules emit, at the catalogue's severity."""
    emitted = set()
    for doc in every_code_documents():
        for found in check(Programme.model_validate(doc), as_of=AS_OF):
            assert found.code in CATALOGUE
            assert found.severity == CATALOGUE[found.code].severity
            emitted.add(found.code)
    assert emitted == set(CATALOGUE)


def test_format_1_1_problems_are_found_where_they_are():
    """Each 1.1 finding points at the field that holds the problem."""
    found = {
        (f.code, f.path)
        for doc in format_1_1_documents()
        for f in check(Programme.model_validate(doc), as_of=AS_OF)
        if f.code in FORMAT_1_1_CODES
    }
    assert found == {
        ("budget_sources_exceed_total", "budget.sources"),
        ("budget_shares_above_one", "budget.sources"),
        ("budget_shares_do_not_add_up", "budget.sources"),
        ("funding_source_share_differs_from_amount", "budget.sources[0].share"),
        ("programme_period_ambiguous", "periods"),
        ("stated_count_differs_from_listed", "stated_counts[0].value"),
        ("measure_code_scheme_mismatch", "measures[0].code"),
        ("extension_present", "extensions.esfa"),
    }


def test_all_problems_are_found_at_once():
    """One check of the kitchen-sink document reports every problem in it, not the first."""
    found = check(Programme.model_validate(kitchen_sink()), as_of=AS_OF)
    codes = [f.code for f in found]
    # All but budget_currency_mixed, programme_code_scheme_unknown and the personal_data family.
    assert len(set(codes)) == (
        len(CATALOGUE)
        - 5
        - len(FORMAT_1_1_CODES)
        - len(COMMON_INDICATOR_CODES)
        - len(RESULTS_CODES)
    )
    assert codes.count("organisation_unreferenced") == 1  # kaunas-spc
    families = [CATALOGUE[c].family for c in codes]
    assert families == sorted(families, key=FAMILIES.index)


def test_findings_are_json_ready():
    """Every finding converts to JSON with as_dict()."""
    found = check(Programme.model_validate(kitchen_sink()), as_of=AS_OF)
    text = json.dumps([f.as_dict() for f in found], ensure_ascii=False)
    assert '"code": "budget_share_above_ceiling"' in text


def test_catalogue_entries_are_well_formed():
    """Codes are snake_case, prefixed by a concept; every family has a rule module."""
    for code, entry in CATALOGUE.items():
        assert re.fullmatch(r"[a-z]+(?:_[a-z]+)+", code), code
        assert entry.code == code
        assert entry.severity in {"error", "warning", "info"}
        assert entry.meaning.endswith(".")
        assert entry.source
    assert set(FAMILIES) == set(RULES)
    for family in FAMILIES:
        assert (SRC / "rules" / f"{family}.py").is_file()


def test_structural_codes_list_every_custom_validation_code():
    """Every PydanticCustomError code in values/, models/ and the readers is in STRUCTURAL_CODES."""
    raised = set()
    readers = [SRC / "io" / "_duplicates.py"]
    for path in [*(SRC / "values").glob("*.py"), *(SRC / "models").glob("*.py"), *readers]:
        raised |= set(re.findall(r'PydanticCustomError\(\s*"([a-z_]+)"', path.read_text("utf-8")))
    aliases = {"field_unknown", "field_required"}  # capacitylib.errors renames pydantic's own
    assert raised
    assert raised | aliases == set(STRUCTURAL_CODES)


def _render_script():
    spec = importlib.util.spec_from_file_location(
        "render_catalogue", ROOT / "scripts" / "render_catalogue.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_catalogue_is_current():
    """docs/rules.md holds the tables rendered now (python scripts/render_catalogue.py)."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert _render_script().render(text) == text
    for code in CATALOGUE:
        assert f"| `{code}` |" in text


def test_render_replaces_a_stale_table():
    """The script rewrites a stale section, so the test above can fail."""
    stale = "x\n<!-- catalogue:findings:start -->\nold\n<!-- catalogue:findings:end -->\ny\n"
    rendered = _render_script().render(stale)
    assert "old" not in rendered
    assert "| `id_duplicate` | error |" in rendered


def test_docs_example_runs(monkeypatch, capsys):
    """The first Python example of docs/rules.md runs and prints what its comment says."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code.group(1), "docs/rules.md", "exec"), {})  # noqa: S102 - our own docs
    printed = capsys.readouterr().out.splitlines()
    expected = re.findall(r"^# (warning .*)$", code.group(1), flags=re.MULTILINE)
    assert printed == expected


@pytest.mark.parametrize("name", ["check", "check_strict", "Finding", "RuleOptions", "CATALOGUE"])
def test_rules_package_exports(name):
    assert hasattr(capacitylib.rules, name)


_CODE_PATTERNS = (
    r'\bcode\s*=\s*"([a-z][a-z0-9_]+)"',
    r'PydanticCustomError\(\s*"([a-z][a-z0-9_]+)"',
    r'\b_?problem\(\s*"([a-z][a-z0-9_]+)"',
    r'code="?\s*if [^\n]*else\s+"([a-z][a-z0-9_]+)"',
    r'"([a-z]+_[a-z0-9_]+)"\s+if\s+\w+\s+else\s+"([a-z]+_[a-z0-9_]+)"',
)


def test_every_code_the_library_can_emit_is_in_a_catalogue():
    """A scan of src/ for problem codes: each is catalogued (or is pydantic's own type)."""
    from typing import get_args

    from pydantic_core.core_schema import ErrorType

    from capacitylib.rules.catalogue import DATASET_CODES, READER_CODES

    known = (
        set(CATALOGUE)
        | set(STRUCTURAL_CODES)
        | set(READER_CODES)
        | set(DATASET_CODES)
        | set(get_args(ErrorType))
    )
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        text = path.read_text("utf-8")
        for pattern in _CODE_PATTERNS:
            for match in re.finditer(pattern, text):
                for code in match.groups():
                    if code:
                        found.setdefault(code, str(path.relative_to(SRC)))
    assert len(found) > 40, sorted(found)
    missing = {code: where for code, where in found.items() if code not in known}
    assert not missing, f"codes emitted but not catalogued: {missing}"
    for code in (
        "duplicate_key",
        "record_not_utf8",
        "table_file_unsafe",
        "dataset_programme_conflict",
    ):
        assert code in found, code
