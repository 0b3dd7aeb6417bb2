"""Bulk validation without the garbage collector's cost.

Validating a batch builds hundreds of small objects per programme. Kept in a list, they make
CPython's cyclic garbage collector walk the whole growing heap again and again: for 10,000
small programmes the collector takes about four times as long as the validation itself
(``benchmarks/run.py``). capacitylib's models hold no reference cycles, so pausing the
collector while a batch is built is safe; it runs once afterwards as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk load, then restore it as it was.

    Reference counting still frees everything that is dropped; only the search for cycles
    waits until the block ends.

    >>> import capacitylib
    >>> with gc_paused():
    ...     programmes = capacitylib.load_examples()
    >>> len(programmes)
    6
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
