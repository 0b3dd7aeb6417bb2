import json

import jsonschema
import pytest

import capacitylib
from capacitylib.io.documents import parse_yaml
from capacitylib.schema import programme_json_schema, render


def test_shipped_schema_is_current():
    """The schema file in the package is what the models generate now."""
    shipped = json.dumps(programme_json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert shipped == render(), (
        "regenerate: python -m capacitylib.schema > src/capacitylib/_data/programme.schema.json"
    )


def test_shipped_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(programme_json_schema())


@pytest.mark.parametrize("path", capacitylib.example_paths(), ids=lambda p: p.name)
def test_examples_as_written_and_as_dumped_follow_the_schema(path):
    validator = jsonschema.Draft202012Validator(programme_json_schema())
    dumped = capacitylib.to_document(capacitylib.load(path))
    assert list(validator.iter_errors(dumped)) == []
    as_written = json.loads(json.dumps(parse_yaml(path.read_text("utf-8")), default=str))
    assert list(validator.iter_errors(as_written)) == []


def test_schema_rejects_what_the_model_rejects():
    validator = jsonschema.Draft202012Validator(programme_json_schema())
    assert list(validator.iter_errors({"id": "p", "title": {"en": "x"}, "colour": 1}))
