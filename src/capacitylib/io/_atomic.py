"""Atomic outputs: a file or a folder of tables appears whole, or the old one stays as it was.

Every writer of capacitylib goes through here. A file is written to a securely created temporary
file in the target's folder (``tempfile.mkstemp``: an unpredictable name, created exclusively,
so a planted symlink is never followed) and renamed over the target only when it is complete
and flushed to disk. A folder of tables is built beside the target and swapped in whole
(``renameat2(RENAME_EXCHANGE)`` on Linux, else two renames). A failed, interrupted or killed
run therefore leaves the previous output untouched; the temporary files of a run killed with
``SIGKILL`` are removed by the next write to the same target. A write error (a full disk) is
an :class:`OutputError` naming the file.

Targets that are not regular files (``/dev/stdout``, a named pipe) cannot be replaced and are
written directly.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from capacitylib.errors import CapacitylibError

#: Marks the temporary files and folders of this module: ``.<name>.<pid>.<random>.cl-tmp``.
_TEMP_SUFFIX = ".cl-tmp"


class OutputError(CapacitylibError, OSError):
    """An output cannot be written (no permission, a full disk); the old output is unchanged.

    >>> error = OutputError("good.ndjson", "No space left on device")
    >>> str(error)
    'cannot write good.ndjson (No space left on device); any previous good.ndjson is unchanged'
    """

    def __init__(self, path: str, reason: str, *, errno_: int | None = None) -> None:
        super().__init__(
            errno_ or 0,
            f"cannot write {path} ({reason}); any previous {path} is unchanged",
        )
        self.path = path
        self.reason = reason
        self.filename = path

    def __str__(self) -> str:
        return str(self.strerror)


def _temp_name(target: Path) -> str:
    return f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{_TEMP_SUFFIX}"


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temporaries(target: Path) -> None:
    """Remove temporaries left beside ``target`` by runs that were killed (their pid is gone)."""
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or _pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                Path(entry.path).unlink()


def _is_special(target: Path) -> bool:
    """Whether ``target`` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def resolve_target(path: str | Path) -> Path:
    """The file an output path names: a symlink the user named is written through."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def _open_temporary(folder: Path, target: Path, mode: int) -> tuple[int, Path]:
    """A new file in ``folder``, created exclusively under an unpredictable name."""
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=folder
    )
    os.fchmod(fd, mode)
    return fd, Path(name)


@contextlib.contextmanager
def atomic_file(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    r"""Open ``path`` for writing; the content replaces ``path`` only when the block completes.

    Text files are UTF-8 with ``\\n`` line ends. On any exception (including
    ``KeyboardInterrupt``) the temporary file is removed and ``path`` is left as it was.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_file(target) as handle:
    ...     _ = handle.write("complete")
    >>> target.read_text()
    'complete'
    """
    target = resolve_target(path)
    shown = str(path)
    if _is_special(target):
        with _writing(shown), _open_direct(target, binary) as handle:
            yield handle
        return
    folder = target.parent if str(target.parent) else Path()
    remove_stale_temporaries(target)
    with _writing(shown):
        fd, temp = _open_temporary(folder, target, _new_file_mode(target))
    try:
        handle = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        )
        with _writing(shown), handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        with _writing(shown):
            temp.replace(target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _open_direct(target: Path, binary: bool) -> IO[Any]:
    if binary:
        return target.open("wb")
    return target.open("w", encoding="utf-8", newline="\n")


@contextlib.contextmanager
def _writing(shown: str) -> Iterator[None]:
    """Turn an ``OSError`` while writing ``shown`` into an :class:`OutputError` naming it."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(shown, exc.strerror or str(exc), errno_=exc.errno) from None


