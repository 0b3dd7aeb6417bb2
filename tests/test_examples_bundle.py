"""The bundled examples are the canonical JSON of the annotated YAML sources in examples/."""

from pathlib import Path

import pytest

import capacitylib

SOURCES = Path(__file__).resolve().parent.parent / "examples" / "programmes"


def test_every_yaml_example_is_bundled_as_its_canonical_json():
    if not SOURCES.is_dir():
        pytest.skip("examples/programmes is not beside the tests (an installed package)")
    sources = sorted(SOURCES.glob("*.yaml"))
    bundled = capacitylib.example_paths()
    assert [p.stem for p in bundled] == [p.stem for p in sources]
    for source, shipped in zip(sources, bundled, strict=True):
        programme = capacitylib.load(source)
        assert capacitylib.load(shipped) == programme
        expected = capacitylib.dumps(programme, format="json")
        assert shipped.read_text(encoding="utf-8") == expected, (
            f"{shipped.name} is out of date: run python scripts/render_examples.py"
        )


def test_the_examples_folder_is_a_real_folder_so_packages_carry_it():
    # A symlinked examples folder made `python -m build` drop the bundled seeds from the wheel.
    assert not SOURCES.is_symlink()
    assert len(capacitylib.example_paths()) == len(capacitylib.load_examples()) >= 6
