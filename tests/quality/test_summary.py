"""The dataset summary: counts match what was planted, parts combine, the HTML shows it."""

import json
import random
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib.io.records import json_line, validate_records
from capacitylib.quality import DatasetSummary, summarise
from tests.test_cli import run

EXAMPLES = capacitylib.load_examples()


def document(programme):
    return json.loads(json_line(programme))


def with_id(doc, new_id):
    return {**doc, "id": new_id}


def planted_stream(copies: int = 40):
    """Lines with a known number of valid records, rejects, duplicates and conflicts."""
    lines, expected = [], {"valid": 0, "rejected": 0}
    base = [document(p) for p in EXAMPLES]
    for copy in range(copies):
        for index, doc in enumerate(base):
            lines.append(json.dumps(with_id(doc, f"{doc['id']}-{copy}")))
            expected["valid"] += 1
            if copy == 0 and index == 0:
                lines.append(json.dumps(with_id(doc, f"{doc['id']}-{copy}")))  # a duplicate
                expected["valid"] += 1
    conflicting = with_id(base[1], f"{base[1]['id']}-3")
    conflicting["title"] = {"en": "Another title for the same id"}
    lines.append(json.dumps(conflicting))  # a conflict (and a code with two titles, if coded)
    expected["valid"] += 1
    for _ in range(7):
        lines.append('{"id": "broken"}')  # field_required
        expected["rejected"] += 1
    lines.append('{"id": "x", "title": {"en": "t"}, "colour": 1}')  # field_unknown
    expected["rejected"] += 1
    lines.append("not json")  # json_invalid
    expected["rejected"] += 1
    return lines, expected


def test_counts_and_codes_match_what_was_planted():
    lines, expected = planted_stream()
    summary = summarise(validate_records(lines, "planted.ndjson"))
    assert (summary.valid, summary.rejected) == (expected["valid"], expected["rejected"])
    assert summary.records == len(lines) == summary.valid + summary.rejected
    codes = {stats.code: stats for stats in summary.sorted_codes()}
    assert codes["field_required"].records == 7
    assert codes["field_unknown"].records == 1
    assert codes["json_invalid"].records == 1
    assert [e.where[1] for e in codes["field_required"].examples] == [
        len(lines) - 8 + i for i in range(5)
    ]
    findings = {(f.code, f.value) for f in summary.findings()}
    first = EXAMPLES[0].id
    second = EXAMPLES[1].id
    assert ("dataset_programme_duplicate", f"{first}-0") in findings
    assert ("dataset_programme_conflict", f"{second}-3") in findings
    assert [f.code for f in summary.findings()].count("dataset_programme_duplicate") == 1
    assert [f.code for f in summary.findings()].count("dataset_programme_conflict") == 1


def test_organisations_codes_and_funder_currencies_are_checked_across_records():
    base = document(EXAMPLES[2])
    assert base.get("code") and base.get("organisations")
    renamed = with_id(base, "other-record")
    renamed["title"] = {"en": "A different title for the same code"}
    organisation = dict(renamed["organisations"][0])
    organisation["name"] = {"en": "A different name for the same id"}
    renamed["organisations"] = [organisation, *renamed["organisations"][1:]]
    summary = summarise(validate_records([json.dumps(base), json.dumps(renamed)]))
    codes = {f.code for f in summary.findings()}
    assert {"dataset_code_titles_differ", "dataset_organisation_conflict"} <= codes


def test_fill_rates_share_of_records_stating_each_field():
    summary = summarise(EXAMPLES)
    rates = summary.fill_rates()
    with_indicators = sum(1 for p in EXAMPLES if p.indicators)
    assert rates["indicators"] == with_indicators / len(EXAMPLES)
    assert rates["title"] == 1.0
    assert all(0 <= rate <= 1 for rate in rates.values())


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_summaries_of_parts_combine_into_the_summary_of_the_whole(data):
    lines, _ = planted_stream(copies=3)
    outcomes = list(validate_records(lines, "s.ndjson"))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(outcomes)), min_size=2, max_size=2)))
    parts = [outcomes[: cuts[0]], outcomes[cuts[0] : cuts[1]], outcomes[cuts[1] :]]
    a, b, c = (summarise(part) for part in parts)
    whole = summarise(outcomes).as_dict()
    assert a.merge(b).merge(c).as_dict() == whole
    assert a.merge(b.merge(c)).as_dict() == whole
    assert c.merge(a).merge(b).as_dict() == whole
    assert DatasetSummary().merge(a).as_dict() == a.as_dict()


def test_dask_partitions_combine(tmp_path):
    bag = pytest.importorskip("dask.bag")
    lines, expected = planted_stream(copies=5)
    random.Random(7).shuffle(lines)  # noqa: S311 - a fixed order, not a secret
    parts = bag.from_sequence(lines, npartitions=4)
    summary = (
        parts.map_partitions(lambda part: [summarise(validate_records(list(part)))])
        .fold(lambda x, y: x.merge(y), initial=DatasetSummary())
        .compute(scheduler="synchronous")
    )
    assert (summary.valid, summary.rejected) == (expected["valid"], expected["rejected"])
    assert {f.code for f in summary.findings()} >= {
        "dataset_programme_duplicate",
        "dataset_programme_conflict",
    }


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.scripts = 0
        self._table = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self._table = dict(attrs).get("id")
            self.tables[self._table] = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def hostile_lines():
    doc = document(EXAMPLES[0])
    hostile = with_id(doc, "<script>alert(1)</script>")
    return [json.dumps(doc), json.dumps(doc), json.dumps(hostile), '{"id": "<b>x</b>"}']


def test_the_html_summary_shows_the_tables_with_every_text_escaped():
    summary = summarise(validate_records(hostile_lines(), "<in>.ndjson"))
    page = summary.render_html()
    parser = _Collect()
    parser.feed(page)
    assert parser.scripts == 0
    codes = {row[0] for row in parser.tables["codes"][1:]}
    assert {"field_required", "object_id_invalid"} & codes or "field_required" in codes
    across = parser.tables["across"][1:]
    assert [row[0] for row in across] == ["dataset_programme_duplicate"]
    fill = {row[0]: row[1] for row in parser.tables["fill"][1:]}
    assert fill["title"] == "100.0%"
    assert "&lt;in&gt;.ndjson" in page and "<in>.ndjson" not in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_the_html_summary_renders_in_a_headless_browser(tmp_path):
    page = tmp_path / "summary.html"
    page.write_text(summarise(EXAMPLES + EXAMPLES[:1]).render_html(), encoding="utf-8")
    shot = tmp_path / "summary.png"
    subprocess.run(
        [
            *("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"),
            *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_summary_text_json_and_html(tmp_path):
    lines, expected = planted_stream(copies=4)
    data = tmp_path / "planted.ndjson"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = run("validate", "--summary", str(data))
    assert text.returncode == 1
    assert f"{expected['valid']} valid, {expected['rejected']} rejected" in text.stdout
    assert "field_required" in text.stdout and "dataset_programme_conflict" in text.stdout
    assert len(text.stdout.splitlines()) < 60
    as_json = run("validate", "--summary", "--format", "json", str(data))
    [line] = as_json.stdout.splitlines()
    summary = json.loads(line)
    assert summary["records"] == len(lines)
    assert summary["versions"]["schema_version"] == capacitylib.SCHEMA_VERSION
    html = tmp_path / "quality.html"
    run("validate", "-q", "--summary-html", str(html), str(data))
    assert "Dataset summary" in html.read_text(encoding="utf-8")
