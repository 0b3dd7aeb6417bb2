"""Structural problems: each invalid file raises exactly the code and path it promises."""

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

import capacitylib
from capacitylib.rules import STRUCTURAL_CODES

INVALID = Path(__file__).parents[1] / "data" / "invalid"
FILES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (?P<code>[a-z_]+) at (?P<path>\S+)$", flags=re.MULTILINE)


def test_there_are_invalid_files():
    assert len(FILES) >= 6


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_invalid_file_raises_its_code_at_its_path(path):
    """The file name gives the code; its '# expect:' line gives the code and the path."""
    text = path.read_text(encoding="utf-8")
    expect = _EXPECT.search(text)
    assert expect is not None, f"{path.name} needs a '# expect: <code> at <path>' line"
    code_from_name = path.stem.split("__")[0]
    assert expect["code"] == code_from_name
    assert code_from_name in STRUCTURAL_CODES
    with pytest.raises(ValidationError) as info:
        capacitylib.loads(text)
    problems = capacitylib.problems_from_error(info.value)
    assert [(p.code, p.path) for p in problems] == [(expect["code"], expect["path"])]
    assert all(p.severity == "error" for p in problems)


def test_the_same_document_corrected_is_valid_and_checkable():
    """Correcting the swapped dates makes a programme that check() accepts."""
    text = (INVALID / "period_end_before_start__programme.yaml").read_text(encoding="utf-8")
    fixed = text.replace("start: 2019-10-31", "start: X").replace(
        "end: 2019-05-16", "end: 2019-10-31"
    )
    programme = capacitylib.loads(fixed.replace("start: X", "start: 2019-05-16"))
    assert capacitylib.rules.check(programme) == []
