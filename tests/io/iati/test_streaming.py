"""iter_iati: the outcomes of read_iati one at a time, each activity freed after its turn."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

from capacitylib.io import formats
from capacitylib.io.iati import IatiSchemaError, iter_iati, read_iati

EXAMPLE = "examples/activity-standard-example-annotated.xml"


def _many(iati_dir: Path, copies: int) -> bytes:
    """The annotated example's activity ``copies`` times in one file, with distinct ids."""
    text = (iati_dir / EXAMPLE).read_text(encoding="utf-8")
    activity = re.search(r"<iati-activity\b.*?</iati-activity>", text, re.DOTALL)
    assert activity is not None
    one = activity.group()
    body = "\n".join(
        one.replace("AA-AAA-123456789-ABC123", f"AA-AAA-123456789-ABC{i:05d}")
        for i in range(copies)
    )
    return (text[: activity.start()] + body + text[activity.end() :]).encode("utf-8")


def _shape(outcomes):
    return [
        (
            o.where,
            o.record,
            o.valid,
            o.unreadable,
            o.text,
            None if o.programme is None else o.programme.model_dump(mode="json"),
            [(p.code, p.path, p.message) for p in o.problems],
        )
        for o in outcomes
    ]


def test_the_stream_gives_what_the_list_gives_with_schema_and_ruleset(iati_dir):
    """Same outcomes, problems, rule findings and texts, in the same order."""
    data = _many(iati_dir, 3)
    options = {
        "schemas": iati_dir / "schemas",
        "ruleset": iati_dir / "rulesets" / "standard.json",
        "name": "many.xml",
    }
    streamed = iter_iati(data, **options)
    assert not isinstance(streamed, list)
    listed = read_iati(data, **options)
    assert len(listed) == 3
    assert any(p.code == "iati_rule_failed" for o in listed for p in o.problems)
    assert _shape(streamed) == _shape(listed)


@pytest.mark.parametrize("kind", ["should-pass", "should-fail"])
def test_the_stream_gives_what_the_list_gives_for_the_schema_test_files(iati_dir, kind):
    """Every schema test file of one kind (a sample), streamed and listed, gives the same."""
    files = sorted((iati_dir / "schema-tests" / "tests").rglob(f"{kind}/*.xml"))[:40]
    assert files, "no schema test files"
    schemas = iati_dir / "schemas"
    for path in files:
        assert _shape(iter_iati(path, schemas=schemas)) == _shape(
            read_iati(path, schemas=schemas)
        ), path


def test_a_bad_schema_folder_raises_at_the_call_not_at_the_first_outcome(tmp_path):
    """The schemas are loaded at once, so the mistake shows where it is made."""
    with pytest.raises(IatiSchemaError, match="no IATI schema"):
        iter_iati(b"<iati-activities/>", schemas=tmp_path)


def test_unreadable_input_is_one_outcome_when_asked_for(tmp_path):
    """Nothing is read before iteration; a missing file is then one unreadable outcome."""
    outcomes = iter_iati(tmp_path / "missing.xml")
    [outcome] = list(outcomes)
    assert outcome.unreadable and outcome.problems[0].code == "input_unreadable"


@pytest.mark.slow
def test_a_consumer_that_drops_outcomes_holds_one_programme_at_a_time(iati_dir):
    """Python memory streaming 40 activities stays well below keeping them all."""
    data = _many(iati_dir, 40)

    def peak(consume) -> int:
        tracemalloc.start()
        try:
            consume()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def drop() -> None:
        for outcome in iter_iati(data):
            assert outcome.valid

    kept: list[object] = []
    streaming = peak(drop)
    keeping = peak(lambda: kept.extend(read_iati(data)))
    assert len(kept) == 40
    assert streaming * 3 < keeping, (streaming, keeping)  # about 7x apart


def test_the_cli_reads_iati_through_the_stream():
    """capacitylib validate and convert read IATI XML through iter_iati (the registry says so)."""
    assert formats.format_named("iati").reader.endswith(":iter_iati")


def test_a_file_closed_before_reading_or_open_in_text_mode_is_one_clean_outcome(tmp_path):
    """The caller's handle mistakes are named problems, not a ValueError or TypeError."""
    path = tmp_path / "a.xml"
    path.write_bytes(b'<iati-activities version="2.03"><iati-activity/></iati-activities>')
    with path.open("rb") as handle:
        outcomes = iter_iati(handle)
    [closed] = list(outcomes)  # read after the with block closed the file
    assert closed.unreadable and closed.problems[0].code == "input_unreadable"
    assert "closed file" in closed.problems[0].message
    with path.open(encoding="utf-8") as text:
        [outcome] = read_iati(text)  # type: ignore[arg-type]
    assert outcome.unreadable and "open it with 'rb'" in outcome.problems[0].message
