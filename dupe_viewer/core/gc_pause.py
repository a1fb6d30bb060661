"""Pause Python's cyclic garbage collector around bursts of object creation.

Regrouping 100,000 files creates a few hundred thousand small, acyclic objects (members, groups,
tuples); each burst of allocations triggers a collection that walks *every* live object — the
scan's records included — and that was half of a regroup's time (median 0.66 s with the
collector, 0.35 s without, ``tests/benchmarks/regroup.py --files 100000``). Reference counting
still frees everything as usual; only the cycle search waits until the burst is over.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block (nested and multi-threaded use is fine: it is
    re-enabled when the last block ends, and only if it was enabled when the first began)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
