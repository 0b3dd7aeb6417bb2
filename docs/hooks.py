"""mkdocs hooks: draw the seed charts, show docstring examples as code, check the reference.

Listed under ``hooks:`` in ``mkdocs.yml``. Not part of the site (``exclude_docs``).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import zlib
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>>( |$)")


class DoctestBlocks(Preprocessor):
    """Wrap runs of ``>>>`` lines (a doctest example and its output) in a ``pycon`` fence.

    Docstrings keep their examples as plain doctest text so that pytest runs them; Markdown
    would read ``>>>`` as three nested block quotes.
    """

    def run(self, lines: list[str]) -> list[str]:
        """Return ``lines`` with every doctest run outside a fence fenced as ``pycon``."""
        out: list[str] = []
        in_fence = False
        i = 0
        while i < len(lines):
            line = lines[i]
            if _FENCE.match(line):
                in_fence = not in_fence
            prompt = None if in_fence else _PROMPT.match(line)
            if prompt is None:
                out.append(line)
                i += 1
                continue
            indent = prompt.group(1)
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].removeprefix(indent))
                i += 1
            if out and out[-1].strip():
                out.append("")
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```", ""]
        return out


class DoctestBlocksExtension(Extension):
    """Register :class:`DoctestBlocks` before the fenced-code preprocessor (priority 25)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Add the preprocessor to ``md``."""
        md.preprocessors.register(DoctestBlocks(md), "doctest_blocks", 27)


@event_priority(100)  # before mkdocstrings reads the Markdown extensions
def on_config(config: Any) -> Any:
    """Add the doctest-block extension to the site's Markdown (docstrings use it too)."""
    config["markdown_extensions"].append(DoctestBlocksExtension())
    return config


def on_pre_build(config: Any) -> None:
    """Draw the charts of the bundled seed programmes into ``docs/images/``."""
    spec = importlib.util.spec_from_file_location(
        "render_plots", ROOT / "scripts" / "render_plots.py"
    )
    if spec is None or spec.loader is None:  # pragma: no cover - the script is in the repository
        raise RuntimeError("scripts/render_plots.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_plots", module)
    spec.loader.exec_module(module)
    module.render(Path(config["docs_dir"]) / "images")


#: Modules whose every ``__all__`` name the API reference must document.
PUBLIC_MODULES = (
    "capacitylib",
    "capacitylib.calculators",
    "capacitylib.rules",
    "capacitylib.parsing",
    "capacitylib.testing",
    "capacitylib.plots",
    "capacitylib.display",
)


def undocumented(inventory: Path) -> list[str]:
    """Public names that no reference page documents (none is in the site's inventory)."""
    data = inventory.read_bytes().split(b"\n", 4)[4]
    entries = {line.split(" ")[0] for line in zlib.decompress(data).decode().splitlines()}
    short = {entry.rsplit(".", 1)[-1] for entry in entries}
    missing = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if name == "ValidationError":  # pydantic's, linked from reference/values.md
                continue
            if f"{module_name}.{name}" not in entries and name not in short:
                missing.append(f"{module_name}.{name}")
    return missing


def on_post_build(config: Any) -> None:
    """Fail the build when a public name is missing from the API reference."""
    missing = undocumented(Path(config["site_dir"]) / "objects.inv")
    if missing:
        raise PluginError("not in the API reference (docs/reference/*.md): " + ", ".join(missing))
