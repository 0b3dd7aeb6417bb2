"""Bulk validation without the garbage collector's cost.

Validating a batch builds many small objects per programme. Kept in a list, they make
CPython's cyclic garbage collector walk the whole growing heap again and again: for 10,000
small programmes the collector took about four times as long as the validation itself
(``benchmarks/run.py``). capacitylib's models and values hold no reference cycles, so pausing
the collector while a batch is built is safe; it runs again as usual afterwards.

The bulk loaders pause it themselves: :func:`~capacitylib.load_examples`,
:func:`~capacitylib.read_ndjson` (while it reads and validates each record; it runs again
while the caller holds the record, so an iterator left unfinished never leaves it paused),
:func:`~capacitylib.from_tables` and :func:`~capacitylib.read_tables` (a workbook, or a
folder of CSV or Parquet tables). Collections start only when a new object is allocated with
the collector running: a caller that keeps each programme and allocates nothing else
(``list(read_ndjson(...))``) triggers none while the list grows. Streams whose records are
dropped as they are written (``validate``, ``convert``) leave it on: the heap does not grow,
so the collector costs little there.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False


def pause() -> None:
    """Pause the collector (nesting; :func:`resume` ends the pause). Allocates nothing."""
    global _depth, _resume  # noqa: PLW0603 - one collector per process
    # Off first: taking the lock allocates (a bound method), which could start a collection.
    enabled = gc.isenabled()
    gc.disable()
    with _lock:
        if _depth == 0:
            _resume = enabled
        _depth += 1


def resume() -> None:
    """End one :func:`pause`; the collector runs again when the outermost pause ends."""
    global _depth  # noqa: PLW0603 - one collector per process
    with _lock:
        _depth -= 1
        if _depth == 0 and _resume:
            gc.enable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk load, then restore it as it was.

    Reference counting still frees everything that is dropped; only the search for cycles
    waits until the block ends. Pauses nest (a loader inside a paused block, two loaders at
    once): the collector runs again when the outermost one ends, and only if it was running
    when the first one began.

    >>> import capacitylib
    >>> with gc_paused():
    ...     programmes = capacitylib.load_examples()
    >>> len(programmes)
    6
    """
    pause()
    try:
        yield
    finally:
        resume()