def write_file_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Let ``write(temp_path)`` produce a file by name (openpyxl, pyarrow), then swap it in.

    The temporary path is created exclusively in the target's folder and removed on failure.
    """
    target = resolve_target(path)
    shown = str(path)
    if _is_special(target):
        with _writing(shown):
            write(target)
        return
    folder = target.parent if str(target.parent) else Path()
    remove_stale_temporaries(target)
    with _writing(shown):
        fd, temp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=folder
        )
        os.close(fd)
    temp_path = Path(temp)
    try:
        with _writing(shown):
            write(temp_path)
            temp_path.chmod(_new_file_mode(target))
            with temp_path.open("rb+") as handle:
                os.fsync(handle.fileno())
            temp_path.replace(target)
    finally:
        with contextlib.suppress(OSError):
            temp_path.unlink()


#: Says why an existing target folder may not be replaced (``None``: it may).
FolderCheck = Callable[[Path], str | None]


@contextlib.contextmanager
def atomic_folder(
    path: str | Path, *, owned_suffix: str | None = None, check: FolderCheck | None = None
) -> Iterator[Path]:
    r"""A new folder to fill; it replaces the folder ``path`` whole when the block completes.

    ``path`` may exist only as a folder holding nothing but ``*<owned_suffix>`` files (tables
    a previous run wrote), or one that ``check`` accepts: a folder with anything else in it is
    refused rather than replaced, so no unrelated file is ever deleted. Every file under the
    new folder is flushed to disk before the swap.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "tables"
    >>> with atomic_folder(target, owned_suffix=".csv") as folder:
    ...     _ = (folder / "programmes.csv").write_text("programme_id\\n")
    >>> sorted(p.name for p in target.iterdir())
    ['programmes.csv']
    """
    target = resolve_target(path)
    shown = str(path)
    if owned_suffix is not None:
        _check_replaceable(target, shown, owned_suffix)
    if check is not None and target.exists() and (refusal := check(target)) is not None:
        raise OutputError(shown, refusal)
    parent = target.parent if str(target.parent) else Path()
    with _writing(shown):
        parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    with _writing(shown):
        temp = Path(
            tempfile.mkdtemp(
                prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=parent
            )
        )
    try:
        with _writing(shown):
            yield temp
            for folder, _, files in os.walk(temp):
                for name in files:
                    with (Path(folder) / name).open("rb+") as handle:
                        os.fsync(handle.fileno())
            temp.chmod(0o777 & ~_current_umask())
            _swap_in(temp, target)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)


def _check_replaceable(target: Path, shown: str, owned_suffix: str) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(shown, "it exists and is not a folder; tables are written as a folder")
    strangers = [
        p.name
        for p in target.iterdir()
        if not (p.is_file() and not p.is_symlink() and p.name.endswith(owned_suffix))
    ]
    if strangers:
        listed = ", ".join(sorted(strangers)[:3]) + (" ..." if len(strangers) > 3 else "")
        raise OutputError(
            shown,
            f"the folder holds files that are not {owned_suffix} tables ({listed}); "
            "write to a new or empty folder",
        )


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@functools.cache
def _renameat2() -> Any:
    """The C library's ``renameat2``, looked up once, when a folder is first swapped."""
    import ctypes  # noqa: PLC0415 - keeps ctypes out of `import capacitylib`
    import ctypes.util  # noqa: PLC0415

    name = ctypes.util.find_library("c")
    if name is None:  # pragma: no cover - every Linux has a libc
        return None
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):  # pragma: no cover - old glibc, macOS
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


def _get_errno() -> int:
    import ctypes  # noqa: PLC0415

    return ctypes.get_errno()


def _exchange(a: Path, b: Path) -> Literal[True] | None:
    """Swap two paths atomically (Linux ``renameat2``); ``None`` where it is not supported."""
    function = _renameat2()
    if function is None:  # pragma: no cover - not Linux
        return None
    result = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = _get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # pragma: no cover - old kernel, odd fs
        return None
    raise OSError(code, os.strerror(code), str(b))


def _swap_in(temp: Path, target: Path) -> None:
    """Put the folder ``temp`` at ``target``; the old ``target`` ends up at ``temp`` (removed)."""
    if not target.exists():
        temp.rename(target)
        temp.mkdir()  # so the caller's cleanup has something to remove
        return
    if _exchange(temp, target):
        return
    aside = target.with_name(_temp_name(target))  # pragma: no cover - fallback without renameat2
    target.rename(aside)  # pragma: no cover
    temp.rename(target)  # pragma: no cover
    aside.rename(temp)  # pragma: no cover


__all__ = [
    "OutputError",
    "atomic_file",
    "atomic_folder",
    "remove_stale_temporaries",
    "resolve_target",
    "write_file_atomically",
]
