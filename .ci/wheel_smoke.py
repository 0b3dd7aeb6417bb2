"""Run inside a fresh venv holding only the built wheel (no extras): the core install works.

Called by .ci/run after `python -m build`: the wheel must carry the bundled examples, the
command must find and validate all of them, and JSON must need no extra.
"""

import importlib.util
import json
import subprocess
import sys

import capacitylib

assert importlib.util.find_spec("yaml") is None, "the core install must not pull in PyYAML"

paths = capacitylib.example_paths()
assert len(paths) >= 6, f"the wheel carries {len(paths)} bundled examples"
programmes = capacitylib.load_examples()
assert len(programmes) == len(paths)

for programme in programmes:
    text = capacitylib.dumps(programme, format="json")
    assert capacitylib.loads(text) == programme
    assert json.loads(text)["id"] == programme.id

result = subprocess.run(
    [sys.executable, "-m", "capacitylib", "validate", str(paths[0].parent)],
    capture_output=True,
    text=True,
    check=False,
)
assert result.returncode == 0, result.stdout + result.stderr
expected = f"{len(paths)} records: {len(paths)} valid, 0 rejected"
assert expected in result.stdout, result.stdout

try:
    capacitylib.loads("id: p\ntitle: {en: x}\n")
except capacitylib.MissingExtraError as error:
    assert "capacitylib[yaml]" in str(error), error
else:
    raise AssertionError("YAML text read without PyYAML")

print(f"wheel smoke test: {len(paths)} bundled examples validated in a core install")
