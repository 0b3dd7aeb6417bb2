"""stub."""

from pathlib import Path


def render(out: Path) -> None:
    """Stub."""
