"""Format 1.0 documents load under 1.1, and upgrading them loses nothing."""

from datetime import date
from pathlib import Path

import pytest

import capacitylib
from capacitylib import Programme
from capacitylib.io.documents import parse_yaml
from capacitylib.models.upgrade import upgrade_document

FORMAT_1_0 = sorted((Path(__file__).parent / "format_1_0").glob("*.yaml"))


@pytest.mark.parametrize("path", FORMAT_1_0, ids=lambda p: p.name)
def test_every_1_0_document_loads_and_means_what_it_meant(path):
    """A seed document as written in format 1.0 loads, says 1.0, and keeps its period."""
    data = parse_yaml(path.read_text("utf-8"))
    assert data["schema_version"] == "1.0"
    programme = Programme.model_validate(data)
    assert programme.schema_version == "1.0"
    stated = [p for p in programme.periods if p.start is not None]
    if stated:
        assert programme.period is not None
        assert isinstance(programme.period.start, date)


@pytest.mark.parametrize("path", FORMAT_1_0, ids=lambda p: p.name)
def test_upgrade_rewrites_1_0_as_1_1_losing_nothing(path):
    """The upgraded document says 1.1 and loads to the same programme."""
    data = parse_yaml(path.read_text("utf-8"))
    upgraded = upgrade_document(data)
    assert upgraded["schema_version"] == "1.1"
    before = Programme.model_validate(data)
    after = Programme.model_validate(upgraded)
    assert after.model_copy(update={"schema_version": "1.0"}) == before
    assert capacitylib.to_document(after) == upgraded


def test_upgrade_refuses_an_invalid_document_with_its_path():
    """An invalid document is refused, not half upgraded."""
    with pytest.raises(capacitylib.ValidationError) as info:
        upgrade_document(
            {"id": "p", "title": {"en": "P"}, "periods": [{"end": "2020", "start": "2021"}]}
        )
    assert [e["type"] for e in info.value.errors()] == ["period_end_before_start"]
    assert info.value.errors()[0]["loc"] == ("periods", 0)


def test_an_unknown_schema_version_is_refused():
    """Only the versions capacitylib reads are accepted."""
    with pytest.raises(capacitylib.ValidationError) as info:
        Programme.model_validate({"schema_version": "2.0", "id": "p", "title": {"en": "P"}})
    assert info.value.errors()[0]["loc"] == ("schema_version",)
