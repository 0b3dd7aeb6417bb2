"""The seed programmes bundled with capacitylib, for trying things out and for tests.

The package ships them as canonical JSON, so they load in a core install (no extras); the
annotated YAML sources are in the repository's ``examples/programmes/`` folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from capacitylib.io._gc import gc_paused
from capacitylib.io.documents import load
from capacitylib.models import Programme


def example_paths() -> list[Path]:
    """Paths of the bundled example documents, sorted by file name.

    >>> [p.name for p in example_paths()][:2]
    ['cz-up-msk-supervision.json', 'lt-institutional-care-transition.json']
    """
    folder = Path(str(resources.files("capacitylib._data").joinpath("examples")))
    return sorted(folder.glob("*.json"))


def load_examples() -> list[Programme]:
    """The bundled example programmes, validated (no extra needed)."""
    with gc_paused():
        return [load(path) for path in example_paths()]
