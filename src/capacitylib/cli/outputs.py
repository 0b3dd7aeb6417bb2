"""Output files of the commands: never an input, always atomic."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from capacitylib.cli._common import CommandError
from capacitylib.io._atomic import atomic_file


def open_out(stack: ExitStack, path: str | None) -> IO[str] | None:
    """An atomic output file: it replaces ``path`` only when the run completes."""
    if path is None:
        return None
    handle: IO[str] = stack.enter_context(atomic_file(path))
    return handle


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    try:
        info = path.stat()
    except OSError:
        return os.path.realpath(path), None
    return os.path.realpath(path), (info.st_dev, info.st_ino)


def _input_files(paths: Sequence[str]) -> list[Path]:
    """Every file and folder an input names (folders with everything under them)."""
    found: list[Path] = []
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        found.append(path)
        if path.is_dir():
            with contextlib.suppress(OSError):  # an unreadable subfolder is reported when read
                found += list(path.rglob("*"))
    return found


def check_outputs(inputs: Sequence[str], outputs: dict[str, str | None]) -> None:
    """Refuse an output that is an input, or the output of another option, before writing.

    Compares resolved paths and, for files that exist, their device and inode (hard links,
    symlinks). Raises :class:`CommandError` (exit 2) and nothing is opened.
    """
    taken: dict[object, str] = {}

    def claim(path: Path, owner: str) -> None:
        for key in _identity(path):
            if key is not None:
                taken[key] = owner

    for path in _input_files(inputs):
        claim(path, f"the input {path}")
    for option, value in outputs.items():
        if not value or value == "-":
            continue
        path = Path(value)
        for key in _identity(path):
            if key is not None and key in taken:
                raise CommandError(
                    f"{option} {path} is {taken[key]}; writing it would destroy it. "
                    "Nothing was written: choose another output"
                )
        claim(path, f"also {option}'s output")
