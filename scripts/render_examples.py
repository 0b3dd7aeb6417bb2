"""Write the bundled example programmes (src/capacitylib/_data/examples/*.json).

The annotated YAML documents in examples/programmes/ are the source; the package ships their
canonical JSON so that a core install (no PyYAML) can load them. tests/test_examples_bundle.py
keeps the two equal. Run after editing an example:

    python scripts/render_examples.py
"""

from __future__ import annotations

from pathlib import Path

import capacitylib

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "examples" / "programmes"
BUNDLE = ROOT / "src" / "capacitylib" / "_data" / "examples"


def render() -> dict[Path, str]:
    """Bundled file to its text, for every YAML example."""
    return {
        BUNDLE / f"{path.stem}.json": capacitylib.dumps(capacitylib.load(path), format="json")
        for path in sorted(SOURCES.glob("*.yaml"))
    }


def main() -> None:
    """Write every bundled example and remove bundled files whose source is gone."""
    BUNDLE.mkdir(parents=True, exist_ok=True)
    wanted = render()
    for stale in set(BUNDLE.glob("*.json")) - set(wanted):
        stale.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
